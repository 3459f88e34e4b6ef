//! Filings committed together (the group commit, on both backends): every
//! filing gets its own answer, a failing one takes nothing of the others
//! with it, and idempotency keys hold inside a batch and across batches.
//! How a test puts them into one batch: `support::batches`.

use std::collections::BTreeSet;
use std::sync::Arc;

use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait};
use store::idempotency::{CaseAnswer, CaseOnce};
use store::{FileRequest, Store, StoreError};
use tokio::task::JoinHandle;
use workflow::{Refusal, UserId};

use crate::support::batches::{hold_write_lock, let_them_queue};
use testkit::case::{monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

fn spawn_filing(
    s: &Store,
    user: UserId,
    request: FileRequest,
) -> JoinHandle<Result<workflow::Case, StoreError>> {
    let s = s.clone();
    tokio::spawn(async move { s.file_case(user, request, monday(), &policy()).await })
}

async fn cases_stored(s: &Store) -> u64 {
    store::entities::case::Entity::find()
        .count(s.connection())
        .await
        .expect("count")
}

async fn fifty_filings_in_batches_all_exist_with_distinct_codes(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let lock = hold_write_lock(&s).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let who = if i % 2 == 0 { o.reporter } else { o.officer };
        tasks.push(spawn_filing(&s, who, report(&format!("Phản ánh số {i}"))));
    }
    let_them_queue().await;
    lock.commit().await.expect("release");
    let mut filed = Vec::new();
    for t in tasks {
        filed.push(t.await.expect("task").expect("filing"));
    }
    let codes: BTreeSet<String> = filed.iter().map(|c| c.code.clone()).collect();
    assert_eq!(codes.len(), 50);
    assert_eq!(codes.first().map(String::as_str), Some("HN-2026-000001"));
    assert_eq!(codes.last().map(String::as_str), Some("HN-2026-000050"));
    assert_eq!(cases_stored(&s).await, 50);
    for case in &filed {
        let stored = s.get_case(o.officer, &case.code, monday()).await.unwrap();
        assert_eq!((stored.id, &stored.title), (case.id, &case.title));
        let events = s
            .case_events(o.officer, &case.code, monday())
            .await
            .unwrap();
        assert_eq!(events.len(), 1, "{}", case.code);
    }
}
on_both_backends!(migrated: fifty_filings_in_batches_all_exist_with_distinct_codes);

/// Makes the insert of a case titled `title` fail inside the database,
/// after its code was counted: only a rolled-back savepoint (SQLite) or
/// transaction (PostgreSQL) gives the number back.
async fn fail_inserts_titled(s: &Store, title: &str) {
    let db = s.connection();
    match s.backend() {
        DbBackend::Sqlite => db
            .execute_unprepared(&format!(
                "CREATE TRIGGER fail_title BEFORE INSERT ON cases \
                 WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, 'hỏng'); END"
            ))
            .await
            .map(|_| ()),
        _ => db
            .execute_unprepared(&format!(
                "CREATE FUNCTION fail_title() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN IF NEW.title = '{title}' THEN RAISE EXCEPTION 'hỏng'; END IF; \
                 RETURN NEW; END $$; \
                 CREATE TRIGGER fail_title BEFORE INSERT ON cases \
                 FOR EACH ROW EXECUTE FUNCTION fail_title()"
            ))
            .await
            .map(|_| ()),
    }
    .expect("trigger");
}

async fn a_refused_or_failing_filing_in_a_batch_fails_alone(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    fail_inserts_titled(&s, "Hỏng giữa chừng").await;
    let lock = hold_write_lock(&s).await;
    let mut tasks = Vec::new();
    for i in 0..10 {
        let mut request = report(&format!("Phản ánh số {i}"));
        match i {
            3 => request.category = "no-such-category".into(),
            6 => request.title = "Hỏng giữa chừng".into(),
            _ => {}
        }
        tasks.push(spawn_filing(&s, o.reporter, request));
    }
    let_them_queue().await;
    lock.commit().await.expect("release");
    let mut codes = BTreeSet::new();
    for (i, t) in tasks.into_iter().enumerate() {
        let result = t.await.expect("task");
        match i {
            3 => assert!(
                matches!(
                    &result,
                    Err(StoreError::Refused(Refusal::UnknownCode {
                        field: "category",
                        ..
                    }))
                ),
                "{result:?}"
            ),
            6 => assert!(matches!(&result, Err(StoreError::Db(_))), "{result:?}"),
            _ => {
                codes.insert(result.expect("filing").code);
            }
        }
    }
    // The eight others are stored, numbered without a gap: the failing
    // one's code went back with its savepoint.
    let expected: BTreeSet<String> = (1..=8).map(|n| format!("HN-2026-{n:06}")).collect();
    assert_eq!(codes, expected);
    assert_eq!(cases_stored(&s).await, 8);
    let next = s
        .file_case(o.reporter, report("Phản ánh sau"), monday(), &policy())
        .await
        .unwrap();
    assert_eq!(next.code, "HN-2026-000009");
}
on_both_backends!(migrated: a_refused_or_failing_filing_in_a_batch_fails_alone);

/// Files `request` with `key`; the replayed body is the case's code.
fn spawn_keyed(
    s: &Store,
    user: UserId,
    key: &'static str,
    request: FileRequest,
) -> JoinHandle<Result<CaseAnswer, StoreError>> {
    let s = s.clone();
    tokio::spawn(async move {
        let hash = format!("{}|{}", request.title, request.category);
        let once = CaseOnce {
            key,
            request_hash: &hash,
            status: 201,
            render: Arc::new(|_: &workflow::Actor, case: &workflow::Case| case.code.clone()),
        };
        s.file_case_once(user, request, monday(), &policy(), Some(&once))
            .await
    })
}

async fn a_key_replays_within_a_batch_and_across_batches(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let lock = hold_write_lock(&s).await;
    let mut tasks = Vec::new();
    for _ in 0..4 {
        tasks.push(spawn_keyed(&s, o.reporter, "k-1", report("Ô nhiễm kênh")));
    }
    // Another user's "k-1" is another key.
    tasks.push(spawn_keyed(&s, o.officer, "k-1", report("Ô nhiễm kênh")));
    let_them_queue().await;
    lock.commit().await.expect("release");
    let officers = tasks.pop().expect("the officer's filing");
    assert!(matches!(
        officers.await.expect("task"),
        Ok(CaseAnswer::Done { .. })
    ));
    let (mut done, mut replays) = (Vec::new(), Vec::new());
    for t in tasks {
        match t.await.expect("task").expect("answer") {
            CaseAnswer::Done { case, .. } => done.push(case.code),
            CaseAnswer::Replay { status, body } => replays.push((status, body)),
        }
    }
    assert_eq!(done.len(), 1, "filed once: {done:?} {replays:?}");
    assert_eq!(replays, vec![(201, done[0].clone()); 3]);
    assert_eq!(cases_stored(&s).await, 2);

    // Across batches: the same request replays, another one is refused,
    // and a refused request (unknown category) under a used key still
    // hears what the key answered.
    let again = spawn_keyed(&s, o.reporter, "k-1", report("Ô nhiễm kênh"))
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(&again, CaseAnswer::Replay { status: 201, body } if *body == done[0]),
        "{again:?}"
    );
    let other = spawn_keyed(&s, o.reporter, "k-1", report("Ô nhiễm kênh khác"))
        .await
        .unwrap();
    assert!(matches!(other, Err(StoreError::KeyReused)), "{other:?}");
    let mut refused = report("Ô nhiễm kênh khác");
    refused.category = "no-such-category".into();
    let refused = spawn_keyed(&s, o.reporter, "k-1", refused).await.unwrap();
    assert!(matches!(refused, Err(StoreError::KeyReused)), "{refused:?}");
    assert_eq!(cases_stored(&s).await, 2);
}
on_both_backends!(migrated: a_key_replays_within_a_batch_and_across_batches);

async fn filings_with_and_without_keys_share_a_batch_and_its_numbering(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let lock = hold_write_lock(&s).await;
    let mut plain = Vec::new();
    let mut keyed = Vec::new();
    for i in 0..6 {
        plain.push(spawn_filing(
            &s,
            o.reporter,
            report(&format!("Phản ánh số {i}")),
        ));
        if i % 3 == 0 {
            keyed.push(spawn_keyed(&s, o.reporter, "k-2", report("Ô nhiễm kênh")));
        }
    }
    let_them_queue().await;
    lock.commit().await.expect("release");
    let mut codes = BTreeSet::new();
    for t in plain {
        let case = t.await.expect("task").expect("filing");
        let stored = s.get_case(o.officer, &case.code, monday()).await.unwrap();
        assert_eq!((stored.id, &stored.title), (case.id, &case.title));
        codes.insert(case.code);
    }
    let mut replays = 0;
    for t in keyed {
        match t.await.expect("task").expect("answer") {
            CaseAnswer::Done { case, .. } => assert!(codes.insert(case.code)),
            CaseAnswer::Replay { .. } => replays += 1,
        }
    }
    assert_eq!(replays, 1);
    let expected: BTreeSet<String> = (1..=7).map(|n| format!("HN-2026-{n:06}")).collect();
    assert_eq!(codes, expected);
    assert_eq!(cases_stored(&s).await, 7);
}
on_both_backends!(migrated: filings_with_and_without_keys_share_a_batch_and_its_numbering);

async fn closing_commits_the_queued_filings_first(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let lock = hold_write_lock(&s).await;
    let tasks: Vec<_> = (0..5)
        .map(|i| spawn_filing(&s, o.reporter, report(&format!("Phản ánh số {i}"))))
        .collect();
    let_them_queue().await;
    let closing = {
        let s = s.clone();
        tokio::spawn(async move { s.close().await })
    };
    lock.commit().await.expect("release");
    closing.await.expect("closed");
    for t in tasks {
        t.await.expect("task").expect("filed before closing");
    }
    assert_eq!(cases_stored(&s).await, 5);
    let after = s
        .file_case(o.reporter, report("Phản ánh muộn"), monday(), &policy())
        .await;
    // The writer has stopped, on both backends: nothing is written.
    assert!(matches!(after, Err(StoreError::Io(_))), "{after:?}");
    assert_eq!(cases_stored(&s).await, 5);
}
on_both_backends!(migrated: closing_commits_the_queued_filings_first);
