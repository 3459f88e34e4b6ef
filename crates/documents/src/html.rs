//! A [`Document`] as one printable HTML page (the askama template
//! `templates/document.html`, which escapes every value): the same blocks
//! as the DOCX, sized for A4 when printed.

use askama::Template;
use catalogue::Tr;

use crate::{Block, Document, DocumentError, Layout};

#[derive(Template)]
#[template(path = "document.html")]
struct Page<'a> {
    doc: &'a Document,
    t: Tr,
    party: bool,
}

/// The document as a printable HTML page.
pub fn to_html(doc: &Document) -> Result<String, DocumentError> {
    Ok(Page {
        doc,
        t: Tr(doc.lang),
        party: doc.layout == Layout::Party,
    }
    .render()?)
}
