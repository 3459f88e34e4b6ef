//! Trends (SPEC §16): per week or month, the opinion items by mood and by
//! reach, and the cases filed, in an area subtree and a category, counted
//! only over what the caller may read (their own reports for a
//! collaborator; the cases `workflow::visibility` lets them see).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use workflow::{Mood, OpinionReach, Refusal, UserId, opinion_visibility};

use super::list::{subtree_ids, visible};
use crate::cases::visible as cases_visible;
use crate::entities::{case, opinion_item, opinion_report};
use crate::org::{actor, area_by_code};
use crate::reads::{ReadSelect, Reads};
use crate::{Invalid, Store, StoreError};

/// The most periods one answer holds (three years of weeks).
pub const MAX_TREND_PERIODS: usize = 160;

/// How long one period of a trend is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum TrendStep {
    /// Weeks from Monday.
    #[default]
    Week,
    /// Calendar months.
    Month,
}

/// What a trend is asked over.
#[derive(Debug, Clone, Default)]
pub struct TrendQuery {
    /// First day (local); default: 12 weeks or 6 months before `to`.
    pub from: Option<NaiveDate>,
    /// Last day (local); default: today.
    pub to: Option<NaiveDate>,
    /// Only this area's code and the areas below it.
    pub area: Option<String>,
    /// Only this category code.
    pub category: Option<String>,
    /// Weeks or months.
    pub by: TrendStep,
}

/// Items by mood.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoodCounts {
    /// Đồng tình.
    pub supportive: u64,
    /// Trung lập.
    pub neutral: u64,
    /// Băn khoăn.
    pub concerned: u64,
    /// Bức xúc.
    pub angry: u64,
}

impl MoodCounts {
    /// The count of `mood`.
    pub fn get(&self, mood: Mood) -> u64 {
        match mood {
            Mood::Supportive => self.supportive,
            Mood::Neutral => self.neutral,
            Mood::Concerned => self.concerned,
            Mood::Angry => self.angry,
        }
    }

    fn add(&mut self, mood: Mood) {
        match mood {
            Mood::Supportive => self.supportive += 1,
            Mood::Neutral => self.neutral += 1,
            Mood::Concerned => self.concerned += 1,
            Mood::Angry => self.angry += 1,
        }
    }
}

/// Items by reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReachCounts {
    /// Ít người.
    pub few: u64,
    /// Nhiều người.
    pub many: u64,
    /// Lan rộng.
    pub widespread: u64,
}

impl ReachCounts {
    fn add(&mut self, reach: OpinionReach) {
        match reach {
            OpinionReach::Few => self.few += 1,
            OpinionReach::Many => self.many += 1,
            OpinionReach::Widespread => self.widespread += 1,
        }
    }
}

/// One period of a trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrendBucket {
    /// Its first day (a Monday, or the first of a month).
    pub start: NaiveDate,
    /// Opinion items in reports received in it.
    pub items: u64,
    /// Those items by mood.
    pub by_mood: MoodCounts,
    /// Those items by reach.
    pub by_reach: ReachCounts,
    /// Cases filed in it.
    pub cases_filed: u64,
}

/// A trend: the periods from `from` to `to`, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trends {
    /// Weeks or months.
    pub by: TrendStep,
    /// The first day counted.
    pub from: NaiveDate,
    /// The last day counted.
    pub to: NaiveDate,
    /// Every period, empty ones too.
    pub periods: Vec<TrendBucket>,
}

impl Store {
    /// The trend `query` asks for, as `user` may read it, `tz` giving the
    /// local days.
    pub async fn opinion_trends(
        &self,
        user: UserId,
        query: &TrendQuery,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Trends, StoreError> {
        let conn = &self.read;
        let actor = actor(conn, user, now).await?;
        let to = query
            .to
            .unwrap_or_else(|| now.with_timezone(&tz).date_naive());
        // A day outside these years is a typing mistake, and the calendar
        // arithmetic below must not run off the end of time.
        for (field, day) in [("from", query.from), ("to", Some(to))] {
            if day.is_some_and(|d| !(1900..=2200).contains(&d.year())) {
                return Err(Refusal::InvalidInput { field }.into());
            }
        }
        let from = query.from.unwrap_or_else(|| default_from(to, query.by));
        if from > to {
            return Err(StoreError::Invalid {
                field: "to",
                reason: Invalid::EndNotAfterStart,
            });
        }
        let mut periods: BTreeMap<NaiveDate, TrendBucket> = BTreeMap::new();
        let mut start = period_start(from, query.by);
        while start <= to {
            if periods.len() >= MAX_TREND_PERIODS {
                return Err(Refusal::InvalidInput { field: "from" }.into());
            }
            periods.insert(start, empty(start));
            start = next_start(start, query.by);
        }
        let begin = local_midnight(from, tz);
        let end = local_midnight(to + Days::new(1), tz);
        let within = match &query.area {
            Some(code) => {
                Some(subtree_ids(conn, &area_by_code(conn, code, "area").await?.lineage).await?)
            }
            None => None,
        };

        let mut scope = Condition::all()
            .add(visible(conn, &opinion_visibility(&actor)).await?)
            .add(opinion_report::Column::CreatedAt.gte(begin))
            .add(opinion_report::Column::CreatedAt.lt(end));
        if let Some(ids) = &within {
            scope = scope.add(opinion_report::Column::AreaId.is_in(ids.clone()));
        }
        let reports = opinion_report::Entity::find().filter(scope.clone());
        let received: BTreeMap<i64, NaiveDate> = reports
            .read_all(conn)
            .await?
            .into_iter()
            .map(|r| (r.id, r.created_at.with_timezone(&tz).date_naive()))
            .collect();
        let mut items = opinion_item::Entity::find().filter(
            opinion_item::Column::ReportId.in_subquery(
                Query::select()
                    .column(opinion_report::Column::Id)
                    .from(opinion_report::Entity)
                    .cond_where(scope)
                    .to_owned(),
            ),
        );
        if let Some(category) = &query.category {
            items = items.filter(opinion_item::Column::Category.eq(category.trim()));
        }
        for item in items.read_all(conn).await? {
            let (Some(day), Some(mood), Some(reach)) = (
                received.get(&item.report_id),
                Mood::from_code(&item.mood),
                OpinionReach::from_code(&item.reach),
            ) else {
                continue;
            };
            if let Some(bucket) = periods.get_mut(&period_start(*day, query.by)) {
                bucket.items += 1;
                bucket.by_mood.add(mood);
                bucket.by_reach.add(reach);
            }
        }

        let mut cases = case::Entity::find()
            .select_only()
            .column(case::Column::Id)
            .filter(cases_visible(
                &*self.org(conn).await?,
                &workflow::visibility(&actor),
            )?)
            .filter(case::Column::CreatedAt.gte(begin))
            .filter(case::Column::CreatedAt.lt(end));
        if let Some(ids) = &within {
            cases = cases.filter(case::Column::AreaId.is_in(ids.clone()));
        }
        if let Some(category) = &query.category {
            cases = cases.filter(case::Column::Category.eq(category.trim()));
        }
        let ids = cases.read_ints(conn).await?;
        for day in case_days(conn, &ids, tz).await? {
            if let Some(bucket) = periods.get_mut(&period_start(day, query.by)) {
                bucket.cases_filed += 1;
            }
        }
        Ok(Trends {
            by: query.by,
            from,
            to,
            periods: periods.into_values().collect(),
        })
    }
}

/// The local filing days of the cases `ids`, read in chunks.
async fn case_days(conn: &impl Reads, ids: &[i64], tz: Tz) -> Result<Vec<NaiveDate>, StoreError> {
    let mut days = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        for row in case::Entity::find()
            .filter(case::Column::Id.is_in(chunk.iter().copied()))
            .read_all(conn)
            .await?
        {
            days.push(row.created_at.with_timezone(&tz).date_naive());
        }
    }
    Ok(days)
}

fn empty(start: NaiveDate) -> TrendBucket {
    TrendBucket {
        start,
        items: 0,
        by_mood: MoodCounts::default(),
        by_reach: ReachCounts::default(),
        cases_filed: 0,
    }
}

/// The first day of the period holding `day`.
pub fn period_start(day: NaiveDate, by: TrendStep) -> NaiveDate {
    match by {
        TrendStep::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
        TrendStep::Month => day.with_day(1).unwrap_or(day),
    }
}

fn next_start(start: NaiveDate, by: TrendStep) -> NaiveDate {
    match by {
        TrendStep::Week => start + Days::new(7),
        TrendStep::Month => start + Months::new(1),
    }
}

fn default_from(to: NaiveDate, by: TrendStep) -> NaiveDate {
    match by {
        TrendStep::Week => period_start(to, by) - Days::new(7 * 11),
        TrendStep::Month => period_start(to, by) - Months::new(5),
    }
}

fn local_midnight(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}
