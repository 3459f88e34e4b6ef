//! The leader's pages in a real browser: the dashboard's charts and their
//! tables show the figures of the cases and duties the test made (and the
//! API's report agrees); the annual report page prints, and its CSV and
//! XLSX links give the report's files.

use chrono::{Datelike, Utc};
use fantoccini::wd::PrintConfigurationBuilder;
use serde_json::{Value, json};

use crate::support::browser::{Browser, DESK};
use crate::support::town::{PASSWORD, Town, town};
use crate::support::{Backend, Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    the_dashboard_shows_the_figures_of_the_cases_and_duties,
    the_annual_report_page_prints_and_links_the_report_files,
);

/// The year of today in Hà Nội.
pub fn this_year() -> i32 {
    (Utc::now() + chrono::Duration::hours(7)).year()
}

/// A programme of last year and this one between the board and UBND-HN,
/// with last year's third and fourth quarter duties made (the third was
/// due in October of last year: past whatever today is).
pub fn last_years_duties(db: &TestDb) {
    let last = this_year() - 1;
    noicom(db)
        .args([
            "programme",
            "add",
            "--area",
            "HN",
            "--parties",
            "BTG-HN,UBND-HN",
        ])
        .args([
            "--year",
            &last.to_string(),
            "--to",
            &this_year().to_string(),
        ])
        .ok();
    noicom(db)
        .args(["remind", "--as-of", &format!("{last}-08-15T09:00:00+07:00")])
        .ok();
}

/// Three open cases — escalated and resolved in Ba Đình and Hoàn Kiếm,
/// one just reported in Ba Đình — and one dismissed. Returns the codes of
/// the escalated and the resolved one.
async fn cases(server: &Server, town: &Town) -> (String, String) {
    let officer = Client::bearer(server, &town.officer);
    let liaison = Client::bearer(server, &town.liaison);
    let answered = |reporter: &str, area: &str, title: &str| {
        let (reporter, area, title) = (reporter.to_owned(), area.to_owned(), title.to_owned());
        let (officer, liaison) = (&officer, &liaison);
        async move {
            let case = Client::bearer(server, &reporter)
                .files_case(&area, &title)
                .await;
            let case = officer
                .acts(
                    &case,
                    "accept",
                    json!({"sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN"}),
                )
                .await
                .expect(200);
            let case = liaison
                .acts(
                    &case,
                    "respond",
                    json!({"answer": "Đã có văn bản trả lời."}),
                )
                .await
                .expect(200);
            officer
                .acts(
                    &case,
                    "orient",
                    json!({"messages": "Thông tin chính xác", "channels": ["press"], "audience": "Nhân dân"}),
                )
                .await
                .expect(200)
        }
    };
    let escalated = answered(&town.reporter, "HN-BD", "Tranh chấp đất ven sông").await;
    let escalated = officer
        .acts(
            &escalated,
            "escalate",
            json!({"opinions": [{"unit": "UBND-HN", "opinion": "UBND và Ban chưa thống nhất phương án."}, {"unit": "VKSND-HN", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        )
        .await
        .expect(200);
    let resolved = answered(&town.other_reporter, "HN-HK", "Lấn chiếm vỉa hè").await;
    let resolved = liaison
        .acts(
            &resolved,
            "report_resolution",
            json!({"summary": "Đã giải tỏa."}),
        )
        .await
        .expect(200);
    Client::bearer(server, &town.reporter)
        .files_case("HN-BD", "Đường sạt lở")
        .await;
    let dismissed = Client::bearer(server, &town.reporter)
        .files_case("HN-BD", "Tin đồn thất thiệt")
        .await;
    officer
        .acts(
            &dismissed,
            "dismiss",
            json!({"reason": "Không phải vấn đề nổi cộm."}),
        )
        .await
        .expect(200);
    let code = |c: &Value| c["code"].as_str().unwrap().to_owned();
    (code(&escalated), code(&resolved))
}

/// The rows of a chart's table: (data-code, values).
async fn table(desk: &Browser, chart: &str) -> Vec<(String, Vec<String>)> {
    let rows = desk
        .client
        .find_all(fantoccini::Locator::Css(&format!(
            "#{chart}-table tbody tr"
        )))
        .await
        .expect("rows");
    let mut out = Vec::new();
    for row in rows {
        let code = row.attr("data-code").await.unwrap().unwrap_or_default();
        let mut values = Vec::new();
        for cell in row
            .find_all(fantoccini::Locator::Css("td"))
            .await
            .expect("cells")
        {
            values.push(cell.text().await.unwrap());
        }
        out.push((code, values));
    }
    out
}

/// The cells of the row headed `heading` in the table `css`.
async fn row(desk: &Browser, css: &str, heading: &str) -> Vec<String> {
    let rows = desk
        .client
        .find_all(fantoccini::Locator::Css(&format!("{css} tbody tr")))
        .await
        .expect("rows");
    for row in rows {
        let th = row.find(fantoccini::Locator::Css("th")).await.expect("th");
        if th.text().await.unwrap() == heading {
            let mut cells = Vec::new();
            for td in row.find_all(fantoccini::Locator::Css("td")).await.unwrap() {
                cells.push(td.text().await.unwrap());
            }
            return cells;
        }
    }
    panic!("no row {heading} in {css}")
}

fn nonzero(rows: &[(String, Vec<String>)]) -> Vec<(&str, &str)> {
    rows.iter()
        .filter(|(_, v)| v[0] != "0")
        .map(|(code, v)| (code.as_str(), v[0].as_str()))
        .collect()
}

async fn the_dashboard_shows_the_figures_of_the_cases_and_duties(db: TestDb) {
    let town = town(&db);
    last_years_duties(&db);
    let server = Server::start(&db, &[]).await;
    let (escalated, resolved) = cases(&server, &town).await;
    let year = this_year();

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("lanhdao@example.vn", PASSWORD).await;
    assert_eq!(desk.path().await, "/dashboard", "the leader's home page");
    assert_eq!(desk.text("h1").await, "Bảng điều hành");
    assert_eq!(desk.text("#open-total").await, "3");
    // Each chart is an accessible SVG with a bar per row of its table.
    for chart in ["open-by-state", "open-by-category", "open-by-area"] {
        let svg = desk.find(&format!("#{chart} svg")).await;
        assert_eq!(svg.attr("role").await.unwrap().as_deref(), Some("img"));
        assert!(desk.has(&format!("#{chart} svg title")).await);
    }
    let states = table(&desk, "open-by-state").await;
    assert_eq!(
        nonzero(&states),
        [("reported", "1"), ("escalated", "1"), ("resolved", "1")]
    );
    assert_eq!(states.len(), 7, "every open state, zeros included");
    assert_eq!(
        desk.text("#open-by-state-table tr[data-code='escalated'] th")
            .await,
        "Trình Thường trực cấp ủy"
    );
    let bars = desk
        .client
        .find_all(fantoccini::Locator::Css("#open-by-state svg g rect"))
        .await
        .unwrap();
    assert_eq!(bars.len(), 3, "a bar for each state that has cases");
    assert_eq!(
        nonzero(&table(&desk, "open-by-category").await),
        [("land", "3")]
    );
    assert_eq!(
        nonzero(&table(&desk, "open-by-area").await),
        [("HN-BD", "2"), ("HN-HK", "1")]
    );
    assert_eq!(
        table(&desk, "overdue-by-unit").await,
        [("UBND-HN".to_owned(), vec!["0".to_owned(), "0".to_owned()])]
    );
    // Two answers and one resolution are too few to say (issue 15): "—".
    let times = table(&desk, "time-taken").await;
    assert_eq!(times.len(), 4);
    assert!(times.iter().all(|(_, v)| v == &["—"]), "{times:?}");
    assert!(desk.text("#too-few").await.contains("dưới 3 vụ việc"));
    let measured = desk.text("#time-cases").await;
    assert!(
        measured.contains("Số vụ đã trả lời: 2") && measured.contains("Số vụ đã giải quyết: 1"),
        "{measured}"
    );
    // The API's report of the year agrees.
    let leader = Client::bearer(&server, &town.leader);
    let summary = leader
        .get(&format!(
            "/reports/summary?from={year}-01-01&to={}-01-01",
            year + 1
        ))
        .await
        .expect(200);
    assert_eq!(summary["answer_time"]["cases"], 2);
    assert_eq!(summary["resolution_time"]["cases"], 1);
    // The cases waiting for the leader link to their pages.
    assert!(
        desk.has(&format!("#escalated-list li[data-code='{escalated}']"))
            .await
    );
    assert!(
        desk.has(&format!("#resolved-list li[data-code='{resolved}']"))
            .await
    );
    desk.screenshot("20-leader-dashboard").await;

    // Last year: UBND-HN's third quarter duty was never given.
    desk.choose("#f-year", &(year - 1).to_string()).await;
    desk.click_and_wait_for_next_page("#apply-filters").await;
    desk.find(&format!("#f-year option[value='{}'][selected]", year - 1))
        .await;
    let q3 = format!("{}-Q3", year - 1);
    let cell = format!("#compliance tr[data-unit='UBND-HN'] td[data-period='{q3}']");
    assert_eq!(desk.text(&cell).await, "Quá hạn, chưa cung cấp: 1");
    assert_eq!(
        desk.find(&cell)
            .await
            .attr("class")
            .await
            .unwrap()
            .as_deref(),
        Some("cell-bad")
    );
    let last = leader
        .get(&format!(
            "/reports/summary?from={}-01-01&to={year}-01-01",
            year - 1
        ))
        .await
        .expect(200);
    assert_eq!(last["duties"][0]["unit"], "UBND-HN");
    assert_eq!(last["duties"][0]["periods"][0]["period"], q3.as_str());
    assert_eq!(last["duties"][0]["periods"][0]["counts"]["missing"], 1);
    desk.screenshot("21-leader-dashboard-duties").await;

    // An area: Hoàn Kiếm holds only the resolved case.
    desk.open(&format!("/dashboard?year={year}&area=HN-HK"))
        .await;
    assert_eq!(desk.text("#open-total").await, "1");
    assert_eq!(
        nonzero(&table(&desk, "open-by-state").await),
        [("resolved", "1")]
    );
    desk.click_and_wait_for_next_page(&format!("#resolved-list li[data-code='{resolved}'] a"))
        .await;
    desk.find("#case-state").await;
    assert_eq!(desk.path().await, format!("/cases/{resolved}"));
    desk.sign_out().await;

    // A liaison may not read it: the 403 page.
    desk.sign_in("ubnd@example.vn", PASSWORD).await;
    desk.open("/dashboard").await;
    assert_eq!(desk.text("h1").await, "Không được phép");
    desk.close().await;
}

async fn the_annual_report_page_prints_and_links_the_report_files(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    cases(&server, &town).await;
    let year = this_year();

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("lanhdao@example.vn", PASSWORD).await;
    desk.click_and_wait_for_next_page("nav.menu a[href='/annual-report']")
        .await;
    let title = desk.text("#report-title").await;
    assert_eq!(
        title,
        format!("Báo cáo kết quả phối hợp cung cấp thông tin năm {year}")
    );
    // The page shows the report's own tables: 4 cases filed this year.
    assert_eq!(
        row(
            &desk,
            "table[data-sheet='Tổng quan']",
            "Số vụ việc tiếp nhận"
        )
        .await,
        ["4"]
    );
    desk.screenshot("22-annual-report").await;
    let pdf = desk
        .client
        .print(PrintConfigurationBuilder::default().build().unwrap())
        .await
        .expect("the page prints");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000, "a PDF");

    // The links are the API's files, fetched with the browser's session.
    let cookie = desk
        .client
        .get_named_cookie("noicom_session")
        .await
        .expect("the session cookie");
    let session = Client::cookie(&server, cookie.value(), None);
    for (format, content_type) in [
        ("csv", "text/csv; charset=utf-8"),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        let href = desk
            .find(&format!("#download-{format}"))
            .await
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            href,
            format!("/api/v1/reports/annual?year={year}&format={format}")
        );
        let (status, headers, bytes) = session.get_bytes(&href["/api/v1".len()..]).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], content_type);
        assert_eq!(
            headers["content-disposition"],
            format!("attachment; filename=\"bao-cao-nam-{year}.{format}\"").as_str()
        );
        if format == "csv" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
            assert!(text.contains(&title), "{text}");
            assert!(text.contains("Số vụ việc tiếp nhận,4"), "{text}");
        } else {
            assert!(bytes.starts_with(b"PK"), "an XLSX is a zip");
        }
    }
    // An area's report links the area's files.
    desk.choose("#f-area", "HN-HK").await;
    desk.click_and_wait_for_next_page("#apply-filters").await;
    desk.find("#f-area option[value='HN-HK'][selected]").await;
    assert!(
        desk.text("#report-title")
            .await
            .ends_with("— Phường Hoàn Kiếm")
    );
    let href = desk
        .find("#download-csv")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        href,
        format!("/api/v1/reports/annual?year={year}&area=HN-HK&format=csv")
    );
    desk.close().await;
}
