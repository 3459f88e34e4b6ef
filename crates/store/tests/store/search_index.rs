//! The nightly merge of the search index: on SQLite it leaves fewer
//! segments and the same search results, runs in bounded steps, and a
//! second run finds nothing to do; on PostgreSQL there is nothing to do.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use store::FileRequest;

use crate::search::search;
use testkit::case::{monday, policy, report};
use testkit::org;
use testkit::{Backend, TestDb, on_both_backends};

const TOPICS: [&str; 6] = [
    "Tranh chấp đất đai",
    "Giá điện tăng",
    "Ngập úng sau mưa",
    "Ô nhiễm tiếng ồn",
    "Rác thải ven sông",
    "Đường xuống cấp",
];

/// The size of FTS5's structure record, which lists every segment: it
/// shrinks when segments are merged. 0 on PostgreSQL.
async fn structure_bytes(db: &TestDb, backend: Backend) -> i64 {
    if backend != Backend::Sqlite {
        return 0;
    }
    db.store()
        .connection()
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT length(block) AS n FROM cases_fts_data WHERE id = 10",
        ))
        .await
        .expect("structure record")
        .expect("a structure record")
        .try_get("", "n")
        .expect("its length")
}

async fn merging_keeps_results_and_leaves_nothing_to_do(db: TestDb) {
    let backend = match db.store().connection().get_database_backend() {
        DbBackend::Sqlite => Backend::Sqlite,
        _ => Backend::Postgres,
    };
    let s = db.store();
    let o = org::build(s).await;
    // One filing per commit: each adds a segment to the SQLite index.
    for i in 0..60 {
        let topic = TOPICS[i % TOPICS.len()];
        let request = FileRequest {
            description: format!("Phản ánh số {i} của người dân về {topic} ở tổ dân phố."),
            ..report(&format!("{topic} tại khu {i}"))
        };
        s.file_case(o.officer, request, monday(), &policy())
            .await
            .expect("file");
    }
    let queries = [
        "dat dai",
        "gia dien",
        "ngap",
        "khu 4",
        "to dan pho",
        "nguoi",
    ];
    let mut before = Vec::new();
    for q in queries {
        before.push(search(s, o.officer, q).await);
    }
    let segments_before = structure_bytes(&db, backend).await;

    // A run cut short after one small step is not finished on SQLite.
    let cut = s.merge_search_index(1, 1).await.expect("first step");
    let rest = s.merge_search_index(1, 10_000).await.expect("merge");
    let again = s.merge_search_index(1, 10_000).await.expect("merge again");

    if backend == Backend::Sqlite {
        assert_eq!((cut.steps, cut.finished), (1, false));
        assert!(rest.steps > 1 && rest.finished, "{rest:?}");
        let segments_after = structure_bytes(&db, backend).await;
        assert!(
            segments_after < segments_before,
            "structure record {segments_before} → {segments_after} bytes"
        );
    } else {
        assert!(cut.finished && rest.finished);
        assert_eq!(rest.steps, 0);
    }
    assert_eq!((again.steps, again.finished), (0, true));
    for (q, found) in queries.into_iter().zip(before) {
        assert!(!found.is_empty(), "{q} finds the filed cases");
        assert_eq!(search(s, o.officer, q).await, found, "{q}");
    }
}
on_both_backends!(migrated: merging_keeps_results_and_leaves_nothing_to_do);
