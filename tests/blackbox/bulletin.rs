//! The monthly opinion bulletin (SPEC §15, §16) as a leader and the board
//! read it, on both backends: the month's opinion items ranked into
//! concerns with a typical opinion, the moods' shares, the cases filed and
//! the alerts, as the board's report numbered once per month and area;
//! the page shows the same body without taking a number; a reporter may
//! not have it; a month that is not one is refused naming the field.
//! LibreOffice renders page 1 under target/screenshots/ for review.

use chrono::{Datelike, Duration, Utc};
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};

use crate::support::documents::{all_text, read_docx, render_page_one};
use crate::support::smtp::SmtpSink;
use crate::support::town::{Town, town};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    the_monthly_bulletin_reads_as_the_boards_report,
    the_leaders_receive_the_bulletin_once_from_its_day,
);

/// Today in Hà Nội.
fn today() -> chrono::NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// The monthly report of this month in `area` with `items` (category,
/// summary, mood, reach), sent over the API by the collaborator `email`
/// (signed in with `token`) once the administrator has given them a
/// profile covering `area`.
async fn opinion_report(
    server: &Server,
    town: &Town,
    (email, token): (&str, &str),
    area: &str,
    items: &[(&str, &str, &str, &str)],
) {
    town.give_profile(server, email, &[area]).await;
    let items: Vec<Value> = (items.iter())
        .map(|(category, summary, mood, reach)| {
            json!({"category": category, "summary": summary, "mood": mood, "reach": reach,
                   "source": "direct"})
        })
        .collect();
    let report = json!({"area": area, "period": today().format("%Y-%m").to_string(),
                        "items": items});
    Client::bearer(server, token)
        .post("/opinion-reports", &report)
        .await
        .expect(201);
}

/// An alert of this week in `area` about the environment, written to its
/// table: nothing in the product raises one on demand, and the sweep that
/// raises one from a burst of reports is the subject of alerts_opinion.rs.
async fn hotspot_alert(db: &TestDb, area: &str) {
    let conn = Database::connect(db.url.as_str()).await.expect("connect");
    let now = Utc::now().format("%Y-%m-%d %H:%M:%S%:z");
    let monday = today() - Duration::days(today().weekday().num_days_from_monday().into());
    let sql = format!(
        "INSERT INTO hotspot_alerts (area_id, category, week_start, reason, observed, baseline, created_at) \
         SELECT a.id, 'environment', '{monday}', 'unusual_rise', 12, 2, '{now}' FROM areas a \
         WHERE a.code = '{area}'"
    );
    conn.execute_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect("insert");
    let _ = conn.close().await;
}

async fn the_monthly_bulletin_reads_as_the_boards_report(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let reporter = Client::bearer(&server, &town.reporter);
    reporter.files_case("HN-BD", "Khói bụi từ bãi rác").await;
    opinion_report(
        &server,
        &town,
        ("ctv.bd@example.vn", &town.reporter),
        "HN-BD",
        &[
            (
                "environment",
                "Người dân bức xúc vì mùi hôi từ bãi rác",
                "angry",
                "widespread",
            ),
            (
                "environment",
                "Lo ngại nước thải chảy ra sông",
                "concerned",
                "many",
            ),
            (
                "land",
                "Đồng tình với việc mở rộng đường",
                "supportive",
                "few",
            ),
        ],
    )
    .await;
    opinion_report(
        &server,
        &town,
        ("ctv.hk@example.vn", &town.other_reporter),
        "HN-HK",
        &[("environment", "Phố cổ ngập sau mưa", "neutral", "few")],
    )
    .await;
    hotspot_alert(&db, "HN-BD").await;
    let month = today().format("%Y-%m").to_string();
    let words = today().format("%m/%Y").to_string();

    // The page: the same body, no number taken.
    let mut board = crate::support::pages::Visitor::new(&server, None);
    board
        .sign_in("canbo@example.vn", crate::support::town::PASSWORD, "/")
        .await;
    let page = board.get(&format!("/bulletin?month={month}")).await;
    for needle in [
        format!("Bản tin dư luận xã hội tháng {words}"),
        "1. Môi trường tại Phường Ba Đình: 2 ý kiến, trong đó 2 ý kiến băn khoăn, bức xúc; 1 ý kiến đã lan rộng.".to_owned(),
        "2. Môi trường tại Phường Hoàn Kiếm: 1 ý kiến.".to_owned(),
        "Ý kiến tiêu biểu: “Người dân bức xúc vì mùi hôi từ bãi rác”".to_owned(),
        "Phường Ba Đình, lĩnh vực Môi trường, tuần từ".to_owned(),
    ] {
        assert!(page.body.contains(&needle), "no «{needle}» in {}", page.body);
    }

    // The document: the board's report, numbered from its register.
    let path = format!("/opinion/bulletin?month={month}");
    let (status, headers, bytes) = officer.get_bytes(&path).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"ban-tin-du-luan-{month}-tat-ca.docx\"").as_str()
    );
    let file = db.dir().join("ban-tin.docx");
    std::fs::write(&file, &bytes).unwrap();
    let text = all_text(&read_docx(&file));
    for needle in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN TUYÊN GIÁO\nVÀ DÂN VẬN",
        "Số 1-BC/BTG-HN",
        "BÁO CÁO",
        &format!("Tình hình dư luận xã hội tháng {words}"),
        "Trong tháng, Ban nhận được 2 báo cáo dư luận xã hội của 2 cộng tác viên, báo cáo viên, với 4 ý kiến.",
        "Tâm trạng của nhân dân qua các ý kiến: đồng tình 25%, trung lập 25%, băn khoăn 25%, bức xúc 25%.",
        "1. Môi trường tại Phường Ba Đình",
        "2. Môi trường tại Phường Hoàn Kiếm",
        "Trong tháng tiếp nhận 1 phản ánh mới",
        "IV. CẢNH BÁO NGUY CƠ ĐIỂM NÓNG",
        "Tăng bất thường so với 8 tuần trước",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
    ] {
        assert!(text.contains(needle), "no «{needle}» in {text}");
    }
    for code in [
        "environment",
        "angry",
        "widespread",
        "unusual_rise",
        "HN-BD",
    ] {
        assert!(!text.contains(code), "a code «{code}» in {text}");
    }
    // Downloaded again, the same number; the page took none.
    let (_, _, again) = officer.get_bytes(&path).await;
    std::fs::write(&file, &again).unwrap();
    assert!(all_text(&read_docx(&file)).contains("Số 1-BC/BTG-HN"));
    // One commune's bulletin is another report: the next number.
    let (_, _, ward) = officer.get_bytes(&format!("{path}&area=HN-BD")).await;
    let ward_file = db.dir().join("ban-tin-bd.docx");
    std::fs::write(&ward_file, &ward).unwrap();
    let ward_text = all_text(&read_docx(&ward_file));
    assert!(ward_text.contains("Số 2-BC/BTG-HN"), "{ward_text}");
    assert!(!ward_text.contains("Hoàn Kiếm"), "{ward_text}");

    // Not for a reporter; a month that is not one is refused.
    let (status, _, _) = reporter.get_bytes(&path).await;
    assert_eq!(status, 403);
    let (status, _, body) = officer.get_bytes("/opinion/bulletin?month=2026-13").await;
    assert_eq!(status, 422);
    assert!(String::from_utf8_lossy(&body).contains("month"));
    render_page_one(
        &file,
        &format!(
            "d4-ban-tin-du-luan-{}",
            match db.backend {
                testkit::Backend::Sqlite => "sqlite",
                testkit::Backend::Postgres => "postgres",
            }
        ),
    );
}

/// `noicom remind --as-of at` with the sink as SMTP server.
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

async fn the_leaders_receive_the_bulletin_once_from_its_day(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Khói bụi từ bãi rác")
        .await;
    opinion_report(
        &server,
        &town,
        ("ctv.bd@example.vn", &town.reporter),
        "HN-BD",
        &[(
            "environment",
            "Người dân bức xúc vì mùi hôi từ bãi rác",
            "angry",
            "widespread",
        )],
    )
    .await;
    hotspot_alert(&db, "HN-BD").await;
    drop(server);
    let words = today().format("%m/%Y").to_string();
    let next = (today().with_day(1).unwrap() + Duration::days(32))
        .with_day(1)
        .unwrap();
    let smtp = SmtpSink::start(db.dir());
    // The 2nd of next month: not yet; the 3rd from 08:00: once.
    let early = remind(
        &db,
        &smtp,
        &format!("{}T09:00:00+07:00", next.with_day(2).unwrap()),
    );
    assert!(early.contains("bulletins 0,"), "{early}");
    let due = remind(
        &db,
        &smtp,
        &format!("{}T08:30:00+07:00", next.with_day(3).unwrap()),
    );
    assert!(due.contains("bulletins 1,"), "{due}");
    let again = remind(
        &db,
        &smtp,
        &format!("{}T10:00:00+07:00", next.with_day(3).unwrap()),
    );
    assert!(again.contains("bulletins 0,"), "{again}");
    let bulletins: Vec<_> = (smtp.received().into_iter())
        .filter(|m| m.kind == "opinion_bulletin")
        .collect();
    assert_eq!(bulletins.len(), 1, "{bulletins:#?}");
    let mail = &bulletins[0];
    assert_eq!(mail.to, vec!["lanhdao@example.vn".to_owned()]);
    assert_eq!(
        mail.subject,
        format!("[noicom] Bản tin dư luận xã hội tháng {words} — Thành phố Hà Nội")
    );
    for needle in [
        "Kính gửi lanhdao@example.vn,",
        "I. TÌNH HÌNH CHUNG",
        "1. Môi trường tại Phường Ba Đình: 1 ý kiến, trong đó 1 ý kiến băn khoăn, bức xúc; 1 ý kiến đã lan rộng.",
        "Ý kiến tiêu biểu: “Người dân bức xúc vì mùi hôi từ bãi rác”",
        "Trong tháng tiếp nhận 1 phản ánh mới",
        &format!(
            "https://noicom.example.vn/bulletin?month={}",
            today().format("%Y-%m")
        ),
    ] {
        assert!(mail.text.contains(needle), "no «{needle}» in {}", mail.text);
        assert!(
            mail.html
                .contains(&needle.replace('“', "&#8220;").replace('”', "&#8221;"))
                || mail.html.contains(needle),
            "no «{needle}» in {}",
            mail.html
        );
    }
    for code in ["environment", "angry", "HN-BD"] {
        assert!(
            !mail.text.contains(code),
            "a code «{code}» in {}",
            mail.text
        );
    }
}
