//! The names behind the codes a case carries (areas, units, categories),
//! read once per page from the same store calls as the API's organisation
//! endpoints, and the case summary the lists show.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use store::Store;
use store::directory::{AreaInfo, CategoryInfo, UnitInfo};
use workflow::{
    Actor, AreaId, AreaRef, Audience, Case, DeadlineKind, HotspotRisk, Lang, Priority, UnitId,
    UnitKind, UnitRef, UserId, unit_candidates,
};

use super::badge::state_class;
use super::layout::local_time;
use super::report::Opt;
use crate::AppError;
use catalogue::Tr;

/// Areas, units and categories by code.
pub(crate) struct Directory {
    /// Areas, by code order.
    pub areas: Vec<AreaInfo>,
    /// Units, by code order.
    pub units: Vec<UnitInfo>,
    /// Categories, by code order.
    pub categories: Vec<CategoryInfo>,
    lang: Lang,
}

impl Directory {
    /// Reads the organisation as `user` may.
    pub(crate) async fn load(
        store: &Store,
        user: UserId,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<Directory, AppError> {
        Ok(Directory {
            areas: store.areas(user, now).await?,
            units: store.units(user, now).await?,
            categories: store.categories(user, now).await?,
            lang,
        })
    }

    /// The name of an area code (the code itself if unknown).
    pub(crate) fn area(&self, code: &str) -> String {
        self.areas
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| code.to_owned(), |a| a.name.clone())
    }

    /// The name of a unit code.
    pub(crate) fn unit(&self, code: &str) -> String {
        self.units
            .iter()
            .find(|u| u.code == code)
            .map_or_else(|| code.to_owned(), |u| u.name.clone())
    }

    /// The name of a category code in the page's language.
    pub(crate) fn category(&self, code: &str) -> String {
        self.categories.iter().find(|c| c.code == code).map_or_else(
            || code.to_owned(),
            |c| self.lang.pick(&c.name_vi, &c.name_en).to_owned(),
        )
    }

    /// An area as the rules see it: its ancestry from the parent codes.
    pub(crate) fn area_ref(&self, info: &AreaInfo) -> AreaRef {
        let by_code: HashMap<&str, &AreaInfo> =
            self.areas.iter().map(|a| (a.code.as_str(), a)).collect();
        let mut lineage = vec![AreaId(info.id)];
        let mut at = info;
        while let Some(parent) = at.parent.as_deref().and_then(|p| by_code.get(p)) {
            lineage.push(AreaId(parent.id));
            at = parent;
            if lineage.len() > self.areas.len() {
                break;
            }
        }
        lineage.reverse();
        AreaRef {
            id: AreaId(info.id),
            code: info.code.clone(),
            lineage,
        }
    }

    /// The choices of a case's lead unit and of its coordinating units, as
    /// `workflow::unit_candidates` offers them for `area`.
    pub(crate) fn unit_choices(&self, area: &AreaRef) -> UnitChoices {
        let area_ids: HashMap<&str, AreaId> = self
            .areas
            .iter()
            .map(|a| (a.code.as_str(), AreaId(a.id)))
            .collect();
        // A unit of a kind the rules do not know is offered for nothing.
        let refs: Vec<UnitRef> = self
            .units
            .iter()
            .filter_map(|u| {
                Some(UnitRef {
                    id: UnitId(u.id),
                    code: u.code.clone(),
                    kind: UnitKind::from_code(&u.kind)?,
                    serves: u
                        .serves
                        .iter()
                        .filter_map(|code| area_ids.get(code.as_str()).copied())
                        .collect(),
                    active: u.active,
                })
            })
            .collect();
        let candidates = unit_candidates(&refs, area);
        UnitChoices {
            lead: self.opts(&candidates.lead),
            coordinating: self.opts(&candidates.coordinating),
            serving: self.opts(&candidates.serving),
        }
    }

    /// The units an orientation notice may be sent to, as
    /// `workflow::recipient_candidates` offers them.
    pub(crate) fn recipient_choices(&self) -> Vec<Opt> {
        let refs: Vec<UnitRef> = self
            .units
            .iter()
            .filter_map(|u| {
                Some(UnitRef {
                    id: UnitId(u.id),
                    code: u.code.clone(),
                    kind: UnitKind::from_code(&u.kind)?,
                    serves: Vec::new(),
                    active: u.active,
                })
            })
            .collect();
        self.opts(&workflow::recipient_candidates(&refs))
    }

    /// The units that owe the board information (`UnitKind::owes_duties`).
    pub(crate) fn duty_providers(&self) -> Vec<Opt> {
        let ids: Vec<UnitId> = self
            .units
            .iter()
            .filter(|u| UnitKind::from_code(&u.kind).is_some_and(UnitKind::owes_duties))
            .map(|u| UnitId(u.id))
            .collect();
        self.opts(&ids)
    }

    /// The choices of some units, in the order given.
    fn opts(&self, ids: &[UnitId]) -> Vec<Opt> {
        let by_id: HashMap<i64, &UnitInfo> = self.units.iter().map(|u| (u.id, u)).collect();
        ids.iter()
            .filter_map(|id| by_id.get(&id.0))
            .map(|u| Opt {
                code: u.code.clone(),
                label: u.name.clone(),
            })
            .collect()
    }
}

/// A deadline as shown.
pub(crate) struct DeadlineLine {
    /// What is due.
    pub label: &'static str,
    /// When, local time.
    pub at: String,
    /// Running and passed.
    pub overdue: bool,
}

/// The units a case's forms offer, as `workflow::unit_candidates` does.
pub(crate) struct UnitChoices {
    /// Who may lead it.
    pub lead: Vec<Opt>,
    /// Who may coordinate it.
    pub coordinating: Vec<Opt>,
    /// Every unit serving it.
    pub serving: Vec<Opt>,
}

/// A case in a list.
pub(crate) struct CaseCard {
    /// Code, also the link.
    pub code: String,
    /// Title.
    pub title: String,
    /// State label.
    pub state: &'static str,
    /// The CSS class of the state's badge.
    pub state_class: &'static str,
    /// Area name.
    pub area: String,
    /// Category name.
    pub category: String,
    /// Lead unit name.
    pub lead: Option<String>,
    /// Priority label, for a reader of the internal audience.
    pub priority: Option<&'static str>,
    /// Filed at, local time.
    pub filed: String,
    /// The deadlines running now.
    pub deadlines: Vec<DeadlineLine>,
    /// Past a running deadline.
    pub overdue: bool,
    /// The published outcome, where the list shows it.
    pub outcome: Option<String>,
    /// The priority's code and label where it is above normal, for a
    /// reader of internal facts only (SPEC §10): an urgent case must stand
    /// out in an inbox, and a badge on every normal one would be noise.
    pub priority_badge: Option<(&'static str, &'static str)>,
    /// The hotspot risk's code and label where it is high, on an
    /// open case, for a reader of internal facts: the triage queue and the
    /// inbox must show which reports may become a hotspot (§11 pages).
    pub hotspot_badge: Option<(&'static str, &'static str)>,
}

impl CaseCard {
    /// `case` summarised in the page's language for `actor`: a reader
    /// outside the internal audience reads the state in the reporter's
    /// terms and no internal deadline (SPEC §10).
    pub(crate) fn new(
        case: &Case,
        actor: &Actor,
        dir: &Directory,
        t: Tr,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> CaseCard {
        let reader = workflow::reader(actor, case);
        let internal = reader == Audience::Internal;
        CaseCard {
            code: case.code.clone(),
            title: case.title.clone(),
            state: if internal {
                case.state.label(t.0)
            } else {
                case.state.for_reporter().label(t.0)
            },
            state_class: state_class(if internal {
                case.state.group()
            } else {
                case.state.for_reporter().group()
            }),
            area: dir.area(&case.area.code),
            category: dir.category(&case.category),
            lead: case.lead_unit.as_ref().map(|u| dir.unit(&u.code)),
            priority: internal.then(|| case.priority.label(t.0)),
            filed: local_time(case.created_at, tz),
            deadlines: running(case, t, now, tz)
                .into_iter()
                .filter(|(kind, _)| workflow::deadlines_read(reader).contains(kind))
                .map(|(_, line)| line)
                .collect(),
            overdue: internal && case.overdue(now),
            outcome: None,
            // A finished or set-aside case needs no one's attention first.
            priority_badge: (internal && case.state.is_open() && case.priority != Priority::Normal)
                .then(|| (case.priority.code(), case.priority.label(t.0))),
            hotspot_badge: case
                .hotspot_risk
                .filter(|risk| internal && case.state.is_open() && *risk == HotspotRisk::High)
                .map(|risk| (risk.code(), risk.label(t.0))),
        }
    }
}

/// The label of a deadline.
pub(crate) fn deadline_label(kind: DeadlineKind, t: Tr) -> &'static str {
    kind.due_label(t.0)
}

/// The deadlines the case's state waits on, each marked when passed.
fn running(case: &Case, t: Tr, now: DateTime<Utc>, tz: Tz) -> Vec<(DeadlineKind, DeadlineLine)> {
    case.running_deadlines()
        .into_iter()
        .map(|(kind, d)| {
            let line = DeadlineLine {
                label: deadline_label(kind, t),
                at: local_time(d.at, tz),
                overdue: d.is_passed(now),
            };
            (kind, line)
        })
        .collect()
}
