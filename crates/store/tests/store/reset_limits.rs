//! "Forgot password" limited per e-mail address and per client address
//! (SPEC §9), counted in the database (§8): a refusal is the same for an
//! address with or without an account, counts nothing and sends nothing,
//! and concurrent requests cannot slip past the limit.

use chrono::{DateTime, TimeDelta, Utc};
use store::{Store, StoreError};
use workflow::{RequestLimit, ResetRequestLimits};

use crate::passwords::{audited, reset_rows};
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_refusal_is_the_same_for_every_address_and_writes_nothing);
on_both_backends!(migrated: a_client_is_limited_across_addresses);
on_both_backends!(migrated: concurrent_requests_do_not_pass_the_limit);

fn limits() -> ResetRequestLimits {
    let hour = TimeDelta::hours(1);
    ResetRequestLimits {
        per_address: RequestLimit {
            max: 2,
            length: hour,
        },
        per_client: RequestLimit {
            max: 5,
            length: hour,
        },
    }
}

async fn ask(s: &Store, email: &str, client: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    s.request_password_reset(email, client, &limits(), at).await
}

fn waited(result: Result<(), StoreError>) -> i64 {
    match result {
        Err(StoreError::TooManyResetRequests { retry_after_secs }) => retry_after_secs,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn a_refusal_is_the_same_for_every_address_and_writes_nothing(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    let later = monday() + TimeDelta::minutes(10);

    // From several clients: the address's own limit holds.
    ask(s, "canbo@btg.example.vn", "198.51.100.1", monday())
        .await
        .unwrap();
    ask(s, "CanBo@BTG.example.vn", "198.51.100.2", monday())
        .await
        .unwrap();
    let known = ask(s, "canbo@btg.example.vn", "198.51.100.3", later).await;
    ask(s, "khong-co@example.vn", "198.51.100.4", monday())
        .await
        .unwrap();
    ask(s, "khong-co@example.vn", "198.51.100.5", monday())
        .await
        .unwrap();
    let unknown = ask(s, "khong-co@example.vn", "198.51.100.6", later).await;
    assert_eq!(waited(known), 50 * 60);
    assert_eq!(waited(unknown), 50 * 60, "the same as for an account");

    let (links, mails) = reset_rows(s).await;
    assert_eq!((links.len(), mails.len()), (2, 2), "refusals send nothing");
    assert_eq!(audited(s, "password_reset_requested").await, 2);
    assert_eq!(audited(s, "password_reset_throttled").await, 2);

    // A new window after the hour.
    let next = monday() + TimeDelta::hours(1);
    ask(s, "canbo@btg.example.vn", "198.51.100.3", next)
        .await
        .unwrap();
    assert_eq!(reset_rows(s).await.0.len(), 3);
}

async fn a_client_is_limited_across_addresses(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    let client = "203.0.113.9";
    for i in 1..=5 {
        ask(s, &format!("ai-{i}@example.vn"), client, monday())
            .await
            .unwrap();
    }
    waited(ask(s, "ai-6@example.vn", client, monday()).await);
    // The refused request counted for no one: its address still has both
    // of its requests.
    for _ in 0..2 {
        ask(s, "ai-6@example.vn", "203.0.113.10", monday())
            .await
            .unwrap();
    }
    waited(ask(s, "ai-6@example.vn", "203.0.113.11", monday()).await);
}

async fn concurrent_requests_do_not_pass_the_limit(db: TestDb) {
    let s = db.store().clone();
    org::build(&s).await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            let client = format!("192.0.2.{i}");
            ask(&s, "canbo@btg.example.vn", &client, monday()).await
        }));
    }
    let mut served = 0;
    for task in tasks {
        match task.await.expect("task") {
            Ok(()) => served += 1,
            Err(StoreError::TooManyResetRequests { .. }) => {}
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(served, 2);
    assert_eq!(reset_rows(&s).await.1.len(), 2);
}
