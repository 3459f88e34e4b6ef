//! What the outbox dispatcher asks of the database: claiming due rows
//! under a lease, and recording what became of each. A claimed row belongs
//! to one dispatcher until its lease ends, so several schedulers on one
//! database never send a row twice while it is being sent.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement, TransactionTrait,
};

use crate::entities::outbox;
use crate::outbox::status;
use crate::{Store, StoreError};

/// The kinds of e-mail that carry a one-time link: their payload is
/// blanked once the e-mail is sent (or will never be).
pub(crate) const SECRET_KINDS: [&str; 3] = [
    crate::auth::PASSWORD_RESET,
    crate::orientations::ORIENTATION_NOTICE,
    crate::orientations::ORIENTATION_REMINDER,
];

/// Rows due for delivery at `due_by` and not held by a live lease at `clock`.
fn claimable(due_by: DateTime<Utc>, clock: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(outbox::Column::Status.eq(status::PENDING))
        .add(outbox::Column::NextAttemptAt.lte(due_by))
        .add(
            Condition::any()
                .add(outbox::Column::ClaimedUntil.is_null())
                .add(outbox::Column::ClaimedUntil.lt(clock)),
        )
}

impl Store {
    /// Claims up to `limit` rows due at `due_by` for `worker`, leased until
    /// `clock + lease`. `due_by` is the sweep's "now" (a time-travelling
    /// `remind --as-of` passes T); the lease runs on the real `clock`, so
    /// that it means the same to every process.
    pub async fn claim_outbox(
        &self,
        worker: &str,
        due_by: DateTime<Utc>,
        clock: DateTime<Utc>,
        lease: Duration,
        limit: u64,
    ) -> Result<Vec<outbox::Model>, StoreError> {
        let until = clock + lease;
        if self.backend() == DbBackend::Postgres {
            // Rows locked by another dispatcher's claim are skipped, not
            // waited for: the two take disjoint batches.
            let tx = self.db.begin().await?;
            let ids: Vec<i64> = outbox::Entity::find()
                .select_only()
                .column(outbox::Column::Id)
                .filter(claimable(due_by, clock))
                .order_by_asc(outbox::Column::Id)
                .limit(limit)
                .lock_with_behavior(
                    sea_orm::sea_query::LockType::Update,
                    sea_orm::sea_query::LockBehavior::SkipLocked,
                )
                .into_tuple()
                .all(&tx)
                .await?;
            if ids.is_empty() {
                tx.commit().await?;
                return Ok(Vec::new());
            }
            outbox::Entity::update_many()
                .col_expr(outbox::Column::ClaimedBy, Expr::value(worker))
                .col_expr(outbox::Column::ClaimedUntil, Expr::value(until))
                .filter(outbox::Column::Id.is_in(ids.clone()))
                .exec(&tx)
                .await?;
            let rows = outbox::Entity::find()
                .filter(outbox::Column::Id.is_in(ids))
                .order_by_asc(outbox::Column::Id)
                .all(&tx)
                .await?;
            tx.commit().await?;
            return Ok(rows);
        }
        // SQLite: one conditional UPDATE per candidate; the database's
        // single writer makes each one atomic, and the condition repeats
        // the claimable test, so only one claimant can win a row.
        let candidates = outbox::Entity::find()
            .filter(claimable(due_by, clock))
            .order_by_asc(outbox::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?;
        let mut rows = Vec::new();
        for row in candidates {
            let won = outbox::Entity::update_many()
                .col_expr(outbox::Column::ClaimedBy, Expr::value(worker))
                .col_expr(outbox::Column::ClaimedUntil, Expr::value(until))
                .filter(outbox::Column::Id.eq(row.id))
                .filter(claimable(due_by, clock))
                .exec(&self.db)
                .await?
                .rows_affected
                == 1;
            if won {
                rows.push(row);
            }
        }
        Ok(rows)
    }

    /// Renews `worker`'s claim on a row just before sending it; `false`
    /// when the claim was lost (lease expired and another dispatcher took
    /// the row, or it is no longer pending): the row must not be sent.
    pub async fn renew_claim(
        &self,
        id: i64,
        worker: &str,
        clock: DateTime<Utc>,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        let n = outbox::Entity::update_many()
            .col_expr(outbox::Column::ClaimedUntil, Expr::value(clock + lease))
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::ClaimedBy.eq(worker))
            .filter(outbox::Column::Status.eq(status::PENDING))
            .filter(outbox::Column::ClaimedUntil.gte(clock))
            .exec(&self.db)
            .await?
            .rows_affected;
        Ok(n == 1)
    }

    /// Records a row as sent, at once after the SMTP server accepted it:
    /// the window in which a crash could resend it is this one statement.
    pub async fn mark_sent(
        &self,
        id: i64,
        worker: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        release(id, worker)
            .col_expr(outbox::Column::Status, Expr::value(status::SENT))
            .col_expr(outbox::Column::SentAt, Expr::value(at))
            .exec(&self.db)
            .await?;
        // A reset or acknowledgement link is a secret: once mailed, the
        // outbox keeps no copy.
        outbox::Entity::update_many()
            .col_expr(outbox::Column::Payload, Expr::value("{}"))
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::Kind.is_in(SECRET_KINDS))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Records a row whose reason went away: it will not be sent.
    pub async fn mark_dropped(&self, id: i64, worker: &str) -> Result<(), StoreError> {
        self.set_status(id, worker, status::DROPPED).await
    }

    /// Records a failed try: back to pending for `next` (backoff), or
    /// `failed` when `give_up`. The error text must hold no secret.
    pub async fn mark_attempt_failed(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        next: DateTime<Utc>,
        give_up: bool,
    ) -> Result<(), StoreError> {
        let status = if give_up {
            status::FAILED
        } else {
            status::PENDING
        };
        release(id, worker)
            .col_expr(outbox::Column::Status, Expr::value(status))
            .col_expr(
                outbox::Column::Attempts,
                Expr::col(outbox::Column::Attempts).add(1),
            )
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(next))
            .col_expr(outbox::Column::LastError, Expr::value(error))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn set_status(&self, id: i64, worker: &str, to: &str) -> Result<(), StoreError> {
        release(id, worker)
            .col_expr(outbox::Column::Status, Expr::value(to))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The rows that gave up, newest first: what admins see.
    pub async fn failed_outbox(&self) -> Result<Vec<outbox::Model>, StoreError> {
        Ok(outbox::Entity::find()
            .filter(outbox::Column::Status.eq(status::FAILED))
            .order_by_desc(outbox::Column::Id)
            .all(&self.db)
            .await?)
    }

    /// Puts a failed row back in the queue with fresh attempts (an admin's
    /// retry). Returns whether a failed row was found.
    pub async fn retry_outbox(&self, id: i64, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let n = outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(status::PENDING))
            .col_expr(outbox::Column::Attempts, Expr::value(0))
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::Status.eq(status::FAILED))
            .exec(&self.db)
            .await?
            .rows_affected;
        Ok(n == 1)
    }

    /// Rows per status, for summaries and tests.
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(
                self.backend(),
                "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status ORDER BY status",
            ))
            .await?;
        let mut out = Vec::new();
        for r in rows {
            out.push((
                r.try_get::<String>("", "status")?,
                r.try_get::<i64>("", "n")?,
            ));
        }
        Ok(out)
    }
}

/// An update of a row this worker holds that also gives up the claim; a row
/// whose claim passed to another worker is left alone.
fn release(id: i64, worker: &str) -> sea_orm::UpdateMany<outbox::Entity> {
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::ClaimedBy.eq(worker))
}
