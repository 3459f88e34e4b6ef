//! Filing a case.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use workflow::{Actor, Case, FileInput, Policy, Refusal, UserId};

use super::FileRequest;
use super::code::next_code;
use super::row::to_active;
use crate::attachments::{Blobs, Upload, check_uploads, place, record};
use crate::entities::category;
use crate::events::append_events;
use crate::idempotency::{Answer, KeyTaken, Once, lookup, save};
use crate::org::{actor, area_by_code, area_by_id, area_ref};
use crate::outbox::enqueue_notices;
use crate::{Store, StoreError};

impl Store {
    /// Files a case as `user` at `now`: the workflow decides, the code is
    /// allocated, the case, its `file` event and its e-mails are written in
    /// one transaction. Returns the stored case.
    pub async fn file_case(
        &self,
        user: UserId,
        request: FileRequest,
        now: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<Case, StoreError> {
        match self
            .file_case_once(user, request, now, policy, None)
            .await?
        {
            Answer::Done { case, .. } => Ok(*case),
            Answer::Replay { .. } => unreachable!("no key, no replay"),
        }
    }

    /// [`Store::file_case`] with an optional `Idempotency-Key`: a key seen
    /// before with the same request replays the stored response; the
    /// response to a new one is stored in the filing's transaction.
    pub async fn file_case_once(
        &self,
        user: UserId,
        request: FileRequest,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&Once<'_>>,
    ) -> Result<Answer, StoreError> {
        let no_files = Files {
            uploads: Vec::new(),
            blobs: None,
        };
        self.file_case_with_files(user, request, no_files, now, policy, once)
            .await
    }

    /// [`Store::file_case_once`] with the files sent with the report (a
    /// reporter's photos): the case, its `file` event, each file's row
    /// (tied to that event) and `attachment_added` event, and the key's
    /// response are one transaction. A file that is not an accepted kind
    /// refuses the whole report: nothing is written, on disk or in the
    /// database. A replay of the key stores none of the files again.
    pub async fn file_case_with_files(
        &self,
        user: UserId,
        request: FileRequest,
        files: Files<'_>,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&Once<'_>>,
    ) -> Result<Answer, StoreError> {
        let checked = check_uploads(files.uploads).await?;
        let files = CheckedFiles {
            files: checked,
            blobs: files.blobs,
        };
        match self
            .file_in_tx(user, request, files, now, policy, once)
            .await
        {
            Err(KeyTaken::Race) => match once {
                Some(once) => lookup(&self.db, user, once, now)
                    .await?
                    .ok_or(StoreError::KeyReused),
                None => Err(StoreError::KeyReused),
            },
            other => other.map_err(StoreError::from),
        }
    }

    async fn file_in_tx(
        &self,
        user: UserId,
        request: FileRequest,
        files: CheckedFiles<'_>,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&Once<'_>>,
    ) -> Result<Answer, KeyTaken> {
        let tx = self.write_tx().await.map_err(KeyTaken::Error)?;
        if let Some(once) = once
            && let Some(replay) = lookup(&tx, user, once, now)
                .await
                .map_err(KeyTaken::Error)?
        {
            return Ok(replay);
        }
        let (actor, case, event) = self
            .file_steps(&tx, user, request, now, policy)
            .await
            .map_err(KeyTaken::Error)?;
        record(&tx, &actor, &case, &files.files, event, now)
            .await
            .map_err(KeyTaken::Error)?;
        if let Some(once) = once {
            save(&tx, &actor, &case, once, now).await?;
        }
        if !files.files.is_empty() {
            let blobs = files.blobs.ok_or_else(|| {
                KeyTaken::Error(StoreError::Io("no attachment directory given".to_owned()))
            })?;
            place(files.files, blobs).await.map_err(KeyTaken::Error)?;
        }
        tx.commit().await.map_err(|e| KeyTaken::Error(e.into()))?;
        Ok(Answer::Done {
            case: Box::new(case),
            actor,
        })
    }

    async fn file_steps(
        &self,
        tx: &DatabaseTransaction,
        user: UserId,
        request: FileRequest,
        now: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<(Actor, Case, Option<i64>), StoreError> {
        let actor = actor(tx, user, now).await?;
        let area = area_by_code(tx, &request.area, "area").await?;
        workflow::check_filing(&actor, &area_ref(&area))?;
        let category_ok = category::Entity::find()
            .filter(category::Column::Code.eq(request.category.trim()))
            .filter(category::Column::Active.eq(true))
            .one(tx)
            .await?
            .is_some();
        if !category_ok {
            return Err(Refusal::UnknownCode {
                field: "category",
                code: request.category,
            }
            .into());
        }
        let input = FileInput {
            title: request.title,
            description: request.description,
            area: area_ref(&area),
            category: request.category.trim().to_owned(),
            source: request.source,
            people_affected: request.people_affected,
            hotspot_risk: request.hotspot_risk,
        };
        let outcome = workflow::file(&actor, input, now, policy)?;
        let mut case = outcome.case;
        let root = match case.area.lineage.first() {
            Some(root) if root.0 != area.id => area_by_id(tx, root.0).await?.code,
            _ => area.code.clone(),
        };
        let year = now.with_timezone(&policy.calendar.time_zone()).year();
        case.code = next_code(tx, &root, year).await?;
        let row = to_active(&case).insert(tx).await?;
        case.id = workflow::CaseId(row.id);
        let event_ids = append_events(tx, case.id, &outcome.events).await?;
        let event = event_ids
            .last()
            .copied()
            .zip(outcome.events.last().map(|e| &e.payload));
        enqueue_notices(tx, &case, &outcome.notices, event, now).await?;
        Ok((actor, case, event_ids.last().copied()))
    }
}

/// The files sent with a report, and where stored files live (needed only
/// when there are files).
pub struct Files<'a> {
    /// The files as received.
    pub uploads: Vec<Upload>,
    /// The attachment directory.
    pub blobs: Option<&'a Blobs>,
}

/// The files once checked by content.
struct CheckedFiles<'a> {
    files: Vec<crate::attachments::Checked>,
    blobs: Option<&'a Blobs>,
}
