//! `noicom unit add`.

use anyhow::{Context, bail};
use chrono::Utc;
use store::admin::NewUnit;
use workflow::UnitKind;

use crate::cli::UnitAddArgs;
use crate::settings::Settings;

/// Adds a unit; it serves its home area unless `--serves` says otherwise.
pub async fn add(settings: &Settings, args: UnitAddArgs) -> anyhow::Result<()> {
    let kind = parse_kind(&args.kind)?;
    let store = super::open(settings).await?;
    let code = args.code.clone();
    let unit = NewUnit {
        code: args.code,
        name: args.name,
        kind,
        area: args.area,
        serves: args
            .serves
            .into_iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        email: args.email,
    };
    store
        .add_unit(unit, Utc::now())
        .await
        .with_context(|| format!("không thêm được đơn vị {code}"))?;
    println!("đã thêm đơn vị {code} ({})", kind.label(workflow::Lang::Vi));
    Ok(())
}

fn parse_kind(code: &str) -> anyhow::Result<UnitKind> {
    match UnitKind::from_code(code) {
        Some(kind) => Ok(kind),
        None => bail!(
            "loại đơn vị «{code}» không hợp lệ; các loại: {}",
            codes(UnitKind::ALL.iter().map(|k| k.code()))
        ),
    }
}

/// The valid codes, comma-separated, for an error message.
pub(super) fn codes<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_kind_is_refused_with_every_valid_kind_listed() {
        let err = parse_kind("ubnd").unwrap_err().to_string();
        for kind in UnitKind::ALL {
            assert!(err.contains(kind.code()), "{err}");
        }
    }
}
