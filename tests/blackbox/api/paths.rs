//! The other paths of SPEC §3.3 over HTTP, and the list filters on the
//! demo data set (which has cases in every state, some overdue).

use serde_json::{Value, json};

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    triage_paths_ask_supplement_dismiss_and_merge,
    escalation_conclusion_and_reopening,
    every_filter_returns_only_what_it_names,
);

async fn triage_paths_ask_supplement_dismiss_and_merge(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);

    let case = reporter.files_case("HN-BD", "Nước sinh hoạt đục").await;
    let case = officer
        .acts(&case, "request_info", json!({"question": "Từ ngày nào?"}))
        .await
        .expect(200);
    assert_eq!(case["state"], "needs_info");
    let mine = reporter
        .get(&format!("/cases/{}", case["id"]))
        .await
        .expect(200);
    assert!(
        mine["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("supplement")),
        "{mine}"
    );
    let case = reporter
        .acts(
            &mine,
            "supplement",
            json!({"text": "Từ thứ Hai tuần trước."}),
        )
        .await
        .expect(200);
    // The reporter's answer, in their terms (SPEC §10).
    assert_eq!(case["reporter_state"], "received");
    let case = officer
        .acts(
            &case,
            "dismiss",
            json!({"reason": "Đã được xử lý dứt điểm."}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "dismissed");
    assert!(
        case["allowed_actions"].as_array().unwrap().is_empty(),
        "{case}"
    );

    let first = reporter.files_case("HN-BD", "Cột điện nghiêng").await;
    let twin = reporter
        .files_case("HN-BD", "Cột điện nghiêng sắp đổ")
        .await;
    let merged = officer
        .acts(&twin, "merge", json!({"target": first["code"]}))
        .await
        .expect(200);
    assert_eq!(
        (merged["state"].as_str(), &merged["merged_into"]),
        (Some("merged"), &first["id"])
    );
}

async fn escalation_conclusion_and_reopening(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let leader = Client::bearer(&server, &town.leader);
    let case = officer
        .files_case("HN-BD", "Giải phóng mặt bằng chậm")
        .await;
    let case = officer
        .acts(&case, "accept", json!({"sensitivity": "complex", "priority": "normal", "lead_unit": "UBND-HN", "coordinating_units": ["VKSND-HN"]}))
        .await
        .expect(200);
    assert_eq!(case["coordinating_units"], json!(["VKSND-HN"]));
    let case = liaison
        .acts(&case, "comment", json!({"text": "Đang rà soát hồ sơ."}))
        .await
        .expect(200);
    let case = liaison
        .acts(
            &case,
            "escalate",
            json!({"opinions": [{"unit": "UBND-HN", "opinion": "UBND và Ban chưa thống nhất mức hỗ trợ."}, {"unit": "VKSND-HN", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        )
        .await
        .expect(200);
    assert_eq!(
        (case["state"].as_str(), case["escalated_from"].as_str()),
        (Some("escalated"), Some("assigned"))
    );
    let case = leader
        .acts(
            &case,
            "conclude",
            json!({"conclusion": "Áp dụng mức hỗ trợ cao nhất."}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "assigned");
    let case = liaison
        .acts(&case, "respond", json!({"answer": "Đã trả lời."}))
        .await
        .expect(200);
    let orientation = json!({"messages": "Thông tin chính thức.", "channels": ["grassroots_radio"], "audience": "Nhân dân"});
    let case = officer.acts(&case, "orient", orientation).await.expect(200);
    let case = liaison
        .acts(
            &case,
            "report_resolution",
            json!({"summary": "Đã chi trả."}),
        )
        .await
        .expect(200);
    leader
        .acts(&case, "close", json!({"remark": "x"}))
        .await
        .error(409, "result_not_published");
    let case = leader
        .acts(&case, "reopen", json!({"reason": "Còn hộ chưa nhận tiền."}))
        .await
        .expect(200);
    assert_eq!(case["state"], "oriented");
}

fn all(page: &Value, check: impl Fn(&Value) -> bool) -> bool {
    page["items"].as_array().unwrap().iter().all(check)
}

async fn every_filter_returns_only_what_it_names(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let login = json!({"email": "canbo.btg@demo.noicom.vn", "password": "noicom-demo-2026"});
    let token = Client::anonymous(&server)
        .post("/auth/login", &login)
        .await
        .expect(200)["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let officer = Client::bearer(&server, &token);
    let everything = officer.get("/cases?limit=100").await.expect(200);
    let total = everything["items"].as_array().unwrap().len();
    assert!(total >= 20, "{total}");

    let overdue = officer
        .get("/cases?limit=100&overdue=true")
        .await
        .expect(200);
    let count = overdue["items"].as_array().unwrap().len();
    assert!(
        count > 0 && all(&overdue, |c| c["overdue"] == true),
        "{overdue:#}"
    );
    let flagged = everything["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["overdue"] == true)
        .count();
    assert_eq!(
        count, flagged,
        "the SQL filter and the case's own overdue disagree"
    );

    for (query, field, value) in [
        ("state=assigned", "state", "assigned"),
        ("category=land", "category", "land"),
        ("priority=urgent", "priority", "urgent"),
        ("sensitivity=normal", "sensitivity", "normal"),
    ] {
        let page = officer
            .get(&format!("/cases?limit=100&{query}"))
            .await
            .expect(200);
        assert!(
            !page["items"].as_array().unwrap().is_empty(),
            "{query}: nothing"
        );
        assert!(all(&page, |c| c[field] == value), "{query}: {page:#}");
    }
    let led = officer
        .get("/cases?limit=100&lead_unit=UBND-HOALU")
        .await
        .expect(200);
    assert!(all(&led, |c| c["lead_unit"] == "UBND-HOALU"), "{led:#}");
    officer
        .get("/cases?lead_unit=KHONG-CO")
        .await
        .error(422, "unknown_code");
    officer
        .get("/cases?area=KHONG-CO")
        .await
        .error(422, "unknown_code");
    let mine = officer.get("/cases?limit=100&mine=true").await.expect(200);
    let me = officer.get("/auth/me").await.expect(200)["id"].clone();
    assert!(all(&mine, |c| c["reporter"] == me), "{mine:#}");
}
