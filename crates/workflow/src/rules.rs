//! Who may do what where (SPEC §1–§3.3), and who may see a case.
//!
//! The order of the checks is fixed so that the HTTP status is predictable
//! (design.md "Who may"): the role first (403), then the unit or
//! jurisdiction (403), then the state (409), then the case's own conditions.

use crate::{
    ActionKind, Actor, AreaRef, Case, CaseState, Refusal, Role, Sensitivity, UnitKind, UnitRef,
};

#[cfg(test)]
mod tests;

/// What the actor's unit must be for a permit to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitRule {
    /// The unit serves the case's area or an area above it.
    Jurisdiction,
    /// The actor is the user who filed the case (a reporter's own report).
    OwnReport,
    /// The unit is the case's lead unit.
    Lead,
    /// The unit is the lead or a coordinating unit.
    Involved,
    /// The unit is a court and the lead or a coordinating unit.
    InvolvedCourt,
}

/// One line of the who-may table: a role and what its unit must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Permit {
    pub(crate) role: Role,
    pub(crate) unit: UnitRule,
}

const fn permit(role: Role, unit: UnitRule) -> Permit {
    Permit { role, unit }
}

// The lines of the table, named so the table below reads as a sentence.
const REPORTER_OF_AREA: Permit = permit(Role::Reporter, UnitRule::Jurisdiction);
const OWN_REPORTER: Permit = permit(Role::Reporter, UnitRule::OwnReport);
const BOARD: Permit = permit(Role::BoardOfficer, UnitRule::Jurisdiction);
const LEADER: Permit = permit(Role::Leader, UnitRule::Jurisdiction);
const LIAISON_OF_AREA: Permit = permit(Role::AgencyLiaison, UnitRule::Jurisdiction);
const LEAD_LIAISON: Permit = permit(Role::AgencyLiaison, UnitRule::Lead);
const INVOLVED_LIAISON: Permit = permit(Role::AgencyLiaison, UnitRule::Involved);
const COURT_LIAISON: Permit = permit(Role::AgencyLiaison, UnitRule::InvolvedCourt);

/// The who-may table of design.md: every role that may carry out `action`
/// and the unit it needs. A role not listed may never do it; admins carry
/// out no case action.
pub(crate) fn who_may(action: ActionKind) -> &'static [Permit] {
    use ActionKind as A;
    match action {
        A::File => &[REPORTER_OF_AREA, BOARD, LIAISON_OF_AREA],
        A::RequestInfo
        | A::Dismiss
        | A::Merge
        | A::Accept
        | A::Orient
        | A::PublishResult
        | A::AddOrientation
        | A::Reassign
        | A::Reassess
        | A::Forward => &[BOARD],
        A::Supplement => &[OWN_REPORTER, BOARD],
        A::Respond | A::ReportResolution => &[LEAD_LIAISON],
        A::Escalate => &[BOARD, INVOLVED_LIAISON],
        A::Conclude | A::Close | A::Reopen => &[LEADER],
        A::Comment | A::LogMeeting => &[BOARD, LEADER, INVOLVED_LIAISON],
        A::ScheduleMeeting => &[BOARD, LEAD_LIAISON],
        A::ProgressUpdate => &[INVOLVED_LIAISON],
        A::SetTrialDate | A::SetVerdictDate => &[BOARD, COURT_LIAISON],
    }
}

/// Who reads what an action recorded (SPEC §10's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Readers {
    /// The reporter too.
    Reporter,
    /// The bodies handling the case only.
    Internal,
    /// The reporter too when it was sent with `share_with_reporter`.
    AsShared,
}

/// Who reads each action's recorded input: the report and its
/// supplements, the board's question, a dismissal's reason, a merge's
/// target and the published result are the reporter's; a comment or a
/// directed communication is when it was shared; everything else is
/// internal.
pub(crate) fn readers(action: ActionKind) -> Readers {
    use ActionKind as A;
    match action {
        // A forwarded report tells its reporter where it went and why, as
        // a dismissal tells them why (§11).
        A::File
        | A::Supplement
        | A::RequestInfo
        | A::Dismiss
        | A::Merge
        | A::PublishResult
        | A::Forward => Readers::Reporter,
        A::Comment | A::Orient | A::AddOrientation => Readers::AsShared,
        A::Accept
        | A::Respond
        | A::Escalate
        | A::Conclude
        | A::ReportResolution
        | A::Close
        | A::Reopen
        | A::ScheduleMeeting
        | A::LogMeeting
        | A::ProgressUpdate
        | A::SetTrialDate
        | A::SetVerdictDate
        | A::Reassign
        | A::Reassess => Readers::Internal,
    }
}

/// The states from which `action` may be carried out (SPEC §3.3); the
/// non-transition events need an accepted open case. `file` has none: it
/// creates the case.
pub(crate) fn from_states(action: ActionKind) -> &'static [CaseState] {
    use ActionKind as A;
    use CaseState as S;
    const ACCEPTED_OPEN: &[CaseState] = &[
        S::Assigned,
        S::Responded,
        S::Oriented,
        S::Escalated,
        S::Resolved,
    ];
    match action {
        A::File => &[],
        A::RequestInfo | A::Accept => &[S::Reported],
        A::Supplement => &[S::NeedsInfo],
        A::Dismiss | A::Merge | A::Forward => &[S::Reported, S::NeedsInfo],
        A::Reassign => &[S::Assigned, S::Responded, S::Oriented],
        A::Reassess => &[
            S::Reported,
            S::NeedsInfo,
            S::Assigned,
            S::Responded,
            S::Oriented,
        ],
        A::Respond => &[S::Assigned],
        A::Orient => &[S::Assigned, S::Responded],
        A::Escalate => &[S::Assigned, S::Responded, S::Oriented],
        A::Conclude => &[S::Escalated],
        A::ScheduleMeeting => &[S::Assigned, S::Responded, S::Oriented, S::Escalated],
        A::ReportResolution => &[S::Oriented],
        A::PublishResult | A::Close => &[S::Resolved],
        A::Reopen => &[S::Resolved, S::Closed],
        A::Comment
        | A::AddOrientation
        | A::LogMeeting
        | A::ProgressUpdate
        | A::SetTrialDate
        | A::SetVerdictDate => ACCEPTED_OPEN,
    }
}

/// Whether `actor` may open `case` at all. A `sensitive` case is visible only
/// to the board, leaders, the lead and coordinating units and its reporter;
/// to anyone else it does not exist.
pub fn can_view(actor: &Actor, case: &Case) -> bool {
    if actor.user == case.reporter {
        return true;
    }
    let involved = is_involved(actor, case);
    let jurisdiction = actor.unit.has_jurisdiction_over(&case.area);
    if case.sensitivity == Sensitivity::Sensitive {
        return match actor.role {
            Role::BoardOfficer | Role::Leader => jurisdiction,
            Role::AgencyLiaison => involved,
            Role::Reporter | Role::Admin => false,
        };
    }
    actor.role == Role::Admin || jurisdiction || involved
}

/// The actions `actor` may carry out on `case` now, judged on role, unit,
/// jurisdiction and state (not on input).
pub fn allowed_actions(actor: &Actor, case: &Case) -> Vec<ActionKind> {
    ActionKind::ALL
        .iter()
        .copied()
        .filter(|&action| action != ActionKind::File && check(actor, case, action).is_ok())
        .collect()
}

/// Checks role, unit, jurisdiction and state for `action` on `case`, in
/// that order, without looking at any input. [`crate::apply`] starts with
/// it; the store may call it first to refuse before resolving the input's
/// codes (so a caller who may not act gets 403, not an unknown-code 422).
pub fn check_action(actor: &Actor, case: &Case, action: ActionKind) -> Result<(), Refusal> {
    check(actor, case, action)
}

/// Checks role and jurisdiction for filing a case in `area`, as
/// [`crate::file`] does before looking at the rest of the input.
pub fn check_filing(actor: &Actor, area: &AreaRef) -> Result<(), Refusal> {
    check_file(actor, area)
}

/// Whether `actor` may manage the organisation: areas, units, users,
/// categories (SPEC §1: the administrator).
pub fn check_administration(actor: &Actor) -> Result<(), Refusal> {
    if actor.role.administers() {
        Ok(())
    } else {
        Err(Refusal::AdminOnly)
    }
}

/// Whether `actor` may read the summary and annual reports (§4.3): see
/// [`Role::reads_reports`].
pub fn check_reports(actor: &Actor) -> Result<(), Refusal> {
    if actor.role.reads_reports() {
        Ok(())
    } else {
        Err(Refusal::ReportsNotAllowed)
    }
}

/// Whether some unit of `role` may ever carry out `action`: the role is in
/// the who-may table's line of it, whatever the unit must be.
pub fn role_may(role: Role, action: ActionKind) -> bool {
    who_may(action).iter().any(|permit| permit.role == role)
}

impl Role {
    /// The administrator manages the organisation (SPEC §1).
    pub fn administers(self) -> bool {
        self == Role::Admin
    }

    /// The summary and annual reports (§4.3) are read by the leaders who
    /// hold the review conference, the board that prepares it and the
    /// administrators; the figures count only the cases the reader may see
    /// (design.md "Reports").
    pub fn reads_reports(self) -> bool {
        match self {
            Role::Leader | Role::BoardOfficer | Role::Admin => true,
            Role::Reporter | Role::AgencyLiaison => false,
        }
    }

    /// Every role but the reporter sees some information duties
    /// ([`crate::duty_visibility`]).
    pub fn sees_duties(self) -> bool {
        self != Role::Reporter
    }

    /// Whether the role asks state bodies for information when needed
    /// (§13): board officers ([`crate::check_duty_requester`]).
    pub fn requests_duties(self) -> bool {
        self == Role::BoardOfficer
    }
}

/// Checks role, unit, jurisdiction and state for `action` on `case`.
pub(crate) fn check(actor: &Actor, case: &Case, action: ActionKind) -> Result<(), Refusal> {
    let permit = permit_of(actor, action)?;
    check_unit(permit.unit, actor, case, action)?;
    if !from_states(action).contains(&case.state) {
        return Err(Refusal::WrongState {
            action,
            state: case.state,
        });
    }
    match action {
        ActionKind::Close if !case.result_published => Err(Refusal::ResultNotPublished),
        ActionKind::SetTrialDate | ActionKind::SetVerdictDate if !has_court(case) => {
            Err(Refusal::NotACourtCase)
        }
        // A verdict follows a trial: its date counts only against one.
        ActionKind::SetVerdictDate if case.trial_date.is_none() => Err(Refusal::NoTrialDate),
        _ => Ok(()),
    }
}

/// Checks role and jurisdiction for filing a case in `area`.
pub(crate) fn check_file(actor: &Actor, area: &AreaRef) -> Result<(), Refusal> {
    permit_of(actor, ActionKind::File)?;
    if !actor.unit.has_jurisdiction_over(area) {
        return Err(Refusal::OutsideJurisdiction {
            action: ActionKind::File,
        });
    }
    Ok(())
}

fn permit_of(actor: &Actor, action: ActionKind) -> Result<Permit, Refusal> {
    who_may(action)
        .iter()
        .find(|permit| permit.role == actor.role)
        .copied()
        .ok_or(Refusal::RoleNotAllowed {
            action,
            role: actor.role,
        })
}

fn check_unit(
    rule: UnitRule,
    actor: &Actor,
    case: &Case,
    action: ActionKind,
) -> Result<(), Refusal> {
    let ok = match rule {
        UnitRule::Jurisdiction => actor.unit.has_jurisdiction_over(&case.area),
        UnitRule::OwnReport => actor.user == case.reporter,
        UnitRule::Lead => is_lead(actor, case),
        UnitRule::Involved => is_involved(actor, case),
        UnitRule::InvolvedCourt => actor.unit.kind == UnitKind::Court && is_involved(actor, case),
    };
    if ok {
        return Ok(());
    }
    Err(match rule {
        UnitRule::Jurisdiction => Refusal::OutsideJurisdiction { action },
        UnitRule::OwnReport => Refusal::NotTheReporter,
        UnitRule::Lead => Refusal::NotLeadUnit { action },
        UnitRule::Involved | UnitRule::InvolvedCourt => Refusal::NotInvolvedUnit { action },
    })
}

fn is_lead(actor: &Actor, case: &Case) -> bool {
    case.lead_unit
        .as_ref()
        .is_some_and(|lead| lead.id == actor.unit.id)
}

pub(crate) fn is_involved(actor: &Actor, case: &Case) -> bool {
    is_lead(actor, case)
        || case
            .coordinating_units
            .iter()
            .any(|unit| unit.id == actor.unit.id)
}

/// Whether a court leads or coordinates the case (§4.2 trial duties).
pub(crate) fn has_court(case: &Case) -> bool {
    trial_court(case).is_some()
}

/// The court that owes the trial duties of `case` (§4.2): the first court
/// among its lead and coordinating units.
pub fn trial_court(case: &Case) -> Option<&UnitRef> {
    case.lead_unit
        .iter()
        .chain(&case.coordinating_units)
        .find(|unit| unit.kind == UnitKind::Court)
}
