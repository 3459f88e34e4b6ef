//! Tests of who may submit, acknowledge and waive a duty, and when.

use super::*;
use crate::{Actor, AreaId, Lang, Refusal, Role, UnitId, UnitKind, UnitRef, UserId};

const PROVIDER: UnitId = UnitId(10);
const BOARD: UnitId = UnitId(20);

fn someone(role: Role, unit: UnitId) -> Actor {
    Actor {
        user: UserId(1),
        role,
        unit: UnitRef {
            id: unit,
            code: format!("U{}", unit.0),
            kind: UnitKind::Board,
            serves: vec![AreaId(1)],
            active: true,
        },
    }
}

fn go(actor: &Actor, status: DutyStatus, action: DutyAction) -> Result<DutyStatus, Refusal> {
    duty_transition(actor, PROVIDER, BOARD, status, action)
}

#[test]
fn a_liaison_of_the_provider_submits_then_the_board_acknowledges() {
    let liaison = someone(Role::AgencyLiaison, PROVIDER);
    let officer = someone(Role::BoardOfficer, BOARD);
    assert_eq!(
        go(&liaison, DutyStatus::Pending, DutyAction::Submit),
        Ok(DutyStatus::Submitted)
    );
    assert_eq!(
        go(&liaison, DutyStatus::Submitted, DutyAction::Submit),
        Ok(DutyStatus::Submitted)
    );
    assert_eq!(
        go(&officer, DutyStatus::Submitted, DutyAction::Acknowledge),
        Ok(DutyStatus::Acknowledged)
    );
}

#[test]
fn a_liaison_of_another_unit_may_not_submit() {
    let other = someone(Role::AgencyLiaison, UnitId(99));
    let refusal = go(&other, DutyStatus::Pending, DutyAction::Submit).unwrap_err();
    assert_eq!(refusal.code(), "duty_not_allowed");
    assert!(refusal.is_forbidden());
    assert!(refusal.message(Lang::Vi).contains("đầu mối"));
}

#[test]
fn only_the_recipient_board_acknowledges_and_only_after_submission() {
    let officer = someone(Role::BoardOfficer, BOARD);
    let elsewhere = someone(Role::BoardOfficer, UnitId(21));
    assert!(go(&elsewhere, DutyStatus::Submitted, DutyAction::Acknowledge).is_err());
    let refusal = go(&officer, DutyStatus::Pending, DutyAction::Acknowledge).unwrap_err();
    assert_eq!(refusal.code(), "duty_wrong_status");
    assert!(refusal.is_conflict());
    assert!(refusal.message(Lang::Vi).contains("Chưa cung cấp"));
    assert!(refusal.message(Lang::En).contains("Pending"));
}

#[test]
fn an_admin_waives_an_open_duty_but_not_an_acknowledged_one() {
    let admin = someone(Role::Admin, BOARD);
    assert_eq!(
        go(&admin, DutyStatus::Pending, DutyAction::Waive),
        Ok(DutyStatus::Waived)
    );
    assert!(go(&admin, DutyStatus::Acknowledged, DutyAction::Waive).is_err());
    let leader = someone(Role::Leader, BOARD);
    assert!(go(&leader, DutyStatus::Pending, DutyAction::Waive).is_err());
}

#[test]
fn nothing_moves_a_waived_duty() {
    for (role, unit, action) in [
        (Role::AgencyLiaison, PROVIDER, DutyAction::Submit),
        (Role::BoardOfficer, BOARD, DutyAction::Acknowledge),
        (Role::Admin, BOARD, DutyAction::Waive),
    ] {
        assert!(go(&someone(role, unit), DutyStatus::Waived, action).is_err());
    }
}

#[test]
fn only_a_pending_duty_past_its_due_time_is_overdue() {
    let due = chrono::DateTime::parse_from_rfc3339("2027-01-11T23:59:59+07:00")
        .unwrap()
        .to_utc();
    let after = due + chrono::Duration::seconds(1);
    assert!(DutyStatus::Pending.is_overdue(due, after));
    assert!(!DutyStatus::Pending.is_overdue(due, due));
    for done in [
        DutyStatus::Submitted,
        DutyStatus::Acknowledged,
        DutyStatus::Waived,
    ] {
        assert!(!done.is_overdue(due, after), "{done:?}");
    }
}
