//! Renaming an area and changing a unit: administrators only, the former
//! name kept, the served areas replaced (the home area always kept), each
//! change audited, and a refusal writes nothing.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use store::StoreError;
use store::directory::{AreaChange, FormerName, UnitChange};
use store::entities::{area, audit_log, unit};
use workflow::{Calendar, Refusal, UserId};

use crate::support::snapshot;
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: an_administrator_renames_an_area_and_the_old_name_is_kept);
on_both_backends!(migrated: an_administrator_changes_a_units_name_email_and_served_areas);

/// `update_area` at `monday()` on the shipped calendar.
async fn rename_area(
    s: &store::Store,
    by: UserId,
    code: &str,
    name: &str,
) -> Result<(), StoreError> {
    let change = AreaChange {
        name: Some(name.to_owned()),
    };
    s.update_area(by, code, change, monday(), &Calendar::vietnam_default())
        .await
}

/// `update_unit` at `monday()` on the shipped calendar.
async fn change_unit(
    s: &store::Store,
    by: UserId,
    code: &str,
    change: UnitChange,
) -> Result<(), StoreError> {
    s.update_unit(by, code, change, monday(), &Calendar::vietnam_default())
        .await
}

async fn audited(s: &store::Store, action: &str) -> usize {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(s.connection())
        .await
        .unwrap()
        .len()
}

async fn an_administrator_renames_an_area_and_the_old_name_is_kept(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let before = snapshot::tables(s).await;
    match rename_area(s, o.officer, "HN-BADINH", "Phường Mới").await {
        Err(StoreError::Refused(Refusal::AdminOnly)) => {}
        other => panic!("not refused: {other:?}"),
    }
    match rename_area(s, o.admin, "HN-BADINH", "   ").await {
        Err(StoreError::Refused(Refusal::MissingInput { field: "name" })) => {}
        other => panic!("not refused: {other:?}"),
    }
    match rename_area(s, o.admin, "KHONG-CO", "Phường Mới").await {
        Err(StoreError::NotFound { .. }) => {}
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before, "refusals write nothing");

    rename_area(s, o.admin, "HN-BADINH", "Phường Ba Đình mới")
        .await
        .unwrap();
    let row = area::Entity::find()
        .filter(area::Column::Code.eq("HN-BADINH"))
        .one(s.connection())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.name, "Phường Ba Đình mới");
    let former: serde_json::Value = serde_json::from_str(&row.former_names).unwrap();
    assert_eq!(former[0]["name"], "Phường Ba Đình");
    let listed = s.areas(o.admin, monday()).await.unwrap();
    let listed = listed.iter().find(|a| a.code == "HN-BADINH").unwrap();
    assert_eq!(
        listed.former_names,
        [FormerName {
            name: "Phường Ba Đình".into(),
            until: "2026-03-02".parse().unwrap(),
        }]
    );
    assert_eq!(audited(s, "update_area").await, 1);
}

async fn an_administrator_changes_a_units_name_email_and_served_areas(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let before = snapshot::tables(s).await;
    let bad_area = UnitChange {
        name: Some("Tòa án khu vực 1".to_owned()),
        serves: Some(vec!["HN-HOANKIEM".to_owned(), "KHONG-CO".to_owned()]),
        ..Default::default()
    };
    match change_unit(s, o.admin, "TAND-KV1", bad_area).await {
        Err(StoreError::Refused(Refusal::UnknownCode {
            field: "serves", ..
        })) => {}
        other => panic!("not refused: {other:?}"),
    }
    let bad_email = UnitChange {
        email: Some("không-phải-email".to_owned()),
        ..Default::default()
    };
    match change_unit(s, o.admin, "TAND-KV1", bad_email).await {
        Err(StoreError::Invalid { field: "email", .. }) => {}
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before, "refusals write nothing");

    let change = UnitChange {
        name: Some("Tòa án nhân dân khu vực 1".to_owned()),
        email: Some("TAND.KV1@example.vn".to_owned()),
        serves: Some(vec![]),
    };
    change_unit(s, o.admin, "TAND-KV1", change).await.unwrap();
    let info = s
        .units(o.admin, monday())
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.code == "TAND-KV1")
        .unwrap();
    assert_eq!(info.name, "Tòa án nhân dân khu vực 1");
    assert_eq!(info.email.as_deref(), Some("tand.kv1@example.vn"));
    assert_eq!(
        info.serves,
        vec!["HN-BADINH".to_owned()],
        "the home area stays"
    );
    let row = unit::Entity::find()
        .filter(unit::Column::Code.eq("TAND-KV1"))
        .one(s.connection())
        .await
        .unwrap()
        .unwrap();
    assert!(
        row.former_names
            .contains("Tòa án nhân dân khu vực 1 – Hà Nội")
    );
    let removed = UnitChange {
        email: Some(String::new()),
        ..Default::default()
    };
    change_unit(s, o.admin, "TAND-KV1", removed).await.unwrap();
    let info = s.units(o.admin, monday()).await.unwrap();
    assert!(
        info.iter()
            .any(|u| u.code == "TAND-KV1" && u.email.is_none())
    );
    assert_eq!(audited(s, "update_unit").await, 2);
}
