//! `noicom migrate`: apply pending migrations and exit.

use anyhow::Context;

use crate::settings::Settings;

/// Applies the pending migrations; a database already up to date is left as is.
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    store
        .migrate()
        .await
        .context("không áp dụng được migration")?;
    println!(
        "cơ sở dữ liệu đã ở phiên bản mới nhất ({:?})",
        store.backend()
    );
    Ok(())
}
