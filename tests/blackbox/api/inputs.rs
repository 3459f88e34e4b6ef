//! Inputs that once took the server down for everyone (issue 13): a
//! deadline in the year 10000 that made every list a 500, report periods
//! far outside any real range, and a search of a thousand words. Each is
//! now a 422 naming its field, and the lists stay up.

use serde_json::{Value, json};

use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_far_answer_due_is_refused_and_every_list_stays_up,
    report_periods_far_outside_any_real_range_are_refused,
    a_search_of_a_thousand_words_is_refused_naming_q,
);

/// The status and body of the web page `path` as the user `email` sees it.
async fn page(server: &Server, email: &str, path: &str) -> (u16, String) {
    let login = Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    let cookie = login.headers["set-cookie"].to_str().unwrap().to_owned();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let response = reqwest::Client::new()
        .get(server.at(path))
        .header("cookie", cookie)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    (status, response.text().await.expect("a body"))
}

fn accept_due(due: &str) -> Value {
    json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN", "answer_due": due})
}

async fn a_far_answer_due_is_refused_and_every_list_stays_up(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let case = reporter.files_case("HN-BD", "Sạt lở bờ sông").await;

    for due in ["+10000-01-01T00:00:00Z", "+262142-12-31T23:59:59Z"] {
        let refused = officer
            .acts(&case, "accept", accept_due(due))
            .await
            .error(422, "time_out_of_range");
        assert_eq!(refused["error"]["field"], "answer_due", "{refused:#}");
        let message = refused["error"]["message"].as_str().unwrap();
        assert!(message.contains("Hạn trả lời"), "{message}");
    }
    let shown = officer
        .get(&format!("/cases/{}", case["id"]))
        .await
        .expect(200);
    assert_eq!(
        (shown["state"].as_str(), shown["version"].as_i64()),
        (Some("reported"), Some(1)),
        "a refused accept wrote nothing"
    );

    // Every list that shows the case still answers.
    let listed = officer.get("/cases").await.expect(200);
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "{listed:#}");
    reporter.get("/cases").await.expect(200);
    for (email, path) in [
        ("canbo@example.vn", "/cases"),
        ("canbo@example.vn", "/triage"),
        ("ctv.bd@example.vn", "/reports"),
        ("ubnd@example.vn", "/inbox"),
    ] {
        let (status, _) = page(&server, email, path).await;
        assert_eq!(status, 200, "{email} {path}");
    }

    // A deadline a real board gives is still taken.
    let due = (chrono::Utc::now() + chrono::Duration::days(30)).to_rfc3339();
    let accepted = officer
        .acts(&case, "accept", accept_due(&due))
        .await
        .expect(200);
    assert_eq!(accepted["state"], "assigned");
}

async fn report_periods_far_outside_any_real_range_are_refused(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let leader = Client::bearer(&server, &town.leader);

    for (query, field) in [
        ("from=0001-01-01&to=2027-01-01", "from"),
        ("from=2026-01-01&to=9999-12-31", "to"),
        ("from=2026-01-01&to=2300-01-01T00:00:00%2B07:00", "to"),
    ] {
        let refused = leader
            .get(&format!("/reports/summary?{query}"))
            .await
            .error(422, "time_out_of_range");
        assert_eq!(refused["error"]["field"], field, "{query}: {refused:#}");
    }
    for year in ["9999", "1900"] {
        let refused = leader
            .get(&format!("/reports/annual?year={year}"))
            .await
            .error(422, "time_out_of_range");
        assert_eq!(refused["error"]["field"], "year", "{year}: {refused:#}");
    }
    let (status, body) = page(&server, "lanhdao@example.vn", "/dashboard?year=9999").await;
    assert_eq!(status, 422, "{body}");

    // Real periods still answer.
    leader
        .get("/reports/summary?from=2026-01-01&to=2027-01-01")
        .await
        .expect(200);
    let past = leader.get("/reports/annual?year=2001").await;
    assert_eq!(past.status, 200);
}

async fn a_search_of_a_thousand_words_is_refused_naming_q(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    reporter.files_case("HN-BD", "Sạt lở bờ sông").await;

    let long: Vec<String> = (0..1000).map(|i| format!("dat{i}")).collect();
    let q = long.join("+");
    let refused = officer
        .get(&format!("/cases?q={q}"))
        .await
        .error(422, "too_many_words");
    assert_eq!(refused["error"]["field"], "q", "{refused:#}");
    let (status, body) = page(&server, "canbo@example.vn", &format!("/triage?q={q}")).await;
    assert_eq!(status, 422, "the page shows the message, not a 500");
    assert!(body.contains("từ"), "{body}");

    // A long but human query still searches.
    let words: Vec<&str> = std::iter::repeat_n("sat", 31).chain(["lo"]).collect();
    let found = officer
        .get(&format!("/cases?q={}", words.join("+")))
        .await
        .expect(200);
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found:#}");
}
