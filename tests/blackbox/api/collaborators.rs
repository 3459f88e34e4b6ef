//! The roster over HTTP (SPEC §16): admins and board officers add, change
//! and list collaborator profiles; a board officer only within the areas
//! their unit serves; only a `reporter` user gets one; every refusal names
//! its field in the caller's language and changes nothing.

use serde_json::json;

use crate::support::fixtures::unit;
use crate::support::pages::Visitor;
use crate::support::town::{PASSWORD, town, user};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    admins_and_board_officers_manage_the_roster_others_are_refused,
    a_ward_officer_manages_only_the_wards_collaborators,
    the_roster_pages_are_refused_to_other_roles,
);

async fn admins_and_board_officers_manage_the_roster_others_are_refused(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let admin = Client::bearer(&server, &town.admin);

    // Nobody but admins and board officers reads or writes the roster.
    for token in [&town.reporter, &town.leader, &town.liaison] {
        let other = Client::bearer(&server, token);
        other
            .get("/collaborators")
            .await
            .error(403, "roster_not_allowed");
        let body = json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                          "areas": ["HN-BD"], "from": "2026-01-01"});
        other
            .post("/collaborators", &body)
            .await
            .error(403, "roster_not_allowed");
    }

    // Only a reporter: the refusal names the user and their role.
    let leader = json!({"user": "lanhdao@example.vn", "kind": "collaborator",
                        "areas": ["HN-BD"], "from": "2026-01-01"});
    let refused = officer
        .post("/collaborators", &leader)
        .await
        .error(422, "not_a_reporter");
    assert_eq!(refused["error"]["field"], "user");
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("lanhdao@example.vn") && message.contains("Lãnh đạo"),
        "{message}"
    );

    // A term that ends before it begins, in English, names the field.
    let backwards = json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                           "areas": ["HN-BD"], "from": "01/06/2026", "until": "31/05/2026"});
    let refused = officer
        .clone()
        .english()
        .post("/collaborators", &backwards)
        .await
        .error(422, "term_ends_before_start");
    assert_eq!(refused["error"]["field"], "until");
    assert_eq!(
        refused["error"]["message"],
        "“Until” cannot be before “From”."
    );
    let refused = officer
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": [], "from": "2026-01-01"}),
        )
        .await
        .error(422, "missing_input");
    assert_eq!(refused["error"]["field"], "areas");
    let refused = officer
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": ["HN-BD"], "from": "2026-13-01"}),
        )
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "from");
    assert!(
        officer
            .get("/collaborators")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty(),
        "refusals wrote nothing"
    );

    // The officer adds one by e-mail, the admin another by id.
    let created = officer
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": ["HN-BD"], "from": "01/01/2026"}),
        )
        .await
        .expect(201);
    assert_eq!(created["from"], "2026-01-01");
    assert_eq!(created["active"], true);
    assert_eq!(created["serving"], true);
    let bd = created["user_id"].as_i64().unwrap();
    let hk = admin.user_id("ctv.hk@example.vn").await;
    admin
        .post(
            "/collaborators",
            &json!({"user": hk, "kind": "propagandist",
                                         "areas": ["HN-HK"], "from": "2026-01-01",
                                         "until": "2026-12-31", "active": false}),
        )
        .await
        .expect(201);
    officer
        .post(
            "/collaborators",
            &json!({"user": bd, "kind": "collaborator",
                                         "areas": ["HN-BD"], "from": "2026-01-01"}),
        )
        .await
        .error(409, "duplicate");

    // Changed, and listed by area and activity.
    let changed = officer
        .patch_json(
            &format!("/collaborators/{bd}"),
            &json!({"kind": "propagandist",
                                                             "areas": ["HN-BD", "HN-HK"]}),
        )
        .await
        .expect(200);
    assert_eq!(changed["kind"], "propagandist");
    assert_eq!(changed["areas"], json!(["HN-BD", "HN-HK"]));
    assert_eq!(changed["from"], "2026-01-01", "unchanged fields stay");
    let ids = |list: serde_json::Value| -> Vec<i64> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| c["user_id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        ids(officer.get("/collaborators?active=false").await.expect(200)),
        vec![hk]
    );
    let mut in_hk = ids(officer.get("/collaborators?area=HN-HK").await.expect(200));
    in_hk.sort();
    let mut both = vec![bd, hk];
    both.sort();
    assert_eq!(in_hk, both);
    assert_eq!(
        ids(officer
            .get("/collaborators?area=HN-BD&active=true")
            .await
            .expect(200)),
        vec![bd]
    );
    officer
        .get("/collaborators?area=KHONG-CO")
        .await
        .error(422, "unknown_code");
    assert_eq!(
        officer
            .get(&format!("/collaborators/{hk}"))
            .await
            .expect(200)["until"],
        "2026-12-31"
    );
    officer
        .get("/collaborators/999999")
        .await
        .error(404, "not_found");
}

async fn a_ward_officer_manages_only_the_wards_collaborators(db: TestDb) {
    let town = town(&db);
    unit(
        &db,
        "BTG-BD",
        "Ban Tuyên giáo và Dân vận Đảng ủy phường Ba Đình",
        "board",
        "HN-BD",
    );
    let ward = user(&db, "canbo.bd@example.vn", "board_officer", "BTG-BD");
    let server = Server::start(&db, &[]).await;
    let ward = Client::bearer(&server, &ward);
    let officer = Client::bearer(&server, &town.officer);
    let hk = officer
        .post(
            "/collaborators",
            &json!({"user": "ctv.hk@example.vn", "kind": "collaborator",
                                         "areas": ["HN-HK"], "from": "2026-01-01"}),
        )
        .await
        .expect(201)["user_id"]
        .as_i64()
        .unwrap();
    // Another ward: not listed, not found, not changed.
    assert!(
        ward.get("/collaborators")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .is_empty()
    );
    ward.get(&format!("/collaborators/{hk}"))
        .await
        .error(404, "not_found");
    ward.patch_json(&format!("/collaborators/{hk}"), &json!({"active": false}))
        .await
        .error(404, "not_found");
    let refused = ward
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": ["HN-BD", "HN-HK"], "from": "2026-01-01"}),
        )
        .await
        .error(403, "area_outside_scope");
    assert_eq!(refused["error"]["field"], "areas");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("HN-HK")
    );
    let bd = ward
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": ["HN-BD"], "from": "2026-01-01"}),
        )
        .await
        .expect(201)["user_id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        officer
            .get(&format!("/collaborators/{hk}"))
            .await
            .expect(200)["active"],
        true
    );
    assert_eq!(
        ward.get("/collaborators").await.expect(200)[0]["user_id"],
        bd
    );
}

async fn the_roster_pages_are_refused_to_other_roles(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let bd = officer
        .post(
            "/collaborators",
            &json!({"user": "ctv.bd@example.vn", "kind": "collaborator",
                                         "areas": ["HN-BD"], "from": "2026-01-01"}),
        )
        .await
        .expect(201)["user_id"]
        .as_i64()
        .unwrap();
    for email in ["ctv.bd@example.vn", "lanhdao@example.vn", "ubnd@example.vn"] {
        let mut visitor = Visitor::new(&server, None);
        assert_eq!(visitor.sign_in(email, PASSWORD, "/").await.status, 303);
        let home = visitor.get("/collaborators").await;
        assert_eq!(home.status, 403, "{email}: {}", home.body);
        assert!(!home.body.contains("ctv.bd@example.vn</a>"), "{email}");
        let one = visitor.get(&format!("/collaborators/{bd}")).await;
        assert_eq!(one.status, 403, "{email}: {}", one.body);
        assert!(!one.body.contains("roster-edit"), "{email}");
        let dashboard = visitor.get("/cases").await;
        assert!(
            !dashboard.body.contains("href=\"/collaborators\""),
            "{email}: a menu link"
        );
    }
    let mut visitor = Visitor::new(&server, None);
    visitor.sign_in("canbo@example.vn", PASSWORD, "/").await;
    let list = visitor.get("/collaborators").await;
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains("href=\"/collaborators\""),
        "the officer's menu link"
    );
}
