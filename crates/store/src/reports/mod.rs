//! The figures of the annual review report (SPEC §4.3) for a period
//! `[from, to)` and an optional area subtree: cases filed by category, area
//! and state; time to the written answer and to the resolution; deadlines
//! met, late and overdue; duty compliance per agency. The store gathers
//! rows; `workflow` decides what each counts as.

mod cases;
mod duties;
mod figures;
mod letterhead;
pub(crate) use letterhead::{Heading, board_of_area, superior_of, title_of, write_title};
mod meetings;
mod names;
mod open;

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{ColumnTrait, Condition};
use workflow::{Calendar, Lang, TimeWindow, UserId, Visibility};

pub use letterhead::{Letterhead, ProgrammeRef, REPORT_KIND};
pub use open::OpenCases;

pub use figures::{
    AgencyCompliance, AreaLabel, ComplianceCounts, Count, DeadlineFigures, PeriodCompliance,
    Summary, TimeFigures, UnitOverdue,
};

use crate::cases::{in_subtree, visible};
use crate::entities::{area, case};
use crate::org::{actor, area_by_code};
use crate::{Store, StoreError};

/// Who reads the report, which decides the cases it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The operator at the command line (`noicom export-report`), who holds
    /// the whole database anyway: every case counts.
    Operator,
    /// A signed-in user: a leader, board officer or administrator (others
    /// are refused); only the cases they may open count.
    User(UserId),
}

/// What the report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportScope {
    /// First instant counted.
    pub from: DateTime<Utc>,
    /// First instant no longer counted.
    pub to: DateTime<Utc>,
    /// An area code: that area and every area below it; `None`: everything.
    pub area: Option<String>,
}

impl Store {
    /// The figures of §4.3 for `scope`, as `reader` may see them, with the
    /// outcome of each case and duty followed up to `now`, and labels in
    /// `lang`. Cases count by their filing time, duties by their due time.
    /// Areas and units are named as they were on the report's date
    /// ([`Summary::names_on`]).
    pub async fn report_summary(
        &self,
        reader: Reader,
        scope: &ReportScope,
        now: DateTime<Utc>,
        calendar: &Calendar,
        lang: Lang,
    ) -> Result<Summary, StoreError> {
        // A period far outside any real one is a typing mistake, and
        // reading names and outcomes at its edge has no meaning (issue 13).
        TimeWindow::REPORT.check("from", scope.from, now)?;
        TimeWindow::REPORT.check("to", scope.to, now)?;
        if scope.to <= scope.from {
            return Err(StoreError::Invalid {
                field: "to",
                reason: crate::Invalid::EndNotAfterStart,
            });
        }
        let (selected, seen, area) = self.selection(reader, scope.area.as_deref(), now).await?;
        let selected = selected
            .add(case::Column::CreatedAt.gte(scope.from))
            .add(case::Column::CreatedAt.lt(scope.to));
        let tz = calendar.time_zone();
        let local = |at: DateTime<Utc>| at.with_timezone(&tz).fixed_offset();
        let names_on = names::document_day(scope.to, now, tz);
        let mut summary = Summary {
            from: local(scope.from),
            to: local(scope.to),
            as_of: local(now.trunc_subsecs(0)),
            names_on,
            area: area.as_ref().map(|a| AreaLabel {
                code: a.code.clone(),
                name: names::shown(&a.name, &a.former_names, Some(names_on)),
            }),
            ..Summary::default()
        };
        let counting = cases::Counting {
            now,
            calendar,
            lang,
            names_on: Some(names_on),
        };
        cases::count(&self.db, selected, &counting, &mut summary).await?;
        let duty_scope = duties::DutyScope {
            from: scope.from,
            to: scope.to,
            area_lineage: area.map(|a| a.lineage),
            visible_areas: match &seen {
                Some(seen) if !seen.normal.all => Some(seen.normal.areas.clone()),
                _ => None,
            },
        };
        summary.duties = duties::compliance(&self.db, &duty_scope, now, names_on).await?;
        Ok(summary)
    }

    /// The cases `reader` may count in `area` (a code; everything when
    /// `None`), as a condition on `cases`, with the reader's visibility
    /// (`None` for the operator) and the area. Refuses a reader who may
    /// not read reports (`workflow::check_reports`).
    async fn selection(
        &self,
        reader: Reader,
        area: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(Condition, Option<Visibility>, Option<area::Model>), StoreError> {
        let seen = match reader {
            Reader::Operator => None,
            Reader::User(user) => {
                let actor = actor(&self.db, user, now).await?;
                workflow::check_reports(&actor)?;
                Some(workflow::visibility(&actor))
            }
        };
        let area = match area {
            Some(code) => Some(area_by_code(&self.db, code, "area").await?),
            None => None,
        };
        let mut selected = Condition::all();
        if let Some(area) = &area {
            selected = selected.add(in_subtree(&area.lineage));
        }
        if let Some(seen) = &seen {
            selected = selected.add(visible(&*self.org(&self.db).await?, seen)?);
        }
        Ok((selected, seen, area))
    }
}
