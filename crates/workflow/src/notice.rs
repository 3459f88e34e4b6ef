//! The notifications an action causes (SPEC §5); the store turns them into
//! outbox rows in the action's transaction.

use serde::{Deserialize, Serialize};

use crate::{AreaId, Audience, CaseId, InputField, Role, UnitId, UserId};

/// Why someone is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A lead unit was assigned a case.
    CaseAssigned,
    /// The board asked the reporter for more information.
    InfoRequested,
    /// The lead agency's written answer arrived.
    AnswerReceived,
    /// A case was escalated to the leaders.
    Escalated,
    /// The result was published.
    ResultPublished,
    /// A unit is invited to a resolution meeting (SPEC §11).
    MeetingInvitation,
    /// A case was handed to this unit as its new lead (§11 `reassign`).
    LeadReassigned,
    /// A case this unit led was handed to another unit.
    LeadReleased,
    /// A report was forwarded to this unit, the competent body (`forward`).
    Forwarded,
    /// The reporter's report was forwarded to a competent body.
    ReportForwarded,
    /// The reporter's report was dismissed.
    ReportDismissed,
    /// The reporter's report was merged into another case.
    ReportMerged,
    /// The leaders concluded (thông báo kết luận), to every party.
    Concluded,
}

impl NoticeKind {
    /// Every kind, for checks that each has what it needs (an e-mail template).
    pub const ALL: [NoticeKind; 13] = [
        NoticeKind::CaseAssigned,
        NoticeKind::InfoRequested,
        NoticeKind::AnswerReceived,
        NoticeKind::Escalated,
        NoticeKind::ResultPublished,
        NoticeKind::MeetingInvitation,
        NoticeKind::LeadReassigned,
        NoticeKind::LeadReleased,
        NoticeKind::Forwarded,
        NoticeKind::ReportForwarded,
        NoticeKind::ReportDismissed,
        NoticeKind::ReportMerged,
        NoticeKind::Concluded,
    ];

    /// The code used as the outbox kind, e.g. `case_assigned`.
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::CaseAssigned => "case_assigned",
            NoticeKind::InfoRequested => "info_requested",
            NoticeKind::AnswerReceived => "answer_received",
            NoticeKind::Escalated => "escalated",
            NoticeKind::ResultPublished => "result_published",
            NoticeKind::MeetingInvitation => "meeting_invitation",
            NoticeKind::LeadReassigned => "lead_reassigned",
            NoticeKind::LeadReleased => "lead_released",
            NoticeKind::Forwarded => "forwarded",
            NoticeKind::ReportForwarded => "report_forwarded",
            NoticeKind::ReportDismissed => "report_dismissed",
            NoticeKind::ReportMerged => "report_merged",
            NoticeKind::Concluded => "concluded",
        }
    }

    /// Who the notice is written for (SPEC §10): the reporter is told of
    /// the board's question, the published result and where their report
    /// went (dismissed, forwarded, merged); the competent body a report is
    /// forwarded to reads what the reporter reads; every other notice goes
    /// to the internal audience. What a notice quotes must be readable by
    /// its audience.
    pub fn audience(self) -> Audience {
        match self {
            NoticeKind::InfoRequested
            | NoticeKind::ResultPublished
            | NoticeKind::Forwarded
            | NoticeKind::ReportForwarded
            | NoticeKind::ReportDismissed
            | NoticeKind::ReportMerged => Audience::Reporter,
            NoticeKind::CaseAssigned
            | NoticeKind::AnswerReceived
            | NoticeKind::Escalated
            | NoticeKind::MeetingInvitation
            | NoticeKind::LeadReassigned
            | NoticeKind::LeadReleased
            | NoticeKind::Concluded => Audience::Internal,
        }
    }

    /// The field of the causing event that the notice quotes: what its
    /// reader must act on (the question asked, the opinions, the result).
    pub fn quoted_field(self) -> Option<InputField> {
        match self {
            NoticeKind::InfoRequested => Some(InputField::Question),
            NoticeKind::Escalated => Some(InputField::Opinions),
            NoticeKind::ResultPublished => Some(InputField::PublicText),
            NoticeKind::MeetingInvitation => Some(InputField::Agenda),
            NoticeKind::LeadReassigned
            | NoticeKind::LeadReleased
            | NoticeKind::Forwarded
            | NoticeKind::ReportForwarded
            | NoticeKind::ReportDismissed => Some(InputField::Reason),
            NoticeKind::ReportMerged => Some(InputField::Target),
            NoticeKind::Concluded => Some(InputField::Conclusion),
            NoticeKind::CaseAssigned | NoticeKind::AnswerReceived => None,
        }
    }

    /// The field of the causing event that names the unit the notice
    /// speaks of (where a forwarded report went), which the e-mail names.
    pub fn named_unit(self) -> Option<InputField> {
        match self {
            NoticeKind::ReportForwarded => Some(InputField::ToUnit),
            _ => None,
        }
    }

    /// Whether the notice carries the report itself (its description): a
    /// body a report is forwarded to must read what it is sent.
    pub fn carries_report(self) -> bool {
        self == NoticeKind::Forwarded
    }

    /// The kind of an outbox code.
    pub fn from_code(code: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Who receives a notice; the store resolves it to e-mail addresses.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Recipients {
    /// One user.
    User {
        /// The user.
        user: UserId,
    },
    /// The liaisons of a unit (and the unit's own address if it has one).
    Unit {
        /// The unit.
        unit: UnitId,
    },
    /// The board officers with jurisdiction over an area.
    Board {
        /// The case's area.
        area: AreaId,
    },
    /// The leaders with jurisdiction over an area.
    Leaders {
        /// The case's area.
        area: AreaId,
    },
    /// The board officers of one board unit (a duty's recipient board).
    Officers {
        /// The board unit.
        unit: UnitId,
    },
}

impl Recipients {
    /// The users through whom a unit is told: its liaisons.
    pub const UNIT_ROLE: Role = Role::AgencyLiaison;

    /// The role of the users in the set: a unit is told through its
    /// liaisons, the board through its officers, the leaders as leaders;
    /// one user is told whatever their role.
    pub fn role(&self) -> Option<Role> {
        match self {
            Recipients::User { .. } => None,
            Recipients::Unit { .. } => Some(Recipients::UNIT_ROLE),
            Recipients::Board { .. } | Recipients::Officers { .. } => Some(Role::BoardOfficer),
            Recipients::Leaders { .. } => Some(Role::Leader),
        }
    }
}

/// One notification caused by an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Why.
    pub kind: NoticeKind,
    /// The case it is about.
    pub case: CaseId,
    /// Who.
    pub recipients: Recipients,
}

#[cfg(test)]
mod tests {
    use super::{NoticeKind, Recipients};
    use crate::{AreaId, Role, UnitId, UserId};

    #[test]
    fn a_code_is_the_serde_name_and_reads_back() {
        for kind in NoticeKind::ALL {
            let serde = serde_json::to_value(kind).unwrap();
            assert_eq!(serde.as_str(), Some(kind.code()));
            assert_eq!(NoticeKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(NoticeKind::from_code("case_notice"), None);
    }

    #[test]
    fn a_unit_is_told_through_its_liaisons_and_the_board_through_its_officers() {
        let area = AreaId(1);
        assert_eq!(
            Recipients::Unit { unit: UnitId(2) }.role(),
            Some(Role::AgencyLiaison)
        );
        assert_eq!(Recipients::Board { area }.role(), Some(Role::BoardOfficer));
        assert_eq!(
            Recipients::Officers { unit: UnitId(3) }.role(),
            Some(Role::BoardOfficer)
        );
        assert_eq!(Recipients::Leaders { area }.role(), Some(Role::Leader));
        assert_eq!(Recipients::User { user: UserId(4) }.role(), None);
    }
}
