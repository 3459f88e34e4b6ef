//! The roster from the command line and the monthly duty it makes (SPEC
//! §16): `noicom collaborator import` writes a whole file or nothing,
//! naming a bad row by its line; `noicom remind` reminds a serving
//! collaborator who has not filed the month's report, at a real SMTP
//! server, and not one who has filed it over the API.

use serde_json::json;

use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    a_roster_file_is_imported_whole_or_not_at_all,
    the_monthly_duty_reminds_a_collaborator_who_has_not_reported,
);

const HEADER: &str = "email,kind,areas,from,until,active\n";

fn csv(db: &TestDb, name: &str, rows: &str) -> String {
    let path = db.dir().join(name);
    std::fs::write(&path, format!("{HEADER}{rows}")).unwrap();
    path.to_str().unwrap().to_owned()
}

async fn a_roster_file_is_imported_whole_or_not_at_all(db: TestDb) {
    let town = town(&db);
    let good_rows = "ctv.bd@example.vn,collaborator,HN-BD,01/01/2026,31/12/2027,true\n\
                     ctv.hk@example.vn,propagandist,HN-HK;HN-BD,2026-01-01,,có\n";
    // Line 3 names the leader: not a reporter. Nothing is written.
    let bad = csv(
        &db,
        "bad.csv",
        "ctv.bd@example.vn,collaborator,HN-BD,01/01/2026,,true\n\
         lanhdao@example.vn,collaborator,HN-BD,01/01/2026,,true\n",
    );
    noicom(&db)
        .args(["collaborator", "import"])
        .args([&bad])
        .run()
        .fails(1, &["dòng 3", "lanhdao@example.vn", "Lãnh đạo"]);
    // A term that ends before it begins, named by its line too.
    let backwards = csv(
        &db,
        "backwards.csv",
        "ctv.bd@example.vn,collaborator,HN-BD,01/01/2026,31/12/2025,true\n",
    );
    noicom(&db)
        .args(["collaborator", "import"])
        .args([&backwards])
        .run()
        .fails(1, &["dòng 2", "“Đến ngày” không được trước “Từ ngày”"]);
    // Had the bad file written its first row, this would be a duplicate.
    let good = csv(&db, "good.csv", good_rows);
    let run = noicom(&db)
        .args(["collaborator", "import"])
        .args([&good])
        .ok();
    assert!(
        run.stdout.contains("Đã nhập 2 hồ sơ cộng tác viên"),
        "{run:?}"
    );
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let roster = admin.get("/collaborators").await.expect(200);
    let roster = roster.as_array().unwrap();
    assert_eq!(roster.len(), 2, "{roster:?}");
    let hk = roster
        .iter()
        .find(|c| c["email"] == "ctv.hk@example.vn")
        .unwrap();
    assert_eq!(hk["kind"], "propagandist");
    assert_eq!(hk["areas"], serde_json::json!(["HN-BD", "HN-HK"]));
    assert!(hk.get("until").is_none());
    let bd = roster
        .iter()
        .find(|c| c["email"] == "ctv.bd@example.vn")
        .unwrap();
    assert_eq!(bd["until"], "2027-12-31");
    // The same file again: every row is a duplicate; the first is named.
    noicom(&db)
        .args(["collaborator", "import"])
        .args([&good])
        .run()
        .fails(1, &["dòng 2", "ctv.bd@example.vn"]);
}

async fn the_monthly_duty_reminds_a_collaborator_who_has_not_reported(db: TestDb) {
    let town = town(&db);
    let file = csv(
        &db,
        "roster.csv",
        "ctv.bd@example.vn,collaborator,HN-BD,01/01/2026,,true\n\
         ctv.hk@example.vn,collaborator,HN-HK,01/01/2026,,true\n",
    );
    noicom(&db)
        .args(["collaborator", "import"])
        .args([&file])
        .ok();
    // The Hoàn Kiếm collaborator has filed November's and December's.
    let server = Server::start(&db, &[]).await;
    let hk = Client::bearer(&server, &town.other_reporter);
    for period in ["2026-11", "2026-12"] {
        let report = json!({"area": "HN-HK", "period": period, "items": [
            {"category": "land", "summary": "Người dân hỏi về tiến độ giải phóng mặt bằng",
             "mood": "neutral", "reach": "few", "source": "direct"}]});
        hk.post("/opinion-reports", &report).await.expect(201);
    }
    let smtp = SmtpSink::start(db.dir());
    // Due on the 20th here: on 17 December, three days before.
    let run = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .env("NOICOM_OPINION_REPORT_DAY", "20")
        .args(["remind", "--as-of", "2026-12-17T09:00:00+07:00"])
        .ok();
    let received = smtp.received();
    let to = |who: &str| {
        received
            .iter()
            .filter(|m| m.kind == "reminder_digest" && m.to.iter().any(|t| t == who))
            .cloned()
            .collect::<Vec<_>>()
    };
    let mine = to("ctv.bd@example.vn");
    assert_eq!(mine.len(), 1, "{}: {received:?}", run.stdout);
    let text = &mine[0].text;
    assert!(
        text.contains("Báo cáo tình hình dư luận xã hội tháng 12/2026: còn"),
        "{text}"
    );
    assert!(text.contains("(hạn 23:59 20/12/2026)"), "{text}");
    // November's, unfiled, is overdue.
    assert!(
        text.contains("Báo cáo tình hình dư luận xã hội tháng 11/2026: quá hạn"),
        "{text}"
    );
    assert!(
        text.contains("https://noicom.example.vn/opinion-reports/new?period=2026-12"),
        "{text}"
    );
    assert!(to("ctv.hk@example.vn").is_empty(), "{received:?}");
}
