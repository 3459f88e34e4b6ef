//! Reading the `code,name,parent` CSV of `noicom area import`: every row is
//! checked before anything is written, and a bad one is named by its line.

use std::path::Path;

use anyhow::{Context, bail};
use csv::{ReaderBuilder, StringRecord, Trim};
use store::admin::NewArea;

/// The columns, in order.
const HEADER: [&str; 3] = ["code", "name", "parent"];

/// One area read from the file, with the line it starts on.
#[derive(Debug)]
pub struct Row {
    /// 1-based line number in the file (the header is line 1).
    pub line: usize,
    /// The area.
    pub area: NewArea,
}

/// Reads and checks the whole file.
pub fn read(path: &Path) -> anyhow::Result<Vec<Row>> {
    let bytes = std::fs::read(path).context("không đọc được tệp")?;
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> anyhow::Result<Vec<Row>> {
    let mut reader = ReaderBuilder::new().trim(Trim::All).from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|err| describe(bytes, err))?
        .clone();
    let names: Vec<String> = header.iter().map(str::to_ascii_lowercase).collect();
    if names != HEADER {
        bail!(
            "dòng 1: tiêu đề phải là «code,name,parent», không phải «{}»",
            header.iter().collect::<Vec<_>>().join(",")
        );
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| describe(bytes, err))?;
        let line = record.position().map_or(0, |p| line_of(bytes, p));
        rows.push(row(line, &record)?);
    }
    Ok(rows)
}

fn row(line: usize, record: &StringRecord) -> anyhow::Result<Row> {
    let field = |i: usize| record.get(i).unwrap_or_default().to_owned();
    let (code, name, parent) = (field(0), field(1), field(2));
    if code.is_empty() {
        bail!("dòng {line}: thiếu mã (code)");
    }
    if name.is_empty() {
        bail!("dòng {line}: thiếu tên (name) của địa bàn {code}");
    }
    let parent = Some(parent).filter(|p| !p.is_empty());
    Ok(Row {
        line,
        area: NewArea { code, name, parent },
    })
}

/// The line of the file a record starts on. csv's own line count skips
/// blank lines, and its byte offset points before them, so the line is
/// counted from the first byte after the blank lines.
fn line_of(bytes: &[u8], position: &csv::Position) -> usize {
    let mut start = usize::try_from(position.byte()).map_or(bytes.len(), |b| b.min(bytes.len()));
    while bytes.get(start).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count()
}

/// A CSV error in words, with its line.
fn describe(bytes: &[u8], err: csv::Error) -> anyhow::Error {
    let line = err.position().map_or(0, |p| line_of(bytes, p));
    match err.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => {
            anyhow::anyhow!("dòng {line}: cần 3 cột (code,name,parent), có {len}")
        }
        csv::ErrorKind::Utf8 { .. } => anyhow::anyhow!("dòng {line}: không phải văn bản UTF-8"),
        _ => anyhow::anyhow!("dòng {line}: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_and_an_empty_parent_is_none() {
        let rows = parse("code,name,parent\nHN,Hà Nội,\n\nHN-BD, Phường Ba Đình ,HN\n".as_bytes())
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].area.parent.clone()), (2, None));
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].area.name, "Phường Ba Đình");
        assert_eq!(rows[1].area.parent.as_deref(), Some("HN"));
    }

    #[test]
    fn a_row_with_a_missing_column_is_named_by_its_line() {
        let err = parse(b"code,name,parent\nHN,Ha Noi,\nHN-BD,Ba Dinh\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "dòng 3: cần 3 cột (code,name,parent), có 2"
        );
    }

    #[test]
    fn a_row_without_a_name_is_named_by_its_line() {
        let err = parse(b"code,name,parent\nHN,,\n").unwrap_err();
        assert!(err.to_string().starts_with("dòng 2: thiếu tên"), "{err}");
    }

    #[test]
    fn a_wrong_header_is_refused() {
        let err = parse(b"ma,ten,cha\nHN,Ha Noi,\n").unwrap_err();
        assert!(err.to_string().starts_with("dòng 1:"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_from_a_spreadsheet_is_accepted() {
        let rows = parse("\u{feff}code,name,parent\nHN,Hà Nội,\n".as_bytes()).unwrap();
        assert_eq!(rows[0].area.code, "HN");
    }
}
