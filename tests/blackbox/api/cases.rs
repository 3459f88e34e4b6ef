//! Cases over HTTP: every role carrying a case along the main path of
//! SPEC §3.3, refusals that write nothing, stale versions, idempotent
//! replays, search and pagination.

use serde_json::{Value, json};

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    each_role_carries_a_case_from_report_to_closure,
    refused_actions_write_nothing,
    a_stale_version_is_409_with_the_current_version,
    an_idempotency_key_replays_and_refuses_another_body,
    search_ignores_case_and_diacritics,
    pages_follow_each_other_without_gaps_or_repeats,
);

/// What a caller sees of a case and its timeline.
async fn snapshot(client: &Client, case: &Value) -> (Value, Value) {
    let path = format!("/cases/{}", case["id"]);
    let shown = client.get(&path).await.expect(200);
    let events = client.get(&format!("{path}/events")).await.expect(200);
    (shown, events)
}

fn actions(case: &Value) -> Vec<&str> {
    case["allowed_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect()
}

async fn each_role_carries_a_case_from_report_to_closure(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let leader = Client::bearer(&server, &town.leader);

    // The reporter reads their case in their own terms (SPEC §10).
    let case = reporter.files_case("HN-BD", "Sạt lở bờ sông").await;
    assert_eq!(case["reporter_state"], "received");
    assert!(case.get("state").is_none(), "{case}");
    assert_eq!(case["version"], 1);
    assert!(case["code"].as_str().unwrap().starts_with("HN-"), "{case}");
    assert!(
        case["triage_due"].as_str().unwrap().ends_with("+07:00"),
        "{case}"
    );
    let seen = officer
        .get(&format!("/cases/{}", case["code"].as_str().unwrap()))
        .await
        .expect(200);
    assert!(actions(&seen).contains(&"accept"), "{seen}");
    assert_eq!(
        (&seen["state"], &seen["overdue"]),
        (&json!("reported"), &json!(false))
    );

    let case = officer
        .acts(
            &seen,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (case["state"].as_str(), case["lead_unit"].as_str()),
        (Some("assigned"), Some("UBND-HN"))
    );
    assert!(
        case["answer_due"].is_string() && case["resolution_due"].is_string(),
        "{case}"
    );
    let case = liaison
        .acts(
            &case,
            "respond",
            json!({"answer": "UBND đã kiểm tra hiện trường."}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "responded");
    let orientation = json!({"messages": "Chính quyền đã di dời các hộ dân.", "channels": ["press"], "audience": "Nhân dân"});
    let case = officer.acts(&case, "orient", orientation).await.expect(200);
    assert_eq!(case["state"], "oriented");
    let case = liaison
        .acts(
            &case,
            "report_resolution",
            json!({"summary": "Đã kè xong bờ sông."}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "resolved");
    let case = officer
        .acts(&case, "publish_result", json!({"text": "Đã kè bờ sông."}))
        .await
        .expect(200);
    let case = leader
        .get(&format!("/cases/{}", case["id"]))
        .await
        .expect(200);
    assert!(actions(&case).contains(&"close"), "{case}");
    let case = leader
        .acts(&case, "close", json!({"remark": "Kết thúc."}))
        .await
        .expect(200);
    assert_eq!(case["state"], "closed");
    assert_eq!(case["version"], 7);

    let names = |events: &serde_json::Value| -> Vec<String> {
        events
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_owned())
            .collect()
    };
    let timeline = format!("/cases/{}/events", case["id"]);
    assert_eq!(
        names(&officer.get(&timeline).await.expect(200)),
        [
            "file",
            "accept",
            "respond",
            "orient",
            "report_resolution",
            "publish_result",
            "close"
        ]
    );
    // The reporter's timeline: their report, where it stands, the result.
    assert_eq!(
        names(&reporter.get(&timeline).await.expect(200)),
        ["file", "accept", "publish_result", "close"]
    );
}

async fn refused_actions_write_nothing(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let leader = Client::bearer(&server, &town.leader);
    let case = reporter.files_case("HN-BD", "Rác thải ùn ứ").await;
    let before = snapshot(&officer, &case).await;

    let accept = json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"});
    reporter
        .acts(&case, "accept", accept.clone())
        .await
        .error(403, "role_not_allowed");
    liaison
        .acts(&case, "dismiss", json!({"reason": "x"}))
        .await
        .error(403, "role_not_allowed");
    leader
        .acts(&case, "close", json!({"remark": "x"}))
        .await
        .error(409, "wrong_state");
    Client::bearer(&server, &town.admin)
        .acts(&case, "accept", accept.clone())
        .await
        .error(403, "role_not_allowed");
    let missing = officer
        .acts(&case, "dismiss", json!({"reason": "  "}))
        .await
        .error(422, "missing_input");
    assert_eq!(missing["error"]["field"], "reason");
    let unknown = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "KHONG-CO"}),
        )
        .await
        .error(422, "unknown_code");
    assert_eq!(unknown["error"]["field"], "lead_unit");
    // Outside one's area, a reporter may not file either.
    Client::bearer(&server, &town.other_reporter)
        .post("/cases", &json!({"title": "t", "description": "d", "area": "HN-BD", "category": "land", "source": "direct"}))
        .await
        .error(403, "outside_jurisdiction");

    assert_eq!(
        snapshot(&officer, &case).await,
        before,
        "a refused action changed the case"
    );
}

async fn a_stale_version_is_409_with_the_current_version(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Tiếng ồn công trình")
        .await;
    officer
        .acts(
            &case,
            "request_info",
            json!({"question": "Công trình nào?"}),
        )
        .await
        .expect(200);
    let after_first = snapshot(&officer, &case).await;

    let stale = officer
        .acts(&case, "dismiss", json!({"reason": "Trùng lặp"}))
        .await
        .error(409, "version_conflict");
    assert_eq!(stale["error"]["current_version"], 2);
    assert_eq!(snapshot(&officer, &case).await, after_first);
}

async fn an_idempotency_key_replays_and_refuses_another_body(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let report = json!({"title": "Ô nhiễm kênh", "description": "Kênh bốc mùi", "area": "HN-BD", "category": "environment", "source": "direct"});

    let first = reporter.post_once("/cases", "k-1", &report).await;
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let first = first.expect(201);
    let again = reporter.post_once("/cases", "k-1", &report).await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.expect(201), first);
    assert_eq!(officer.case_codes("").await.len(), 1, "filed twice");

    let mut other = report.clone();
    other["title"] = "Ô nhiễm kênh khác".into();
    reporter
        .post_once("/cases", "k-1", &other)
        .await
        .error(422, "idempotency_key_reused");
    assert_eq!(officer.case_codes("").await.len(), 1);
    // The same key of another user is another key.
    let officer_case = officer
        .post_once("/cases", "k-1", &report)
        .await
        .expect(201);
    assert_ne!(officer_case["id"], first["id"]);

    let path = format!("/cases/{}/actions", first["id"]);
    let body = json!({"action": "request_info", "version": 1, "question": "Ở đoạn nào?"});
    let acted = officer.post_once(&path, "a-1", &body).await.expect(200);
    // The replay answers as the first time, though version 1 is stale now.
    assert_eq!(
        officer.post_once(&path, "a-1", &body).await.expect(200),
        acted
    );
    let events = officer
        .get(&format!("/cases/{}/events", first["id"]))
        .await
        .expect(200);
    assert_eq!(events.as_array().unwrap().len(), 2, "{events}");
}

async fn search_ignores_case_and_diacritics(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let land = officer
        .files_case("HN-BD", "Tranh chấp Đất đai ở tổ dân phố 3")
        .await;
    let hot = officer
        .files_case("HN-HK", "Vấn đề NỔI CỘM về giá điện")
        .await;
    let code = |c: &Value| c["code"].as_str().unwrap().to_owned();

    assert_eq!(officer.case_codes("q=dat%20dai").await, [code(&land)]);
    assert_eq!(
        officer.case_codes("q=%C4%90%E1%BA%A5t%20%C4%91ai").await,
        [code(&land)]
    );
    assert_eq!(officer.case_codes("q=noi%20com").await, [code(&hot)]);
    assert_eq!(
        officer
            .case_codes(&format!("q={}", code(&hot).to_lowercase()))
            .await,
        [code(&hot)]
    );
    assert!(
        officer
            .case_codes("q=noi%20com&area=HN-BD")
            .await
            .is_empty()
    );
    assert_eq!(officer.case_codes("q=dat&area=HN").await, [code(&land)]);
    assert!(
        officer.case_codes("q=100%25").await.is_empty(),
        "a % is a character, not a wildcard"
    );
}

async fn pages_follow_each_other_without_gaps_or_repeats(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let mut filed = Vec::new();
    for n in 0..5 {
        filed.push(
            officer
                .files_case("HN-BD", &format!("Phản ánh số {n}"))
                .await["code"]
                .clone(),
        );
    }
    let mut seen = Vec::new();
    let mut path = "/cases?limit=2".to_owned();
    loop {
        let page = officer.get(&path).await.expect(200);
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["code"].clone()),
        );
        // A case filed meanwhile comes first and does not shift the pages.
        if seen.len() == 2 {
            officer.files_case("HN-BD", "Phản ánh mới").await;
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/cases?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    filed.reverse();
    assert_eq!(seen, filed, "newest first, each once");
    assert_eq!(officer.case_codes("state=reported&area=HN").await.len(), 6);
    assert!(officer.case_codes("area=HN-HK").await.is_empty());
    officer
        .get("/cases?limit=101")
        .await
        .error(422, "invalid_input");
    officer
        .get("/cases?cursor=xyz")
        .await
        .error(422, "invalid_input");
}
