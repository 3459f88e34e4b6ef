//! The board's moves after triage (SPEC §11): handing a case to another
//! lead unit, assessing it again, forwarding a report to the competent
//! body, and the opinions an escalation reports up.

use super::inputs::{MAX_TEXT_CHARS, text};
use super::{Change, Context};
use crate::candidates;
use crate::{
    Case, CaseState, Command, Deadline, DeadlineKind, DeadlineRule, HotspotRisk, NoticeKind,
    Opinion, Priority, Recipients, Refusal, Sensitivity, UnitRef,
};

/// `reassign`: another state body serving the area leads from now on.
/// The coordinating units given replace the old ones; none given keeps
/// them (without the new lead). While the written answer is still awaited
/// its deadline starts again. The old and the new lead are told.
pub(super) fn reassign(
    case: &mut Case,
    lead: UnitRef,
    coordinating: &[UnitRef],
    reason: &str,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let reason = text("reason", reason, MAX_TEXT_CHARS)?;
    candidates::check_lead_unit(&case.area, &lead)?;
    let old = case.lead_unit.clone();
    if old.as_ref().is_some_and(|old| old.id == lead.id) {
        return Err(Refusal::SameLeadUnit { unit: lead.code });
    }
    let coordinating = if coordinating.is_empty() {
        case.coordinating_units
            .iter()
            .filter(|unit| unit.id != lead.id)
            .cloned()
            .collect()
    } else {
        super::transitions::check_coordinating_units(case, &lead, coordinating)?
    };
    if case.state == CaseState::Assigned {
        let spec = ctx.policy.deadlines.answer.get(case.priority);
        case.answer_due = Some(Deadline::compute(ctx.now, spec, &ctx.policy.calendar));
    }
    let recorded = Command::Reassign {
        lead_unit: lead.clone(),
        coordinating_units: coordinating.clone(),
        reason,
    };
    let new = lead.id;
    case.lead_unit = Some(lead);
    case.coordinating_units = coordinating;
    let mut change =
        Change::quiet(recorded).notify(NoticeKind::LeadReassigned, Recipients::Unit { unit: new });
    if let Some(old) = old {
        change = change.notify(NoticeKind::LeadReleased, Recipients::Unit { unit: old.id });
    }
    Ok(change)
}

/// `reassess`: at least one of priority, sensitivity and hotspot risk. A
/// new priority recomputes the deadlines still running and not yet passed
/// (not the board's own overrides), counted from now: the start of a
/// running step is not kept. Before acceptance a new hotspot risk sets the
/// triage priority as filing did, unless a priority is given too.
pub(super) fn reassess(
    case: &mut Case,
    priority: Option<Priority>,
    sensitivity: Option<Sensitivity>,
    hotspot_risk: Option<HotspotRisk>,
    reason: &str,
    ctx: &Context,
) -> Result<Change, Refusal> {
    let reason = text("reason", reason, MAX_TEXT_CHARS)?;
    if priority.is_none() && sensitivity.is_none() && hotspot_risk.is_none() {
        return Err(Refusal::NothingReassessed);
    }
    let accepted = case.lead_unit.is_some();
    let new_priority = match (priority, hotspot_risk) {
        (Some(p), _) => p,
        (None, Some(risk)) if !accepted => HotspotRisk::triage_priority(Some(risk)),
        _ => case.priority,
    };
    if let Some(s) = sensitivity {
        case.sensitivity = s;
    }
    if let Some(risk) = hotspot_risk {
        case.hotspot_risk = Some(risk);
    }
    if new_priority != case.priority {
        case.priority = new_priority;
        recompute_running(case, ctx);
    }
    Ok(Change::quiet(Command::Reassess {
        priority,
        sensitivity,
        hotspot_risk,
        reason,
    }))
}

/// The running deadlines not yet passed, computed again for the case's
/// priority from now; an override set by the board stays.
fn recompute_running(case: &mut Case, ctx: &Context) {
    let deadlines = &ctx.policy.deadlines;
    for &kind in DeadlineKind::running_in(case.state) {
        let (slot, spec) = match kind {
            DeadlineKind::Triage => (&mut case.triage_due, deadlines.triage.get(case.priority)),
            DeadlineKind::Answer => (&mut case.answer_due, deadlines.answer.get(case.priority)),
            DeadlineKind::Resolution => (
                &mut case.resolution_due,
                deadlines.resolution.get(case.priority),
            ),
        };
        let keep = slot
            .as_ref()
            .is_some_and(|d| d.rule == DeadlineRule::Override || d.is_passed(ctx.now));
        if slot.is_some() && !keep {
            *slot = Some(Deadline::compute(ctx.now, spec, &ctx.policy.calendar));
        }
    }
}

/// `forward`: the report belongs to another body. It leaves the board as
/// dismissed; the body is sent the report, the reporter is told where it
/// went and why.
pub(super) fn forward(case: &mut Case, to_unit: UnitRef, reason: &str) -> Result<Change, Refusal> {
    let reason = text("reason", reason, MAX_TEXT_CHARS)?;
    check_serving(case, &to_unit, "to_unit")?;
    case.state = CaseState::Dismissed;
    let unit = to_unit.id;
    Ok(Change::quiet(Command::Forward { to_unit, reason })
        .notify(NoticeKind::Forwarded, Recipients::Unit { unit })
        .notify(
            NoticeKind::ReportForwarded,
            Recipients::User {
                user: case.reporter,
            },
        ))
}

/// The opinions of an escalation: each trimmed and not blank, from active
/// units serving the case's area, at least two units (seed 004: every
/// differing opinion is reported). A unit may hold one opinion only.
pub(super) fn opinions(case: &Case, given: &[Opinion]) -> Result<Vec<Opinion>, Refusal> {
    let mut kept: Vec<Opinion> = Vec::with_capacity(given.len());
    for o in given {
        check_serving(case, &o.unit, "opinions")?;
        let opinion = text("opinions", &o.opinion, MAX_TEXT_CHARS)?;
        if kept.iter().any(|k| k.unit.id == o.unit.id) {
            return Err(Refusal::OpinionsFromOneUnit);
        }
        kept.push(Opinion {
            unit: o.unit.clone(),
            opinion,
        });
    }
    if kept.len() < 2 {
        return Err(Refusal::OpinionsFromOneUnit);
    }
    Ok(kept)
}

/// An active unit serving the case's area, the refusal naming `field`.
fn check_serving(case: &Case, unit: &UnitRef, field: &'static str) -> Result<(), Refusal> {
    candidates::check_serving_unit(&case.area, unit, field)
}
