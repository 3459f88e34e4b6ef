//! The notices of a case with each recipient's status (SPEC §12), for the
//! internal audience of the case only (§10).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{Audience, UserId};

use super::{OrientationNotice, OrientationRecipient, RecipientStatus};
use crate::cases::row::{find_case, not_found};
use crate::entities::{
    case_event, orientation_link, orientation_notice, orientation_recipient, outbox, unit,
};
use crate::org::actor;
use crate::outbox::status;
use crate::{Store, StoreError};

impl Store {
    /// The orientation notices of the case `id_or_code`, oldest first, with
    /// each recipient's status, if `user` reads the case's internal file;
    /// otherwise not found (a reporter does not read them, §10).
    pub async fn orientations_of(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Vec<OrientationNotice>, StoreError> {
        let conn = &self.db;
        let actor = actor(conn, user, now).await?;
        let org = self.org(conn).await?;
        let case = find_case(conn, &org, id_or_code, now).await?.1;
        if !workflow::can_view(&actor, &case)
            || workflow::reader(&actor, &case) != Audience::Internal
        {
            return Err(not_found(id_or_code));
        }
        let notices = orientation_notice::Entity::find()
            .filter(orientation_notice::Column::CaseId.eq(case.id.0))
            .order_by_asc(orientation_notice::Column::Version)
            .all(conn)
            .await?;
        let ids: Vec<i64> = notices.iter().map(|n| n.id).collect();
        let recipients = orientation_recipient::Entity::find()
            .filter(orientation_recipient::Column::NoticeId.is_in(ids.clone()))
            .order_by_asc(orientation_recipient::Column::Id)
            .all(conn)
            .await?;
        let recipient_ids: Vec<i64> = recipients.iter().map(|r| r.id).collect();
        let links = orientation_link::Entity::find()
            .filter(orientation_link::Column::RecipientId.is_in(recipient_ids))
            .all(conn)
            .await?;
        let keys: Vec<String> = links.iter().map(|l| l.outbox_key.clone()).collect();
        let delivery: HashMap<String, String> = outbox::Entity::find()
            .filter(outbox::Column::Key.is_in(keys))
            .all(conn)
            .await?
            .into_iter()
            .map(|o| (o.key, o.status))
            .collect();
        let mut unit_ids: Vec<i64> = recipients.iter().map(|r| r.unit_id).collect();
        unit_ids.extend(notices.iter().map(|n| n.issuer_unit_id));
        let units: HashMap<i64, unit::Model> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(unit_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let events: HashMap<i64, serde_json::Value> = case_event::Entity::find()
            .filter(case_event::Column::Id.is_in(notices.iter().map(|n| n.event_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| (e.id, serde_json::from_str(&e.payload).unwrap_or_default()))
            .collect();
        let labels: HashMap<i64, String> =
            notices.iter().map(|n| (n.id, n.label.clone())).collect();
        Ok(notices
            .iter()
            .map(|n| {
                let payload = events.get(&n.event_id).cloned().unwrap_or_default();
                OrientationNotice {
                    id: n.id,
                    number: n.label.clone(),
                    version: n.version,
                    replaces: n.replaces_id.and_then(|id| labels.get(&id).cloned()),
                    issued_at: n.created_at.with_timezone(&tz).fixed_offset(),
                    issuer: units
                        .get(&n.issuer_unit_id)
                        .map_or_else(String::new, |u| u.code.clone()),
                    messages: payload["messages"].as_str().unwrap_or_default().to_owned(),
                    channels: payload["channels"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|c| c.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    audience: payload["audience"].as_str().unwrap_or_default().to_owned(),
                    recipients: recipients
                        .iter()
                        .filter(|r| r.notice_id == n.id)
                        .map(|r| {
                            let statuses: Vec<Option<&String>> = links
                                .iter()
                                .filter(|l| l.recipient_id == r.id)
                                .map(|l| delivery.get(&l.outbox_key))
                                .collect();
                            recipient(r, units.get(&r.unit_id), &statuses, tz)
                        })
                        .collect(),
                }
            })
            .collect())
    }
}

/// A recipient's status: acknowledged whenever it was; failed when no
/// address was found or every e-mail to it failed; sent otherwise.
fn recipient(
    r: &orientation_recipient::Model,
    unit: Option<&unit::Model>,
    deliveries: &[Option<&String>],
    tz: Tz,
) -> OrientationRecipient {
    let failure = if r.acknowledged_at.is_some() {
        None
    } else if deliveries.is_empty() {
        Some("no_address")
    } else if deliveries
        .iter()
        .all(|s| s.is_some_and(|s| s == status::FAILED))
    {
        Some("delivery_failed")
    } else {
        None
    };
    OrientationRecipient {
        unit: unit.map_or_else(String::new, |u| u.code.clone()),
        unit_name: unit.map_or_else(String::new, |u| u.name.clone()),
        status: match (r.acknowledged_at, failure) {
            (Some(_), _) => RecipientStatus::Acknowledged,
            (None, Some(_)) => RecipientStatus::Failed,
            (None, None) => RecipientStatus::Sent,
        },
        acknowledged_at: r
            .acknowledged_at
            .map(|at| at.with_timezone(&tz).fixed_offset()),
        acknowledged_by: r.acknowledged_by.clone(),
        failure: failure.map(str::to_owned),
    }
}
