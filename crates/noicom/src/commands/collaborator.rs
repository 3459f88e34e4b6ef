//! `noicom collaborator import FILE.csv`: the roster of the public-opinion
//! network (SPEC §16) from a file, all or nothing.

use std::path::Path;

use anyhow::Context;
use chrono::Utc;
use workflow::{Lang, Tr};

use super::collaborator_csv;
use crate::settings::Settings;

/// Adds every profile of a CSV file, or none.
pub async fn import(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let context = || format!("không nhập được {}", file.display());
    let rows = collaborator_csv::read(file).with_context(context)?;
    let store = super::open(settings).await?;
    let count = store
        .import_collaborators(rows, Utc::now())
        .await
        .with_context(context)?;
    println!("{}", Tr(Lang::Vi).roster_imported(count));
    Ok(())
}
