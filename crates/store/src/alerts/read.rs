//! Reading alerts — only those of areas in the reader's jurisdiction
//! (`workflow::may_read_alert`), an alert one may not read being "not
//! found" — acknowledging one, and the weekly signals the watch-list draws.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use workflow::{
    Acknowledged, AreaId, Calendar, Lang, UserId, check_alert_acknowledgement, may_read_alert,
    week_start,
};

use super::signal::{grid, lineages};
use super::{Acknowledgement, AlertView, WATCH_WEEKS};
use crate::entities::{area, category, hotspot_alert, user};
use crate::org::{actor, area_ref};
use crate::{Store, StoreError, Thing};

/// Which alerts to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertFilter {
    /// Only acknowledged ones (`true`) or only open ones (`false`).
    pub acknowledged: Option<bool>,
    /// Only those of this area's subtree (an area code).
    pub area: Option<String>,
}

/// The signal of one area × category over the watch-list's weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertSeries {
    /// The area's name.
    pub area_name: String,
    /// The category's name in the reader's language.
    pub category_name: String,
    /// Each week's Monday and signal, oldest first.
    pub weeks: Vec<(chrono::NaiveDate, f64)>,
}

/// The most alerts a list returns: open ones first, then the newest.
const LIST_LIMIT: usize = 500;

impl Store {
    /// The alerts `reader` may read, open first, newest first within each.
    pub async fn list_alerts(
        &self,
        reader: UserId,
        filter: &AlertFilter,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<Vec<AlertView>, StoreError> {
        let actor = actor(&self.read, reader, now).await?;
        let areas: HashMap<i64, area::Model> = area::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let within = match &filter.area {
            Some(code) => Some(
                areas
                    .values()
                    .find(|a| a.code == code.trim())
                    .map(|a| AreaId(a.id))
                    .ok_or_else(|| {
                        StoreError::Refused(workflow::Refusal::UnknownCode {
                            field: "area",
                            code: code.clone(),
                        })
                    })?,
            ),
            None => None,
        };
        let mut query = hotspot_alert::Entity::find();
        if let Some(done) = filter.acknowledged {
            query = if done {
                query.filter(hotspot_alert::Column::AcknowledgedAt.is_not_null())
            } else {
                query.filter(hotspot_alert::Column::AcknowledgedAt.is_null())
            };
        }
        let rows = query
            .order_by_desc(hotspot_alert::Column::WeekStart)
            .order_by_desc(hotspot_alert::Column::Id)
            .all(&self.db)
            .await?;
        let names = category_names(self, lang).await?;
        let officers = officer_names(self, &rows).await?;
        let mut out: Vec<AlertView> = rows
            .into_iter()
            .filter_map(|row| {
                let area = areas.get(&row.area_id)?;
                let place = area_ref(area);
                let readable = may_read_alert(&actor, &place)
                    && within.is_none_or(|root| place.is_within(root));
                readable.then(|| view(row, area, &names, &officers))
            })
            .collect();
        // Open alerts first; the order within each stays newest first.
        out.sort_by_key(|a| a.acknowledged.is_some());
        out.truncate(LIST_LIMIT);
        Ok(out)
    }

    /// Acknowledges alert `id` with `note`, by a board officer with
    /// jurisdiction over its area; once.
    pub async fn acknowledge_alert(
        &self,
        officer: UserId,
        id: i64,
        note: &str,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        let actor = actor(&tx, officer, now).await?;
        let missing = || StoreError::NotFound {
            thing: Thing::Alert,
            key: format!("#{id}"),
        };
        let row = hotspot_alert::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(missing)?;
        let area = area::Entity::find_by_id(row.area_id)
            .one(&tx)
            .await?
            .ok_or_else(missing)?;
        let place = area_ref(&area);
        if !may_read_alert(&actor, &place) {
            return Err(missing());
        }
        let before = match (row.acknowledged_by, row.acknowledged_at) {
            (Some(by), Some(at)) => Some(Acknowledged {
                by: user::Entity::find_by_id(by)
                    .one(&tx)
                    .await?
                    .map_or_else(|| format!("#{by}"), |u| u.name),
                at: at
                    .with_timezone(&calendar.time_zone())
                    .format("%H:%M %d/%m/%Y")
                    .to_string(),
            }),
            _ => None,
        };
        let note = check_alert_acknowledgement(&actor, &place, before, note)?;
        let mut active: hotspot_alert::ActiveModel = row.into();
        active.acknowledged_by = Set(Some(officer.0));
        active.acknowledged_at = Set(Some(now));
        active.acknowledgement_note = Set(Some(note.into_string()));
        active.update(&tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The weekly signal of every area × category `reader` may read that
    /// alerted in the last [`WATCH_WEEKS`] weeks, over those weeks.
    pub async fn alert_series(
        &self,
        reader: UserId,
        lang: Lang,
        calendar: &Calendar,
        now: DateTime<Utc>,
    ) -> Result<Vec<AlertSeries>, StoreError> {
        let zone = calendar.time_zone();
        let current = week_start(now, zone);
        let first = current - Duration::weeks(WATCH_WEEKS as i64 - 1);
        let recent = self
            .list_alerts(reader, &AlertFilter::default(), lang, now)
            .await?;
        let mut keys: Vec<(String, String, String, String)> = recent
            .into_iter()
            .filter(|a| a.week_start >= first)
            .map(|a| (a.area_code, a.area_name, a.category, a.category_name))
            .collect();
        keys.sort();
        keys.dedup();
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let lineages = lineages(&self.db).await?;
        let grid = grid(&self.db, zone, current, WATCH_WEEKS, &lineages).await?;
        let codes: HashMap<String, i64> = area::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.code, a.id))
            .collect();
        Ok(keys
            .into_iter()
            .map(|(code, area_name, category, category_name)| {
                let series = codes
                    .get(&code)
                    .and_then(|id| grid.series(AreaId(*id), &category));
                let weeks = (0..WATCH_WEEKS)
                    .map(|i| {
                        let monday = first + Duration::weeks(i as i64);
                        (monday, series.map_or(0.0, |s| s[i]))
                    })
                    .collect();
                AlertSeries {
                    area_name,
                    category_name,
                    weeks,
                }
            })
            .collect())
    }
}

async fn category_names(store: &Store, lang: Lang) -> Result<HashMap<String, String>, StoreError> {
    Ok(category::Entity::find()
        .all(&store.db)
        .await?
        .into_iter()
        .map(|c| {
            let name = if lang == Lang::En {
                c.name_en
            } else {
                c.name_vi
            };
            (c.code, name)
        })
        .collect())
}

async fn officer_names(
    store: &Store,
    rows: &[hotspot_alert::Model],
) -> Result<HashMap<i64, String>, StoreError> {
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.acknowledged_by).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(&store.db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn view(
    row: hotspot_alert::Model,
    area: &area::Model,
    names: &HashMap<String, String>,
    officers: &HashMap<i64, String>,
) -> AlertView {
    let acknowledged = match (row.acknowledged_by, row.acknowledged_at) {
        (Some(by), Some(at)) => Some(Acknowledgement {
            by: officers
                .get(&by)
                .cloned()
                .unwrap_or_else(|| format!("#{by}")),
            at,
            note: row.acknowledgement_note.clone().unwrap_or_default(),
        }),
        _ => None,
    };
    AlertView {
        id: row.id,
        area_code: area.code.clone(),
        area_name: area.name.clone(),
        category_name: names
            .get(&row.category)
            .cloned()
            .unwrap_or_else(|| row.category.clone()),
        category: row.category,
        week_start: row.week_start,
        reason: row.reason,
        observed: row.observed,
        baseline: row.baseline,
        p_value: row.p_value,
        created_at: row.created_at,
        acknowledged,
    }
}
