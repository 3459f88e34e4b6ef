//! Resolution meetings (SPEC §11) over HTTP with a real SMTP server, on
//! both backends: every invited unit with an address receives an
//! invitation whose calendar entry Python's `icalendar` reads with the
//! meeting's start; a unit without an address shows as not delivered on
//! the case page; a meeting held without the board is recorded and shows
//! on the leader's dashboard as a breach.

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::{Value, json};

use crate::support::pages::Visitor;
use crate::support::smtp::{Received, SmtpSink};
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(a_meeting_invitation_reaches_every_invited_unit_with_its_calendar_entry);

/// The calendar entry `ics` as Python's `icalendar` reads it.
fn read_ics(ics: &str) -> Value {
    let python = std::env::var("NOICOM_TEST_PYTHON").expect("NOICOM_TEST_PYTHON (scripts/test)");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/support/ics_read.py"
    );
    let mut child = Command::new(&python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar could not read the entry: {}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from ics_read.py")
}

fn invitation_to(received: &[Received], who: &str) -> Received {
    let found: Vec<&Received> = received
        .iter()
        .filter(|m| m.kind == "meeting_invitation" && m.to.iter().any(|t| t == who))
        .collect();
    assert_eq!(found.len(), 1, "invitation to {who}: {received:#?}");
    found[0].clone()
}

async fn a_meeting_invitation_reaches_every_invited_unit_with_its_calendar_entry(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Bãi rác tự phát gây ô nhiễm")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN",
                   "coordinating_units": ["VKSND-HN"]}),
        )
        .await
        .expect(200);

    // Without the board among the invited: refused, in words.
    let starts = (Utc::now() + Duration::days(3))
        .with_nanosecond(0)
        .unwrap()
        .with_second(0)
        .unwrap();
    let input = |invited: &[&str]| {
        json!({"starts_at": starts.to_rfc3339(), "place": "Hội trường UBND, phòng 2; tầng 3",
               "chair_unit": "UBND-HN", "invited_units": invited,
               "agenda": "Thống nhất phương án di dời bãi rác, lộ trình thông tin."})
    };
    let refused = liaison
        .acts(&case, "schedule_meeting", input(&["UBND-HN", "VKSND-HN"]))
        .await
        .error(422, "meeting_without_board");
    assert!(
        refused.to_string().contains("Ban Tuyên giáo và Dân vận"),
        "{refused}"
    );
    // The Front of the ward has neither a liaison nor an address.
    liaison
        .acts(
            &case,
            "schedule_meeting",
            input(&["BTG-HN", "UBND-HN", "VKSND-HN", "MTTQ-BD"]),
        )
        .await
        .expect(200);

    let smtp = SmtpSink::start(db.dir());
    let at = (Utc::now() + Duration::minutes(1)).to_rfc3339();
    let summary = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", &at])
        .ok()
        .stdout;
    assert!(summary.contains("failed 0"), "{summary}");
    let received = smtp.received();
    let mut uids = Vec::new();
    for who in ["canbo@example.vn", "ubnd@example.vn", "vks@example.vn"] {
        let mail = invitation_to(&received, who);
        assert!(mail.subject.contains(&code), "{mail:?}");
        assert!(mail.subject.contains("giấy mời họp"), "{mail:?}");
        assert!(
            mail.text.contains("Hội trường UBND, phòng 2; tầng 3"),
            "{mail:?}"
        );
        let alternative = mail
            .calendar
            .iter()
            .find(|p| p.content_type == "text/calendar")
            .unwrap_or_else(|| panic!("no text/calendar part: {mail:?}"));
        assert_eq!(alternative.method, "REQUEST");
        assert!(
            mail.calendar.iter().any(|p| p.filename == "invite.ics"),
            "{mail:?}"
        );
        let read = read_ics(&alternative.text);
        assert_eq!(read["method"], "REQUEST");
        let event = &read["events"][0];
        let start = DateTime::parse_from_rfc3339(event["start"].as_str().unwrap()).unwrap();
        assert_eq!(start, starts, "{read:#}");
        let end = DateTime::parse_from_rfc3339(event["end"].as_str().unwrap()).unwrap();
        assert_eq!(end, starts + Duration::hours(2));
        assert_eq!(event["location"], "Hội trường UBND, phòng 2; tầng 3");
        assert!(
            event["summary"].as_str().unwrap().contains(&code),
            "{read:#}"
        );
        let attendees: Vec<&str> = event["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for invited in ["canbo@example.vn", "ubnd@example.vn", "vks@example.vn"] {
            assert!(
                attendees.contains(&format!("mailto:{invited}").as_str()),
                "{attendees:?}"
            );
        }
        assert!(event["organizer"].as_str().unwrap().starts_with("mailto:"));
        uids.push(event["uid"].as_str().unwrap().to_owned());
    }
    uids.dedup();
    assert_eq!(uids.len(), 1, "one UID per meeting: {uids:?}");
    assert!(uids[0].ends_with("@noicom.example.vn"), "{uids:?}");
    assert!(
        !received.iter().any(
            |m| m.kind == "meeting_invitation" && m.to.iter().any(|t| t == "ctv.bd@example.vn")
        ),
        "the reporter of the Front is no invited unit's liaison"
    );

    // The case page lists the meeting, the Front's invitation not delivered.
    let mut board = Visitor::new(&server, None);
    board.sign_in("canbo@example.vn", PASSWORD, "/").await;
    let page = board.get(&format!("/cases/{code}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"meeting-list\""), "{}", page.body);
    assert!(
        page.body
            .contains("Ủy ban MTTQ phường Ba Đình — không gửi được giấy mời"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("UBND thành phố Hà Nội — đã gửi giấy mời"),
        "{}",
        page.body
    );

    // The API lists it too, in local time with the offset, for the case's
    // internal readers only.
    let listed = liaison.get(&format!("/cases/{code}/meetings")).await;
    assert_eq!(listed.status, 200, "{:?}", listed.body);
    let listed = &listed.body[0];
    assert!(
        listed["starts_at"].as_str().unwrap().ends_with("+07:00"),
        "{listed:#}"
    );
    let listed_start = DateTime::parse_from_rfc3339(listed["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(listed_start, starts);
    assert_eq!(listed["chair_unit"], "UBND-HN");
    let statuses: Vec<(&str, &str)> = listed["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["unit"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert!(statuses.contains(&("MTTQ-BD", "failed")), "{statuses:?}");
    assert!(statuses.contains(&("UBND-HN", "sent")), "{statuses:?}");
    assert_eq!(listed["board_present"], Value::Null);
    let reporter = Client::bearer(&server, &town.reporter);
    reporter
        .get(&format!("/cases/{code}/meetings"))
        .await
        .error(404, "not_found");

    // Held without the board: recorded from the case page's form, which
    // offers the scheduled meeting by name, and a breach on the dashboard.
    let meeting = listed["id"].as_i64().unwrap();
    let offered = format!("<option value=\"{meeting}\">Cuộc họp số {meeting} — ");
    assert!(page.body.contains(&offered), "{}", page.body);
    let held_at = (Utc::now() - Duration::hours(1))
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let csrf = page.input("csrf").expect("a CSRF token");
    let version = page.input("version").expect("the case's version");
    let meeting = meeting.to_string();
    let logged = board
        .post_form(
            &format!("/cases/{code}/act"),
            &[
                ("csrf", csrf.as_str()),
                ("action", "log_meeting"),
                ("version", version.as_str()),
                ("held_at", held_at.as_str()),
                ("chair_unit", "UBND-HN"),
                ("attendees", "VKSND-HN"),
                ("minutes", "Thống nhất phương án."),
                ("meeting", meeting.as_str()),
            ],
        )
        .await;
    assert!(logged.status < 400, "{}", logged.body);
    let held = liaison.get(&format!("/cases/{code}/meetings")).await;
    assert_eq!(held.body[0]["board_present"], false, "{:?}", held.body);
    let mut leader = Visitor::new(&server, None);
    leader.sign_in("lanhdao@example.vn", PASSWORD, "/").await;
    let dashboard = leader.get("/dashboard").await;
    assert_eq!(dashboard.status, 200);
    assert!(
        dashboard
            .body
            .contains("không có đại diện Ban Tuyên giáo và Dân vận (vi phạm quy định): 1"),
        "{}",
        dashboard.body
    );
}
