//! How often "forgot password" may be asked (SPEC §9): a fixed window per
//! e-mail address (no inbox flooded with links) and per client address (no
//! one sweeping through addresses). The rule is pure; the store keeps the
//! counts in the database so that every replica applies the same one (§8).

use chrono::{DateTime, TimeDelta, Utc};

/// At most `max` requests per window of `length` for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLimit {
    /// Requests served in one window.
    pub max: u32,
    /// How long a window lasts from its first request.
    pub length: TimeDelta,
}

/// What to do with a request under a [`RequestLimit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitDecision {
    /// Serve it and count it; `restart`: the last window is over (or there
    /// was none) and a new one starts with this request.
    Count {
        /// Whether a new window starts now.
        restart: bool,
    },
    /// Refuse it (HTTP 429) without counting it.
    Refuse {
        /// When the window ends.
        retry_after: TimeDelta,
    },
}

impl RequestLimit {
    /// The decision for a request at `now`, `counted` requests having been
    /// served in the window that started at `started`.
    pub fn decide(
        &self,
        counted: u32,
        started: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> LimitDecision {
        match started {
            Some(started) if now - started < self.length => {
                if counted >= self.max {
                    LimitDecision::Refuse {
                        retry_after: self.length - (now - started),
                    }
                } else {
                    LimitDecision::Count { restart: false }
                }
            }
            _ => LimitDecision::Count { restart: true },
        }
    }
}

/// The limits of password-reset requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResetRequestLimits {
    /// Per e-mail address asked for, whether or not it has an account (so
    /// that a refusal tells nothing either).
    pub per_address: RequestLimit,
    /// Per client address: generous, since an office may share one.
    pub per_client: RequestLimit,
}

impl Default for ResetRequestLimits {
    fn default() -> ResetRequestLimits {
        ResetRequestLimits {
            per_address: RequestLimit {
                max: 3,
                length: TimeDelta::hours(1),
            },
            per_client: RequestLimit {
                max: 10,
                length: TimeDelta::hours(1),
            },
        }
    }
}

impl ResetRequestLimits {
    /// Counts whose window started before this time no longer count at
    /// `now`: their records may be removed.
    pub fn forgotten_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.per_address.length.max(self.per_client.length)
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

    fn limit() -> RequestLimit {
        ResetRequestLimits::default().per_address
    }

    #[test]
    fn the_first_request_starts_a_window() {
        assert_eq!(
            limit().decide(0, None, now()),
            LimitDecision::Count { restart: true }
        );
    }

    #[test]
    fn requests_up_to_the_maximum_are_served_within_the_window() {
        let started = now() - TimeDelta::minutes(10);
        for counted in 1..3 {
            assert_eq!(
                limit().decide(counted, Some(started), now()),
                LimitDecision::Count { restart: false }
            );
        }
    }

    #[test]
    fn one_more_is_refused_until_the_window_ends() {
        let started = now() - TimeDelta::minutes(10);
        assert_eq!(
            limit().decide(3, Some(started), now()),
            LimitDecision::Refuse {
                retry_after: TimeDelta::minutes(50)
            }
        );
    }

    #[test]
    fn after_the_window_a_new_one_starts() {
        let started = now() - TimeDelta::hours(1);
        assert_eq!(
            limit().decide(3, Some(started), now()),
            LimitDecision::Count { restart: true }
        );
    }

    #[test]
    fn counts_are_forgotten_after_the_longest_window() {
        let limits = ResetRequestLimits::default();
        assert_eq!(limits.forgotten_before(now()), now() - TimeDelta::hours(1));
    }
}
