//! Each action's input check and change: the transitions of SPEC §3.3
//! here, the non-transition events in [`super::events`]. Role, unit and
//! state were checked before.

use chrono::{DateTime, Utc};

use super::inputs::{MAX_TEXT_CHARS, ids, optional_text, orientation, text};
use super::{Change, Context, board_moves, events};
use crate::candidates;
use crate::{
    Case, CaseState, Command, Deadline, DeadlineRule, MergeTarget, NoticeKind, Recipients, Refusal,
    TimeWindow, UnitRef,
};

/// Carries out any command on `case` (a copy the caller throws
/// away on refusal).
pub(super) fn carry_out(
    case: &mut Case,
    command: Command,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let area = case.area.id;
    match command {
        Command::RequestInfo { question } => {
            let question = text("question", &question, MAX_TEXT_CHARS)?;
            case.state = CaseState::NeedsInfo;
            Ok(Change::quiet(Command::RequestInfo { question }).notify(
                NoticeKind::InfoRequested,
                Recipients::User {
                    user: case.reporter,
                },
            ))
        }
        Command::Supplement {
            text: added,
            attachments,
        } => {
            let added = optional_text("text", added.as_deref(), MAX_TEXT_CHARS)?;
            let attachments = ids("attachments", &attachments)?;
            if added.is_none() && attachments.is_empty() {
                return Err(Refusal::MissingInput { field: "text" });
            }
            case.state = CaseState::Reported;
            // The board now has new information to triage: the clock restarts.
            let spec = ctx.policy.deadlines.triage.get(case.priority);
            case.triage_due = Some(Deadline::compute(ctx.now, spec, &ctx.policy.calendar));
            Ok(Change::quiet(Command::Supplement {
                text: added,
                attachments,
            }))
        }
        Command::Dismiss { reason } => {
            let reason = text("reason", &reason, MAX_TEXT_CHARS)?;
            case.state = CaseState::Dismissed;
            Ok(Change::quiet(Command::Dismiss { reason }).notify(
                NoticeKind::ReportDismissed,
                Recipients::User {
                    user: case.reporter,
                },
            ))
        }
        Command::Merge { target } => {
            check_merge_target(case, &target, ctx)?;
            case.state = CaseState::Merged;
            case.merged_into = Some(target.id);
            Ok(Change::quiet(Command::Merge { target }).notify(
                NoticeKind::ReportMerged,
                Recipients::User {
                    user: case.reporter,
                },
            ))
        }
        Command::Accept {
            sensitivity,
            priority,
            lead_unit,
            coordinating_units,
            answer_due,
        } => {
            check_lead_unit(case, &lead_unit)?;
            let coordinating = check_coordinating_units(case, &lead_unit, &coordinating_units)?;
            let calendar = &ctx.policy.calendar;
            let deadlines = &ctx.policy.deadlines;
            let answer = match answer_due {
                Some(at) => overridden(at, ctx.now)?,
                None => Deadline::compute(ctx.now, deadlines.answer.get(priority), calendar),
            };
            let recorded = Command::Accept {
                sensitivity,
                priority,
                lead_unit: lead_unit.clone(),
                coordinating_units: coordinating.clone(),
                answer_due,
            };
            let lead = lead_unit.id;
            case.sensitivity = sensitivity;
            case.priority = priority;
            case.lead_unit = Some(lead_unit);
            case.coordinating_units = coordinating;
            case.answer_due = Some(answer);
            case.resolution_due = Some(Deadline::compute(
                ctx.now,
                deadlines.resolution.get(priority),
                calendar,
            ));
            case.state = CaseState::Assigned;
            Ok(Change::quiet(recorded)
                .notify(NoticeKind::CaseAssigned, Recipients::Unit { unit: lead }))
        }
        Command::Respond { answer, documents } => {
            let answer = text("answer", &answer, MAX_TEXT_CHARS)?;
            let documents = ids("documents", &documents)?;
            case.state = CaseState::Responded;
            Ok(Change::quiet(Command::Respond { answer, documents })
                .notify(NoticeKind::AnswerReceived, Recipients::Board { area }))
        }
        Command::Orient(input) => {
            let input = orientation(&input)?;
            case.state = CaseState::Oriented;
            Ok(Change::quiet(Command::Orient(input)))
        }
        Command::Escalate { opinions } => {
            let opinions = board_moves::opinions(case, &opinions)?;
            case.escalated_from = Some(case.state);
            case.state = CaseState::Escalated;
            Ok(Change::quiet(Command::Escalate { opinions })
                .notify(NoticeKind::Escalated, Recipients::Leaders { area }))
        }
        Command::Conclude {
            conclusion,
            documents,
        } => {
            let conclusion = text("conclusion", &conclusion, MAX_TEXT_CHARS)?;
            let documents = ids("documents", &documents)?;
            // A case escalated before `escalated_from` existed goes back to
            // the earliest state it could have come from, so no step is skipped.
            case.state = case.escalated_from.take().unwrap_or(CaseState::Assigned);
            // The conclusion notice (§11) goes to the board, the lead and
            // every coordinating unit.
            let mut change = Change::quiet(Command::Conclude {
                conclusion,
                documents,
            })
            .notify(NoticeKind::Concluded, Recipients::Board { area });
            for unit in case.lead_unit.iter().chain(&case.coordinating_units) {
                change = change.notify(NoticeKind::Concluded, Recipients::Unit { unit: unit.id });
            }
            Ok(change)
        }
        Command::ReportResolution { summary, documents } => {
            let summary = text("summary", &summary, MAX_TEXT_CHARS)?;
            let documents = ids("documents", &documents)?;
            case.state = CaseState::Resolved;
            // `close` needs a publication of this resolution, not of an
            // earlier one.
            case.result_published = false;
            Ok(Change::quiet(Command::ReportResolution {
                summary,
                documents,
            }))
        }
        Command::PublishResult { text: result } => {
            let result = text("text", &result, MAX_TEXT_CHARS)?;
            case.result_published = true;
            Ok(
                Change::quiet(Command::PublishResult { text: result }).notify(
                    NoticeKind::ResultPublished,
                    Recipients::User {
                        user: case.reporter,
                    },
                ),
            )
        }
        Command::Close { remark } => {
            let remark = text("remark", &remark, MAX_TEXT_CHARS)?;
            case.state = CaseState::Closed;
            Ok(Change::quiet(Command::Close { remark }))
        }
        Command::Reopen { reason } => {
            let reason = text("reason", &reason, MAX_TEXT_CHARS)?;
            case.state = CaseState::Oriented;
            case.result_published = false;
            Ok(Change::quiet(Command::Reopen { reason }))
        }
        Command::Comment {
            text,
            share_with_reporter,
        } => {
            let text = events::note(&text)?;
            Ok(Change::quiet(Command::Comment {
                text,
                share_with_reporter,
            }))
        }
        Command::ProgressUpdate { text } => Ok(Change::quiet(Command::ProgressUpdate {
            text: events::note(&text)?,
        })),
        Command::AddOrientation(input) => {
            Ok(Change::quiet(Command::AddOrientation(orientation(&input)?)))
        }
        Command::ScheduleMeeting {
            starts_at,
            ends_at,
            place,
            chair_unit,
            invited_units,
            agenda,
        } => events::schedule_meeting(
            events::Scheduled {
                starts_at,
                ends_at,
                place: &place,
                chair_unit: &chair_unit,
                invited_units: &invited_units,
                agenda: &agenda,
            },
            ctx,
        ),
        Command::LogMeeting {
            meeting,
            held_at,
            chair_unit,
            attendees,
            minutes,
        } => events::log_meeting(meeting, held_at, &chair_unit, &attendees, &minutes, ctx),
        Command::SetTrialDate { trial_date } => events::set_trial_date(case, trial_date, ctx),
        Command::SetVerdictDate { verdict_date } => {
            events::set_verdict_date(case, verdict_date, ctx)
        }
        Command::Reassign {
            lead_unit,
            coordinating_units,
            reason,
        } => board_moves::reassign(case, lead_unit, &coordinating_units, &reason, ctx),
        Command::Reassess {
            priority,
            sensitivity,
            hotspot_risk,
            reason,
        } => board_moves::reassess(case, priority, sensitivity, hotspot_risk, &reason, ctx),
        Command::Forward { to_unit, reason } => board_moves::forward(case, to_unit, &reason),
    }
}

/// design.md "Merge target": another open case within the actor's
/// jurisdiction whose area is on one line with the case's area.
fn check_merge_target(case: &Case, target: &MergeTarget, ctx: &Context) -> Result<(), Refusal> {
    if target.id == case.id {
        return Err(Refusal::MergeIntoItself);
    }
    if !target.state.is_open() {
        return Err(Refusal::MergeTargetNotOpen {
            target: target.code.clone(),
        });
    }
    let one_line = case.area.is_within(target.area.id) || target.area.is_within(case.area.id);
    if !one_line || !ctx.actor.unit.has_jurisdiction_over(&target.area) {
        return Err(Refusal::MergeTargetOutsideArea {
            target: target.code.clone(),
        });
    }
    Ok(())
}

/// design.md "Lead unit": an active state body serving the case's area.
fn check_lead_unit(case: &Case, lead: &UnitRef) -> Result<(), Refusal> {
    candidates::check_lead_unit(&case.area, lead)
}

/// Active units serving the case's area, other than the lead; a unit named
/// twice is kept once.
pub(super) fn check_coordinating_units(
    case: &Case,
    lead: &UnitRef,
    units: &[UnitRef],
) -> Result<Vec<UnitRef>, Refusal> {
    for unit in units {
        candidates::check_coordinating_unit(&case.area, unit)?;
        if unit.id == lead.id {
            return Err(Refusal::InvalidInput {
                field: "coordinating_units",
            });
        }
    }
    let mut kept: Vec<UnitRef> = Vec::with_capacity(units.len());
    for unit in units {
        if !kept.iter().any(|k| k.id == unit.id) {
            kept.push(unit.clone());
        }
    }
    Ok(kept)
}

/// The board's own answer deadline, which must lie ahead, within
/// [`TimeWindow::ANSWER_DUE`].
fn overridden(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<Deadline, Refusal> {
    if at <= now {
        return Err(Refusal::DeadlineInPast {
            field: "answer_due",
        });
    }
    let at = TimeWindow::ANSWER_DUE.check("answer_due", at, now)?;
    Ok(Deadline {
        at,
        rule: DeadlineRule::Override,
    })
}
