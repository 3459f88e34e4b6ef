//! The daily reminder digest (SPEC §14): how a due time stands at the
//! moment the e-mail is built ([`due_words`]), and the order a digest
//! lists its items in ([`digest_sections`]): overdue first, then what is
//! due today, then what comes up, each group by due time. Both are
//! computed when the scheduler renders the digest, not when the sweep
//! found the reminder, so a digest sent late still tells the truth.

use chrono::{DateTime, Utc};

use crate::Calendar;

#[cfg(test)]
mod tests;

/// How a due time stands at a moment, in the words a reminder says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueWords {
    /// Due on a later day, with so many working days left (at least 1:
    /// the day itself is still there to act on).
    WorkingDaysLeft(u32),
    /// Due later today.
    Today,
    /// The due time passed earlier today.
    PassedToday,
    /// The due day is so many calendar days behind (at least 1).
    Overdue(u32),
}

/// The group of a digest an item is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DigestGroup {
    /// Past its due time: listed first.
    Overdue,
    /// Due later today.
    Today,
    /// Due on a later day.
    Upcoming,
}

impl DueWords {
    /// The group this standing is listed in.
    pub fn group(self) -> DigestGroup {
        match self {
            DueWords::Overdue(_) | DueWords::PassedToday => DigestGroup::Overdue,
            DueWords::Today => DigestGroup::Today,
            DueWords::WorkingDaysLeft(_) => DigestGroup::Upcoming,
        }
    }
}

/// How `due_at` stands at `now` on `calendar` (local days): working days
/// left until a later due day (counted as deadlines are: the days after
/// today up to the due day that are working days), due today, passed
/// earlier today, or so many calendar days overdue.
pub fn due_words(due_at: DateTime<Utc>, now: DateTime<Utc>, calendar: &Calendar) -> DueWords {
    let today = calendar.local_date(now);
    let due_day = calendar.local_date(due_at);
    if due_day > today {
        let left = calendar.working_days_between(today, due_day).max(1);
        DueWords::WorkingDaysLeft(u32::try_from(left).unwrap_or(u32::MAX))
    } else if due_day == today {
        if now <= due_at {
            DueWords::Today
        } else {
            DueWords::PassedToday
        }
    } else {
        let days = (today - due_day).num_days().max(1);
        DueWords::Overdue(u32::try_from(days).unwrap_or(u32::MAX))
    }
}

/// One reminder offered to a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestLine<T> {
    /// What it is about (`duty:12`, `case:5:answer`): a digest lists one
    /// item per subject, the one given last, since a later step of the
    /// same deadline may wait with an earlier one.
    pub subject: String,
    /// The due time it reminds of.
    pub due_at: DateTime<Utc>,
    /// The rest, as the caller needs it.
    pub item: T,
}

/// One group of a digest, its items in the order they are listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSection<T> {
    /// Which group.
    pub group: DigestGroup,
    /// Each item with its words at `now`.
    pub items: Vec<(DueWords, T)>,
}

/// The sections of a digest built at `now`: one item per subject, grouped
/// overdue, today, upcoming (empty groups left out), each group by due
/// time, the earliest first (the longest overdue leads).
pub fn digest_sections<T>(
    lines: Vec<DigestLine<T>>,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Vec<DigestSection<T>> {
    let mut latest: Vec<DigestLine<T>> = Vec::with_capacity(lines.len());
    for line in lines {
        match latest.iter_mut().find(|l| l.subject == line.subject) {
            Some(slot) => *slot = line,
            None => latest.push(line),
        }
    }
    latest.sort_by(|a, b| (a.due_at, a.subject.as_str()).cmp(&(b.due_at, b.subject.as_str())));
    let mut sections: Vec<DigestSection<T>> = Vec::new();
    for line in latest {
        let words = due_words(line.due_at, now, calendar);
        let group = words.group();
        match sections.iter_mut().find(|s| s.group == group) {
            Some(section) => section.items.push((words, line.item)),
            None => sections.push(DigestSection {
                group,
                items: vec![(words, line.item)],
            }),
        }
    }
    sections.sort_by_key(|s| s.group);
    sections
}
