//! The audit log (SPEC §9): sign-ins, failed sign-ins, admin changes and
//! openings of sensitive cases. Rows are only ever inserted.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::Value;
use workflow::UserId;

use crate::StoreError;
use crate::entities::audit_log;

/// Appends one audit row. `detail` must never hold a secret.
pub(crate) async fn record(
    conn: &impl ConnectionTrait,
    actor: Option<i64>,
    action: &str,
    detail: Value,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    audit_log::ActiveModel {
        at: Set(now),
        actor_user_id: Set(actor),
        action: Set(action.to_owned()),
        detail: Set(detail.to_string()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The administrator making a change and when: the change's audit row is
/// written in the change's own transaction, so a crash loses both or
/// neither. `None` where the change comes from the command line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChangedBy {
    /// The administrator.
    pub by: UserId,
    /// When.
    pub now: DateTime<Utc>,
}

/// Appends the audit row of an administrator's change, if it is one.
pub(crate) async fn record_change(
    conn: &impl ConnectionTrait,
    author: Option<ChangedBy>,
    action: &str,
    detail: impl FnOnce() -> Value,
) -> Result<(), StoreError> {
    match author {
        Some(a) => record(conn, Some(a.by.0), action, detail(), a.now).await,
        None => Ok(()),
    }
}
