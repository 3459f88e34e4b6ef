//! The store's action path on SQLite and PostgreSQL: filing a case (code
//! allocation, insert, event, one durable commit) and carrying out one
//! action on it (load, workflow, compare-and-set, event, commit).
//!
//! `cargo bench -p store --bench act`; PostgreSQL from `NOICOM_TEST_PG_URL`
//! (which scripts/test sets).

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use store::FileRequest;
use testkit::case::{action, policy};
use testkit::{Backend, TestDb, org};

/// The case the tests file, with the shorter text the bench has always
/// filed (the title and description words it indexes stay the same).
fn report() -> FileRequest {
    FileRequest {
        description: "Người dân phản ánh tiền bồi thường chưa thỏa đáng.".into(),
        people_affected: Some(40),
        ..testkit::case::report("Chậm bồi thường giải phóng mặt bằng")
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let policy = policy();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let name = format!("{backend:?}").to_lowercase();
        let (test_db, o) = rt.block_on(async {
            let test_db = TestDb::migrated(backend).await;
            let o = org::build(test_db.store()).await;
            (test_db, o)
        });
        let s = test_db.store().clone();
        c.bench_function(&format!("store/{name}/file_case"), |b| {
            b.to_async(&rt).iter(|| async {
                s.file_case(o.reporter, report(), Utc::now(), &policy)
                    .await
                    .expect("file")
            })
        });
        // One accepted case that takes comments: each comment is a full
        // action (load, rules, compare-and-set, event, commit).
        let case = rt.block_on(async {
            let case = s
                .file_case(o.reporter, report(), Utc::now(), &policy)
                .await
                .expect("file");
            let accept = action(json!({"action": "accept",
                "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"}));
            s.act(
                o.officer,
                &case.code,
                case.version,
                accept,
                Utc::now(),
                &policy,
            )
            .await
            .expect("accept")
        });
        let version = std::sync::atomic::AtomicI64::new(case.version);
        c.bench_function(&format!("store/{name}/act_comment"), |b| {
            b.to_async(&rt).iter(|| async {
                let comment = action(json!({"action": "comment", "text": "Theo dõi tiến độ"}));
                let v = version.load(std::sync::atomic::Ordering::SeqCst);
                let after = s
                    .act(o.officer, &case.code, v, comment, Utc::now(), &policy)
                    .await
                    .expect("act");
                version.store(after.version, std::sync::atomic::Ordering::SeqCst);
            })
        });
        drop(test_db);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(8));
    targets = bench
}
criterion_main!(benches);
