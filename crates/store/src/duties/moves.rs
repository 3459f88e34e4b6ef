//! Submission by the provider's liaison, acknowledgement by the recipient
//! board, waiver by an admin: one transaction each, decided by
//! `workflow::apply_duty` after `workflow::duty_visibility` (a duty the
//! caller may not see is not found, as for cases); the store writes what
//! it returns.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use workflow::{
    DutyAction, DutyMove, DutyNow, DutyRecord, DutyStatus, Refusal, UnitId, UserId,
    allowed_duty_actions, apply_duty,
};

use super::read::{DutyInfo, infos, not_found, visible_duty};
use crate::Files;
use crate::attachments::{check_uploads, place};
use crate::entities::duty_instance;
use crate::idempotency::{Answer, Keyed, commit_keyed, replayed};
use crate::org::actor;
use crate::{Store, StoreError};

/// A keyed move or request of a duty: its answer is rendered from the
/// duty as it is after it.
pub type DutyOnce<'a> = Keyed<'a, DutyInfo>;

/// What a (keyed) move or request of a duty came to: the duty as it is
/// after it, or the stored response.
pub type DutyAnswer = Answer<DutyInfo>;

impl Store {
    /// Carries out `action` on the duty instance `id` as `user`. Returns
    /// the instance as it is now. A duty the user may not see is not found.
    pub async fn move_duty(
        &self,
        user: UserId,
        id: i64,
        action: DutyMove,
        now: DateTime<Utc>,
    ) -> Result<duty_instance::Model, StoreError> {
        let tx = self.write_tx().await?;
        let after = move_steps(&tx, user, id, action, now).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// [`Store::move_duty`] once per `Idempotency-Key`: the key is kept
    /// with the move in one transaction, and the same keyed request again
    /// gets the first answer back.
    pub async fn move_duty_once(
        &self,
        user: UserId,
        id: i64,
        action: DutyMove,
        now: DateTime<Utc>,
        once: Option<&DutyOnce<'_>>,
    ) -> Result<DutyAnswer, StoreError> {
        let files = Files {
            uploads: Vec::new(),
            blobs: None,
        };
        self.move_duty_with_files(user, id, action, files, now, once)
            .await
    }

    /// [`Store::move_duty_once`] with the files a submission carries
    /// (SPEC §13): every file is checked by content before anything is
    /// written, recorded on the duty in the move's transaction and put in
    /// its place under `blobs` right before the commit; files with any
    /// other move, or a file refused, leave nothing stored.
    pub async fn move_duty_with_files(
        &self,
        user: UserId,
        id: i64,
        action: DutyMove,
        files: Files<'_>,
        now: DateTime<Utc>,
        once: Option<&DutyOnce<'_>>,
    ) -> Result<DutyAnswer, StoreError> {
        let Files { uploads, blobs } = files;
        let files = check_uploads(uploads).await?;
        let tx = self.write_tx().await?;
        if let Some(answer) = replayed(&tx, user, once, now).await? {
            return Ok(answer);
        }
        let submits = matches!(action, DutyMove::Submit { .. });
        let after = match move_steps(&tx, user, id, action, now).await {
            Ok(after) => after,
            // The same keyed request sent twice at once: the twin that lost
            // the status compare-and-set answers with the winner's response.
            Err(e @ StoreError::Refused(Refusal::DutyWrongStatus { .. })) => {
                drop(tx);
                return replayed(&self.db, user, once, now).await?.ok_or(e);
            }
            Err(e) => return Err(e),
        };
        if !files.is_empty() && !submits {
            // Only the information itself carries documents.
            return Err(Refusal::InvalidInput { field: "file" }.into());
        }
        if !files.is_empty() {
            let blobs = blobs.ok_or_else(|| StoreError::Io("no place for the files".into()))?;
            super::files::record(&tx, after.id, user, &files, now).await?;
            place(files, blobs).await?;
        }
        let info = infos(&tx, vec![after]).await?.remove(0);
        commit_keyed(&self.db, tx, user, once, info, now).await
    }

    /// One duty instance `user` may see (else not found), with the moves
    /// they may make on it now (`workflow::allowed_duty_actions`): the
    /// forms a page offers.
    pub async fn open_duty_with_moves(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(DutyInfo, Vec<DutyAction>), StoreError> {
        let row = visible_duty(&self.db, user, id, now).await?;
        let actor = actor(&self.db, user, now).await?;
        let status = status_of(&row)?;
        let duty = DutyNow {
            provider: UnitId(row.unit_id),
            recipient: UnitId(row.recipient_unit_id),
            status,
        };
        let moves = allowed_duty_actions(&actor, duty);
        let info = infos(&self.db, vec![row]).await?.remove(0);
        Ok((info, moves))
    }

    /// A duty instance by id.
    pub async fn duty(&self, id: i64) -> Result<duty_instance::Model, StoreError> {
        duty_instance::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| not_found(id))
    }

    /// The duty instances of a unit (as provider or recipient), newest due
    /// first.
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

/// The steps of a move inside `conn`'s transaction: visibility (hidden is
/// not found), then who may and which status may follow (the workflow's
/// rule), then a compare-and-set on the status.
async fn move_steps(
    conn: &impl ConnectionTrait,
    user: UserId,
    id: i64,
    action: DutyMove,
    now: DateTime<Utc>,
) -> Result<duty_instance::Model, StoreError> {
    let row = visible_duty(conn, user, id, now).await?;
    let actor = actor(conn, user, now).await?;
    let status = status_of(&row)?;
    let kind = action.action();
    let duty = DutyNow {
        provider: UnitId(row.unit_id),
        recipient: UnitId(row.recipient_unit_id),
        status,
    };
    let outcome = apply_duty(&actor, duty, action, now)?;
    let mut update: duty_instance::ActiveModel = row.clone().into();
    update.status = Set(outcome.status.code().to_owned());
    update.updated_at = Set(outcome.updated_at);
    match outcome.record {
        DutyRecord::Submitted { text, by, at } => {
            update.submission_text = Set(Some(text.into_string()));
            update.submitted_at = Set(Some(at));
            update.submitted_by = Set(Some(by.0));
        }
        DutyRecord::Acknowledged { by, at } => {
            update.acknowledged_at = Set(Some(at));
            update.acknowledged_by = Set(Some(by.0));
        }
        DutyRecord::Waived { reason } => {
            update.waived_reason = Set(Some(reason.into_string()));
        }
    }
    // The status is part of the condition: two concurrent moves cannot
    // both start from the status read above.
    let updated = duty_instance::Entity::update_many()
        .set(update)
        .filter(duty_instance::Column::Id.eq(id))
        .filter(duty_instance::Column::Status.eq(row.status.as_str()))
        .exec(conn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(Refusal::DutyWrongStatus {
            action: kind,
            status,
        }
        .into());
    }
    duty_instance::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| not_found(id))
}

/// The status of a stored duty (a code not of the workflow is a corrupt row).
fn status_of(row: &duty_instance::Model) -> Result<DutyStatus, StoreError> {
    DutyStatus::from_code(&row.status)
        .ok_or_else(|| crate::org::corrupt(format!("duty {} has status {}", row.id, row.status)))
}
