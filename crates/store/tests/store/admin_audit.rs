//! Every administrator's change writes its audit row in the change's own
//! transaction: a refused change writes nothing (no audit row either), an
//! accepted one exactly one row, and a change whose audit row cannot be
//! written is not kept.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use store::admin::{NewArea, NewProgramme, NewUnit, NewUser};
use store::directory::{NewCategory, UserChange};
use store::entities::{area, audit_log, programme, unit, user};
use store::schedules::{NewSchedule, ScheduleChange};
use store::{Store, StoreError};
use workflow::{Calendar, DueRule, DutyReminderPolicy, Lang, Role, UnitKind};

use crate::support::snapshot;
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn audited(s: &Store, action: &str) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .count(s.connection())
        .await
        .unwrap()
}

fn new_area(code: &str, parent: &str) -> NewArea {
    NewArea {
        code: code.into(),
        name: "Xã Mới".into(),
        parent: Some(parent.into()),
    }
}

fn new_unit(code: &str, area: &str) -> NewUnit {
    NewUnit {
        code: code.into(),
        name: "Công an phường".into(),
        kind: UnitKind::PeopleCommittee,
        area: area.into(),
        serves: vec![],
        email: None,
    }
}

fn new_user(email: &str, unit: &str) -> NewUser {
    NewUser {
        email: email.into(),
        name: "Cán bộ mới".into(),
        role: Role::BoardOfficer,
        unit: unit.into(),
        password: None,
        lang: Lang::Vi,
    }
}

fn new_programme(parties: &[&str]) -> NewProgramme {
    NewProgramme {
        year_from: 2027,
        year_to: 2027,
        area: "HN".into(),
        parties: parties.iter().map(|p| (*p).to_owned()).collect(),
        title: None,
        items: Vec::new(),
        number: None,
        signed_on: None,
    }
}

fn new_category(code: &str) -> NewCategory {
    NewCategory {
        code: code.into(),
        name_vi: "Ngập úng".into(),
        name_en: "Flooding".into(),
    }
}

async fn a_refused_change_writes_no_audit_row(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let (admin, now) = (o.admin, Utc::now());
    let before = snapshot::tables(s).await;
    let refusals: Vec<(&str, Result<(), StoreError>)> = vec![
        (
            "area under an unknown parent",
            s.create_area(admin, new_area("HN-X", "KHONG-CO"), now)
                .await
                .map(drop),
        ),
        (
            "area with a taken code",
            s.create_area(admin, new_area("HN", "HN"), now)
                .await
                .map(drop),
        ),
        (
            "unit with a taken code",
            s.create_unit(admin, new_unit("BTG-HN", "HN"), now)
                .await
                .map(drop),
        ),
        (
            "user of an unknown unit",
            s.create_user(admin, new_user("moi@example.vn", "KHONG-CO"), now)
                .await
                .map(drop),
        ),
        (
            "programme with an unknown party",
            s.create_programme(
                admin,
                new_programme(&["BTG-HN", "KHONG-CO"]),
                DueRule::default(),
                &DutyReminderPolicy::default(),
                &Calendar::vietnam_default(),
                now,
            )
            .await
            .map(drop),
        ),
        (
            "area by a non-administrator",
            s.create_area(o.officer, new_area("HN-Y", "HN"), now)
                .await
                .map(drop),
        ),
        (
            "user changed to an unknown unit",
            s.update_user(
                admin,
                o.liaison.0,
                UserChange {
                    unit: Some("KHONG-CO".into()),
                    ..UserChange::default()
                },
                now,
            )
            .await,
        ),
        (
            "category with a blank name",
            s.create_category(
                admin,
                NewCategory {
                    name_vi: " ".into(),
                    ..new_category("flooding")
                },
                now,
            )
            .await,
        ),
        (
            "schedule of an unknown programme",
            s.update_schedule(admin, 999_999, ScheduleChange::default(), now)
                .await
                .map(drop),
        ),
    ];
    for (what, result) in refusals {
        assert!(result.is_err(), "{what}: accepted");
    }
    assert_eq!(snapshot::tables(s).await, before);
}
on_both_backends!(migrated: a_refused_change_writes_no_audit_row);

async fn an_accepted_change_writes_exactly_one_audit_row(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let (admin, now) = (o.admin, Utc::now());
    let total = || async {
        audit_log::Entity::find()
            .count(s.connection())
            .await
            .unwrap()
    };
    let start = total().await;

    s.create_area(admin, new_area("HN-X", "HN"), now)
        .await
        .unwrap();
    s.create_unit(admin, new_unit("CA-X", "HN-X"), now)
        .await
        .unwrap();
    let id = s
        .create_user(admin, new_user("moi@example.vn", "CA-X"), now)
        .await
        .unwrap();
    s.update_user(
        admin,
        id,
        UserChange {
            disabled: Some(true),
            ..UserChange::default()
        },
        now,
    )
    .await
    .unwrap();
    s.create_category(admin, new_category("flooding"), now)
        .await
        .unwrap();
    let created = s
        .create_programme(
            admin,
            new_programme(&["BTG-HN", "UBND-HN"]),
            DueRule::default(),
            &DutyReminderPolicy::default(),
            &Calendar::vietnam_default(),
            now,
        )
        .await
        .unwrap();
    s.create_schedule(
        admin,
        created.id,
        NewSchedule {
            provider: "UBND-HN".into(),
            recipient: "BTG-HN".into(),
            cadence: Some(workflow::Cadence::Monthly),
            ..NewSchedule::default()
        },
        DueRule::default(),
        &DutyReminderPolicy::default(),
        &Calendar::vietnam_default(),
        now,
    )
    .await
    .unwrap();

    for action in [
        "add_area",
        "add_unit",
        "add_user",
        "update_user",
        "add_category",
        "add_programme",
        "add_schedule",
    ] {
        assert_eq!(audited(s, action).await, 1, "{action}");
    }
    assert_eq!(total().await, start + 7);
    let row = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("add_unit"))
        .one(s.connection())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.actor_user_id, Some(admin.0));
    assert!(row.detail.contains("CA-X"), "{}", row.detail);
    // The command line (no administrator) writes no audit row.
    s.add_area(new_area("HN-Z", "HN"), monday()).await.unwrap();
    assert_eq!(audited(s, "add_area").await, 1);
}
on_both_backends!(migrated: an_accepted_change_writes_exactly_one_audit_row);

/// Renames the audit table so that writing an audit row fails.
async fn break_the_audit_log(s: &Store) {
    s.connection()
        .execute_unprepared("ALTER TABLE audit_log RENAME TO audit_log_away")
        .await
        .unwrap();
}

async fn a_change_whose_audit_row_fails_is_not_kept(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let (admin, now) = (o.admin, Utc::now());
    break_the_audit_log(s).await;
    let conn = s.connection();

    assert!(
        s.create_area(admin, new_area("HN-X", "HN"), now)
            .await
            .is_err()
    );
    let areas = area::Entity::find().filter(area::Column::Code.eq("HN-X"));
    assert_eq!(areas.count(conn).await.unwrap(), 0);

    assert!(
        s.create_unit(admin, new_unit("CA-X", "HN"), now)
            .await
            .is_err()
    );
    let units = unit::Entity::find().filter(unit::Column::Code.eq("CA-X"));
    assert_eq!(units.count(conn).await.unwrap(), 0);

    let added = s
        .create_user(admin, new_user("moi@example.vn", "BTG-HN"), now)
        .await;
    assert!(added.is_err());
    let users = user::Entity::find().filter(user::Column::Email.eq("moi@example.vn"));
    assert_eq!(users.count(conn).await.unwrap(), 0);

    let before = programme::Entity::find().count(conn).await.unwrap();
    let created = s
        .create_programme(
            admin,
            new_programme(&["BTG-HN", "UBND-HN"]),
            DueRule::default(),
            &DutyReminderPolicy::default(),
            &Calendar::vietnam_default(),
            now,
        )
        .await;
    assert!(created.is_err());
    assert_eq!(programme::Entity::find().count(conn).await.unwrap(), before);
}
on_both_backends!(migrated: a_change_whose_audit_row_fails_is_not_kept);
