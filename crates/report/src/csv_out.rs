//! The report as CSV: each table under its title, a blank line between
//! tables; UTF-8 with a byte-order mark so that Excel reads Vietnamese.
//! Text that a spreadsheet would take for a formula is quoted (issue 13).

use crate::{Cell, ReportError, Table};

/// The byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `tables` as CSV under `title`.
pub fn to_csv(title: &str, tables: &[Table]) -> Result<Vec<u8>, ReportError> {
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BOM.to_vec());
    out.write_record([text(title)])?;
    for table in tables {
        out.write_record([""])?;
        out.write_record([text(&table.title)])?;
        out.write_record(table.header.iter().map(|h| text(h)))?;
        for row in &table.rows {
            out.write_record(row.iter().map(cell))?;
        }
    }
    out.into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// A cell as CSV text; whole numbers without a decimal point.
pub(crate) fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => text(s),
        Cell::Number(n) => number(*n),
        Cell::Empty => String::new(),
    }
}

/// The first characters with which a spreadsheet starts a formula (or,
/// for tab and carriage return, hides one in the next cell), as OWASP's
/// "CSV injection" lists them.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `s` as a text cell: a name a user typed (an area, a unit, a category)
/// that starts like a formula gets a leading `'`, which spreadsheets read
/// as "this is text" and do not show. Numbers are written by [`number`]
/// and never quoted: `-3` stays a number.
fn text(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// `3` for 3.0, `2.5` for 2.5.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[BOM.len()..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_text_a_spreadsheet_would_read_as_a_formula_is_quoted() {
        let table = Table {
            sheet: "Địa bàn",
            title: "@Địa bàn".into(),
            header: vec!["Mã", "Tên", "Số"],
            rows: vec![
                vec![
                    Cell::Text("=HYPERLINK(\"http://x.example\",\"Bấm\")".into()),
                    Cell::Text("+84 90".into()),
                    Cell::Number(-3.0),
                ],
                vec![
                    Cell::Text("-1+1".into()),
                    Cell::Text("@SUM(A1)".into()),
                    Cell::Number(-2.5),
                ],
                vec![
                    Cell::Text("\t=1".into()),
                    Cell::Text("\r=1".into()),
                    Cell::Empty,
                ],
                vec![
                    Cell::Text("Phường Ba Đình".into()),
                    Cell::Text("a=b".into()),
                    Cell::Number(3.0),
                ],
            ],
        };
        let rows = rows(&to_csv("=cmd|' /C calc'!A0", &[table]).unwrap());
        assert_eq!(rows[0], ["'=cmd|' /C calc'!A0"]);
        assert_eq!(rows[2], ["'@Địa bàn"]);
        assert_eq!(rows[3], ["Mã", "Tên", "Số"]);
        assert_eq!(
            rows[4],
            ["'=HYPERLINK(\"http://x.example\",\"Bấm\")", "'+84 90", "-3"],
            "a negative number is a number, not text"
        );
        assert_eq!(rows[5], ["'-1+1", "'@SUM(A1)", "-2.5"]);
        assert_eq!(rows[6], ["'\t=1", "'\r=1", ""]);
        assert_eq!(rows[7], ["Phường Ba Đình", "a=b", "3"]);
    }
}
