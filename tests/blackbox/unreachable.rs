//! Units that e-mail cannot reach (SPEC §14 "nothing silently lost"): the
//! administrator's page and `/metrics` list a unit with neither an address
//! nor a liaison, with what it is responsible for, and stop once it gets
//! an address.

use serde_json::json;

use crate::support::fixtures::unit;
use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(a_unit_without_an_address_is_shown_until_it_has_one);

/// The value of the gauge `noicom_units_without_address`.
async fn gauge(server: &Server) -> i64 {
    let text = reqwest::get(server.at("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("noicom_units_without_address "))
        .unwrap_or_else(|| panic!("no gauge in\n{text}"))
        .trim()
        .parse()
        .unwrap()
}

async fn a_unit_without_an_address_is_shown_until_it_has_one(db: TestDb) {
    let town = town(&db);
    unit(
        &db,
        "TAND-HN",
        "Tòa án nhân dân thành phố Hà Nội",
        "court",
        "HN",
    );
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);
    // The court leads a case: the page says so.
    let case = officer
        .files_case("HN-BD", "Chậm xét xử vụ tranh chấp đất đai")
        .await;
    officer
        .acts(
            &case,
            "accept",
            json!({"lead_unit": "TAND-HN", "priority": "normal", "sensitivity": "normal"}),
        )
        .await
        .expect(200);

    let before = gauge(&server).await;
    let mut desk = Visitor::new(&server, None);
    desk.sign_in("quantri@example.vn", PASSWORD, "/admin").await;
    let page = desk.get("/admin/unreachable-units").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("href=\"/admin/unreachable-units\""),
        "not in the menu"
    );
    let court = page
        .body
        .split("data-code=\"TAND-HN\"")
        .nth(1)
        .unwrap_or_else(|| panic!("TAND-HN not listed: {}", page.body));
    let court = court.split("</li>").next().unwrap();
    assert!(
        court.contains("Tòa án nhân dân thành phố Hà Nội"),
        "{court}"
    );
    assert!(
        court.contains("Vụ việc đang chủ trì giải quyết: <strong>1</strong>"),
        "{court}"
    );
    assert!(court.contains("href=\"/admin/units/"), "{court}");
    // Units reached through a liaison, or the board through its officers,
    // are not listed.
    for reached in ["UBND-HN", "VKSND-HN", "BTG-HN", "TU-HN"] {
        assert!(
            !page.body.contains(&format!("data-code=\"{reached}\"")),
            "{reached}"
        );
    }

    admin
        .patch_json(
            "/units/TAND-HN",
            &json!({"email": "toaan@hanoi.example.vn"}),
        )
        .await
        .expect(200);
    let page = desk.get("/admin/unreachable-units").await;
    assert!(
        !page.body.contains("data-code=\"TAND-HN\""),
        "{}",
        page.body
    );
    assert_eq!(gauge(&server).await, before - 1);
}
