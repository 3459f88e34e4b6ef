//! The e-mail outbox as administrators see it (SPEC §5): the e-mails that
//! gave up after the last try (or any other status), and sending a failed
//! one again. A retry is audited like every other admin change.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use workflow::{Refusal, UserId};

use crate::audit::record;
use crate::entities::outbox;
use crate::outbox::status;
use crate::{Store, StoreError};

/// The statuses an outbox row can have.
pub const STATUSES: [&str; 5] = [
    status::PENDING,
    status::SENT,
    status::FAILED,
    status::DROPPED,
    status::HISTORICAL,
];

/// An outbox row without its rendered payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxInfo {
    /// Id.
    pub id: i64,
    /// What it is (`reminder_digest`, `case_assigned`, …).
    pub kind: String,
    /// Its unique key (cause and step).
    pub key: String,
    /// To whom.
    pub recipient_email: String,
    /// `pending`, `sent`, `failed`, `dropped` or `historical`.
    pub status: String,
    /// Tries so far.
    pub attempts: i32,
    /// The last SMTP error, if any.
    pub last_error: Option<String>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it is (or was last) due for a try.
    pub next_attempt_at: DateTime<Utc>,
    /// When the SMTP server accepted it.
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<outbox::Model> for OutboxInfo {
    fn from(r: outbox::Model) -> OutboxInfo {
        OutboxInfo {
            id: r.id,
            kind: r.kind,
            key: r.key,
            recipient_email: r.recipient_email,
            status: r.status,
            attempts: r.attempts,
            last_error: r.last_error,
            created_at: r.created_at,
            next_attempt_at: r.next_attempt_at,
            sent_at: r.sent_at,
        }
    }
}

impl Store {
    /// The newest `limit` outbox rows of `wanted` status (administrators).
    /// An unknown status is a refusal naming `status`.
    pub async fn outbox_rows(
        &self,
        by: UserId,
        wanted: &str,
        limit: u64,
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxInfo>, StoreError> {
        self.administrator(by, now).await?;
        if !STATUSES.contains(&wanted) {
            return Err(Refusal::InvalidInput { field: "status" }.into());
        }
        Ok(outbox::Entity::find()
            .filter(outbox::Column::Status.eq(wanted))
            .order_by_desc(outbox::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(OutboxInfo::from)
            .collect())
    }

    /// Puts a failed e-mail back in the queue with fresh attempts, due now
    /// (administrators); audited in the same transaction. Not found for an
    /// unknown id; refused (409) for a row that has not failed.
    pub async fn retry_failed_email(
        &self,
        by: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<OutboxInfo, StoreError> {
        self.administrator(by, now).await?;
        let tx = self.write_tx().await?;
        let row = outbox::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Email,
                key: format!("#{id}"),
            })?;
        let n = outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(status::PENDING))
            .col_expr(outbox::Column::Attempts, Expr::value(0))
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
            .col_expr(
                outbox::Column::ClaimedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::Status.eq(status::FAILED))
            .exec(&tx)
            .await?
            .rows_affected;
        if n != 1 {
            return Err(Refusal::EmailNotFailed.into());
        }
        let detail = json!({ "outbox": id, "kind": row.kind, "to": row.recipient_email,
            "attempts": row.attempts, "last_error": row.last_error });
        record(&tx, Some(by.0), "retry_email", detail, now).await?;
        let after = outbox::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Email,
                key: format!("#{id}"),
            })?;
        tx.commit().await?;
        Ok(after.into())
    }
}
