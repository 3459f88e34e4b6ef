//! `noicom programme add`.

use anyhow::{Context, bail};
use chrono::Utc;
use store::admin::NewProgramme;

use crate::cli::ProgrammeAddArgs;
use crate::settings::Settings;

/// Adds a programme for one year or a term, with its default duty schedules.
pub async fn add(settings: &Settings, args: ProgrammeAddArgs) -> anyhow::Result<()> {
    let year_to = args.to.unwrap_or(args.year);
    if year_to < args.year {
        bail!("--to {year_to} phải không trước --year {}", args.year);
    }
    let parties: Vec<String> = args
        .parties
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if parties.is_empty() {
        bail!("--parties cần ít nhất một đơn vị");
    }
    let calendar = settings.policy()?.calendar;
    let items = match &args.items {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("không đọc được tệp nội dung {}", path.display()))?
            .lines()
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    };
    let store = super::open(settings).await?;
    let area = args.area.clone();
    let programme = NewProgramme {
        year_from: args.year,
        year_to,
        area: args.area,
        parties,
        title: None,
        items,
        number: args.number,
        signed_on: args.signed_on,
    };
    let created = store
        .add_programme_with(
            programme,
            settings.duties.due_rule(),
            &settings.duties.reminder,
            &calendar,
            Utc::now(),
        )
        .await
        .with_context(|| format!("không thêm được chương trình phối hợp của {area}"))?;
    let term = if year_to == args.year {
        args.year.to_string()
    } else {
        format!("{}–{year_to}", args.year)
    };
    println!(
        "đã thêm chương trình phối hợp {} ({area}, {term}) với {} lịch nghĩa vụ, {} nghĩa vụ của kỳ này và kỳ sau",
        created.id,
        created.schedules.len(),
        created.instances
    );
    for (provider, board) in &created.schedules {
        println!("  {provider} → {board}");
    }
    Ok(())
}
