//! A day of many reminders (SPEC §14), through `noicom remind --as-of T`
//! into a real SMTP server: a liaison with four overdue cases and two
//! overdue duties gets one digest that lists them all, overdue first;
//! an SMTP server down for the morning delays it but sends it once; a
//! sweep the same afternoon sends nothing; the leader's copy greets the
//! leader and says whose duties they are; a unit with no address is
//! counted as undeliverable and named in the board's digest.

use chrono::{Duration, FixedOffset, Utc};
use serde_json::json;

use crate::support::fixtures::unit;
use crate::support::smtp::{Received, SmtpSink};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(a_day_of_reminders_comes_in_one_digest_per_reader);

const LIAISON: &str = "ubnd@example.vn";
const LEADER: &str = "lanhdao@example.vn";
const OFFICER: &str = "canbo@example.vn";

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

/// The digests `who` received.
fn digests(received: &[Received], who: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|m| m.kind == "reminder_digest" && m.to.iter().any(|t| t == who))
        .cloned()
        .collect()
}

async fn a_day_of_reminders_comes_in_one_digest_per_reader(db: TestDb) {
    let town = town(&db);
    // A council with neither an address nor a liaison owes information too.
    unit(
        &db,
        "HDND-HN",
        "Hội đồng nhân dân thành phố",
        "people_council",
        "HN",
    );
    let hanoi = FixedOffset::east_opt(7 * 3600).unwrap();
    let today = Utc::now().with_timezone(&hanoi).date_naive();
    let year = today.format("%Y").to_string();
    let next_year = (today + Duration::days(366)).format("%Y").to_string();
    noicom(&db)
        .args(["programme", "add", "--year", &year, "--to", &next_year])
        .args(["--area", "HN", "--parties", "BTG-HN,UBND-HN,HDND-HN"])
        .ok();
    // Four cases the liaison's unit leads, urgent: every deadline passes
    // within days.
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let reporter = Client::bearer(&server, &town.reporter);
    let mut codes = Vec::new();
    for title in [
        "Bãi rác tự phát ven đê",
        "Nước thải tràn ra đường",
        "Chậm bồi thường giải phóng mặt bằng",
        "Đèn đường hỏng nhiều tháng",
    ] {
        let case = reporter.files_case("HN-BD", title).await;
        codes.push(case["code"].as_str().unwrap().to_owned());
        officer
            .acts(
                &case,
                "accept",
                json!({"sensitivity": "normal", "priority": "urgent", "lead_unit": "UBND-HN"}),
            )
            .await
            .expect(200);
    }
    drop(server);
    let mut smtp = SmtpSink::start(db.dir());
    // Today: the notices of the actions, this quarter's and the next
    // quarter's duties made.
    let now = (Utc::now() + Duration::minutes(1)).to_rfc3339();
    let summary = remind(&db, &smtp, &now);
    assert!(summary.contains("failed 0"), "{summary}");
    // Whether today's sweep sends a digest depends on the real clock: from
    // 08:00 only, and with a duty reminder only within the 14 days before
    // a quarter's due day. The day judged is the one 240 days on.
    let sent_today = smtp.received().len();
    // 240 days on, both duties and every deadline of the four cases are
    // overdue. The SMTP server is down in the morning.
    let day = today + Duration::days(240);
    let at = |time: &str| format!("{day}T{time}+07:00");
    smtp.stop();
    let morning = remind(&db, &smtp, &at("08:30:00"));
    assert!(morning.contains("sent 0"), "{morning}");
    assert!(!morning.contains("undeliverable 0"), "{morning}");
    smtp.resume();
    let noon = remind(&db, &smtp, &at("11:00:00"));
    assert!(noon.contains("failed 0"), "{noon}");
    let afternoon = remind(&db, &smtp, &at("15:00:00"));
    assert!(
        afternoon.contains("reminders enqueued 0, sent 0"),
        "{afternoon}"
    );

    let received: Vec<Received> = smtp.received().into_iter().skip(sent_today).collect();
    let liaison = digests(&received, LIAISON);
    assert_eq!(liaison.len(), 1, "{liaison:#?}");
    let mail = &liaison[0];
    eprintln!("{}\n{}", mail.subject, mail.text);
    assert!(
        mail.text.starts_with("Kính gửi ubnd@example.vn,"),
        "{}",
        mail.text
    );
    for code in &codes {
        assert!(mail.text.contains(code.as_str()), "{code}: {}", mail.text);
        let link = format!("https://noicom.example.vn/cases/{code}");
        assert!(
            mail.html.contains(&format!("href=\"{link}\"")),
            "{}",
            mail.html
        );
    }
    let duties = mail.text.matches("cung cấp thông tin (Quý ").count();
    assert!(duties >= 2, "two overdue duties: {}", mail.text);
    assert!(mail.text.starts_with("Kính gửi"), "{}", mail.text);
    let overdue = mail.text.find("Việc đã quá hạn").expect("overdue group");
    assert!(
        mail.text
            .find("Việc sắp đến hạn")
            .is_none_or(|up| overdue < up),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains("UBND thành phố Hà Nội: quá hạn"),
        "{}",
        mail.text
    );

    // The leader's copy is the leader's.
    let leader = digests(&received, LEADER);
    assert_eq!(leader.len(), 1, "{leader:#?}");
    let copy = &leader[0].text;
    assert!(copy.starts_with("Kính gửi lanhdao@example.vn,"), "{copy}");
    assert!(!copy.contains("Kính gửi UBND"), "{copy}");
    assert!(copy.contains("UBND thành phố Hà Nội: quá hạn"), "{copy}");

    // The board hears of the council nobody could remind.
    let board = digests(&received, OFFICER);
    assert_eq!(board.len(), 1, "{board:#?}");
    let board = &board[0].text;
    eprintln!("{board}");
    assert!(
        board.contains("Hội đồng nhân dân thành phố: quá hạn"),
        "{board}"
    );
    assert!(
        board.contains("Chưa nhắc được các đơn vị sau vì đơn vị chưa có địa chỉ thư điện tử và chưa có cán bộ đầu mối: Hội đồng nhân dân thành phố."),
        "{board}"
    );
}
