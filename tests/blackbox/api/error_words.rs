//! The API's errors speak the caller's language (issue 15): a body that
//! misses a field, names an unknown one, sends an unknown code or a value
//! of the wrong kind, for filing and for every action, in Vietnamese and
//! in English, is answered without serde's English or a back-quoted
//! identifier, naming the field by its form label and the accepted values
//! by their codes and labels.

use serde_json::{Value, json};

use crate::support::api::assert_plain_words;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    bad_bodies_for_every_action_are_answered_in_plain_words,
    an_unknown_code_names_the_field_and_the_accepted_values,
);

/// Every action of SPEC §3.3 and one that does not exist.
const ACTIONS: &[&str] = &[
    "request_info",
    "supplement",
    "dismiss",
    "merge",
    "accept",
    "respond",
    "orient",
    "escalate",
    "conclude",
    "report_resolution",
    "publish_result",
    "close",
    "reopen",
    "comment",
    "add_orientation",
    "log_meeting",
    "progress_update",
    "set_trial_date",
    "fly",
];

/// Bodies that are wrong in each way serde can say: missing fields, an
/// unknown field, unknown codes, values of the wrong kind.
fn bad_bodies(action: &str, version: &Value) -> Vec<Value> {
    vec![
        json!({"action": action, "version": version}),
        json!({"action": action, "version": version, "colour": "red"}),
        json!({"action": action, "version": version, "priority": "hot",
               "sensitivity": "spicy", "lead_unit": "UBND-HN"}),
        json!({"action": action, "version": version, "channels": ["pigeon"],
               "messages": "m", "audience": "a"}),
        json!({"action": action, "version": version, "text": 5, "question": [],
               "answer": {}, "reason": true, "held_at": 3, "trial_date": "soon"}),
        json!({"action": action, "version": "two"}),
        json!({"action": action}),
    ]
}

async fn bad_bodies_for_every_action_are_answered_in_plain_words(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Ngập úng kéo dài")
        .await;
    let path = format!("/cases/{}/actions", case["id"]);
    for client in [officer.clone(), officer.clone().english()] {
        for action in ACTIONS {
            for body in bad_bodies(action, &case["version"]) {
                let reply = client.post(&path, &body).await;
                assert!(reply.status >= 400, "{action}: {body} → {:#}", reply.body);
                let message = reply.body["error"]["message"].as_str().unwrap_or_default();
                assert!(!message.is_empty(), "{action}: {body} → {:#}", reply.body);
                assert_plain_words(message);
            }
        }
        // Filing: missing, unknown, ill-typed and unknown-coded fields.
        let report = json!({"title": "t", "description": "d", "area": "HN-BD",
                            "category": "land", "source": "direct"});
        let mut bodies = vec![json!({}), json!({"title": 3})];
        for (field, value) in [
            ("description", Value::Null),
            ("source", json!("rumour")),
            ("hotspot_risk", json!("hot")),
            ("people_affected", json!("many")),
            ("colour", json!("red")),
        ] {
            let mut body = report.clone();
            if value.is_null() {
                body.as_object_mut().unwrap().remove(field);
            } else {
                body[field] = value;
            }
            bodies.push(body);
        }
        for body in bodies {
            let reply = client.post("/cases", &body).await;
            assert_eq!(reply.status, 422, "{body} → {:#}", reply.body);
            assert_plain_words(reply.body["error"]["message"].as_str().unwrap());
        }
        let broken = client
            .post_raw("/cases", "application/json", b"{\"title\":".to_vec())
            .await
            .error(400, "bad_request");
        assert_plain_words(broken["error"]["message"].as_str().unwrap());
    }
}

async fn an_unknown_code_names_the_field_and_the_accepted_values(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Ngập úng kéo dài")
        .await;
    let hot = json!({"sensitivity": "normal", "priority": "hot", "lead_unit": "UBND-HN"});
    let vi = officer
        .acts(&case, "accept", hot.clone())
        .await
        .error(422, "invalid_input");
    assert_eq!(vi["error"]["field"], "priority", "{vi:#}");
    assert_eq!(
        vi["error"]["message"],
        "“Mức độ ưu tiên” không nhận giá trị “hot”; các giá trị được nhận: \
         urgent (Khẩn), high (Cao), normal (Thường)."
    );
    let en = officer
        .clone()
        .english()
        .acts(&case, "accept", hot)
        .await
        .error(422, "invalid_input");
    assert_eq!(
        en["error"]["message"],
        "“Priority” does not take “hot”; it takes urgent (Urgent), high (High), normal (Normal)."
    );

    let mut missing =
        json!({"title": "t", "area": "HN-BD", "category": "land", "source": "direct"});
    let vi = officer
        .post("/cases", &missing)
        .await
        .error(422, "invalid_input");
    assert_eq!(vi["error"]["field"], "description");
    let message = vi["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("Thiếu “"), "{message}");
    missing["description"] = json!("d");
    missing["people_affected"] = json!("many");
    let wrong = officer
        .post("/cases", &missing)
        .await
        .error(422, "invalid_input");
    assert_eq!(wrong["error"]["field"], "people_affected");
    let message = wrong["error"]["message"].as_str().unwrap();
    assert!(message.contains("phải là một số nguyên"), "{message}");
}
