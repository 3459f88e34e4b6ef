//! `noicom remind --as-of T` over a whole quarter, against a real SMTP
//! server: instances created, each duty reminder received exactly once,
//! overdue copies to the leaders and the board, and an SMTP outage in the
//! middle that loses nothing and doubles nothing.

use crate::support::fixtures::{province, unit};
use crate::support::smtp::{Received, SmtpSink};
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(a_quarter_of_duty_reminders_each_arrives_once);

const LIAISON: &str = "daumoi@ubnd.example.vn";
const LEADER: &str = "lanhdao@thanhuy.example.vn";
const OFFICER: &str = "canbo@btg.example.vn";

fn user(db: &TestDb, email: &str, role: &str, unit: &str) {
    noicom(db)
        .args([
            "user",
            "add",
            "--email",
            email,
            "--name",
            "Người dùng",
            "--role",
            role,
        ])
        .args(["--unit", unit])
        .ok();
}

/// One sweep; returns its summary line.
fn remind(db: &TestDb, smtp: &SmtpSink, at: &str) -> String {
    let run = noicom(db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", at])
        .ok();
    run.stdout.trim().to_owned()
}

fn to(received: &[Received], who: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|m| m.to.iter().any(|t| t == who))
        .cloned()
        .collect()
}

async fn a_quarter_of_duty_reminders_each_arrives_once(db: TestDb) {
    province(&db);
    unit(&db, "TU-HN", "Thành ủy Hà Nội", "party_committee", "HN");
    user(&db, LIAISON, "agency_liaison", "UBND-HN");
    user(&db, LEADER, "leader", "TU-HN");
    user(&db, OFFICER, "board_officer", "BTG-HN");
    noicom(&db)
        .args(["programme", "add", "--year", "2026", "--area", "HN"])
        .args(["--parties", "BTG-HN,UBND-HN"])
        .ok();
    let mut smtp = SmtpSink::start(db.dir());

    // 2026-Q4 is due at the end of Monday 11/1/2027 (the 10th day after
    // the quarter is a Sunday). 15 days before: the instances exist (made
    // with the programme, or by the sweep when the programme was added
    // later in real time), no reminder is due yet.
    let summary = remind(&db, &smtp, "2026-12-27T09:00:00+07:00");
    assert!(summary.contains("reminders enqueued 0"), "{summary}");
    let summary = remind(&db, &smtp, "2026-12-28T09:00:00+07:00");
    assert!(summary.contains("sent 1,"), "{summary}");

    // The SMTP server is down for the sweep 3 days before.
    smtp.stop();
    let summary = remind(&db, &smtp, "2027-01-08T09:00:00+07:00");
    assert!(summary.contains("sent 0, failed 1"), "{summary}");
    smtp.resume();

    // On the day: the retried 3-day reminder and the due-day one.
    let summary = remind(&db, &smtp, "2027-01-11T09:00:00+07:00");
    assert!(summary.contains("sent 2,"), "{summary}");
    remind(&db, &smtp, "2027-01-18T09:00:00+07:00");
    remind(&db, &smtp, "2027-01-25T09:00:00+07:00");
    // Sweeping the same time again sends nothing new.
    let again = remind(&db, &smtp, "2027-01-25T09:00:00+07:00");
    assert!(again.contains("reminders enqueued 0, sent 0"), "{again}");

    let received = smtp.received();
    let liaison = to(&received, LIAISON);
    let subjects: Vec<&str> = liaison.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(liaison.len(), 5, "{subjects:#?}");
    for (i, expected) in [
        "còn 14 ngày đến hạn",
        "còn 3 ngày đến hạn",
        "đến hạn hôm nay",
        "QUÁ HẠN",
        "QUÁ HẠN",
    ]
    .iter()
    .enumerate()
    {
        assert!(subjects[i].contains(expected), "{i}: {subjects:#?}");
        assert!(subjects[i].contains("2026-Q4"), "{subjects:#?}");
        assert!(
            subjects[i].contains("Ủy ban nhân dân thành phố Hà Nội"),
            "{subjects:#?}"
        );
    }
    let mut ids: Vec<&str> = received.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), received.len(), "a Message-ID appears twice");
    assert_eq!(
        to(&received, LEADER).len(),
        2,
        "overdue copies to the leader"
    );
    assert_eq!(
        to(&received, OFFICER).len(),
        2,
        "overdue copies to the board"
    );

    let first = &liaison[0];
    assert_eq!(first.kind, "duty_reminder");
    assert!(first.from.contains("noreply@localhost"), "{first:?}");
    assert!(!first.date.is_empty(), "{first:?}");
    assert!(
        first.text.contains("https://noicom.example.vn/duties/"),
        "{first:?}"
    );
    assert!(first.text.contains("11/01/2027"), "{first:?}");
    assert!(first.html.contains("lang=\"vi\""), "{first:?}");
}
