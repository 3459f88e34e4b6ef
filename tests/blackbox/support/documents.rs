//! Documents as their readers open them: a DOCX read by Python's
//! `python-docx` (tests/support/docx_read.py), and converted to PDF by
//! LibreOffice with page 1 rendered to PNG by poppler's `pdftoppm`, saved
//! under `<clone>/target/screenshots/` for review. scripts/test installs
//! all three; a missing one fails the test, never skips it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The document at `path` as `python-docx` reads it: `page_mm`,
/// `margins_mm` (top, right, bottom, left), `fonts`, `paragraphs` (in
/// order, table cells included) and `tables` (rows of cell texts).
pub fn read_docx(path: &Path) -> Value {
    let python = std::env::var("NOICOM_TEST_PYTHON").expect("NOICOM_TEST_PYTHON (scripts/test)");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/support/docx_read.py"
    );
    let out = Command::new(&python)
        .arg(script)
        .arg(path)
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "python-docx could not open {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from docx_read.py")
}

/// Converts the DOCX at `path` to PDF with LibreOffice (its own profile
/// directory, so that conversions may run side by side) and renders page
/// 1 as `target/screenshots/<name>.png`. Returns the PDF's page count.
pub fn render_page_one(path: &Path, name: &str) -> u32 {
    let dir = path.parent().expect("a directory");
    let profile = dir.join(format!("lo-profile-{name}"));
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(path)
        .output()
        .expect("soffice (LibreOffice; scripts/test installs libreoffice-writer-nogui)");
    let pdf = path.with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice could not convert {}: {}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot directory");
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(shots.join(name))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(png.success(), "pdftoppm could not render {}", pdf.display());
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// Every text of a read document, paragraphs and table cells, as one
/// string a line.
pub fn all_text(read: &Value) -> String {
    let mut lines: Vec<String> = read["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    for table in read["tables"].as_array().expect("tables") {
        for row in table.as_array().expect("rows") {
            for cell in row.as_array().expect("cells") {
                lines.push(cell.as_str().unwrap_or_default().to_owned());
            }
        }
    }
    lines.join("\n")
}
