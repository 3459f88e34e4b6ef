//! The duty endpoints (SPEC §4.1, §6.2) over HTTP: filters, pagination and
//! visibility of `GET /duties`, one duty by id, and submission,
//! acknowledgement and waiver with every refusal writing nothing.

use serde_json::{Value, json};

use crate::support::fixtures::quarters_of_today;
use crate::support::smtp::SmtpSink;
use crate::support::town::{Town, town};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    duties_are_filtered_paged_and_shown_to_those_who_may_see_them,
    duty_moves_are_refused_without_writing_and_replayed_by_key,
);

/// The town with a programme of HN (BTG-HN receiving from UBND-HN and
/// VKSND-HN), its duties of this quarter and the next made with it, and
/// those of 2026-Q2 and 2026-Q3 materialised by a sweep as of mid-June
/// 2026: four duties long past due.
fn town_with_duties(db: &TestDb) -> Town {
    let town = town(db);
    noicom(db)
        .args(["programme", "add", "--year", "2026", "--area", "HN"])
        .args(["--parties", "BTG-HN,UBND-HN,VKSND-HN"])
        .ok();
    let smtp = SmtpSink::start(db.dir());
    let run = noicom(db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", "2026-06-15T09:00:00+07:00"])
        .ok();
    assert!(
        run.stdout.contains("instances created 4,"),
        "{}",
        run.stdout
    );
    town
}

/// `(unit, period)` of each item of a page.
fn pairs(page: &Value) -> Vec<(String, String)> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|d| {
            (
                d["unit"].as_str().unwrap().to_owned(),
                d["period"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn list(client: &Client, query: &str) -> Vec<(String, String)> {
    pairs(&client.get(&format!("/duties?{query}")).await.expect(200))
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(u, p)| (u.to_string(), p.to_string()))
        .collect()
}

async fn duties_are_filtered_paged_and_shown_to_those_who_may_see_them(db: TestDb) {
    let town = town_with_duties(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let procuracy = Client::bearer(&server, &town.procuracy);

    // Latest due first; the same due time newest id first.
    let (this, next) = quarters_of_today();
    let (this, next) = (this.as_str(), next.as_str());
    let past = owned(&[
        ("VKSND-HN", "2026-Q3"),
        ("UBND-HN", "2026-Q3"),
        ("VKSND-HN", "2026-Q2"),
        ("UBND-HN", "2026-Q2"),
    ]);
    let mut all = owned(&[
        ("VKSND-HN", next),
        ("UBND-HN", next),
        ("VKSND-HN", this),
        ("UBND-HN", this),
    ]);
    all.extend(past.clone());
    assert_eq!(list(&officer, "").await, all, "the recipient board");
    assert_eq!(
        list(&Client::bearer(&server, &town.leader), "").await,
        all,
        "a leader with jurisdiction"
    );
    assert_eq!(list(&Client::bearer(&server, &town.admin), "").await, all);
    let of = |unit: &str| -> Vec<(String, String)> {
        all.iter().filter(|(u, _)| u == unit).cloned().collect()
    };
    assert_eq!(list(&liaison, "").await, of("UBND-HN"));
    assert_eq!(list(&procuracy, "").await, of("VKSND-HN"));
    assert!(
        list(&Client::bearer(&server, &town.reporter), "")
            .await
            .is_empty()
    );

    // Filters.
    assert_eq!(
        list(&officer, "unit=UBND-HN&period=2026-Q2").await,
        owned(&[("UBND-HN", "2026-Q2")])
    );
    assert_eq!(list(&officer, "period=2026-Q3").await.len(), 2);
    assert_eq!(list(&officer, "status=pending&overdue=true").await, past);
    assert!(list(&officer, "status=submitted").await.is_empty());
    assert_eq!(
        list(&liaison, "unit=VKSND-HN").await,
        Vec::<(String, String)>::new(),
        "a filter never widens what one sees"
    );

    // Pages of one follow each other without gaps or repeats.
    let mut paged = Vec::new();
    let mut query = "limit=1".to_owned();
    loop {
        let page = officer.get(&format!("/duties?{query}")).await.expect(200);
        paged.extend(pairs(&page));
        match page["next_cursor"].as_str() {
            Some(next) => query = format!("limit=1&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(paged, all);

    // One duty: its JSON, and 404 for a liaison of another unit.
    let page = officer
        .get("/duties?unit=VKSND-HN&period=2026-Q2")
        .await
        .expect(200);
    let duty = &page["items"][0];
    assert_eq!(duty["kind"], "periodic");
    assert_eq!(duty["status"], "pending");
    assert_eq!(duty["overdue"], true);
    assert_eq!(duty["recipient"], "BTG-HN");
    assert!(
        duty["programme"].is_i64() && duty["schedule"].is_i64(),
        "{duty}"
    );
    // 2026-Q2 ends 30/6; the 10th day after is Friday 10/7/2026.
    assert_eq!(duty["due_at"], "2026-07-10T23:59:59+07:00");
    let path = format!("/duties/{}", duty["id"]);
    assert_eq!(&procuracy.get(&path).await.expect(200), duty);
    let hidden = liaison.get(&path).await.error(404, "not_found");
    assert!(
        hidden["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nghĩa vụ"),
        "{hidden}"
    );
    liaison.get("/duties/999999").await.error(404, "not_found");
    liaison.get("/duties/abc").await.error(404, "not_found");

    // Bad filters are named.
    for (query, code, field) in [
        ("status=late", "invalid_input", "status"),
        ("unit=KHONG-CO", "unknown_code", "unit"),
        ("period=quy-4", "invalid_input", "period"),
        ("cursor=xyz", "invalid_input", "cursor"),
        ("limit=0", "invalid_input", "limit"),
        ("color=red", "invalid_input", "color"),
    ] {
        let err = officer
            .get(&format!("/duties?{query}"))
            .await
            .error(422, code);
        assert_eq!(err["error"]["field"], field, "{query}: {err}");
    }
    Client::anonymous(&server)
        .get("/duties")
        .await
        .error(401, "unauthenticated");
}

async fn duty_moves_are_refused_without_writing_and_replayed_by_key(db: TestDb) {
    let town = town_with_duties(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let admin = Client::bearer(&server, &town.admin);
    let page = officer.get("/duties?unit=UBND-HN").await.expect(200);
    let (q3, q2) = (page["items"][0].clone(), page["items"][1].clone());
    let submission = format!("/duties/{}/submission", q2["id"]);
    let acknowledge = format!("/duties/{}/acknowledge", q2["id"]);
    let waiver = format!("/duties/{}/waiver", q2["id"]);
    let text = json!({"text": "Báo cáo quý II: đã giải quyết 12 kiến nghị."});
    let before = admin.get("/duties?limit=100").await.expect(200);

    let refused = officer
        .post(&submission, &text)
        .await
        .error(403, "duty_not_allowed");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("đầu mối"),
        "{refused}"
    );
    let english = Client::bearer(&server, &town.officer)
        .english()
        .post(&submission, &text)
        .await
        .error(403, "duty_not_allowed");
    assert!(
        english["error"]["message"]
            .as_str()
            .unwrap()
            .contains("liaison"),
        "{english}"
    );
    Client::bearer(&server, &town.procuracy)
        .post(&submission, &text)
        .await
        .error(404, "not_found");
    officer
        .post(&acknowledge, &json!({}))
        .await
        .error(409, "duty_wrong_status");
    let blank = liaison
        .post(&submission, &json!({"text": "   "}))
        .await
        .error(422, "missing_input");
    assert_eq!(blank["error"]["field"], "text");
    let missing = liaison
        .post(&submission, &json!({"texte": "x"}))
        .await
        .error(422, "invalid_input");
    assert!(missing["error"]["field"].is_string(), "{missing}");
    liaison
        .post_raw(&submission, "application/json", b"{".to_vec())
        .await
        .error(400, "bad_request");
    officer
        .post(&waiver, &json!({"reason": "Sáp nhập"}))
        .await
        .error(403, "duty_not_allowed");
    let no_reason = admin
        .post(&waiver, &json!({"reason": ""}))
        .await
        .error(422, "missing_input");
    assert_eq!(no_reason["error"]["field"], "reason");
    assert_eq!(
        admin.get("/duties?limit=100").await.expect(200),
        before,
        "a refused move changed a duty"
    );

    // Submitted once under a key; the same request replays, another body
    // under the same key is refused.
    let first = liaison.post_once(&submission, "nop-q2", &text).await;
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let first = first.expect(200);
    assert_eq!(first["status"], "submitted");
    assert_eq!(first["overdue"], false, "no longer owed");
    assert_eq!(first["text"], text["text"]);
    assert_eq!(first["submitted_by"]["name"], "ubnd@example.vn");
    assert!(first["submitted_at"].as_str().unwrap().ends_with("+07:00"));
    let again = liaison.post_once(&submission, "nop-q2", &text).await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.expect(200), first);
    liaison
        .post_once(&submission, "nop-q2", &json!({"text": "khác"}))
        .await
        .error(422, "idempotency_key_reused");
    assert_eq!(list(&officer, "status=submitted").await.len(), 1);

    let acknowledged = officer.post(&acknowledge, &json!({})).await.expect(200);
    assert_eq!(acknowledged["status"], "acknowledged");
    assert_eq!(acknowledged["acknowledged_by"]["name"], "canbo@example.vn");
    officer
        .post(&acknowledge, &json!({}))
        .await
        .error(409, "duty_wrong_status");
    liaison
        .post(&submission, &text)
        .await
        .error(409, "duty_wrong_status");
    admin
        .post(&waiver, &json!({"reason": "x"}))
        .await
        .error(409, "duty_wrong_status");

    let waived = admin
        .post(
            &format!("/duties/{}/waiver", q3["id"]),
            &json!({"reason": "Đơn vị đã báo cáo trong hội nghị sơ kết"}),
        )
        .await
        .expect(200);
    assert_eq!(waived["status"], "waived");
    assert_eq!(
        waived["waiver_reason"],
        "Đơn vị đã báo cáo trong hội nghị sơ kết"
    );
    assert_eq!(
        liaison
            .get(&format!("/duties/{}", q3["id"]))
            .await
            .expect(200),
        waived
    );
}
