//! The documents a duty's submission carries (SPEC §13): recorded in the
//! submission's transaction, listed with the duty, downloaded by whoever
//! may read the duty. The files themselves live in the attachments' blob
//! store, content-addressed, under the same checks and limits.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use workflow::UserId;

use super::read::visible_duty;
use crate::attachments::Checked;
use crate::entities::duty_file;
use crate::{Store, StoreError};

/// A document of a duty, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyFile {
    /// Row id.
    pub id: i64,
    /// The duty's id.
    pub duty: i64,
    /// The sanitised original file name.
    pub file_name: String,
    /// The MIME type sniffed from the content.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
}

impl From<duty_file::Model> for DutyFile {
    fn from(row: duty_file::Model) -> DutyFile {
        DutyFile {
            id: row.id,
            duty: row.duty_id,
            file_name: row.filename,
            content_type: row.content_type,
            size: row.size,
            sha256: row.sha256,
        }
    }
}

/// Records `files` on the duty `duty` as uploaded by `user`, in the
/// caller's transaction (the files are placed by the caller before it
/// commits).
pub(super) async fn record(
    conn: &impl ConnectionTrait,
    duty: i64,
    user: UserId,
    files: &[Checked],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for file in files {
        duty_file::ActiveModel {
            duty_id: Set(duty),
            filename: Set(file.file_name.clone()),
            content_type: Set(file.content_type.to_owned()),
            size: Set(file.blob.size as i64),
            sha256: Set(file.blob.sha256.clone()),
            uploaded_by: Set(user.0),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The documents of the duties `ids`, oldest first, by duty: one query.
pub(super) async fn of_duties(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<DutyFile>>, StoreError> {
    let mut by_duty: HashMap<i64, Vec<DutyFile>> = HashMap::new();
    if ids.is_empty() {
        return Ok(by_duty);
    }
    for row in duty_file::Entity::find()
        .filter(duty_file::Column::DutyId.is_in(ids.iter().copied()))
        .order_by_asc(duty_file::Column::Id)
        .all(conn)
        .await?
    {
        by_duty.entry(row.duty_id).or_default().push(row.into());
    }
    Ok(by_duty)
}

impl Store {
    /// The document `file` of the duty `duty`, if `user` may read the
    /// duty; otherwise not found, exactly as for an id that does not exist.
    pub async fn duty_file(
        &self,
        user: UserId,
        duty: i64,
        file: i64,
        now: DateTime<Utc>,
    ) -> Result<DutyFile, StoreError> {
        let missing = || StoreError::NotFound {
            thing: crate::Thing::Attachment,
            key: format!("#{file}"),
        };
        match visible_duty(&self.db, user, duty, now).await {
            Ok(_) => {}
            Err(StoreError::NotFound { .. }) => return Err(missing()),
            Err(err) => return Err(err),
        }
        duty_file::Entity::find_by_id(file)
            .filter(duty_file::Column::DutyId.eq(duty))
            .one(&self.db)
            .await?
            .map(Into::into)
            .ok_or_else(missing)
    }
}
