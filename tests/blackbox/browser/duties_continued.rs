//! The duties of SPEC §13 in a real browser: the board asks a state body
//! for information from the duties page (a blank topic is refused beside
//! its field and asks nothing); the body's liaison, on a 390-pixel phone,
//! sees its duties named in words (*Quý IV/…*, the request's topic),
//! submits the information with a document (a file that is no document
//! is refused beside the file input, nothing stored); the board finds the
//! document on the duty and downloads it.

use crate::browser::leader::{last_years_duties, this_year};
use crate::support::browser::{Browser, DESK, PHONE_390};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(the_board_asks_and_the_agency_answers_with_a_document);

async fn the_board_asks_and_the_agency_answers_with_a_document(db: TestDb) {
    let town = town(&db);
    last_years_duties(&db);
    let server = Server::start(&db, &[]).await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let officer = Client::bearer(&server, &town.officer);
    let files = tempfile::tempdir().expect("temporary directory");
    let document = files.path().join("Van-ban-2210-UBND-VP.pdf");
    std::fs::write(
        &document,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    let program = files.path().join("chuong-trinh.exe");
    std::fs::write(&program, b"MZ\x90\x00 not a document").unwrap();
    let topic = "Tình hình giải quyết khiếu nại đất đai ở phường Ba Đình";
    let due = format!("{}-01-20", this_year() + 1);

    // The board, at its desk: a blank topic is refused beside the field.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open("/duties").await;
    let before = officer.get("/duties").await.expect(200)["items"]
        .as_array()
        .unwrap()
        .len();
    // The period filter takes the words the page writes.
    desk.open(&format!(
        "/duties?period=Qu%C3%BD+III%2F{}",
        this_year() - 1
    ))
    .await;
    let rows = desk
        .client
        .find_all(fantoccini::Locator::Css("#duty-list tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "the third quarter's duty only");
    assert_eq!(
        rows[0].attr("data-period").await.unwrap(),
        Some(format!("{}-Q3", this_year() - 1))
    );
    desk.open("/duties").await;
    desk.click("#duty-request summary").await;
    desk.choose("#request-unit", "UBND-HN").await;
    desk.run(&format!(
        "document.getElementById('request-due').value = '{due}';"
    ))
    .await;
    desk.click_and_wait_for_next_page("#submit-request").await;
    let refused = desk.text("#request-topic-error").await;
    assert!(
        refused.contains("Nội dung thông tin cần cung cấp"),
        "{refused}"
    );
    assert_eq!(
        desk.find("#request-unit option[value='UBND-HN']")
            .await
            .attr("selected")
            .await
            .unwrap()
            .as_deref(),
        Some("true"),
        "the input is kept"
    );
    desk.screenshot("27-board-duty-request-refused").await;
    assert_eq!(
        officer.get("/duties").await.expect(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        before,
        "nothing asked"
    );
    desk.fill("#request-topic", topic).await;
    desk.click_and_wait_for_next_page("#submit-request").await;
    assert_eq!(
        desk.text("#done").await,
        "Đã gửi yêu cầu cung cấp thông tin"
    );
    assert_eq!(
        desk.text("#duty-title").await,
        format!("{topic} — UBND thành phố Hà Nội")
    );
    let facts = desk.text("dl.facts").await;
    assert!(facts.contains("Yêu cầu đột xuất"), "{facts}");
    assert!(
        facts.contains(&format!("Nội dung thông tin cần cung cấp\n{topic}")),
        "{facts}"
    );
    assert!(
        facts.contains(&format!("20/01/{} 23:59", this_year() + 1)),
        "{facts}"
    );
    assert!(
        !facts.contains("ad_hoc") && !facts.contains(&due),
        "{facts}"
    );
    desk.screenshot("28-board-duty-requested").await;
    let id: i64 = desk
        .path()
        .await
        .trim_start_matches("/duties/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .expect("the new duty's page");
    desk.sign_out().await;

    // The liaison, on a phone: the duties in words, then the answer.
    let mut phone = Browser::start(&server, PHONE_390, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ubnd@example.vn", PASSWORD).await;
    phone
        .click_and_wait_for_next_page("nav.menu a[href='/duties']")
        .await;
    let list = phone.text("#duty-list").await;
    assert!(list.contains(topic), "{list}");
    assert!(
        list.contains(&format!("Quý IV/{}", this_year() - 1)),
        "{list}"
    );
    assert!(!list.contains("-Q4") && !list.contains(&due), "{list}");
    phone.screenshot("29-agency-duties-in-words").await;
    phone
        .click_and_wait_for_next_page(&format!("#duty-list tr[data-id='{id}'] a"))
        .await;
    phone
        .fill("#submit-text", "Văn bản số 2210/UBND-VP kèm theo.")
        .await;
    phone
        .find("#submit-file")
        .await
        .send_keys(program.to_str().unwrap())
        .await
        .expect("choose the program");
    phone.click_and_wait_for_next_page("#submit-submit").await;
    let refused = phone.text("#submit-file-error").await;
    assert!(refused.contains("PDF"), "{refused}");
    assert_eq!(
        phone
            .find("#submit-text")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Văn bản số 2210/UBND-VP kèm theo."),
        "the text is kept"
    );
    phone.screenshot("35-agency-duty-file-refused").await;
    let api = officer.get(&format!("/duties/{id}")).await.expect(200);
    assert_eq!(api["status"], "pending", "nothing stored");
    phone
        .find("#submit-file")
        .await
        .send_keys(document.to_str().unwrap())
        .await
        .expect("choose the document");
    phone.click_and_wait_for_next_page("#submit-submit").await;
    assert_eq!(phone.text("#done").await, "Đã gửi thông tin");
    let listed = phone.text("#duty-files").await;
    assert!(listed.contains("Van-ban-2210-UBND-VP.pdf"), "{listed}");
    assert_eq!(phone.viewport_width().await, 390);
    phone
        .run("document.getElementById('duty-files').scrollIntoView({block: 'center'});")
        .await;
    phone.screenshot("36-agency-duty-with-document").await;
    phone.close().await;

    // The board finds the document on the duty and downloads it.
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/duties/{id}")).await;
    let link = desk
        .find("#duty-files a")
        .await
        .attr("href")
        .await
        .unwrap()
        .expect("a link");
    desk.screenshot("37-board-duty-document").await;
    desk.close().await;
    let (status, _, bytes) = officer
        .get_bytes(link.strip_prefix("/api/v1").expect("an API link"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(bytes, std::fs::read(&document).unwrap());
}
