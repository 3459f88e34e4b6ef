//! Submission by the provider's liaison, acknowledgement by the recipient
//! board, waiver by an admin: one transaction each, the rule from
//! `workflow::duty_transition`.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use workflow::{DutyAction, DutyStatus, Refusal, UnitId, UserId, duty_transition};

use crate::entities::duty_instance;
use crate::org::actor;
use crate::{Store, StoreError};

/// Longest submission text or waiver reason, in characters.
const MAX_TEXT: usize = 20_000;

/// What a user does to a duty instance, with its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyMove {
    /// The information itself.
    Submit {
        /// The text given.
        text: String,
    },
    /// Receipt confirmed.
    Acknowledge,
    /// Released from the duty.
    Waive {
        /// Why (required).
        reason: String,
    },
}

impl Store {
    /// Carries out `action` on the duty instance `id` as `user`. Returns
    /// the instance as it is now.
    pub async fn move_duty(
        &self,
        user: UserId,
        id: i64,
        action: DutyMove,
        now: DateTime<Utc>,
    ) -> Result<duty_instance::Model, StoreError> {
        let tx = self.write_tx().await?;
        let actor = actor(&tx, user, now).await?;
        let row = duty_instance::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("nghĩa vụ #{id}"),
            })?;
        let status = DutyStatus::from_code(&row.status)
            .ok_or_else(|| crate::org::corrupt(format!("duty {id} has status {}", row.status)))?;
        let kind = match action {
            DutyMove::Submit { .. } => DutyAction::Submit,
            DutyMove::Acknowledge => DutyAction::Acknowledge,
            DutyMove::Waive { .. } => DutyAction::Waive,
        };
        let next = duty_transition(
            &actor,
            UnitId(row.unit_id),
            UnitId(row.recipient_unit_id),
            status,
            kind,
        )?;
        let mut update: duty_instance::ActiveModel = row.clone().into();
        update.status = Set(next.code().to_owned());
        update.updated_at = Set(now);
        match action {
            DutyMove::Submit { text } => {
                update.submission_text = Set(Some(checked(text, "text")?));
                update.submitted_at = Set(Some(now));
                update.submitted_by = Set(Some(user.0));
            }
            DutyMove::Acknowledge => {
                update.acknowledged_at = Set(Some(now));
                update.acknowledged_by = Set(Some(user.0));
            }
            DutyMove::Waive { reason } => {
                update.waived_reason = Set(Some(checked(reason, "reason")?));
            }
        }
        // The status is part of the condition: two concurrent moves cannot
        // both start from the status read above.
        let updated = duty_instance::Entity::update_many()
            .set(update)
            .filter(duty_instance::Column::Id.eq(id))
            .filter(duty_instance::Column::Status.eq(row.status.as_str()))
            .exec(&tx)
            .await?;
        if updated.rows_affected != 1 {
            return Err(Refusal::DutyWrongStatus {
                action: kind,
                status,
            }
            .into());
        }
        let after = duty_instance::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("nghĩa vụ #{id}"),
            })?;
        tx.commit().await?;
        Ok(after)
    }

    /// A duty instance by id.
    pub async fn duty(&self, id: i64) -> Result<duty_instance::Model, StoreError> {
        duty_instance::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("nghĩa vụ #{id}"),
            })
    }

    /// The duty instances of a unit (as provider or recipient), newest due
    /// first: what `GET /duties` lists.
    pub async fn duties_of_unit(&self, unit: i64) -> Result<Vec<duty_instance::Model>, StoreError> {
        use sea_orm::{Condition, QueryOrder};
        Ok(duty_instance::Entity::find()
            .filter(
                Condition::any()
                    .add(duty_instance::Column::UnitId.eq(unit))
                    .add(duty_instance::Column::RecipientUnitId.eq(unit)),
            )
            .order_by_desc(duty_instance::Column::DueAt)
            .all(&self.db)
            .await?)
    }
}

/// A required text: trimmed, not blank, not too long.
fn checked(text: String, field: &'static str) -> Result<String, StoreError> {
    let text = text.trim().to_owned();
    if text.is_empty() {
        return Err(Refusal::MissingInput { field }.into());
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Refusal::InputTooLong {
            field,
            max: MAX_TEXT,
        }
        .into());
    }
    Ok(text)
}
