//! The meetings of a case on its page (SPEC §11, "meeting invitations"):
//! when and where, who chairs, each invited unit with how its invitation
//! stands (a unit without an address shows as not delivered), and, once
//! held, whether the board was represented.

use chrono_tz::Tz;
use store::Store;
use store::meetings::{MeetingView, invitation};

use super::directory::Directory;
use super::layout::local_time;
use crate::AppError;
use catalogue::Tr;

/// One meeting as the page lists it.
pub(crate) struct MeetingLine {
    /// Its number, which `log_meeting` names.
    pub id: i64,
    /// "Cuộc họp số 3".
    pub heading: String,
    /// Start (and end) in the calendar's zone.
    pub when: String,
    pub place: String,
    pub chair: String,
    pub agenda: String,
    /// Each invited unit's name with its invitation's status in words and
    /// its CSS class.
    pub invited: Vec<(String, &'static str, &'static str)>,
    /// "Đã họp, …" once held.
    pub held: Option<&'static str>,
    /// Held without the board: shown as a breach.
    pub breach: bool,
    /// Scheduled and not yet recorded as held: `log_meeting` offers it.
    pub awaiting_record: bool,
}

/// The meetings of `case_id` for a reader of the internal record.
pub(crate) async fn meeting_lines(
    store: &Store,
    case_id: i64,
    dir: &Directory,
    t: Tr,
    tz: Tz,
) -> Result<Vec<MeetingLine>, AppError> {
    let meetings = store
        .meetings_of(case_id, tz)
        .await
        .map_err(AppError::from)?;
    Ok(meetings.into_iter().map(|m| line(m, dir, t, tz)).collect())
}

fn line(m: MeetingView, dir: &Directory, t: Tr, tz: Tz) -> MeetingLine {
    let start = local_time(m.starts_at.to_utc(), tz);
    let when = match m.ends_at {
        Some(end) => format!("{start} – {}", local_time(end.to_utc(), tz)),
        None => start,
    };
    MeetingLine {
        id: m.id,
        heading: t.meeting_number(m.id),
        when,
        place: m.place.unwrap_or_default(),
        chair: dir.unit(&m.chair_unit),
        agenda: m.agenda.unwrap_or_default(),
        invited: m
            .invitations
            .iter()
            .map(|i| {
                let (words, class) = match i.status.as_str() {
                    invitation::SENT => (t.meeting_invitation_sent(), "ok"),
                    invitation::FAILED => (t.meeting_invitation_failed(), "bad"),
                    _ => (t.meeting_invitation_waiting(), "pending"),
                };
                (dir.unit(&i.unit), words, class)
            })
            .collect(),
        held: m.board_present.map(|present| {
            if present {
                t.meeting_held_with_board()
            } else {
                t.meeting_held_without_board()
            }
        }),
        breach: m.board_present == Some(false),
        awaiting_record: m.scheduled && m.board_present.is_none(),
    }
}
