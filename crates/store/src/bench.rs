//! Bulk loading of generated cases for the load benchmark
//! (`noicom seed-bench`). This is benchmark seeding, not user traffic: the
//! rows are written directly, many per statement and thousands per
//! transaction, without the workflow deciding anything. The search columns
//! and the FTS5 / GIN indexes are filled exactly as for a filed case.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Func, Query};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Set, Statement};
use workflow::{Case, CaseState};

use crate::cases::to_active;
use crate::entities::{case, case_event};
use crate::{Store, StoreError};

/// Rows per INSERT statement: about 30 columns each stays under SQLite's
/// and PostgreSQL's limits on bound parameters.
const ROWS_PER_STATEMENT: usize = 500;

/// Who the timeline of a generated case names.
#[derive(Debug, Clone, Copy)]
pub struct BenchActors {
    /// The reporter's unit (the reporter is the case's own).
    pub reporter_unit: i64,
    /// A board officer and their unit: triage and orientation.
    pub officer: (i64, i64),
    /// A liaison of the lead unit: answers and results.
    pub liaison: (i64, i64),
    /// A leader and their unit: closing.
    pub leader: (i64, i64),
}

/// One generated case and who acted on it.
#[derive(Debug, Clone)]
pub struct BenchCase {
    /// The case as it stands (code included, id ignored).
    pub case: Case,
    /// The people of its timeline.
    pub actors: BenchActors,
}

impl Store {
    /// Reserves `count` consecutive case numbers for `prefix` in `year`;
    /// returns the first. Filing later continues after them.
    pub async fn bench_reserve_codes(
        &self,
        prefix: &str,
        year: i32,
        count: i64,
    ) -> Result<i64, StoreError> {
        let sql = "INSERT INTO case_code_counters (prefix, year, last) VALUES ($1, $2, $3) \
                   ON CONFLICT (prefix, year) DO UPDATE \
                   SET last = case_code_counters.last + excluded.last RETURNING last";
        let sql = match self.backend() {
            DbBackend::Postgres => sql.to_owned(),
            _ => sql.replace("$1", "?").replace("$2", "?").replace("$3", "?"),
        };
        let row = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                self.backend(),
                sql,
                [prefix.into(), year.into(), count.into()],
            ))
            .await?
            .ok_or_else(|| StoreError::Io("bộ đếm mã vụ việc không trả về giá trị".to_owned()))?;
        let last: i64 = row.try_get("", "last")?;
        Ok(last - count + 1)
    }

    /// Leaves the seeded database as a server would find it after a quiet
    /// night. On PostgreSQL, vacuums and analyses the seeded tables, as its
    /// autovacuum (on by default) does after a large insert: without it the
    /// planner has no statistics of the words in the search columns and
    /// guesses the same number of rows for every word. On SQLite, copies
    /// the write-ahead log into the database and empties it: the seed of
    /// 1 M cases left 270 MB of it, which the first commits of the next
    /// server copied in while every filing waited (1.1–1.4 s, the one
    /// stall of every W1 run at 1 M cases).
    pub async fn bench_settle(&self) -> Result<(), StoreError> {
        let settle = match self.db.get_database_backend() {
            DbBackend::Postgres => "VACUUM (ANALYZE)",
            _ => "PRAGMA wal_checkpoint(TRUNCATE)",
        };
        self.db.execute_unprepared(settle).await?;
        Ok(())
    }

    /// Writes `cases` and their timelines in one transaction, ids taken
    /// after the largest in use; PostgreSQL's id sequences are moved past
    /// them so that filing goes on after the seed.
    pub async fn bench_insert_cases(&self, cases: &[BenchCase]) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        let first_case = next_id(&tx, "cases").await?;
        let first_event = next_id(&tx, "case_events").await?;
        let mut rows = Vec::with_capacity(cases.len());
        let mut events = Vec::with_capacity(cases.len() * 3);
        for (i, seeded) in cases.iter().enumerate() {
            let id = first_case + i as i64;
            let steps = timeline(&seeded.case, &seeded.actors);
            let mut row = to_active(&seeded.case);
            row.id = Set(id);
            // One version per event, as if each had been an action.
            row.version = Set(steps.len() as i64);
            rows.push(row);
            for (seq, (action, from, to, (actor, unit))) in steps.into_iter().enumerate() {
                events.push(case_event::ActiveModel {
                    id: Set(first_event + events.len() as i64),
                    case_id: Set(id),
                    seq: Set(seq as i32 + 1),
                    action: Set(action.to_owned()),
                    from_state: Set(from.map(|s| s.code().to_owned())),
                    to_state: Set(to.code().to_owned()),
                    actor_id: Set(actor),
                    unit_id: Set(unit),
                    payload: Set("{}".to_owned()),
                    created_at: Set(at(&seeded.case, seq)),
                });
            }
        }
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            case::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&tx)
                .await?;
        }
        for chunk in events.chunks(ROWS_PER_STATEMENT) {
            case_event::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&tx)
                .await?;
        }
        if self.backend() == DbBackend::Postgres {
            for table in ["cases", "case_events"] {
                tx.execute_unprepared(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     (SELECT max(id) FROM {table}))"
                ))
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// One more than the largest id of `table`.
async fn next_id(conn: &impl ConnectionTrait, table: &'static str) -> Result<i64, StoreError> {
    let query = Query::select()
        .expr_as(Func::max(Expr::col(Alias::new("id"))), Alias::new("top"))
        .from(Alias::new(table))
        .to_owned();
    let top: Option<i64> = match conn.query_one(&query).await? {
        Some(row) => row.try_get("", "top")?,
        None => None,
    };
    Ok(top.unwrap_or(0) + 1)
}

/// When the `seq`-th event of a case happened: filing, then a day apart.
fn at(case: &Case, seq: usize) -> DateTime<Utc> {
    case.created_at + chrono::Duration::days(seq as i64)
}

type Step = (&'static str, Option<CaseState>, CaseState, (i64, i64));

/// The events that bring a case from nothing to its state, by the usual
/// path of SPEC §3.3.
fn timeline(case: &Case, who: &BenchActors) -> Vec<Step> {
    use CaseState::*;
    let reporter = (case.reporter.0, who.reporter_unit);
    let mut steps: Vec<Step> = vec![("file", None, Reported, reporter)];
    let mut push = |action, from, to, actor| steps.push((action, Some(from), to, actor));
    match case.state {
        Reported | Merged => {}
        NeedsInfo => push("request_info", Reported, NeedsInfo, who.officer),
        Dismissed => push("dismiss", Reported, Dismissed, who.officer),
        _ => {
            push("accept", Reported, Assigned, who.officer);
            match case.state {
                Escalated => push("escalate", Assigned, Escalated, who.officer),
                Responded | Oriented | Resolved | Closed => {
                    push("respond", Assigned, Responded, who.liaison);
                    if case.state != Responded {
                        push("orient", Responded, Oriented, who.officer);
                    }
                    if matches!(case.state, Resolved | Closed) {
                        push("report_resolution", Oriented, Resolved, who.liaison);
                    }
                    if case.state == Closed {
                        push("close", Resolved, Closed, who.leader);
                    }
                }
                _ => {}
            }
        }
    }
    steps
}
