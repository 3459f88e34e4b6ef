//! The monthly opinion report (SPEC §16) reminded like a unit's duty
//! (§4.1): each serving collaborator who has not filed last month's or
//! this month's report gets the duty policy's current step as an item of
//! their daily digest (§14), before the due day as coming up, on and
//! after it as overdue. Which months are owed is
//! `workflow::opinion_reports_owed`; a report filed makes the item moot
//! (`Store::payload_holds`).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use workflow::{Recipients, UserId, opinion_reports_owed};

use super::items::{Cause, for_cause};
use super::{Addresses, CHUNK, OPINION_REPORT_REMINDER, ReminderRules, Written, write_chunk};
use crate::entities::opinion_report;
use crate::{Store, StoreError};

/// Writes the current step of every monthly report still owed.
pub(super) async fn sweep(
    store: &Store,
    now: DateTime<Utc>,
    rules: &ReminderRules,
) -> Result<Written, StoreError> {
    let today = rules.calendar.local_date(now);
    let owed = opinion_reports_owed(today, rules.opinion_report_day);
    let serving = store.serving_collaborators(today).await?;
    if serving.is_empty() {
        return Ok(Written::default());
    }
    let periods: Vec<String> = owed.iter().map(|d| d.period.clone()).collect();
    let done = filed(&store.db, &periods).await?;
    let mut addresses = Addresses::default();
    let mut total = Written::default();
    for chunk in serving.chunks(CHUNK) {
        let mut batch = Vec::new();
        for person in chunk {
            for duty in &owed {
                if !duty.is_owed_by(&person.profile, today)
                    || done.contains(&(person.user_id, duty.period.clone()))
                {
                    continue;
                }
                let due_at = rules.calendar.end_of_day(duty.due_on);
                let Some(step) = rules.duty.latest_step(due_at, now, &rules.calendar) else {
                    continue;
                };
                let to = Recipients::User {
                    user: UserId(person.user_id),
                };
                let to = addresses.of(&store.db, &to).await?.to_vec();
                let payload = json!({
                    "user_id": person.user_id,
                    "name": person.name,
                    "period": duty.period,
                    "due_at": due_at,
                    "due_ts": due_at.timestamp(),
                    "step": step.key(),
                    "overdue": step.is_overdue(),
                });
                let subject = format!("opinion:{}:{}", person.user_id, duty.period);
                batch.extend(for_cause(Cause {
                    key: format!("{subject}:{}", step.key()),
                    kind: OPINION_REPORT_REMINDER,
                    subject,
                    due_at,
                    payload,
                    to: &to,
                    copies: &[],
                    board: &[],
                }));
            }
        }
        total += write_chunk(store, batch, now).await?;
    }
    Ok(total)
}

/// The (reporter, period) of the monthly reports filed for `periods`.
async fn filed(
    conn: &impl ConnectionTrait,
    periods: &[String],
) -> Result<HashSet<(i64, String)>, StoreError> {
    Ok(opinion_report::Entity::find()
        .filter(opinion_report::Column::Quick.eq(false))
        .filter(opinion_report::Column::Period.is_in(periods.iter().cloned()))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| r.period.map(|p| (r.reporter_id, p)))
        .collect())
}

/// Whether the monthly report of `payload`'s user and period is still
/// unfiled.
pub(super) async fn still_owed(
    conn: &impl ConnectionTrait,
    payload: &serde_json::Value,
) -> Result<bool, StoreError> {
    let (Some(user), Some(period)) = (payload["user_id"].as_i64(), payload["period"].as_str())
    else {
        return Ok(false);
    };
    Ok(opinion_report::Entity::find()
        .filter(opinion_report::Column::ReporterId.eq(user))
        .filter(opinion_report::Column::Period.eq(period))
        .filter(opinion_report::Column::Quick.eq(false))
        .one(conn)
        .await?
        .is_none())
}
