//! The pages speak Vietnamese whatever language the browser asks for
//! first (officials often run English-language browsers); English only
//! once the visitor chooses it with the switch, and a signed-in user's
//! choice is kept with the user for their next sessions, on any browser.
//! The API still answers in the language of `Accept-Language` (issue 13,
//! finding 12).

use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    pages_are_vietnamese_for_an_english_browser_until_english_is_chosen,
    a_users_choice_of_english_is_kept_for_their_next_sessions,
);

/// What an English-language browser sends.
const ENGLISH_BROWSER: &str = "en-US,en;q=0.9";

async fn pages_are_vietnamese_for_an_english_browser_until_english_is_chosen(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let mut browser = Visitor::new(&server, Some(ENGLISH_BROWSER));

    let login = browser.get("/login").await;
    assert_eq!(login.status, 200);
    assert_eq!(login.html_lang(), Some("vi"), "{}", login.body);
    assert!(login.body.contains("<h1>Đăng nhập</h1>"), "{}", login.body);
    let missing = browser.get("/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Không tìm thấy trang"),
        "{}",
        missing.body
    );

    // The API's errors follow Accept-Language.
    let api = Client::anonymous(&server)
        .english()
        .get("/cases")
        .await
        .error(401, "unauthenticated");
    assert!(
        api["error"]["message"]
            .as_str()
            .unwrap()
            .contains("signed in"),
        "{api}"
    );

    // English once chosen.
    let switched = browser.get("/lang/en?back=%2Flogin").await;
    assert_eq!(switched.status, 303);
    assert_eq!(switched.cookie("lang").as_deref(), Some("en"));
    let login = browser.get("/login").await;
    assert_eq!(login.html_lang(), Some("en"), "{}", login.body);
    assert!(login.body.contains("<h1>Sign in</h1>"), "{}", login.body);
    // And Vietnamese again once chosen.
    browser.get("/lang/vi?back=%2Flogin").await;
    let login = browser.get("/login").await;
    assert_eq!(login.html_lang(), Some("vi"), "{}", login.body);
}

async fn a_users_choice_of_english_is_kept_for_their_next_sessions(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;

    // A reporter signs in and chooses English.
    let mut desk = Visitor::new(&server, Some("vi-VN,vi"));
    let signed = desk.sign_in("ctv.bd@example.vn", PASSWORD, "").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let reports = desk.get("/reports").await;
    assert!(
        reports.body.contains("<h1>Phản ánh của tôi</h1>"),
        "{}",
        reports.body
    );
    desk.get("/lang/en?back=%2Freports").await;
    let reports = desk.get("/reports").await;
    assert!(
        reports.body.contains("<h1>My reports</h1>"),
        "{}",
        reports.body
    );
    let out = desk.sign_out("/reports").await;
    assert_eq!(out.status, 303);

    // On another browser, which asks for Vietnamese, their next session
    // is in English from the start.
    let mut phone = Visitor::new(&server, Some("vi-VN,vi"));
    let signed = phone.sign_in("ctv.bd@example.vn", PASSWORD, "").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    assert_eq!(signed.cookie("lang").as_deref(), Some("en"));
    let reports = phone.get("/reports").await;
    assert_eq!(reports.html_lang(), Some("en"), "{}", reports.body);
    assert!(
        reports.body.contains("<h1>My reports</h1>"),
        "{}",
        reports.body
    );
    phone.sign_out("/reports").await;

    // Another user on that browser, who never chose English, reads
    // Vietnamese even though the browser still holds the English choice.
    assert_eq!(phone.cookies.get("lang").map(String::as_str), Some("en"));
    let signed = phone.sign_in("canbo@example.vn", PASSWORD, "").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let triage = phone.get("/triage").await;
    assert_eq!(triage.html_lang(), Some("vi"), "{}", triage.body);
}
