//! Reading the `email,kind,areas,from,until,active` CSV of `noicom
//! collaborator import`: each row becomes the same typed input the API
//! and the page form give (`workflow::CollaboratorInput`), with its line;
//! what a row says is checked by the store, all rows in one transaction.

use std::path::Path;

use anyhow::{Context, bail};
use csv::{ReaderBuilder, StringRecord, Trim};
use store::collaborators::CollaboratorRow;
use workflow::{CollaboratorInput, Lang, Tr};

/// The columns, in order.
const HEADER: [&str; 6] = ["email", "kind", "areas", "from", "until", "active"];

/// Reads the whole file.
pub fn read(path: &Path) -> anyhow::Result<Vec<CollaboratorRow>> {
    let bytes = std::fs::read(path).context("không đọc được tệp")?;
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> anyhow::Result<Vec<CollaboratorRow>> {
    let t = Tr(Lang::Vi);
    let mut reader = ReaderBuilder::new()
        .trim(Trim::All)
        .flexible(true)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|err| anyhow::anyhow!("dòng 1: {err}"))?
        .clone();
    let names: Vec<String> = header.iter().map(str::to_ascii_lowercase).collect();
    if names != HEADER {
        bail!("dòng 1: {}", t.roster_csv_columns(HEADER.join(",")));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| anyhow::anyhow!("{err}"))?;
        let line = record.position().map_or(0, |p| line_of(bytes, p));
        if record.len() != HEADER.len() {
            bail!("dòng {line}: {}", t.roster_csv_columns(HEADER.join(",")));
        }
        rows.push(row(line, &record)?);
    }
    Ok(rows)
}

fn row(line: usize, record: &StringRecord) -> anyhow::Result<CollaboratorRow> {
    let field = |i: usize| record.get(i).unwrap_or_default().to_owned();
    let active = match field(5).to_lowercase().as_str() {
        "" | "true" | "1" | "có" | "yes" => true,
        "false" | "0" | "không" | "no" => false,
        other => bail!("dòng {line}: {}", Tr(Lang::Vi).roster_csv_active(other)),
    };
    Ok(CollaboratorRow {
        line,
        email: field(0),
        input: CollaboratorInput {
            kind: Some(field(1)),
            areas: field(2).split(';').map(str::to_owned).collect(),
            from: Some(field(3)),
            until: Some(field(4)),
            active: Some(active),
        },
    })
}

/// The line of the file a record starts on (blank lines counted).
fn line_of(bytes: &[u8], position: &csv::Position) -> usize {
    let mut start = usize::try_from(position.byte()).map_or(bytes.len(), |b| b.min(bytes.len()));
    while bytes.get(start).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_and_split_their_areas() {
        let rows = parse(
            "email,kind,areas,from,until,active\n\
             a@x.vn,collaborator,HN-BD;HN-HK,01/01/2026,,true\n\n\
             b@x.vn,propagandist,HN-BD,2026-01-01,2027-12-31,không\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].input.areas, vec!["HN-BD", "HN-HK"]);
        assert_eq!(rows[0].input.active, Some(true));
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].input.active, Some(false));
    }

    #[test]
    fn a_bad_header_a_short_row_and_a_bad_active_are_named() {
        let err = parse(b"email,kind\n").unwrap_err().to_string();
        assert!(err.starts_with("dòng 1:"), "{err}");
        let err = parse(b"email,kind,areas,from,until,active\na@x.vn,collaborator\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("dòng 2:"), "{err}");
        let err = parse(
            b"email,kind,areas,from,until,active\na@x.vn,collaborator,HN,2026-01-01,,maybe\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("dòng 2:") && err.contains("maybe"), "{err}");
    }
}
