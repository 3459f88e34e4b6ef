//! The roster (SPEC §16): profiles on `reporter` users only, managed by
//! admins and by board officers within their unit's areas, listed by area
//! subtree and activity, serving by day, imported all or nothing; a
//! refusal writes nothing.

use chrono::NaiveDate;
use store::StoreError;
use store::admin::{NewUnit, NewUser};
use store::collaborators::{CollaboratorFilter, CollaboratorPatch, CollaboratorRow, UserName};
use workflow::{CollaboratorInput, CollaboratorKind, Lang, Refusal, Role, UnitKind, UserId};

use crate::support::snapshot;
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_board_officer_adds_and_changes_a_profile_within_their_areas);
on_both_backends!(migrated: only_a_reporter_gets_a_profile_and_refusals_write_nothing);
on_both_backends!(migrated: the_list_filters_by_area_subtree_and_activity_and_by_scope);
on_both_backends!(migrated: serving_on_a_day_means_active_and_within_the_term);
on_both_backends!(migrated: an_import_with_a_bad_row_writes_nothing_and_names_the_line);

fn input(kind: &str, areas: &[&str], from: &str, until: Option<&str>) -> CollaboratorInput {
    CollaboratorInput {
        kind: Some(kind.into()),
        areas: areas.iter().map(|a| (*a).to_owned()).collect(),
        from: Some(from.into()),
        until: until.map(Into::into),
        active: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A board of Ba Đình only, and one of its officers.
async fn ward_officer(s: &store::Store) -> UserId {
    s.add_unit(
        NewUnit {
            code: "BTG-BADINH".into(),
            name: "Ban Tuyên giáo và Dân vận Đảng ủy phường Ba Đình".into(),
            kind: UnitKind::Board,
            area: "HN-BADINH".into(),
            serves: vec![],
            email: None,
        },
        monday(),
    )
    .await
    .unwrap();
    let id = s
        .add_user(
            NewUser {
                email: "canbo@badinh.example.vn".into(),
                name: "Cán bộ phường".into(),
                role: Role::BoardOfficer,
                unit: "BTG-BADINH".into(),
                password: None,
                lang: Lang::Vi,
            },
            monday(),
        )
        .await
        .unwrap();
    UserId(id)
}

async fn a_board_officer_adds_and_changes_a_profile_within_their_areas(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let ward = ward_officer(s).await;
    let id = s
        .create_collaborator(
            ward,
            UserName::Email("CTV.BaDinh@example.vn".into()),
            input("collaborator", &["HN-BADINH"], "01/01/2026", None),
            monday(),
        )
        .await
        .unwrap();
    assert_eq!(id, o.reporter.0);
    let seen = s.collaborator(ward, id, monday()).await.unwrap();
    assert_eq!(seen.profile.kind, CollaboratorKind::Collaborator);
    assert_eq!(seen.profile.areas, vec!["HN-BADINH"]);
    assert_eq!(seen.profile.term.until, None);
    assert!(seen.profile.active);

    // The ward's officer cannot extend it to another ward…
    let before = snapshot::tables(s).await;
    let wider = CollaboratorPatch {
        areas: Some(vec!["HN-BADINH".into(), "HN-HOANKIEM".into()]),
        ..CollaboratorPatch::default()
    };
    match s
        .update_collaborator(ward, id, wider.clone(), monday())
        .await
    {
        Err(StoreError::Refused(Refusal::AreaOutsideScope { area })) => {
            assert_eq!(area, "HN-HOANKIEM")
        }
        other => panic!("not refused: {other:?}"),
    }
    // …nor end the term before it began.
    let backwards = CollaboratorPatch {
        until: Some("2025-12-31".into()),
        ..CollaboratorPatch::default()
    };
    match s.update_collaborator(ward, id, backwards, monday()).await {
        Err(StoreError::Refused(Refusal::TermEndsBeforeStart)) => {}
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before, "refusals write nothing");

    // The city's officer can; then the ward's officer no longer manages it.
    s.update_collaborator(o.officer, id, wider, monday())
        .await
        .unwrap();
    let change = CollaboratorPatch {
        kind: Some("propagandist".into()),
        until: Some("31/12/2027".into()),
        active: Some(false),
        ..CollaboratorPatch::default()
    };
    match s
        .update_collaborator(ward, id, change.clone(), monday())
        .await
    {
        Err(StoreError::Refused(Refusal::AreaOutsideScope { area })) => {
            assert_eq!(area, "HN-HOANKIEM")
        }
        other => panic!("not refused: {other:?}"),
    }
    s.update_collaborator(o.admin, id, change, monday())
        .await
        .unwrap();
    let seen = s.collaborator(o.officer, id, monday()).await.unwrap();
    assert_eq!(seen.profile.kind, CollaboratorKind::Propagandist);
    assert_eq!(seen.profile.areas, vec!["HN-BADINH", "HN-HOANKIEM"]);
    assert_eq!(seen.profile.term.until, Some(day(2027, 12, 31)));
    assert!(!seen.profile.active);
}

async fn only_a_reporter_gets_a_profile_and_refusals_write_nothing(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let before = snapshot::tables(s).await;
    let good = || input("collaborator", &["HN-BADINH"], "2026-01-01", None);
    match s
        .create_collaborator(o.admin, UserName::Id(o.leader.0), good(), monday())
        .await
    {
        Err(StoreError::Refused(Refusal::NotAReporter { role, .. })) => {
            assert_eq!(role, Role::Leader)
        }
        other => panic!("not refused: {other:?}"),
    }
    for who in [o.reporter, o.leader, o.liaison] {
        match s
            .create_collaborator(who, UserName::Id(o.other_reporter.0), good(), monday())
            .await
        {
            Err(StoreError::Refused(Refusal::RosterNotAllowed)) => {}
            other => panic!("not refused: {other:?}"),
        }
        match s
            .collaborators(who, &CollaboratorFilter::default(), monday())
            .await
        {
            Err(StoreError::Refused(Refusal::RosterNotAllowed)) => {}
            other => panic!("a {who:?} read the roster: {other:?}"),
        }
    }
    match s
        .create_collaborator(
            o.admin,
            UserName::Email("khong-co@example.vn".into()),
            good(),
            monday(),
        )
        .await
    {
        Err(StoreError::Refused(Refusal::UnknownCode { field: "user", .. })) => {}
        other => panic!("not refused: {other:?}"),
    }
    let unknown_area = input(
        "collaborator",
        &["HN-BADINH", "HN-KHONGCO"],
        "2026-01-01",
        None,
    );
    match s
        .create_collaborator(o.admin, UserName::Id(o.reporter.0), unknown_area, monday())
        .await
    {
        Err(StoreError::Refused(Refusal::UnknownCode {
            field: "areas",
            code,
        })) => {
            assert_eq!(code, "HN-KHONGCO")
        }
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before, "refusals write nothing");
    s.create_collaborator(o.admin, UserName::Id(o.reporter.0), good(), monday())
        .await
        .unwrap();
    match s
        .create_collaborator(o.admin, UserName::Id(o.reporter.0), good(), monday())
        .await
    {
        Err(StoreError::Duplicate { field: "user", .. }) => {}
        other => panic!("a second profile: {other:?}"),
    }
}

async fn the_list_filters_by_area_subtree_and_activity_and_by_scope(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let ward = ward_officer(s).await;
    s.create_collaborator(
        o.admin,
        UserName::Id(o.reporter.0),
        input("collaborator", &["HN-BADINH"], "2026-01-01", None),
        monday(),
    )
    .await
    .unwrap();
    let resting = CollaboratorInput {
        active: Some(false),
        ..input("propagandist", &["HN-HOANKIEM"], "2026-01-01", None)
    };
    s.create_collaborator(o.admin, UserName::Id(o.other_reporter.0), resting, monday())
        .await
        .unwrap();
    let list = |by: UserId, area: Option<&str>, active: Option<bool>| {
        let filter = CollaboratorFilter {
            area: area.map(Into::into),
            active,
        };
        async move {
            s.collaborators(by, &filter, monday())
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.user_id)
                .collect::<Vec<_>>()
        }
    };
    let mut all = list(o.officer, None, None).await;
    all.sort();
    assert_eq!(all, vec![o.reporter.0, o.other_reporter.0]);
    assert_eq!(
        list(o.officer, Some("HN"), Some(true)).await,
        vec![o.reporter.0]
    );
    assert_eq!(
        list(o.admin, Some("HN-HOANKIEM"), None).await,
        vec![o.other_reporter.0]
    );
    assert_eq!(
        list(o.officer, None, Some(false)).await,
        vec![o.other_reporter.0]
    );
    // The ward's officer sees the ward's collaborator only…
    assert_eq!(list(ward, None, None).await, vec![o.reporter.0]);
    // …and another ward's profile is not found for them.
    match s.collaborator(ward, o.other_reporter.0, monday()).await {
        Err(StoreError::NotFound { .. }) => {}
        other => panic!("read: {other:?}"),
    }
    match s
        .update_collaborator(
            ward,
            o.other_reporter.0,
            CollaboratorPatch {
                active: Some(true),
                ..CollaboratorPatch::default()
            },
            monday(),
        )
        .await
    {
        Err(StoreError::NotFound { .. }) => {}
        other => panic!("changed: {other:?}"),
    }
}

async fn serving_on_a_day_means_active_and_within_the_term(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    s.create_collaborator(
        o.admin,
        UserName::Id(o.reporter.0),
        input(
            "collaborator",
            &["HN-BADINH"],
            "2026-01-01",
            Some("2026-06-30"),
        ),
        monday(),
    )
    .await
    .unwrap();
    let resting = CollaboratorInput {
        active: Some(false),
        ..input("collaborator", &["HN-HOANKIEM"], "2026-01-01", None)
    };
    s.create_collaborator(o.admin, UserName::Id(o.other_reporter.0), resting, monday())
        .await
        .unwrap();
    let serving = |d: NaiveDate| async move {
        s.serving_collaborators(d)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.user_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(serving(day(2025, 12, 31)).await, Vec::<i64>::new());
    assert_eq!(serving(day(2026, 1, 1)).await, vec![o.reporter.0]);
    assert_eq!(serving(day(2026, 6, 30)).await, vec![o.reporter.0]);
    assert_eq!(serving(day(2026, 7, 1)).await, Vec::<i64>::new());
    let profile = s.collaborator_profile(o.reporter.0).await.unwrap().unwrap();
    assert_eq!(profile.email, "ctv.badinh@example.vn");
    assert!(s.collaborator_profile(o.leader.0).await.unwrap().is_none());
}

async fn an_import_with_a_bad_row_writes_nothing_and_names_the_line(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let row = |line, email: &str, areas: &[&str]| CollaboratorRow {
        line,
        email: email.into(),
        input: input("collaborator", areas, "2026-01-01", None),
    };
    let before = snapshot::tables(s).await;
    let bad = vec![
        row(2, "ctv.badinh@example.vn", &["HN-BADINH"]),
        row(3, "lanhdao@thanhuy.example.vn", &["HN-HOANKIEM"]),
    ];
    match s.import_collaborators(bad, monday()).await {
        Err(StoreError::BadRow { line: 3, error }) => {
            assert!(matches!(
                *error,
                StoreError::Refused(Refusal::NotAReporter { .. })
            ))
        }
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before, "nothing was imported");
    let good = vec![
        row(2, "ctv.badinh@example.vn", &["HN-BADINH"]),
        row(3, "ctv.hoankiem@example.vn", &["HN-HOANKIEM"]),
    ];
    assert_eq!(s.import_collaborators(good, monday()).await.unwrap(), 2);
    let all = s
        .collaborators(o.admin, &CollaboratorFilter::default(), monday())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}
