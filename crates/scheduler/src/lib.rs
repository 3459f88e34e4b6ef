//! The scheduler of noicom (SPEC §5): cron jobs that only enqueue work in
//! the database (materialise duty instances, compute due reminders) and the
//! outbox dispatcher that delivers e-mail with lettre. `sweep` runs all
//! three once as of a time T (`noicom remind --as-of T`); `run` runs them
//! on their cron schedules until shut down (`noicom scheduler`, and inside
//! `noicom serve`).

mod bulletin;
mod config;
mod deliver;
mod digest;
pub mod ics;
mod mail;
mod mailer;
mod render;
mod run;
mod sweep;

pub use config::{CronExpr, CronJobs, SchedulerConfig};
pub use deliver::{Delivered, DeliveryConfig, deliver_due};
pub use mail::Rendered;
pub use mailer::Mailer;
pub use render::{RenderError, render, render_digest};
pub use run::run;
pub use sweep::{Scheduler, Summary, sweep, worker_name};

/// Why a scheduler job failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration cannot work (SMTP URL, sender).
    #[error("cấu hình: {0}")]
    Config(String),
    /// The recipient's address is not an address: retrying will not help.
    #[error("địa chỉ e-mail không hợp lệ: {0}")]
    Address(String),
    /// The SMTP server refused or could not be reached.
    #[error("SMTP: {0}")]
    Smtp(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}
