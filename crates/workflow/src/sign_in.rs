//! How sign-in slows down repeated failures (SPEC §9): the rule is pure;
//! the store keeps the count per e-mail and address in the database so
//! that every replica applies the same one (§8). The same rule throttles
//! guesses of the current password when a user changes it (counted per
//! user).
//!
//! An attempt is counted *before* its password is checked, in one
//! statement ([`SignInThrottle::count_attempt`] says what it computes),
//! and decided from the count that statement returns
//! ([`SignInThrottle::decide_counted`]): parallel guesses each see the ones
//! before them, so no more than `max_failures` passwords are ever checked
//! in a row. A success removes the count.

use chrono::{DateTime, TimeDelta, Utc};

/// The throttle of failed sign-ins for one e-mail from one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    /// Failures answered at once; a user mistypes.
    pub free_failures: u32,
    /// Failures after which sign-in is refused (HTTP 429) until `lockout`
    /// has passed since the last one.
    pub max_failures: u32,
    /// The delay after the first failure past the free ones; it doubles
    /// with each further failure.
    pub base_delay: TimeDelta,
    /// How long the count is kept after the last failure, and how long a
    /// refusal lasts.
    pub lockout: TimeDelta,
}

/// What to do with a sign-in attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleDecision {
    /// Check the password after waiting `delay`.
    Proceed {
        /// How long to wait before answering.
        delay: TimeDelta,
    },
    /// Refuse without checking the password.
    Refuse {
        /// When trying again makes sense.
        retry_after: TimeDelta,
    },
}

/// The attempts counted for one key: how many, and when the last one that
/// was not refused was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempts {
    /// Attempts since the count last started (refused ones included).
    pub count: u32,
    /// When the last attempt that was not refused was counted.
    pub last: DateTime<Utc>,
}

impl Default for SignInThrottle {
    fn default() -> SignInThrottle {
        SignInThrottle {
            free_failures: 2,
            max_failures: 5,
            base_delay: TimeDelta::milliseconds(500),
            lockout: TimeDelta::minutes(15),
        }
    }
}

impl SignInThrottle {
    /// Failures last seen at or before this time no longer count at `now`:
    /// their records may be removed.
    pub fn forgotten_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.lockout
    }

    /// The count after one more attempt at `now`, given the count before
    /// it (none: never counted, or removed). A forgotten count (see
    /// [`forgotten_before`](Self::forgotten_before)) starts again at one.
    /// An attempt that will be refused is counted but leaves `last` alone:
    /// trying again while refused does not lengthen the refusal.
    ///
    /// The store computes this in one statement (an insert or increment
    /// returning the new count) so that parallel attempts are counted one
    /// after the other; this function is its specification.
    pub fn count_attempt(&self, before: Option<Attempts>, now: DateTime<Utc>) -> Attempts {
        match before {
            Some(before) if before.last > self.forgotten_before(now) => Attempts {
                count: before.count.saturating_add(1),
                last: if before.count < self.max_failures {
                    now
                } else {
                    before.last
                },
            },
            _ => Attempts {
                count: 1,
                last: now,
            },
        }
    }

    /// The decision for an attempt already counted by
    /// [`count_attempt`](Self::count_attempt): `counted` includes it, so the
    /// attempts before it are one fewer.
    pub fn decide_counted(&self, counted: Attempts, now: DateTime<Utc>) -> ThrottleDecision {
        self.decide(counted.count.saturating_sub(1), Some(counted.last), now)
    }

    /// The failures that still count at `now`: none once `lockout` has
    /// passed since the last one.
    pub fn live_failures(
        &self,
        failures: u32,
        last: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> u32 {
        match last {
            Some(last) if last > self.forgotten_before(now) => failures,
            _ => 0,
        }
    }

    /// The decision for an attempt after `failures` failures, the last at
    /// `last`.
    pub fn decide(
        &self,
        failures: u32,
        last: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> ThrottleDecision {
        let failures = self.live_failures(failures, last, now);
        if failures >= self.max_failures {
            let retry_after = last.map_or(self.lockout, |last| self.lockout - (now - last));
            return ThrottleDecision::Refuse { retry_after };
        }
        let over = failures.saturating_sub(self.free_failures);
        let delay = if over == 0 {
            TimeDelta::zero()
        } else {
            self.base_delay * 2i32.pow(over.min(8) - 1)
        };
        ThrottleDecision::Proceed { delay }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn delay(failures: u32) -> ThrottleDecision {
        SignInThrottle::default().decide(failures, Some(now()), now())
    }

    #[test]
    fn the_first_failures_are_answered_at_once() {
        for n in 0..=2 {
            assert_eq!(
                delay(n),
                ThrottleDecision::Proceed {
                    delay: TimeDelta::zero()
                }
            );
        }
    }

    #[test]
    fn further_failures_double_the_delay() {
        assert_eq!(
            delay(3),
            ThrottleDecision::Proceed {
                delay: TimeDelta::milliseconds(500)
            }
        );
        assert_eq!(
            delay(4),
            ThrottleDecision::Proceed {
                delay: TimeDelta::seconds(1)
            }
        );
    }

    #[test]
    fn too_many_failures_are_refused_until_the_lockout_passes() {
        let throttle = SignInThrottle::default();
        let last = now() - TimeDelta::minutes(5);
        assert_eq!(
            throttle.decide(5, Some(last), now()),
            ThrottleDecision::Refuse {
                retry_after: TimeDelta::minutes(10)
            }
        );
        let long_ago = now() - TimeDelta::minutes(16);
        assert_eq!(
            throttle.decide(5, Some(long_ago), now()),
            ThrottleDecision::Proceed {
                delay: TimeDelta::zero()
            }
        );
    }

    fn counted(throttle: &SignInThrottle, attempts: u32, at: DateTime<Utc>) -> Option<Attempts> {
        (0..attempts).fold(None, |before, _| Some(throttle.count_attempt(before, at)))
    }

    #[test]
    fn parallel_attempts_counted_one_after_the_other_check_at_most_max_failures_passwords() {
        let throttle = SignInThrottle::default();
        let mut before = None;
        let mut checked = 0;
        for _ in 0..30 {
            let counted = throttle.count_attempt(before, now());
            before = Some(counted);
            if let ThrottleDecision::Proceed { .. } = throttle.decide_counted(counted, now()) {
                checked += 1;
            }
        }
        assert_eq!(checked, throttle.max_failures);
        assert_eq!(before.map(|a| a.count), Some(30));
    }

    #[test]
    fn a_counted_attempt_is_decided_like_one_after_the_failures_before_it() {
        let throttle = SignInThrottle::default();
        for n in 0..8 {
            let counted = throttle.count_attempt(counted(&throttle, n, now()), now());
            assert_eq!(
                throttle.decide_counted(counted, now()),
                throttle.decide(n, Some(now()), now()),
                "after {n} failures"
            );
        }
    }

    #[test]
    fn retrying_while_refused_does_not_lengthen_the_refusal() {
        let throttle = SignInThrottle::default();
        let first = now() - TimeDelta::minutes(5);
        let before = counted(&throttle, 5, first);
        let refused = throttle.count_attempt(before, now());
        assert_eq!(
            refused,
            Attempts {
                count: 6,
                last: first
            }
        );
        assert_eq!(
            throttle.decide_counted(refused, now()),
            ThrottleDecision::Refuse {
                retry_after: TimeDelta::minutes(10)
            }
        );
    }

    #[test]
    fn a_count_is_forgotten_once_the_lockout_has_passed_since_its_last_attempt() {
        let throttle = SignInThrottle::default();
        let before = counted(&throttle, 9, now() - throttle.lockout);
        assert_eq!(
            throttle.count_attempt(before, now()),
            Attempts {
                count: 1,
                last: now()
            }
        );
        let before = counted(
            &throttle,
            9,
            now() - throttle.lockout + TimeDelta::seconds(1),
        );
        assert_eq!(throttle.count_attempt(before, now()).count, 10);
    }
}
