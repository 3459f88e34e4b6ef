//! What the monthly opinion bulletin (*bản tin dư luận xã hội*, SPEC §16)
//! puts first: the month's top concerns by category and area, and the
//! share of each mood. The rules are here so that the page, the document
//! and the e-mail rank and round alike.

use crate::{AreaId, Mood, OpinionReach, Period};

#[cfg(test)]
mod tests;

/// How many concerns a bulletin lists: a leader reads the first few.
pub const BULLETIN_CONCERNS: usize = 5;

/// One opinion item of the month, as the bulletin counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionLine {
    /// Category code.
    pub category: String,
    /// The area of its report.
    pub area: AreaId,
    /// The mood of the people it speaks for.
    pub mood: Mood,
    /// How far it has spread.
    pub reach: OpinionReach,
}

/// A concern: the items of one category in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concern {
    /// Category code.
    pub category: String,
    /// The area.
    pub area: AreaId,
    /// Items reported.
    pub items: u32,
    /// Of which concerned or angry.
    pub troubled: u32,
    /// Of which widespread.
    pub widespread: u32,
}

/// The concerns of `items`, the most troubling first: by items concerned
/// or angry, then widespread ones, then all items (a concern many people
/// share but few are upset by comes after one that angers); at most
/// `limit`. Ties keep a stable order (category, then area).
pub fn top_concerns(items: &[OpinionLine], limit: usize) -> Vec<Concern> {
    let mut concerns: Vec<Concern> = Vec::new();
    for item in items {
        let at = match (concerns.iter())
            .position(|c| c.category == item.category && c.area == item.area)
        {
            Some(at) => at,
            None => {
                concerns.push(Concern {
                    category: item.category.clone(),
                    area: item.area,
                    items: 0,
                    troubled: 0,
                    widespread: 0,
                });
                concerns.len() - 1
            }
        };
        let c = &mut concerns[at];
        c.items += 1;
        c.troubled += u32::from(matches!(item.mood, Mood::Concerned | Mood::Angry));
        c.widespread += u32::from(item.reach == OpinionReach::Widespread);
    }
    concerns.sort_by(|a, b| {
        (b.troubled, b.widespread, b.items)
            .cmp(&(a.troubled, a.widespread, a.items))
            .then_with(|| (&a.category, a.area.0).cmp(&(&b.category, b.area.0)))
    });
    concerns.truncate(limit);
    concerns
}

/// Each mood with its count and its share in whole percent, in the order
/// of [`Mood::ALL`]; the shares add up to 100 when there is any item
/// (largest remainders are rounded up), and are all 0 when there is none.
pub fn mood_shares(items: &[OpinionLine]) -> Vec<(Mood, u32, u32)> {
    let counts: Vec<u32> = (Mood::ALL.iter())
        .map(|m| items.iter().filter(|i| i.mood == *m).count() as u32)
        .collect();
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return Mood::ALL.iter().map(|m| (*m, 0, 0)).collect();
    }
    let mut shares: Vec<u32> = counts.iter().map(|c| c * 100 / total).collect();
    let mut left = 100 - shares.iter().sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..counts.len()).collect();
    by_remainder.sort_by_key(|i| std::cmp::Reverse(counts[*i] * 100 % total));
    for i in by_remainder {
        if left == 0 {
            break;
        }
        if !(counts[i] * 100).is_multiple_of(total) {
            shares[i] += 1;
            left -= 1;
        }
    }
    (Mood::ALL.iter().zip(counts).zip(shares))
        .map(|((m, c), s)| (*m, c, s))
        .collect()
}

/// The month a bulletin made on `today` is of: the month before. A
/// bulletin is compiled once its month has ended.
pub fn bulletin_month(today: chrono::NaiveDate) -> Period {
    Period::containing(crate::Cadence::Monthly, today).prev()
}

/// The month whose bulletin is due to the leaders at the local time
/// `local`: from `send_hour` on the `day` of each month (1–28, so that
/// every month has it) until the month ends, the month before; none
/// earlier in the month. The outbox's key makes it once per leader.
pub fn bulletin_due(local: chrono::NaiveDateTime, day: u32, send_hour: u32) -> Option<Period> {
    use chrono::{Datelike, Timelike};
    let on = (local.day(), local.hour());
    (on.0 > day || (on.0 == day && on.1 >= send_hour)).then(|| bulletin_month(local.date()))
}
