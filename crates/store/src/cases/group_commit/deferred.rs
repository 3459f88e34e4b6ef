//! The events and e-mails of a batch's actions, written together (SQLite,
//! W3). Each keyless action that writes nothing but its case's row, one
//! event and its e-mails ([`Decided::writes_case_event_and_mails`]) updates
//! its case at once (the compare-and-set is its answer) and leaves its
//! event and e-mails here; [`Deferred::flush`] writes those of every such
//! action with two multi-row inserts. Every statement is a round trip to
//! sqlx's SQLite thread while the batch holds the one write lock: an accept
//! cost the writer three (update, event, e-mail), now one and a share of
//! two.
//!
//! An event's id is taken beforehand, since its e-mails name it: one more
//! than the events' `AUTOINCREMENT` counter, which is what SQLite would
//! give it, as nothing else writes while the batch holds the lock. The
//! batch flushes before any job that writes events its own way, so that
//! the next ids are read after those. A failed flush leaves part of the
//! batch written: the batch is written again, each job in a savepoint.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, DbErr};

use super::super::act::{Decided, compare_and_set};
use super::Action;
use crate::StoreError;
use crate::entities::{case_event, outbox};
use crate::events::{columns_with_id, values_with_id};
use crate::outbox::{MAIL_COLUMNS, mail_values, notice_mails, once_per_key};
use workflow::Case;

/// The events and e-mails kept for one write.
#[derive(Default)]
pub(in super::super) struct Deferred {
    /// The id the next event takes, once read.
    next_id: Option<i64>,
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

    /// Updates the case as `decided` and keeps its event and e-mails. An
    /// `Err` with `changed` unset has written nothing.
    pub(in super::super) async fn act(
        &mut self,
        tx: &DatabaseTransaction,
        action: &Action,
        decided: Decided,
        changed: &mut bool,
    ) -> Result<Case, StoreError> {
        let plain = decided.into_plain()?;
        let (event, after) = (&plain.event, &plain.after);
        compare_and_set(tx, &plain.row, &plain.before, after, action.version).await?;
        *changed = true;
        let id = self.take_id(tx).await?;
        let mails = notice_mails(tx, &action.org, after, &plain.notices, Some((id, event))).await?;
        self.events.push(values_with_id(id, after.id, event));
        self.mails
            .extend(mails.iter().map(|mail| mail_values(mail, action.now)));
        Ok(plain.after)
    }

    /// Writes the events and e-mails kept; the next event's id will be read
    /// again.
    pub(in super::super) async fn flush(&mut self, tx: &DatabaseTransaction) -> Result<(), DbErr> {
        self.next_id = None;
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
