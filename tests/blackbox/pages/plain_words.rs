//! The pages a user reaches with a wrong filter, a wrong year or a form
//! that lost a field speak plainly (issue 15): the visitor checks every
//! HTML page it reads for back-quoted identifiers and serde's English, and
//! the error names the field by its label.

use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(wrong_filters_and_forms_are_answered_in_plain_words);

async fn wrong_filters_and_forms_are_answered_in_plain_words(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Ngập úng kéo dài")
        .await;
    let code = case["code"].as_str().unwrap();
    let mut visitor = Visitor::new(&server, None);
    let signed = visitor.sign_in("canbo@example.vn", PASSWORD, "").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    for path in [
        "/cases?priority=hot",
        "/cases?state=lost",
        "/cases?cursor=nowhere",
        "/triage?area=XX",
        "/duties?status=lost",
        "/dashboard?year=soon",
    ] {
        let page = visitor.get(path).await;
        assert!(page.status >= 400, "{path}: {}", page.status);
    }
    let page = visitor.get("/cases?priority=hot").await;
    assert!(page.body.contains("Mức độ ưu tiên"), "{}", page.body);

    let case_page = visitor.get(&format!("/cases/{code}")).await;
    let csrf = case_page.input("csrf").expect("a CSRF token");
    for fields in [
        vec![("csrf", csrf.as_str()), ("action", "fly"), ("version", "1")],
        vec![
            ("csrf", csrf.as_str()),
            ("action", "accept"),
            ("version", "one"),
        ],
        vec![
            ("csrf", csrf.as_str()),
            ("action", "accept"),
            ("version", "1"),
        ],
    ] {
        let page = visitor
            .post_form(&format!("/cases/{code}/act"), &fields)
            .await;
        assert!(page.status >= 400, "{fields:?}: {}", page.status);
    }
}
