//! The annual review report (SPEC §4.3) from a database seeded over the
//! API: `noicom export-report` in each format, and the same files from
//! `GET /api/v1/reports/annual`, opened and read back (CSV parsed, XLSX
//! opened with calamine, HTML searched).

use calamine::{Data, Reader, Xlsx};
use chrono::{Datelike, Utc};
use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    export_report_writes_the_year_in_each_format,
    the_annual_report_downloads_with_its_file_name_for_who_may_read_it,
    a_past_year_keeps_the_names_of_its_time,
);

/// The year of today in Hà Nội.
fn this_year() -> i32 {
    (Utc::now() + chrono::Duration::hours(7)).year()
}

/// The town with three cases this year: two in Ba Đình (one accepted and
/// answered), one in Hoàn Kiếm.
async fn seeded(db: &TestDb) -> (crate::support::town::Town, Server) {
    let town = town(db);
    let server = Server::start(db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let case = reporter.files_case("HN-BD", "Ngập úng khu dân cư").await;
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    Client::bearer(&server, &town.liaison)
        .acts(&case, "respond", json!({"answer": "Đã khơi thông cống."}))
        .await
        .expect(200);
    reporter.files_case("HN-BD", "Rác thải ven đường").await;
    Client::bearer(&server, &town.other_reporter)
        .files_case("HN-HK", "Karaoke gây ồn")
        .await;
    (town, server)
}

/// The rows of a CSV report, after its byte-order mark.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == first)
        .unwrap_or_else(|| panic!("no row {first}: {rows:?}"))
}

async fn export_report_writes_the_year_in_each_format(db: TestDb) {
    let (_town, _server) = seeded(&db).await;
    let year = this_year().to_string();
    let dir = db.dir();

    let csv_file = dir.join("bao-cao.csv");
    noicom(&db)
        .args([
            "export-report",
            "--year",
            &year,
            "--output",
            csv_file.to_str().unwrap(),
        ])
        .ok();
    let rows = csv_rows(&std::fs::read(&csv_file).unwrap());
    assert!(
        rows[0][0].starts_with("Báo cáo kết quả phối hợp"),
        "{:?}",
        rows[0]
    );
    assert_eq!(row(&rows, "Số vụ việc tiếp nhận")[1], "3");
    // Names, never codes (SPEC §13).
    assert_eq!(row(&rows, "Phường Ba Đình")[1..], ["2"]);
    assert_eq!(row(&rows, "Cơ quan đã trả lời")[1..], ["1"]);
    assert!(
        !rows
            .iter()
            .flatten()
            .any(|c| c == "HN-BD" || c == "responded")
    );
    assert_eq!(row(&rows, "Trả lời bằng văn bản")[1], "1");

    // One ward, to standard output.
    let out = noicom(&db)
        .args([
            "export-report",
            "--year",
            &year,
            "--area",
            "HN-HK",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    let rows = csv_rows(out.as_bytes());
    assert_eq!(row(&rows, "Số vụ việc tiếp nhận")[1], "1");

    let xlsx_file = dir.join("bao-cao.xlsx");
    noicom(&db)
        .args([
            "export-report",
            "--year",
            &year,
            "--format",
            "xlsx",
            "--output",
            xlsx_file.to_str().unwrap(),
        ])
        .ok();
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_file).unwrap();
    let overview = book.worksheet_range("Tổng quan").unwrap();
    assert_eq!(
        overview.get_value((8, 0)),
        Some(&Data::String("Số vụ việc tiếp nhận".into()))
    );
    assert_eq!(overview.get_value((8, 1)), Some(&Data::Float(3.0)));
    let areas = book.worksheet_range("Theo địa bàn").unwrap();
    assert_eq!(
        areas.get_value((4, 0)),
        Some(&Data::String("Phường Ba Đình".into()))
    );
    assert_eq!(areas.get_value((4, 1)), Some(&Data::Float(2.0)));

    let html = noicom(&db)
        .args(["export-report", "--year", &year, "--format", "html"])
        .ok()
        .stdout;
    assert!(
        html.contains("<html lang=\"vi\">") && html.contains("@media print"),
        "{html}"
    );
    assert!(html.contains("<h2>Vụ việc theo lĩnh vực</h2>"), "{html}");
    assert!(
        !html.contains("https://") && !html.contains("<script"),
        "{html}"
    );

    // A previous year holds nothing; an unknown area is refused.
    let empty = noicom(&db)
        .args(["export-report", "--year", "2001"])
        .ok()
        .stdout;
    assert_eq!(
        row(&csv_rows(empty.as_bytes()), "Số vụ việc tiếp nhận")[1],
        "0"
    );
    noicom(&db)
        .args(["export-report", "--year", &year, "--area", "KHONG-CO"])
        .run()
        .fails(1, &["KHONG-CO"]);
}

async fn the_annual_report_downloads_with_its_file_name_for_who_may_read_it(db: TestDb) {
    let (town, server) = seeded(&db).await;
    let year = this_year();
    let http = reqwest::Client::new();
    let get = |token: &str, query: String| {
        http.get(server.at(&format!("/api/v1/reports/annual?{query}")))
            .bearer_auth(token)
            .send()
    };

    let response = get(&town.leader, format!("year={year}&format=xlsx"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"bao-cao-nam-{year}.xlsx\"").as_str()
    );
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let overview = book.worksheet_range("Tổng quan").unwrap();
    assert_eq!(overview.get_value((8, 1)), Some(&Data::Float(3.0)));

    let response = get(&town.officer, format!("year={year}&area=HN-BD"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        format!("attachment; filename=\"bao-cao-nam-{year}-HN-BD.csv\"").as_str()
    );
    let rows = csv_rows(&response.bytes().await.unwrap());
    assert_eq!(row(&rows, "Số vụ việc tiếp nhận")[1], "2");

    let response = http
        .get(server.at(&format!("/api/v1/reports/annual?year={year}&format=html")))
        .bearer_auth(&town.admin)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"en\">") && html.contains("Cases by category"),
        "{html}"
    );

    let reporter = Client::bearer(&server, &town.reporter);
    reporter
        .get(&format!("/reports/annual?year={year}"))
        .await
        .error(403, "reports_not_allowed");
    let leader = Client::bearer(&server, &town.leader);
    for (query, field) in [
        (format!("year={year}&format=pdf"), "format"),
        ("year=12".to_owned(), "year"),
        ("year=hai-nghin".to_owned(), "year"),
        (format!("year={year}&area=KHONG-CO"), "area"),
    ] {
        let body = leader
            .get(&format!("/reports/annual?{query}"))
            .await
            .expect(422);
        assert_eq!(body["error"]["field"], field, "{query}: {body}");
    }
}

/// An area renamed today keeps its old name in last year's report, in
/// every format and from the API: the report is dated 31 December.
async fn a_past_year_keeps_the_names_of_its_time(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    Client::bearer(&server, &town.admin)
        .patch_json("/areas/HN-BD", &json!({"name": "Phường Ba Đình mới"}))
        .await
        .expect(200);
    let last = (this_year() - 1).to_string();
    let export = |format: &str| {
        noicom(&db)
            .args(["export-report", "--year", &last, "--area", "HN-BD"])
            .args(["--format", format])
            .ok()
            .stdout
    };
    let title = format!("Báo cáo kết quả phối hợp cung cấp thông tin năm {last} — Phường Ba Đình");
    let check_csv = |rows: &[Vec<String>]| {
        assert_eq!(rows[0][0], title);
        assert_eq!(row(rows, "Địa bàn")[1], "Phường Ba Đình (HN-BD)");
        assert_eq!(
            row(rows, "Tên địa bàn, đơn vị theo ngày")[1],
            format!("31/12/{last}")
        );
    };
    check_csv(&csv_rows(export("csv").as_bytes()));
    let html = export("html");
    assert!(html.contains("<td>Phường Ba Đình (HN-BD)</td>"), "{html}");
    assert!(!html.contains("Ba Đình mới"), "{html}");

    let xlsx_file = db.dir().join("nam-truoc.xlsx");
    noicom(&db)
        .args(["export-report", "--year", &last, "--area", "HN-BD"])
        .args(["--format", "xlsx", "--output", xlsx_file.to_str().unwrap()])
        .ok();
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_file).unwrap();
    let overview = book.worksheet_range("Tổng quan").unwrap();
    assert_eq!(
        overview.get_value((0, 0)),
        Some(&Data::String(title.clone()))
    );
    assert_eq!(
        overview.get_value((6, 1)),
        Some(&Data::String("Phường Ba Đình (HN-BD)".into()))
    );

    let response = reqwest::Client::new()
        .get(server.at(&format!("/api/v1/reports/annual?year={last}&area=HN-BD")))
        .bearer_auth(&town.leader)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    check_csv(&csv_rows(&response.bytes().await.unwrap()));
}
