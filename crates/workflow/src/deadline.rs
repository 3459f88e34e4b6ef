//! Deadlines (SPEC §3.4): how long each step may take, by priority, and the
//! instant plus the rule and calendar version that produced it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Calendar, Priority};

/// A length of time as the config writes it: `4h` (clock hours), `2wd`
/// (working days), `10d` (calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DeadlineSpec {
    /// Clock hours from the event.
    Hours(u32),
    /// Working days, counted from the day after the event, ending at the end
    /// of the last one (BLDS 2015 arts. 147–148).
    WorkingDays(u32),
    /// Calendar days from the day after the event; a limit ending on a
    /// non-working day moves to the end of the next working day.
    CalendarDays(u32),
}

/// A deadline with the rule and calendar version that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The last instant that is still on time.
    pub at: DateTime<Utc>,
    /// The rule that produced it.
    pub rule: DeadlineRule,
}

/// What produced a deadline: the spec and the calendar version, or an
/// explicit override by the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineRule {
    /// Computed from a spec on a calendar version.
    Computed {
        /// The length.
        spec: DeadlineSpec,
        /// The calendar version used, e.g. `2026-official`.
        calendar_version: String,
    },
    /// Set explicitly (the `answer_due` override of `accept`).
    Override,
}

/// One deadline length per priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByPriority {
    /// For `urgent`.
    pub urgent: DeadlineSpec,
    /// For `high`.
    pub high: DeadlineSpec,
    /// For `normal`.
    pub normal: DeadlineSpec,
}

/// The deadline defaults of §3.4 (configurable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlinePolicy {
    /// From `file` to triage.
    pub triage: ByPriority,
    /// From `accept` to the written answer.
    pub answer: ByPriority,
    /// From `accept` to the resolution.
    pub resolution: ByPriority,
}

impl ByPriority {
    /// The spec for a priority.
    pub fn get(&self, priority: Priority) -> DeadlineSpec {
        match priority {
            Priority::Urgent => self.urgent,
            Priority::High => self.high,
            Priority::Normal => self.normal,
        }
    }
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        use DeadlineSpec::{Hours, WorkingDays};
        DeadlinePolicy {
            triage: ByPriority { urgent: Hours(4), high: WorkingDays(1), normal: WorkingDays(2) },
            answer: ByPriority { urgent: WorkingDays(1), high: WorkingDays(3), normal: WorkingDays(5) },
            resolution: ByPriority {
                urgent: WorkingDays(10),
                high: WorkingDays(20),
                normal: WorkingDays(30),
            },
        }
    }
}

impl Deadline {
    /// Computes the deadline `spec` after `start` on `calendar`.
    pub fn compute(start: DateTime<Utc>, spec: DeadlineSpec, calendar: &Calendar) -> Deadline {
        let _ = (start, spec, calendar);
        todo!("helper: end of the counted period per §3.4")
    }

    /// Past due at `now` (strictly after the last on-time instant).
    pub fn is_passed(&self, now: DateTime<Utc>) -> bool {
        now > self.at
    }

    /// A short text of the rule for storage and display, e.g.
    /// `2wd@2026-official` or `override`; [`DeadlineRule::parse`] reads it back.
    pub fn rule_label(&self) -> String {
        self.rule.label()
    }
}

impl DeadlineRule {
    /// See [`Deadline::rule_label`].
    pub fn label(&self) -> String {
        match self {
            DeadlineRule::Computed { spec, calendar_version } => format!("{}@{calendar_version}", String::from(*spec)),
            DeadlineRule::Override => "override".to_owned(),
        }
    }

    /// Reads a label written by [`DeadlineRule::label`].
    pub fn parse(label: &str) -> Option<DeadlineRule> {
        if label == "override" {
            return Some(DeadlineRule::Override);
        }
        let (spec, version) = label.split_once('@')?;
        let spec = DeadlineSpec::try_from(spec.to_owned()).ok()?;
        Some(DeadlineRule::Computed { spec, calendar_version: version.to_owned() })
    }
}

impl From<DeadlineSpec> for String {
    fn from(spec: DeadlineSpec) -> String {
        match spec {
            DeadlineSpec::Hours(n) => format!("{n}h"),
            DeadlineSpec::WorkingDays(n) => format!("{n}wd"),
            DeadlineSpec::CalendarDays(n) => format!("{n}d"),
        }
    }
}

impl TryFrom<String> for DeadlineSpec {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let t = text.trim();
        let (digits, ctor): (&str, fn(u32) -> DeadlineSpec) = if let Some(d) = t.strip_suffix("wd") {
            (d, DeadlineSpec::WorkingDays)
        } else if let Some(d) = t.strip_suffix('h') {
            (d, DeadlineSpec::Hours)
        } else if let Some(d) = t.strip_suffix('d') {
            (d, DeadlineSpec::CalendarDays)
        } else {
            return Err(format!("«{text}»: expected a length like 4h, 2wd or 10d"));
        };
        digits
            .parse::<u32>()
            .map(ctor)
            .map_err(|_| format!("«{text}»: expected a length like 4h, 2wd or 10d"))
    }
}
