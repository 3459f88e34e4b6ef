//! Concurrent writers: codes never collide, and of two actions on one
//! version exactly one wins.

use std::collections::BTreeSet;

use serde_json::json;

use crate::support::races::winners;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn fifty_concurrent_filings_get_fifty_codes(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let s = s.clone();
        let who = if i % 2 == 0 { o.reporter } else { o.officer };
        tasks.push(tokio::spawn(async move {
            s.file_case(
                who,
                report(&format!("Phản ánh số {i}")),
                monday(),
                &policy(),
            )
            .await
        }));
    }
    let mut codes = BTreeSet::new();
    for t in tasks {
        codes.insert(t.await.expect("task").expect("filing").code);
    }
    assert_eq!(codes.len(), 50);
    assert_eq!(codes.first().map(String::as_str), Some("HN-2026-000001"));
    assert_eq!(codes.last().map(String::as_str), Some("HN-2026-000050"));
}
on_both_backends!(migrated: fifty_concurrent_filings_get_fifty_codes);

async fn of_two_actions_on_one_version_one_wins(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let c = s
        .file_case(
            o.reporter,
            report("Tranh chấp đất đai"),
            monday(),
            &policy(),
        )
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (s, code) = (s.clone(), c.code.clone());
        tasks.push(tokio::spawn(async move {
            s.act(
                o.officer,
                &code,
                1,
                action(json!({"action": "dismiss", "reason": format!("Lý do {i}")})),
                monday(),
                &policy(),
            )
            .await
        }));
    }
    assert_eq!(winners(tasks).await, 1);
    let events = s.case_events(o.officer, &c.code, monday()).await.unwrap();
    assert_eq!(events.len(), 2);
}
on_both_backends!(migrated: of_two_actions_on_one_version_one_wins);
