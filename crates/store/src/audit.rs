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

/// Appends the audit row of an administrator's change, if it is one: the
/// row is written in the change's own transaction, so a crash loses both
/// or neither. `author` is `None` where the change comes from the command
/// line, which is not audited.
pub(crate) async fn record_change(
    conn: &impl ConnectionTrait,
    author: Option<UserId>,
    now: DateTime<Utc>,
    action: &str,
    detail: impl FnOnce() -> Value,
) -> Result<(), StoreError> {
    match author {
        Some(by) => record(conn, Some(by.0), action, detail(), now).await,
        None => Ok(()),
    }
}
