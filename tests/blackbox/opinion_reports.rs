//! Opinion reports over HTTP (SPEC §16) on both backends: a collaborator
//! sends a monthly report once per key; another commune's collaborator
//! and an agency cannot read it (404, as for cases); the trends count its
//! items; a bad report changes nothing; a case filed from an item links
//! to the report and back, and a second filing is refused naming it; the
//! list filters by month, area, kind and reporter a page at a time, and a
//! filter that names nothing is refused in words.

use chrono::{Datelike, Duration, Utc};
use serde_json::{Value, json};

use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_monthly_report_is_read_by_its_sender_and_the_board_only,
    a_bad_report_changes_nothing,
    a_case_from_an_opinion_links_both_ways,
    the_list_filters_by_month_area_kind_and_reporter,
);

/// This month in Hà Nội, `2026-12`.
fn this_month() -> String {
    let local = (Utc::now() + Duration::hours(7)).date_naive();
    format!("{:04}-{:02}", local.year(), local.month())
}

fn report(area: &str) -> Value {
    json!({
        "area": area, "period": this_month(),
        "items": [
            {"category": "land", "summary": "Người dân bức xúc vì chậm chi trả bồi thường dự án đường vành đai", "mood": "angry", "reach": "widespread", "source": "direct", "people_affected": 200},
            {"category": "environment", "summary": "Lo ngại khói bụi từ công trường", "mood": "concerned", "reach": "few", "source": "meeting"}
        ]
    })
}

async fn count(client: &Client) -> usize {
    client.get("/opinion-reports").await.expect(200)["items"]
        .as_array()
        .map_or(0, Vec::len)
}

async fn a_monthly_report_is_read_by_its_sender_and_the_board_only(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    town.give_profile(&server, "ctv.hk@example.vn", &["HN-HK"])
        .await;
    let reporter = Client::bearer(&server, &town.reporter);
    let sent = reporter
        .post_once("/opinion-reports", "bao-cao-thang-1", &report("HN-BD"))
        .await
        .expect(201);
    let id = sent["id"].as_i64().expect("an id");
    assert_eq!(sent["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(sent["items"][0]["mood"], "angry");
    // The same key and body: the first answer again, nothing more stored.
    let again = reporter
        .post_once("/opinion-reports", "bao-cao-thang-1", &report("HN-BD"))
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body["id"], sent["id"]);
    assert_eq!(count(&reporter).await, 1);

    let path = format!("/opinion-reports/{id}");
    reporter.get(&path).await.expect(200);
    Client::bearer(&server, &town.officer)
        .get(&path)
        .await
        .expect(200);
    Client::bearer(&server, &town.leader)
        .get(&path)
        .await
        .expect(200);
    for token in [&town.other_reporter, &town.liaison, &town.procuracy] {
        Client::bearer(&server, token)
            .get(&path)
            .await
            .error(404, "not_found");
        assert_eq!(count(&Client::bearer(&server, token)).await, 0);
    }
    // The other commune's collaborator may not send for Ba Đình either.
    Client::bearer(&server, &town.other_reporter)
        .post("/opinion-reports", &report("HN-BD"))
        .await
        .error(403, "area_not_covered");

    // The trends of the week count the report's items for the board, and
    // none for the other commune's collaborator.
    let trends = |token: &str| {
        let client = Client::bearer(&server, token);
        async move {
            client
                .get("/opinion/trends?by=week&area=HN-BD")
                .await
                .expect(200)
        }
    };
    let board = trends(&town.officer).await;
    let week = board["periods"]
        .as_array()
        .and_then(|p| p.last())
        .cloned()
        .unwrap();
    assert_eq!(week["items"], 2, "{board:#}");
    assert_eq!(week["by_mood"]["angry"], 1);
    assert_eq!(week["by_reach"]["few"], 1);
    let other = trends(&town.other_reporter).await;
    let total: i64 = other["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["items"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 0, "{other:#}");
    Client::bearer(&server, &town.officer)
        .get("/opinion/trends?by=year")
        .await
        .error(422, "invalid_input");
}

async fn a_bad_report_changes_nothing(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    let reporter = Client::bearer(&server, &town.reporter);
    let mut blank = report("HN-BD");
    blank["items"][1]["summary"] = json!("   ");
    let refused = reporter
        .post("/opinion-reports", &blank)
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "items[2].summary");
    assert_eq!(
        refused["error"]["message"],
        "Ý kiến 2: vui lòng ghi nội dung ý kiến."
    );
    let mut mood = report("HN-BD");
    mood["items"][0]["mood"] = json!("furious");
    reporter
        .post("/opinion-reports", &mood)
        .await
        .error(422, "invalid_input");
    let mut future = report("HN-BD");
    future["period"] = json!("2999-01");
    reporter
        .post("/opinion-reports", &future)
        .await
        .error(422, "invalid_input");
    let mut both = report("HN-BD");
    both["quick"] = json!(true);
    reporter
        .post("/opinion-reports", &both)
        .await
        .error(422, "invalid_input");
    Client::bearer(&server, &town.officer)
        .post("/opinion-reports", &report("HN-BD"))
        .await
        .error(403, "not_a_collaborator");
    assert_eq!(count(&reporter).await, 0);

    // The month's report once; a second is refused in words, a quick one
    // goes through.
    reporter
        .post("/opinion-reports", &report("HN-BD"))
        .await
        .expect(201);
    let twice = reporter
        .post("/opinion-reports", &report("HN-BD"))
        .await
        .error(409, "duplicate_monthly_report");
    assert!(
        twice["error"]["message"]
            .as_str()
            .unwrap()
            .contains("báo cáo nhanh"),
        "{twice:#}"
    );
    let mut quick = report("HN-BD");
    quick["period"] = Value::Null;
    quick["quick"] = json!(true);
    let quick = reporter.post("/opinion-reports", &quick).await.expect(201);
    assert_eq!(quick["quick"], true);
    assert_eq!(count(&reporter).await, 2);
}

async fn a_case_from_an_opinion_links_both_ways(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    let sent = Client::bearer(&server, &town.reporter)
        .post("/opinion-reports", &report("HN-BD"))
        .await
        .expect(201);
    let id = sent["id"].as_i64().unwrap();
    let officer = Client::bearer(&server, &town.officer);
    let path = format!("/opinion-reports/{id}/items/1/case");
    Client::bearer(&server, &town.reporter)
        .post(&path, &json!({}))
        .await
        .error(403, "role_not_allowed");
    let case = officer.post(&path, &json!({})).await.expect(201);
    let code = case["code"].as_str().unwrap().to_owned();
    assert_eq!(case["source"], "collaborator");
    assert_eq!(case["hotspot_risk"], "high");
    assert_eq!(case["state"], "reported");
    assert_eq!(case["area"], "HN-BD");
    let again = officer
        .post(&path, &json!({}))
        .await
        .error(409, "item_already_filed");
    assert!(
        again["error"]["message"].as_str().unwrap().contains(&code),
        "{again:#}"
    );
    let report = officer
        .get(&format!("/opinion-reports/{id}"))
        .await
        .expect(200);
    assert_eq!(report["items"][0]["case"]["code"], code.as_str());
    assert!(report["items"][1]["case"].is_null());

    // The pages: the report links to the case, the case back to the report.
    let mut desk = Visitor::new(&server, None);
    desk.sign_in("canbo@example.vn", PASSWORD, "/").await;
    let page = desk.get(&format!("/opinion-reports/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!("href=\"/cases/{code}\"")),
        "{}",
        page.body
    );
    let case_page = desk.get(&format!("/cases/{code}")).await;
    assert!(
        case_page
            .body
            .contains(&format!("href=\"/opinion-reports/{id}#item-1\"")),
        "{}",
        case_page.body
    );
    assert!(
        case_page
            .body
            .contains("Từ báo cáo dư luận xã hội của ctv.bd@example.vn ngày")
    );
    // An agency liaison reads the case but not the report: no link.
    let mut agency = Visitor::new(&server, None);
    agency.sign_in("ubnd@example.vn", PASSWORD, "/").await;
    let seen = agency.get(&format!("/cases/{code}")).await;
    assert!(!seen.body.contains("opinion-origin"), "{}", seen.body);
}

/// The areas of the reports `path` lists, in order.
async fn areas_of(client: &Client, path: &str) -> Vec<String> {
    client.get(path).await.expect(200)["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["area"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn the_list_filters_by_month_area_kind_and_reporter(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    town.give_profile(&server, "ctv.hk@example.vn", &["HN-HK"])
        .await;
    let bd = Client::bearer(&server, &town.reporter);
    let hk = Client::bearer(&server, &town.other_reporter);
    let officer = Client::bearer(&server, &town.officer);
    let mut quick = report("HN-BD");
    quick["period"] = Value::Null;
    quick["quick"] = json!(true);
    bd.post("/opinion-reports", &report("HN-BD"))
        .await
        .expect(201);
    bd.post("/opinion-reports", &quick).await.expect(201);
    hk.post("/opinion-reports", &report("HN-HK"))
        .await
        .expect(201);
    let month = this_month();
    let list = |query: &str| format!("/opinion-reports?{query}");
    assert_eq!(areas_of(&officer, &list("")).await.len(), 3);
    assert_eq!(
        areas_of(&officer, &list("area=HN-BD")).await,
        ["HN-BD", "HN-BD"]
    );
    assert_eq!(areas_of(&officer, &list("quick=true")).await, ["HN-BD"]);
    assert_eq!(
        areas_of(&officer, &list(&format!("period={month}"))).await,
        ["HN-HK", "HN-BD"]
    );
    assert_eq!(
        areas_of(&officer, &list("reporter=CTV.HK@example.vn")).await,
        ["HN-HK"]
    );
    assert_eq!(
        areas_of(
            &officer,
            &list(&format!("area=HN-BD&quick=false&period={month}"))
        )
        .await,
        ["HN-BD"]
    );
    // The filters hold from page to page.
    let first = officer.get(&list("area=HN-BD&limit=1")).await.expect(200);
    assert_eq!(first["items"][0]["quick"], true);
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = officer
        .get(&list(&format!("area=HN-BD&limit=1&cursor={cursor}")))
        .await
        .expect(200);
    assert_eq!(second["items"][0]["area"], "HN-BD");
    assert_eq!(second["items"][0]["quick"], false);
    assert!(second["next_cursor"].is_null(), "{second:#}");
    // A filter does not widen what a reader sees.
    assert!(
        areas_of(&hk, &list("reporter=ctv.bd@example.vn"))
            .await
            .is_empty()
    );

    // What names nothing is refused in words, naming the field.
    let bad = officer
        .get(&list("period=2026-13"))
        .await
        .error(422, "invalid_input");
    assert_eq!(bad["error"]["field"], "period");
    assert_eq!(
        bad["error"]["message"],
        "Tháng báo cáo “2026-13” không hợp lệ; hãy ghi năm-tháng, ví dụ 2026-11."
    );
    let nobody = officer
        .get(&list("reporter=ai.do@example.vn"))
        .await
        .error(422, "unknown_code");
    assert_eq!(nobody["error"]["field"], "reporter");
    let message = nobody["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Người báo cáo") && message.contains("ai.do@example.vn"),
        "{message}"
    );
    officer
        .get(&list("area=XX"))
        .await
        .error(422, "unknown_code");
    officer
        .get(&list("quick=maybe"))
        .await
        .error(422, "invalid_input");
    officer
        .get(&list("kind=quick"))
        .await
        .error(422, "invalid_input");
}
