//! Reminders of unacknowledged orientation notices (SPEC §12): the rule
//! (`workflow::orientation_reminder`) says which are due today and who is
//! copied; the sweep writes one row per address, keyed by the local day,
//! so a second sweep that day writes nothing. Each reminder to the unit
//! carries a fresh one-time link; the board's copy carries none.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use workflow::{
    ACKNOWLEDGEMENT_LINK_DAYS, AreaId, Calendar, UnitId, acknowledgement_expires,
    orientation_reminder, orientation_reminder_recipients,
};

use super::{ORIENTATION_REMINDER, new_link, unit_names};
use crate::entities::{case, case_event, orientation_notice, orientation_recipient};
use crate::outbox::{Mail, enqueue, not_yet_enqueued, recipients};
use crate::{Store, StoreError};

/// Enqueues today's reminders; returns the new rows.
pub(crate) async fn sweep(
    store: &Store,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Result<u64, StoreError> {
    let conn = &store.db;
    // Only notices whose links still work are reminded.
    let since = now - Duration::days(ACKNOWLEDGEMENT_LINK_DAYS);
    let notices = orientation_notice::Entity::find()
        .filter(orientation_notice::Column::CreatedAt.gt(since))
        .all(conn)
        .await?;
    if notices.is_empty() {
        return Ok(0);
    }
    let waiting = orientation_recipient::Entity::find()
        .filter(orientation_recipient::Column::NoticeId.is_in(notices.iter().map(|n| n.id)))
        .filter(orientation_recipient::Column::AcknowledgedAt.is_null())
        .all(conn)
        .await?;
    let today = calendar.local_date(now);
    // (mail without its token yet, recipient row to link it to)
    let mut planned: Vec<(Mail, Option<i64>)> = Vec::new();
    for r in &waiting {
        let Some(n) = notices.iter().find(|n| n.id == r.notice_id) else {
            continue;
        };
        let Some(step) = orientation_reminder(n.created_at, now, calendar) else {
            continue;
        };
        let Some(c) = case::Entity::find_by_id(n.case_id).one(conn).await? else {
            continue;
        };
        let payload: serde_json::Value = case_event::Entity::find_by_id(n.event_id)
            .one(conn)
            .await?
            .and_then(|e| serde_json::from_str(&e.payload).ok())
            .unwrap_or_default();
        let names = unit_names(conn, &[r.unit_id, n.issuer_unit_id]).await?;
        let who = orientation_reminder_recipients(step, UnitId(r.unit_id), AreaId(c.area_id));
        let mut seen = HashSet::new();
        for (sets, copy) in [(&who.to, false), (&who.copies, true)] {
            for set in sets {
                for (to, user, lang) in recipients(conn, set).await? {
                    if !seen.insert(to.clone()) {
                        continue;
                    }
                    planned.push((
                        Mail {
                            key: format!("{ORIENTATION_REMINDER}:{}:{today}:to:{to}", r.id),
                            kind: ORIENTATION_REMINDER.to_owned(),
                            to,
                            user,
                            lang,
                            payload: json!({
                                "recipient_id": r.id,
                                "case_code": c.code,
                                "title": c.title,
                                "notice_id": n.id,
                                "number": n.label,
                                "version": n.version,
                                "issuer_name": names.get(&n.issuer_unit_id).cloned().unwrap_or_default(),
                                "unit_name": names.get(&r.unit_id).cloned().unwrap_or_default(),
                                "messages": payload["messages"],
                                "channels": payload["channels"],
                                "audience": payload["audience"],
                                "expires_at": acknowledgement_expires(n.created_at).to_rfc3339(),
                                "working_days": step.working_days,
                                "copy": copy,
                            }),
                        },
                        (!copy).then_some(r.id),
                    ));
                }
            }
        }
    }
    let fresh: HashSet<String> =
        not_yet_enqueued(conn, planned.iter().map(|(m, _)| m.clone()).collect())
            .await?
            .into_iter()
            .map(|m| m.key)
            .collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let tx = store.write_tx().await?;
    let mut mails = Vec::new();
    for (mut mail, link_for) in planned.into_iter().filter(|(m, _)| fresh.contains(&m.key)) {
        if let Some(recipient) = link_for {
            let notice = mail.payload["notice_id"].as_i64().unwrap_or_default();
            let expires = notices
                .iter()
                .find(|n| n.id == notice)
                .map_or(now, |n| acknowledgement_expires(n.created_at));
            let token = new_link(&tx, recipient, &mail.to, &mail.key, expires, now).await?;
            mail.payload["token"] = json!(token);
        }
        mails.push(mail);
    }
    let n = enqueue(&tx, mails, now).await?;
    tx.commit().await?;
    Ok(n)
}
