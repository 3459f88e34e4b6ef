//! Configuration errors stop every command before it touches a database,
//! with a message that names what is wrong and exit code 1.

use crate::support::noicom_in;

#[test]
fn a_missing_config_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    noicom_in(dir.path())
        .args(["migrate", "--config", "nowhere.toml"])
        .run()
        .fails(1, &["nowhere.toml"]);
    assert!(
        !dir.path().join("data").exists(),
        "no database may be created"
    );
}

#[test]
fn a_bad_cron_expression_in_a_config_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    std::fs::write(&file, "[scheduler.cron]\ndeliver = \"* * * * *\"\n").unwrap();
    noicom_in(dir.path())
        .args(["--config", file.to_str().unwrap(), "migrate"])
        .run()
        .fails(1, &["deliver", "cần 7"]);
}

#[test]
fn a_bad_scheduler_switch_is_named() {
    let dir = tempfile::tempdir().unwrap();
    noicom_in(dir.path())
        .env("NOICOM_SCHEDULER", "sometimes")
        .args(["migrate"])
        .run()
        .fails(1, &["NOICOM_SCHEDULER", "sometimes"]);
}

#[test]
fn a_local_config_file_in_the_working_directory_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/local.toml"),
        "base_url = \"ftp://nope\"\n",
    )
    .unwrap();
    noicom_in(dir.path())
        .args(["migrate"])
        .run()
        .fails(1, &["base_url", "ftp://nope"]);
}

#[test]
fn a_database_password_never_appears_in_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = noicom_in(dir.path())
        // Nothing listens on port 9: the connection fails and is reported.
        .env(
            "NOICOM_DATABASE_URL",
            "postgres://app:hunter2-secret@127.0.0.1:9/noicom",
        )
        .args(["migrate"])
        .run()
        .fails(1, &["app:***@127.0.0.1:9"]);
    assert!(!run.stderr.contains("hunter2-secret"), "{run:?}");
}
