//! The partial index on `cases.merged_into_id` serves the lookup the
//! foreign key makes when a case is deleted (`merged_into_id = ?`), on both
//! backends, although it holds only merged cases.

use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};

use testkit::{TestDb, on_both_backends};

async fn the_merge_lookup_uses_the_partial_index(db: TestDb) {
    let conn = db.store().connection();
    let backend = conn.get_database_backend();
    let tx = conn.begin().await.expect("begin");
    let explain = match backend {
        // On a test table SQLite's choice between the index and a scan
        // varies with its statistics; `INDEXED BY` fails to prepare unless
        // the index can serve the query.
        DbBackend::Sqlite => {
            "EXPLAIN QUERY PLAN SELECT id FROM cases INDEXED BY idx_cases_merged_into_id \
             WHERE merged_into_id = 7"
        }
        _ => {
            // A test table is small enough for a sequential scan to win;
            // the question is whether the index can serve at all.
            tx.execute_unprepared("SET LOCAL enable_seqscan = off")
                .await
                .expect("set");
            "EXPLAIN SELECT id FROM cases WHERE merged_into_id = 7"
        }
    };
    let plan: Vec<String> = tx
        .query_all_raw(Statement::from_string(backend, explain))
        .await
        .expect("explain")
        .iter()
        .map(|row| {
            let column = if backend == DbBackend::Sqlite {
                "detail"
            } else {
                "QUERY PLAN"
            };
            row.try_get::<String>("", column).expect("plan line")
        })
        .collect();
    tx.rollback().await.expect("rollback");
    assert!(
        plan.iter()
            .any(|line| line.contains("idx_cases_merged_into_id")),
        "{plan:#?}"
    );
}
on_both_backends!(migrated: the_merge_lookup_uses_the_partial_index);
