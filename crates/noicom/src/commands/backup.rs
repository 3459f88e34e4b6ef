//! `noicom backup FILE`: a consistent online copy of the database.

use std::path::Path;

use anyhow::Context;

use crate::settings::Settings;

/// Writes the copy; the server may keep running meanwhile.
pub async fn run(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    store
        .backup(file)
        .await
        .with_context(|| format!("không sao lưu được vào {}", file.display()))?;
    println!("đã sao lưu vào {}", file.display());
    Ok(())
}
