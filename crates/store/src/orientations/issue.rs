//! Issuing an orientation notice in the transaction of its `orient` or
//! `add_orientation`: its number, its version on the case, a recipient row
//! per unit, and per address of the unit a one-time link and an e-mail.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use workflow::{Actor, Calendar, Case, Event, UnitRef, acknowledgement_expires};

use super::register::{ORIENTATION_KIND, label, next_number};
use super::{ORIENTATION_NOTICE, new_link};
use crate::StoreError;
use crate::entities::{orientation_notice, orientation_recipient, unit};
use crate::outbox::{Mail, enqueue, units_recipients};

/// Issues the notice of `event` (stored as `event_id`) on `case` to
/// `recipients`, by `actor`'s unit. A recipient without any address gets
/// its row and no link: it reads as `failed`, never silently dropped.
#[expect(
    clippy::too_many_arguments,
    reason = "one step of the action's transaction, each argument is one of its inputs"
)]
pub(crate) async fn issue(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    case: &Case,
    event_id: i64,
    event: &Event,
    recipients: &[UnitRef],
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let year = now.with_timezone(&calendar.time_zone()).year();
    let number = next_number(conn, actor.unit.id, ORIENTATION_KIND, year).await?;
    let issuer = unit::Entity::find_by_id(actor.unit.id.0).one(conn).await?;
    let issuer_code = issuer
        .as_ref()
        .map_or(actor.unit.code.as_str(), |u| &u.code);
    let issuer_name = issuer
        .as_ref()
        .map_or(actor.unit.code.clone(), |u| u.name.clone());
    let previous = orientation_notice::Entity::find()
        .filter(orientation_notice::Column::CaseId.eq(case.id.0))
        .order_by_desc(orientation_notice::Column::Version)
        .one(conn)
        .await?;
    let notice = orientation_notice::ActiveModel {
        case_id: Set(case.id.0),
        event_id: Set(event_id),
        issuer_unit_id: Set(actor.unit.id.0),
        year: Set(year),
        number: Set(number),
        label: Set(label(number, ORIENTATION_KIND, issuer_code)),
        version: Set(previous.as_ref().map_or(1, |p| p.version + 1)),
        replaces_id: Set(previous.as_ref().map(|p| p.id)),
        created_by: Set(actor.user.0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let ids: Vec<i64> = recipients.iter().map(|u| u.id.0).collect();
    let mut addresses = units_recipients(conn, &ids).await?;
    let names = super::unit_names(conn, &ids).await?;
    let expires = acknowledgement_expires(now);
    let mut mails = Vec::new();
    for unit in recipients {
        let recipient = orientation_recipient::ActiveModel {
            notice_id: Set(notice.id),
            unit_id: Set(unit.id.0),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        for (to, user, lang) in addresses.remove(&unit.id.0).unwrap_or_default() {
            let key = format!("{ORIENTATION_NOTICE}:{}:{}:{to}", notice.id, unit.id.0);
            let token = new_link(conn, recipient.id, &to, &key, expires, now).await?;
            mails.push(Mail {
                key,
                kind: ORIENTATION_NOTICE.to_owned(),
                to,
                user,
                lang,
                // The token is needed until the e-mail is sent; `mark_sent`
                // clears the payload of this kind once it is.
                payload: json!({
                    "case_code": case.code,
                    "title": case.title,
                    "notice_id": notice.id,
                    "number": notice.label,
                    "version": notice.version,
                    "replaces": previous.as_ref().map(|p| p.label.clone()),
                    "issuer_name": issuer_name,
                    "unit_name": names.get(&unit.id.0).cloned().unwrap_or_else(|| unit.code.clone()),
                    "messages": event.payload["messages"],
                    "channels": event.payload["channels"],
                    "audience": event.payload["audience"],
                    "token": token,
                    "expires_at": expires.to_rfc3339(),
                    "working_days": 0,
                }),
            });
        }
    }
    enqueue(conn, mails, now).await?;
    Ok(())
}
