//! Evaluating the rule and storing what it raises: each alert is inserted
//! or ignored on its unique area × category × week, and only the process
//! whose insert took the row e-mails it, in the same transaction — so
//! concurrent sweeps store and send it once.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{Alarm, AlertRule, AreaId, Calendar, Recipients, SWEEP_WEEKS, weeks_judged};

use super::HOTSPOT_ALERT;
use super::signal::{grid, lineages};
use crate::entities::{area, category, hotspot_alert};
use crate::outbox::{Mail, enqueue, recipients};
use crate::{Store, StoreError};

/// What one evaluation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Raised {
    /// Alerts the rule raises for the week just ended and the current one
    /// (new or not).
    pub alarms: u64,
    /// Alerts stored by this evaluation (the others existed).
    pub new: u64,
    /// E-mails enqueued for the new alerts.
    pub mails: u64,
}

impl Store {
    /// Evaluates the early warning for the week just ended and the local
    /// week of `now` (`workflow::weeks_judged`), and stores and e-mails the
    /// alerts not stored yet.
    pub async fn raise_alerts(
        &self,
        now: DateTime<Utc>,
        calendar: &Calendar,
        rule: &AlertRule,
    ) -> Result<Raised, StoreError> {
        let zone = calendar.time_zone();
        let weeks = weeks_judged(now, zone);
        let current = weeks[1];
        let lineages = lineages(&self.db).await?;
        let grid = grid(&self.db, zone, current, SWEEP_WEEKS, &lineages).await?;
        let alarms: Vec<(NaiveDate, Alarm)> = weeks
            .iter()
            .zip(SWEEP_WEEKS - weeks.len()..)
            .flat_map(|(&week, index)| {
                grid.alarms(rule, index)
                    .into_iter()
                    .map(move |alarm| (week, alarm))
            })
            .collect();
        let mut raised = Raised {
            alarms: alarms.len() as u64,
            ..Raised::default()
        };
        if alarms.is_empty() {
            return Ok(raised);
        }
        // Skip, with one read, the alerts already stored: a sweep with
        // nothing new writes nothing.
        let stored: HashSet<(NaiveDate, i64, String)> = hotspot_alert::Entity::find()
            .filter(hotspot_alert::Column::WeekStart.is_in(weeks))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.week_start, a.area_id, a.category))
            .collect();
        for (week, alarm) in alarms {
            if stored.contains(&(week, alarm.area.0, alarm.category.clone())) {
                continue;
            }
            let tx = self.write_tx().await?;
            let row = hotspot_alert::ActiveModel {
                area_id: Set(alarm.area.0),
                category: Set(alarm.category.clone()),
                week_start: Set(week),
                reason: Set(alarm.verdict.reason.code().to_owned()),
                observed: Set(alarm.verdict.observed),
                baseline: Set(alarm.verdict.baseline),
                p_value: Set(alarm.verdict.p_value),
                created_at: Set(now),
                ..Default::default()
            };
            let inserted = hotspot_alert::Entity::insert(row)
                .on_conflict(
                    OnConflict::columns([
                        hotspot_alert::Column::AreaId,
                        hotspot_alert::Column::Category,
                        hotspot_alert::Column::WeekStart,
                    ])
                    .do_nothing()
                    .to_owned(),
                )
                .exec_without_returning(&tx)
                .await?;
            if inserted == 1 {
                let id = hotspot_alert::Entity::find()
                    .filter(hotspot_alert::Column::AreaId.eq(alarm.area.0))
                    .filter(hotspot_alert::Column::Category.eq(alarm.category.as_str()))
                    .filter(hotspot_alert::Column::WeekStart.eq(week))
                    .one(&tx)
                    .await?
                    .map_or(0, |a| a.id);
                raised.new += 1;
                raised.mails += mail(&tx, id, alarm.area, &alarm, week, now).await?;
            }
            tx.commit().await?;
        }
        Ok(raised)
    }
}

/// Enqueues the e-mails of a new alert: the board officers and the leaders
/// whose jurisdiction holds its area, each once, in their language.
async fn mail(
    tx: &impl ConnectionTrait,
    id: i64,
    area_id: AreaId,
    alarm: &Alarm,
    week: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let area = area::Entity::find_by_id(area_id.0).one(tx).await?;
    let area_name = area.map_or_else(String::new, |a| a.name);
    let category = category::Entity::find()
        .filter(category::Column::Code.eq(alarm.category.as_str()))
        .one(tx)
        .await?;
    let mut seen = HashSet::new();
    let mut mails = Vec::new();
    for to in [
        Recipients::Board { area: area_id },
        Recipients::Leaders { area: area_id },
    ] {
        for (address, user, lang) in recipients(tx, &to).await? {
            if !seen.insert(address.clone()) {
                continue;
            }
            let category_name = match &category {
                Some(c) if lang == "en" => c.name_en.clone(),
                Some(c) => c.name_vi.clone(),
                None => alarm.category.clone(),
            };
            mails.push(Mail {
                key: format!("alert:{id}:{address}"),
                kind: HOTSPOT_ALERT.to_owned(),
                to: address,
                user,
                lang,
                payload: json!({
                    "alert_id": id,
                    "area_name": area_name,
                    "category_name": category_name,
                    "week_start": week,
                    "reason": alarm.verdict.reason.code(),
                    "observed": alarm.verdict.observed,
                    "baseline": alarm.verdict.baseline,
                    "p_value": alarm.verdict.p_value,
                }),
            });
        }
    }
    enqueue(tx, mails, now).await
}
