//! The duty reminders meet the HTTP API, against a real SMTP server and
//! `remind --as-of`: a liaison's submission over HTTP stops the reminders
//! of its duty, and a trial date moved over HTTP moves the court's duties
//! and their reminders (the old ones are not sent, the new ones are) and
//! shows in the case's timeline.

use serde_json::{Value, json};

use crate::support::fixtures::unit;
use crate::support::smtp::{Received, SmtpSink};
use crate::support::town::{town, user};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    no_reminder_follows_a_submission_over_http,
    a_trial_date_moved_over_http_moves_the_reminders,
);

/// The town's liaison of UBND-HN.
const LIAISON: &str = "ubnd@example.vn";
/// The court's liaison added by the trial test.
const COURT: &str = "toaan@example.vn";

/// One sweep as of `at`; returns its summary line.
fn remind(db: &TestDb, smtp: &SmtpSink, at: &str) -> String {
    noicom(db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", at])
        .ok()
        .stdout
        .trim()
        .to_owned()
}

fn to(received: &[Received], who: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|m| m.to.iter().any(|t| t == who))
        .cloned()
        .collect()
}

async fn no_reminder_follows_a_submission_over_http(db: TestDb) {
    let town = town(&db);
    noicom(&db)
        .args(["programme", "add", "--year", "2026", "--area", "HN"])
        .args(["--parties", "BTG-HN,UBND-HN"])
        .ok();
    let smtp = SmtpSink::start(db.dir());
    // 14 days before 2026-Q4 is due (Monday 11/1/2027): the first reminder.
    let summary = remind(&db, &smtp, "2026-12-28T09:00:00+07:00");
    assert!(summary.contains("sent 1,"), "{summary}");

    let server = Server::start(&db, &[]).await;
    let liaison = Client::bearer(&server, &town.liaison);
    let page = liaison.get("/duties?period=2026-Q4").await.expect(200);
    let duty = page["items"][0].clone();
    assert_eq!(duty["unit"], "UBND-HN");
    let submitted = liaison
        .post(
            &format!("/duties/{}/submission", duty["id"]),
            &json!({"text": "Thông tin quý IV: 3 vụ việc đã trả lời, 1 đang xử lý."}),
        )
        .await
        .expect(200);
    assert_eq!(submitted["status"], "submitted");

    // 3 days before, on the day, and weekly after it: nothing more.
    for at in [
        "2027-01-08T09:00:00+07:00",
        "2027-01-11T09:00:00+07:00",
        "2027-01-18T09:00:00+07:00",
        "2027-01-25T09:00:00+07:00",
    ] {
        let summary = remind(&db, &smtp, at);
        assert!(summary.contains("sent 0,"), "{at}: {summary}");
    }
    let received = to(&smtp.received(), LIAISON);
    let about_q4: Vec<&Received> = received
        .iter()
        .filter(|m| m.text.contains("Quý IV/2026"))
        .collect();
    assert_eq!(about_q4.len(), 1, "{received:#?}");
    // From Monday 28/12 to Monday 11/1, 1/1 off.
    assert!(
        about_q4[0].text.contains("còn 9 ngày làm việc"),
        "{received:#?}"
    );

    let acknowledged = Client::bearer(&server, &town.officer)
        .post(&format!("/duties/{}/acknowledge", duty["id"]), &json!({}))
        .await
        .expect(200);
    assert_eq!(acknowledged["status"], "acknowledged");
    assert_eq!(
        liaison.get("/duties?status=acknowledged").await.expect(200)["items"][0]["id"],
        duty["id"]
    );
}

/// `dd/mm/yyyy` of a due time `YYYY-MM-DDT…` as the e-mails print it.
fn day(due_at: &Value) -> String {
    let text = due_at.as_str().unwrap();
    format!("{}/{}/{}", &text[8..10], &text[5..7], &text[0..4])
}

/// The court's duties of the case: (before-trial due day, after-trial due day).
async fn court_duties(client: &Client) -> (Value, Value) {
    let page = client.get("/duties?unit=TAND-HN").await.expect(200);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{page}");
    let of = |kind: &str| {
        items
            .iter()
            .find(|d| d["kind"] == kind)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} in {page}"))
    };
    (of("before_trial"), of("after_trial"))
}

async fn a_trial_date_moved_over_http_moves_the_reminders(db: TestDb) {
    let town = town(&db);
    unit(
        &db,
        "TAND-HN",
        "Tòa án nhân dân thành phố Hà Nội",
        "court",
        "HN",
    );
    let court = user(&db, COURT, "agency_liaison", "TAND-HN");
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let court = Client::bearer(&server, &court);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Tranh chấp đất đai kéo dài")
        .await;
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "complex", "priority": "high", "lead_unit": "UBND-HN",
                "coordinating_units": ["TAND-HN"]}),
        )
        .await
        .expect(200);
    // Monday 15/3/2027: before-trial information due Monday 8/3, after-trial
    // Thursday 18/3.
    let case = court
        .acts(&case, "set_trial_date", json!({"trial_date": "2027-03-15"}))
        .await
        .expect(200);
    let (before, after) = court_duties(&court).await;
    assert_eq!(
        (day(&before["due_at"]), day(&after["due_at"])),
        ("08/03/2027".to_owned(), "18/03/2027".to_owned())
    );
    assert_eq!(before["case"], case["code"]);

    // The case's own deadline reminders go to others (the lead unit, the
    // board); the court's duty reminders are counted in its inbox.
    let mut smtp = SmtpSink::start(db.dir());
    let court_mail = |smtp: &SmtpSink| -> Vec<Received> {
        to(&smtp.received(), COURT)
            .into_iter()
            .filter(|m| m.kind == "reminder_digest")
            .collect()
    };
    // 14 days before the before-trial due day: sent.
    remind(&db, &smtp, "2027-02-23T09:00:00+07:00");
    assert_eq!(court_mail(&smtp).len(), 1);
    // The SMTP server is down when the next two fall due (3 days before
    // the first, 14 days before the second): they stay in the outbox.
    smtp.stop();
    let summary = remind(&db, &smtp, "2027-03-05T09:00:00+07:00");
    assert!(summary.contains("sent 0,"), "{summary}");

    // The trial moves to Monday 17/5/2027.
    let moved = court
        .acts(&case, "set_trial_date", json!({"trial_date": "2027-05-17"}))
        .await
        .expect(200);
    assert_eq!(moved["trial_date"], "2027-05-17");
    let (before, after) = court_duties(&court).await;
    assert_eq!(
        (day(&before["due_at"]), day(&after["due_at"])),
        ("10/05/2027".to_owned(), "20/05/2027".to_owned())
    );
    assert_eq!(before["period"], "2027-05-17");
    let events = court
        .get(&format!("/cases/{}/events", case["id"]))
        .await
        .expect(200);
    let trial_dates: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "set_trial_date")
        .collect();
    assert_eq!(trial_dates.len(), 2, "{events}");
    assert!(
        trial_dates[1].to_string().contains("2027-05-17"),
        "{events}"
    );

    // Back up: the reminders of the old dates are dropped, not sent.
    smtp.resume();
    remind(&db, &smtp, "2027-03-08T09:00:00+07:00");
    assert_eq!(court_mail(&smtp).len(), 1, "{:#?}", court_mail(&smtp));
    // The new dates' reminders come at their times: 3 days before the
    // before-trial day, 14 days before the after-trial day, both in the
    // digest of 7/5.
    remind(&db, &smtp, "2027-05-07T09:00:00+07:00");

    let received = court_mail(&smtp);
    let mentions = |date: &str| received.iter().filter(|m| m.text.contains(date)).count();
    assert_eq!(
        mentions("08/03/2027"),
        1,
        "sent before the move: {received:#?}"
    );
    assert_eq!(mentions("18/03/2027"), 0, "{received:#?}");
    assert_eq!(mentions("10/05/2027"), 1, "{received:#?}");
    assert_eq!(mentions("20/05/2027"), 1, "{received:#?}");
    assert_eq!(received.len(), 2, "{received:#?}");
}
