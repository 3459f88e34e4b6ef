//! The report as one printable HTML page, written by the askama template
//! `templates/report.html`, which also escapes every value.

use askama::Template;
use catalogue::{Lang, Tr};

use crate::{Cell, Table};

/// The page: a title over the tables, headings in `lang`.
#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    title: &'a str,
    tables: &'a [Table],
    lang: Lang,
    /// The catalogue in `lang`.
    t: Tr,
}

/// `tables` as a printable HTML page titled `title`.
pub fn to_html(title: &str, tables: &[Table], lang: Lang) -> Result<String, askama::Error> {
    Page {
        title,
        tables,
        lang,
        t: Tr(lang),
    }
    .render()
}
