//! Opinion reports (SPEC §16): filing one with its items in one
//! transaction, reading one or a page of them as `workflow`'s
//! [`workflow::opinion_visibility`] allows, filing a case from an item,
//! and the trends of items and cases over time.

mod case_from_item;
mod file;
mod list;
mod read;
mod trends;

use chrono::{DateTime, Utc};
use serde::Serialize;
use workflow::{Mood, OpinionReach, Source};

pub use file::{OpinionAnswer, OpinionOnce};
pub use list::{OpinionFilterChoices, OpinionReportFilter, OpinionReportPage};
pub use read::OpinionOrigin;
pub use trends::{
    MoodCounts, ReachCounts, TrendBucket, TrendQuery, TrendStep, Trends, period_start,
};

/// The most reports one page holds.
pub const MAX_REPORTS_PER_PAGE: u64 = 100;

/// One opinion report as its readers see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionReportView {
    /// Its id.
    pub id: i64,
    /// The collaborator who sent it: id…
    pub reporter_id: i64,
    /// …and name.
    pub reporter_name: String,
    /// The area's code…
    pub area: String,
    /// …and name.
    pub area_name: String,
    /// The month of a monthly report (`2026-11`); none for a quick one.
    pub period: Option<String>,
    /// Whether it is a quick report.
    pub quick: bool,
    /// When it was received.
    pub created_at: DateTime<Utc>,
    /// Its opinions, in order.
    pub items: Vec<OpinionItemView>,
}

/// One opinion of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionItemView {
    /// Its position in the report, from 1.
    pub position: i32,
    /// The category's code.
    pub category: String,
    /// What people say.
    pub summary: String,
    /// How they feel.
    pub mood: Mood,
    /// How far it has spread.
    pub reach: OpinionReach,
    /// Where it was heard.
    pub source: Source,
    /// People concerned, as estimated.
    pub people_affected: Option<i64>,
    /// The case a board officer filed from it, if any.
    pub case: Option<CaseLink>,
}

/// A case named by a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseLink {
    /// Its id.
    pub id: i64,
    /// Its code.
    pub code: String,
}
