//! The `[scheduler]` section of the configuration: whether the scheduler runs
//! inside `serve`, the time zone of its cron expressions, and one cron
//! expression per job.

use std::fmt;
use std::str::FromStr;

use chrono_tz::Tz;
use cron::Schedule;
use serde::{Deserialize, Serialize};

/// How and when the scheduler runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulerConfig {
    /// Whether `noicom serve` runs the scheduler inside (`NOICOM_SCHEDULER`).
    pub enabled: bool,
    /// The time zone the cron expressions are read in (`Asia/Ho_Chi_Minh`).
    pub time_zone: Tz,
    /// One cron expression per job.
    pub cron: CronJobs,
    /// Tries of an e-mail before it is marked failed (default 8).
    #[serde(default = "default_max_attempts")]
    pub max_attempts: u32,
    /// How long a dispatcher's claim on an e-mail lasts, in seconds
    /// (default 300). A dispatcher killed mid-send leaves its claims to
    /// expire; every send renews the claim first, so one slow SMTP answer
    /// never lets a second dispatcher take the same row.
    #[serde(default = "default_lease_seconds")]
    pub lease_seconds: u32,
    /// E-mails a dispatcher has in flight at once (default 1). More is
    /// faster, but a process killed mid-run may resend every e-mail it had
    /// in flight (docs/benchmarks.md measures both).
    #[serde(default = "default_concurrency")]
    pub delivery_concurrency: u32,
}

fn default_concurrency() -> u32 {
    1
}

fn default_lease_seconds() -> u32 {
    300
}

fn default_max_attempts() -> u32 {
    8
}

/// The cron expression of each job (7 fields, seconds first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CronJobs {
    /// Materialise the duty instances of the coming periods.
    pub materialise: CronExpr,
    /// Compute due reminders of duties and case deadlines into the outbox.
    pub remind: CronExpr,
    /// Deliver the e-mail outbox.
    pub deliver: CronExpr,
    /// Remove expired sessions, old idempotency keys and stale failed
    /// sign-in counts.
    #[serde(default = "default_cleanup")]
    pub cleanup: CronExpr,
    /// Merge the segments of the SQLite search index (nothing to do on
    /// PostgreSQL).
    #[serde(default = "default_search_index")]
    pub search_index: CronExpr,
    /// Evaluate the hotspot early warning (SPEC §16) and e-mail new alerts;
    /// hourly by default.
    #[serde(default = "default_alerts")]
    pub alerts: CronExpr,
}

fn default_alerts() -> CronExpr {
    "0 15 * * * * *".parse().expect("a valid expression")
}

fn default_cleanup() -> CronExpr {
    "0 30 * * * * *".parse().expect("a valid expression")
}

fn default_search_index() -> CronExpr {
    "0 0 2 * * * *".parse().expect("a valid expression")
}

/// A cron expression that parsed, with the text it came from. Parsing on
/// deserialization means a bad expression stops the program at start-up, with
/// the key named, instead of failing silently at the first tick.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CronExpr {
    text: String,
    schedule: Schedule,
}

impl CronExpr {
    /// The expression as written in the configuration.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The parsed schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }
}

impl FromStr for CronExpr {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        // The cron crate also accepts 6 fields; insisting on 7 keeps every
        // expression in the file in the one documented shape.
        let fields = trimmed.split_whitespace().count();
        if fields != 7 {
            return Err(format!(
                "biểu thức cron «{text}» có {fields} trường; cần 7 (giây phút giờ ngày tháng thứ năm), ví dụ «0 0 * * * * *»"
            ));
        }
        let schedule = Schedule::from_str(trimmed)
            .map_err(|err| format!("biểu thức cron «{text}» không hợp lệ: {err}"))?;
        Ok(CronExpr {
            text: trimmed.to_owned(),
            schedule,
        })
    }
}

impl TryFrom<String> for CronExpr {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<CronExpr> for String {
    fn from(expr: CronExpr) -> String {
        expr.text
    }
}

impl PartialEq for CronExpr {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl fmt::Debug for CronExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CronExpr").field(&self.text).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seven_field_expression_parses_and_fires_in_the_time_zone() {
        let expr: CronExpr = "0 5 * * * * *".parse().unwrap();
        let next = expr
            .schedule()
            .upcoming(chrono_tz::Asia::Ho_Chi_Minh)
            .next();
        assert!(next.is_some());
        assert_eq!(expr.as_str(), "0 5 * * * * *");
    }

    #[test]
    fn a_five_field_expression_is_refused_with_the_shape_explained() {
        let err = "0 8 * * *".parse::<CronExpr>().unwrap_err();
        assert!(err.contains("cần 7"), "{err}");
    }

    #[test]
    fn garbage_is_refused_naming_the_expression() {
        let err = "0 0 25 * * * *".parse::<CronExpr>().unwrap_err();
        assert!(err.contains("«0 0 25 * * * *»"), "{err}");
    }
}
