//! The annual report as a DOCX from the database, for the web download
//! and `noicom export-report --format docx` alike: the year's figures
//! and the year before's, the letterhead (its number taken from the
//! register on the first download), laid out by [`annual_document`].

use chrono::{DateTime, Utc};
use store::Store;
use store::reports::{Reader, Summary};
use workflow::{Calendar, Lang, TimeWindow};

use crate::{AnnualInput, ReportError, annual_scope, render_docx};

/// Why the DOCX could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AnnualDocxError {
    /// The database refused or failed (an unknown area, a reader who may
    /// not read reports).
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The layout failed.
    #[error(transparent)]
    Report(#[from] ReportError),
}

/// The annual report of `year` for `area` as `reader` may read it, as a
/// DOCX, with the summary it counted. `signer` names the signer for the
/// operator at the command line.
#[allow(clippy::too_many_arguments)]
pub async fn annual_docx(
    store: &Store,
    reader: Reader,
    year: i32,
    area: Option<String>,
    signer: Option<&str>,
    lang: Lang,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, Summary), AnnualDocxError> {
    let scope = annual_scope(year, area.clone(), calendar)?;
    // Checks the reader first: only who may read the report is given a
    // number from the register.
    let summary = store
        .report_summary(reader, &scope, now, calendar, lang)
        .await?;
    let before = year - 1;
    let previous = if TimeWindow::REPORT
        .check_year("year", before, calendar.local_date(now))
        .is_ok()
    {
        let scope = annual_scope(before, area.clone(), calendar)?;
        let last = store
            .report_summary(reader, &scope, now, calendar, lang)
            .await?;
        (last.cases_filed > 0 || !last.duties.is_empty()).then_some(last)
    } else {
        None
    };
    let today = calendar.local_date(now);
    let letterhead = store
        .annual_letterhead(reader, year, area.as_deref(), signer, today, now)
        .await?;
    let bytes = render_docx(&AnnualInput {
        year,
        summary: &summary,
        previous: previous.as_ref(),
        letterhead: &letterhead,
        date: today,
        lang,
    })?;
    Ok((bytes, summary))
}
