//! The layout read back: the header blocks, the number, the date in
//! words, the signature block, for both rules, in the DOCX's XML and in
//! the HTML.

use std::io::Read;

use catalogue::Lang;
use chrono::NaiveDate;

use super::*;

fn sample(layout: Layout) -> Document {
    Document {
        layout,
        lang: Lang::Vi,
        superior: "TỈNH ỦY NINH BÌNH".to_owned(),
        issuer: "BAN TUYÊN GIÁO VÀ DÂN VẬN".to_owned(),
        number: Number {
            seq: 12,
            kind: "BC".to_owned(),
            issuer: "BTGDVTU".to_owned(),
        },
        place: "Ninh Bình".to_owned(),
        date: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        kind: "BÁO CÁO".to_owned(),
        subject: "Kết quả phối hợp cung cấp thông tin năm 2026".to_owned(),
        addressees: Vec::new(),
        body: vec![
            Block::Heading("I. KẾT QUẢ THỰC HIỆN".to_owned()),
            Block::Paragraph(
                "Năm 2026, các cơ quan <đã> phối hợp & cung cấp thông tin.".to_owned(),
            ),
            Block::ToWrite("những kết quả nổi bật".to_owned()),
            Block::Table(Table {
                caption: "Bảng 1. Vụ việc theo lĩnh vực".to_owned(),
                header: vec!["Lĩnh vực".to_owned(), "Số vụ việc".to_owned()],
                rows: vec![vec!["Môi trường".to_owned(), "17".to_owned()]],
                numeric: vec![false, true],
            }),
        ],
        recipients: vec!["Thường trực Tỉnh ủy (để b/c)".to_owned()],
        signature: Signature {
            on_behalf_of: Some("BAN TUYÊN GIÁO VÀ DÂN VẬN".to_owned()),
            title: "TRƯỞNG BAN".to_owned(),
            name: "Nguyễn Văn An".to_owned(),
        },
    }
}

/// The text of the DOCX's main part, runs joined by line.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_date_reads_in_words_with_the_zeros_the_rules_ask_for() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        date_line("Ninh Bình", date(2026, 12, 4), Lang::Vi),
        "Ninh Bình, ngày 04 tháng 12 năm 2026"
    );
    assert_eq!(
        date_line("Hà Nội", date(2027, 1, 20), Lang::Vi),
        "Hà Nội, ngày 20 tháng 01 năm 2027"
    );
    assert_eq!(
        date_line("Hà Nội", date(2027, 2, 9), Lang::Vi),
        "Hà Nội, ngày 09 tháng 02 năm 2027"
    );
    assert_eq!(
        date_line("Hà Nội", date(2027, 3, 15), Lang::Vi),
        "Hà Nội, ngày 15 tháng 3 năm 2027"
    );
}

#[test]
fn a_long_issuer_breaks_in_the_middle_a_short_one_not_at_all() {
    let mut doc = sample(Layout::Party);
    assert_eq!(doc.issuer_lines(), ["BAN TUYÊN GIÁO", "VÀ DÂN VẬN"]);
    doc.issuer = "SỞ NỘI VỤ".to_owned();
    assert_eq!(doc.issuer_lines(), ["SỞ NỘI VỤ"]);
}

#[test]
fn a_place_is_named_without_its_level() {
    assert_eq!(place_name("Tỉnh Ninh Bình"), "Ninh Bình");
    assert_eq!(place_name("Thành phố Hà Nội"), "Hà Nội");
    assert_eq!(place_name("Phường Ba Đình"), "Ba Đình");
    assert_eq!(place_name("Huế"), "Huế");
}

#[test]
fn the_issuer_is_named_under_its_superior_without_repeating_it() {
    assert_eq!(
        name_under(
            "Tỉnh ủy Ninh Bình",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Ninh Bình"
        ),
        "Ban Tuyên giáo và Dân vận"
    );
    assert_eq!(
        name_under("Thành ủy Hà Nội", "Ban Tuyên giáo và Dân vận Thành ủy"),
        "Ban Tuyên giáo và Dân vận"
    );
    assert_eq!(name_under("Tỉnh ủy Ninh Bình", "Sở Nội vụ"), "Sở Nội vụ");
    assert_eq!(
        name_under("Tỉnh ủy Ninh Bình", "Ban Tổ chức Tỉnh ủy"),
        "Ban Tổ chức"
    );
    assert_eq!(name_under("Tỉnh ủy", "Tỉnh ủy"), "Tỉnh ủy");
    assert_eq!(decimal(5.0), "5,0");
    assert_eq!(decimal(12.25), "12,2");
}

#[test]
fn the_number_reads_as_each_rule_writes_it() {
    let n = sample(Layout::Party).number;
    assert_eq!(n.line(Layout::Party, Lang::Vi), "Số 12-BC/BTGDVTU");
    assert_eq!(n.line(Layout::State, Lang::Vi), "Số: 12/BC-BTGDVTU");
}

#[test]
fn a_party_document_has_its_header_blocks_number_date_and_signature() {
    let doc = sample(Layout::Party);
    let xml = docx_text(&to_docx(&doc).unwrap());
    let at = |needle: &str| {
        xml.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the DOCX"))
    };
    // In reading order: issuer block, motto, date, kind, body, signature.
    let order = [
        at("TỈNH ỦY NINH BÌNH"),
        at("VÀ DÂN VẬN"),
        at("Số 12-BC/BTGDVTU"),
        at("ĐẢNG CỘNG SẢN VIỆT NAM"),
        at("Ninh Bình, ngày 04 tháng 12 năm 2026"),
        at("BÁO CÁO"),
        at("Kết quả phối hợp cung cấp thông tin năm 2026"),
        at("I. KẾT QUẢ THỰC HIỆN"),
        at("[Phần để viết: những kết quả nổi bật]"),
        at("Bảng 1. Vụ việc theo lĩnh vực"),
        at("Nơi nhận:"),
        at("- Thường trực Tỉnh ủy (để b/c),"),
        at("- Lưu văn phòng."),
        at("T/M BAN TUYÊN GIÁO VÀ DÂN VẬN"),
        at("TRƯỞNG BAN"),
        at("Nguyễn Văn An"),
    ];
    assert!(order.is_sorted(), "{order:?}");
    // Escaped, not broken, by the XML writer.
    assert!(xml.contains("&lt;đã&gt; phối hợp &amp; cung cấp"), "{xml}");
    assert!(!xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    // A4 portrait with the 30 mm binding margin, Times New Roman.
    assert!(xml.contains(r#"w:w="11906" w:h="16838""#), "{xml}");
    assert!(xml.contains(r#"w:left="1701""#), "{xml}");
}

#[test]
fn a_state_document_carries_the_national_motto_and_its_number_style() {
    let mut doc = sample(Layout::State);
    doc.superior = "UBND TỈNH NINH BÌNH".to_owned();
    doc.issuer = "SỞ NỘI VỤ".to_owned();
    doc.signature.on_behalf_of = None;
    doc.signature.title = "GIÁM ĐỐC".to_owned();
    let xml = docx_text(&to_docx(&doc).unwrap());
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-BTGDVTU",
        "GIÁM ĐỐC",
    ] {
        assert!(xml.contains(needle), "{needle:?} not in the DOCX");
    }
    assert!(!xml.contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert!(!xml.contains("T/M "), "the head signs in their own name");
}

#[test]
fn the_printable_page_holds_the_same_blocks_escaped() {
    for layout in [Layout::Party, Layout::State] {
        let html = to_html(&sample(layout)).unwrap();
        for needle in [
            "Ninh Bình, ngày 04 tháng 12 năm 2026",
            "VÀ DÂN VẬN",
            "Nơi nhận:",
            "Nguyễn Văn An",
            "[Phần để viết: những kết quả nổi bật]",
            "<td class=\"n\">17</td>",
        ] {
            assert!(html.contains(needle), "{needle:?} not in {html}");
        }
        assert!(html.contains("&#60;đã&#62;"), "{html}");
        assert!(!html.contains("<đã>"));
    }
    assert!(
        to_html(&sample(Layout::Party))
            .unwrap()
            .contains("Số 12-BC/BTGDVTU")
    );
    assert!(
        to_html(&sample(Layout::State))
            .unwrap()
            .contains("Số: 12/BC-BTGDVTU")
    );
}

/// `NOICOM_DOCUMENT_SAMPLES=DIR cargo test -p documents` writes the sample
/// in both layouts to DIR, to open in Word or LibreOffice.
#[test]
fn samples_are_written_when_asked() {
    let Some(dir) = std::env::var_os("NOICOM_DOCUMENT_SAMPLES") else {
        return;
    };
    for (name, layout) in [("party", Layout::Party), ("state", Layout::State)] {
        let doc = sample(layout);
        let dir = std::path::Path::new(&dir);
        std::fs::write(dir.join(format!("{name}.docx")), to_docx(&doc).unwrap()).unwrap();
        std::fs::write(dir.join(format!("{name}.html")), to_html(&doc).unwrap()).unwrap();
    }
}
