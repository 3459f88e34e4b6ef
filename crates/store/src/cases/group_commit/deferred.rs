//! The writes of a batch's plain actions, made together (SQLite, W3).
//! Each keyless action that writes nothing but its case's row, one event
//! and its e-mails ([`Decided::writes_case_event_and_mails`]) leaves its
//! update, event and e-mails here; [`Deferred::flush`] writes those of
//! every such action with one update per set of changed columns and two
//! multi-row inserts. Every statement is a round trip to sqlx's SQLite
//! thread while the batch holds the one write lock, and on a virtual
//! machine each costs ~0.2 ms of waking threads, more than its work: an
//! accept cost the writer three (update, event, e-mail), then one, now a
//! share of three.
//!
//! An event's id is taken beforehand, since its e-mails name it: one more
//! than the events' `AUTOINCREMENT` counter, which is what SQLite would
//! give it, as nothing else writes while the batch holds the lock. The
//! batch flushes before any job that writes events its own way or reads a
//! case again, so that it reads what the kept updates changed and the
//! next ids after those events. An update that finds its case at another
//! version than it was decided on, or a failed flush, leaves part of the
//! batch written: the batch is written again, each job in a savepoint,
//! where each action gets its own answer.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr,
    IdenStatic, Iterable, Statement, Value,
};

use super::super::act::Decided;
use super::super::row::to_changes;
use super::Action;
use crate::StoreError;
use crate::entities::{case, case_event, outbox};
use crate::events::{columns_with_id, values_with_id};
use crate::outbox::{MAIL_COLUMNS, mail_values, notice_mails, once_per_key};
use workflow::Case;

/// A case's update kept: its id, the version it was decided on, and the
/// new values of the columns it changes.
type Update = (i64, i64, Vec<Value>);

/// The updates, events and e-mails kept for one write.
#[derive(Default)]
pub(in super::super) struct Deferred {
    /// The id the next event takes, once read.
    next_id: Option<i64>,
    /// The cases' updates, by the columns they change: each case's id, the
    /// version it was decided on, and the new values.
    updates: BTreeMap<Vec<&'static str>, Vec<Update>>,
    /// Each event's values, with its id first.
    events: Vec<Vec<Expr>>,
    /// Each e-mail's values.
    mails: Vec<[Expr; 10]>,
}

impl Deferred {
    /// Whether actions on `tx` may keep their events here: on SQLite,
    /// whose event ids it can tell beforehand (PostgreSQL's actions do not
    /// go through the writer).
    pub(in super::super) fn applies_to(&self, tx: &DatabaseTransaction) -> bool {
        tx.get_database_backend() == DbBackend::Sqlite
    }

    /// Keeps the update, event and e-mails of the action `decided`. Its
    /// answer holds once the batch is flushed and committed. An `Err` has
    /// written and kept nothing.
    pub(in super::super) async fn act(
        &mut self,
        tx: &DatabaseTransaction,
        action: &Action,
        decided: Decided,
    ) -> Result<Case, StoreError> {
        let plain = decided.into_plain()?;
        let (event, after) = (&plain.event, &plain.after);
        let id = self.take_id(tx).await?;
        let mails = notice_mails(tx, &action.org, after, &plain.notices, Some((id, event))).await?;
        self.keep_update(plain.row.id, &plain.before, after);
        self.events.push(values_with_id(id, after.id, event));
        self.mails
            .extend(mails.iter().map(|mail| mail_values(mail, action.now)));
        Ok(plain.after)
    }

    /// The columns `after` changes from `before`, with their new values.
    fn keep_update(&mut self, id: i64, before: &Case, after: &Case) {
        let changes = to_changes(before, after);
        let (mut columns, mut values) = (Vec::new(), Vec::new());
        for column in case::Column::iter() {
            if let ActiveValue::Set(value) = changes.get(column) {
                columns.push(column.as_str());
                values.push(value);
            }
        }
        let updates = self.updates.entry(columns).or_default();
        updates.push((id, before.version, values));
    }

    /// Writes the updates, events and e-mails kept; the next event's id
    /// will be read again. An update that finds its case changed is an
    /// error: the batch must be written again.
    pub(in super::super) async fn flush(&mut self, tx: &DatabaseTransaction) -> Result<(), DbErr> {
        self.next_id = None;
        for (columns, updates) in std::mem::take(&mut self.updates) {
            let expected = updates.len() as u64;
            let updated = tx.execute_raw(update(&columns, updates)).await?;
            if updated.rows_affected() != expected {
                return Err(DbErr::Custom(format!(
                    "{} of {expected} cases updated together",
                    updated.rows_affected()
                )));
            }
        }
        if !self.events.is_empty() {
            let mut insert = Query::insert();
            insert
                .into_table(case_event::Entity)
                .columns(columns_with_id());
            for values in self.events.drain(..) {
                insert.values_panic(values);
            }
            tx.execute_raw(tx.get_database_backend().build(&insert))
                .await?;
        }
        if !self.mails.is_empty() {
            let mut insert = Query::insert();
            insert.into_table(outbox::Entity).columns(MAIL_COLUMNS);
            for values in self.mails.drain(..) {
                insert.values_panic(values);
            }
            insert.on_conflict(once_per_key());
            tx.execute_raw(tx.get_database_backend().build(&insert))
                .await?;
        }
        Ok(())
    }

    /// The next event's id: one more than the counter, read once per flush.
    async fn take_id(&mut self, tx: &DatabaseTransaction) -> Result<i64, StoreError> {
        let id = match self.next_id {
            Some(id) => id,
            None => next_event_id(tx).await?,
        };
        self.next_id = Some(id + 1);
        Ok(id)
    }
}

/// One statement updating each case of `updates` (id, version decided on,
/// new values of `columns`) if it is still at that version:
/// `WITH v(id, decided_on, …) AS (VALUES …) UPDATE cases SET … FROM v`.
fn update(columns: &[&'static str], updates: Vec<Update>) -> Statement {
    let row = format!("({})", vec!["?"; columns.len() + 2].join(", "));
    let rows = vec![row; updates.len()].join(", ");
    let named = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>();
    let set = named
        .iter()
        .map(|c| format!("{c} = v.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "WITH v(id, decided_on, {}) AS (VALUES {rows}) \
         UPDATE cases SET {set} FROM v WHERE cases.id = v.id AND cases.version = v.decided_on",
        named.join(", ")
    );
    let mut values = Vec::with_capacity(updates.len() * (columns.len() + 2));
    for (id, version, changed) in updates {
        values.push(id.into());
        values.push(version.into());
        values.extend(changed);
    }
    Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
}

/// The id SQLite would give the next event.
async fn next_event_id(tx: &DatabaseTransaction) -> Result<i64, StoreError> {
    let select = Query::select()
        .expr(Expr::cust(
            "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'case_events'), 0) + 1",
        ))
        .to_owned();
    let row = (tx
        .query_one_raw(tx.get_database_backend().build(&select))
        .await?)
        .ok_or_else(|| DbErr::Custom("no next event id".to_owned()))?;
    Ok(row.try_get_by_index::<i64>(0)?)
}
