//! Opinion reports (SPEC §16, *báo cáo tình hình dư luận xã hội*): what a
//! collaborator sends, parsed into a typed report, and the rules of who
//! may file one, who reads it, and how a board officer turns one of its
//! items into a case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Cadence, HotspotRisk, Mood, OpinionReach, Period, Source};

mod access;
mod refusal;
#[cfg(test)]
mod tests;

pub use access::{
    FilerProfile, OpinionReportFacts, OpinionVisibility, check_case_from_item, check_opinion_filer,
    check_serving_filer, opinion_visibility,
};
pub use refusal::{ItemProblem, OpinionRefusal};

/// The most items one report holds.
pub const MAX_OPINION_ITEMS: usize = 30;
/// The longest summary of an item, in characters.
pub const MAX_OPINION_SUMMARY_CHARS: usize = 2000;
/// The longest category code accepted before it is looked up.
const MAX_CATEGORY_CHARS: usize = 64;

/// An opinion report as a client sends it (`POST /opinion-reports`):
/// codes as text, so that a bad one is refused naming its item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpinionReportInput {
    /// The area's code: one the collaborator covers, or below one.
    pub area: String,
    /// The month of a monthly report (`2026-11`), not after the current
    /// one; absent for a quick report.
    #[serde(default)]
    pub period: Option<String>,
    /// True for a quick report (*báo cáo nhanh*), sent at any time.
    #[serde(default)]
    pub quick: bool,
    /// The opinions, 1 to 30.
    pub items: Vec<OpinionItemInput>,
}

/// One opinion of a report as a client sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpinionItemInput {
    /// A category code (`land`, `environment`, …), an active one.
    pub category: String,
    /// What people say (non-blank, up to 2 000 characters).
    pub summary: String,
    /// `supportive`, `neutral`, `concerned` or `angry`.
    pub mood: String,
    /// `few`, `many` or `widespread`.
    pub reach: String,
    /// Where it was heard: a case source code (`direct`, `social_media`, …).
    pub source: String,
    /// Estimated number of people concerned.
    #[serde(default)]
    pub people_affected: Option<i64>,
}

/// Whether a report is the monthly one of a period or a quick one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// The monthly report of this month.
    Monthly(Period),
    /// A quick report.
    Quick,
}

impl ReportKind {
    /// The period's code (`2026-11`) of a monthly report.
    pub fn period_code(self) -> Option<String> {
        match self {
            ReportKind::Monthly(period) => Some(period.to_string()),
            ReportKind::Quick => None,
        }
    }
}

/// A report whose inputs are all well formed (the area and the
/// categories are still codes: the store resolves them).
#[derive(Debug, Clone, PartialEq)]
pub struct NewOpinionReport {
    /// The area's code, trimmed.
    pub area: String,
    /// Monthly or quick.
    pub kind: ReportKind,
    /// The items, in order; position = index + 1.
    pub items: Vec<NewOpinionItem>,
}

/// One well-formed item.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOpinionItem {
    /// The category code, trimmed.
    pub category: String,
    /// The summary, trimmed.
    pub summary: String,
    /// The mood.
    pub mood: Mood,
    /// The reach.
    pub reach: OpinionReach,
    /// The source.
    pub source: Source,
    /// People concerned.
    pub people_affected: Option<u32>,
}

impl NewOpinionReport {
    /// Parses what a client sent, `today` being the local date: the first
    /// fault found, in form order, is refused with the field (and the
    /// item) it is in.
    pub fn parse(input: OpinionReportInput, today: NaiveDate) -> Result<Self, OpinionRefusal> {
        let area = input.area.trim();
        if area.is_empty() {
            return Err(OpinionRefusal::MissingArea);
        }
        let period = input
            .period
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let kind = match (period, input.quick) {
            (None, true) => ReportKind::Quick,
            (Some(text), false) => ReportKind::Monthly(month(text, today)?),
            (Some(_), true) | (None, false) => return Err(OpinionRefusal::PeriodAndQuick),
        };
        if input.items.is_empty() {
            return Err(OpinionRefusal::NoItems);
        }
        if input.items.len() > MAX_OPINION_ITEMS {
            return Err(OpinionRefusal::TooManyItems {
                max: MAX_OPINION_ITEMS,
            });
        }
        let items = (1..)
            .zip(input.items)
            .map(|(position, item)| {
                parse_item(item).map_err(|problem| OpinionRefusal::Item { position, problem })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(NewOpinionReport {
            area: area.to_owned(),
            kind,
            items,
        })
    }
}

/// A month `YYYY-MM`, not after the month of `today`.
fn month(text: &str, today: NaiveDate) -> Result<Period, OpinionRefusal> {
    let period = report_month(text)?;
    if period > Period::containing(Cadence::Monthly, today) {
        return Err(OpinionRefusal::PeriodInFuture);
    }
    Ok(period)
}

/// The month of a monthly report, written `YYYY-MM` (as a filter of the
/// reports or on the form).
pub fn report_month(text: &str) -> Result<Period, OpinionRefusal> {
    let text = text.trim();
    let well_formed = text.len() == 7 && text.as_bytes()[4] == b'-';
    text.parse::<Period>()
        .ok()
        .filter(|p| well_formed && p.cadence() == Cadence::Monthly)
        .ok_or_else(|| OpinionRefusal::BadPeriod {
            text: text.to_owned(),
        })
}

fn parse_item(item: OpinionItemInput) -> Result<NewOpinionItem, ItemProblem> {
    let category = item.category.trim();
    if category.is_empty() {
        return Err(ItemProblem::MissingCategory);
    }
    if category.chars().count() > MAX_CATEGORY_CHARS {
        return Err(ItemProblem::UnknownCategory {
            code: category.chars().take(MAX_CATEGORY_CHARS).collect(),
        });
    }
    let summary = item.summary.trim();
    if summary.is_empty() {
        return Err(ItemProblem::BlankSummary);
    }
    if summary.chars().count() > MAX_OPINION_SUMMARY_CHARS {
        return Err(ItemProblem::SummaryTooLong {
            max: MAX_OPINION_SUMMARY_CHARS,
        });
    }
    let mood = Mood::from_code(item.mood.trim()).ok_or(ItemProblem::BadMood)?;
    let reach = OpinionReach::from_code(item.reach.trim()).ok_or(ItemProblem::BadReach)?;
    let source = Source::from_code(item.source.trim()).ok_or(ItemProblem::BadSource)?;
    let people_affected = match item.people_affected {
        None => None,
        Some(n) => Some(u32::try_from(n).map_err(|_| ItemProblem::BadPeopleAffected)?),
    };
    Ok(NewOpinionItem {
        category: category.to_owned(),
        summary: summary.to_owned(),
        mood,
        reach,
        source,
        people_affected,
    })
}

/// The hotspot risk of a case filed from an item, from how people feel
/// and how far it has spread: anger shared by many, or concern that has
/// spread widely, is high; anger among few, concern among many, or a
/// neutral opinion spread widely is medium; the rest is low.
pub fn hotspot_risk_of(mood: Mood, reach: OpinionReach) -> HotspotRisk {
    use Mood::{Angry, Concerned, Neutral};
    use OpinionReach::{Few, Many, Widespread};
    match (mood, reach) {
        (Angry, Many | Widespread) | (Concerned, Widespread) => HotspotRisk::High,
        (Angry, Few) | (Concerned, Many) | (Neutral, Widespread) => HotspotRisk::Medium,
        _ => HotspotRisk::Low,
    }
}

/// The title of a case filed from an item: the summary's first line, cut
/// at a word before `max` characters with an ellipsis.
pub fn case_title_from_summary(summary: &str, max: usize) -> String {
    let line = summary.lines().next().unwrap_or("").trim();
    if line.chars().count() <= max {
        return line.to_owned();
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}
