//! `noicom seed-bench`: a province of communes and generated cases that the
//! server lists, searches and acts on like filed ones; filing goes on after
//! them (codes and ids); only on an empty database.

use serde_json::{Value, json};

use crate::support::api::Client;
use crate::support::server::Server;
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(seeded_cases_behave_like_filed_ones);

async fn seeded_cases_behave_like_filed_ones(db: TestDb) {
    let tokens_path = db.dir().join("tokens.json");
    let tokens_arg = tokens_path.to_str().unwrap();
    let args = [
        "seed-bench",
        "--cases",
        "1200",
        "--batch",
        "500",
        "--communes",
        "12",
        "--tokens",
        tokens_arg,
    ];
    noicom(&db).args(args).ok();
    let tokens: Value =
        serde_json::from_str(&std::fs::read_to_string(&tokens_path).unwrap()).unwrap();
    assert_eq!(tokens["areas"].as_array().unwrap().len(), 12);

    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, tokens["officer"].as_str().unwrap());
    let reporter = Client::bearer(&server, tokens["reporter"].as_str().unwrap());

    // W2's query: reported cases of one commune, newest first.
    let page = officer
        .get("/cases?state=reported&area=BN-003&limit=50")
        .await
        .expect(200);
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty(), "{page}");
    for case in items {
        assert_eq!(case["state"], "reported");
        assert_eq!(case["area"], "BN-003");
    }

    // W4's: the seeded Vietnamese text is indexed.
    let found = officer
        .get("/cases?q=o%20nhiem&limit=100")
        .await
        .expect(200);
    let found = found["items"].as_array().unwrap();
    assert!(found.len() > 10, "{}", found.len());
    for case in found {
        // Every word, the last one as a prefix.
        let text = store::fold(&format!("{} {}", case["title"], case["description"]));
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        assert!(words.contains(&"o"), "{text}");
        assert!(words.iter().any(|w| w.starts_with("nhiem")), "{text}");
    }

    // W3's: a seeded reported case at version 1 is accepted.
    let case = &items[0];
    assert_eq!(case["version"], 1);
    officer
        .acts(
            case,
            "accept",
            json!({"sensitivity": "normal", "priority": "normal", "lead_unit": tokens["lead_unit"]}),
        )
        .await
        .expect(200);

    // W1's: filing continues after the seeded codes and ids.
    let filed = reporter.files_case("BN-001", "Ô nhiễm tiếng ồn").await;
    assert_eq!(filed["code"], "BN-2026-001201");
    assert!(filed["id"].as_i64().unwrap() > 1200, "{filed}");
    drop(server);

    noicom(&db).args(args).run().fails(1, &["trống"]);
}
