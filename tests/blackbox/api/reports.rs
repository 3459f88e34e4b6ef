//! `GET /reports/summary` (SPEC §6.2, §4.3): the figures of cases filed
//! over HTTP, who may read them, and the errors of bad dates.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    the_summary_counts_the_cases_filed_and_answered,
    the_summary_is_for_leaders_the_board_and_admins_and_refuses_bad_dates,
);

/// `from=<yesterday>&to=<the day after tomorrow>`, in dates.
fn around_today() -> String {
    let today = Utc::now().date_naive();
    format!(
        "from={}&to={}",
        today - Duration::days(1),
        today + Duration::days(2)
    )
}

async fn the_summary_counts_the_cases_filed_and_answered(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let leader = Client::bearer(&server, &town.leader);

    let answered = reporter.files_case("HN-BD", "Ô nhiễm kênh").await;
    let answered = officer
        .acts(
            &answered,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    liaison
        .acts(&answered, "respond", json!({"answer": "Đã kiểm tra."}))
        .await
        .expect(200);
    reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    Client::bearer(&server, &town.other_reporter)
        .files_case("HN-HK", "Tiếng ồn công trình")
        .await;

    let r = leader
        .get(&format!("/reports/summary?{}", around_today()))
        .await
        .expect(200);
    assert_eq!(r["cases_filed"], 3, "{r:#}");
    let state = |code: &str| {
        r["by_state"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .map(|s| s["count"].clone())
            .unwrap()
    };
    assert_eq!(
        (state("reported"), state("responded")),
        (json!(2), json!(1))
    );
    assert_eq!(r["by_state"][0]["label"], "Mới tiếp nhận");
    assert_eq!(r["by_category"][0]["code"], "land");
    assert_eq!(
        r["by_area"][0],
        json!({"code": "HN-BD", "label": "Phường Ba Đình", "count": 2})
    );
    assert_eq!(r["answer_time"]["cases"], 1);
    assert_eq!(
        r["answer_time"]["median_working_days"], 0.0,
        "answered the same day"
    );
    assert_eq!(r["deadlines"][1]["kind"], "answer");
    assert_eq!(r["deadlines"][1]["on_time"], 1);

    // One ward, in English.
    let hk = leader
        .clone()
        .english()
        .get(&format!("/reports/summary?{}&area=HN-HK", around_today()))
        .await
        .expect(200);
    assert_eq!(hk["cases_filed"], 1);
    assert_eq!(hk["area"]["code"], "HN-HK");
    assert_eq!(hk["by_state"][0]["label"], "Reported");
    // A period before today holds nothing.
    let empty = leader
        .get("/reports/summary?from=2020-01-01&to=2021-01-01")
        .await
        .expect(200);
    assert_eq!(empty["cases_filed"], 0);
    assert_eq!(empty["answer_time"]["median_working_days"], json!(null));
}

async fn the_summary_is_for_leaders_the_board_and_admins_and_refuses_bad_dates(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let path = format!("/reports/summary?{}", around_today());
    for token in [&town.officer, &town.admin, &town.leader] {
        Client::bearer(&server, token).get(&path).await.expect(200);
    }
    for token in [&town.reporter, &town.liaison] {
        let body = Client::bearer(&server, token)
            .get(&path)
            .await
            .error(403, "reports_not_allowed");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("lãnh đạo"),
            "{body}"
        );
    }
    Client::anonymous(&server)
        .get(&path)
        .await
        .error(401, "unauthenticated");

    let leader = Client::bearer(&server, &town.leader);
    for (query, field) in [
        ("from=31/12/2026&to=2027-01-01", "from"),
        ("from=2026-01-01&to=2026-13-01", "to"),
        ("from=2026-01-01", "to"),
        ("to=2026-01-01", "from"),
        ("from=2026-01-01&to=2026-01-01", "to"),
        ("from=2026-01-01&to=2027-01-01&area=KHONG-CO", "area"),
        ("from=2026-01-01&to=2027-01-01&year=2026", "year"),
    ] {
        let body = leader
            .get(&format!("/reports/summary?{query}"))
            .await
            .expect(422);
        assert_eq!(body["error"]["field"], field, "{query}: {body}");
    }
    let body = leader
        .get("/reports/summary?from=2026-01-01T00:00:00%2B07:00&to=2027-01-01T00:00:00Z")
        .await
        .expect(200);
    // Times come back in Hà Nội time with the offset, like a case's, to
    // the second, whatever offset they were asked in.
    assert_eq!(body["from"], "2026-01-01T00:00:00+07:00");
    assert_eq!(body["to"], "2027-01-01T07:00:00+07:00");
    let as_of = body["as_of"].as_str().unwrap();
    assert!(as_of.ends_with("+07:00") && !as_of.contains('.'), "{as_of}");
    assert!(
        chrono::DateTime::parse_from_rfc3339(as_of).is_ok(),
        "{as_of}"
    );

    let doc = Client::anonymous(&server)
        .get("/openapi.json")
        .await
        .expect(200);
    let op = &doc["paths"]["/api/v1/reports/summary"]["get"];
    for status in ["200", "401", "403", "422"] {
        assert!(op["responses"][status].is_object(), "{status}: {op:#}");
    }
}
