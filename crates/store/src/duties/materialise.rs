//! One duty instance per active schedule for the current and the next
//! period. Idempotent: the unique index on `(schedule_id, period)` turns a
//! second run, or a second scheduler, into a no-op. The cron job runs it
//! for every schedule; a new programme runs the same code for its own
//! schedules in its transaction (SPEC §14: duties at once, not at the next
//! tick).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
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
        let tx = self.write_tx().await?;
        let created = materialise(&tx, &schedules, now, calendar).await?;
        tx.commit().await?;
        Ok(created)
    }
}

/// The instances of `schedules` (the active ones) for the period
/// containing `now` and the next, written on `conn` (the caller's
/// transaction); those that exist are left as they are. Returns how many
/// were new.
pub(crate) async fn materialise(
    conn: &impl ConnectionTrait,
    schedules: &[duty_schedule::Model],
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Result<u64, StoreError> {
    let today = calendar.local_date(now);
    let mut rows = Vec::new();
    for schedule in schedules.iter().filter(|s| s.active) {
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
            .exec_without_returning(conn)
            .await?;
    }
    Ok(created)
}
