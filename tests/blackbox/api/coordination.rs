//! Coordinating units at acceptance (issue 15): the API refuses the party
//! side (the board itself, the party committee) as the form no longer
//! offers it, naming the unit, and takes the bodies serving the area.

use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(the_party_side_is_refused_as_a_coordinating_unit);

async fn the_party_side_is_refused_as_a_coordinating_unit(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let case = reporter.files_case("HN-BD", "Tranh chấp đất đai").await;
    for unit in ["BTG-HN", "TU-HN"] {
        let refused = officer
            .acts(
                &case,
                "accept",
                json!({"sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN",
                       "coordinating_units": ["VKSND-HN", unit]}),
            )
            .await
            .error(422, "coordinating_unit_of_the_party");
        let message = refused["error"]["message"].as_str().unwrap();
        assert!(message.contains(&format!("“{unit}”")), "{message}");
        assert!(!message.contains('`'), "{message}");
    }
    let accepted = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN",
                   "coordinating_units": ["VKSND-HN", "MTTQ-BD"]}),
        )
        .await
        .expect(200);
    assert_eq!(
        accepted["coordinating_units"],
        json!(["VKSND-HN", "MTTQ-BD"])
    );
}
