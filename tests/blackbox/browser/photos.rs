//! Photos and documents in the browser: a reporter on a phone files a
//! report with a photo from the file input (a draft restored after a
//! reload says the photos chosen must be chosen again); the board sees it among the
//! case's documents, with the authors of the timeline and their units;
//! the agency answers in writing with a document; a file that is no
//! photo, PDF or office document is refused beside its input and nothing
//! is stored; the triage queue says how it is ordered.

use serde_json::Value;

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(a_photo_goes_with_the_report_and_a_document_with_the_answer);

/// A small PNG (signature, header, noise).
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0".to_vec();
    bytes.extend((0..20_000u32).map(|i| (i % 251) as u8));
    bytes
}

fn attachments(list: &Value) -> Vec<Value> {
    list.as_array().expect("a list").clone()
}

async fn a_photo_goes_with_the_report_and_a_document_with_the_answer(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.officer);
    let shots = matches!(db.backend, Backend::Sqlite);
    let files = tempfile::tempdir().expect("temporary directory");
    let photo = files.path().join("bo-ke-sat-lo.png");
    std::fs::write(&photo, png()).unwrap();
    let answer = files.path().join("cong-van-tra-loi.pdf");
    std::fs::write(
        &answer,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    let page = files.path().join("trang.html");
    std::fs::write(&page, b"<!DOCTYPE html><html><body>x</body></html>").unwrap();

    // The reporter, on a phone, files with a photo.
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open("/reports/new").await;
    assert_eq!(phone.viewport_width().await, 375);
    assert!(
        !phone
            .find("#draft-no-files")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    phone.fill("#title", "Sạt lở bờ kè tổ 5").await;
    phone
        .find("#photos")
        .await
        .send_keys(photo.to_str().unwrap())
        .await
        .expect("choose the photo");
    // The page reloaded: the draft comes back without the photo chosen,
    // and says so (issue 15: only when a photo had been chosen).
    phone.open("/reports/new").await;
    let note = phone.find("#draft-no-files").await;
    assert!(note.is_displayed().await.unwrap(), "the note is shown");
    assert!(note.text().await.unwrap().contains("không giữ được ảnh"));
    let title = phone.find("#title").await.prop("value").await.unwrap();
    assert_eq!(title.as_deref(), Some("Sạt lở bờ kè tổ 5"));
    phone
        .fill("#description", "Bờ kè sạt lở sau mưa lớn, có ảnh kèm theo.")
        .await;
    phone.choose("#area", "HN-BD").await;
    phone.choose("#category", "environment").await;
    phone.choose("#source", "collaborator").await;
    phone
        .find("#photos")
        .await
        .send_keys(photo.to_str().unwrap())
        .await
        .expect("choose the photo");
    phone.screenshot("16-reporter-form-with-photo").await;
    phone.click("#send-report").await;
    let code = phone.text("#filed a").await;
    let list = attachments(
        &api.get(&format!("/cases/{code}/attachments"))
            .await
            .expect(200),
    );
    assert_eq!(list.len(), 1, "filed once, with its photo");
    assert_eq!(list[0]["file_name"], "bo-ke-sat-lo.png");
    assert_eq!(list[0]["content_type"], "image/png");
    phone.close().await;

    // The board sees the photo and who did what, with their units.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open("/triage").await;
    assert!(
        desk.text("#list-order")
            .await
            .contains("Sắp xếp cũ nhất trước")
    );
    desk.open("/triage?q=bo+ke").await;
    assert!(desk.text("#list-order").await.contains("mức độ phù hợp"));
    assert!(desk.has(&format!("li[data-code='{code}']")).await);
    desk.open(&format!("/cases/{code}")).await;
    let documents = desk.text("#document-list").await;
    assert!(documents.contains("bo-ke-sat-lo.png"), "{documents}");
    assert!(documents.contains("Gửi phản ánh"), "{documents}");
    let href = desk
        .find("#document-list a")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(href, format!("/api/v1/attachments/{}", list[0]["id"]));
    let author = desk.text("#timeline li .author").await;
    assert_eq!(author, "ctv.bd@example.vn (Ủy ban MTTQ phường Ba Đình)");
    desk.screenshot("17-board-case-documents").await;
    desk.open_action("accept").await;
    desk.choose("#accept-sensitivity", "normal").await;
    desk.choose("#accept-priority", "high").await;
    desk.choose("#accept-lead_unit", "UBND-HN").await;
    desk.submit("accept").await;
    // `#done` exists only on the page after the post: wait for it first.
    assert_eq!(
        desk.text("#done").await,
        "Đã tiếp nhận và giao cơ quan chủ trì"
    );
    assert_eq!(desk.text("#case-state").await, "Đã giao cơ quan chủ trì");
    desk.sign_out().await;

    // The agency: a web page is refused beside the file input, and nothing
    // is stored; then the written answer goes with its document.
    desk.sign_in("ubnd@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    desk.open_action("attach").await;
    desk.find("#attach-file")
        .await
        .send_keys(page.to_str().unwrap())
        .await
        .expect("choose the page");
    desk.submit("attach").await;
    let refused = desk.text("#attach-file-error").await;
    assert!(refused.contains("PDF"), "{refused}");
    desk.screenshot("18-agency-refused-file").await;
    let still = attachments(
        &api.get(&format!("/cases/{code}/attachments"))
            .await
            .expect(200),
    );
    assert_eq!(still.len(), 1, "nothing stored");

    desk.open_action("respond").await;
    desk.fill(
        "#respond-answer",
        "UBND đã kiểm tra hiện trường; công văn kèm theo.",
    )
    .await;
    desk.find("#respond-file")
        .await
        .send_keys(answer.to_str().unwrap())
        .await
        .expect("choose the document");
    desk.submit("respond").await;
    assert_eq!(desk.text("#done").await, "Đã gửi văn bản trả lời");
    assert_eq!(desk.text("#case-state").await, "Cơ quan đã trả lời");
    let documents = desk.text("#document-list").await;
    assert!(documents.contains("cong-van-tra-loi.pdf"), "{documents}");
    assert!(documents.contains("Trả lời bằng văn bản"), "{documents}");
    let authors = desk.text("#timeline").await;
    assert!(
        authors.contains("ubnd@example.vn (UBND thành phố Hà Nội)"),
        "{authors}"
    );
    desk.screenshot("19-agency-answer-with-document").await;
    desk.close().await;

    // Over the API: the document is the answer's, cited in its input.
    let list = attachments(
        &api.get(&format!("/cases/{code}/attachments"))
            .await
            .expect(200),
    );
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["content_type"], "application/pdf");
    let events = api.get(&format!("/cases/{code}/events")).await.expect(200);
    let respond = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "respond")
        .expect("the answer")
        .clone();
    assert_eq!(list[1]["event"], respond["id"]);
    assert_eq!(respond["payload"]["documents"][0], list[1]["id"]);
    assert_eq!(respond["unit_code"], "UBND-HN");
}
