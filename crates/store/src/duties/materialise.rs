//! One duty instance per active schedule for the current and the next
//! period. Idempotent: the unique index on `(schedule_id, period)` turns a
//! second run, or a second scheduler, into a no-op.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use workflow::{Cadence, Calendar, DueRule, DutyStatus, Period};

use super::kind;
use crate::entities::{duty_instance, duty_schedule};
use crate::{Store, StoreError};

/// Rows per INSERT: well under SQLite's limit of bound parameters.
const CHUNK: usize = 400;

impl Store {
    /// Creates the missing instances of every active schedule for the
    /// period containing `now` (local date on `calendar`) and the next one,
    /// due by the schedule's rule. Returns how many were new.
    pub async fn materialise_duties(
        &self,
        now: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Result<u64, StoreError> {
        let schedules = duty_schedule::Entity::find()
            .filter(duty_schedule::Column::Active.eq(true))
            .all(&self.db)
            .await?;
        let today = calendar.local_date(now);
        let mut rows = Vec::new();
        for schedule in schedules {
            let Some(cadence) = Cadence::from_code(&schedule.cadence) else {
                tracing::warn!(schedule = schedule.id, cadence = %schedule.cadence, "unknown cadence: schedule skipped");
                continue;
            };
            let rule = DueRule {
                days_after_end: u32::try_from(schedule.due_days_after_end).unwrap_or(10),
            };
            let current = Period::containing(cadence, today);
            for period in [current, current.next()] {
                rows.push(duty_instance::ActiveModel {
                    schedule_id: Set(Some(schedule.id)),
                    case_id: Set(None),
                    unit_id: Set(schedule.provider_unit_id),
                    recipient_unit_id: Set(schedule.recipient_unit_id),
                    kind: Set(kind::PERIODIC.to_owned()),
                    period: Set(period.to_string()),
                    due_at: Set(rule.due_at(period, calendar)),
                    status: Set(DutyStatus::FIRST.code().to_owned()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                });
            }
        }
        let mut created = 0;
        let tx = self.write_tx().await?;
        while !rows.is_empty() {
            let chunk: Vec<_> = rows.drain(..rows.len().min(CHUNK)).collect();
            created += duty_instance::Entity::insert_many(chunk)
                .on_conflict(
                    OnConflict::columns([
                        duty_instance::Column::ScheduleId,
                        duty_instance::Column::Period,
                    ])
                    .do_nothing()
                    .to_owned(),
                )
                .exec_without_returning(&tx)
                .await?;
        }
        tx.commit().await?;
        Ok(created)
    }
}
