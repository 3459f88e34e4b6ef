//! The raw durable insert rates, the ceilings of filing (W1): on SQLite one
//! row per durable transaction, on a file opened with the server's own
//! settings (`Store::connect`: WAL, synchronous=FULL, BEGIN IMMEDIATE), one
//! writer at a time as SQLite allows; on PostgreSQL one `INSERT` per
//! transaction (`synchronous_commit` as the server has it, on by default)
//! from as many connections as the load generator has requests in flight.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DbBackend, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};
use store::Store;

/// Rows per second over `rows` single-row transactions into a new file at
/// `path` (removed afterwards); each row about as large as a case.
pub async fn insert_rate(path: &Path, rows: u64) -> anyhow::Result<f64> {
    anyhow::ensure!(!path.exists(), "{} exists already", path.display());
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let store = Store::connect(&url).await.context("raw SQLite file")?;
    let db = store.connection();
    db.execute_unprepared(
        "CREATE TABLE raw_insert (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, \
         title TEXT NOT NULL, description TEXT NOT NULL, created_at TEXT NOT NULL)",
    )
    .await?;
    let description =
        "Cộng tác viên dư luận xã hội phản ánh việc ô nhiễm nguồn nước kéo dài. ".repeat(6);
    let started = Instant::now();
    for i in 0..rows {
        let tx = db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?;
        tx.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Sqlite,
            "INSERT INTO raw_insert (code, title, description, created_at) VALUES (?, ?, ?, ?)",
            [
                format!("RAW-{i:07}").into(),
                format!("Ô nhiễm nguồn nước số {i}").into(),
                description.clone().into(),
                "2026-11-22T10:00:00Z".into(),
            ],
        ))
        .await?;
        tx.commit().await?;
    }
    let rate = rows as f64 / started.elapsed().as_secs_f64();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Ok(rate)
}

/// Rows per second inserted into a scratch table of the PostgreSQL database
/// at `url` (dropped afterwards) by `concurrency` connections for `for_`,
/// each row in its own transaction, about as large as a case.
pub async fn insert_rate_postgres(
    url: &str,
    concurrency: usize,
    for_: Duration,
) -> anyhow::Result<f64> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(concurrency as u32)
        .min_connections(concurrency as u32)
        .sqlx_logging(false);
    let db = Database::connect(options).await.context("raw PostgreSQL")?;
    db.execute_unprepared(
        "DROP TABLE IF EXISTS loadgen_raw_insert; \
         CREATE TABLE loadgen_raw_insert (id BIGSERIAL PRIMARY KEY, code TEXT NOT NULL UNIQUE, \
         title TEXT NOT NULL, description TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)",
    )
    .await?;
    let description = Arc::new(
        "Cộng tác viên dư luận xã hội phản ánh việc ô nhiễm nguồn nước kéo dài. ".repeat(6),
    );
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let until = started + for_;
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (db, next, description) = (db.clone(), next.clone(), description.clone());
        workers.push(tokio::spawn(async move {
            while Instant::now() < until {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let tx = db.begin().await?;
                tx.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "INSERT INTO loadgen_raw_insert (code, title, description, created_at) \
                     VALUES ($1, $2, $3, now())",
                    [
                        format!("RAW-{i:08}").into(),
                        format!("Ô nhiễm nguồn nước số {i}").into(),
                        description.as_str().into(),
                    ],
                ))
                .await?;
                tx.commit().await?;
            }
            anyhow::Ok(())
        }));
    }
    for worker in workers {
        worker.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let rows = next.load(Ordering::Relaxed);
    db.execute_unprepared("DROP TABLE loadgen_raw_insert")
        .await?;
    Ok(rows as f64 / elapsed)
}
