//! The orphan-file sweep: a file moved into its place by an upload whose
//! transaction then failed (or whose process died before the commit) has
//! no row naming it, and an upload cut off by a crash leaves its temporary
//! file behind. The hourly clean-up removes both once they are older than
//! [`ORPHAN_MIN_AGE_MINUTES`], so that a file placed by a transaction
//! still about to commit is never taken.

use std::collections::HashSet;
use std::time::SystemTime;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::blobs::{Blobs, OnDisk};
use crate::entities::{attachment, duty_file};
use crate::{Store, StoreError};

/// How old (last written) a file no row names must be before the sweep
/// removes it: far longer than any upload takes from its move into place
/// to its commit.
pub const ORPHAN_MIN_AGE_MINUTES: i64 = 60;

/// How many hashes are looked up per query.
const BATCH: usize = 500;

impl Store {
    /// Removes the files under `blobs` last written before `before` that no
    /// attachment or duty document row names, and leftover temporary files of interrupted
    /// uploads as old. Returns how many files were removed.
    pub async fn sweep_orphan_files(
        &self,
        blobs: &Blobs,
        before: SystemTime,
    ) -> Result<u64, StoreError> {
        let old = blobs.files_written_before(before).await?;
        let mut removed = 0;
        for batch in old.chunks(BATCH) {
            let hashes: Vec<&str> = batch.iter().filter_map(|f| f.sha256.as_deref()).collect();
            let mut named: HashSet<String> = HashSet::new();
            if !hashes.is_empty() {
                named.extend(
                    attachment::Entity::find()
                        .select_only()
                        .column(attachment::Column::Sha256)
                        .filter(attachment::Column::Sha256.is_in(hashes.clone()))
                        .into_tuple::<String>()
                        .all(&self.db)
                        .await?,
                );
                // A duty's documents share the store (SPEC §13).
                named.extend(
                    duty_file::Entity::find()
                        .select_only()
                        .column(duty_file::Column::Sha256)
                        .filter(duty_file::Column::Sha256.is_in(hashes))
                        .into_tuple::<String>()
                        .all(&self.db)
                        .await?,
                );
            }
            for file in batch {
                let orphan = file.sha256.as_ref().is_none_or(|sha| !named.contains(sha));
                if orphan && remove_if_still_old(file, before).await? {
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }
}

/// Removes `file` unless it was written (or reused by an upload of the same
/// content, which refreshes its time) since it was listed.
async fn remove_if_still_old(file: &OnDisk, before: SystemTime) -> Result<bool, StoreError> {
    let still_old = tokio::fs::metadata(&file.path)
        .await
        .and_then(|m| m.modified())
        .is_ok_and(|at| at < before);
    if !still_old {
        return Ok(false);
    }
    match tokio::fs::remove_file(&file.path).await {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(StoreError::Io(format!(
            "remove {}: {err}",
            file.path.display()
        ))),
    }
}
