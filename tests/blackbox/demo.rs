//! The demo starts quiet and true (SPEC §6.5, §14): `serve --demo` against
//! a real SMTP server sends nothing of its invented past, only what is due
//! now — the orientation notices still owed, with links that work, and a
//! reminder due today — and its annual report has quarterly duties on
//! time, late and missing. The demo is SQLite's: these run on SQLite.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use serde_json::{Value, json};

use crate::support::smtp::{Received, SmtpSink};
use crate::support::{Backend, Client, Server, TestDb, noicom};

const PASSWORD: &str = "noicom-demo-2026";
const OFFICER: &str = "canbo.btg@demo.noicom.vn";
/// The title of the demo's report just in (`demo::cases::JUST_IN`).
const JUST_IN: &str = "Người dân tụ tập trước trụ sở phường phản đối phương án tái định cư";

async fn signed_in(server: &Server, email: &str) -> Client {
    let login = Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": PASSWORD}),
        )
        .await
        .expect(200);
    Client::bearer(server, login["token"].as_str().expect("a token"))
}

/// Whether `mail` speaks of the case `code`.
fn about(mail: &Received, code: &str) -> bool {
    mail.subject.contains(code) || mail.text.contains(code)
}

#[tokio::test]
async fn the_demo_sends_nothing_of_its_past_and_what_is_due_now() {
    let db = TestDb::new(Backend::Sqlite).await;
    let smtp = SmtpSink::start(db.dir());
    let server =
        Server::start_with_env(&db, &["--demo"], &[("NOICOM_SMTP_URL", &smtp.url())]).await;
    // The first sweep after the start, as the scheduler would run it — at
    // 08:00 if the test runs before the digests' send hour (in Hà Nội),
    // when the day's digest is made.
    let now = Utc::now();
    let local = now + Duration::hours(7);
    let sweep_at = match local.hour() < 8 {
        true => local.date_naive().and_hms_opt(8, 0, 0).unwrap().and_utc() - Duration::hours(7),
        false => now,
    };
    let summary = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", &server.url)
        .args(["remind", "--as-of", &sweep_at.to_rfc3339()])
        .ok();
    let received = smtp.received();
    let kinds: Vec<&str> = received.iter().map(|m| m.kind.as_str()).collect();
    println!("{} e-mails: {}\n{kinds:?}", received.len(), summary.stdout);

    let officer = signed_in(&server, OFFICER).await;
    let cases = officer.get("/cases?limit=100").await.expect(200)["items"]
        .as_array()
        .expect("items")
        .clone();
    assert!(cases.len() > 20, "{cases:?}");
    // A case nothing happened to for a day has a past: none of its notices
    // goes, only an orientation notice still owed on an open case, and a
    // reminder of a deadline that passes today or is still running (one
    // long passed was reminded of in the demo's past).
    let mut past = 0;
    for case in &cases {
        let time = |field: &str| {
            case[field]
                .as_str()
                .map(|t| DateTime::parse_from_rfc3339(t).unwrap().to_utc())
        };
        if now - time("updated_at").unwrap() < Duration::hours(24) {
            continue;
        }
        past += 1;
        let code = case["code"].as_str().unwrap();
        let open = !["closed", "dismissed", "merged"].contains(&case["state"].as_str().unwrap());
        let recent_deadline = ["triage_due", "answer_due", "resolution_due"]
            .iter()
            .filter_map(|f| time(f))
            .any(|due| due > now - Duration::hours(24));
        for mail in received.iter().filter(|m| about(m, code)) {
            let allowed = match mail.kind.as_str() {
                "orientation_notice" => open,
                kind if kind.ends_with("reminder") || kind.ends_with("digest") => recent_deadline,
                _ => false,
            };
            assert!(
                allowed,
                "{code} ({}) was done with before today, yet «{}» ({}) was sent",
                case["state"], mail.subject, mail.kind
            );
        }
    }
    assert!(past > 15, "only {past} cases of the past");

    // The orientation notices still owed go, each with a link that works
    // now, for 14 days from now.
    let notices: Vec<&Received> = received
        .iter()
        .filter(|m| m.kind == "orientation_notice")
        .collect();
    assert!(!notices.is_empty(), "{kinds:?}");
    let http = reqwest::Client::new();
    for mail in &notices {
        let link = mail
            .text
            .split_whitespace()
            .find(|w| w.contains("/acknowledge/"))
            .unwrap_or_else(|| panic!("no link in {}", mail.text));
        let page = http.get(link).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("id=\"acknowledge-form\""), "{link}: {page}");
        let expiry = (now + Duration::days(14) + Duration::hours(7))
            .format("%d/%m/%Y")
            .to_string();
        assert!(mail.text.contains(&expiry), "{expiry} not in {}", mail.text);
    }

    // The report just in is past its triage deadline today: the board is
    // reminded of it now.
    let just_in = cases
        .iter()
        .find(|c| c["title"] == JUST_IN)
        .expect("the report just in");
    let code = just_in["code"].as_str().unwrap();
    assert!(
        received
            .iter()
            .any(|m| m.to.iter().any(|t| t == OFFICER) && about(m, code)),
        "no reminder of {code} to the board: {kinds:?}"
    );
    // Sweeping again sends nothing more.
    let again = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", &Utc::now().to_rfc3339()])
        .ok();
    assert!(again.stdout.contains("sent 0,"), "{}", again.stdout);
}

#[tokio::test]
async fn the_demo_has_its_duties_at_once_and_a_year_of_compliance() {
    let db = TestDb::new(Backend::Sqlite).await;
    let server = Server::start(&db, &["--demo"]).await;
    let leader = signed_in(&server, "lanhdao@demo.noicom.vn").await;

    // Without any sweep: this quarter's duties are there.
    let duties = leader.get("/duties?limit=100").await.expect(200);
    let items = duties["items"].as_array().expect("items");
    assert!(
        items
            .iter()
            .any(|d| d["status"] == "pending" && d["kind"] == "periodic"),
        "{duties:#}"
    );

    // The year the programme was signed in, quarter by quarter.
    let year = (Utc::now() + Duration::hours(7) - Duration::days(30)).year();
    let summary = leader
        .get(&format!(
            "/reports/summary?from={year}-01-01&to={}-01-01",
            year + 1
        ))
        .await
        .expect(200);
    let agencies = summary["duties"].as_array().expect("duties");
    let total = |what: &str| -> u64 {
        agencies
            .iter()
            .map(|a| a["total"][what].as_u64().unwrap_or(0))
            .sum()
    };
    println!("{:#}", summary["duties"]);
    for what in ["on_time", "late", "missing", "waived"] {
        assert!(total(what) > 0, "no duty {what}: {:#}", summary["duties"]);
    }
    let ubnd: &Value = agencies
        .iter()
        .find(|a| a["unit"] == "UBND-NB")
        .expect("UBND-NB");
    assert!(ubnd["periods"].as_array().unwrap().len() >= 3, "{ubnd:#}");
}
