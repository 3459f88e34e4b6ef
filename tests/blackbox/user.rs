//! `noicom user add`.

use crate::support::cli::Cmd;
use crate::support::fixtures::province;
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(
    a_user_with_a_password_gets_a_token_alone_on_stdout,
    a_user_without_a_password_is_added,
    an_unknown_role_is_refused_listing_the_roles,
    an_unknown_unit_is_refused,
    an_existing_email_is_refused,
    a_password_of_nine_characters_is_refused_and_nothing_is_added,
);

async fn a_user_with_a_password_gets_a_token_alone_on_stdout(db: TestDb) {
    province(&db);
    let run = noicom(&db)
        .args([
            "user",
            "add",
            "--email",
            "lan@example.vn",
            "--name",
            "Nguyễn Thị Lan",
            "--role",
            "board_officer",
        ])
        .args(["--unit", "BTG-HN", "--password-stdin", "--print-token"])
        .stdin("mật-khẩu-đủ-dài-2026\n")
        .ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "stdout must be the token alone: {run:?}");
    let token = lines[0];
    assert!(token.len() >= 32, "token too short: {token:?}");
    assert!(!token.contains(char::is_whitespace), "{token:?}");
    assert!(
        !run.stderr.contains(token),
        "the token must not be logged: {run:?}"
    );
}

async fn a_user_without_a_password_is_added(db: TestDb) {
    province(&db);
    let run = noicom(&db)
        .args([
            "user",
            "add",
            "--email",
            "hung@example.vn",
            "--name",
            "Trần Văn Hùng",
            "--role",
            "agency_liaison",
        ])
        .args(["--unit", "UBND-HN", "--lang", "en"])
        .ok();
    assert!(run.stdout.contains("hung@example.vn"), "{run:?}");
}

async fn an_unknown_role_is_refused_listing_the_roles(db: TestDb) {
    province(&db);
    noicom(&db)
        .args([
            "user",
            "add",
            "--email",
            "a@example.vn",
            "--name",
            "A",
            "--role",
            "boss",
            "--unit",
            "BTG-HN",
        ])
        .run()
        .fails(
            1,
            &[
                "boss",
                "reporter",
                "board_officer",
                "agency_liaison",
                "leader",
                "admin",
            ],
        );
}

async fn an_unknown_unit_is_refused(db: TestDb) {
    province(&db);
    noicom(&db)
        .args([
            "user",
            "add",
            "--email",
            "a@example.vn",
            "--name",
            "A",
            "--role",
            "reporter",
            "--unit",
            "XX",
        ])
        .run()
        .fails(1, &["không tìm thấy", "XX"]);
}

/// `noicom user add` of the leader Lan of the board, without a password.
fn add_lan(db: &TestDb) -> Cmd {
    noicom(db).args([
        "user",
        "add",
        "--email",
        "lan@example.vn",
        "--name",
        "Lan",
        "--role",
        "leader",
        "--unit",
        "BTG-HN",
    ])
}

async fn an_existing_email_is_refused(db: TestDb) {
    province(&db);
    let add = || add_lan(&db);
    add().ok();
    add().run().fails(1, &["lan@example.vn", "đã tồn tại"]);
}

async fn a_password_of_nine_characters_is_refused_and_nothing_is_added(db: TestDb) {
    province(&db);
    let add = || add_lan(&db);
    // Nine characters, fourteen bytes.
    add()
        .args(["--password-stdin"])
        .stdin("đường-phố\n")
        .run()
        .fails(1, &["lan@example.vn", "10 ký tự"]);
    // Nothing was written: the address is still free.
    add().args(["--password-stdin"]).stdin("đường-phố1\n").ok();
}
