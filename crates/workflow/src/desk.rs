//! The desks a user works from (SPEC §6.3): the pages a role's menu lists,
//! each there by the rule that lets the role use it, so that a menu never
//! offers what the rules refuse nor hides what they allow.

use crate::rules::from_states;
use crate::{ActionKind, CaseState, Role, role_may};

/// A page a user works from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Desk {
    /// A reporter's own reports.
    MyReports,
    /// The board's triage queue.
    Triage,
    /// A liaison's cases to answer and resolve.
    Inbox,
    /// The organisation's administration.
    Admin,
    /// The leaders' and the board's figures.
    Dashboard,
    /// Every case the user may see.
    AllCases,
    /// A new report.
    File,
    /// The cases escalated to the leaders.
    Escalated,
    /// The resolved cases waiting to be closed.
    Resolved,
    /// The information duties.
    Duties,
    /// The annual review report.
    AnnualReport,
    /// The public-opinion reports (SPEC §16).
    OpinionReports,
    /// The roster of the public-opinion network (§16).
    Roster,
    /// The hotspot watch-list (§16).
    WatchList,
}

impl Desk {
    /// The desks that may be a home page, the first open to a role being
    /// its home.
    const HOMES: [Desk; 5] = [
        Desk::MyReports,
        Desk::Triage,
        Desk::Inbox,
        Desk::Admin,
        Desk::Dashboard,
    ];

    /// Every desk, in menu order after the home.
    const ORDER: [Desk; 11] = [
        Desk::AllCases,
        Desk::File,
        Desk::OpinionReports,
        Desk::Escalated,
        Desk::Resolved,
        Desk::Duties,
        Desk::Roster,
        Desk::WatchList,
        Desk::Dashboard,
        Desk::AnnualReport,
        Desk::Admin,
    ];

    /// Whether `role` works at this desk, by the rule behind the page.
    pub fn open_to(self, role: Role) -> bool {
        match self {
            // A reporter follows their own reports; everyone else lists the
            // cases their rules let them see.
            Desk::MyReports => role == Role::Reporter,
            Desk::AllCases => role != Role::Reporter,
            Desk::Triage => role_may(role, ActionKind::Accept),
            Desk::Inbox => role_may(role, ActionKind::Respond),
            Desk::File => role_may(role, ActionKind::File),
            Desk::Escalated => role_may(role, ActionKind::Conclude),
            Desk::Resolved => role_may(role, ActionKind::Close),
            Desk::Admin => role.administers(),
            Desk::Dashboard | Desk::AnnualReport => role.reads_reports(),
            Desk::Duties => role.sees_duties(),
            // Collaborators send theirs; the board, the leaders and the
            // admins read those of their areas; agencies read none.
            Desk::OpinionReports => role != Role::AgencyLiaison,
            // `roster_scope`: admins and board officers manage it.
            Desk::Roster => matches!(role, Role::Admin | Role::BoardOfficer),
            // Those who read alerts (`may_read_alert`): the board, the
            // leaders, the administrators.
            Desk::WatchList => matches!(role, Role::BoardOfficer | Role::Leader | Role::Admin),
        }
    }
}

impl Desk {
    /// The state of the cases that wait at this desk, for a desk that lists
    /// them: the state its action is taken from (triage from `reported`,
    /// the conclusion from `escalated`, the closure from `resolved`).
    pub fn waiting_state(self) -> Option<CaseState> {
        let action = match self {
            Desk::Triage => ActionKind::Accept,
            Desk::Escalated => ActionKind::Conclude,
            Desk::Resolved => ActionKind::Close,
            _ => return None,
        };
        from_states(action).first().copied()
    }
}

/// The desks of `role`, its home first.
pub fn desks(role: Role) -> Vec<Desk> {
    let home = Desk::HOMES.into_iter().find(|d| d.open_to(role));
    home.into_iter()
        .chain(
            Desk::ORDER
                .into_iter()
                .filter(|d| Some(*d) != home && d.open_to(role)),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Desk as D;

    #[test]
    fn a_reporter_follows_their_reports_and_files_new_ones() {
        assert_eq!(
            desks(Role::Reporter),
            [D::MyReports, D::File, D::OpinionReports]
        );
    }

    #[test]
    fn a_board_officer_starts_at_triage_and_reads_the_reports() {
        assert_eq!(
            desks(Role::BoardOfficer),
            [
                D::Triage,
                D::AllCases,
                D::File,
                D::OpinionReports,
                D::Duties,
                D::Roster,
                D::WatchList,
                D::Dashboard,
                D::AnnualReport
            ]
        );
    }

    #[test]
    fn a_liaison_starts_at_the_inbox_and_reads_no_reports() {
        assert_eq!(
            desks(Role::AgencyLiaison),
            [D::Inbox, D::AllCases, D::File, D::Duties]
        );
    }

    #[test]
    fn a_leader_starts_at_the_dashboard_and_follows_escalations() {
        assert_eq!(
            desks(Role::Leader),
            [
                D::Dashboard,
                D::AllCases,
                D::OpinionReports,
                D::Escalated,
                D::Resolved,
                D::Duties,
                D::WatchList,
                D::AnnualReport
            ]
        );
    }

    #[test]
    fn an_administrator_starts_at_the_administration_and_files_nothing() {
        assert_eq!(
            desks(Role::Admin),
            [
                D::Admin,
                D::AllCases,
                D::OpinionReports,
                D::Duties,
                D::Roster,
                D::WatchList,
                D::Dashboard,
                D::AnnualReport
            ]
        );
    }

    #[test]
    fn the_triage_escalated_and_resolved_desks_list_the_cases_their_action_waits_for() {
        assert_eq!(D::Triage.waiting_state(), Some(CaseState::Reported));
        assert_eq!(D::Escalated.waiting_state(), Some(CaseState::Escalated));
        assert_eq!(D::Resolved.waiting_state(), Some(CaseState::Resolved));
        assert_eq!(D::AllCases.waiting_state(), None);
    }

    #[test]
    fn the_roster_is_a_desk_of_whoever_may_manage_it() {
        use crate::testkit::{
            admin, board_officer, leader, liaison_of, people_committee, reporter,
        };
        for actor in [
            admin(),
            board_officer(),
            leader(),
            reporter(),
            liaison_of(people_committee()),
        ] {
            assert_eq!(
                D::Roster.open_to(actor.role),
                crate::roster_scope(&actor).is_ok(),
                "{:?}",
                actor.role
            );
        }
    }

    #[test]
    fn every_role_has_a_home() {
        for &role in Role::ALL {
            assert!(
                Desk::HOMES.iter().any(|d| d.open_to(role)),
                "{role:?} has no home"
            );
        }
    }
}
