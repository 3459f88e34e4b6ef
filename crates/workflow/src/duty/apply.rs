//! A move on a duty instance (SPEC §4.1), decided without I/O: who may,
//! from which status, with which input, and what the store is to record.
//! The store loads the duty, calls [`apply_duty`] and writes what it
//! returns, with a compare-and-set on the status it read.

use chrono::{DateTime, Utc};

use super::status::{DutyAction, DutyStatus, duty_transition};
use crate::{Actor, LongText, Refusal, UnitId, UserId};

/// What a user does to a duty instance, with its input as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyMove {
    /// The information itself.
    Submit {
        /// The text given.
        text: String,
    },
    /// Receipt confirmed.
    Acknowledge,
    /// Released from the duty.
    Waive {
        /// Why (required).
        reason: String,
    },
}

impl DutyMove {
    /// The action, without its input.
    pub fn action(&self) -> DutyAction {
        match self {
            DutyMove::Submit { .. } => DutyAction::Submit,
            DutyMove::Acknowledge => DutyAction::Acknowledge,
            DutyMove::Waive { .. } => DutyAction::Waive,
        }
    }
}

/// A duty instance as a move sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutyNow {
    /// The unit that owes the information.
    pub provider: UnitId,
    /// The board that receives it.
    pub recipient: UnitId,
    /// Where it stands.
    pub status: DutyStatus,
}

/// What a move records besides the new status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyRecord {
    /// The information, who gave it and when.
    Submitted {
        /// The text.
        text: LongText,
        /// Who gave it.
        by: UserId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Who confirmed receipt and when.
    Acknowledged {
        /// Who.
        by: UserId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Why the duty was waived.
    Waived {
        /// The reason.
        reason: LongText,
    },
}

/// What a move comes to. No one is notified of a duty move (§4.1 names
/// no notice for it; reminders stop by themselves once the duty is no
/// longer owed), so the outcome carries no notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyOutcome {
    /// The status after the move.
    pub status: DutyStatus,
    /// What to record.
    pub record: DutyRecord,
    /// When the duty changed.
    pub updated_at: DateTime<Utc>,
}

/// Carries out `action` by `actor` on `duty` at `now`, or the rule that
/// forbids it: who may and from which status first (403 before 409, as
/// [`duty_transition`] judges), then the input (422).
pub fn apply_duty(
    actor: &Actor,
    duty: DutyNow,
    action: DutyMove,
    now: DateTime<Utc>,
) -> Result<DutyOutcome, Refusal> {
    let status = duty_transition(
        actor,
        duty.provider,
        duty.recipient,
        duty.status,
        action.action(),
    )?;
    let record = match action {
        DutyMove::Submit { text } => DutyRecord::Submitted {
            text: LongText::parse("text", &text)?,
            by: actor.user,
            at: now,
        },
        DutyMove::Acknowledge => DutyRecord::Acknowledged {
            by: actor.user,
            at: now,
        },
        DutyMove::Waive { reason } => DutyRecord::Waived {
            reason: LongText::parse("reason", &reason)?,
        },
    };
    Ok(DutyOutcome {
        status,
        record,
        updated_at: now,
    })
}

/// The moves `actor` may make on `duty` now, as [`apply_duty`] would judge
/// them before looking at any input: the forms a page offers.
pub fn allowed_duty_actions(actor: &Actor, duty: DutyNow) -> Vec<DutyAction> {
    [
        DutyAction::Submit,
        DutyAction::Acknowledge,
        DutyAction::Waive,
    ]
    .into_iter()
    .filter(|&action| {
        duty_transition(actor, duty.provider, duty.recipient, duty.status, action).is_ok()
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    fn owed_by(provider: &crate::UnitRef, status: DutyStatus) -> DutyNow {
        DutyNow {
            provider: provider.id,
            recipient: board().id,
            status,
        }
    }

    #[test]
    fn a_liaison_submits_their_units_information_with_its_text_trimmed() {
        let liaison = liaison_of(people_committee());
        let text = "  Báo cáo quý IV  ".to_owned();
        let outcome = apply_duty(
            &liaison,
            owed_by(&people_committee(), DutyStatus::Pending),
            DutyMove::Submit { text },
            now(),
        )
        .unwrap();
        assert_eq!(outcome.status, DutyStatus::Submitted);
        match outcome.record {
            DutyRecord::Submitted { text, by, at } => {
                assert_eq!(
                    (text.as_str(), by, at),
                    ("Báo cáo quý IV", liaison.user, now())
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_blank_submission_is_refused_after_the_right_to_submit() {
        let liaison = liaison_of(people_committee());
        let blank = || DutyMove::Submit { text: "  ".into() };
        assert_eq!(
            apply_duty(
                &liaison,
                owed_by(&people_committee(), DutyStatus::Pending),
                blank(),
                now()
            ),
            Err(Refusal::MissingInput { field: "text" })
        );
        // Someone who may not submit hears that first, not about the text.
        assert!(matches!(
            apply_duty(
                &leader(),
                owed_by(&people_committee(), DutyStatus::Pending),
                blank(),
                now()
            ),
            Err(Refusal::DutyNotAllowed { .. })
        ));
    }

    #[test]
    fn the_board_acknowledges_a_submitted_duty() {
        let outcome = apply_duty(
            &board_officer(),
            owed_by(&people_committee(), DutyStatus::Submitted),
            DutyMove::Acknowledge,
            now(),
        )
        .unwrap();
        assert_eq!(outcome.status, DutyStatus::Acknowledged);
        assert_eq!(
            outcome.record,
            DutyRecord::Acknowledged {
                by: board_officer().user,
                at: now()
            }
        );
    }

    #[test]
    fn a_waiver_needs_a_reason() {
        let duty = owed_by(&people_committee(), DutyStatus::Pending);
        let waive = |reason: &str| {
            apply_duty(
                &admin(),
                duty,
                DutyMove::Waive {
                    reason: reason.into(),
                },
                now(),
            )
        };
        assert_eq!(waive(""), Err(Refusal::MissingInput { field: "reason" }));
        assert_eq!(waive("Đơn vị sáp nhập").unwrap().status, DutyStatus::Waived);
    }

    #[test]
    fn an_acknowledged_duty_is_not_waived() {
        let duty = owed_by(&people_committee(), DutyStatus::Acknowledged);
        let waive = DutyMove::Waive { reason: "x".into() };
        assert!(matches!(
            apply_duty(&admin(), duty, waive, now()),
            Err(Refusal::DutyWrongStatus { .. })
        ));
    }

    #[test]
    fn a_submitted_duty_offers_its_liaison_a_correction_and_the_board_its_receipt() {
        let duty = owed_by(&people_committee(), DutyStatus::Submitted);
        assert_eq!(
            allowed_duty_actions(&liaison_of(people_committee()), duty),
            [DutyAction::Submit]
        );
        assert_eq!(
            allowed_duty_actions(&board_officer(), duty),
            [DutyAction::Acknowledge]
        );
        assert_eq!(allowed_duty_actions(&admin(), duty), [DutyAction::Waive]);
        assert!(allowed_duty_actions(&leader(), duty).is_empty());
    }
}
