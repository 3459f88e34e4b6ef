//! The roster of the public-opinion network (SPEC §16): a `reporter`
//! user's collaborator profile — kind, the areas covered, the term and
//! whether it is active —, its validation into a typed profile (one input
//! for the API, the page form and a CSV row), who may manage it, and the
//! monthly opinion report every serving collaborator owes.

mod duty;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use crate::{Actor, AreaId, AreaRef, CollaboratorKind, Refusal, Role};

pub use duty::{
    DEFAULT_OPINION_REPORT_DAY, MAX_OPINION_REPORT_DAY, OpinionReportDuty, opinion_period_label,
    opinion_report_due_on, opinion_reports_owed,
};

/// The first and last years a term may name: outside them a date is a
/// typing mistake (`0226`, `20266`).
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// A collaborator profile as typed: every field as text, whatever carried
/// it (a JSON body, a page form, a CSV row).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollaboratorInput {
    /// `collaborator` or `propagandist`.
    pub kind: Option<String>,
    /// Area codes (at least one).
    pub areas: Vec<String>,
    /// First day of the term, `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub from: Option<String>,
    /// Last day of the term, same forms; blank: open-ended.
    pub until: Option<String>,
    /// Whether the profile is in use; none: yes.
    pub active: Option<bool>,
}

/// The term of a profile, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// First day.
    pub from: NaiveDate,
    /// Last day; none: open-ended.
    pub until: Option<NaiveDate>,
}

impl Term {
    /// Whether `day` lies within the term.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|last| day <= last)
    }
}

/// A valid collaborator profile, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollaboratorProfile {
    /// What they are.
    pub kind: CollaboratorKind,
    /// The area codes covered, trimmed, each once, in the order given.
    pub areas: Vec<String>,
    /// The term.
    pub term: Term,
    /// Whether the profile is in use.
    pub active: bool,
}

impl CollaboratorProfile {
    /// Whether they serve on `day`: active and within the term.
    pub fn is_serving(&self, day: NaiveDate) -> bool {
        is_serving(self.active, &self.term, day)
    }

    /// The profile as input again, so that a change is checked whole.
    pub fn to_input(&self) -> CollaboratorInput {
        CollaboratorInput {
            kind: Some(self.kind.code().to_owned()),
            areas: self.areas.clone(),
            from: Some(self.term.from.format("%Y-%m-%d").to_string()),
            until: self.term.until.map(|d| d.format("%Y-%m-%d").to_string()),
            active: Some(self.active),
        }
    }
}

/// Whether a profile that is `active` with `term` serves on `day`.
pub fn is_serving(active: bool, term: &Term, day: NaiveDate) -> bool {
    active && term.covers(day)
}

/// Checks a typed profile: a known kind, at least one area, a valid first
/// day, a last day (if any) not before it.
pub fn check_collaborator(input: &CollaboratorInput) -> Result<CollaboratorProfile, Refusal> {
    let kind_text = input.kind.as_deref().map(str::trim).unwrap_or_default();
    if kind_text.is_empty() {
        return Err(Refusal::MissingInput { field: "kind" });
    }
    let kind = CollaboratorKind::from_code(kind_text).ok_or_else(|| Refusal::UnknownCode {
        field: "kind",
        code: kind_text.to_owned(),
    })?;
    let mut areas: Vec<String> = Vec::new();
    for code in input.areas.iter().map(|a| a.trim()) {
        if !code.is_empty() && !areas.iter().any(|a| a == code) {
            areas.push(code.to_owned());
        }
    }
    if areas.is_empty() {
        return Err(Refusal::MissingInput { field: "areas" });
    }
    let from = match input.from.as_deref().map(str::trim) {
        None | Some("") => return Err(Refusal::MissingInput { field: "from" }),
        Some(text) => parse_day("from", text)?,
    };
    let until = match input.until.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(parse_day("until", text)?),
    };
    if until.is_some_and(|last| last < from) {
        return Err(Refusal::TermEndsBeforeStart);
    }
    Ok(CollaboratorProfile {
        kind,
        areas,
        term: Term { from, until },
        active: input.active.unwrap_or(true),
    })
}

/// A day typed as `yyyy-mm-dd` or `dd/mm/yyyy`, in the years a term may
/// name; anything else is refused naming `field`.
pub fn parse_day(field: &'static str, text: &str) -> Result<NaiveDate, Refusal> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
        .filter(|day| YEARS.contains(&day.year()))
        .ok_or(Refusal::InvalidInput { field })
}

/// Only a `reporter` user has a profile: anyone else is refused, naming
/// the user and their role.
pub fn check_collaborator_user(user: &str, role: Role) -> Result<(), Refusal> {
    if role == Role::Reporter {
        Ok(())
    } else {
        Err(Refusal::NotAReporter {
            user: user.to_owned(),
            role,
        })
    }
}

/// Which profiles a caller may read and manage: an admin every one, a
/// board officer those whose areas lie in their unit's served areas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterScope {
    /// Every profile.
    All,
    /// Profiles covering an area at or below one of these.
    Areas(Vec<AreaId>),
}

impl RosterScope {
    /// Whether a profile covering `areas` is listed to the caller: one of
    /// its areas is in scope.
    pub fn sees(&self, areas: &[AreaRef]) -> bool {
        match self {
            RosterScope::All => true,
            RosterScope::Areas(scope) => areas.iter().any(|a| in_scope(scope, a)),
        }
    }

    /// Whether the caller may manage a profile covering `area`.
    pub fn manages(&self, area: &AreaRef) -> bool {
        match self {
            RosterScope::All => true,
            RosterScope::Areas(scope) => in_scope(scope, area),
        }
    }
}

fn in_scope(scope: &[AreaId], area: &AreaRef) -> bool {
    scope.iter().any(|s| area.is_within(*s))
}

/// The roster `actor` may read and manage; other roles are refused.
pub fn roster_scope(actor: &Actor) -> Result<RosterScope, Refusal> {
    match actor.role {
        Role::Admin => Ok(RosterScope::All),
        Role::BoardOfficer => Ok(RosterScope::Areas(actor.unit.serves.clone())),
        Role::Reporter | Role::AgencyLiaison | Role::Leader => Err(Refusal::RosterNotAllowed),
    }
}

/// Whether `actor` may write a profile that covered `before` (none for a
/// new one) and will cover `after`: an admin always; a board officer when
/// every area, old and new, lies in their unit's served areas.
pub fn check_roster_change(
    actor: &Actor,
    before: &[AreaRef],
    after: &[AreaRef],
) -> Result<(), Refusal> {
    let scope = roster_scope(actor)?;
    match before.iter().chain(after).find(|a| !scope.manages(a)) {
        Some(area) => Err(Refusal::AreaOutsideScope {
            area: area.code.clone(),
        }),
        None => Ok(()),
    }
}
