//! The annual review report (SPEC §4.3) laid out for people: the figures of
//! `store::reports::Summary` as tables with Vietnamese (or English)
//! headings, written as CSV (UTF-8 with a BOM, so Excel shows the
//! diacritics), XLSX (one sheet per table) or a printable HTML page with no
//! external assets. `noicom export-report` and the web downloads share it.
//! Its labels and sentences are the catalogue's `report_…` entries
//! (`catalogue/src/report.rs`).

mod annual_docx;
mod bulletin;
mod conclusion;
mod csv_out;
mod document;
mod html;
mod orientation;
mod tables;
mod xlsx;

use catalogue::Tr;
use chrono::NaiveDate;
use store::reports::{ReportScope, Summary};
use thiserror::Error;
use workflow::{Calendar, Lang};

pub use annual_docx::{AnnualDocxError, annual_docx};
pub use bulletin::{bulletin_body, bulletin_document, bulletin_month_words};
pub use conclusion::conclusion_document;
pub use csv_out::to_csv;
pub use document::{AnnualInput, annual_document};
pub use html::to_html;
pub use orientation::orientation_document;
pub use tables::{Cell, Table, tables};
pub use xlsx::to_xlsx;

/// Why a report could not be written.
#[derive(Debug, Error)]
pub enum ReportError {
    /// The spreadsheet writer failed.
    #[error("không tạo được tệp XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The CSV writer failed.
    #[error("không tạo được tệp CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The HTML template failed to write.
    #[error("không tạo được trang HTML: {0}")]
    Html(#[from] askama::Error),
    /// The DOCX or its printable page failed to write.
    #[error("{0}")]
    Document(#[from] documents::DocumentError),
    /// A DOCX asked of [`render`], which has no letterhead to print.
    #[error("báo cáo DOCX cần tiêu đề văn bản: dùng render_docx")]
    NeedsLetterhead,
    /// A year outside the calendar's range.
    #[error("năm {0} không hợp lệ")]
    BadYear(i32),
}

/// The file formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8 with a BOM.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A printable web page.
    Html,
    /// A Word document in the official layout (SPEC §15), to sign.
    Docx,
}

impl Format {
    /// Parses `csv`, `xlsx` or `html`.
    pub fn from_code(code: &str) -> Option<Format> {
        match code {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The media type of the file.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Html => "text/html; charset=utf-8",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

/// The report of `year` for `area` (the whole tree when `None`): the
/// calendar year from midnight of 1 January in the calendar's time zone.
pub fn annual_scope(
    year: i32,
    area: Option<String>,
    calendar: &Calendar,
) -> Result<ReportScope, ReportError> {
    let first = |y| NaiveDate::from_ymd_opt(y, 1, 1).ok_or(ReportError::BadYear(year));
    Ok(ReportScope {
        from: calendar.start_of_day(first(year)?),
        to: calendar.start_of_day(first(
            year.checked_add(1).ok_or(ReportError::BadYear(year))?,
        )?),
        area,
    })
}

/// A file name for the report of `year` and `area`, ASCII only.
pub fn file_name(year: i32, area: Option<&str>, format: Format) -> String {
    let area: String = area
        .map(|a| {
            let safe: String = a
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            format!("-{safe}")
        })
        .unwrap_or_default();
    format!("bao-cao-nam-{year}{area}.{}", format.extension())
}

/// Writes `summary` in `format`, titled for `year`, with labels in `lang`
/// and times in the calendar's time zone.
pub fn render(
    summary: &Summary,
    year: i32,
    format: Format,
    lang: Lang,
    calendar: &Calendar,
) -> Result<Vec<u8>, ReportError> {
    let title = title(year, summary, lang);
    let tables = tables(summary, lang, calendar.time_zone());
    match format {
        Format::Csv => to_csv(&title, &tables),
        Format::Xlsx => to_xlsx(&title, &tables),
        Format::Html => Ok(to_html(&title, &tables, lang)?.into_bytes()),
        // A document needs its letterhead and number: `render_docx`.
        Format::Docx => Err(ReportError::NeedsLetterhead),
    }
}

/// The annual report as a DOCX in the official layout.
pub fn render_docx(input: &AnnualInput<'_>) -> Result<Vec<u8>, ReportError> {
    Ok(documents::to_docx(&annual_document(input))?)
}

/// "Báo cáo kết quả phối hợp năm 2026 — Phường Ba Đình".
pub fn title(year: i32, summary: &Summary, lang: Lang) -> String {
    let base = Tr(lang).report_title(year);
    match &summary.area {
        Some(area) => format!("{base} — {}", area.name),
        None => base,
    }
}

#[cfg(test)]
mod tests;
