//! `loadgen`: the HTTP load of the benchmark against a running `noicom
//! serve` seeded by `noicom seed-bench`. At a fixed concurrency it runs W1
//! `POST /cases`, W2 `GET /cases?state=reported&area=…&limit=50`, W3
//! actions (`accept` of reported cases) and W4 `GET /cases?q=…` (and,
//! when asked, `w2all`: W2 without its state filter), and prints req/s,
//! p50, p99 and the server's memory. With `--raw-sqlite` or
//! `--raw-postgres` it first measures the raw durable insert rate of that
//! database (one row per transaction, the server's settings), the ceiling
//! of W1.

mod raw;
mod report;
mod workloads;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;

use crate::report::{Row, print_header, server_memory};
use crate::workloads::{Plan, Workload, run};

/// The command line.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// The server's base URL.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The JSON file written by `noicom seed-bench --tokens`.
    #[arg(long, default_value = "bench-tokens.json")]
    tokens: PathBuf,
    /// Workloads to run, in order: w1, w2, w3, w4, w2all.
    #[arg(long, value_delimiter = ',', default_value = "w2,w4,w1,w3")]
    workloads: Vec<Workload>,
    /// Requests in flight.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Seconds per workload.
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// The server's process id, to report its memory (VmHWM, VmRSS).
    #[arg(long)]
    pid: Option<u32>,
    /// An SQLite file to create next to the server's database for the raw
    /// insert rate (removed afterwards).
    #[arg(long)]
    raw_sqlite: Option<PathBuf>,
    /// A PostgreSQL database in which to measure the raw insert rate at
    /// the load's concurrency (a scratch table, dropped afterwards).
    #[arg(long)]
    raw_postgres: Option<String>,
    /// Rows of the raw SQLite insert measure.
    #[arg(long, default_value_t = 2000)]
    raw_rows: u64,
    /// A label for the rows of the report (e.g. the backend).
    #[arg(long, default_value = "")]
    label: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let text = std::fs::read_to_string(&args.tokens)
        .with_context(|| format!("cannot read {}", args.tokens.display()))?;
    let seed: serde_json::Value = serde_json::from_str(&text).context("tokens file")?;
    if let Some(path) = &args.raw_sqlite {
        let rate = raw::insert_rate(path, args.raw_rows).await?;
        println!(
            "raw SQLite insert ({} rows, one durable transaction each, WAL, synchronous=FULL): {rate:.0} rows/s",
            args.raw_rows
        );
    }
    if let Some(url) = &args.raw_postgres {
        let seconds = args.seconds.min(10);
        let rate =
            raw::insert_rate_postgres(url, args.concurrency, Duration::from_secs(seconds)).await?;
        println!(
            "raw PostgreSQL insert ({seconds} s, {} connections, one INSERT per transaction): {rate:.0} rows/s",
            args.concurrency
        );
    }
    let plan = std::sync::Arc::new(Plan::new(&args.url, &seed).await?);
    print_header();
    for workload in &args.workloads {
        let outcome = run(
            &plan,
            *workload,
            args.concurrency,
            Duration::from_secs(args.seconds),
        )
        .await?;
        Row {
            label: &args.label,
            workload: *workload,
            outcome: &outcome,
            memory: args.pid.and_then(server_memory),
        }
        .print();
    }
    Ok(())
}
