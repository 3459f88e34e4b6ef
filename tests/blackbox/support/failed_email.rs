//! A reminder digest that failed after its only try, for the tests of the
//! failed e-mails (API and page): a scheduler configured for one try and
//! a reminder due "now", a programme of the town, and the SMTP sink
//! stopped during the sweep.

use chrono::{SecondsFormat, Utc};

use super::smtp::SmtpSink;
use super::{TestDb, noicom};

/// Scheduler settings for one try per e-mail and a reminder 120 days
/// before the due day at midnight, so that a sweep "now" always has one.
const ONE_TRY: &str = r#"
[scheduler]
enabled = false
time_zone = "Asia/Ho_Chi_Minh"
max_attempts = 1

[scheduler.cron]
materialise = "0 0 * * * * *"
remind = "0 0 * * * * *"
deliver = "0 0 * * * * *"

[duties.reminder]
before_days = [120]
overdue_every_days = 7
send_hour = 0
"#;

/// One sweep (`noicom remind`) now with `config`, delivering to `smtp`;
/// its summary line.
pub fn sweep_now(db: &TestDb, config: &str, smtp: &SmtpSink) -> String {
    // A second ahead: the time is written to the second, and a row put
    // back in the queue this very second is due at its fraction.
    let now =
        (Utc::now() + chrono::Duration::seconds(1)).to_rfc3339_opts(SecondsFormat::Secs, true);
    noicom(db)
        .args(["--config", config])
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", &now])
        .ok()
        .stdout
}

/// Makes one failed e-mail in the town's database (built by `town`):
/// returns the one-try configuration file and the SMTP sink, stopped.
pub fn one_failed_email(db: &TestDb) -> (String, SmtpSink) {
    let config = db.dir().join("one-try.toml");
    std::fs::write(&config, ONE_TRY).unwrap();
    let config = config.to_str().unwrap().to_owned();
    let year = Utc::now().format("%Y").to_string();
    noicom(db)
        .args(["--config", &config])
        .args(["programme", "add", "--year", &year, "--area", "HN"])
        .args(["--parties", "BTG-HN,UBND-HN"])
        .ok();
    let mut smtp = SmtpSink::start(db.dir());
    smtp.stop();
    let summary = sweep_now(db, &config, &smtp);
    assert!(summary.contains("sent 0, failed 1"), "{summary}");
    (config, smtp)
}
