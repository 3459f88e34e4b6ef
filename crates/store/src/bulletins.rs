//! The monthly opinion bulletin (*bản tin dư luận xã hội*, SPEC §16): the
//! month's opinion reports and their items, the cases filed and those now
//! overdue, and the early-warning alerts of its weeks, in the areas its
//! reader may see; headed as the board's report (kind `BC`, numbered once
//! per month and area).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use workflow::{
    Actor, AlertReason, AreaId, BULLETIN_CONCERNS, Calendar, Lang, Mood, OpinionLine, OpinionReach,
    Period,
};

mod mail;

pub use mail::{BulletinReader, OPINION_BULLETIN};

use crate::entities::{area, category, hotspot_alert, opinion_item, opinion_report};
use crate::reports::{Heading, Letterhead, OpenCases, Reader, ReportScope, Summary};
use crate::{Store, StoreError};

/// Everything a bulletin prints, labels in the reader's language.
#[derive(Debug, Clone)]
pub struct Bulletin {
    /// The month it is of.
    pub month: Period,
    /// Its letterhead, number and signer, when it is issued as a document.
    pub letterhead: Option<Letterhead>,
    /// The area it covers, by name.
    pub area_name: String,
    /// Opinion reports received (monthly ones of the month, quick ones
    /// filed in it).
    pub reports: u64,
    /// Collaborators who sent them.
    pub reporters: u64,
    /// Opinion items in them.
    pub items: u64,
    /// Each mood: count and share in percent (`workflow::mood_shares`).
    pub moods: Vec<(Mood, u32, u32)>,
    /// The top concerns, most troubling first.
    pub concerns: Vec<ConcernLine>,
    /// The cases filed in the month, counted as the annual report counts.
    pub cases: Summary,
    /// The cases open at the time of compiling, with the deadlines passed.
    pub open: OpenCases,
    /// The alerts of the weeks that touch the month.
    pub alerts: Vec<AlertLine>,
}

/// A concern as the bulletin lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcernLine {
    /// Category name.
    pub category: String,
    /// Area name.
    pub area: String,
    /// Items reported.
    pub items: u32,
    /// Of which concerned or angry.
    pub troubled: u32,
    /// Of which widespread.
    pub widespread: u32,
    /// What the most troubled of its items says.
    pub example: String,
}

/// An alert as the bulletin lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertLine {
    /// Area name.
    pub area: String,
    /// Category name.
    pub category: String,
    /// The Monday its week starts on.
    pub week_start: NaiveDate,
    /// Why it was raised.
    pub reason: AlertReason,
    /// Whether a board officer has acknowledged it.
    pub acknowledged: bool,
}

/// Which bulletin: of which month and area (the reader's whole scope when
/// `None`), read by whom, and in which language.
#[derive(Debug, Clone, Copy)]
pub struct BulletinOf<'a> {
    /// Who reads it.
    pub reader: Reader,
    /// The month.
    pub month: Period,
    /// An area code.
    pub area: Option<&'a str>,
    /// Labels' language.
    pub lang: Lang,
    /// Whether it is issued as a document, which takes its number from
    /// the register (once per month and area); a page view does not.
    pub issued: bool,
}

impl Store {
    /// The bulletin `of`, compiled at `now`. A reader who may not read
    /// reports is refused as for the annual report; opinion items count
    /// only in the areas the reader sees.
    pub async fn bulletin(
        &self,
        of: BulletinOf<'_>,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<Bulletin, StoreError> {
        let tz = calendar.time_zone();
        let (from, to) = month_bounds(of.month, calendar);
        let scope = ReportScope {
            from,
            to,
            area: of.area.map(str::to_owned),
        };
        scope.check(now)?;
        // Loaded once for the case figures, the open cases and the areas.
        let reader = self.report_reader(of.reader, now).await?;
        let reader = reader.as_ref();
        let cases = (self.summary_for(reader, &scope, now, calendar, of.lang)).await?;
        let open = (self.open_cases_for(reader, of.area, now, calendar, of.lang)).await?;
        let areas = self.bulletin_areas(reader, of.area).await?;
        let month = of.month.to_string();
        let in_areas = opinion_report::Column::AreaId.is_in(areas.keys().copied());
        let of_month = reports_of_month(of.month, calendar);
        let reports: HashMap<i64, opinion_report::Model> = opinion_report::Entity::find()
            .filter(in_areas.clone())
            .filter(of_month.clone())
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let items = opinion_item::Entity::find()
            .filter(
                opinion_item::Column::ReportId.in_subquery(
                    Query::select()
                        .column(opinion_report::Column::Id)
                        .from(opinion_report::Entity)
                        .cond_where(Condition::all().add(in_areas).add(of_month))
                        .to_owned(),
                ),
            )
            .order_by_asc(opinion_item::Column::Id)
            .all(&self.db)
            .await?;
        let lines: Vec<(OpinionLine, &opinion_item::Model)> = (items.iter())
            .filter_map(|i| {
                let report = reports.get(&i.report_id)?;
                Some((
                    OpinionLine {
                        category: i.category.clone(),
                        area: AreaId(report.area_id),
                        mood: Mood::from_code(&i.mood)?,
                        reach: OpinionReach::from_code(&i.reach)?,
                    },
                    i,
                ))
            })
            .collect();
        let opinions: Vec<OpinionLine> = lines.iter().map(|(l, _)| l.clone()).collect();
        let categories = self.category_names(of.lang).await?;
        let name_of = |code: &str| {
            categories
                .get(code)
                .cloned()
                .unwrap_or_else(|| code.to_owned())
        };
        let area_name = |id: i64| areas.get(&id).map(|a| a.name.clone()).unwrap_or_default();
        let concerns = workflow::top_concerns(&opinions, BULLETIN_CONCERNS)
            .into_iter()
            .map(|c| {
                // The angriest, most widespread item of the concern speaks for it.
                let example = (lines.iter())
                    .filter(|(l, _)| l.category == c.category && l.area == c.area)
                    .max_by_key(|(l, i)| (l.mood, l.reach, std::cmp::Reverse(i.id)))
                    .map(|(_, i)| i.summary.clone())
                    .unwrap_or_default();
                ConcernLine {
                    category: name_of(&c.category),
                    area: area_name(c.area.0),
                    items: c.items,
                    troubled: c.troubled,
                    widespread: c.widespread,
                    example,
                }
            })
            .collect();
        let first = of.month.first_day();
        let alerts = hotspot_alert::Entity::find()
            .filter(hotspot_alert::Column::AreaId.is_in(areas.keys().copied()))
            .filter(hotspot_alert::Column::WeekStart.gt(first - chrono::Days::new(7)))
            .filter(hotspot_alert::Column::WeekStart.lte(of.month.last_day()))
            .order_by_asc(hotspot_alert::Column::WeekStart)
            .order_by_asc(hotspot_alert::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|a| {
                Some(AlertLine {
                    area: area_name(a.area_id),
                    category: name_of(&a.category),
                    week_start: a.week_start,
                    reason: AlertReason::from_code(&a.reason)?,
                    acknowledged: a.acknowledged_at.is_some(),
                })
            })
            .collect();
        let today = now.with_timezone(&tz).date_naive();
        let head = Heading {
            reader: of.reader,
            area: of.area,
            signer: None,
            programme_year: None,
        };
        let letterhead = match of.issued {
            true => Some(
                self.letterhead(head, |area| format!("bulletin:{month}:{area}"), today, now)
                    .await?,
            ),
            false => None,
        };
        let reporters: HashSet<i64> = reports.values().map(|r| r.reporter_id).collect();
        Ok(Bulletin {
            month: of.month,
            area_name: bulletin_area_name(&cases, &areas),
            letterhead,
            reports: reports.len() as u64,
            reporters: reporters.len() as u64,
            items: opinions.len() as u64,
            moods: workflow::mood_shares(&opinions),
            concerns,
            cases,
            open,
            alerts,
        })
    }

    /// The areas whose opinion reports a bulletin of `area` counts for
    /// `reader` (`None`: the operator): the area's subtree (everything
    /// when `None`), cut down to the areas the reader sees.
    async fn bulletin_areas(
        &self,
        reader: Option<&Actor>,
        area: Option<&str>,
    ) -> Result<HashMap<i64, area::Model>, StoreError> {
        let seen = reader.map(|actor| workflow::visibility(actor).normal);
        let all = area::Entity::find().all(&self.db).await?;
        let lineage_of = |id: i64| all.iter().find(|a| a.id == id).map(|a| a.lineage.clone());
        let root = match area {
            Some(code) => Some(
                (all.iter().find(|a| a.code == code.trim()))
                    .map(|a| a.lineage.clone())
                    .ok_or_else(|| crate::org::unknown("area", code))?,
            ),
            None => None,
        };
        let scopes: Option<Vec<String>> = match seen {
            Some(scope) if !scope.all => {
                Some(scope.areas.iter().filter_map(|a| lineage_of(a.0)).collect())
            }
            _ => None,
        };
        Ok(all
            .iter()
            .filter(|a| {
                root.as_ref()
                    .is_none_or(|r| a.lineage.starts_with(r.as_str()))
            })
            .filter(|a| {
                (scopes.as_ref())
                    .is_none_or(|s| s.iter().any(|l| a.lineage.starts_with(l.as_str())))
            })
            .map(|a| (a.id, a.clone()))
            .collect())
    }

    /// Every category's name in `lang`, by code.
    async fn category_names(&self, lang: Lang) -> Result<HashMap<String, String>, StoreError> {
        Ok(category::Entity::find()
            .select_only()
            .columns([
                category::Column::Code,
                category::Column::NameVi,
                category::Column::NameEn,
            ])
            .into_tuple::<(String, String, String)>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|(code, vi, en)| (code, lang.pick(&vi, &en).to_owned()))
            .collect())
    }
}

/// The name of the area a bulletin covers: the one asked for, else
/// the top of what the reader sees.
fn bulletin_area_name(cases: &Summary, areas: &HashMap<i64, area::Model>) -> String {
    match &cases.area {
        Some(a) => a.name.clone(),
        None => (areas.values())
            .min_by_key(|a| (a.depth, a.id))
            .map(|a| a.name.clone())
            .unwrap_or_default(),
    }
}

/// The first instant of `month` and of the month after, in the calendar's
/// zone.
pub(crate) fn month_bounds(month: Period, calendar: &Calendar) -> (DateTime<Utc>, DateTime<Utc>) {
    let tz = calendar.time_zone();
    let start = |day: NaiveDate| {
        tz.from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    };
    (start(month.first_day()), start(month.next().first_day()))
}

/// The opinion reports a bulletin of `month` counts: the monthly ones of
/// the month and the quick ones filed in it.
pub(crate) fn reports_of_month(month: Period, calendar: &Calendar) -> Condition {
    let (from, to) = month_bounds(month, calendar);
    Condition::any()
        .add(
            Condition::all()
                .add(opinion_report::Column::Quick.eq(false))
                .add(opinion_report::Column::Period.eq(month.to_string())),
        )
        .add(
            Condition::all()
                .add(opinion_report::Column::Quick.eq(true))
                .add(opinion_report::Column::CreatedAt.gte(from))
                .add(opinion_report::Column::CreatedAt.lt(to)),
        )
}
