//! The report as an Excel workbook: one sheet per table, the title in the
//! first row, bold headings, numbers as numbers.

use rust_xlsxwriter::{Format, Workbook};

use crate::{Cell, ReportError, Table};

/// `tables` as an XLSX workbook under `title`.
pub fn to_xlsx(title: &str, tables: &[Table]) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let heading = Format::new().set_bold().set_font_size(13);
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.sheet)?;
        sheet.write_string_with_format(0, 0, title, &heading)?;
        sheet.write_string_with_format(1, 0, &table.title, &bold)?;
        for (col, name) in (0u16..).zip(&table.header) {
            sheet.write_string_with_format(3, col, *name, &bold)?;
            sheet.set_column_width(col, if col == 1 { 40 } else { 18 })?;
        }
        for (row, cells) in (4u32..).zip(&table.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(row, col, s)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row, col, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}
