//! `noicom migrate`: apply pending migrations and exit.

use crate::settings::Settings;

/// Applies the pending migrations (opening the store does); a database
/// already up to date is left as is.
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    println!(
        "cơ sở dữ liệu đã ở phiên bản mới nhất ({:?})",
        store.backend()
    );
    Ok(())
}
