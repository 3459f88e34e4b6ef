//! `noicom remind --as-of T` over a whole quarter, against a real SMTP
//! server: instances created, each reminder step in one daily digest
//! received exactly once with the words of its day, overdue copies to the
//! leaders and the board, and an SMTP outage in the middle that loses
//! nothing and doubles nothing. `digests.rs` has a day of many reminders.

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

    // On the day: the day's digest says it is due today; the digest of
    // 8/1 still waiting would say the same, so it is dropped.
    let summary = remind(&db, &smtp, "2027-01-11T09:00:00+07:00");
    assert!(summary.contains("sent 1, failed 0, dropped 1"), "{summary}");
    remind(&db, &smtp, "2027-01-18T09:00:00+07:00");
    remind(&db, &smtp, "2027-01-25T09:00:00+07:00");
    // Sweeping the same time again sends nothing new.
    let again = remind(&db, &smtp, "2027-01-25T09:00:00+07:00");
    assert!(again.contains("reminders enqueued 0, sent 0"), "{again}");

    let received = smtp.received();
    let liaison = to(&received, LIAISON);
    let subjects: Vec<&str> = liaison.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(liaison.len(), 4, "{subjects:#?}");
    // Each says how the duty stands on the day it is sent (working days
    // counted past 1/1, a day off).
    for (i, (day, words)) in [
        ("28/12/2026", "còn 9 ngày làm việc"),
        ("11/01/2027", "đến hạn hôm nay"),
        ("18/01/2027", "quá hạn 7 ngày"),
        ("25/01/2027", "quá hạn 14 ngày"),
    ]
    .iter()
    .enumerate()
    {
        let mail = &liaison[i];
        assert!(mail.subject.contains(day), "{subjects:#?}");
        assert!(mail.text.contains(words), "{i}: {}", mail.text);
        assert!(mail.text.contains("Quý IV/2026"), "{}", mail.text);
        assert!(
            mail.text
                .contains(&format!("Ủy ban nhân dân thành phố Hà Nội: {words}")),
            "{}",
            mail.text
        );
    }
    let mut ids: Vec<&str> = received.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), received.len(), "a Message-ID appears twice");
    let leader = to(&received, LEADER);
    assert_eq!(leader.len(), 2, "overdue copies to the leader");
    assert_eq!(
        to(&received, OFFICER).len(),
        2,
        "overdue copies to the board"
    );
    // A copy greets its own reader and says whose duty it is.
    assert!(
        leader[0].text.starts_with("Kính gửi Người dùng,"),
        "{}",
        leader[0].text
    );
    assert!(
        !leader[0].text.contains("Kính gửi Ủy ban"),
        "{}",
        leader[0].text
    );

    let first = &liaison[0];
    assert_eq!(first.kind, "reminder_digest");
    assert!(first.from.contains("noreply@localhost"), "{first:?}");
    assert!(!first.date.is_empty(), "{first:?}");
    assert!(
        first.text.contains("https://noicom.example.vn/duties/"),
        "{first:?}"
    );
    assert!(first.text.contains("11/01/2027"), "{first:?}");
    assert!(first.html.contains("lang=\"vi\""), "{first:?}");
}
