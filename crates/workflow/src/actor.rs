//! Who acts (SPEC §1) and the organisation facts a rule needs about them and
//! about the units a case names (§2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::ids::{AreaId, UnitId, UserId};

coded_enum! {
    /// What a user does in the system (SPEC §1).
    pub enum Role {
        /// Cộng tác viên dư luận xã hội, báo cáo viên cơ sở.
        Reporter = ("reporter", role_reporter),
        /// Cán bộ Ban Tuyên giáo và Dân vận.
        BoardOfficer = ("board_officer", role_board_officer),
        /// Đầu mối cơ quan nhà nước.
        AgencyLiaison = ("agency_liaison", role_agency_liaison),
        /// Lãnh đạo, Thường trực cấp ủy.
        Leader = ("leader", role_leader),
        /// Quản trị hệ thống.
        Admin = ("admin", role_admin),
    }
}

coded_enum! {
    /// The kind of an organisation unit (SPEC §2).
    pub enum UnitKind {
        /// Cấp ủy.
        PartyCommittee = ("party_committee", unit_kind_party_committee),
        /// Ban Tuyên giáo và Dân vận.
        Board = ("board", unit_kind_board),
        /// HĐND.
        PeopleCouncil = ("people_council", unit_kind_people_council),
        /// UBND.
        PeopleCommittee = ("people_committee", unit_kind_people_committee),
        /// TAND.
        Court = ("court", unit_kind_court),
        /// VKSND.
        Procuracy = ("procuracy", unit_kind_procuracy),
        /// UB MTTQ.
        Front = ("front", unit_kind_front),
        /// Đoàn thể.
        MassOrg = ("mass_org", unit_kind_mass_org),
        /// Báo chí, đài truyền thanh.
        Media = ("media", unit_kind_media),
    }
}

impl UnitKind {
    /// The state bodies that coordinate with the board (Decision 238) and may
    /// lead a case.
    pub fn is_state_body(self) -> bool {
        matches!(
            self,
            UnitKind::PeopleCouncil
                | UnitKind::PeopleCommittee
                | UnitKind::Court
                | UnitKind::Procuracy
        )
    }

    /// The units a board may name to coordinate a case: any but the party
    /// side of the coordination (party committees and boards, the board
    /// itself among them), which is who asks, not who is asked.
    pub fn may_coordinate(self) -> bool {
        !matches!(self, UnitKind::PartyCommittee | UnitKind::Board)
    }

    /// The kinds that carry the board's directed communication (SPEC §12):
    /// they are sent orientation notices.
    pub fn receives_orientations(self) -> bool {
        matches!(
            self,
            UnitKind::Media
                | UnitKind::Front
                | UnitKind::MassOrg
                | UnitKind::PartyCommittee
                | UnitKind::Board
        )
    }

    /// The units that owe the board information (§4): the state bodies,
    /// as schedules, programmes and the duty list's filter take them.
    pub fn owes_duties(self) -> bool {
        self.is_state_body()
    }

    /// The units that receive that information: the boards.
    pub fn receives_duties(self) -> bool {
        self == UnitKind::Board
    }
}

/// An area and its ancestry, as much as a jurisdiction rule needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRef {
    /// The area.
    pub id: AreaId,
    /// Its code, for messages.
    pub code: String,
    /// Every area from the root down to and including this one.
    pub lineage: Vec<AreaId>,
}

impl AreaRef {
    /// Whether `ancestor` is this area or one above it.
    pub fn is_within(&self, ancestor: AreaId) -> bool {
        self.lineage.contains(&ancestor)
    }
}

/// A unit as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// The unit.
    pub id: UnitId,
    /// Its code, for messages and events.
    pub code: String,
    /// Its kind.
    pub kind: UnitKind,
    /// The areas it serves; it has jurisdiction over them and every area below.
    pub serves: Vec<AreaId>,
    /// False once the unit was abolished or merged (validity dates, §2).
    pub active: bool,
}

impl UnitRef {
    /// Whether a unit whose validity ends on `valid_to` (none: open-ended)
    /// still exists on `today`: it is active through its last day.
    pub fn active_on(valid_to: Option<NaiveDate>, today: NaiveDate) -> bool {
        valid_to.is_none_or(|last| last >= today)
    }

    /// Whether the unit serves `area` or an area above it.
    pub fn has_jurisdiction_over(&self, area: &AreaRef) -> bool {
        self.serves.iter().any(|served| area.is_within(*served))
    }
}

/// The user carrying out an action, with their unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The user.
    pub user: UserId,
    /// Their role.
    pub role: Role,
    /// Their unit.
    pub unit: UnitRef,
}
