//! Areas, units, users, tokens, programmes.

use store::StoreError;
use store::admin::{NewArea, NewProgramme};

use crate::support::snapshot;
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn area_import_is_all_or_nothing(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    let before = snapshot::tables(s).await;
    let rows = vec![
        NewArea {
            code: "HN-X1".into(),
            name: "Xã Một".into(),
            parent: Some("HN".into()),
        },
        NewArea {
            code: "HN-X2".into(),
            name: "Xã Hai".into(),
            parent: Some("HN-X1".into()),
        },
        NewArea {
            code: "HN-X3".into(),
            name: "Xã Ba".into(),
            parent: Some("KHONG-CO".into()),
        },
    ];
    match s.import_areas(rows, monday()).await {
        Err(StoreError::BadRow { line, error }) => {
            assert_eq!(line, 4);
            let message = error.to_string();
            assert!(message.contains("KHONG-CO"), "{message}");
        }
        other => panic!("expected a bad row, got {other:?}"),
    }
    assert_eq!(snapshot::tables(s).await, before);
}
on_both_backends!(migrated: area_import_is_all_or_nothing);

async fn duplicate_codes_and_emails_are_refused(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    let dup = s
        .add_area(
            NewArea {
                code: "HN".into(),
                name: "Lặp".into(),
                parent: None,
            },
            monday(),
        )
        .await;
    assert!(
        matches!(dup, Err(StoreError::Duplicate { field: "code", .. })),
        "{dup:?}"
    );
}
on_both_backends!(migrated: duplicate_codes_and_emails_are_refused);

async fn a_programme_creates_a_schedule_per_state_body(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    let created = s
        .add_programme(
            NewProgramme {
                year_from: 2026,
                year_to: 2030,
                area: "HN".into(),
                parties: vec![
                    "BTG-HN".into(),
                    "UBND-HN".into(),
                    "TAND-KV1".into(),
                    "MTTQ-BADINH".into(),
                ],
                title: None,
                items: Vec::new(),
                number: None,
                signed_on: None,
            },
            monday(),
        )
        .await
        .expect("programme");
    assert_eq!(
        created.schedules,
        vec![
            ("UBND-HN".to_owned(), "BTG-HN".to_owned()),
            ("TAND-KV1".to_owned(), "BTG-HN".to_owned())
        ]
    );
    let before = snapshot::tables(s).await;
    let no_board = s
        .add_programme(
            NewProgramme {
                year_from: 2026,
                year_to: 2026,
                area: "HN".into(),
                parties: vec!["UBND-HN".into()],
                title: None,
                items: Vec::new(),
                number: None,
                signed_on: None,
            },
            monday(),
        )
        .await;
    assert!(
        matches!(no_board, Err(StoreError::Refused(_))),
        "{no_board:?}"
    );
    assert_eq!(snapshot::tables(s).await, before);
}
on_both_backends!(migrated: a_programme_creates_a_schedule_per_state_body);
