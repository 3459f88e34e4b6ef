//! Removing what has expired: browser sessions past their expiry,
//! `Idempotency-Key` answers older than [`KEY_HOURS`], failed sign-in
//! counts that no longer slow anyone down and request counts whose window
//! is over. A periodic scheduler job calls
//! it; nothing that still has an effect is removed.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{idempotency_key, login_attempt, request_count, session};
use crate::idempotency::KEY_HOURS;
use crate::{Store, StoreError};

/// How many rows of each kind were removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// Expired sessions.
    pub sessions: u64,
    /// Idempotency keys older than [`KEY_HOURS`].
    pub idempotency_keys: u64,
    /// Failed sign-in counts whose last failure is before the cut-off.
    pub login_attempts: u64,
    /// Request counts whose window started before the cut-off.
    pub request_counts: u64,
}

impl Store {
    /// Removes, as of `now`, the sessions that expired, the idempotency
    /// keys kept for [`KEY_HOURS`] already, and the failed sign-in counts
    /// last touched before `attempts_before` (the throttle's
    /// `forgotten_before(now)`: they no longer count), and the request
    /// counts whose window started before `requests_before` (the limits'
    /// `forgotten_before(now)`). One transaction.
    pub async fn purge_expired(
        &self,
        now: DateTime<Utc>,
        attempts_before: DateTime<Utc>,
        requests_before: DateTime<Utc>,
    ) -> Result<Purged, StoreError> {
        let tx = self.write_tx().await?;
        let sessions = session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lte(now))
            .exec(&tx)
            .await?
            .rows_affected;
        let idempotency_keys = idempotency_key::Entity::delete_many()
            .filter(idempotency_key::Column::CreatedAt.lte(now - TimeDelta::hours(KEY_HOURS)))
            .exec(&tx)
            .await?
            .rows_affected;
        let login_attempts = login_attempt::Entity::delete_many()
            .filter(login_attempt::Column::LastFailureAt.lt(attempts_before))
            .exec(&tx)
            .await?
            .rows_affected;
        let request_counts = request_count::Entity::delete_many()
            .filter(request_count::Column::WindowStartedAt.lt(requests_before))
            .exec(&tx)
            .await?
            .rows_affected;
        tx.commit().await?;
        Ok(Purged {
            sessions,
            idempotency_keys,
            login_attempts,
            request_counts,
        })
    }
}
