//! Orientation notices (SPEC §12): how long an acknowledgement link
//! works, and when a recipient that has not acknowledged is reminded and
//! the board copied. Pure: the store's sweep asks these functions.

use chrono::{DateTime, Duration, Utc};

use crate::{AreaId, Calendar, CaseState, Recipients, ReminderRecipients, UnitId};

/// How long the link in an orientation e-mail acknowledges the notice.
pub const ACKNOWLEDGEMENT_LINK_DAYS: i64 = 14;

/// Working days without an acknowledgement after which the board is
/// copied on the reminder.
pub const COPY_BOARD_AFTER_WORKING_DAYS: i64 = 3;

/// Until when the links of a notice sent at `sent_at` work; a reminder
/// carries a fresh link that ends then too.
pub fn acknowledgement_expires(sent_at: DateTime<Utc>) -> DateTime<Utc> {
    sent_at + Duration::days(ACKNOWLEDGEMENT_LINK_DAYS)
}

/// Whether an orientation notice e-mailed in a past that was loaded rather
/// than lived (the demo's history, an import) is still owed to its
/// recipient once that past is closed: while the recipient has not
/// acknowledged it and the case is open. The directed communication of a
/// closed, dismissed or merged case is over; every other e-mail of such a
/// past is history and is not sent.
pub fn notice_still_owed(acknowledged: bool, case: CaseState) -> bool {
    !acknowledged && case.is_open()
}

/// The reminder due on the local day of `now` to a recipient sent a
/// notice at `sent_at` that has not acknowledged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrientationReminder {
    /// Working days since the notice was sent (1 or more).
    pub working_days: i64,
    /// Whether the board is copied.
    pub copy_board: bool,
}

/// The reminder due today, if any: from the first working day after the
/// notice was sent, on every working day, while its links still work
/// ([`ACKNOWLEDGEMENT_LINK_DAYS`]); the board is copied from the
/// [`COPY_BOARD_AFTER_WORKING_DAYS`]-th working day on. The store keys a
/// reminder by the local day, so it goes at most once a day.
pub fn orientation_reminder(
    sent_at: DateTime<Utc>,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Option<OrientationReminder> {
    if now >= acknowledgement_expires(sent_at) {
        return None;
    }
    let today = calendar.local_date(now);
    if !calendar.is_working_day(today) {
        return None;
    }
    let working_days = calendar.working_days_between(calendar.local_date(sent_at), today);
    (working_days >= 1).then_some(OrientationReminder {
        working_days,
        copy_board: working_days >= COPY_BOARD_AFTER_WORKING_DAYS,
    })
}

/// Who a reminder goes to: the recipient unit (its liaisons and its own
/// address), and from the copying day on the board officers over the
/// case's area.
pub fn orientation_reminder_recipients(
    reminder: OrientationReminder,
    unit: UnitId,
    area: AreaId,
) -> ReminderRecipients {
    ReminderRecipients {
        to: vec![Recipients::Unit { unit }],
        copies: if reminder.copy_board {
            vec![Recipients::Board { area }]
        } else {
            Vec::new()
        },
        // A unit with no address shows `failed` (`no_address`) on the
        // notice from the day it was issued.
        unreached: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{at, policy};

    fn due(sent: &str, now: &str) -> Option<OrientationReminder> {
        orientation_reminder(at(sent), at(now), &policy().calendar)
    }

    #[test]
    fn a_loaded_notice_is_owed_while_unacknowledged_on_an_open_case() {
        assert!(notice_still_owed(false, CaseState::Oriented));
        assert!(notice_still_owed(false, CaseState::Escalated));
        assert!(!notice_still_owed(true, CaseState::Oriented));
        for over in [CaseState::Closed, CaseState::Dismissed, CaseState::Merged] {
            assert!(!notice_still_owed(false, over), "{over:?}");
        }
    }

    // 2026-03-02 is a Monday; Asia/Ho_Chi_Minh is UTC+7.
    #[test]
    fn nothing_is_due_on_the_day_the_notice_was_sent() {
        assert_eq!(due("2026-03-02T02:00:00Z", "2026-03-02T09:00:00Z"), None);
    }

    #[test]
    fn the_first_reminder_is_due_the_next_working_day_without_copy() {
        assert_eq!(
            due("2026-03-02T02:00:00Z", "2026-03-03T01:00:00Z"),
            Some(OrientationReminder {
                working_days: 1,
                copy_board: false
            })
        );
    }

    #[test]
    fn a_notice_sent_on_friday_is_first_reminded_on_monday() {
        assert_eq!(due("2026-03-06T02:00:00Z", "2026-03-07T02:00:00Z"), None);
        assert_eq!(due("2026-03-06T02:00:00Z", "2026-03-08T02:00:00Z"), None);
        assert_eq!(
            due("2026-03-06T02:00:00Z", "2026-03-09T02:00:00Z").map(|r| r.working_days),
            Some(1)
        );
    }

    #[test]
    fn the_board_is_copied_from_the_third_working_day() {
        let second = due("2026-03-02T02:00:00Z", "2026-03-04T02:00:00Z").unwrap();
        assert_eq!((second.working_days, second.copy_board), (2, false));
        let third = due("2026-03-02T02:00:00Z", "2026-03-05T02:00:00Z").unwrap();
        assert_eq!((third.working_days, third.copy_board), (3, true));
        let r = orientation_reminder_recipients(third, UnitId(11), AreaId(2));
        assert_eq!(r.to, vec![Recipients::Unit { unit: UnitId(11) }]);
        assert_eq!(r.copies, vec![Recipients::Board { area: AreaId(2) }]);
        let r = orientation_reminder_recipients(second, UnitId(11), AreaId(2));
        assert!(r.copies.is_empty());
    }

    #[test]
    fn the_local_day_counts_not_the_utc_one() {
        // 23:30 UTC on Monday is already Tuesday in Hà Nội.
        assert_eq!(
            due("2026-03-02T02:00:00Z", "2026-03-02T23:30:00Z").map(|r| r.working_days),
            Some(1)
        );
    }

    #[test]
    fn reminders_stop_when_the_links_expire() {
        assert!(due("2026-03-02T02:00:00Z", "2026-03-16T01:00:00Z").is_some());
        assert_eq!(due("2026-03-02T02:00:00Z", "2026-03-16T02:00:00Z"), None);
    }
}
