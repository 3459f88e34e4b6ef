//! Areas, units, users and categories over HTTP: everyone reads the
//! organisation, only the administrator changes it, and every change, sign-in
//! and opening of a sensitive case lands in the audit log.

use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    the_administrator_builds_the_organisation_others_only_read_it,
    the_audit_log_records_sign_ins_changes_and_sensitive_openings,
    a_new_user_with_a_password_of_nine_characters_is_refused,
);

async fn the_administrator_builds_the_organisation_others_only_read_it(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);

    let areas = officer.get("/areas").await.expect(200);
    assert!(
        areas
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == "HN-BD" && a["parent"] == "HN")
    );
    let units = officer.get("/units").await.expect(200);
    assert!(
        units
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["code"] == "UBND-HN" && u["serves"] == json!(["HN"]))
    );
    assert!(
        officer
            .get("/categories")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len()
            >= 14
    );
    officer.get("/users").await.error(403, "admin_only");

    let area = json!({"code": "HN-TX", "name": "Phường Thanh Xuân", "parent": "HN"});
    officer.post("/areas", &area).await.error(403, "admin_only");
    assert_eq!(admin.post("/areas", &area).await.expect(201)["depth"], 1);
    admin.post("/areas", &area).await.error(409, "duplicate");
    let unit = json!({"code": "MTTQ-TX", "name": "Ủy ban MTTQ phường Thanh Xuân", "kind": "front", "area": "HN-TX"});
    assert_eq!(
        admin.post("/units", &unit).await.expect(201)["serves"],
        json!(["HN-TX"])
    );
    let user = json!({"email": "ctv.tx@example.vn", "name": "Phạm Thu Hà", "role": "reporter", "unit": "MTTQ-TX", "password": "mật-khẩu-mới-2026"});
    let created = admin.post("/users", &user).await.expect(201);
    assert!(created.get("password").is_none());

    let login = json!({"email": "ctv.tx@example.vn", "password": "mật-khẩu-mới-2026"});
    let token = Client::anonymous(&server)
        .post("/auth/login", &login)
        .await
        .expect(200)["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let newcomer = Client::bearer(&server, &token);
    newcomer.files_case("HN-TX", "Đèn đường hỏng").await;

    let category = json!({"code": "flooding", "name_vi": "Ngập úng", "name_en": "Flooding"});
    admin.post("/categories", &category).await.expect(201);
    admin
        .patch_json("/categories/flooding", &json!({"active": false}))
        .await
        .expect(200);
    let report = json!({"title": "t", "description": "d", "area": "HN-TX", "category": "flooding", "source": "direct"});
    newcomer
        .post("/cases", &report)
        .await
        .error(422, "unknown_code");

    let path = format!("/users/{}", created["id"]);
    assert_eq!(
        admin
            .patch_json(&path, &json!({"disabled": true}))
            .await
            .expect(200)["disabled"],
        true
    );
    newcomer.get("/auth/me").await.error(401, "unauthenticated");
    officer
        .patch_json(&path, &json!({"disabled": false}))
        .await
        .error(403, "admin_only");
}

async fn the_audit_log_records_sign_ins_changes_and_sensitive_openings(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let officer = Client::bearer(&server, &town.officer);
    let anonymous = Client::anonymous(&server);
    anonymous
        .post(
            "/auth/login",
            &json!({"email": "canbo@example.vn", "password": crate::support::town::PASSWORD}),
        )
        .await
        .expect(200);
    anonymous
        .post(
            "/auth/login",
            &json!({"email": "canbo@example.vn", "password": "sai-mật-khẩu"}),
        )
        .await
        .error(401, "invalid_credentials");
    admin
        .post(
            "/areas",
            &json!({"code": "HN-CG", "name": "Phường Cầu Giấy", "parent": "HN"}),
        )
        .await
        .expect(201);
    let case = officer.files_case("HN-BD", "Tố cáo cán bộ").await;
    officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    officer
        .get(&format!("/cases/{}", case["id"]))
        .await
        .expect(200);

    officer.get("/audit").await.error(403, "admin_only");
    let log = admin.get("/audit").await.expect(200);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for expected in [
        "sign_in",
        "sign_in_failed",
        "add_area",
        "open_sensitive_case",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    assert!(
        !log.to_string().contains("sai-mật-khẩu"),
        "a password in the audit log"
    );
}

async fn a_new_user_with_a_password_of_nine_characters_is_refused(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let users_before = admin.get("/users").await.expect(200);
    let audit_before = admin.get("/audit?limit=100").await.expect(200);

    // Nine characters, fourteen bytes: the rule counts characters.
    let user = json!({"email": "ctv.moi@example.vn", "name": "Lê Văn Mới", "role": "reporter", "unit": "MTTQ-BD", "password": "đường-phố"});
    let refused = admin
        .post("/users", &user)
        .await
        .error(422, "password_too_short");
    assert_eq!(refused["error"]["field"], "password", "{refused}");
    let as_email = json!({"email": "ctv.moi@example.vn", "name": "Lê Văn Mới", "role": "reporter", "unit": "MTTQ-BD", "password": "CTV.Moi@Example.vn"});
    let refused = admin
        .post("/users", &as_email)
        .await
        .error(422, "password_is_email");
    assert_eq!(refused["error"]["field"], "password", "{refused}");
    assert_eq!(admin.get("/users").await.expect(200), users_before);
    assert_eq!(
        admin.get("/audit?limit=100").await.expect(200),
        audit_before
    );

    let ten = json!({"email": "ctv.moi@example.vn", "name": "Lê Văn Mới", "role": "reporter", "unit": "MTTQ-BD", "password": "đường-phố1"});
    admin.post("/users", &ten).await.expect(201);
}
