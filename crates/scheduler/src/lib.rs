//! The scheduler of noicom (SPEC §5): cron jobs that only enqueue work in the
//! database and the outbox dispatcher that delivers e-mail. The jobs are a
//! later issue; for now the crate holds the configuration they will run on,
//! parsed and validated when the binary starts.

mod config;

pub use config::{CronExpr, CronJobs, SchedulerConfig};
