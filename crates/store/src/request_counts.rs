//! Requests counted per key in fixed windows (table `request_counts`): the
//! store's side of `workflow::RequestLimit`, inside the caller's write
//! transaction, so that every replica counts the same (SPEC §8).

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, QuerySelect, Set};
use workflow::{LimitDecision, RequestLimit};

use crate::StoreError;
use crate::entities::request_count;

/// Counts one request under every `(key, limit)`, or, when any limit is
/// used up, counts none and says how long to wait (the longest wait). The
/// caller rolls the transaction back on a refusal.
pub(crate) async fn count_requests(
    tx: &DatabaseTransaction,
    keys: &[(String, RequestLimit)],
    now: DateTime<Utc>,
) -> Result<Option<TimeDelta>, StoreError> {
    let mut rows = Vec::with_capacity(keys.len());
    let mut wait: Option<TimeDelta> = None;
    for (key, limit) in keys {
        // A row to lock: two first requests at once on PostgreSQL would
        // otherwise both insert one, and the second fail.
        request_count::Entity::insert(request_count::ActiveModel {
            key: Set(key.clone()),
            requests: Set(0),
            window_started_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(request_count::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(tx)
        .await?;
        let row = request_count::Entity::find_by_id(key.clone())
            .lock_exclusive()
            .one(tx)
            .await?
            .ok_or_else(|| StoreError::Io(format!("request_counts: {key} vanished")))?;
        let counted = u32::try_from(row.requests).unwrap_or(0);
        match limit.decide(counted, Some(row.window_started_at), now) {
            LimitDecision::Refuse { retry_after } => {
                wait = Some(wait.map_or(retry_after, |w| w.max(retry_after)));
            }
            LimitDecision::Count { restart } => rows.push((row, restart)),
        }
    }
    if wait.is_some() {
        return Ok(wait);
    }
    for (row, restart) in rows {
        let requests = if restart { 1 } else { row.requests + 1 };
        let mut active: request_count::ActiveModel = row.into();
        active.requests = Set(requests);
        if restart {
            active.window_started_at = Set(now);
        }
        active.update(tx).await?;
    }
    Ok(None)
}
