//! Hotspot early warning (SPEC §16): the weekly signals read from cases and
//! opinion items (`signal`), the alerts the rule of `workflow` raises,
//! stored once per area × category × week and e-mailed at once to the
//! board officers and leaders whose jurisdiction holds the area (`raise`),
//! then listed and acknowledged (`read`).

mod raise;
mod read;
mod signal;

use chrono::NaiveDate;

pub use raise::Raised;
pub use read::{AlertFilter, AlertSeries};

/// Outbox kind of an alert e-mail.
pub const HOTSPOT_ALERT: &str = "hotspot_alert";

/// Weeks of signal the watch-list shows.
pub const WATCH_WEEKS: usize = 12;

/// An alert as its readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertView {
    /// Its number.
    pub id: i64,
    /// The area's code and name.
    pub area_code: String,
    /// The area's name.
    pub area_name: String,
    /// Category code.
    pub category: String,
    /// The category's name in the reader's language.
    pub category_name: String,
    /// The local Monday the week starts on.
    pub week_start: NaiveDate,
    /// `workflow::AlertReason` code.
    pub reason: String,
    /// The week's signal.
    pub observed: f64,
    /// The mean signal of the 8 weeks before.
    pub baseline: f64,
    /// The upper-tail probability, for an unusual rise.
    pub p_value: Option<f64>,
    /// When it was raised.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Who acknowledged it (their name), when, with what note.
    pub acknowledged: Option<Acknowledgement>,
}

/// An alert's acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    /// The officer's name.
    pub by: String,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
    /// The note.
    pub note: String,
}
