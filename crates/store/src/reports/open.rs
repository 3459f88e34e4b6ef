//! The cases still open now, for the leader's dashboard (SPEC §6.3): how
//! many by state, category and area, and the deadlines each lead unit has
//! let pass — whenever the cases were filed. The same counting as the
//! annual report, over another selection of cases.

use chrono::{DateTime, Utc};
use sea_orm::ColumnTrait;
use serde::Serialize;
use workflow::{Actor, CaseState, Lang};

use super::figures::{Count, Summary, UnitOverdue};
use super::{Reader, cases};
use crate::entities::case;
use crate::{Store, StoreError};

/// The open cases (every state but closed, dismissed and merged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenCases {
    /// How many.
    pub total: u64,
    /// By state, in workflow order, every open state (0 included).
    pub by_state: Vec<Count>,
    /// By category, largest first.
    pub by_category: Vec<Count>,
    /// By the area of the case, largest first.
    pub by_area: Vec<Count>,
    /// Answer and resolution deadlines met late or passed, by lead unit.
    pub overdue_by_lead_unit: Vec<UnitOverdue>,
}

impl Store {
    /// The cases open at `now` in `area` (a code; everything when `None`)
    /// that `reader` may open, counted as [`Store::report_summary`] counts
    /// (same readers allowed, same labels in `lang`).
    pub async fn open_cases(
        &self,
        reader: Reader,
        area: Option<&str>,
        now: DateTime<Utc>,
        calendar: &workflow::Calendar,
        lang: Lang,
    ) -> Result<OpenCases, StoreError> {
        let reader = self.report_reader(reader, now).await?;
        self.open_cases_for(reader.as_ref(), area, now, calendar, lang)
            .await
    }

    /// [`Store::open_cases`] for a reader already resolved by
    /// [`Store::report_reader`] (`None`: the operator).
    pub(crate) async fn open_cases_for(
        &self,
        reader: Option<&Actor>,
        area: Option<&str>,
        now: DateTime<Utc>,
        calendar: &workflow::Calendar,
        lang: Lang,
    ) -> Result<OpenCases, StoreError> {
        let open: Vec<&str> = CaseState::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| s.code())
            .collect();
        let (selected, _, _) = self.selection(reader, area).await?;
        let selected = selected.add(case::Column::State.is_in(open.clone()));
        let mut summary = Summary::default();
        // Today's names: the dashboard shows the organisation as it is.
        let counting = cases::Counting {
            now,
            calendar,
            lang,
            names_on: None,
        };
        cases::count(&self.db, selected, &counting, &mut summary).await?;
        Ok(OpenCases {
            total: summary.cases_filed,
            by_state: summary
                .by_state
                .into_iter()
                .filter(|c| open.contains(&c.code.as_str()))
                .collect(),
            by_category: summary.by_category,
            by_area: summary.by_area,
            overdue_by_lead_unit: summary.overdue_by_lead_unit,
        })
    }
}
