//! The report as one printable HTML page: the tables with their headings,
//! a style sheet inside the page (print rules included) and nothing loaded
//! from elsewhere.

use std::fmt::Write;

use workflow::Lang;

use crate::csv_out::number;
use crate::{Cell, Table};

const STYLE: &str = "\
body{font-family:'Times New Roman',Times,serif;margin:2rem;color:#111}\
h1{font-size:1.4rem;text-align:center;text-transform:uppercase}\
h2{font-size:1.1rem;margin-top:1.6rem}\
table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #444;padding:.25rem .5rem;vertical-align:top}\
th{background:#eee}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
@media print{body{margin:0}section{break-inside:avoid}th{background:none}@page{size:A4;margin:15mm}}";

/// `tables` as a printable HTML page titled `title`.
pub fn to_html(title: &str, tables: &[Table], lang: Lang) -> String {
    let mut out = String::new();
    let code = lang.pick("vi", "en");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    for table in tables {
        let _ = write!(
            out,
            "<section><h2>{}</h2><table><thead><tr>",
            escape(&table.title)
        );
        for name in &table.header {
            let _ = write!(out, "<th scope=\"col\">{}</th>", escape(name));
        }
        out.push_str("</tr></thead><tbody>");
        if table.rows.is_empty() {
            let _ = write!(
                out,
                "<tr><td colspan=\"{}\">{}</td></tr>",
                table.header.len(),
                lang.pick("Không có số liệu.", "No figures.")
            );
        }
        for row in &table.rows {
            out.push_str("<tr>");
            for cell in row {
                match cell {
                    Cell::Text(s) => {
                        let _ = write!(out, "<td>{}</td>", escape(s));
                    }
                    Cell::Number(n) => {
                        let _ = write!(out, "<td class=\"n\">{}</td>", number(*n));
                    }
                    Cell::Empty => out.push_str("<td class=\"n\">—</td>"),
                }
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// Text safe inside HTML elements and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
