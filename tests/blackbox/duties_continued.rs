//! Information duties, continued (SPEC §13), over HTTP against the built
//! binary: the board asks a state body for information (`POST /duties`),
//! the body's liaison is reminded by `noicom remind` at a real SMTP
//! server; everyone else is refused in words and nothing changes; a
//! submission carries a PDF (multipart) the board downloads; a verdict
//! date moves the after-trial duty; periods read as words
//! (`period_label`).

use chrono::{Days, Local, NaiveDate};
use serde_json::{Value, json};

use crate::support::files::pdf;
use crate::support::fixtures::unit;
use crate::support::smtp::SmtpSink;
use crate::support::town::{town, user};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    the_board_asks_for_information_and_the_unit_is_reminded,
    a_submission_carries_a_pdf_the_board_downloads,
    a_verdict_date_moves_the_after_trial_duty,
);

/// The town's liaison of UBND-HN.
const LIAISON: &str = "ubnd@example.vn";

/// A day `days` from today.
fn in_days(days: u64) -> NaiveDate {
    Local::now()
        .date_naive()
        .checked_add_days(Days::new(days))
        .unwrap()
}

/// How many duties `client` sees.
async fn count(client: &Client) -> usize {
    client.get("/duties").await.expect(200)["items"]
        .as_array()
        .unwrap()
        .len()
}

async fn the_board_asks_for_information_and_the_unit_is_reminded(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Sạt lở bờ sông Hồng")
        .await;
    let due = in_days(30);
    let topic = "Tình hình khắc phục sạt lở bờ sông Hồng";
    let asked = officer
        .post(
            "/duties",
            &json!({"unit": "UBND-HN", "topic": topic, "due_at": due.to_string(),
                "case": case["code"]}),
        )
        .await
        .expect(201);
    assert_eq!(asked["kind"], "ad_hoc");
    assert_eq!(asked["unit"], "UBND-HN");
    assert_eq!(asked["recipient"], "BTG-HN");
    assert_eq!(asked["period"], due.to_string());
    assert_eq!(asked["period_label"], topic);
    assert_eq!(asked["topic"], topic);
    assert_eq!(asked["case"], case["code"]);
    assert_eq!(asked["status"], "pending");
    assert!(
        asked["due_at"]
            .as_str()
            .unwrap()
            .ends_with("T23:59:59+07:00")
    );
    // The unit sees what it owes.
    let owed = liaison
        .get(&format!("/duties/{}", asked["id"]))
        .await
        .expect(200);
    assert_eq!(owed["period_label"], topic);

    // Refused in words; nothing changes.
    let before = count(&officer).await;
    let body =
        |unit: &str, topic: &str, due: &str| json!({"unit": unit, "topic": topic, "due_at": due});
    let ok_due = due.to_string();
    liaison
        .post("/duties", &body("UBND-HN", topic, &ok_due))
        .await
        .error(403, "duty_request_not_allowed");
    let blank = officer
        .post("/duties", &body("UBND-HN", "   ", &ok_due))
        .await
        .error(422, "missing_input");
    assert_eq!(blank["error"]["field"], "topic");
    let past = officer
        .post("/duties", &body("UBND-HN", topic, "2020-01-01"))
        .await
        .error(422, "deadline_in_past");
    assert_eq!(past["error"]["field"], "due_at");
    let unreadable = officer
        .post("/duties", &body("UBND-HN", topic, "tomorrow"))
        .await
        .error(422, "invalid_input");
    assert_eq!(unreadable["error"]["field"], "due_at");
    let nowhere = officer
        .post("/duties", &body("UBND-NOWHERE", topic, &ok_due))
        .await
        .error(422, "unknown_code");
    assert_eq!(nowhere["error"]["field"], "unit");
    let no_case = officer
        .post(
            "/duties",
            &json!({"unit": "UBND-HN", "topic": topic, "due_at": ok_due, "case": "HN-2026-999999"}),
        )
        .await
        .error(422, "unknown_code");
    assert_eq!(no_case["error"]["field"], "case");
    assert_eq!(count(&officer).await, before, "a refusal writes nothing");
    drop(server);

    // Three days before its due day the unit is reminded, at a real SMTP
    // server, by the sweep that reminds the periodic duties.
    let smtp = SmtpSink::start(db.dir());
    let as_of = format!(
        "{}T09:00:00+07:00",
        due.checked_sub_days(Days::new(3)).unwrap()
    );
    let summary = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", &as_of])
        .ok()
        .stdout;
    let to_liaison = |kind: &str| -> Vec<_> {
        smtp.received()
            .into_iter()
            .filter(|m| m.kind == kind && m.to.iter().any(|t| t == LIAISON))
            .collect()
    };
    // The request itself went at once, alone, with the case it is about.
    let asked_mail = to_liaison("duty_requested");
    assert_eq!(asked_mail.len(), 1, "{summary}: {asked_mail:#?}");
    println!("{}\n{}", asked_mail[0].subject, asked_mail[0].text);
    assert!(asked_mail[0].subject.contains("yêu cầu cung cấp thông tin"));
    assert!(asked_mail[0].text.contains(topic), "{}", asked_mail[0].text);
    assert!(
        asked_mail[0].text.contains(case["code"].as_str().unwrap()),
        "{}",
        asked_mail[0].text
    );
    // Its reminder comes in the unit's daily digest (§14), named by its
    // topic, with the days left counted when the e-mail is built.
    let received = to_liaison("reminder_digest");
    assert_eq!(received.len(), 1, "{summary}: {received:#?}");
    let mail = &received[0];
    println!("{}\n{}", mail.subject, mail.text);
    assert!(mail.text.contains(topic), "{}", mail.text);
    // Working days, counted by the calendar (a weekend or 1/1 between
    // makes them fewer than the three calendar days).
    assert!(
        mail.text.contains(&format!("{topic}) cho")) && mail.text.contains(" ngày làm việc — "),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains(&format!("/duties/{}", asked["id"])),
        "{}",
        mail.text
    );
    assert!(
        !mail.text.contains(&due.to_string()),
        "no code: {}",
        mail.text
    );
}

async fn a_submission_carries_a_pdf_the_board_downloads(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let asked = officer
        .post(
            "/duties",
            &json!({"unit": "UBND-HN", "topic": "Báo cáo nhanh vụ cháy chợ",
                "due_at": in_days(10).to_string()}),
        )
        .await
        .expect(201);
    let path = format!("/duties/{}/submission", asked["id"]);
    let submission = json!({"text": "Văn bản số 2210/UBND-VP kèm theo."}).to_string();
    // A file that is no document: refused, nothing stored.
    let refused = liaison
        .upload_parts(
            &path,
            &[
                ("submission", None, submission.as_bytes()),
                (
                    "file",
                    Some("chuong-trinh.exe"),
                    b"MZ\x90\x00 not a document",
                ),
            ],
        )
        .await
        .error(422, "unsupported_file_type");
    assert_eq!(refused["error"]["field"], "file");
    let still = officer
        .get(&format!("/duties/{}", asked["id"]))
        .await
        .expect(200);
    assert_eq!(still["status"], "pending");
    assert_eq!(still["files"], json!([]));

    let document = pdf(4000);
    let submitted = liaison
        .upload_parts(
            &path,
            &[
                ("submission", None, submission.as_bytes()),
                ("file", Some("Văn bản 2210-UBND-VP.pdf"), &document),
            ],
        )
        .await
        .expect(200);
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["text"], "Văn bản số 2210/UBND-VP kèm theo.");
    let files = submitted["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{submitted:#}");
    assert_eq!(files[0]["file_name"], "Văn bản 2210-UBND-VP.pdf");
    assert_eq!(files[0]["content_type"], "application/pdf");
    let url = files[0]["url"].as_str().unwrap();
    let url = url.strip_prefix("/api/v1").unwrap();
    // The board downloads it as it was sent.
    let (status, headers, bytes) = officer.get_bytes(url).await;
    assert_eq!(status, 200);
    assert_eq!(bytes, document);
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    // A unit with no part in the duty does not find it.
    let procuracy = Client::bearer(&server, &town.procuracy);
    assert_eq!(procuracy.get_bytes(url).await.0, 404);
}

/// `dd/mm/yyyy` of a due time `YYYY-MM-DDT…`.
fn day(due_at: &Value) -> String {
    let text = due_at.as_str().unwrap();
    format!("{}/{}/{}", &text[8..10], &text[5..7], &text[0..4])
}

async fn a_verdict_date_moves_the_after_trial_duty(db: TestDb) {
    let town = town(&db);
    unit(
        &db,
        "TAND-HN",
        "Tòa án nhân dân thành phố Hà Nội",
        "court",
        "HN",
    );
    let court = user(&db, "toaan@example.vn", "agency_liaison", "TAND-HN");
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
    // A verdict needs a trial.
    court
        .acts(
            &case,
            "set_verdict_date",
            json!({"verdict_date": "2027-03-18"}),
        )
        .await
        .error(409, "no_trial_date");
    // The trial opens on Monday 15/3/2027: after-trial due Thursday 18/3.
    let case = court
        .acts(&case, "set_trial_date", json!({"trial_date": "2027-03-15"}))
        .await
        .expect(200);
    let after = |page: Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["kind"] == "after_trial")
            .cloned()
            .unwrap()
    };
    let duty = after(court.get("/duties?unit=TAND-HN").await.expect(200));
    assert_eq!(day(&duty["due_at"]), "18/03/2027");
    let code = case["code"].as_str().unwrap();
    assert_eq!(
        duty["period_label"],
        format!("Sau phiên tòa ngày 15/03/2027 — vụ {code}")
    );
    let english = court
        .clone()
        .english()
        .get("/duties?unit=TAND-HN")
        .await
        .expect(200);
    assert_eq!(
        after(english)["period_label"],
        format!("After the trial on 15/03/2027 — case {code}")
    );
    // Before the trial: refused, nothing moves.
    let early = officer
        .acts(
            &case,
            "set_verdict_date",
            json!({"verdict_date": "2027-03-12"}),
        )
        .await
        .error(422, "verdict_before_trial");
    assert_eq!(early["error"]["field"], "verdict_date");
    // The verdict on Monday 22/3: due 3 working days after it, Thursday 25/3.
    let case = court
        .acts(
            &case,
            "set_verdict_date",
            json!({"verdict_date": "2027-03-22"}),
        )
        .await
        .expect(200);
    assert_eq!(case["verdict_date"], "2027-03-22");
    let duty = after(court.get("/duties?unit=TAND-HN").await.expect(200));
    assert_eq!(day(&duty["due_at"]), "25/03/2027");
    assert_eq!(duty["period"], "2027-03-15", "still named by its trial");
}
