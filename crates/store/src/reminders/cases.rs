//! Case deadline reminders (§5): the store loads the open cases and when
//! their deadlines started and writes the items; who is reminded is
//! `workflow::case_reminder_recipients`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use workflow::{
    ActionKind, AreaId, CaseState, DeadlineKind, UnitId, case_deadline_holder,
    case_reminder_recipients,
};

use super::items::{Cause, for_cause};
use super::{Addresses, CASE_REMINDER, CHUNK, ReminderRules, Units, Written, write_chunk};
use crate::entities::{case, case_event};
use crate::{Store, StoreError};

/// The states in which some deadline runs.
fn open_states() -> Vec<&'static str> {
    CaseState::ALL
        .iter()
        .filter(|s| !DeadlineKind::running_in(**s).is_empty())
        .map(|s| s.code())
        .collect()
}

/// Writes the current step of every running deadline of every open case.
pub(super) async fn sweep(
    store: &Store,
    now: DateTime<Utc>,
    rules: &ReminderRules,
) -> Result<Written, StoreError> {
    let conn = &store.db;
    let cases = case::Entity::find()
        .filter(case::Column::State.is_in(open_states()))
        .order_by_asc(case::Column::Id)
        .all(conn)
        .await?;
    let mut addresses = Addresses::default();
    let mut units = Units::default();
    let mut total = Written::default();
    for chunk in cases.chunks(CHUNK) {
        let starts = starts_of(store, chunk).await?;
        let leads = chunk.iter().filter_map(|c| c.lead_unit_id);
        addresses.load_units(conn, leads.clone()).await?;
        units.load(conn, leads).await?;
        let mut batch = Vec::new();
        for row in chunk {
            let Some(state) = CaseState::from_code(&row.state) else {
                continue;
            };
            for &kind in DeadlineKind::running_in(state) {
                let Some(due) = due_of(row, kind) else {
                    continue;
                };
                let start = starts
                    .get(&(row.id, kind))
                    .copied()
                    .unwrap_or(row.created_at);
                let Some(step) = rules.case.latest_step(start, due, now, &rules.calendar) else {
                    continue;
                };
                let who = case_reminder_recipients(
                    kind,
                    step,
                    AreaId(row.area_id),
                    row.lead_unit_id.map(UnitId),
                );
                let to = addresses.all_of(conn, &who.to).await?;
                let copies = addresses.all_of(conn, &who.copies).await?;
                let board = if to.is_empty() {
                    addresses.all_of(conn, &who.unreached).await?
                } else {
                    Vec::new()
                };
                // Whose deadline it is; the digest names the board for none.
                let holder = match case_deadline_holder(kind, row.lead_unit_id.map(UnitId)) {
                    Some(unit) => Some(units.get(unit.0)?.name.clone()),
                    None => None,
                };
                let kind_code = kind.code();
                let payload = json!({
                    "case_id": row.id,
                    "case_code": row.code,
                    "title": row.title,
                    "deadline": kind_code,
                    "due_at": due,
                    "due_ts": due.timestamp(),
                    "step": step.key(),
                    "overdue": step.is_overdue(),
                    "holder": holder,
                });
                batch.extend(for_cause(Cause {
                    key: format!(
                        "case:{}:{kind_code}:{}:{}",
                        row.id,
                        due.timestamp(),
                        step.key()
                    ),
                    kind: CASE_REMINDER,
                    subject: format!("case:{}:{kind_code}", row.id),
                    due_at: due,
                    payload,
                    to: &to,
                    copies: &copies,
                    board: &board,
                }));
            }
        }
        total += write_chunk(store, batch, now).await?;
    }
    Ok(total)
}

/// The due time of one deadline of a row.
pub(crate) fn due_of(row: &case::Model, kind: DeadlineKind) -> Option<DateTime<Utc>> {
    match kind {
        DeadlineKind::Triage => row.triage_due,
        DeadlineKind::Answer => row.answer_due,
        DeadlineKind::Resolution => row.resolution_due,
    }
}

/// When each case's deadlines started, keyed by (case, deadline): the
/// last of the actions that start it (`DeadlineKind::started_by`).
async fn starts_of(
    store: &Store,
    cases: &[case::Model],
) -> Result<HashMap<(i64, DeadlineKind), DateTime<Utc>>, StoreError> {
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    let starting: Vec<&str> = DeadlineKind::ALL
        .iter()
        .flat_map(|kind| kind.started_by())
        .map(|action| action.code())
        .collect();
    let events = case_event::Entity::find()
        .filter(case_event::Column::CaseId.is_in(ids))
        .filter(case_event::Column::Action.is_in(starting))
        .all(&store.db)
        .await?;
    let mut out: HashMap<(i64, DeadlineKind), DateTime<Utc>> = HashMap::new();
    for e in events {
        let Some(action) = ActionKind::from_code(&e.action) else {
            continue;
        };
        for &kind in DeadlineKind::ALL {
            if kind.started_by().contains(&action) {
                let at = out.entry((e.case_id, kind)).or_insert(e.created_at);
                if e.created_at > *at {
                    *at = e.created_at;
                }
            }
        }
    }
    Ok(out)
}
