//! Actions committed together (SQLite's group commit; PostgreSQL runs each
//! in its own transaction and must answer the same): of actions on one
//! version exactly one wins even inside a batch (where the cases are read
//! once for all its actions), a refused action fails alone and so does one
//! that fails after its case was updated (written without a savepoint on
//! SQLite: the batch is written again, each job in its own) or whose
//! update finds its case changed, keyed twins
//! are carried out once, and filings and actions share a batch. How a test
//! puts them into one batch: `support::batches`.

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait};
use serde_json::json;
use store::idempotency::{CaseAnswer, CaseOnce};
use store::{ActionInput, Store, StoreError};
use tokio::task::JoinHandle;
use workflow::{Case, CaseState as State, Refusal, UserId};

use crate::support::batches::{hold_write_lock, let_them_queue};
use crate::support::races::winners;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

fn accept() -> ActionInput {
    action(json!({"action": "accept", "sensitivity": "normal",
        "priority": "normal", "lead_unit": "UBND-BADINH"}))
}

fn spawn_action(
    s: &Store,
    user: UserId,
    code: &str,
    version: i64,
    input: ActionInput,
) -> JoinHandle<Result<Case, StoreError>> {
    let (s, code) = (s.clone(), code.to_owned());
    tokio::spawn(async move {
        s.act(user, &code, version, input, monday(), &policy())
            .await
    })
}

/// `accept` of `code` at version 1 under `key`; the replayed body is the
/// case's version after the action.
fn spawn_keyed_accept(
    s: &Store,
    user: UserId,
    code: &str,
    key: &'static str,
) -> JoinHandle<Result<CaseAnswer, StoreError>> {
    let (s, code) = (s.clone(), code.to_owned());
    tokio::spawn(async move {
        let once = CaseOnce {
            key,
            request_hash: &code,
            status: 200,
            render: Arc::new(|_: &workflow::Actor, case: &Case| case.version.to_string()),
        };
        s.act_once(user, &code, 1, accept(), monday(), &policy(), Some(&once))
            .await
    })
}

async fn file_cases(s: &Store, who: UserId, n: usize) -> Vec<Case> {
    let mut cases = Vec::with_capacity(n);
    for i in 0..n {
        let title = format!("Phản ánh số {i}");
        cases.push(
            s.file_case(who, report(&title), monday(), &policy())
                .await
                .unwrap(),
        );
    }
    cases
}

/// Each of `cases` is stored in the state and version given.
async fn assert_stored<const N: usize>(
    s: &Store,
    reader: UserId,
    cases: &[Case],
    expected: [(State, i64); N],
) {
    assert_eq!(cases.len(), N);
    for (case, (state, version)) in cases.iter().zip(expected) {
        let stored = s.get_case(reader, &case.code, monday()).await.unwrap();
        let found = (stored.state, stored.version);
        assert_eq!(found, (state, version), "{}", case.code);
    }
}

async fn events_stored(s: &Store) -> u64 {
    store::entities::case_event::Entity::find()
        .count(s.connection())
        .await
        .expect("count")
}

async fn actions_on_many_cases_in_one_batch_are_all_carried_out(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 20).await;
    let lock = hold_write_lock(&s).await;
    let tasks: Vec<_> = (cases.iter())
        .map(|c| spawn_action(&s, o.officer, &c.code, 1, accept()))
        .collect();
    let_them_queue().await;
    lock.commit().await.expect("release");
    for (task, filed) in tasks.into_iter().zip(&cases) {
        let done = task.await.expect("task").expect("accepted");
        assert_eq!((done.id, done.version), (filed.id, 2));
        let stored = s.get_case(o.officer, &filed.code, monday()).await.unwrap();
        assert_eq!((stored.state, stored.version), (State::Assigned, 2));
        let events = s.case_events(o.officer, &filed.code, monday()).await;
        assert_eq!(events.unwrap().len(), 2, "{}", filed.code);
    }
    assert_eq!(events_stored(&s).await, 40);
}
on_both_backends!(migrated: actions_on_many_cases_in_one_batch_are_all_carried_out);

/// Accepts whose events and e-mails are kept for one write (SQLite), an
/// accept with coordinating units (written its own way, between them) and
/// a keyed one, in one batch: each e-mail names its own case's event.
async fn a_batchs_mails_name_each_actions_own_event(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 6).await;
    let mails_before = mail_ids(&s).await.len();
    let lock = hold_write_lock(&s).await;
    let with_units = action(json!({"action": "accept", "sensitivity": "normal",
        "priority": "normal", "lead_unit": "UBND-BADINH", "coordinating_units": ["TAND-KV1"]}));
    let mut tasks = Vec::new();
    for (i, c) in cases.iter().enumerate().take(5) {
        let input = if i == 2 { with_units.clone() } else { accept() };
        tasks.push(spawn_action(&s, o.officer, &c.code, 1, input));
    }
    let keyed = spawn_keyed_accept(&s, o.officer, &cases[5].code, "mails-in-a-batch");
    let_them_queue().await;
    lock.commit().await.expect("release");
    for task in tasks {
        task.await.expect("task").expect("accepted");
    }
    keyed.await.expect("task").expect("accepted");
    let mut accept_events = std::collections::HashMap::new();
    for c in &cases {
        let events = s.case_events(o.officer, &c.code, monday()).await.unwrap();
        let seqs: Vec<i32> = events.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 2], "{}", c.code);
        accept_events.insert(c.id.0, events[1].id);
    }
    let mails = mail_ids(&s).await;
    assert!(
        mails.len() > mails_before + 5,
        "each accept tells its lead unit"
    );
    for (key, payload) in &mails[mails_before..] {
        let case = payload["case_id"].as_i64().expect("a case");
        assert_eq!(payload["event_id"], json!(accept_events[&case]), "{key}");
    }
}
on_both_backends!(migrated: a_batchs_mails_name_each_actions_own_event);

/// Every e-mail in the outbox, oldest first: its key and payload.
async fn mail_ids(s: &Store) -> Vec<(String, serde_json::Value)> {
    use sea_orm::QueryOrder;
    use store::entities::outbox;
    (outbox::Entity::find().order_by_asc(outbox::Column::Id))
        .all(s.connection())
        .await
        .expect("outbox")
        .into_iter()
        .map(|row| (row.key, serde_json::from_str(&row.payload).expect("JSON")))
        .collect()
}

async fn of_actions_on_one_version_in_one_batch_one_wins(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let case = file_cases(&s, o.reporter, 1).await.remove(0);
    let lock = hold_write_lock(&s).await;
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let reason = format!("Lý do {i}");
            let dismiss = action(json!({"action": "dismiss", "reason": reason}));
            // Named by code and by id: one case all the same.
            let name = match i % 2 {
                0 => case.code.clone(),
                _ => case.id.0.to_string(),
            };
            spawn_action(&s, o.officer, &name, 1, dismiss)
        })
        .collect();
    let_them_queue().await;
    lock.commit().await.expect("release");
    assert_eq!(winners(tasks).await, 1);
    let events = s.case_events(o.officer, &case.code, monday()).await;
    assert_eq!(events.unwrap().len(), 2);
}
on_both_backends!(migrated: of_actions_on_one_version_in_one_batch_one_wins);

async fn a_refused_action_in_a_batch_fails_alone(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 4).await;
    let lock = hold_write_lock(&s).await;
    let unknown_unit = action(json!({"action": "accept", "sensitivity": "normal",
        "priority": "normal", "lead_unit": "NO-SUCH-UNIT"}));
    let tasks = vec![
        spawn_action(&s, o.officer, &cases[0].code, 1, accept()),
        // A reporter may not accept: forbidden, whatever the version.
        spawn_action(&s, o.reporter, &cases[1].code, 7, accept()),
        spawn_action(&s, o.officer, &cases[2].code, 1, unknown_unit),
        spawn_action(&s, o.officer, &cases[3].code, 1, accept()),
    ];
    let_them_queue().await;
    lock.commit().await.expect("release");
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("task"));
    }
    assert!(results[0].is_ok(), "{:?}", results[0]);
    assert!(
        matches!(&results[1], Err(StoreError::Refused(r)) if r.is_forbidden()),
        "{:?}",
        results[1]
    );
    assert!(
        matches!(
            &results[2],
            Err(StoreError::Refused(Refusal::UnknownCode {
                field: "lead_unit",
                ..
            }))
        ),
        "{:?}",
        results[2]
    );
    assert!(results[3].is_ok(), "{:?}", results[3]);
    let (assigned, reported) = ((State::Assigned, 2), (State::Reported, 1));
    assert_stored(
        &s,
        o.officer,
        &cases,
        [assigned, reported, reported, assigned],
    )
    .await;
    assert_eq!(events_stored(&s).await, 6);
}
on_both_backends!(migrated: a_refused_action_in_a_batch_fails_alone);

async fn keyed_twins_are_carried_out_once_in_a_batch_and_after(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let case = file_cases(&s, o.reporter, 1).await.remove(0);
    let lock = hold_write_lock(&s).await;
    let tasks: Vec<_> = (0..4)
        .map(|_| spawn_keyed_accept(&s, o.officer, &case.code, "k-accept"))
        .collect();
    let_them_queue().await;
    lock.commit().await.expect("release");
    let (mut done, mut replays) = (0, Vec::new());
    for task in tasks {
        match task.await.expect("task").expect("answer") {
            CaseAnswer::Done { case, .. } => {
                assert_eq!(case.version, 2);
                done += 1;
            }
            CaseAnswer::Replay { status, body } => replays.push((status, body)),
        }
    }
    assert_eq!(done, 1, "carried out once: {replays:?}");
    assert_eq!(replays, vec![(200, "2".to_owned()); 3]);
    // Later, with the version it named long stale, the key still replays.
    let again = spawn_keyed_accept(&s, o.officer, &case.code, "k-accept");
    let again = again.await.unwrap().unwrap();
    assert!(
        matches!(&again, CaseAnswer::Replay { status: 200, body } if body == "2"),
        "{again:?}"
    );
    let events = s.case_events(o.officer, &case.code, monday()).await;
    assert_eq!(events.unwrap().len(), 2);
}
on_both_backends!(migrated: keyed_twins_are_carried_out_once_in_a_batch_and_after);

async fn filings_and_actions_share_a_batch(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 3).await;
    let lock = hold_write_lock(&s).await;
    let mut filings = Vec::new();
    let mut actions = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let (s2, title) = (s.clone(), format!("Phản ánh thêm {i}"));
        filings.push(tokio::spawn(async move {
            s2.file_case(o.reporter, report(&title), monday(), &policy())
                .await
        }));
        actions.push(spawn_action(&s, o.officer, &case.code, 1, accept()));
    }
    let_them_queue().await;
    lock.commit().await.expect("release");
    for task in filings {
        let filed = task.await.expect("task").expect("filed");
        let stored = s.get_case(o.officer, &filed.code, monday()).await.unwrap();
        assert_eq!(stored.state, State::Reported);
    }
    for task in actions {
        assert_eq!(task.await.expect("task").expect("accepted").version, 2);
    }
    // Three filed before, three now, one event each, and three accepts.
    assert_eq!(events_stored(&s).await, 9);
}
on_both_backends!(migrated: filings_and_actions_share_a_batch);

/// Makes the insert of an event whose payload holds `text` fail inside
/// the database: an action that says it fails after its case was updated.
async fn fail_events_saying(s: &Store, text: &str) {
    let db = s.connection();
    let sql = match s.backend() {
        DbBackend::Sqlite => format!(
            "CREATE TRIGGER fail_event BEFORE INSERT ON case_events \
             WHEN NEW.payload LIKE '%{text}%' BEGIN SELECT RAISE(ABORT, 'hỏng'); END"
        ),
        _ => format!(
            "CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF NEW.payload LIKE '%{text}%' THEN RAISE EXCEPTION 'hỏng'; END IF; \
             RETURN NEW; END $$; \
             CREATE TRIGGER fail_event BEFORE INSERT ON case_events \
             FOR EACH ROW EXECUTE FUNCTION fail_event()"
        ),
    };
    db.execute_unprepared(&sql).await.expect("trigger");
}

/// Runs `second` on the second of four cases and accepts of the three
/// others in one batch, checks that the second alone failed, writing
/// nothing (four filings and three accepts stored), and returns its error.
async fn second_of_four_fails_alone(
    s: &Store,
    user: UserId,
    cases: &[Case],
    second: ActionInput,
) -> StoreError {
    let lock = hold_write_lock(s).await;
    let mut inputs = vec![accept(), second, accept(), accept()].into_iter();
    let tasks: Vec<_> = (cases.iter())
        .map(|case| spawn_action(s, user, &case.code, 1, inputs.next().expect("input")))
        .collect();
    let_them_queue().await;
    lock.commit().await.expect("release");
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("task"));
    }
    for i in [0, 2, 3] {
        assert_eq!(results[i].as_ref().expect("accepted").version, 2);
    }
    let (assigned, reported) = ((State::Assigned, 2), (State::Reported, 1));
    assert_stored(s, user, cases, [assigned, reported, assigned, assigned]).await;
    assert_eq!(events_stored(s).await, 7);
    results.swap_remove(1).expect_err("the second fails")
}

async fn an_action_failing_after_its_update_fails_alone(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 4).await;
    fail_events_saying(&s, "Hỏng giữa chừng").await;
    let failing = action(json!({"action": "dismiss", "reason": "Hỏng giữa chừng"}));
    let err = second_of_four_fails_alone(&s, o.officer, &cases, failing).await;
    assert!(matches!(err, StoreError::Db(_)), "{err:?}");
}
on_both_backends!(migrated: an_action_failing_after_its_update_fails_alone);

/// Makes every update of the case `code` change nothing, as if another
/// writer had changed its version after the action was decided.
async fn skip_updates_of(s: &Store, code: &str) {
    let sql = match s.backend() {
        DbBackend::Sqlite => format!(
            "CREATE TRIGGER skip_update BEFORE UPDATE ON cases \
             WHEN OLD.code = '{code}' BEGIN SELECT RAISE(IGNORE); END"
        ),
        _ => format!(
            "CREATE FUNCTION skip_update() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF OLD.code = '{code}' THEN RETURN NULL; END IF; RETURN NEW; END $$; \
             CREATE TRIGGER skip_update BEFORE UPDATE ON cases \
             FOR EACH ROW EXECUTE FUNCTION skip_update()"
        ),
    };
    s.connection()
        .execute_unprepared(&sql)
        .await
        .expect("trigger");
}

/// On SQLite a batch's plain accepts update their cases in one statement
/// at its end: one that finds its case at another version must be a
/// conflict that writes no event, and the others must still be done.
async fn an_update_that_finds_its_case_changed_fails_alone(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let cases = file_cases(&s, o.reporter, 4).await;
    skip_updates_of(&s, &cases[1].code).await;
    let err = second_of_four_fails_alone(&s, o.officer, &cases, accept()).await;
    assert!(matches!(err, StoreError::VersionConflict { .. }), "{err:?}");
}
on_both_backends!(migrated: an_update_that_finds_its_case_changed_fails_alone);
