//! Keeping the SQLite search index compact: FTS5 merges the segments that
//! every commit adds only as writes come (`automerge`), so an index filled
//! case by case keeps many small segments, and every search reads each of
//! them. At 1 M cases a full merge took W4 from 328–342 to 478 req/s, its
//! p99 from 95–97 to 68–70 ms (docs/benchmarks.md). A nightly scheduler job
//! calls [`Store::merge_search_index`]; `noicom seed-bench` calls it at the
//! end, as that job would have done to a database of that age.
//!
//! The merge runs in short steps, each its own write transaction of about
//! `pages` index pages, so filings and actions go on in between. FTS5's
//! `merge` with a negative page count first puts every segment on one level
//! and starts merging them all; the steps after it pass a positive count,
//! which finishes that merge even while new segments arrive, instead of
//! restarting it. A step that changes fewer than two rows did nothing: the
//! index is merged. PostgreSQL needs none of this: autovacuum moves the GIN
//! indexes' pending entries into the index.

use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use crate::{Store, StoreError};

/// The FTS5 tables of the search, merged one after the other: the whole
/// text's and the titles' (migration `m20261207_000030_title_search`).
const TABLES: [&str; 2] = ["cases_fts", "cases_title_fts"];

/// What one run of [`Store::merge_search_index`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexMerge {
    /// Steps that merged something.
    pub steps: u32,
    /// Whether the index was fully merged when the run stopped (always on
    /// PostgreSQL).
    pub finished: bool,
    /// Time spent inside the steps' transactions.
    pub busy: Duration,
}

impl Store {
    /// Merges the SQLite search index's segments, about `pages` pages per
    /// step and write transaction, until it is one segment (plus whatever
    /// was filed meanwhile) or `max_steps` steps have run. A run cut short
    /// is safe: the next one starts the merge again.
    pub async fn merge_search_index(
        &self,
        pages: u32,
        max_steps: u32,
    ) -> Result<IndexMerge, StoreError> {
        let mut done = IndexMerge::default();
        if self.db.get_database_backend() != DbBackend::Sqlite {
            done.finished = true;
            return Ok(done);
        }
        let pages = i64::from(pages.max(1));
        for table in TABLES {
            let mut first = true;
            done.finished = false;
            while done.steps < max_steps {
                // Only a table's first step regroups its levels (see the
                // module doc).
                let count = if first { -pages } else { pages };
                first = false;
                let started = Instant::now();
                let changed = merge_step(self, table, count).await?;
                done.busy += started.elapsed();
                if changed < 2 {
                    done.finished = true;
                    break;
                }
                done.steps += 1;
            }
            if !done.finished {
                break;
            }
        }
        Ok(done)
    }
}

/// One `merge` command on `table` in its own write transaction; the rows
/// it changed, counted on the transaction's connection.
async fn merge_step(store: &Store, table: &str, pages: i64) -> Result<i64, StoreError> {
    let tx = store.write_tx().await?;
    let before = total_changes(&tx).await?;
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        format!("INSERT INTO {table}({table}, rank) VALUES ('merge', ?)"),
        [pages.into()],
    ))
    .await?;
    let after = total_changes(&tx).await?;
    tx.commit().await?;
    Ok(after - before)
}

async fn total_changes(conn: &impl ConnectionTrait) -> Result<i64, StoreError> {
    let row = conn
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT total_changes() AS n",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("SELECT total_changes() gave no row".into()))?;
    Ok(row.try_get("", "n")?)
}
