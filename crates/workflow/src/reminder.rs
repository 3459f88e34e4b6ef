//! Who a reminder is written to (SPEC §4.1, §5): the rule, over the ids
//! the store gives it; the store only turns the recipient sets into
//! addresses and writes the outbox rows.

use crate::{AreaId, CaseReminderStep, DeadlineKind, DutyReminderStep, Recipients, UnitId};

/// The recipient sets of one reminder: those it is addressed to, then
/// those copied. An address in both gets one e-mail (the store keeps the
/// first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRecipients {
    /// Addressed to.
    pub to: Vec<Recipients>,
    /// Copied, in this order.
    pub copies: Vec<Recipients>,
    /// Told instead when `to` has no address at all (a unit with no
    /// e-mail and no active liaison, SPEC §14): the board that follows
    /// the duty or the case, so that nothing is lost in silence.
    pub unreached: Vec<Recipients>,
}

/// Whose the `kind` deadline of a case led by `lead_unit` is: the lead
/// unit's, except triage, and any deadline of a case without a lead unit
/// yet, which are the board's (`None`).
pub fn case_deadline_holder(kind: DeadlineKind, lead_unit: Option<UnitId>) -> Option<UnitId> {
    match (kind, lead_unit) {
        (DeadlineKind::Triage, _) | (_, None) => None,
        (_, Some(unit)) => Some(unit),
    }
}

/// Who is reminded of the `kind` deadline of a case in `area` led by
/// `lead_unit`, at `step` (§5): the triage deadline, or one of a case
/// without a lead unit, goes to the board officers with jurisdiction; the
/// others to the lead unit's liaisons. From the breach on, the leaders and
/// the board over the case's area are copied; that board is told when the
/// lead unit cannot be reached.
pub fn case_reminder_recipients(
    kind: DeadlineKind,
    step: CaseReminderStep,
    area: AreaId,
    lead_unit: Option<UnitId>,
) -> ReminderRecipients {
    let first = match case_deadline_holder(kind, lead_unit) {
        None => Recipients::Board { area },
        Some(unit) => Recipients::Unit { unit },
    };
    let copies = if step.is_overdue() {
        vec![Recipients::Leaders { area }, Recipients::Board { area }]
    } else {
        Vec::new()
    };
    ReminderRecipients {
        to: vec![first],
        copies,
        unreached: vec![Recipients::Board { area }],
    }
}

/// Who is reminded of a duty of `provider` (whose home area is
/// `provider_area`) toward the board unit `recipient`, at `step` (§4.1):
/// the provider's liaisons and its own address; an overdue reminder is
/// copied to the leaders over the provider's area and to the officers of
/// the recipient board, who are also told when the provider cannot be
/// reached.
pub fn duty_reminder_recipients(
    step: DutyReminderStep,
    provider: UnitId,
    provider_area: AreaId,
    recipient: UnitId,
) -> ReminderRecipients {
    let copies = if step.is_overdue() {
        vec![
            Recipients::Leaders {
                area: provider_area,
            },
            Recipients::Officers { unit: recipient },
        ]
    } else {
        Vec::new()
    };
    ReminderRecipients {
        to: vec![Recipients::Unit { unit: provider }],
        copies,
        unreached: vec![Recipients::Officers { unit: recipient }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: AreaId = AreaId(7);
    const LEAD: UnitId = UnitId(3);

    #[test]
    fn a_triage_reminder_goes_to_the_board_even_when_a_lead_unit_is_set() {
        let r = case_reminder_recipients(
            DeadlineKind::Triage,
            CaseReminderStep::Warning,
            AREA,
            Some(LEAD),
        );
        assert_eq!(r.to, vec![Recipients::Board { area: AREA }]);
        assert!(r.copies.is_empty());
    }

    #[test]
    fn an_answer_or_resolution_reminder_goes_to_the_lead_unit() {
        for kind in [DeadlineKind::Answer, DeadlineKind::Resolution] {
            let r = case_reminder_recipients(kind, CaseReminderStep::Warning, AREA, Some(LEAD));
            assert_eq!(r.to, vec![Recipients::Unit { unit: LEAD }]);
        }
    }

    #[test]
    fn a_case_without_a_lead_unit_is_reminded_to_the_board() {
        let r = case_reminder_recipients(
            DeadlineKind::Resolution,
            CaseReminderStep::Warning,
            AREA,
            None,
        );
        assert_eq!(r.to, vec![Recipients::Board { area: AREA }]);
    }

    #[test]
    fn a_breach_and_later_reminders_copy_the_leaders_then_the_board() {
        for step in [CaseReminderStep::Breach, CaseReminderStep::Overdue(2)] {
            let r = case_reminder_recipients(DeadlineKind::Answer, step, AREA, Some(LEAD));
            assert_eq!(
                r.copies,
                vec![
                    Recipients::Leaders { area: AREA },
                    Recipients::Board { area: AREA }
                ]
            );
        }
    }

    #[test]
    fn a_case_deadline_is_the_lead_units_but_triage_is_the_boards() {
        assert_eq!(case_deadline_holder(DeadlineKind::Triage, Some(LEAD)), None);
        assert_eq!(case_deadline_holder(DeadlineKind::Answer, None), None);
        for kind in [DeadlineKind::Answer, DeadlineKind::Resolution] {
            assert_eq!(case_deadline_holder(kind, Some(LEAD)), Some(LEAD));
        }
    }

    #[test]
    fn a_reminder_that_reaches_nobody_is_told_to_the_board_that_follows_it() {
        let case = case_reminder_recipients(
            DeadlineKind::Answer,
            CaseReminderStep::Warning,
            AREA,
            Some(LEAD),
        );
        assert_eq!(case.unreached, vec![Recipients::Board { area: AREA }]);
        let duty = duty_reminder_recipients(DutyReminderStep::Due, UnitId(4), AREA, UnitId(1));
        assert_eq!(
            duty.unreached,
            vec![Recipients::Officers { unit: UnitId(1) }]
        );
    }

    #[test]
    fn a_duty_reminder_before_or_on_the_due_day_goes_only_to_the_provider() {
        for step in [DutyReminderStep::Before(14), DutyReminderStep::Due] {
            let r = duty_reminder_recipients(step, UnitId(4), AREA, UnitId(1));
            assert_eq!(r.to, vec![Recipients::Unit { unit: UnitId(4) }]);
            assert!(r.copies.is_empty());
        }
    }

    #[test]
    fn an_overdue_duty_reminder_copies_the_providers_leaders_and_the_boards_officers() {
        let r = duty_reminder_recipients(DutyReminderStep::Overdue(1), UnitId(4), AREA, UnitId(1));
        assert_eq!(
            r.copies,
            vec![
                Recipients::Leaders { area: AREA },
                Recipients::Officers { unit: UnitId(1) }
            ]
        );
    }
}
