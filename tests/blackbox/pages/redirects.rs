//! A redirect that takes its target from the visitor (the language
//! switch's `back`, the sign-in page's `next`) leads only to a path of
//! this site: a tab or a newline a browser drops, a backslash it reads as
//! a slash, a second slash or a scheme would lead elsewhere, so any of
//! them sends the visitor to `/` instead (issue 13, finding 4).

use crate::support::pages::{Visitor, encode};
use crate::support::town::{PASSWORD, town};
use crate::support::{Server, TestDb, on_both_backends};

on_both_backends!(
    the_language_switch_goes_back_only_to_a_path_of_this_site,
    the_sign_in_page_goes_on_only_to_a_path_of_this_site,
);

/// Targets that must not be followed, as the visitor's browser sends
/// them (already percent-encoded where a browser would).
const OFF_SITE: &[&str] = &[
    "/%09/evil.example",
    "/%0a/x",
    "/%0d%0aSet-Cookie:%20a=b",
    "//evil.example",
    "/%5Cevil.example",
    "/x%5C..%5C..%5Cevil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "%20/evil.example",
    "/%7F/evil.example",
    "/%C2%85/evil.example",
    "evil.example",
];

async fn the_language_switch_goes_back_only_to_a_path_of_this_site(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let mut visitor = Visitor::new(&server, None);
    for back in OFF_SITE {
        let answer = visitor.get(&format!("/lang/vi?back={back}")).await;
        assert_eq!(answer.status, 303, "back={back}: {}", answer.body);
        assert_eq!(
            answer.location.as_deref(),
            Some("/"),
            "back={back} must lead home"
        );
    }
    // A path of this site, with its query, is where the switch goes back to.
    let back = "/cases?state=reported&q=%C4%91%E1%BA%A5t";
    let answer = visitor
        .get(&format!("/lang/en?back={}", encode(back)))
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.location.as_deref(), Some(back));
}

async fn the_sign_in_page_goes_on_only_to_a_path_of_this_site(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    for next in OFF_SITE {
        // The form does not carry the target on…
        let mut visitor = Visitor::new(&server, None);
        let form = visitor.get(&format!("/login?next={next}")).await;
        assert_eq!(form.status, 200, "next={next}: {}", form.body);
        assert_eq!(form.input("next").as_deref(), Some(""), "next={next}");
        // …and a post that names it anyway signs in and goes home.
        let decoded = decode(next);
        let signed = visitor
            .sign_in("ctv.bd@example.vn", PASSWORD, &decoded)
            .await;
        assert_eq!(signed.status, 303, "next={next:?}: {}", signed.body);
        assert_eq!(
            signed.location.as_deref(),
            Some("/"),
            "next={decoded:?} must lead home"
        );
    }
    let mut visitor = Visitor::new(&server, None);
    let form = visitor.get("/login?next=%2Freports%2Fnew").await;
    assert_eq!(form.input("next").as_deref(), Some("/reports/new"));
    let signed = visitor
        .sign_in("ctv.bd@example.vn", PASSWORD, "/reports/new")
        .await;
    assert_eq!(signed.location.as_deref(), Some("/reports/new"));
}

/// `%XX` back to the bytes they stand for (the targets above are UTF-8).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
