//! The three layouts of one known summary.

use calamine::{Data, Reader, Xlsx};
use chrono::{TimeZone, Utc};
use store::reports::{
    AgencyCompliance, AreaLabel, ComplianceCounts, Count, PeriodCompliance, Summary, TimeFigures,
};

use super::*;

fn summary() -> Summary {
    let counts = ComplianceCounts {
        on_time: 1,
        late: 1,
        ..ComplianceCounts::default()
    };
    Summary {
        from: Utc
            .with_ymd_and_hms(2025, 12, 31, 17, 0, 0)
            .unwrap()
            .fixed_offset(),
        to: Utc
            .with_ymd_and_hms(2026, 12, 31, 17, 0, 0)
            .unwrap()
            .fixed_offset(),
        as_of: Utc
            .with_ymd_and_hms(2027, 1, 5, 2, 0, 0)
            .unwrap()
            .fixed_offset(),
        names_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        area: Some(AreaLabel {
            code: "HN-BD".into(),
            name: "Phường Ba Đình".into(),
        }),
        cases_filed: 3,
        by_category: vec![Count {
            code: "land".into(),
            label: "Đất đai, giải phóng mặt bằng".into(),
            count: 3,
        }],
        answer_time: TimeFigures {
            cases: 2,
            median_working_days: Some(2.5),
            p90_working_days: Some(3.0),
            median_hours: Some(60.0),
            p90_hours: Some(72.0),
        },
        duties: vec![AgencyCompliance {
            unit: "UBND-BD".into(),
            name: "UBND phường <Ba Đình> & cộng sự".into(),
            periods: vec![PeriodCompliance {
                period: "2026-Q1".into(),
                counts,
            }],
            total: counts,
        }],
        ..Summary::default()
    }
}

fn render_as(format: Format) -> Vec<u8> {
    render(
        &summary(),
        2026,
        format,
        Lang::Vi,
        &Calendar::vietnam_default(),
    )
    .unwrap()
}

#[test]
fn the_csv_starts_with_a_bom_and_holds_every_table() {
    let bytes = render_as(Format::Csv);
    assert!(bytes.starts_with(csv_out::BOM));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        rows[0],
        ["Báo cáo kết quả phối hợp cung cấp thông tin năm 2026 — Phường Ba Đình"]
    );
    let find = |first: &str| {
        rows.iter()
            .find(|r| r[0] == first)
            .unwrap_or_else(|| panic!("{first}"))
    };
    assert_eq!(find("Từ")[1], "01/01/2026 00:00");
    assert_eq!(find("Số vụ việc tiếp nhận")[1], "3");
    assert_eq!(find("Tên địa bàn, đơn vị theo ngày")[1], "31/12/2026");
    assert_eq!(
        find("Đất đai, giải phóng mặt bằng"),
        &["Đất đai, giải phóng mặt bằng", "3"]
    );
    // No code reaches the reader: names only (SPEC §13).
    assert!(
        !rows
            .iter()
            .flatten()
            .any(|cell| cell == "land" || cell == "UBND-BD")
    );
    assert_eq!(
        find("Trả lời bằng văn bản"),
        &["Trả lời bằng văn bản", "2", "2.5", "3", "60", "72"]
    );
    assert_eq!(find("Giải quyết"), &["Giải quyết", "0", "", "", "", ""]);
    let duty: Vec<&Vec<String>> = (rows.iter())
        .filter(|r| r[0] == "UBND phường <Ba Đình> & cộng sự")
        .collect();
    assert_eq!(duty[0][1..], ["Quý I/2026", "1", "1", "0", "0", "0"]);
    assert_eq!(duty[1][1], "Cộng");
}

#[test]
fn the_xlsx_has_a_sheet_per_table_with_numbers_as_numbers() {
    let bytes = render_as(Format::Xlsx);
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 8, "{names:?}");
    assert_eq!(names[0], "Tổng quan");
    let times = book.worksheet_range("Thời gian xử lý").unwrap();
    assert_eq!(
        times.get_value((0, 0)),
        Some(&Data::String(
            "Báo cáo kết quả phối hợp cung cấp thông tin năm 2026 — Phường Ba Đình".into()
        ))
    );
    assert_eq!(
        times.get_value((4, 0)),
        Some(&Data::String("Trả lời bằng văn bản".into()))
    );
    assert_eq!(times.get_value((4, 2)), Some(&Data::Float(2.5)));
    let duties = book.worksheet_range("Nghĩa vụ thông tin").unwrap();
    assert_eq!(
        duties.get_value((3, 4)),
        Some(&Data::String("Không cung cấp".into()))
    );
    assert_eq!(duties.get_value((4, 2)), Some(&Data::Float(1.0)));
}

#[test]
fn each_xlsx_sheet_prints_on_a4_landscape_with_its_heading_row_frozen_and_columns_sized() {
    use std::io::Read;
    let bytes = render_as(Format::Xlsx);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains(r#"paperSize="9""#), "{xml}");
    assert!(xml.contains(r#"orientation="landscape""#), "{xml}");
    assert!(
        xml.contains(r#"ySplit="4""#),
        "the heading row is frozen: {xml}"
    );
    assert!(xml.contains("fitToPage"), "{xml}");
    // The overview's label column is sized to "Tên địa bàn, đơn vị theo
    // ngày" (30 characters), not a fixed 18.
    let first_col = xml
        .split("<col ")
        .nth(1)
        .and_then(|c| c.split("width=\"").nth(1))
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse::<f64>().ok())
        .expect("a first column width");
    assert!((30.0..=60.0).contains(&first_col), "{first_col}");
}

#[test]
fn the_html_is_printable_escaped_and_self_contained() {
    let html = String::from_utf8(render_as(Format::Html)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<h2>Thực hiện nghĩa vụ cung cấp thông tin theo cơ quan</h2>"));
    assert!(html.contains("UBND phường &#60;Ba Đình&#62; &#38; cộng sự"));
    assert!(!html.contains("<Ba Đình>"));
    for outside in ["http://", "https://", "<script", "<link"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("Không có số liệu."), "an empty table says so");
}

#[test]
fn a_year_runs_from_midnight_of_1_january_in_ha_noi() {
    let scope = annual_scope(2026, None, &Calendar::vietnam_default()).unwrap();
    assert_eq!(
        scope.from,
        Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap()
    );
    assert_eq!(
        scope.to,
        Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).unwrap()
    );
    assert!(annual_scope(i32::MAX, None, &Calendar::vietnam_default()).is_err());
}

#[test]
fn file_names_are_ascii() {
    assert_eq!(
        file_name(2026, Some("HN-BĐ"), Format::Xlsx),
        "bao-cao-nam-2026-HN-B-.xlsx"
    );
    assert_eq!(file_name(2026, None, Format::Csv), "bao-cao-nam-2026.csv");
}

mod golden;
