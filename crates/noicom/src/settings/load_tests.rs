//! Tests of the layered loading: defaults, files, environment, errors.

use std::collections::HashMap;
use std::path::Path;

use workflow::{DeadlineSpec, YearStatus};

use super::*;

fn load(dir: &Path, file: Option<&Path>, vars: &[(&str, &str)]) -> anyhow::Result<Settings> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Settings::load_from(dir, file, &move |name| vars.get(name).cloned())
}

fn empty_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn the_built_in_defaults_load_as_documented() {
    let dir = empty_dir();
    let s = load(dir.path(), None, &[]).unwrap();
    assert_eq!(s.database_url.expose(), "sqlite://data/noicom.db?mode=rwc");
    assert_eq!(s.bind, "127.0.0.1:8080");
    assert!(s.scheduler.enabled);
    assert_eq!(s.scheduler.cron.deliver.as_str(), "0 * * * * * *");
    assert_eq!(s.deadlines.triage.urgent, DeadlineSpec::Hours(4));
    assert_eq!(s.deadlines.resolution.normal, DeadlineSpec::WorkingDays(30));
    assert_eq!(s.duties.due_rule().days_after_end, 10);
    assert_eq!(s.duties.reminder.before_days, vec![14, 3]);
    assert_eq!(s.case_reminders.overdue_every_working_days, 2);
    assert_eq!(s.calendar.years["2026"].status, YearStatus::Official);
    assert_eq!(
        s.calendar.years["2026"].working_days,
        vec!["2026-01-10".to_owned()]
    );
    assert_eq!(s.calendar.years["2027"].status, YearStatus::Provisional);
}

#[test]
fn the_committed_file_holds_the_same_calendar_as_the_workflow_default() {
    let dir = empty_dir();
    let s = load(dir.path(), None, &[]).unwrap();
    assert_eq!(s.calendar, workflow::CalendarConfig::vietnam_default());
}

#[test]
fn local_file_then_config_file_then_environment_override_in_that_order() {
    let dir = empty_dir();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/local.toml"),
        "bind = \"127.0.0.1:9000\"\nbase_url = \"https://local.example.vn\"\nlog = \"debug\"\n",
    )
    .unwrap();
    let extra = dir.path().join("extra.toml");
    std::fs::write(
        &extra,
        "base_url = \"https://extra.example.vn\"\nlog = \"warn\"\n",
    )
    .unwrap();

    let s = load(dir.path(), Some(&extra), &[("NOICOM_LOG", "noicom=trace")]).unwrap();
    assert_eq!(s.bind, "127.0.0.1:9000");
    assert_eq!(s.base_url, "https://extra.example.vn");
    assert_eq!(s.log, "noicom=trace");
}

#[test]
fn every_contract_variable_is_read() {
    let dir = empty_dir();
    let s = load(
        dir.path(),
        None,
        &[
            ("NOICOM_DATABASE_URL", "postgres://app@127.0.0.1/noicom"),
            ("NOICOM_BIND", "0.0.0.0:80"),
            ("NOICOM_BASE_URL", "https://noicom.example.vn"),
            ("NOICOM_SMTP_URL", "smtps://u:pw@mail.example.vn"),
            ("NOICOM_SMTP_FROM", "noicom <noreply@example.vn>"),
            ("NOICOM_SCHEDULER", "off"),
            ("NOICOM_LOG", "warn"),
        ],
    )
    .unwrap();
    assert_eq!(s.database_url.expose(), "postgres://app@127.0.0.1/noicom");
    assert_eq!(s.bind, "0.0.0.0:80");
    assert_eq!(s.base_url, "https://noicom.example.vn");
    assert_eq!(s.smtp.url.expose(), "smtps://u:pw@mail.example.vn");
    assert_eq!(s.smtp.from, "noicom <noreply@example.vn>");
    assert!(!s.scheduler.enabled);
    assert_eq!(s.log, "warn");
}

#[test]
fn the_debug_form_of_the_settings_shows_no_password() {
    let dir = empty_dir();
    let s = load(
        dir.path(),
        None,
        &[
            (
                "NOICOM_SMTP_URL",
                "smtps://mailer:smtp-secret@mail.example.vn",
            ),
            (
                "NOICOM_DATABASE_URL",
                "postgres://app:db-secret@127.0.0.1/noicom",
            ),
        ],
    )
    .unwrap();
    let shown = format!("{s:?}");
    assert!(!shown.contains("smtp-secret"), "{shown}");
    assert!(!shown.contains("db-secret"), "{shown}");
    assert!(shown.contains("mailer:***@mail.example.vn"), "{shown}");
}

#[test]
fn a_scheduler_switch_that_is_not_on_or_off_is_refused_by_name() {
    let dir = empty_dir();
    let err = load(dir.path(), None, &[("NOICOM_SCHEDULER", "maybe")]).unwrap_err();
    assert!(format!("{err:#}").contains("NOICOM_SCHEDULER"), "{err:#}");
}

#[test]
fn a_bad_cron_expression_is_refused_naming_its_key() {
    let dir = empty_dir();
    let file = dir.path().join("bad.toml");
    std::fs::write(&file, "[scheduler.cron]\nremind = \"0 8 * * *\"\n").unwrap();
    let err = format!("{:#}", load(dir.path(), Some(&file), &[]).unwrap_err());
    assert!(err.contains("remind"), "{err}");
    assert!(err.contains("cần 7"), "{err}");
}

#[test]
fn an_unknown_key_is_refused() {
    let dir = empty_dir();
    let file = dir.path().join("typo.toml");
    std::fs::write(&file, "bnid = \"127.0.0.1:1\"\n").unwrap();
    let err = format!("{:#}", load(dir.path(), Some(&file), &[]).unwrap_err());
    assert!(err.contains("bnid"), "{err}");
}

#[test]
fn a_bad_deadline_length_is_refused() {
    let dir = empty_dir();
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[deadlines.answer]\nurgent = \"soon\"\nhigh = \"3wd\"\nnormal = \"5wd\"\n",
    )
    .unwrap();
    let err = format!("{:#}", load(dir.path(), Some(&file), &[]).unwrap_err());
    assert!(err.contains("soon"), "{err}");
}

#[test]
fn a_missing_config_file_is_named() {
    let dir = empty_dir();
    let err = load(dir.path(), Some(Path::new("/nonexistent/noicom.toml")), &[]).unwrap_err();
    assert!(
        format!("{err:#}").contains("/nonexistent/noicom.toml"),
        "{err:#}"
    );
}

#[test]
fn a_database_url_of_another_kind_is_refused() {
    let dir = empty_dir();
    let err = load(
        dir.path(),
        None,
        &[("NOICOM_DATABASE_URL", "mysql://root@db/noicom")],
    )
    .unwrap_err();
    assert!(format!("{err:#}").contains("database_url"), "{err:#}");
}

#[test]
fn the_opinion_report_day_defaults_to_the_25th_and_reads_the_environment() {
    let dir = empty_dir();
    assert_eq!(
        load(dir.path(), None, &[]).unwrap().opinion_reports.due_day,
        25
    );
    let s = load(dir.path(), None, &[("NOICOM_OPINION_REPORT_DAY", "20")]).unwrap();
    assert_eq!(s.opinion_reports.due_day, 20);
    for bad in ["0", "29", "hai mươi"] {
        let err = load(dir.path(), None, &[("NOICOM_OPINION_REPORT_DAY", bad)]).unwrap_err();
        assert!(format!("{err:#}").contains("28"), "{bad}: {err:#}");
    }
}
