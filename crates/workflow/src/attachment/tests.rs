use super::*;
use crate::CaseState;
use crate::testkit::{
    admin, board_officer, case_in, court, filed, leader, liaison_of, other_reporter,
    outside_leader, outside_officer, procuracy, reporter,
};

#[test]
fn the_reporter_may_attach_to_their_own_report_but_not_to_another() {
    assert_eq!(check_attachment(&reporter(), &filed()), Ok(()));
    assert_eq!(
        check_attachment(&other_reporter(), &filed()),
        Err(Refusal::AttachmentNotAllowed)
    );
}

#[test]
fn the_board_and_leaders_attach_only_within_their_jurisdiction() {
    let case = case_in(CaseState::Assigned);
    assert_eq!(check_attachment(&board_officer(), &case), Ok(()));
    assert_eq!(check_attachment(&leader(), &case), Ok(()));
    for outsider in [outside_officer(), outside_leader()] {
        assert_eq!(
            check_attachment(&outsider, &case),
            Err(Refusal::AttachmentNotAllowed)
        );
    }
}

#[test]
fn only_liaisons_of_involved_units_attach() {
    let case = case_in(CaseState::Assigned);
    assert_eq!(check_attachment(&liaison_of(court()), &case), Ok(()));
    assert_eq!(
        check_attachment(&liaison_of(procuracy()), &case),
        Err(Refusal::AttachmentNotAllowed)
    );
}

#[test]
fn an_admin_never_attaches() {
    assert_eq!(
        check_attachment(&admin(), &filed()),
        Err(Refusal::AttachmentNotAllowed)
    );
}

#[test]
fn nothing_is_attached_to_a_finished_case() {
    for state in [CaseState::Closed, CaseState::Dismissed, CaseState::Merged] {
        assert_eq!(
            check_attachment(&board_officer(), &case_in(state)),
            Err(Refusal::AttachmentCaseFinished { state })
        );
    }
    let refusal = Refusal::AttachmentCaseFinished {
        state: CaseState::Closed,
    };
    assert!(refusal.is_conflict());
    assert!(Refusal::AttachmentNotAllowed.is_forbidden());
}

#[test]
fn photos_pdf_and_office_documents_are_accepted_and_nothing_else() {
    for mime in [
        "image/jpeg",
        "image/png",
        "application/pdf",
        "application/msword",
    ] {
        assert_eq!(check_attachment_type(Some(mime)), Ok(mime));
    }
    for sniffed in [Some("text/html"), Some("application/x-executable"), None] {
        let refusal = check_attachment_type(sniffed).unwrap_err();
        assert_eq!(refusal.code(), "unsupported_file_type");
        assert_eq!(refusal.field(), Some("file"));
        assert!(refusal.message(crate::Lang::Vi).contains("PDF"));
    }
}

#[test]
fn a_path_keeps_only_its_last_component() {
    assert_eq!(
        sanitise_file_name("../../etc/passwd", "application/pdf"),
        "passwd.pdf"
    );
    assert_eq!(
        sanitise_file_name(r"C:\Users\An\Biên bản họp.pdf", "application/pdf"),
        "Biên bản họp.pdf"
    );
}

#[test]
fn control_and_reordering_characters_are_removed() {
    assert_eq!(
        sanitise_file_name("bao\u{0}cao\r\n\u{202E}fdp.exe", "application/pdf"),
        "baocaofdp.pdf"
    );
    assert_eq!(
        sanitise_file_name("a<b>:c|d?.pdf", "application/pdf"),
        "a_b__c_d_.pdf"
    );
}

#[test]
fn an_empty_or_dotted_name_gets_a_default_from_the_type() {
    assert_eq!(sanitise_file_name("..", "image/png"), "tep-dinh-kem.png");
    assert_eq!(
        sanitise_file_name(" / ", "application/pdf"),
        "tep-dinh-kem.pdf"
    );
    assert_eq!(
        sanitise_file_name(".hidden.jpg", "image/jpeg"),
        "hidden.jpg"
    );
}

#[test]
fn a_long_name_is_cut_and_keeps_its_extension() {
    let long = format!("{}.docx", "đ".repeat(400));
    let short = sanitise_file_name(
        &long,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    assert_eq!(short.chars().count(), MAX_FILE_NAME_CHARS);
    assert!(short.ends_with(".docx"));
}

#[test]
fn the_extension_follows_the_sniffed_type_not_the_name_sent() {
    let pdf = "application/pdf";
    assert_eq!(sanitise_file_name("a.html", pdf), "a.pdf");
    assert_eq!(sanitise_file_name("x.png.exe", "image/png"), "x.png");
    assert_eq!(
        sanitise_file_name("don.pdf.svg", "image/png"),
        "don.pdf.png"
    );
    assert_eq!(sanitise_file_name("Biên bản họp", pdf), "Biên bản họp.pdf");
    assert_eq!(sanitise_file_name("bang-tinh.xls", pdf), "bang-tinh.pdf");
}

#[test]
fn a_right_extension_is_kept_as_written() {
    assert_eq!(
        sanitise_file_name("IMG_0001.JPG", "image/jpeg"),
        "IMG_0001.JPG"
    );
    assert_eq!(sanitise_file_name("anh.jpeg", "image/jpeg"), "anh.jpeg");
    assert_eq!(sanitise_file_name("anh.heif", "image/heic"), "anh.heif");
    assert_eq!(
        sanitise_file_name("Biên bản.PDF", "application/pdf"),
        "Biên bản.PDF"
    );
}

#[test]
fn a_dot_in_a_name_is_not_taken_for_an_extension() {
    let pdf = "application/pdf";
    assert_eq!(
        sanitise_file_name("Quyết định số 12.2026", pdf),
        "Quyết định số 12.2026.pdf"
    );
    assert_eq!(
        sanitise_file_name("Tờ trình v1.2 bản cuối", pdf),
        "Tờ trình v1.2 bản cuối.pdf"
    );
}

#[test]
fn a_long_name_with_the_wrong_extension_is_cut_and_gets_the_right_one() {
    let long = format!("{}.exe", "đ".repeat(400));
    let short = sanitise_file_name(&long, "image/png");
    assert_eq!(short.chars().count(), MAX_FILE_NAME_CHARS);
    assert!(short.ends_with("đ.png"), "{short}");
}
