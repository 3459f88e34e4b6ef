//! A connection PostgreSQL ended while it sat idle in a pool (a restart,
//! an administrator, a firewall's idle timeout) is tested before it is
//! handed out again, and replaced: the request that takes it is answered
//! as if nothing had happened. Only connections idle for a second or more
//! are tested (`TEST_IF_IDLE_FOR` in connect.rs): testing every one cost a
//! round trip per statement.

use std::time::Duration;

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;
use store::CaseFilter;
use testkit::case::{action, monday, policy, report};
use testkit::{Backend, TestDb, org};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn connections_ended_while_idle_are_replaced_on_postgres() {
    let db = TestDb::migrated(Backend::Postgres).await;
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let filed = s
        .file_case(o.reporter, report("Lấn chiếm vỉa hè"), monday(), p)
        .await
        .expect("file");
    let all = CaseFilter {
        limit: 10,
        ..CaseFilter::default()
    };
    s.list_cases(o.officer, &all, monday()).await.expect("list");

    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Every connection to the database but the one asking is ended: the
    // writer's, the readers', the rest of the pool's.
    let ended = s
        .connection()
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ))
        .await
        .expect("end the other connections");
    assert!(ended.len() >= 2, "only {} other connections", ended.len());

    let listed = s.list_cases(o.officer, &all, monday()).await.expect("list");
    assert_eq!(listed.cases.len(), 1);
    let accept = json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"});
    s.act(o.officer, &filed.code, 1, action(accept), monday(), p)
        .await
        .expect("accept");
    s.file_case(o.reporter, report("Rác thải ven sông"), monday(), p)
        .await
        .expect("file again");
}
