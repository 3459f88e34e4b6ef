//! `PATCH /areas/{code}` and `PATCH /units/{code}`: the administrator
//! renames an area and changes a unit, the old names show in
//! `former_names`; anyone else, or a bad field, changes nothing, the audit
//! log included.

use serde_json::{Value, json};

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    the_administrator_renames_an_area_and_changes_a_unit,
    a_refused_change_writes_nothing,
);

/// The entry of `code` in a list of areas or units.
fn entry(list: &Value, code: &str) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == code)
        .unwrap_or_else(|| panic!("{code} in {list:#}"))
        .clone()
}

async fn the_administrator_renames_an_area_and_changes_a_unit(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);
    assert_eq!(
        entry(&officer.get("/areas").await.expect(200), "HN-BD")["former_names"],
        json!([])
    );

    let area = admin
        .patch_json("/areas/HN-BD", &json!({"name": "Phường Ba Đình (mới)"}))
        .await
        .expect(200);
    assert_eq!(area["name"], "Phường Ba Đình (mới)");
    assert_eq!(area["parent"], "HN");
    let former = area["former_names"].as_array().unwrap();
    assert_eq!(former.len(), 1, "{area:#}");
    assert_eq!(former[0]["name"], "Phường Ba Đình");
    let until = former[0]["until"].as_str().unwrap();
    assert!(
        chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d").is_ok(),
        "{until}"
    );
    assert_eq!(
        entry(&officer.get("/areas").await.expect(200), "HN-BD"),
        area,
        "everyone reads the new name and the old one"
    );

    let change = json!({
        "name": "UBND Thủ đô Hà Nội",
        "email": "VanPhong@UBND.example.vn",
        "serves": ["HN-BD", "HN-HK"],
    });
    let unit = admin
        .patch_json("/units/UBND-HN", &change)
        .await
        .expect(200);
    assert_eq!(unit["name"], "UBND Thủ đô Hà Nội");
    assert_eq!(unit["email"], "vanphong@ubnd.example.vn");
    assert_eq!(unit["serves"], json!(["HN", "HN-BD", "HN-HK"]));
    assert_eq!(unit["former_names"][0]["name"], "UBND thành phố Hà Nội");
    assert_eq!(
        entry(&officer.get("/units").await.expect(200), "UBND-HN"),
        unit
    );

    // Absent fields stay; an empty e-mail removes it; a second rename
    // appends to the former names.
    let unit = admin
        .patch_json(
            "/units/UBND-HN",
            &json!({"email": "", "name": "UBND Hà Nội"}),
        )
        .await
        .expect(200);
    assert_eq!(unit["email"], Value::Null);
    assert_eq!(unit["serves"], json!(["HN", "HN-BD", "HN-HK"]));
    let names: Vec<&str> = unit["former_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["UBND thành phố Hà Nội", "UBND Thủ đô Hà Nội"]);

    let log = admin.get("/audit?limit=10").await.expect(200);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions[..3], ["update_unit", "update_unit", "update_area"]);

    admin
        .patch_json("/areas/KHONG-CO", &json!({"name": "X"}))
        .await
        .error(404, "not_found");
    admin
        .patch_json("/units/KHONG-CO", &json!({"name": "X"}))
        .await
        .error(404, "not_found");
}

async fn a_refused_change_writes_nothing(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);
    let before = (
        admin.get("/areas").await.expect(200),
        admin.get("/units").await.expect(200),
        admin.get("/audit?limit=100").await.expect(200),
    );
    let unchanged = async || {
        let now = (
            admin.get("/areas").await.expect(200),
            admin.get("/units").await.expect(200),
            admin.get("/audit?limit=100").await.expect(200),
        );
        assert_eq!(now, before, "nothing changed, the audit log included");
    };

    let refused = officer
        .patch_json("/areas/HN-BD", &json!({"name": "Phường Mới"}))
        .await
        .error(403, "admin_only");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("quản trị"),
        "{refused:#}"
    );
    officer
        .patch_json("/units/UBND-HN", &json!({"name": "UBND Mới"}))
        .await
        .error(403, "admin_only");
    unchanged().await;

    // An unknown area among those served: nothing of the change is kept,
    // not even the name that came with it.
    let bad = json!({"name": "UBND Mới", "serves": ["HN-BD", "KHONG-CO"]});
    let refused = admin
        .patch_json("/units/UBND-HN", &bad)
        .await
        .error(422, "unknown_code");
    assert_eq!(refused["error"]["field"], "serves", "{refused:#}");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("KHONG-CO"),
        "{refused:#}"
    );
    let english = admin
        .clone()
        .english()
        .patch_json("/units/UBND-HN", &bad)
        .await
        .error(422, "unknown_code");
    let message = english["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("There is no") && message.contains("KHONG-CO"),
        "{message}"
    );
    let refused = admin
        .patch_json("/areas/HN-BD", &json!({"name": "X", "parent": "HN-HK"}))
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "parent", "{refused:#}");
    admin
        .patch_json("/units/UBND-HN", &json!({"kind": "court"}))
        .await
        .error(422, "invalid_input");
    admin
        .patch_json("/areas/HN-BD", &json!({"name": "  "}))
        .await
        .error(422, "missing_input");
    admin
        .patch_json("/units/UBND-HN", &json!({"email": "không-phải-email"}))
        .await
        .error(422, "invalid_input");
    let english = admin
        .clone()
        .english()
        .patch_json("/areas/HN-BD", &json!({"nmae": "X"}))
        .await
        .error(422, "invalid_input");
    assert_eq!(english["error"]["field"], "nmae", "{english:#}");
    assert!(
        english["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The field"),
        "{english:#}"
    );
    unchanged().await;
}
