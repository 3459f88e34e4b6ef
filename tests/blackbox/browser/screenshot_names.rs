//! The screenshots of the browser tests are reviewed in number order
//! under `<clone>/target/screenshots/`: each name starts with a number of
//! its own, or one test's picture silently replaces another's.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Every `screenshot("…")` name written in the browser tests, with the
/// file it is in.
fn names() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/blackbox/browser");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/blackbox/browser") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a test file");
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        for piece in text.split(".screenshot(\"").skip(1) {
            let name = piece.split('"').next().unwrap_or_default();
            names.push((name.to_owned(), file.to_string()));
        }
    }
    names
}

#[test]
fn every_screenshot_has_a_number_of_its_own() {
    let names = names();
    assert!(names.len() > 10, "found only {names:?}");
    let mut by_number: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, file) in names {
        let number: String = name.chars().take_while(char::is_ascii_digit).collect();
        assert!(
            number.len() == 2 && name[2..].starts_with('-'),
            "{file}: screenshot «{name}» does not start with two digits and a dash"
        );
        by_number
            .entry(number)
            .or_default()
            .push(format!("{file}: {name}"));
    }
    let twice: Vec<_> = by_number.values().filter(|v| v.len() > 1).collect();
    assert!(twice.is_empty(), "numbers used twice: {twice:?}");
}
