//! Resolution meetings (SPEC §11): a `schedule_meeting` stores the meeting
//! with an invitation per invited unit and writes each unit's e-mails,
//! with its calendar entry, to the outbox; a `log_meeting` records the
//! meeting as held, with whether the board was represented; the case page
//! lists them and the leader's dashboard counts those held without the
//! board.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use serde_json::json;
use workflow::{ActionKind, Case, Event, Notice, NoticeKind, Recipients};

use crate::StoreError;
use crate::entities::{meeting, meeting_invitation, unit};
use crate::org::unknown;
use crate::outbox::{Address, Mail, enqueue, recipients};

mod list;
pub use list::{Invitation, MeetingView};

/// How an invitation stands.
pub mod invitation {
    /// Its e-mails are in the outbox.
    pub const QUEUED: &str = "queued";
    /// The unit has no address: nobody could be invited.
    pub const FAILED: &str = "failed";
    /// Every e-mail of it was delivered.
    pub const SENT: &str = "sent";
}

/// What `schedule_meeting` recorded.
#[derive(Deserialize)]
struct Scheduled {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
    chair_unit: String,
    agenda: String,
}

/// What `log_meeting` recorded.
#[derive(Deserialize)]
struct Logged {
    #[serde(default)]
    meeting: Option<i64>,
    held_at: DateTime<Utc>,
    chair_unit: String,
    board_present: bool,
}

/// After an action's events are appended: a meeting scheduled or logged is
/// stored, and a scheduled one's invitations are written to the outbox.
/// `notices` are the action's; its meeting invitations are taken here
/// (the rest are the outbox's usual notices).
pub(crate) async fn on_action(
    conn: &impl ConnectionTrait,
    case: &Case,
    event: Option<(i64, &Event)>,
    notices: &[Notice],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some((event_id, event)) = event else {
        return Ok(());
    };
    match event.action {
        ActionKind::ScheduleMeeting => {
            let invited: Vec<(i64, &Recipients)> = notices
                .iter()
                .filter(|n| n.kind == NoticeKind::MeetingInvitation)
                .filter_map(|n| match n.recipients {
                    Recipients::Unit { unit } | Recipients::Officers { unit } => {
                        Some((unit.0, &n.recipients))
                    }
                    _ => None,
                })
                .collect();
            schedule(conn, case, event_id, event, &invited, now).await
        }
        ActionKind::LogMeeting => log(conn, case, event_id, event, now).await,
        _ => Ok(()),
    }
}

async fn unit_id(conn: &impl ConnectionTrait, code: &str) -> Result<unit::Model, StoreError> {
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code))
        .one(conn)
        .await?
        .ok_or_else(|| unknown("chair_unit", code))
}

async fn schedule(
    conn: &impl ConnectionTrait,
    case: &Case,
    event_id: i64,
    event: &Event,
    invited: &[(i64, &Recipients)],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let input: Scheduled = serde_json::from_value(event.payload.clone())
        .map_err(|e| crate::org::corrupt(format!("schedule_meeting: {e}")))?;
    let chair = unit_id(conn, &input.chair_unit).await?;
    let row = meeting::ActiveModel {
        case_id: Set(case.id.0),
        event_id: Set(Some(event_id)),
        starts_at: Set(input.starts_at),
        ends_at: Set(Some(input.ends_at)),
        place: Set(Some(input.place.clone())),
        chair_unit_id: Set(chair.id),
        agenda: Set(Some(input.agenda.clone())),
        sequence: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let units: HashMap<i64, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(invited.iter().map(|(id, _)| *id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let names: HashMap<i64, String> = units.iter().map(|(id, u)| (*id, u.name.clone())).collect();
    let mut addresses: HashMap<i64, Vec<Address>> = HashMap::new();
    for (id, to) in invited {
        let mut list = recipients(conn, to).await?;
        // The unit's own address too, for a board told through its officers.
        if let Some(email) = units.get(id).and_then(|u| u.email.clone())
            && !list.iter().any(|(e, ..)| *e == email)
        {
            list.push((email, None, "vi".to_owned()));
        }
        addresses.insert(*id, list);
    }
    let invited: Vec<i64> = invited.iter().map(|(id, _)| *id).collect();
    // Every invited address is an attendee of the one calendar entry.
    let attendees: Vec<_> = invited
        .iter()
        .flat_map(|id| {
            let name = names.get(id).cloned().unwrap_or_default();
            addresses
                .get(id)
                .into_iter()
                .flatten()
                .map(move |(email, ..)| json!({"name": name, "email": email}))
        })
        .collect();
    let mut mails = Vec::new();
    for id in &invited {
        let reachable = addresses.get(id).filter(|list| !list.is_empty());
        let status = if reachable.is_some() {
            invitation::QUEUED
        } else {
            // Recorded, and shown on the case page, rather than skipped.
            tracing::warn!(unit = id, meeting = row.id, "invited unit without address");
            invitation::FAILED
        };
        meeting_invitation::ActiveModel {
            meeting_id: Set(row.id),
            unit_id: Set(*id),
            status: Set(status.to_owned()),
        }
        .insert(conn)
        .await?;
        for (to, user, lang) in reachable.into_iter().flatten() {
            mails.push(Mail {
                key: mail_key(row.id, row.sequence, *id, to),
                kind: NoticeKind::MeetingInvitation.code().to_owned(),
                to: to.clone(),
                user: *user,
                lang: lang.clone(),
                payload: json!({
                    "case_id": case.id.0,
                    "case_code": case.code,
                    "title": case.title,
                    "event_id": event_id,
                    "meeting_id": row.id,
                    "sequence": row.sequence,
                    "stamp": now,
                    "starts_at": input.starts_at,
                    "ends_at": input.ends_at,
                    "place": input.place,
                    "agenda": input.agenda,
                    "chair": chair.name,
                    "attendees": attendees,
                }),
            });
        }
    }
    enqueue(conn, mails, now).await?;
    Ok(())
}

/// The outbox key of one invitation e-mail; [`invitations_of`] reads the
/// statuses of a unit's e-mails by its prefix.
fn mail_key(meeting: i64, sequence: i32, unit: i64, to: &str) -> String {
    format!("{}{to}", key_prefix(meeting, sequence, unit))
}

pub(super) fn key_prefix(meeting: i64, sequence: i32, unit: i64) -> String {
    format!("meeting:{meeting}:{sequence}:{unit}:")
}

async fn log(
    conn: &impl ConnectionTrait,
    case: &Case,
    event_id: i64,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let input: Logged = serde_json::from_value(event.payload.clone())
        .map_err(|e| crate::org::corrupt(format!("log_meeting: {e}")))?;
    if let Some(id) = input.meeting {
        let found = meeting::Entity::find_by_id(id)
            .one(conn)
            .await?
            .filter(|m| m.case_id == case.id.0 && m.log_event_id.is_none())
            .ok_or_else(|| unknown("meeting", &id.to_string()))?;
        let mut held: meeting::ActiveModel = found.into();
        held.log_event_id = Set(Some(event_id));
        held.held_at = Set(Some(input.held_at));
        held.board_present = Set(Some(input.board_present));
        held.update(conn).await?;
        return Ok(());
    }
    let chair = unit_id(conn, &input.chair_unit).await?;
    meeting::ActiveModel {
        case_id: Set(case.id.0),
        starts_at: Set(input.held_at),
        chair_unit_id: Set(chair.id),
        sequence: Set(0),
        log_event_id: Set(Some(event_id)),
        held_at: Set(Some(input.held_at)),
        board_present: Set(Some(input.board_present)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
