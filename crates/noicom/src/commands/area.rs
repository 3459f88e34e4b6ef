//! `noicom area add` and `noicom area import`.

use std::path::Path;

use anyhow::Context;
use chrono::Utc;
use store::StoreError;
use store::admin::NewArea;

use super::area_csv;
use crate::settings::Settings;

/// Adds one area.
pub async fn add(
    settings: &Settings,
    code: String,
    name: String,
    parent: Option<String>,
) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    let area = NewArea {
        code: code.clone(),
        name,
        parent,
    };
    store
        .add_area(area, Utc::now())
        .await
        .with_context(|| format!("không thêm được địa bàn {code}"))?;
    println!("đã thêm địa bàn {code}");
    Ok(())
}

/// Adds every area of a CSV file, or none.
pub async fn import(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let context = || format!("không nhập được {}", file.display());
    let rows = area_csv::read(file).with_context(context)?;
    let store = super::open(settings).await?;
    let lines: Vec<usize> = rows.iter().map(|row| row.line).collect();
    let areas: Vec<NewArea> = rows.into_iter().map(|row| row.area).collect();
    let count = match store.import_areas(areas, Utc::now()).await {
        Ok(count) => count,
        // The store counts rows as if each took one line after the header;
        // name the real line, which differs after blank or multi-line rows.
        Err(StoreError::BadRow { line, error }) => {
            let line = line
                .checked_sub(2)
                .and_then(|i| lines.get(i))
                .copied()
                .unwrap_or(line);
            return Err(StoreError::BadRow { line, error }).with_context(context);
        }
        Err(err) => return Err(err).with_context(context),
    };
    println!("đã nhập {count} địa bàn từ {}", file.display());
    Ok(())
}
