//! Reading cases and their timelines, as a given user may see them.

use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::json;
use workflow::{Actor, Audience, Case, UserId};

use super::row::{find_case, not_found};
use crate::audit::record;
use crate::auth::Asker;
use crate::entities::{attachment, case_event, unit, user};
use crate::need_to_know::timeline_read;
use crate::org::actor;
use crate::reads::{ReadSelect, Reads};
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
    /// Their name.
    pub actor_name: String,
    /// Their unit (the one they acted for).
    pub unit: i64,
    /// That unit's code.
    pub unit_code: String,
    /// That unit's name.
    pub unit_name: String,
    /// The input.
    pub payload: serde_json::Value,
    /// When.
    pub at: DateTime<Utc>,
}

impl Store {
    /// The user as the rules see them, with their unit.
    pub async fn actor(&self, user: UserId, now: DateTime<Utc>) -> Result<Actor, StoreError> {
        actor(&self.read, user, now).await
    }

    /// The case `id_or_code` if `user` may see it, with the caller as the
    /// rules see them; opening a `sensitive` case is written to the audit
    /// log (SPEC §9).
    pub async fn open_case(
        &self,
        asker: impl Into<Asker>,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<(Actor, Case), StoreError> {
        let asker = asker.into();
        let user = asker.user;
        let org = self.org_for(&asker, &self.read).await?;
        let actor = org.actor(&self.read, user, now).await?;
        let case = find_case(&self.read, &org, id_or_code, now).await?.1;
        if !workflow::can_view(&actor, &case) {
            return Err(not_found(id_or_code));
        }
        if case.sensitivity.audited_on_open() {
            record(
                &self.db,
                Some(user.0),
                "open_sensitive_case",
                json!({ "case": case.code }),
                now,
            )
            .await?;
        }
        Ok((actor, case))
    }

    /// The case `id_or_code` if `user` may see it; otherwise not found.
    pub async fn get_case(
        &self,
        asker: impl Into<Asker>,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<Case, StoreError> {
        let asker = asker.into();
        let user = asker.user;
        let org = self.org_for(&asker, &self.read).await?;
        let actor = org.actor(&self.read, user, now).await?;
        let case = find_case(&self.read, &org, id_or_code, now).await?.1;
        if workflow::can_view(&actor, &case) {
            Ok(case)
        } else {
            Err(not_found(id_or_code))
        }
    }

    /// The timeline of a case `user` may see, oldest first, as far as
    /// they may read it (SPEC §10): a reader outside the internal audience
    /// gets the entries of theirs, states in their own terms.
    pub async fn case_events(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let (actor, case) = self.open_case(user, id_or_code, now).await?;
        let rows = case_event::Entity::find()
            .filter(case_event::Column::CaseId.eq(case.id.0))
            .order_by_asc(case_event::Column::Seq)
            .read_all(&self.read)
            .await?;
        let reader = workflow::reader(&actor, &case);
        let rows = if reader == Audience::Internal {
            rows
        } else {
            let files = attachment::Entity::find()
                .filter(attachment::Column::CaseId.eq(case.id.0))
                .read_all(&self.read)
                .await?;
            timeline_read(&case, reader, rows, &files)
        };
        let names = author_names(&self.read, &rows).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let (unit_code, unit_name) =
                    names.units.get(&r.unit_id).cloned().unwrap_or_default();
                StoredEvent {
                    id: r.id,
                    seq: r.seq,
                    action: r.action,
                    from: r.from_state,
                    to: r.to_state,
                    actor: r.actor_id,
                    actor_name: names.users.get(&r.actor_id).cloned().unwrap_or_default(),
                    unit: r.unit_id,
                    unit_code,
                    unit_name,
                    payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
                    at: r.created_at,
                }
            })
            .collect())
    }
}

/// The names of the authors of a timeline and of their units.
struct Authors {
    users: HashMap<i64, String>,
    units: HashMap<i64, (String, String)>,
}

/// One query for the users and one for the units a timeline names.
async fn author_names(
    conn: &impl Reads,
    rows: &[case_event::Model],
) -> Result<Authors, StoreError> {
    let user_ids: BTreeSet<i64> = rows.iter().map(|r| r.actor_id).collect();
    let unit_ids: BTreeSet<i64> = rows.iter().map(|r| r.unit_id).collect();
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let units = unit::Entity::find()
        .filter(unit::Column::Id.is_in(unit_ids))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, (u.code, u.name)))
        .collect();
    Ok(Authors { users, units })
}
