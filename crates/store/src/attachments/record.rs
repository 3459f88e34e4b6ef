//! Recording uploaded files inside a use case's transaction: every file is
//! checked by content before anything is written, each gets its row and an
//! `attachment_added` event, and the files are moved into their place only
//! after everything that may refuse, right before the commit. A refused
//! request therefore leaves nothing on disk; only a commit that fails (or a
//! crash) after the move leaves a file no row names, which the orphan sweep
//! removes.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::json;
use workflow::{Actor, Case};

use super::blobs::{Blob, Blobs};
use super::{ATTACHMENT_ADDED, StoredAttachment, sniff};
use crate::StoreError;
use crate::entities::{attachment, case_event};
use crate::events::last_seq;

/// A file received with a request, in its temporary place: neither
/// checked nor stored yet. Dropped, its temporary file is removed.
#[derive(Debug)]
pub struct Upload {
    /// The name the client gave it (made safe when stored).
    pub file_name: String,
    /// The content.
    pub blob: Blob,
}

/// An upload whose content is an accepted kind.
#[derive(Debug)]
pub(crate) struct Checked {
    pub(crate) file_name: String,
    pub(crate) content_type: &'static str,
    pub(crate) blob: Blob,
}

/// Sniffs every upload: one that is not an accepted kind refuses them all.
pub(crate) async fn check_uploads(uploads: Vec<Upload>) -> Result<Vec<Checked>, StoreError> {
    let mut checked = Vec::with_capacity(uploads.len());
    for upload in uploads {
        let sniffed = sniff::sniff(&upload.blob).await?;
        let content_type = workflow::check_attachment_type(sniffed.as_deref())?;
        checked.push(Checked {
            file_name: workflow::sanitise_file_name(&upload.file_name, content_type),
            content_type,
            blob: upload.blob,
        });
    }
    Ok(checked)
}

/// Adds the rows and timeline entries of `files` to `case` as `actor`, in
/// the caller's transaction, each tied to `event` when given (the event of
/// the action they came with). Who may add files is the workflow's rule.
/// The case row must be locked (or the case new in this transaction):
/// appending computes the next `seq`.
pub(crate) async fn record(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    case: &Case,
    files: &[Checked],
    event: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<StoredAttachment>, StoreError> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    workflow::check_attachment(actor, case)?;
    let mut seq = last_seq(conn, case.id).await?.unwrap_or(0);
    let mut stored = Vec::with_capacity(files.len());
    for file in files {
        let (sha256, size) = (file.blob.sha256.clone(), file.blob.size as i64);
        let row = attachment::ActiveModel {
            case_id: Set(case.id.0),
            event_id: Set(event),
            filename: Set(file.file_name.clone()),
            content_type: Set(file.content_type.to_owned()),
            size: Set(size),
            sha256: Set(sha256.clone()),
            uploaded_by: Set(actor.user.0),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        seq += 1;
        case_event::ActiveModel {
            case_id: Set(case.id.0),
            seq: Set(seq),
            action: Set(ATTACHMENT_ADDED.to_owned()),
            from_state: Set(Some(case.state.code().to_owned())),
            to_state: Set(case.state.code().to_owned()),
            actor_id: Set(actor.user.0),
            unit_id: Set(actor.unit.id.0),
            payload: Set(json!({
                "attachment": row.id,
                "file_name": file.file_name,
                "content_type": file.content_type,
                "size": size,
                "sha256": sha256,
            })
            .to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        stored.push(row.into());
    }
    Ok(stored)
}

/// Moves the files into their place under `blobs`, durably. Called after
/// every check of the use case, just before its commit.
pub(crate) async fn place(files: Vec<Checked>, blobs: &Blobs) -> Result<(), StoreError> {
    for file in files {
        file.blob.keep(blobs).await?;
    }
    Ok(())
}
