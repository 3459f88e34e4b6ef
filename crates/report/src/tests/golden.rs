//! The report as CSV, HTML and tables (the XLSX sheets' names and cells),
//! in both languages, for an area and for the whole tree, read against the
//! files it was written with (`src/tests/golden/`): moving its labels must
//! not change a byte. After a wanted change, `NOICOM_GOLDEN=write cargo
//! test -p report golden` writes them again, and the diff is reviewed.

use super::*;
use std::path::PathBuf;

#[test]
fn every_layout_reads_byte_for_byte_as_written() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/tests/golden");
    let write = std::env::var("NOICOM_GOLDEN").is_ok_and(|v| v == "write");
    let calendar = Calendar::vietnam_default();
    let mut differ = Vec::new();
    for lang in [Lang::Vi, Lang::En] {
        let whole = Summary {
            area: None,
            ..summary()
        };
        for (scope, summary) in [("area", summary()), ("whole", whole)] {
            let tables = format!("{:#?}", tables(&summary, lang, calendar.time_zone()));
            let csv = render(&summary, 2026, Format::Csv, lang, &calendar).unwrap();
            let html = render(&summary, 2026, Format::Html, lang, &calendar).unwrap();
            for (ext, got) in [
                ("tables.txt", tables.into_bytes()),
                ("csv", csv),
                ("html", html),
            ] {
                let path = folder.join(format!("{scope}.{}.{ext}", lang.code()));
                if write {
                    std::fs::create_dir_all(&folder).unwrap();
                    std::fs::write(&path, &got).unwrap();
                } else if std::fs::read(&path).ok() != Some(got) {
                    differ.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        differ.is_empty(),
        "layouts that read differently: {differ:#?}"
    );
}
