//! A browser set up in English (its own language and the languages it
//! asks pages for) still sees the pages in Vietnamese: officials often
//! run English-language browsers, and English is shown only once chosen
//! with the switch (issue 13, finding 12).

use crate::support::browser::{Browser, PHONE};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(an_english_browser_sees_the_sign_in_page_in_vietnamese);

async fn an_english_browser_sees_the_sign_in_page_in_vietnamese(db: TestDb) {
    crate::support::town::town(&db);
    let server = Server::start(&db, &[]).await;
    let mut phone = Browser::start_with(&server, PHONE, "en-US,en", &["--lang=en-US"]).await;
    phone.shots = matches!(db.backend, Backend::Sqlite);
    phone.open("/login").await;
    // The browser does ask for English first.
    let first = phone.run("return navigator.languages[0];").await;
    assert_eq!(first.as_str(), Some("en-US"), "{first}");

    assert_eq!(phone.text("h1").await, "Đăng nhập");
    let lang = phone.run("return document.documentElement.lang;").await;
    assert_eq!(lang.as_str(), Some("vi"));
    assert_eq!(phone.text("#sign-in").await, "Đăng nhập");
    phone
        .screenshot("14-english-browser-sign-in-in-vietnamese")
        .await;

    // English once chosen.
    phone.click_and_wait_for_next_page("#lang-en").await;
    assert_eq!(phone.text("h1").await, "Sign in");
    phone.close().await;
}
