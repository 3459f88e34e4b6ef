//! The meetings of a case as its page and the API list them, for the
//! internal audience of the case only (SPEC §10).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use workflow::{Audience, UserId};

use super::{invitation, key_prefix};
use crate::cases::row::{find_case, not_found};
use crate::entities::{meeting, meeting_invitation, outbox as outbox_row, unit};
use crate::org::actor;
use crate::{Store, StoreError};

/// One meeting of a case as its page and `GET /cases/{id}/meetings` list
/// it, its times in the calendar's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingView {
    /// Its number (`meeting` of `log_meeting`).
    pub id: i64,
    /// Scheduled (with invitations) rather than only logged.
    pub scheduled: bool,
    /// Start and end.
    pub starts_at: DateTime<FixedOffset>,
    /// End, when scheduled.
    pub ends_at: Option<DateTime<FixedOffset>>,
    /// Where.
    pub place: Option<String>,
    /// The chairing unit's code.
    pub chair_unit: String,
    /// What it is to settle.
    pub agenda: Option<String>,
    /// Each invited unit with how its invitation stands.
    pub invitations: Vec<Invitation>,
    /// Whether the board was represented, once it was held.
    pub board_present: Option<bool>,
}

/// One invited unit of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// The unit's code.
    pub unit: String,
    /// `queued`, `sent` or `failed` (no address, or a delivery given up).
    pub status: String,
}

impl Store {
    /// The meetings of the case `id_or_code`, earliest first, if `user`
    /// reads the case's internal file; otherwise not found (a reporter
    /// does not read them, §10).
    pub async fn meetings_for(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Vec<MeetingView>, StoreError> {
        let actor = actor(&self.db, user, now).await?;
        let org = self.org(&self.db).await?;
        let case = find_case(&self.db, &org, id_or_code, now).await?.1;
        if !workflow::can_view(&actor, &case)
            || workflow::reader(&actor, &case) != Audience::Internal
        {
            return Err(not_found(id_or_code));
        }
        self.meetings_of(case.id.0, tz).await
    }

    /// The meetings of the case `case_id`, earliest first. The caller has
    /// checked that the reader reads the case's internal record.
    pub async fn meetings_of(&self, case_id: i64, tz: Tz) -> Result<Vec<MeetingView>, StoreError> {
        let rows = meeting::Entity::find()
            .filter(meeting::Column::CaseId.eq(case_id))
            .order_by_asc(meeting::Column::StartsAt)
            .order_by_asc(meeting::Column::Id)
            .all(&self.db)
            .await?;
        let mut unit_ids: Vec<i64> = rows.iter().map(|m| m.chair_unit_id).collect();
        let invitations = meeting_invitation::Entity::find()
            .filter(meeting_invitation::Column::MeetingId.is_in(rows.iter().map(|m| m.id)))
            // In the order the units were entered in the organisation, the
            // same on every backend.
            .order_by_asc(meeting_invitation::Column::UnitId)
            .all(&self.db)
            .await?;
        unit_ids.extend(invitations.iter().map(|i| i.unit_id));
        let codes: HashMap<i64, String> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(unit_ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.code))
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for m in rows {
            let mut invited = Vec::new();
            for i in invitations.iter().filter(|i| i.meeting_id == m.id) {
                let status = invitation_status(&self.db, &m, i).await?;
                invited.push(Invitation {
                    unit: codes.get(&i.unit_id).cloned().unwrap_or_default(),
                    status: status.to_owned(),
                });
            }
            out.push(MeetingView {
                id: m.id,
                scheduled: m.event_id.is_some(),
                starts_at: m.starts_at.with_timezone(&tz).fixed_offset(),
                ends_at: m.ends_at.map(|at| at.with_timezone(&tz).fixed_offset()),
                place: m.place,
                chair_unit: codes.get(&m.chair_unit_id).cloned().unwrap_or_default(),
                agenda: m.agenda,
                invitations: invited,
                board_present: m.board_present,
            });
        }
        Ok(out)
    }
}

/// A queued invitation is `sent` once every e-mail of it was delivered,
/// `failed` when one was given up, `queued` until then.
async fn invitation_status(
    conn: &impl ConnectionTrait,
    m: &meeting::Model,
    i: &meeting_invitation::Model,
) -> Result<&'static str, StoreError> {
    if i.status == invitation::FAILED {
        return Ok(invitation::FAILED);
    }
    let rows = outbox_row::Entity::find()
        .filter(outbox_row::Column::Key.starts_with(key_prefix(m.id, m.sequence, i.unit_id)))
        .all(conn)
        .await?;
    use crate::outbox::status;
    Ok(if rows.iter().any(|r| r.status == status::FAILED) {
        invitation::FAILED
    } else if !rows.is_empty() && rows.iter().all(|r| r.status == status::SENT) {
        invitation::SENT
    } else {
        invitation::QUEUED
    })
}
