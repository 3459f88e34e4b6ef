//! The administrators' side of the duties over HTTP: programmes and their
//! duty schedules (what `noicom programme add` does, and more), and the
//! e-mails that failed after the last try, sent again — each refusal
//! writing nothing, each change in the audit log.

use serde_json::{Value, json};

use crate::support::failed_email::{one_failed_email, sweep_now};
use crate::support::fixtures::quarters_of_today;
use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    admins_manage_programmes_and_schedules_that_the_sweep_follows,
    a_failed_email_is_listed_and_sent_once_after_a_retry,
);

fn audit_actions(log: &Value) -> Vec<String> {
    log.as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

async fn admins_manage_programmes_and_schedules_that_the_sweep_follows(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);
    let body = json!({"year": 2026, "area": "HN", "parties": ["BTG-HN", "UBND-HN", "VKSND-HN"]});

    officer
        .post("/programmes", &body)
        .await
        .error(403, "admin_only");
    officer.get("/programmes").await.error(403, "admin_only");
    let one_board = json!({"year": 2026, "area": "HN", "parties": ["UBND-HN", "VKSND-HN"]});
    let refused = admin
        .post("/programmes", &one_board)
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "parties");
    let unknown = json!({"year": 2026, "area": "KHONG-CO", "parties": ["BTG-HN", "UBND-HN"]});
    admin
        .post("/programmes", &unknown)
        .await
        .error(422, "unknown_code");
    assert_eq!(admin.get("/programmes").await.expect(200), json!([]));

    let programme = admin.post("/programmes", &body).await.expect(201);
    assert_eq!(programme["area"], "HN");
    assert_eq!(
        programme["parties"],
        json!(["BTG-HN", "UBND-HN", "VKSND-HN"])
    );
    let schedules = programme["schedules"].as_array().unwrap();
    assert_eq!(schedules.len(), 2, "one per state body");
    for s in schedules {
        assert_eq!(s["recipient"], "BTG-HN");
        assert_eq!(s["cadence"], "quarterly");
        assert_eq!(s["due_days_after_end"], 10);
        assert_eq!(s["reminder_before_days"], json!([14, 3]));
        assert_eq!(s["overdue_every_days"], 7);
        assert_eq!(s["active"], true);
    }
    // Its duties of this quarter and the next are there at once.
    let (this, next) = quarters_of_today();
    let made: Vec<String> = admin.get("/duties").await.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["unit"].as_str().unwrap(),
                d["period"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        made,
        [
            format!("VKSND-HN {next}"),
            format!("UBND-HN {next}"),
            format!("VKSND-HN {this}"),
            format!("UBND-HN {this}"),
        ]
    );
    let path = format!("/programmes/{}", programme["id"]);
    assert_eq!(admin.get(&path).await.expect(200), programme);
    assert_eq!(
        admin.get("/programmes").await.expect(200),
        json!([programme.clone()])
    );
    admin
        .get("/programmes/999999")
        .await
        .error(404, "not_found");

    // A monthly schedule for the People's Committee; the quarterly ones
    // stop.
    let schedules_path = format!("{path}/schedules");
    for (bad, code, field) in [
        (
            json!({"provider": "TU-HN", "recipient": "BTG-HN"}),
            "invalid_input",
            "provider",
        ),
        (
            json!({"provider": "UBND-HN", "recipient": "VKSND-HN"}),
            "invalid_input",
            "recipient",
        ),
        (
            json!({"provider": "UBND-HN", "recipient": "BTG-HN", "reminder_before_days": [3, 3]}),
            "invalid_input",
            "reminder_before_days",
        ),
        (
            json!({"provider": "KHONG-CO", "recipient": "BTG-HN"}),
            "unknown_code",
            "provider",
        ),
    ] {
        let err = admin.post(&schedules_path, &bad).await.error(422, code);
        assert_eq!(err["error"]["field"], field, "{bad}: {err}");
    }
    let cadence = admin
        .post(
            &schedules_path,
            &json!({"provider": "UBND-HN", "recipient": "BTG-HN", "cadence": "fortnightly"}),
        )
        .await
        .error(422, "invalid_input");
    assert_eq!(cadence["error"]["field"], "cadence");
    assert_eq!(
        admin.get(&path).await.expect(200),
        programme,
        "a refusal wrote"
    );

    let monthly = admin
        .post(
            &schedules_path,
            &json!({"provider": "UBND-HN", "recipient": "BTG-HN", "cadence": "monthly",
                "due_days_after_end": 5, "reminder_before_days": [2]}),
        )
        .await
        .expect(201);
    assert_eq!(monthly["cadence"], "monthly");
    assert_eq!(monthly["overdue_every_days"], 7, "the configured default");
    for s in schedules {
        let stop = format!("/schedules/{}", s["id"]);
        officer
            .patch_json(&stop, &json!({"active": false}))
            .await
            .error(403, "admin_only");
        let err = admin
            .patch_json(&stop, &json!({"overdue_every_days": 200}))
            .await
            .error(422, "invalid_input");
        assert_eq!(err["error"]["field"], "overdue_every_days");
        let stopped = admin
            .patch_json(&stop, &json!({"active": false}))
            .await
            .expect(200);
        assert_eq!(
            (
                stopped["active"].clone(),
                stopped["overdue_every_days"].clone()
            ),
            (json!(false), json!(7))
        );
    }
    admin
        .patch_json("/schedules/999999", &json!({"active": false}))
        .await
        .error(404, "not_found");
    assert_eq!(
        admin
            .get(&schedules_path)
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let audit = audit_actions(&admin.get("/audit?limit=10").await.expect(200));
    for action in ["add_programme", "add_schedule", "update_schedule"] {
        assert!(audit.iter().any(|a| a == action), "{action} in {audit:?}");
    }

    // The sweep follows the schedules as they are: as of mid-June, only
    // the monthly duties of June and July are made, none of the stopped
    // quarterly ones.
    let smtp = SmtpSink::start(db.dir());
    let run = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", "2026-06-15T09:00:00+07:00"])
        .ok();
    assert!(
        run.stdout.contains("instances created 2,"),
        "{}",
        run.stdout
    );
    let of = async |period: &str| {
        admin
            .get(&format!("/duties?period={period}"))
            .await
            .expect(200)["items"]
            .as_array()
            .unwrap()
            .clone()
    };
    for quarter in ["2026-Q2", "2026-Q3"] {
        assert!(of(quarter).await.is_empty(), "{quarter}");
    }
    assert_eq!(of("2026-07").await.len(), 1);
    let june = of("2026-06").await;
    assert_eq!(june.len(), 1);
    // June ends on the 30th; 5 days after is Sunday 5/7: due Monday 6/7.
    assert_eq!(june[0]["due_at"], "2026-07-06T23:59:59+07:00");
}

async fn a_failed_email_is_listed_and_sent_once_after_a_retry(db: TestDb) {
    let town = town(&db);
    let (config, mut smtp) = one_failed_email(&db);

    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    Client::bearer(&server, &town.officer)
        .get("/outbox")
        .await
        .error(403, "admin_only");
    let failed = admin.get("/outbox?status=failed").await.expect(200);
    let failed = failed.as_array().unwrap();
    assert_eq!(failed.len(), 1, "{failed:?}");
    let email = &failed[0];
    assert_eq!(
        (
            email["status"].as_str(),
            email["kind"].as_str(),
            email["to"].as_str()
        ),
        (
            Some("failed"),
            Some("reminder_digest"),
            Some("ubnd@example.vn")
        )
    );
    assert_eq!(email["attempts"], 1);
    assert!(email["last_error"].is_string(), "{email}");
    admin
        .get("/outbox?status=lost")
        .await
        .error(422, "invalid_input");

    // Sending again: admins only, only a failed e-mail, audited.
    let retry = format!("/outbox/{}/retry", email["id"]);
    Client::bearer(&server, &town.officer)
        .post(&retry, &json!({}))
        .await
        .error(403, "admin_only");
    admin
        .post("/outbox/999999/retry", &json!({}))
        .await
        .error(404, "not_found");
    let queued = admin.post(&retry, &json!({})).await.expect(200);
    assert_eq!(
        (queued["status"].as_str(), queued["attempts"].as_i64()),
        (Some("pending"), Some(0))
    );
    let twice = admin
        .post(&retry, &json!({}))
        .await
        .error(409, "email_not_failed");
    assert!(
        twice["error"]["message"]
            .as_str()
            .unwrap()
            .contains("thất bại"),
        "{twice}"
    );
    let audit = audit_actions(&admin.get("/audit?limit=5").await.expect(200));
    assert_eq!(
        audit.iter().filter(|a| *a == "retry_email").count(),
        1,
        "{audit:?}"
    );

    smtp.resume();
    let summary = sweep_now(&db, &config, &smtp);
    assert!(summary.contains("sent 1, failed 0"), "{summary}");
    let summary = sweep_now(&db, &config, &smtp);
    assert!(summary.contains("sent 0, failed 0"), "{summary}");
    let received = smtp.received();
    assert_eq!(received.len(), 1, "delivered once: {received:?}");
    assert_eq!(received[0].to, ["ubnd@example.vn"]);
    assert!(
        admin
            .get("/outbox")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty()
    );
    let sent = admin.get("/outbox?status=sent").await.expect(200);
    assert_eq!(sent[0]["id"], email["id"]);
    admin
        .post(&retry, &json!({}))
        .await
        .error(409, "email_not_failed");
}
