//! What makes a duty schedule valid (SPEC §4.1, §4.3): a state body of the
//! programme owes its information to the programme's board, on a cadence,
//! due some days after the period ends, with reminders before the due day
//! and while overdue. The administrator's API and `programme add` both
//! write schedules that pass this check.

use crate::{Cadence, Refusal, UnitId, UnitRef};

/// The longest wait after a period's end before its duty is due.
pub const MAX_DUE_DAYS_AFTER_END: u32 = 90;
/// The earliest reminder, in days before the due day.
pub const MAX_REMINDER_DAYS_BEFORE: u32 = 120;
/// The most reminders before the due day.
pub const MAX_REMINDERS_BEFORE: usize = 6;
/// The longest interval between overdue reminders (0 turns them off).
pub const MAX_OVERDUE_EVERY_DAYS: u32 = 90;

/// What an administrator sets on a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleSettings {
    /// Quarterly, monthly or yearly.
    pub cadence: Cadence,
    /// Days after the period's end (the due rule).
    pub due_days_after_end: u32,
    /// Days before the due day on which a reminder goes out.
    pub reminder_before_days: Vec<u32>,
    /// Every so many days while overdue; 0 for none.
    pub overdue_every_days: u32,
}

/// Whether `provider` may owe `recipient` a duty with `settings`: an active
/// state body toward an active board, the numbers within their ranges.
/// The first broken rule names its field.
pub fn check_schedule(
    provider: &UnitRef,
    recipient: &UnitRef,
    settings: &ScheduleSettings,
) -> Result<(), Refusal> {
    for unit in [provider, recipient] {
        if !unit.active {
            return Err(Refusal::UnitInactive {
                unit: unit.code.clone(),
            });
        }
    }
    if !provider.kind.owes_duties() {
        return Err(Refusal::InvalidInput { field: "provider" });
    }
    if !recipient.kind.receives_duties() {
        return Err(Refusal::InvalidInput { field: "recipient" });
    }
    if settings.due_days_after_end > MAX_DUE_DAYS_AFTER_END {
        return Err(Refusal::InvalidInput {
            field: "due_days_after_end",
        });
    }
    let days = &settings.reminder_before_days;
    let mut distinct = days.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let in_range = days
        .iter()
        .all(|d| (1..=MAX_REMINDER_DAYS_BEFORE).contains(d));
    if !in_range || distinct.len() != days.len() || days.len() > MAX_REMINDERS_BEFORE {
        return Err(Refusal::InvalidInput {
            field: "reminder_before_days",
        });
    }
    if settings.overdue_every_days > MAX_OVERDUE_EVERY_DAYS {
        return Err(Refusal::InvalidInput {
            field: "overdue_every_days",
        });
    }
    Ok(())
}

/// Whether a new schedule's `provider` and `recipient` are both parties of
/// its programme (`parties`): a programme binds only those who signed it.
/// The provider is judged first.
pub fn check_schedule_parties(
    provider: UnitId,
    recipient: UnitId,
    parties: &[UnitId],
) -> Result<(), Refusal> {
    for (unit, field) in [(provider, "provider"), (recipient, "recipient")] {
        if !parties.contains(&unit) {
            return Err(Refusal::InvalidInput { field });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    fn quarterly() -> ScheduleSettings {
        ScheduleSettings {
            cadence: Cadence::Quarterly,
            due_days_after_end: 10,
            reminder_before_days: vec![14, 3],
            overdue_every_days: 7,
        }
    }

    fn field(result: Result<(), Refusal>) -> &'static str {
        result.unwrap_err().field().expect("a field")
    }

    #[test]
    fn a_state_body_owes_a_board() {
        assert_eq!(
            check_schedule(&people_committee(), &board(), &quarterly()),
            Ok(())
        );
        assert_eq!(check_schedule(&court(), &board(), &quarterly()), Ok(()));
        assert_eq!(
            field(check_schedule(&front(), &board(), &quarterly())),
            "provider"
        );
        assert_eq!(
            field(check_schedule(
                &people_committee(),
                &committee(),
                &quarterly()
            )),
            "recipient"
        );
        assert!(matches!(
            check_schedule(&abolished_people_committee(), &board(), &quarterly()),
            Err(Refusal::UnitInactive { .. })
        ));
    }

    #[test]
    fn the_numbers_stay_in_their_ranges() {
        let pc = people_committee();
        let with = |change: fn(&mut ScheduleSettings)| {
            let mut s = quarterly();
            change(&mut s);
            check_schedule(&pc, &board(), &s)
        };
        assert_eq!(
            field(with(|s| s.due_days_after_end = 91)),
            "due_days_after_end"
        );
        assert_eq!(
            field(with(|s| s.reminder_before_days = vec![0])),
            "reminder_before_days"
        );
        assert_eq!(
            field(with(|s| s.reminder_before_days = vec![3, 3])),
            "reminder_before_days"
        );
        assert_eq!(
            field(with(|s| s.reminder_before_days = vec![121])),
            "reminder_before_days"
        );
        assert_eq!(
            field(with(|s| s.overdue_every_days = 91)),
            "overdue_every_days"
        );
        assert_eq!(with(|s| s.reminder_before_days = Vec::new()), Ok(()));
        assert_eq!(
            with(|s| s.overdue_every_days = 0),
            Ok(()),
            "0 turns them off"
        );
    }

    #[test]
    fn a_schedule_binds_only_parties_of_its_programme() {
        let parties = [UnitId(1), UnitId(2)];
        assert_eq!(
            check_schedule_parties(UnitId(2), UnitId(1), &parties),
            Ok(())
        );
        assert_eq!(
            field(check_schedule_parties(UnitId(3), UnitId(4), &parties)),
            "provider"
        );
        assert_eq!(
            field(check_schedule_parties(UnitId(2), UnitId(4), &parties)),
            "recipient"
        );
    }
}
