//! The administrator's pages in a real browser: an admin adds an area, a
//! unit and a user who then signs in; a duplicate code and a short first
//! password are refused in Vietnamese beside their field and write
//! nothing; an admin sets a user's password and disables the account,
//! and the user's open session ends each time; other roles get the 403
//! page. Screenshots of every admin page.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(
    an_admin_adds_an_area_a_unit_and_a_user_who_then_signs_in,
    an_admin_sets_a_password_and_disables_a_user_whose_session_ends,
);

/// The actions of the audit log, newest first.
async fn audit_actions(admin: &Client) -> Vec<String> {
    admin
        .get("/audit?limit=200")
        .await
        .expect(200)
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["action"].as_str().map(str::to_owned))
        .collect()
}

async fn an_admin_adds_an_area_a_unit_and_a_user_who_then_signs_in(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.admin);
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("quantri@example.vn", PASSWORD).await;
    desk.click("nav.menu a[href='/admin']").await;
    desk.find("#area-new").await;
    assert_eq!(desk.path().await, "/admin/areas");
    assert_eq!(desk.text("h1").await, "Địa bàn");

    // An area below the city.
    desk.fill("#area-new-code", "HN-TH").await;
    desk.fill("#area-new-name", "Phường Tây Hồ").await;
    desk.choose("#area-new-parent", "HN").await;
    desk.click("#area-new-submit").await;
    assert!(desk.text("#done").await.contains("HN-TH"));
    let row = desk.text("#area-tree li[data-code='HN-TH']").await;
    assert!(row.contains("Phường Tây Hồ"), "{row}");
    assert!(desk.has("#area-tree li.depth-1[data-code='HN-TH']").await);
    desk.screenshot("50-admin-areas").await;

    // The same code again: refused beside the field, input kept, nothing
    // written (not even an audit row).
    let areas = api.get("/areas").await.expect(200);
    let audit = audit_actions(&api).await;
    desk.fill("#area-new-code", "HN-TH").await;
    desk.fill("#area-new-name", "Phường trùng mã").await;
    desk.click("#area-new-submit").await;
    let error = desk.text("#area-new-code-error").await;
    assert!(error.contains("đã tồn tại"), "{error}");
    let kept = desk
        .find("#area-new-name")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Phường trùng mã"));
    desk.screenshot("51-admin-duplicate-refused").await;
    assert_eq!(api.get("/areas").await.expect(200), areas);
    assert_eq!(audit_actions(&api).await, audit);

    // A unit of that ward, with its own e-mail.
    desk.open("/admin/units").await;
    desk.click("#unit-new-box summary").await;
    desk.fill("#unit-new-code", "UBND-TH").await;
    desk.fill("#unit-new-name", "UBND phường Tây Hồ").await;
    desk.choose("#unit-new-kind", "people_committee").await;
    desk.choose("#unit-new-area", "HN-TH").await;
    desk.fill("#unit-new-email", "ubnd.tayho@example.vn").await;
    desk.click("#unit-new-submit").await;
    assert!(desk.text("#done").await.contains("UBND-TH"));
    let row = desk.text("#unit-list tr[data-code='UBND-TH']").await;
    assert!(
        row.contains("Ủy ban nhân dân") || row.contains("UBND"),
        "{row}"
    );
    assert!(
        row.contains("Phường Tây Hồ") && row.contains("ubnd.tayho@example.vn"),
        "{row}"
    );
    desk.screenshot("52-admin-units").await;
    // Its page: it serves one more area.
    desk.click("#unit-list tr[data-code='UBND-TH'] a").await;
    desk.find("#unit-edit").await;
    desk.click("#unit-edit-serves input[value='HN-BD']").await;
    desk.click("#unit-edit-submit").await;
    assert!(desk.text("#done").await.contains("UBND-TH"));
    assert!(desk.text("#unit-serves").await.contains("Phường Ba Đình"));
    desk.screenshot("53-admin-unit").await;
    let unit = api.get("/units").await.expect(200);
    let unit = unit
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "UBND-TH")
        .cloned()
        .unwrap();
    assert_eq!(unit["serves"], serde_json::json!(["HN-BD", "HN-TH"]));

    // A user of that unit: a short first password is refused first.
    desk.open("/admin/users").await;
    let users = api.get("/users").await.expect(200);
    desk.click("#user-new-box summary").await;
    desk.fill("#user-new-email", "daumoi.tayho@example.vn")
        .await;
    desk.fill("#user-new-name", "Nguyễn Thị Hồ").await;
    desk.choose("#user-new-role", "agency_liaison").await;
    desk.choose("#user-new-unit", "UBND-TH").await;
    desk.fill("#user-new-password", "ngắn-quá").await;
    desk.click("#user-new-submit").await;
    let error = desk.text("#user-new-password-error").await;
    assert!(error.contains("ít nhất 10 ký tự"), "{error}");
    let kept = desk
        .find("#user-new-name")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Nguyễn Thị Hồ"));
    assert_eq!(api.get("/users").await.expect(200), users);
    desk.fill("#user-new-password", "mật-khẩu-tây-hồ-2026")
        .await;
    desk.click("#user-new-submit").await;
    desk.find("#user-edit").await;
    assert_eq!(desk.text("#user-email").await, "daumoi.tayho@example.vn");
    assert_eq!(desk.text("#user-unit").await, "UBND phường Tây Hồ");
    desk.screenshot("54-admin-user").await;
    desk.open("/admin/users").await;
    desk.find("#user-list tr[data-email='daumoi.tayho@example.vn']")
        .await;
    desk.screenshot("55-admin-users").await;

    let audit = audit_actions(&api).await;
    for action in ["add_area", "add_unit", "update_unit", "add_user"] {
        assert!(audit.iter().any(|a| a == action), "{action}: {audit:?}");
    }

    // The new user signs in and lands on the agency inbox.
    desk.sign_out().await;
    desk.sign_in("daumoi.tayho@example.vn", "mật-khẩu-tây-hồ-2026")
        .await;
    assert_eq!(desk.text("#who").await, "Nguyễn Thị Hồ");
    assert_eq!(desk.path().await, "/inbox");
    // Not an administrator: the 403 page.
    desk.open("/admin/users").await;
    assert_eq!(desk.text("h1").await, "Không được phép");
    assert!(!desk.has("nav.menu a[href='/admin']").await);
    desk.close().await;
}

async fn an_admin_sets_a_password_and_disables_a_user_whose_session_ends(db: TestDb) {
    const NEW: &str = "mật-khẩu-mới-của-ubnd";
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.admin);
    let id = api.user_id("ubnd@example.vn").await;
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    let phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    desk.sign_in("quantri@example.vn", PASSWORD).await;
    phone.sign_in("ubnd@example.vn", PASSWORD).await;

    desk.open("/admin/users").await;
    desk.click("#user-list tr[data-email='ubnd@example.vn'] a")
        .await;
    desk.find("#user-password").await;
    assert_eq!(desk.path().await, format!("/admin/users/{id}"));
    // The e-mail as password is refused beside the field.
    desk.fill("#user-password-new_password", "ubnd@example.vn")
        .await;
    desk.click("#user-password-submit").await;
    let error = desk.text("#user-password-new_password-error").await;
    assert!(error.contains("e-mail"), "{error}");
    phone.open("/inbox").await;
    assert_eq!(phone.path().await, "/inbox", "nothing changed yet");

    desk.fill("#user-password-new_password", NEW).await;
    desk.click("#user-password-submit").await;
    desk.find("#done").await;
    // The user's open session has ended.
    phone.open("/inbox").await;
    assert!(phone.path().await.starts_with("/login?next=%2Finbox"));
    phone.fill("#email", "ubnd@example.vn").await;
    phone.fill("#password", NEW).await;
    phone.click("#sign-in").await;
    phone.find("#sign-out").await;
    assert_eq!(phone.path().await, "/inbox");

    // Disabling ends the session again, and signing in is refused.
    desk.click("#user-disable").await;
    desk.find("#user-enable").await;
    assert_eq!(desk.text("#user-status").await, "Đã khóa");
    desk.screenshot("56-admin-user-disabled").await;
    phone.open("/inbox").await;
    assert!(phone.path().await.starts_with("/login?next="));
    phone.fill("#email", "ubnd@example.vn").await;
    phone.fill("#password", NEW).await;
    phone.click("#sign-in").await;
    let refused = phone.text("#error-message").await;
    assert!(refused.contains("không đúng"), "{refused}");
    desk.open("/admin/users").await;
    let row = desk
        .text("#user-list tr[data-email='ubnd@example.vn']")
        .await;
    assert!(row.contains("Đã khóa"), "{row}");

    // Enabled again, the new password works.
    desk.open(&format!("/admin/users/{id}")).await;
    desk.click("#user-enable").await;
    desk.find("#user-disable").await;
    phone.sign_in("ubnd@example.vn", NEW).await;
    let audit = audit_actions(&api).await;
    for action in ["reset_password", "update_user"] {
        assert!(audit.iter().any(|a| a == action), "{action}: {audit:?}");
    }
    phone.close().await;
    desk.close().await;
}
