//! Reading cases and their timelines, as a given user may see them.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use workflow::{Case, UserId};

use super::row::{find, not_found, to_case};
use crate::entities::case_event;
use crate::org::actor;
use crate::{Store, StoreError};

/// One entry of a case's timeline as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Row id.
    pub id: i64,
    /// 1, 2, 3… within the case.
    pub seq: i32,
    /// Action code.
    pub action: String,
    /// State before.
    pub from: Option<String>,
    /// State after.
    pub to: String,
    /// Who.
    pub actor: i64,
    /// Their unit.
    pub unit: i64,
    /// The input.
    pub payload: serde_json::Value,
    /// When.
    pub at: DateTime<Utc>,
}

impl Store {
    /// The case `id_or_code` if `user` may see it; otherwise not found.
    pub async fn get_case(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<Case, StoreError> {
        let actor = actor(&self.db, user, now).await?;
        let case = to_case(&self.db, &find(&self.db, id_or_code).await?, now).await?;
        if workflow::can_view(&actor, &case) {
            Ok(case)
        } else {
            Err(not_found(id_or_code))
        }
    }

    /// The timeline of a case `user` may see, oldest first.
    pub async fn case_events(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let case = self.get_case(user, id_or_code, now).await?;
        let rows = case_event::Entity::find()
            .filter(case_event::Column::CaseId.eq(case.id.0))
            .order_by_asc(case_event::Column::Seq)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| StoredEvent {
                id: r.id,
                seq: r.seq,
                action: r.action,
                from: r.from_state,
                to: r.to_state,
                actor: r.actor_id,
                unit: r.unit_id,
                payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
                at: r.created_at,
            })
            .collect())
    }
}
