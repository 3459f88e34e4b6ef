//! Duty reminders (§4.1): the store loads the pending duties and their
//! units and writes the items; who is reminded is
//! `workflow::duty_reminder_recipients`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use workflow::{AreaId, DutyReminderPolicy, DutyStatus, UnitId, duty_reminder_recipients};

use super::items::{Cause, for_cause};
use super::{Addresses, CHUNK, DUTY_REMINDER, ReminderRules, Units, Written, write_chunk};
use crate::duties::codes;
use crate::entities::{case, duty_instance, duty_schedule};
use crate::{Store, StoreError};

/// Writes the current step of every duty instance still owed.
pub(super) async fn sweep(
    store: &Store,
    now: DateTime<Utc>,
    rules: &ReminderRules,
) -> Result<Written, StoreError> {
    let conn = &store.db;
    let pending = duty_instance::Entity::find()
        .filter(duty_instance::Column::Status.is_in(codes(DutyStatus::OWED)))
        .order_by_asc(duty_instance::Column::Id)
        .all(conn)
        .await?;
    let schedules: HashMap<i64, duty_schedule::Model> = duty_schedule::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut addresses = Addresses::default();
    let mut units = Units::default();
    let mut total = Written::default();
    for chunk in pending.chunks(CHUNK) {
        let mut batch = Vec::new();
        let ids = chunk.iter().flat_map(|d| [d.unit_id, d.recipient_unit_id]);
        units.load(conn, ids).await?;
        addresses
            .load_units(conn, chunk.iter().map(|d| d.unit_id))
            .await?;
        let cases = case_codes(store, chunk).await?;
        for duty in chunk {
            let policy = policy_of(
                &rules.duty,
                duty.schedule_id.and_then(|id| schedules.get(&id)),
            );
            let Some(step) = policy.latest_step(duty.due_at, now, &rules.calendar) else {
                continue;
            };
            let provider = units.get(duty.unit_id)?;
            let board = units.get(duty.recipient_unit_id)?;
            let who = duty_reminder_recipients(
                step,
                UnitId(duty.unit_id),
                AreaId(provider.home_area_id),
                UnitId(duty.recipient_unit_id),
            );
            let to = addresses.all_of(conn, &who.to).await?;
            let copies = addresses.all_of(conn, &who.copies).await?;
            let board_addresses = if to.is_empty() {
                addresses.all_of(conn, &who.unreached).await?
            } else {
                Vec::new()
            };
            let payload = json!({
                "duty_id": duty.id,
                "duty_kind": duty.kind,
                "period": duty.period,
                // With the kind, what the e-mail names the duty by
                // (`workflow::duty_period_label`, in the reader's language).
                "case_code": duty.case_id.and_then(|id| cases.get(&id)),
                "topic": duty.topic,
                "due_at": duty.due_at,
                "due_ts": duty.due_at.timestamp(),
                "step": step.key(),
                "overdue": step.is_overdue(),
                "unit_code": provider.code,
                "unit_name": provider.name,
                "board_name": board.name,
            });
            batch.extend(for_cause(Cause {
                key: format!(
                    "duty:{}:{}:{}",
                    duty.id,
                    duty.due_at.timestamp(),
                    step.key()
                ),
                kind: DUTY_REMINDER,
                subject: format!("duty:{}", duty.id),
                due_at: duty.due_at,
                payload,
                to: &to,
                copies: &copies,
                board: &board_addresses,
            }));
        }
        total += write_chunk(store, batch, now).await?;
    }
    Ok(total)
}

/// The codes of the cases the duties of `chunk` are about, by id.
async fn case_codes(
    store: &Store,
    chunk: &[duty_instance::Model],
) -> Result<std::collections::HashMap<i64, String>, StoreError> {
    let ids: Vec<i64> = chunk.iter().filter_map(|d| d.case_id).collect();
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(case::Entity::find()
        .filter(case::Column::Id.is_in(ids))
        .all(&store.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect())
}

/// The schedule's offsets over the configured defaults; trial duties and
/// ad-hoc requests (no schedule) follow the defaults.
fn policy_of(
    default: &DutyReminderPolicy,
    schedule: Option<&duty_schedule::Model>,
) -> DutyReminderPolicy {
    let mut policy = default.clone();
    if let Some(s) = schedule {
        let days: Vec<u32> = s
            .reminder_before_days
            .split(',')
            .filter_map(|d| d.trim().parse().ok())
            .collect();
        policy.before_days = days;
        policy.overdue_every_days = u32::try_from(s.overdue_every_days).unwrap_or(0);
    }
    policy
}
