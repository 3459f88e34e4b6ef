//! The report as an Excel workbook: one sheet per table, the title in the
//! first row, bold headings, numbers as numbers; each column as wide as
//! what it holds, the heading row frozen and repeated on every printed
//! page, A4 landscape one page wide.

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
            sheet.set_column_width(col, width(table, usize::from(col)))?;
        }
        sheet.set_freeze_panes(4, 0)?;
        sheet.set_repeat_rows(3, 3)?;
        // 9: A4 in Excel's paper codes.
        sheet
            .set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
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

/// A column's width in characters: its longest heading or value, a
/// number column at least 8 wide, none wider than 60 (longer names wrap
/// in Excel rather than push the numbers off the page).
fn width(table: &Table, col: usize) -> f64 {
    let heading = table.header.get(col).map_or(0, |h| h.chars().count());
    let longest = (table.rows.iter())
        .filter_map(|row| row.get(col))
        .map(|cell| match cell {
            Cell::Text(s) => s.chars().count(),
            Cell::Number(n) => format!("{n}").len().max(8),
            Cell::Empty => 0,
        })
        .max()
        .unwrap_or(0);
    // A little room for the cell's padding and bold headings.
    (heading.max(longest) as f64 * 1.1 + 2.0).clamp(8.0, 60.0)
}
