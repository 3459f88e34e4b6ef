//! An action's case, event and e-mails written together (on PostgreSQL in
//! one statement, `cases::act_at_once`): the e-mails name the event that
//! was written, and of concurrent actions on one version the ones that
//! lose write neither an event nor an e-mail, and an event added while
//! the action waits for the case's row is numbered before the action's.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, Statement,
    TransactionTrait,
};
use serde_json::json;
use store::entities::{case_event, outbox};
use workflow::CaseState;

use crate::support::races::winners;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{Backend, TestDb, on_both_backends};

fn accept() -> store::ActionInput {
    action(json!({"action": "accept", "sensitivity": "normal",
        "priority": "normal", "lead_unit": "UBND-BADINH"}))
}

/// The e-mails written since the outbox row `after`, with their payloads.
async fn mails_since(s: &store::Store, after: i64) -> Vec<(outbox::Model, serde_json::Value)> {
    (outbox::Entity::find().filter(outbox::Column::Id.gt(after)))
        .order_by_asc(outbox::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            let payload = serde_json::from_str(&row.payload).unwrap();
            (row, payload)
        })
        .collect()
}

async fn last_mail(s: &store::Store) -> i64 {
    (outbox::Entity::find().order_by_desc(outbox::Column::Id))
        .one(s.connection())
        .await
        .unwrap()
        .map_or(0, |row| row.id)
}

/// The case's events, in order.
async fn events_of(s: &store::Store, case: i64) -> Vec<case_event::Model> {
    (case_event::Entity::find().filter(case_event::Column::CaseId.eq(case)))
        .order_by_asc(case_event::Column::Seq)
        .all(s.connection())
        .await
        .unwrap()
}

async fn an_accepts_mails_name_the_event_written(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let c = (s.file_case(o.reporter, report("Ngập úng kéo dài"), monday(), &policy()))
        .await
        .unwrap();
    let before = last_mail(&s).await;
    let accepted = (s.act(o.officer, &c.code, 1, accept(), monday(), &policy()))
        .await
        .unwrap();
    assert_eq!((accepted.state, accepted.version), (CaseState::Assigned, 2));

    let events = events_of(&s, c.id.0).await;
    let seqs: Vec<i32> = events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2]);
    assert_eq!(events[1].action, "accept");
    let mails = mails_since(&s, before).await;
    assert!(!mails.is_empty(), "an accept tells the lead unit");
    for (row, payload) in &mails {
        assert_eq!(payload["event_id"], json!(events[1].id), "{}", row.key);
        assert_eq!(payload["state"], json!("assigned"), "{}", row.key);
        let key = format!("case:{}:{}:{}:", c.id.0, row.kind, events[1].id);
        assert!(row.key.starts_with(&key), "{} is not {key}…", row.key);
    }
    let stored = s.get_case(o.officer, &c.code, monday()).await.unwrap();
    assert_eq!((stored.state, stored.version), (CaseState::Assigned, 2));
}
on_both_backends!(migrated: an_accepts_mails_name_the_event_written);

async fn accepts_that_lose_the_race_write_no_event_and_no_mail(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let c = (s.file_case(o.reporter, report("Rác thải ùn ứ"), monday(), &policy()))
        .await
        .unwrap();
    let before = last_mail(&s).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (s, code) = (s.clone(), c.code.clone());
        tasks.push(tokio::spawn(async move {
            s.act(o.officer, &code, 1, accept(), monday(), &policy())
                .await
        }));
    }
    assert_eq!(winners(tasks).await, 1);
    let events = events_of(&s, c.id.0).await;
    assert_eq!(events.len(), 2, "the filing and one accept");
    let mails = mails_since(&s, before).await;
    assert!(!mails.is_empty());
    for (row, payload) in &mails {
        assert_eq!(payload["event_id"], json!(events[1].id), "{}", row.key);
    }
}
on_both_backends!(migrated: accepts_that_lose_the_race_write_no_event_and_no_mail);

/// A file added to the case (an event of its own, the case's row locked,
/// its version unchanged) while an accept waits for that lock: the
/// accept's event is numbered after the file's, as a later statement
/// would see it, not from the accept's first look at the timeline.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_accept_waiting_for_a_file_being_added_is_numbered_after_it_on_postgres() {
    let db = TestDb::migrated(Backend::Postgres).await;
    let s = db.store().clone();
    let o = org::build(&s).await;
    let c = (s.file_case(o.reporter, report("Lấn chiếm vỉa hè"), monday(), &policy()))
        .await
        .unwrap();
    let adding = s.connection().begin().await.unwrap();
    let sql = |text: String| Statement::from_string(DbBackend::Postgres, text);
    (adding.execute_raw(sql(format!(
        "SELECT id FROM cases WHERE id = {} FOR UPDATE",
        c.id.0
    ))))
    .await
    .unwrap();
    (adding.execute_raw(sql(format!(
        "INSERT INTO case_events (case_id, seq, action, from_state, to_state, actor_id, \
         unit_id, payload, created_at) SELECT {case}, 2, 'attachment_added', 'reported', \
         'reported', actor_id, unit_id, '{{}}', created_at FROM case_events \
         WHERE case_id = {case}",
        case = c.id.0
    ))))
    .await
    .unwrap();
    let accepting = {
        let (s, code) = (s.clone(), c.code.clone());
        tokio::spawn(async move {
            s.act(o.officer, &code, 1, accept(), monday(), &policy())
                .await
        })
    };
    // The accept has begun its statement and waits for the row.
    let waiting = "SELECT count(*) AS n FROM pg_stat_activity \
                   WHERE wait_event_type = 'Lock' AND datname = current_database()";
    loop {
        let row = (s.connection().query_one_raw(sql(waiting.to_owned())))
            .await
            .unwrap()
            .unwrap();
        if row.try_get::<i64>("", "n").unwrap() > 0 {
            break;
        }
        tokio::task::yield_now().await;
    }
    adding.commit().await.unwrap();
    let accepted = accepting.await.expect("task").expect("the accept");
    assert_eq!(accepted.version, 2);
    let events = events_of(&s, c.id.0).await;
    let actions: Vec<(i32, &str)> = events.iter().map(|e| (e.seq, e.action.as_str())).collect();
    assert_eq!(
        actions,
        [(1, "file"), (2, "attachment_added"), (3, "accept")]
    );
}
