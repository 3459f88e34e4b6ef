//! The non-transition events of SPEC §3.3 on an accepted open case:
//! comments, further directed communication, meetings, progress, the trial
//! date. They keep the state; each still bumps the version and is recorded.

use chrono::{DateTime, NaiveDate, Utc};

use super::inputs::{MAX_TEXT_CHARS, text};
use super::{Change, Context};
use crate::{Case, Command, Refusal, TimeWindow, UnitKind, UnitRef};

/// The text of a `comment` or a `progress_update`: required.
pub(super) fn note(value: &str) -> Result<String, Refusal> {
    text("text", value, MAX_TEXT_CHARS)
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
    Ok(Change::quiet(Command::LogMeeting {
        held_at,
        chair_unit: chair_unit.clone(),
        attendees: attendees.to_vec(),
        minutes,
    }))
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
    Ok(Change::quiet(Command::SetTrialDate { trial_date }))
}
