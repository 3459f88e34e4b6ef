//! The list's visibility, decided in SQL from `workflow::visibility`, is
//! the rule of `workflow::can_view` that decides a single case: for every
//! user, the list holds exactly the cases they may open.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use store::{CaseFilter, FileRequest, Store};
use workflow::UserId;

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

fn in_area(title: &str, area: &str) -> FileRequest {
    FileRequest {
        area: area.to_owned(),
        ..report(title)
    }
}

async fn accept(s: &Store, officer: UserId, code: &str, input: Value) {
    let mut input = input;
    input["action"] = "accept".into();
    s.act(officer, code, 1, action(input), monday(), &policy())
        .await
        .expect("accept");
}

async fn every_user_lists_exactly_the_cases_they_may_open(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let mut codes = Vec::new();
    for (user, title, area) in [
        (o.reporter, "Sạt lở", "HN-BADINH"),
        (o.reporter, "Tố cáo cán bộ phường", "HN-BADINH"),
        (o.other_reporter, "Ngập úng", "HN-HOANKIEM"),
        (o.other_reporter, "Khiếu nại đông người", "HN-HOANKIEM"),
        (o.officer, "Tin sai sự thật", "HN"),
        (o.officer, "Xét xử vụ án lớn", "HN-BADINH"),
    ] {
        let case = s
            .file_case(user, in_area(title, area), monday(), p)
            .await
            .expect("file");
        codes.push((case.code, area));
    }
    accept(
        s,
        o.officer,
        &codes[1].0,
        json!({"sensitivity": "sensitive", "priority": "high", "lead_unit": "UBND-BADINH"}),
    )
    .await;
    accept(s, o.officer, &codes[3].0, json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HOANKIEM", "coordinating_units": ["TAND-KV1"]})).await;
    accept(
        s,
        o.officer,
        &codes[4].0,
        json!({"sensitivity": "complex", "priority": "normal", "lead_unit": "UBND-HN"}),
    )
    .await;
    accept(s, o.officer, &codes[5].0, json!({"sensitivity": "sensitive", "priority": "normal", "lead_unit": "UBND-HN", "coordinating_units": ["TAND-KV1"]})).await;

    let users = [
        o.reporter,
        o.other_reporter,
        o.officer,
        o.liaison,
        o.court,
        o.leader,
        o.admin,
    ];
    // An `area` filter narrows the list to the cases of that subtree, whether
    // it lies inside the user's areas, holds them, or overlaps them.
    let subtrees = [
        (None, &["HN", "HN-BADINH", "HN-HOANKIEM"][..]),
        (Some("HN"), &["HN", "HN-BADINH", "HN-HOANKIEM"][..]),
        (Some("HN-BADINH"), &["HN-BADINH"][..]),
        (Some("HN-HOANKIEM"), &["HN-HOANKIEM"][..]),
    ];
    for user in users {
        let mut openable = Vec::new();
        for (code, area) in &codes {
            if s.get_case(user, code, monday()).await.is_ok() {
                openable.push((code.clone(), *area));
            }
        }
        for (area, holds) in subtrees {
            let filter = CaseFilter {
                area: area.map(str::to_owned),
                limit: 100,
                ..CaseFilter::default()
            };
            let listed: BTreeSet<String> = s
                .list_cases(user, &filter, monday())
                .await
                .expect("list")
                .cases
                .into_iter()
                .map(|c| c.code)
                .collect();
            let expected: BTreeSet<String> = openable
                .iter()
                .filter(|(_, at)| holds.contains(at))
                .map(|(code, _)| code.clone())
                .collect();
            assert_eq!(listed, expected, "user {user:?}, area {area:?}");
        }
    }
    // The fixture does tell the users apart: not everyone sees everything.
    let seen = |user| async move {
        s.list_cases(
            user,
            &CaseFilter {
                limit: 100,
                ..CaseFilter::default()
            },
            monday(),
        )
        .await
        .unwrap()
        .cases
        .len()
    };
    assert_eq!(seen(o.officer).await, 6);
    assert!(seen(o.other_reporter).await < 6);
    assert!(seen(o.admin).await < 6);
}

on_both_backends!(migrated: every_user_lists_exactly_the_cases_they_may_open);
