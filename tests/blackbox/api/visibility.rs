//! Who sees what: a `sensitive` case does not exist for those who may not
//! open it — not by id, not in lists, not in search, not its timeline.

use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_sensitive_case_is_invisible_to_those_outside_it,
    a_list_leaves_out_the_text_of_a_sensitive_case,
);

async fn a_sensitive_case_is_invisible_to_those_outside_it(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let other_reporter = Client::bearer(&server, &town.other_reporter);
    let procuracy = Client::bearer(&server, &town.procuracy);
    let admin = Client::bearer(&server, &town.admin);

    let normal = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    let secret = reporter
        .files_case("HN-BD", "Khiếu nại đông người về đền bù")
        .await;
    let secret = officer
        .acts(
            &secret,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let code = |c: &serde_json::Value| c["code"].as_str().unwrap().to_owned();

    // Those with a part in it see it.
    for client in [
        &reporter,
        &officer,
        &Client::bearer(&server, &town.liaison),
        &Client::bearer(&server, &town.leader),
    ] {
        client
            .get(&format!("/cases/{}", secret["id"]))
            .await
            .expect(200);
        assert!(client.case_codes("").await.contains(&code(&secret)));
    }
    // The procuracy and the admin see the normal case, not the sensitive one.
    for client in [&procuracy, &admin] {
        client
            .get(&format!("/cases/{}", normal["id"]))
            .await
            .expect(200);
        assert_eq!(client.case_codes("").await, [code(&normal)]);
    }
    // Another commune's reporter sees neither.
    assert!(other_reporter.case_codes("").await.is_empty());
    for client in [&procuracy, &admin, &other_reporter] {
        let by_id = client
            .get(&format!("/cases/{}", secret["id"]))
            .await
            .error(404, "not_found");
        let by_code = client
            .get(&format!("/cases/{}", code(&secret)))
            .await
            .error(404, "not_found");
        let absent = client.get("/cases/999999").await.error(404, "not_found");
        assert_eq!(by_id["error"]["code"], absent["error"]["code"]);
        assert!(by_code["error"]["message"].is_string());
        client
            .get(&format!("/cases/{}/events", secret["id"]))
            .await
            .error(404, "not_found");
        assert!(client.case_codes("q=den%20bu").await.is_empty());
        client
            .acts(&secret, "comment", json!({"text": "xem thử"}))
            .await
            .error(404, "not_found");
    }
    for client in [&procuracy, &admin] {
        assert!(client.case_codes("sensitivity=sensitive").await.is_empty());
    }
    // A reporter may not filter on sensitivity at all (SPEC §10).
    other_reporter
        .get("/cases?sensitivity=sensitive")
        .await
        .error(422, "invalid_input");
}

/// SPEC §9: every opening of a sensitive case is audited. A list is not
/// an opening: it leaves a sensitive case's text out (code, title and
/// state stay), and the reader opens the case to read it, which writes
/// the audit row; a normal case is listed whole.
async fn a_list_leaves_out_the_text_of_a_sensitive_case(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let leader = Client::bearer(&server, &town.leader);
    let admin = Client::bearer(&server, &town.admin);
    let secret = reporter
        .files_case("HN-BD", "Khiếu nại đông người về đền bù")
        .await;
    officer
        .acts(
            &secret,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    let text = secret["description"].as_str().unwrap();
    let opened = |log: &serde_json::Value| {
        log.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "open_sensitive_case")
            .count()
    };
    let before = opened(&admin.get("/audit?limit=100").await.expect(200));

    let page = leader.get("/cases").await.expect(200);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{page}");
    for item in items {
        let sensitive = item["code"] == secret["code"];
        assert_eq!(item["description"].is_null(), sensitive, "{item}");
        assert!(item["title"].is_string(), "{item}");
    }
    assert!(!page.to_string().contains(text), "{page}");
    let searched = leader.get("/cases?q=den%20bu").await.expect(200);
    assert_eq!(searched["items"][0]["code"], secret["code"], "{searched}");
    assert!(!searched.to_string().contains(text), "{searched}");

    let case = leader
        .get(&format!("/cases/{}", secret["id"]))
        .await
        .expect(200);
    assert_eq!(case["description"], text);
    let log = admin.get("/audit?limit=100").await.expect(200);
    assert_eq!(opened(&log), before + 1, "{log}");
}
