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
use workflow::{Actor, Calendar, Lang, TimeWindow, UserId, Visibility};

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
        scope.check(now)?;
        let reader = self.report_reader(reader, now).await?;
        self.summary_for(reader.as_ref(), scope, now, calendar, lang)
            .await
    }

    /// [`Store::report_summary`] for a reader already resolved by
    /// [`Store::report_reader`] (`None`: the operator), of a scope already
    /// checked.
    pub(crate) async fn summary_for(
        &self,
        reader: Option<&Actor>,
        scope: &ReportScope,
        now: DateTime<Utc>,
        calendar: &Calendar,
        lang: Lang,
    ) -> Result<Summary, StoreError> {
        let (selected, seen, area) = self.selection(reader, scope.area.as_deref()).await?;
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

    /// The reader as the rules see them, loaded once per use case: `None`
    /// for the operator. Refuses a user who may not read reports
    /// (`workflow::check_reports`).
    pub(crate) async fn report_reader(
        &self,
        reader: Reader,
        now: DateTime<Utc>,
    ) -> Result<Option<Actor>, StoreError> {
        match reader {
            Reader::Operator => Ok(None),
            Reader::User(user) => {
                let actor = actor(&self.db, user, now).await?;
                workflow::check_reports(&actor)?;
                Ok(Some(actor))
            }
        }
    }

    /// The cases `reader` (`None`: the operator) may count in `area` (a
    /// code; everything when `None`), as a condition on `cases`, with the
    /// reader's visibility (`None` for the operator) and the area.
    async fn selection(
        &self,
        reader: Option<&Actor>,
        area: Option<&str>,
    ) -> Result<(Condition, Option<Visibility>, Option<area::Model>), StoreError> {
        let seen = reader.map(workflow::visibility);
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

impl ReportScope {
    /// Refuses a scope that is no real period: a period far outside any
    /// real one is a typing mistake, and reading names and outcomes at its
    /// edge has no meaning (issue 13).
    pub(crate) fn check(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        TimeWindow::REPORT.check("from", self.from, now)?;
        TimeWindow::REPORT.check("to", self.to, now)?;
        if self.to <= self.from {
            return Err(StoreError::Invalid {
                field: "to",
                reason: crate::Invalid::EndNotAfterStart,
            });
        }
        Ok(())
    }
}
