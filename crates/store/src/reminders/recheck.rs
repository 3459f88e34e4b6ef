//! The reason of a reminder, checked again just before it is sent: a duty
//! submitted or waived, a trial moved, a case answered or its deadline
//! changed meanwhile — the reminder is dropped, not sent. A digest's
//! items are checked one by one when it is built
//! ([`Store::digest_items`](crate::Store::digest_items)).

use sea_orm::EntityTrait;
use workflow::{CaseState, DeadlineKind, DutyStatus};

use super::cases::due_of;
use super::{CASE_REMINDER, DUTY_REMINDER, OPINION_REPORT_REMINDER, REMINDER_DIGEST};
use crate::entities::{case, duty_instance, outbox};
use crate::{Store, StoreError};

impl Store {
    /// Whether the outbox row's reason still holds. Notices of events
    /// (case assigned, answer received…) always do.
    pub async fn reason_holds(&self, row: &outbox::Model) -> Result<bool, StoreError> {
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
        self.payload_holds(&row.kind, &payload).await
    }

    /// Whether the reason of a reminder of `kind` with `payload` (an
    /// outbox row's, or a digest item's) still holds.
    pub(super) async fn payload_holds(
        &self,
        kind: &str,
        payload: &serde_json::Value,
    ) -> Result<bool, StoreError> {
        let due_ts = payload["due_ts"].as_i64();
        match kind {
            // Its items are checked when it is built; none left, it is
            // dropped there.
            REMINDER_DIGEST => Ok(true),
            DUTY_REMINDER => {
                let Some(id) = payload["duty_id"].as_i64() else {
                    return Ok(false);
                };
                Ok(duty_instance::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .is_some_and(|d| {
                        DutyStatus::from_code(&d.status).is_some_and(DutyStatus::is_owed)
                            && Some(d.due_at.timestamp()) == due_ts
                    }))
            }
            CASE_REMINDER => {
                let Some(id) = payload["case_id"].as_i64() else {
                    return Ok(false);
                };
                let Some(row) = case::Entity::find_by_id(id).one(&self.db).await? else {
                    return Ok(false);
                };
                let wanted = payload["deadline"].as_str().unwrap_or_default();
                let running = CaseState::from_code(&row.state)
                    .map(DeadlineKind::running_in)
                    .unwrap_or_default();
                Ok(running.iter().any(|&k| {
                    k.code() == wanted && due_of(&row, k).map(|d| d.timestamp()) == due_ts
                }))
            }
            // A monthly opinion report filed meanwhile makes it moot.
            OPINION_REPORT_REMINDER => super::opinion_reports::still_owed(&self.db, payload).await,
            crate::orientations::ORIENTATION_REMINDER => {
                // An acknowledgement that came first makes the reminder moot.
                let Some(id) = payload["recipient_id"].as_i64() else {
                    return Ok(false);
                };
                Ok(
                    crate::entities::orientation_recipient::Entity::find_by_id(id)
                        .one(&self.db)
                        .await?
                        .is_some_and(|r| r.acknowledged_at.is_none()),
                )
            }
            crate::auth::PASSWORD_RESET => {
                // A link used (or superseded by its use) is not mailed late.
                let token = payload["token"].as_str().unwrap_or_default();
                self.reset_link_unused(token).await
            }
            _ => Ok(true),
        }
    }
}
