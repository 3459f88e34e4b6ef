//! `noicom export-report --year Y [--area A] [--format csv|xlsx|html|docx]
//! [--signer EMAIL] [--output FILE] [--lang vi|en]`: the annual review
//! report (SPEC §4.3) of every case and duty in the database, written by
//! the `report` crate; as `docx`, the board's document to sign (§15).

use std::io::Write;

use anyhow::Context;
use chrono::Utc;
use store::reports::Reader;
use workflow::{Lang, TimeWindow};

use crate::cli::ExportReportArgs;
use crate::settings::Settings;

/// Writes the report to `--output`, or to standard output.
pub async fn run(settings: &Settings, args: ExportReportArgs) -> anyhow::Result<()> {
    let format = report::Format::from_code(&args.format)
        .with_context(|| format!("định dạng {} không được hỗ trợ", args.format))?;
    let lang = Lang::from_tag(&args.lang);
    let policy = settings.policy()?;
    let calendar = &policy.calendar;
    let now = Utc::now();
    TimeWindow::REPORT
        .check_year("year", args.year, calendar.local_date(now))
        .with_context(|| format!("--year {}", args.year))?;
    let store = super::open(settings).await?;
    let (bytes, summary) = if format == report::Format::Docx {
        report::annual_docx(
            &store,
            Reader::Operator,
            args.year,
            args.area.clone(),
            args.signer.as_deref(),
            lang,
            calendar,
            now,
        )
        .await
        .with_context(|| format!("không lập được báo cáo năm {}", args.year))?
    } else {
        let scope = report::annual_scope(args.year, args.area.clone(), calendar)?;
        let summary = store
            .report_summary(Reader::Operator, &scope, now, calendar, lang)
            .await
            .with_context(|| format!("không lập được báo cáo năm {}", args.year))?;
        let bytes = report::render(&summary, args.year, format, lang, calendar)?;
        (bytes, summary)
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes)
                .with_context(|| format!("không ghi được {}", path.display()))?;
            eprintln!(
                "đã ghi báo cáo năm {} ({} vụ việc) vào {}",
                args.year,
                summary.cases_filed,
                path.display()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .context("không ghi được ra đầu ra chuẩn")?;
        }
    }
    Ok(())
}
