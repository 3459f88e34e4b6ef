//! The non-transition events of SPEC §3.3 on an accepted open case:
//! comments, further directed communication, meetings, progress, the trial
//! date. They keep the state; each still bumps the version and is recorded.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

use super::inputs::{MAX_TEXT_CHARS, orientation, text};
use super::{Change, Context};
use crate::{Case, Orientation, Refusal, SHARE_WITH_REPORTER, TimeWindow, UnitKind, UnitRef};

/// `comment` and `progress_update`: a required text; a comment may be
/// shared with the reporter (SPEC §10), and only then says so.
pub(super) fn note(value: &str, share_with_reporter: bool) -> Result<Change, Refusal> {
    let value = text("text", value, MAX_TEXT_CHARS)?;
    let mut payload = json!({ "text": value });
    shared(&mut payload, share_with_reporter);
    Ok(Change::quiet(payload))
}

/// Marks `payload` as shared with the reporter when it is: the mark is
/// what [`crate::event_audience`] reads.
fn shared(payload: &mut serde_json::Value, share_with_reporter: bool) {
    if share_with_reporter {
        payload[SHARE_WITH_REPORTER] = json!(true);
    }
}

/// `add_orientation` (and the input of `orient`): messages, channels, audience.
pub(super) fn directed_communication(input: &Orientation) -> Result<Change, Refusal> {
    let o = orientation(input)?;
    let mut payload =
        json!({ "messages": o.messages, "channels": o.channels, "audience": o.audience });
    shared(&mut payload, o.share_with_reporter);
    Ok(Change::quiet(payload))
}

/// `log_meeting`: minutes, at least one attendee, the board present, and a
/// date within [`TimeWindow::MEETING`].
pub(super) fn log_meeting(
    held_at: DateTime<Utc>,
    chair_unit: &UnitRef,
    attendees: &[UnitRef],
    minutes: &str,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let minutes = text("minutes", minutes, MAX_TEXT_CHARS)?;
    let held_at = TimeWindow::MEETING.check("held_at", held_at, ctx.now)?;
    if attendees.is_empty() {
        return Err(Refusal::MissingInput { field: "attendees" });
    }
    // Seed 000: the board's representative must be invited; a board chairing
    // the meeting is there too.
    let board_present = std::iter::once(chair_unit)
        .chain(attendees)
        .any(|unit| unit.kind == UnitKind::Board);
    if !board_present {
        return Err(Refusal::MeetingWithoutBoard);
    }
    Ok(Change::quiet(json!({
        "held_at": held_at,
        "chair_unit": chair_unit.code,
        "attendees": attendees.iter().map(|u| &u.code).collect::<Vec<_>>(),
        "minutes": minutes,
    })))
}

/// `set_trial_date`: a date within [`TimeWindow::TRIAL`] of today. The
/// court condition was checked with the state ([`crate::rules`]).
pub(super) fn set_trial_date(
    case: &mut Case,
    trial_date: NaiveDate,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let today = ctx.policy.calendar.local_date(ctx.now);
    let trial_date = TimeWindow::TRIAL.check_date("trial_date", trial_date, today)?;
    case.trial_date = Some(trial_date);
    Ok(Change::quiet(json!({ "trial_date": trial_date })))
}
