//! The open cases of the leader's dashboard: every case not closed,
//! dismissed or merged, whenever it was filed, counted as the report
//! counts, for what each reader may open.

use store::StoreError;
use store::reports::{Count, OpenCases, Reader};
use workflow::{Calendar, CaseState, Lang, Refusal};

use crate::reports::{fixture, report_day};
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: the_open_cases_are_counted_for_what_each_reader_may_open);

async fn open(db: &TestDb, reader: Reader, area: Option<&str>) -> Result<OpenCases, StoreError> {
    db.store()
        .open_cases(
            reader,
            area,
            report_day(),
            &Calendar::vietnam_default(),
            Lang::Vi,
        )
        .await
}

fn counts(list: &[Count]) -> Vec<(&str, u64)> {
    list.iter()
        .filter(|c| c.count > 0)
        .map(|c| (c.code.as_str(), c.count))
        .collect()
}

async fn the_open_cases_are_counted_for_what_each_reader_may_open(db: TestDb) {
    let o = fixture(&db).await;
    // Open: A (resolved), B (responded), C and F (assigned), E and G
    // (reported; G filed in 2025 still counts). D was dismissed.
    let r = open(&db, Reader::User(o.leader), None).await.unwrap();
    assert_eq!(r.total, 6);
    assert_eq!(
        counts(&r.by_state),
        [
            ("reported", 2),
            ("assigned", 2),
            ("responded", 1),
            ("resolved", 1)
        ]
    );
    let open_states: Vec<&str> = CaseState::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.code())
        .collect();
    let shown: Vec<&str> = r.by_state.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(shown, open_states, "every open state, none other");
    assert_eq!(r.by_state[0].label, "Mới tiếp nhận");
    assert_eq!(counts(&r.by_category), [("land", 5), ("environment", 1)]);
    assert_eq!(counts(&r.by_area), [("HN-BADINH", 5), ("HN-HOANKIEM", 1)]);
    let units: Vec<(&str, u64, u64, u64)> = r
        .overdue_by_lead_unit
        .iter()
        .map(|u| {
            (
                u.unit.as_str(),
                u.cases,
                u.answer_overdue,
                u.resolution_overdue,
            )
        })
        .collect();
    assert_eq!(
        units,
        [("UBND-BADINH", 3, 1, 2), ("UBND-HOANKIEM", 1, 1, 1)]
    );

    // One area; an administrator, who never opens the sensitive F.
    let hk = open(&db, Reader::User(o.leader), Some("HN-HOANKIEM"))
        .await
        .unwrap();
    assert_eq!(
        (hk.total, counts(&hk.by_area)),
        (1, vec![("HN-HOANKIEM", 1)])
    );
    let admin = open(&db, Reader::User(o.admin), None).await.unwrap();
    assert_eq!(admin.total, 5);
    assert_eq!(counts(&admin.by_area), [("HN-BADINH", 5)]);
    assert_eq!(open(&db, Reader::Operator, None).await.unwrap(), r);

    for who in [o.reporter, o.liaison] {
        let refused = open(&db, Reader::User(who), None).await;
        assert!(
            matches!(
                refused,
                Err(StoreError::Refused(Refusal::ReportsNotAllowed))
            ),
            "{refused:?}"
        );
    }
}
