//! Attachments of a case (SPEC §6.2, §9): adding a file (checked by
//! content, kept content-addressed on disk, recorded with an
//! `attachment_added` event in one transaction), listing them and finding
//! one to download — each only for who may open the case.

mod blobs;
mod orphans;
mod record;
mod sniff;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use workflow::{Actor, Case, UserId};

pub use blobs::{Blob, BlobWriter, Blobs};
pub use orphans::ORPHAN_MIN_AGE_MINUTES;
pub use record::Upload;
pub(crate) use record::{Checked, check_uploads, place, record};

use crate::cases::row::{find_case, not_found};
use crate::entities::{attachment, case};
use crate::need_to_know::files_read;
use crate::org::actor;
use crate::org_cache::Org;
use crate::{Store, StoreError};

/// The action code of the timeline entry an upload adds.
pub const ATTACHMENT_ADDED: &str = "attachment_added";

/// An attachment as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAttachment {
    /// Row id.
    pub id: i64,
    /// The case's id.
    pub case: i64,
    /// The event of the action that cited it as a document, if any.
    pub event: Option<i64>,
    /// The sanitised original file name.
    pub file_name: String,
    /// The MIME type sniffed from the content.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// Who uploaded it.
    pub uploaded_by: i64,
    /// When.
    pub uploaded_at: DateTime<Utc>,
}

impl From<attachment::Model> for StoredAttachment {
    fn from(row: attachment::Model) -> StoredAttachment {
        StoredAttachment {
            id: row.id,
            case: row.case_id,
            event: row.event_id,
            file_name: row.filename,
            content_type: row.content_type,
            size: row.size,
            sha256: row.sha256,
            uploaded_by: row.uploaded_by,
            uploaded_at: row.created_at,
        }
    }
}

impl Store {
    /// Whether `user` may add a file to the case `id_or_code`, asked before
    /// the upload is read: 404 for a case they may not open, a refusal for
    /// one they may not add to.
    pub async fn may_attach(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let org = self.org(&self.db).await?;
        let (actor, case) = visible(&self.db, &org, user, id_or_code, now).await?;
        workflow::check_attachment(&actor, &case)?;
        Ok(())
    }

    /// Adds the uploaded files to the case `id_or_code` as `user`, in one
    /// transaction with their `attachment_added` events. Every file must be
    /// an accepted kind and the user must be allowed; otherwise nothing is
    /// stored, on disk or in the database. The files are durable in their
    /// place before the rows are committed.
    pub async fn add_attachments(
        &self,
        user: UserId,
        id_or_code: &str,
        uploads: Vec<Upload>,
        blobs: &Blobs,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredAttachment>, StoreError> {
        let files = check_uploads(uploads).await?;
        // Before the write transaction: reloading it may take a connection.
        let org = self.org(&self.read).await?;
        let tx = self.write_tx().await?;
        let (actor, case) = visible(&tx, &org, user, id_or_code, now).await?;
        workflow::check_attachment(&actor, &case)?;
        lock_case(&tx, &case).await?;
        let stored = record(&tx, &actor, &case, &files, None, now).await?;
        place(files, blobs).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// The attachments of a case `user` may open, oldest first: those of
    /// their audience (SPEC §10).
    pub async fn attachments_of(
        &self,
        user: UserId,
        id_or_code: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredAttachment>, StoreError> {
        let (actor, case) = self.open_case(user, id_or_code, now).await?;
        let files = attachment::Entity::find()
            .filter(attachment::Column::CaseId.eq(case.id.0))
            .order_by_asc(attachment::Column::Id)
            .all(&self.db)
            .await?;
        let reader = workflow::reader(&actor, &case);
        Ok(files_read(&self.db, &case, reader, files)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The attachment `id` if `user` may open its case and read the file
    /// (SPEC §10); otherwise not found, exactly as for an id that does not
    /// exist.
    pub async fn attachment(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<StoredAttachment, StoreError> {
        let missing = || StoreError::NotFound {
            thing: crate::Thing::Attachment,
            key: format!("#{id}"),
        };
        let row = attachment::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(missing)?;
        let (actor, case) = match self.open_case(user, &row.case_id.to_string(), now).await {
            Ok(opened) => opened,
            Err(StoreError::NotFound { .. }) => return Err(missing()),
            Err(err) => return Err(err),
        };
        let reader = workflow::reader(&actor, &case);
        files_read(&self.db, &case, reader, vec![row])
            .await?
            .pop()
            .map(Into::into)
            .ok_or_else(missing)
    }
}

/// Locks the case row until the transaction ends: appending to the
/// timeline computes the next `seq`, so a concurrent action or upload must
/// wait (PostgreSQL; the SQLite write transaction is already exclusive).
pub(crate) async fn lock_case(conn: &impl ConnectionTrait, case: &Case) -> Result<(), StoreError> {
    case::Entity::find_by_id(case.id.0)
        .lock_exclusive()
        .one(conn)
        .await?;
    Ok(())
}

/// The case and the actor, if the actor may open it.
pub(crate) async fn visible(
    conn: &impl ConnectionTrait,
    org: &Org,
    user: UserId,
    id_or_code: &str,
    now: DateTime<Utc>,
) -> Result<(Actor, Case), StoreError> {
    let actor = actor(conn, user, now).await?;
    let case = find_case(conn, org, id_or_code, now).await?.1;
    if !workflow::can_view(&actor, &case) {
        return Err(not_found(id_or_code));
    }
    Ok((actor, case))
}
