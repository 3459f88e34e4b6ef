//! The non-transition events of SPEC §3.3 on an accepted open case:
//! comments, further directed communication, meetings, progress, the trial
//! date. They keep the state; each still bumps the version and is recorded.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::inputs::{MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS, text};
use super::{Change, Context};
use crate::{Case, Command, NoticeKind, Recipients, Refusal, TimeWindow, UnitKind, UnitRef};

/// The text of a `comment` or a `progress_update`: required.
pub(super) fn note(value: &str) -> Result<String, Refusal> {
    text("text", value, MAX_TEXT_CHARS)
}

/// How long a scheduled meeting lasts when `ends_at` is left out: a
/// resolution meeting is a half-day session's part, and calendars need an
/// end to show the entry as busy time.
pub const MEETING_DEFAULT_HOURS: i64 = 2;

/// The longest a scheduled meeting may last: beyond a day, `ends_at` is a
/// mistyped date.
const MEETING_MAX_HOURS: i64 = 24;

/// The input of `schedule_meeting`, units resolved.
pub(super) struct Scheduled<'a> {
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub place: &'a str,
    pub chair_unit: &'a UnitRef,
    pub invited_units: &'a [UnitRef],
    pub agenda: &'a str,
}

/// `schedule_meeting` (SPEC §11): a meeting ahead, within a year, ending
/// after it starts (by default [`MEETING_DEFAULT_HOURS`] later), with a
/// place and an agenda; the board must be invited (seed 000). Every
/// invited unit, each once, is sent an invitation.
pub(super) fn schedule_meeting(input: Scheduled, ctx: &Context) -> Result<Change, Refusal> {
    let starts_at = TimeWindow::SCHEDULED.check("starts_at", input.starts_at, ctx.now)?;
    let ends_at = match input.ends_at {
        None => starts_at + Duration::hours(MEETING_DEFAULT_HOURS),
        Some(end) if end > starts_at && end <= starts_at + Duration::hours(MEETING_MAX_HOURS) => {
            end
        }
        Some(_) => return Err(Refusal::InvalidInput { field: "ends_at" }),
    };
    let place = text("place", input.place, MAX_SHORT_TEXT_CHARS)?;
    let agenda = text("agenda", input.agenda, MAX_TEXT_CHARS)?;
    let mut invited: Vec<UnitRef> = Vec::with_capacity(input.invited_units.len());
    for unit in input.invited_units {
        if !invited.iter().any(|u| u.id == unit.id) {
            invited.push(unit.clone());
        }
    }
    if invited.is_empty() {
        return Err(Refusal::MissingInput {
            field: "invited_units",
        });
    }
    // Seed 000: the board's representative must be invited. Chairing is not
    // enough: the invitation is what reaches its officers' calendars.
    if !invited.iter().any(|unit| unit.kind == UnitKind::Board) {
        return Err(Refusal::MeetingWithoutBoard);
    }
    let mut change = Change::quiet(Command::ScheduleMeeting {
        starts_at,
        ends_at: Some(ends_at),
        place,
        chair_unit: input.chair_unit.clone(),
        invited_units: invited.clone(),
        agenda,
    });
    // A unit is told through its liaisons; the board, which has none,
    // through its officers.
    for unit in &invited {
        let to = if unit.kind == UnitKind::Board {
            Recipients::Officers { unit: unit.id }
        } else {
            Recipients::Unit { unit: unit.id }
        };
        change = change.notify(NoticeKind::MeetingInvitation, to);
    }
    Ok(change)
}

/// `log_meeting`: minutes, at least one attendee, and a date within
/// [`TimeWindow::MEETING`]. A meeting held without the board's
/// representative breaks seed 000's rule, but it was held: it is recorded
/// with `board_present: false` for the leader's dashboard to count, never
/// refused (SPEC §11).
pub(super) fn log_meeting(
    meeting: Option<i64>,
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
    if meeting.is_some_and(|m| m <= 0) {
        return Err(Refusal::InvalidInput { field: "meeting" });
    }
    // A board chairing the meeting is there too.
    let board_present = std::iter::once(chair_unit)
        .chain(attendees)
        .any(|unit| unit.kind == UnitKind::Board);
    Ok(Change::quiet(Command::LogMeeting {
        meeting,
        held_at,
        chair_unit: chair_unit.clone(),
        attendees: attendees.to_vec(),
        minutes,
    })
    .found("board_present", serde_json::Value::Bool(board_present)))
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

/// `set_verdict_date` (§13): a date within [`TimeWindow::TRIAL`] of today,
/// on or after the trial date (a verdict ends a trial; the rules already
/// refused a case without one).
pub(super) fn set_verdict_date(
    case: &mut Case,
    verdict_date: NaiveDate,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let today = ctx.policy.calendar.local_date(ctx.now);
    let verdict_date = TimeWindow::TRIAL.check_date("verdict_date", verdict_date, today)?;
    if case.trial_date.is_some_and(|trial| verdict_date < trial) {
        return Err(Refusal::VerdictBeforeTrial);
    }
    case.verdict_date = Some(verdict_date);
    Ok(Change::quiet(Command::SetVerdictDate { verdict_date }))
}
