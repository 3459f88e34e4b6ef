//! The planner's estimates of how many cases hold a word, kept for a
//! while by each server.
//!
//! A search asks for one estimate for each word it weighs a probe on
//! (`EXPLAIN`, a statement each): three statements of the thirteen an
//! average W4 search sent at 10 k cases, ~15 % of the database's time
//! (docs/benchmarks.md). They come from the statistics `ANALYZE` keeps,
//! which change when autovacuum analyses the table, not between two
//! searches, and they only choose between two ways to the same results:
//! an estimate some minutes old costs nothing but, at worst, a slower
//! plan.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::cases::search::Tier;

/// How long an estimate is used before it is asked for again.
const KEPT_FOR: Duration = Duration::from_secs(600);

/// The most words kept; past it the oldest half is dropped.
const MAX_WORDS: usize = 10_000;

/// Estimates by tier and word (a `to_tsquery` word or prefix).
#[derive(Debug, Default)]
pub(crate) struct WordEstimates {
    kept: Mutex<HashMap<(Tier, String), (f64, Instant)>>,
}

impl WordEstimates {
    /// The estimate kept for `word` in `tier`, if asked for less than
    /// [`KEPT_FOR`] before `now`.
    pub(super) fn get(&self, tier: Tier, word: &str, now: Instant) -> Option<f64> {
        let kept = self.kept.lock().ok()?;
        let (rows, at) = kept.get(&(tier, word.to_owned()))?;
        (now.saturating_duration_since(*at) < KEPT_FOR).then_some(*rows)
    }

    /// Keeps `rows` as the estimate for `word` in `tier`, asked for at `now`.
    pub(super) fn put(&self, tier: Tier, word: &str, rows: f64, now: Instant) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.len() >= MAX_WORDS {
            let mut ages: Vec<Instant> = kept.values().map(|(_, at)| *at).collect();
            ages.sort_unstable();
            let cut = ages[ages.len() / 2];
            kept.retain(|_, (_, at)| *at > cut);
        }
        kept.insert((tier, word.to_owned()), (rows, now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimate_is_kept_for_ten_minutes_per_tier() {
        let estimates = WordEstimates::default();
        let now = Instant::now();
        estimates.put(Tier::Title, "thau", 50.0, now);
        assert_eq!(estimates.get(Tier::Title, "thau", now), Some(50.0));
        assert_eq!(estimates.get(Tier::Rest, "thau", now), None);
        assert_eq!(estimates.get(Tier::Title, "thau", now + KEPT_FOR), None);
    }

    #[test]
    fn past_the_limit_the_oldest_half_goes() {
        let estimates = WordEstimates::default();
        let start = Instant::now();
        for i in 0..MAX_WORDS {
            let at = start + Duration::from_millis(i as u64);
            estimates.put(Tier::Title, &i.to_string(), 1.0, at);
        }
        let later = start + Duration::from_secs(20);
        estimates.put(Tier::Title, "new", 1.0, later);
        assert_eq!(estimates.get(Tier::Title, "0", later), None);
        assert_eq!(estimates.get(Tier::Title, "new", later), Some(1.0));
        assert!(estimates.kept.lock().unwrap().len() <= MAX_WORDS / 2 + 1);
    }
}
