//! Replicas started at the same time on a database with migrations to
//! apply — the first start, or every replica restarted after an upgrade:
//! one applies them, the others wait for it, and all three serve.

use std::sync::Arc;

use crate::support::balancer::REPLICAS;
use crate::support::{Backend, Server, TestDb};

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn three_replicas_started_at_once_migrate_the_database_once() {
    let db = Arc::new(TestDb::new(Backend::Postgres).await);
    // Each start waits on its process's output on a worker of its own: the
    // three processes start together.
    let starts: Vec<_> = (0..REPLICAS)
        .map(|_| {
            let db = Arc::clone(&db);
            tokio::spawn(async move { Server::start(&db, &[]).await })
        })
        .collect();
    let mut replicas = Vec::with_capacity(REPLICAS);
    for start in starts {
        replicas.push(start.await.expect("a replica starts and serves"));
    }
    for replica in &replicas {
        let ready = reqwest::get(replica.at("/readyz"))
            .await
            .expect("an answer");
        assert_eq!(ready.status(), 200, "{}", replica.report());
    }
}
