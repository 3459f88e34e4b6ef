//! The filing form's offline draft belongs to the user who typed it: it
//! is kept under a key of its own per user, and every draft is removed
//! from the browser when the user signs out, so that the next person on
//! a shared phone neither sees nor sends it (issue 13, finding 11).

use crate::support::browser::{Browser, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(a_draft_stays_with_its_user_and_goes_at_sign_out);

/// The keys of the drafts the browser keeps.
const DRAFT_KEYS: &str = "return Object.keys(localStorage).filter(function (k) { return k.indexOf('noicom-draft-') === 0; });";

async fn a_draft_stays_with_its_user_and_goes_at_sign_out(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);

    // A types a report, which is kept as a draft.
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open("/reports/new").await;
    let a_key = phone
        .find("#report-form")
        .await
        .attr("data-draft")
        .await
        .expect("an attribute")
        .expect("a draft key");
    phone.fill("#title", "Tranh chấp đất ở tổ 7").await;
    phone
        .fill("#description", "Hai hộ dân tranh chấp ranh giới đất.")
        .await;
    let kept = phone.run(DRAFT_KEYS).await;
    assert_eq!(kept.as_array().map(Vec::len), Some(1), "{kept}");

    // A signs out: no draft is left in the browser.
    phone.sign_out().await;
    let kept = phone.run(DRAFT_KEYS).await;
    assert_eq!(kept, serde_json::json!([]), "drafts left after sign-out");

    // B, on the same phone, gets an empty form under a key of their own.
    phone.sign_in("ctv.hk@example.vn", PASSWORD).await;
    phone.open("/reports/new").await;
    let b_key = phone
        .find("#report-form")
        .await
        .attr("data-draft")
        .await
        .expect("an attribute")
        .expect("a draft key");
    assert_ne!(a_key, b_key, "one draft key for two users");
    let title = phone.find("#title").await.prop("value").await.unwrap();
    assert_eq!(title.as_deref(), Some(""));
    let description = phone
        .find("#description")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(description.as_deref(), Some(""));
    assert!(
        !phone
            .find("#draft-no-files")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    phone.screenshot("15-another-users-empty-form").await;
    phone.close().await;
}
