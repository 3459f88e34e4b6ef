//! The report as CSV: each table under its title, a blank line between
//! tables; UTF-8 with a byte-order mark so that Excel reads Vietnamese.

use crate::{Cell, ReportError, Table};

/// The byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `tables` as CSV under `title`.
pub fn to_csv(title: &str, tables: &[Table]) -> Result<Vec<u8>, ReportError> {
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BOM.to_vec());
    out.write_record([title])?;
    for table in tables {
        out.write_record([""])?;
        out.write_record([table.title.as_str()])?;
        out.write_record(&table.header)?;
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
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => number(*n),
        Cell::Empty => String::new(),
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
