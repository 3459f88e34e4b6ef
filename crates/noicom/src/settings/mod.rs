//! The configuration of noicom (SPEC §7): the settings every command reads,
//! loaded in layers by [`Settings::load`]. The web server and the scheduler
//! get the sub-structures they need, not the whole.

mod load;
mod secret;

use std::path::PathBuf;

use scheduler::SchedulerConfig;
use serde::Deserialize;
use workflow::{
    Calendar, CalendarConfig, CaseReminderPolicy, DeadlinePolicy, DueRule, DutyReminderPolicy,
    Policy,
};

pub use secret::SecretUrl;

/// Everything configurable. `Debug` masks passwords in URLs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `sqlite://…` or `postgres://…` (`NOICOM_DATABASE_URL`).
    pub database_url: SecretUrl,
    /// Listen address of `serve` (`NOICOM_BIND`).
    pub bind: String,
    /// Public base URL, for links in e-mails (`NOICOM_BASE_URL`).
    pub base_url: String,
    /// Directory of the files noicom keeps (attachments, SQLite file).
    pub data_dir: PathBuf,
    /// Log filter in `tracing` EnvFilter syntax (`NOICOM_LOG`).
    pub log: String,
    /// Outgoing e-mail.
    pub smtp: SmtpSettings,
    /// The scheduler's switch, time zone and cron expressions.
    pub scheduler: SchedulerConfig,
    /// Deadline lengths by priority (SPEC §3.4).
    pub deadlines: DeadlinePolicy,
    /// Working-day calendar: holidays per year (SPEC §3.4).
    pub calendar: CalendarConfig,
    /// Information duty defaults (SPEC §4.1).
    pub duties: DutySettings,
    /// The monthly opinion bulletin.
    pub bulletin: BulletinSettings,
    /// Case deadline reminders (SPEC §5).
    pub case_reminders: CaseReminderPolicy,
    /// The collaborators' monthly opinion reports (SPEC §16).
    #[serde(default)]
    pub opinion_reports: OpinionReportSettings,
    /// Uploaded files (SPEC §6.2).
    pub attachments: AttachmentSettings,
    /// The HTTP server behind reverse proxies.
    pub http: HttpSettings,
}

/// The HTTP server behind reverse proxies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    /// Addresses and CIDR blocks of the proxies whose `X-Forwarded-For`
    /// is believed; empty: the TCP peer is the client.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
}

/// Uploaded files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentSettings {
    /// The largest file accepted, in bytes; a larger upload is refused
    /// with 413 (default 20 MiB).
    pub max_bytes: u64,
}

/// Outgoing e-mail over SMTP.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    /// lettre URL, possibly with credentials (`NOICOM_SMTP_URL`).
    pub url: SecretUrl,
    /// The sender, `name <address>` (`NOICOM_SMTP_FROM`).
    pub from: String,
}

/// The monthly opinion bulletin (SPEC §16).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulletinSettings {
    /// E-mailed to the leaders from this day of the month (1–28).
    pub day: u32,
}

/// Defaults of the quarterly information duties.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutySettings {
    /// Due on this calendar day after the period ends (default 10).
    pub due_days_after_end: u32,
    /// When reminders go out.
    pub reminder: DutyReminderPolicy,
}

/// The monthly opinion report every serving collaborator owes (§16),
/// reminded on the duty reminder days (`duties.reminder`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpinionReportSettings {
    /// The day of the month it is due, 1–28 (default 25;
    /// `NOICOM_OPINION_REPORT_DAY`).
    pub due_day: u32,
}

impl Default for OpinionReportSettings {
    fn default() -> OpinionReportSettings {
        OpinionReportSettings {
            due_day: workflow::DEFAULT_OPINION_REPORT_DAY,
        }
    }
}

impl DutySettings {
    /// The due rule of a new duty schedule.
    pub fn due_rule(&self) -> DueRule {
        DueRule {
            days_after_end: self.due_days_after_end,
        }
    }
}

impl Settings {
    /// What the workflow's rules depend on: the calendar and deadlines.
    /// The calendar was validated when the settings were loaded.
    pub fn policy(&self) -> anyhow::Result<Policy> {
        Ok(Policy {
            calendar: Calendar::new(&self.calendar).map_err(anyhow::Error::msg)?,
            deadlines: self.deadlines.clone(),
        })
    }

    /// Checks what deserializing cannot: the shape of the URLs, the hours,
    /// and that the calendar's dates and ranges are valid.
    fn validate(&self) -> Result<(), String> {
        let db = self.database_url.expose();
        if !(db.starts_with("sqlite:")
            || db.starts_with("postgres://")
            || db.starts_with("postgresql://"))
        {
            return Err(format!(
                "database_url «{}» phải bắt đầu bằng sqlite:, postgres:// hoặc postgresql://",
                self.database_url.redacted()
            ));
        }
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            return Err(format!(
                "base_url «{}» phải bắt đầu bằng http:// hoặc https://",
                self.base_url
            ));
        }
        let smtp = self.smtp.url.expose();
        if !(smtp.starts_with("smtp://") || smtp.starts_with("smtps://")) {
            return Err(format!(
                "smtp.url «{}» phải bắt đầu bằng smtp:// hoặc smtps://",
                self.smtp.url.redacted()
            ));
        }
        if self.duties.reminder.send_hour > 23 {
            return Err(format!(
                "duties.reminder.send_hour = {} phải từ 0 đến 23",
                self.duties.reminder.send_hour
            ));
        }
        if !(1..=28).contains(&self.bulletin.day) {
            return Err(format!(
                "bulletin.day = {} phải từ 1 đến 28 (ngày có ở mọi tháng)",
                self.bulletin.day
            ));
        }
        if self.case_reminders.warn_at_percent == 0 || self.case_reminders.warn_at_percent > 100 {
            return Err(format!(
                "case_reminders.warn_at_percent = {} phải từ 1 đến 100",
                self.case_reminders.warn_at_percent
            ));
        }
        let day = self.opinion_reports.due_day;
        if day == 0 || day > workflow::MAX_OPINION_REPORT_DAY {
            return Err(format!(
                "opinion_reports.due_day = {day} phải từ 1 đến {}",
                workflow::MAX_OPINION_REPORT_DAY
            ));
        }
        web::TrustedProxies::parse(&self.http.trusted_proxies)?;
        if self.attachments.max_bytes == 0 {
            return Err("attachments.max_bytes phải lớn hơn 0".to_owned());
        }
        Calendar::new(&self.calendar).map_err(|err| format!("calendar: {err}"))?;
        Ok(())
    }
}
