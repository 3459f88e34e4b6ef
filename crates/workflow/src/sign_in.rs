//! How sign-in slows down repeated failures (SPEC §9): the rule is pure;
//! the store keeps the count per e-mail and address in the database so
//! that every replica applies the same one (§8).

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
    /// Failures last seen before this time no longer count at `now`: their
    /// records may be removed.
    pub fn forgotten_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.lockout
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
            Some(last) if now - last < self.lockout => failures,
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
}
