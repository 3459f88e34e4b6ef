//! The administrator's page of units e-mail cannot reach (SPEC §14), in a
//! real browser on the demo: the three state bodies with neither an
//! address nor a liaison are listed with the duties they owe; the admin
//! follows a unit's link, adds its address, and it leaves the list.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::{Backend, Server, TestDb};

#[tokio::test]
async fn an_admin_sees_the_units_without_an_address_and_gives_one_an_address() {
    let db = TestDb::new(Backend::Sqlite).await;
    let server = Server::start(&db, &["--demo"]).await;
    let desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.sign_in("quantri@demo.noicom.vn", "noicom-demo-2026")
        .await;
    desk.open("/admin").await;
    desk.click("nav.subnav a[href='/admin/unreachable-units']")
        .await;
    desk.find("#unreachable-list").await;
    assert_eq!(desk.text("h1").await, "Đơn vị chưa có địa chỉ nhận thư");
    for code in ["HDND-NB", "TAND-NB", "VKSND-NB"] {
        let row = desk
            .text(&format!("#unreachable-list li[data-code='{code}']"))
            .await;
        assert!(
            row.contains("Nghĩa vụ cung cấp thông tin chưa thực hiện"),
            "{row}"
        );
        assert!(row.contains("quá hạn"), "{code}: {row}");
    }
    // The board and the party committee reach their officers and leaders.
    for code in ["BTGDV-NB", "TU-NB", "UBND-NB"] {
        assert!(
            !desk.has(&format!("li[data-code='{code}']")).await,
            "{code}"
        );
    }
    desk.screenshot("38-admin-unreachable-units").await;

    desk.click("#fix-TAND-NB").await;
    desk.find("#unit-edit").await;
    assert_eq!(desk.text("#unit-code").await, "TAND-NB");
    desk.fill("#unit-edit-email", "vanphong@toaan.ninhbinh.demo.noicom.vn")
        .await;
    desk.click_and_wait_for_next_page("#unit-edit-submit").await;
    desk.open("/admin/unreachable-units").await;
    desk.find("#unreachable-list").await;
    assert!(!desk.has("li[data-code='TAND-NB']").await);
    assert!(desk.has("li[data-code='VKSND-NB']").await);
    desk.close().await;

    let phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone
        .sign_in("quantri@demo.noicom.vn", "noicom-demo-2026")
        .await;
    phone.open("/admin/unreachable-units").await;
    phone.find("#unreachable-list").await;
    phone.screenshot("39-admin-unreachable-units-phone").await;
    phone.close().await;
}
