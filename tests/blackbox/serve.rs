//! `noicom serve`: health and readiness over HTTP, the demo switch, the
//! request id, and a clean stop on SIGTERM.

use crate::support::fixtures::{area, migrated};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(
    serve_demo_migrates_and_becomes_ready,
    serve_demo_on_a_database_with_data_only_serves,
    a_second_serve_demo_prints_the_logins_again,
    without_smtp_one_line_says_the_emails_wait_before_the_logins,
    sigterm_stops_the_server_cleanly,
);

async fn serve_demo_migrates_and_becomes_ready(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;

    let response = reqwest::get(server.at("/healthz")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers().contains_key("x-request-id"),
        "{:?}",
        response.headers()
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({ "status": "ok" }));

    let ready = reqwest::get(server.at("/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200);
    let banner = server.banner.join("\n");
    assert!(!banner.contains("đã có dữ liệu"), "{}", server.report());
    roster_is_printed(&server);
}

/// Under the logins, the demo roster: the eight collaborators, then the
/// two propagandists, each group under what its members can do, last
/// before the URL line (which ends the banner).
fn roster_is_printed(server: &Server) {
    let banner = &server.banner;
    let at = |needle: &str| {
        banner
            .iter()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no «{needle}»\n{}", server.report()))
    };
    let heading = at("mạng lưới dư luận xã hội (cùng mật khẩu");
    let collaborators = at("Cộng tác viên dư luận xã hội: gửi báo cáo tình hình");
    let propagandists = at("Báo cáo viên: gửi báo cáo dư luận xã hội");
    let url = banner.len();
    assert!(
        at("canbo.btg@demo.noicom.vn") < heading
            && heading + 1 == collaborators
            && collaborators < propagandists
            && propagandists < url,
        "{}",
        server.report()
    );
    let members = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .filter(|line| line.contains("@demo.noicom.vn"))
            .cloned()
            .collect()
    };
    let ctv = members(&banner[collaborators + 1..propagandists]);
    let bcv = members(&banner[propagandists + 1..url]);
    assert_eq!((ctv.len(), bcv.len()), (8, 2), "{}", server.report());
    assert!(
        ctv[0].contains("ctv.hoalu@demo.noicom.vn")
            && ctv[0].contains("Nguyễn Thị Hoa")
            && ctv[0].ends_with("NB-HOALU"),
        "{ctv:?}"
    );
    let ended: Vec<&String> = ctv.iter().filter(|l| l.contains("đã thôi")).collect();
    assert_eq!(ended.len(), 1, "{ctv:?}");
    assert!(
        ended[0].contains("ctv2.kimson@demo.noicom.vn")
            && ended[0].contains("đã thôi từ 30/06/2026"),
        "{ended:?}"
    );
    assert!(
        bcv[0].contains("bcv.nb@demo.noicom.vn") && bcv[0].ends_with("NB-HOALU, NB-TAMDIEP"),
        "{bcv:?}"
    );
}

async fn serve_demo_on_a_database_with_data_only_serves(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    let server = Server::start(&db, &["--demo"]).await;
    let banner = server.banner.join("\n");
    assert!(banner.contains("đã có dữ liệu"), "{}", server.report());
}

/// The demo logins of a first and of a later `serve --demo`: the table
/// rows, from the e-mail of the board officer on.
fn login_rows(server: &Server) -> Vec<String> {
    let banner = &server.banner;
    let start = banner
        .iter()
        .position(|line| line.contains("canbo.btg@demo.noicom.vn"))
        .unwrap_or_else(|| panic!("no demo login\n{}", server.report()));
    banner[start..].to_vec()
}

async fn a_second_serve_demo_prints_the_logins_again(db: TestDb) {
    let mut first = Server::start(&db, &["--demo"]).await;
    assert!(first.terminate().success(), "{}", first.report());
    let second = Server::start(&db, &["--demo"]).await;
    let banner = second.banner.join("\n");
    assert!(banner.contains("đã có dữ liệu"), "{}", second.report());
    assert_eq!(login_rows(&first), login_rows(&second));
    roster_is_printed(&second);
}

async fn without_smtp_one_line_says_the_emails_wait_before_the_logins(db: TestDb) {
    // Nothing listens on port 1: the connection is refused at once.
    let env = [
        ("NOICOM_SCHEDULER", "on"),
        ("NOICOM_SMTP_URL", "smtp://127.0.0.1:1"),
    ];
    let server = Server::start_with_env(&db, &["--demo"], &env).await;
    let about_mail: Vec<usize> = (0..server.banner.len())
        .filter(|&i| server.banner[i].contains("hộp thư đi"))
        .collect();
    assert_eq!(about_mail.len(), 1, "{}", server.report());
    let logins = server
        .banner
        .iter()
        .position(|line| line.contains("@demo.noicom.vn"))
        .unwrap_or_else(|| panic!("no demo login\n{}", server.report()));
    assert!(about_mail[0] < logins, "{}", server.report());
}

async fn sigterm_stops_the_server_cleanly(db: TestDb) {
    let mut server = Server::start(&db, &[]).await;
    let status = server.terminate();
    assert!(status.success(), "exit {status}\n{}", server.report());
}

/// Readiness follows the database: once it is gone, `/readyz` is 503 with
/// the error JSON while `/healthz` stays 200. Only PostgreSQL can lose its
/// database under a running server.
#[tokio::test]
async fn readyz_is_503_once_the_database_is_gone() {
    let db = TestDb::new(Backend::Postgres).await;
    let server = Server::start(&db, &[]).await;
    db.drop_postgres_now().await;

    let response = reqwest::get(server.at("/readyz")).await.unwrap();
    assert_eq!(response.status(), 503, "{}", server.report());
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_ready", "{body}");
    assert!(body["error"]["message"].is_string(), "{body}");
    let health = reqwest::get(server.at("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
}
