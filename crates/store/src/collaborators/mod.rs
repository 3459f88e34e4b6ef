//! The roster of the public-opinion network (SPEC §16): collaborator
//! profiles on `reporter` users (`collaborators`) and the areas they cover
//! (`collaborator_areas`). Who may read and write them, and what a valid
//! profile is, is `workflow`'s (`roster_scope`, `check_collaborator`).
//! The roster is small (a few per commune), so a list reads it whole and
//! filters by area subtree in memory, with one query per table.

mod read;
mod write;

use chrono::{DateTime, NaiveDate, Utc};
use workflow::{AreaId, AreaRef, CollaboratorInput, CollaboratorProfile, FilerProfile};

pub(crate) use read::profile_of;
pub use write::CollaboratorRow;

/// A collaborator as the roster shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collaborator {
    /// The user.
    pub user_id: i64,
    /// Their sign-in e-mail.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their preferred language code.
    pub lang: String,
    /// The areas covered, in code order.
    pub areas: Vec<CoveredArea>,
    /// The profile (its `areas` are the codes of `areas`).
    pub profile: CollaboratorProfile,
    /// When the profile last changed.
    pub updated_at: DateTime<Utc>,
}

impl Collaborator {
    /// The covered areas as the rules see them.
    pub fn area_refs(&self) -> Vec<AreaRef> {
        self.areas.iter().map(CoveredArea::to_ref).collect()
    }

    /// Whether they serve on `day`.
    pub fn is_serving(&self, day: NaiveDate) -> bool {
        self.profile.is_serving(day)
    }

    /// The profile as the rules of opinion reports see it.
    pub fn filer(&self) -> FilerProfile<'_> {
        FilerProfile {
            profile: &self.profile,
            covered: self.areas.iter().map(|a| AreaId(a.id)).collect(),
        }
    }

    /// Whether one of their areas is `area` or lies below it.
    pub fn covers_within(&self, area: AreaId) -> bool {
        self.areas.iter().any(|a| a.lineage.contains(&area))
    }
}

/// One area a collaborator covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoveredArea {
    /// The area.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Every area from the root down to it.
    pub lineage: Vec<AreaId>,
}

impl CoveredArea {
    fn to_ref(&self) -> AreaRef {
        AreaRef {
            id: AreaId(self.id),
            code: self.code.clone(),
            lineage: self.lineage.clone(),
        }
    }
}

/// Which collaborators a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollaboratorFilter {
    /// Only those covering an area in this area's subtree (a code).
    pub area: Option<String>,
    /// Only active (`true`) or inactive (`false`) profiles.
    pub active: Option<bool>,
}

/// How a request names a user: by id or by sign-in e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserName {
    /// The user's id.
    Id(i64),
    /// The user's e-mail.
    Email(String),
}

/// A change to a profile: absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollaboratorPatch {
    /// `collaborator` or `propagandist`.
    pub kind: Option<String>,
    /// The area codes, replacing the old ones.
    pub areas: Option<Vec<String>>,
    /// First day of the term.
    pub from: Option<String>,
    /// Last day; `Some("")` makes the term open-ended.
    pub until: Option<String>,
    /// Whether in use.
    pub active: Option<bool>,
}

impl CollaboratorPatch {
    /// The profile `current` with this change applied, as input to check.
    pub fn over(self, current: &CollaboratorProfile) -> CollaboratorInput {
        let old = current.to_input();
        CollaboratorInput {
            kind: self.kind.or(old.kind),
            areas: self.areas.unwrap_or(old.areas),
            from: self.from.or(old.from),
            until: self.until.or(old.until),
            active: self.active.or(old.active),
        }
    }
}
