//! The reporter on a 390×844 phone (issue 15): an empty form names every
//! missing field at once, in form order, each beside its field and in a
//! summary linking to them; the one area on offer is chosen; categories
//! are in alphabetical order with "Khác" last; an optional field's label
//! has one pair of brackets; a restored draft speaks of photos only when
//! photos were chosen; the board's open question stands right above the
//! supplement form; the header leaves most of the first screen to the page.

use serde_json::{Value, json};

use crate::support::browser::{Browser, PHONE_390};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(
    an_empty_report_names_every_missing_field_in_form_order,
    the_board_s_open_question_stands_above_the_supplement_form,
);

/// The texts of `css`'s elements, in page order.
async fn texts(phone: &Browser, css: &str) -> Vec<String> {
    let script = format!(
        "return Array.from(document.querySelectorAll({css:?})).map(function (e) {{ return e.textContent.trim(); }});"
    );
    let found = phone.run(&script).await;
    serde_json::from_value(found).expect("a list of texts")
}

/// The height of the page header, in CSS pixels.
async fn header_height(phone: &Browser) -> f64 {
    phone
        .run("return document.querySelector('header.top').getBoundingClientRect().height;")
        .await
        .as_f64()
        .expect("a height")
}

async fn an_empty_report_names_every_missing_field_in_form_order(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let mut phone = Browser::start(&server, PHONE_390, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open("/reports/new").await;
    assert_eq!(phone.viewport_width().await, 390);

    // The one area on offer is chosen.
    let area = phone.find("#area").await.prop("value").await.unwrap();
    assert_eq!(area.as_deref(), Some("HN-BD"));
    // Categories in Vietnamese alphabetical order ("Đất đai" with the
    // D's), "Khác" last.
    let categories = texts(&phone, "#category option:not([value=''])").await;
    assert_eq!(categories.last().map(String::as_str), Some("Khác"));
    let position = |name: &str| categories.iter().position(|c| c.starts_with(name));
    assert!(
        position("An ninh") < position("Biên giới"),
        "{categories:?}"
    );
    assert!(
        position("Biên giới") < position("Đất đai"),
        "{categories:?}"
    );
    assert!(
        position("Đất đai") < position("Khiếu nại"),
        "{categories:?}"
    );
    assert!(position("Tôn giáo") < position("Xét xử"), "{categories:?}");
    // One pair of brackets on an optional field's label.
    assert_eq!(
        phone.text("label[for=people_affected]").await,
        "Số người bị ảnh hưởng (ước tính, không bắt buộc)"
    );
    assert_eq!(
        phone.text("label[for=hotspot_risk]").await,
        "Nguy cơ thành điểm nóng (không bắt buộc)"
    );
    // The header leaves most of the first screen to the form.
    let header = header_height(&phone).await;
    assert!(header <= 844.0 / 6.0, "the header is {header} px high");
    assert!(phone.has("a.skip[href='#main']").await);
    assert!(phone.has("nav.menu a[aria-current=page]").await);
    assert!(phone.has("#lang-en").await);
    phone.screenshot("60-reporter-form-phone-390").await;

    // A draft of text only comes back without a word about photos.
    phone.fill("#title", "Rác thải ở chợ").await;
    phone.open("/reports/new").await;
    let title = phone.find("#title").await.prop("value").await.unwrap();
    assert_eq!(title.as_deref(), Some("Rác thải ở chợ"));
    assert!(
        !phone
            .find("#draft-no-files")
            .await
            .is_displayed()
            .await
            .unwrap(),
        "the photo note is shown with no photo chosen"
    );
    phone
        .run("document.getElementById('people_affected').scrollIntoView(); return null;")
        .await;
    phone.screenshot("63-reporter-draft-text-only").await;

    // Everything empty, the area too: every field is named at once.
    phone.fill("#title", " ").await;
    phone.choose("#area", "").await;
    phone.click_and_wait_for_next_page("#send-report").await;
    let expected = [
        ("title", "Vui lòng nhập “Tiêu đề”."),
        ("description", "Vui lòng nhập “Nội dung phản ánh”."),
        ("area", "Vui lòng chọn địa bàn."),
        ("category", "Vui lòng chọn “Lĩnh vực”."),
        ("source", "Vui lòng chọn “Nguồn thông tin”."),
    ];
    let summary = texts(&phone, "#error-message li").await;
    let links = phone
        .run("return Array.from(document.querySelectorAll('#error-message li a')).map(function (a) { return a.getAttribute('href'); });")
        .await;
    for (i, (field, message)) in expected.iter().enumerate() {
        let beside = phone.text(&format!("#{field}-error")).await;
        assert_eq!(&beside, message, "{field}");
        assert_eq!(
            summary.get(i).map(String::as_str),
            Some(*message),
            "{summary:?}"
        );
        assert_eq!(links[i], Value::from(format!("#{field}")), "{links}");
        let invalid = phone
            .find(&format!("#{field}"))
            .await
            .attr("aria-invalid")
            .await
            .unwrap();
        assert_eq!(invalid.as_deref(), Some("true"), "{field}");
    }
    assert_eq!(summary.len(), expected.len(), "{summary:?}");
    assert!(!phone.has("#people_affected-error").await);
    phone.screenshot("61-reporter-empty-form-errors").await;
    phone.close().await;

    // The API answers the first of them in form order: the title.
    let api = Client::bearer(&server, &town.reporter);
    let blank = json!({"title": "", "description": "", "area": "", "category": "", "source": "collaborator"});
    let refused = api.post("/cases", &blank).await.error(422, "missing_input");
    assert_eq!(refused["error"]["field"], "title", "{refused:#}");
    let no_area = json!({"title": "Rác", "description": "Rác thải ở chợ.", "area": " ", "category": "other", "source": "collaborator"});
    let refused = api
        .post("/cases", &no_area)
        .await
        .error(422, "missing_input");
    assert_eq!(refused["error"]["field"], "area", "{refused:#}");
    assert_eq!(refused["error"]["message"], "Vui lòng chọn địa bàn.");
}

async fn the_board_s_open_question_stands_above_the_supplement_form(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Nước thải tràn ra đường")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let question = "Nước thải tràn ra đoạn đường nào, từ khi nào?";
    officer
        .acts(&case, "request_info", json!({ "question": question }))
        .await
        .expect(200);

    let mut phone = Browser::start(&server, PHONE_390, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open(&format!("/cases/{code}")).await;
    let asked = phone.text("#open-question").await;
    assert!(asked.contains("Nội dung đề nghị bổ sung"), "{asked}");
    assert!(asked.contains(question), "{asked}");
    // Right above the supplement form, which is open.
    let placed = phone
        .run("var q = document.getElementById('open-question'); var f = document.getElementById('act-supplement'); return [q.nextElementSibling === f, f.open];")
        .await;
    assert_eq!(placed, json!([true, true]), "{placed}");
    phone
        .run("document.getElementById('open-question').scrollIntoView(); return null;")
        .await;
    phone.screenshot("62-reporter-open-question").await;
    phone.close().await;
}
