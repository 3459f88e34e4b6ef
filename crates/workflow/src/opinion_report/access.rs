//! Who files an opinion report, who reads one, and who turns an item into
//! a case (SPEC §16): a collaborator files for the areas they cover while
//! their term runs and reads only their own reports; the board and the
//! leaders read the reports of the areas their unit serves; admins read
//! every report, as they do every case that is not sensitive.

use chrono::NaiveDate;

use super::OpinionRefusal;
use crate::{Actor, AreaId, AreaRef, CollaboratorProfile, Role, UserId};

/// A collaborator as the filing rule sees them: the roster's profile and
/// the ids of the areas it covers (the profile names them by code; the
/// rule compares an area's lineage with ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilerProfile<'a> {
    /// The roster's profile.
    pub profile: &'a CollaboratorProfile,
    /// The areas it covers; each with every area below it.
    pub covered: Vec<AreaId>,
}

/// Whether `actor`, with `profile` (if they have one), may send opinion
/// reports at all on `today`: a reporter whose profile serves today.
/// Returns the profile that does.
pub fn check_serving_filer<'p, 'a>(
    actor: &Actor,
    profile: Option<&'p FilerProfile<'a>>,
    today: NaiveDate,
) -> Result<&'p FilerProfile<'a>, OpinionRefusal> {
    profile
        .filter(|p| actor.role == Role::Reporter && p.profile.is_serving(today))
        .ok_or(OpinionRefusal::NotACollaborator)
}

/// Whether `actor`, with `profile` (if they have one), may file an
/// opinion report for `area` on `today`: a reporter serving today whose
/// covered areas include `area` or one above it.
pub fn check_opinion_filer(
    actor: &Actor,
    profile: Option<&FilerProfile<'_>>,
    area: &AreaRef,
    today: NaiveDate,
) -> Result<(), OpinionRefusal> {
    let profile = check_serving_filer(actor, profile, today)?;
    if profile
        .covered
        .iter()
        .any(|covered| area.is_within(*covered))
    {
        Ok(())
    } else {
        Err(OpinionRefusal::AreaNotCovered {
            area: area.code.clone(),
        })
    }
}

/// What a visibility rule needs of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionReportFacts {
    /// Who filed it.
    pub reporter: UserId,
    /// Its area.
    pub area: AreaRef,
}

/// Which opinion reports a caller reads, as data the store turns into a
/// `WHERE` clause: their own, or every one, or those of these areas'
/// subtrees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionVisibility {
    /// The caller: the reports they filed.
    pub own: UserId,
    /// Every report.
    pub all: bool,
    /// Reports whose area is one of these or below one.
    pub areas: Vec<AreaId>,
}

impl OpinionVisibility {
    /// Whether the caller reads `report`.
    pub fn admits(&self, report: &OpinionReportFacts) -> bool {
        report.reporter == self.own
            || self.all
            || self.areas.iter().any(|a| report.area.is_within(*a))
    }
}

/// What `actor` reads of the opinion reports: a collaborator their own
/// only (not their commune's: a report names who said what); board
/// officers and leaders those of the areas their unit serves; admins all;
/// an agency liaison none (own aside, and they file none).
pub fn opinion_visibility(actor: &Actor) -> OpinionVisibility {
    let (all, areas) = match actor.role {
        Role::Admin => (true, Vec::new()),
        Role::BoardOfficer | Role::Leader => (false, actor.unit.serves.clone()),
        Role::Reporter | Role::AgencyLiaison => (false, Vec::new()),
    };
    OpinionVisibility {
        own: actor.user,
        all,
        areas,
    }
}

/// Whether `actor` may file a case from an item of `report`: a board
/// officer whose unit serves the report's area. Whether the item already
/// has a case is the store's to say (it holds the row).
pub fn check_case_from_item(
    actor: &Actor,
    report: &OpinionReportFacts,
) -> Result<(), OpinionRefusal> {
    if actor.role != Role::BoardOfficer {
        return Err(OpinionRefusal::NotBoardOfficer);
    }
    if !actor.unit.has_jurisdiction_over(&report.area) {
        return Err(OpinionRefusal::NotBoardOfficer);
    }
    Ok(())
}
