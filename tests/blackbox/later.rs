//! The command-line contract checks that need no database: argument
//! errors, the help listing every command of SPEC §6.1, usage exit codes.

use crate::support::noicom_in;

#[test]
fn remind_refuses_a_time_that_is_not_rfc_3339() {
    let dir = tempfile::tempdir().unwrap();
    noicom_in(dir.path())
        .args(["remind", "--as-of", "14/10/2026"])
        .run()
        .fails(1, &["RFC 3339", "14/10/2026"]);
}

#[test]
fn every_command_of_the_contract_is_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let help = noicom_in(dir.path()).args(["--help"]).ok().stdout;
    for command in [
        "serve",
        "migrate",
        "scheduler",
        "remind",
        "area",
        "unit",
        "user",
        "programme",
        "backup",
        "export-report",
    ] {
        assert!(help.contains(command), "--help lacks {command}:\n{help}");
    }
    let serve = noicom_in(dir.path()).args(["serve", "--help"]).ok().stdout;
    assert!(
        serve.contains("--demo") && serve.contains("--config"),
        "{serve}"
    );
}

#[test]
fn a_usage_error_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = noicom_in(dir.path())
        .args(["area", "add", "--code", "HN"])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
}
