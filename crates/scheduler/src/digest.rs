//! The daily digest of an address's reminders (SPEC §14), built when it
//! is sent: the items whose reason still holds (`Store::digest_items`),
//! each with its words at that moment (`workflow::due_words`), grouped
//! and ordered by `workflow::digest_sections`. The sentence of one item
//! is made in one place, [`Item::text`].

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;
use store::reminders::{CASE_REMINDER, DUTY_REMINDER, DigestItem, OPINION_REPORT_REMINDER};
use workflow::{Calendar, DeadlineKind, DigestGroup, DigestLine, DueWords, Lang, Tr};

use crate::render::RenderError;

/// The digest e-mail as its templates read it.
#[derive(Debug, Clone)]
pub(crate) struct Digest {
    pub lang: Lang,
    /// Whom it greets: the user, or the unit of a unit's own address.
    pub reader: String,
    /// The local day it is the digest of, `dd/mm/yyyy`.
    pub day: String,
    /// Items listed.
    pub count: usize,
    /// Overdue, due today, coming up; empty ones left out.
    pub groups: Vec<Group>,
    /// The names of the units nobody could remind, joined; empty if none.
    pub unreached: String,
}

/// One group of a digest.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub heading: &'static str,
    pub lines: Vec<Line>,
}

/// One item of a digest.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Whose it is, how it stands, what it is.
    pub text: String,
    /// Its addressee could not be reminded.
    pub unreached: bool,
    /// The words of its link.
    pub link_words: &'static str,
    /// The duty's or the case's page.
    pub link: String,
}

/// A reminder as a digest lists it, read from its item's payload.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Duty(DutyItem),
    Case(CaseItem),
    Opinion(OpinionItem),
}

/// A monthly opinion report's payload (§16): the collaborator's own.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct OpinionItem {
    /// The collaborator's name.
    pub name: String,
    /// The month, `2026-11`.
    pub period: String,
    pub due_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub unreached: bool,
}

/// A duty item's payload, as `store::reminders` writes it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct DutyItem {
    pub duty_id: i64,
    /// The duty's kind; absent from items written before kinds were read.
    #[serde(default)]
    pub duty_kind: Option<String>,
    /// The duty's period as stored (e.g. `2026-Q4`).
    pub period: String,
    /// The case of a trial duty.
    #[serde(default)]
    pub case_code: Option<String>,
    /// An ad-hoc request's topic.
    #[serde(default)]
    pub topic: Option<String>,
    /// The providing unit: whose duty it is.
    pub unit_name: String,
    pub board_name: String,
    pub due_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub unreached: bool,
}

/// A case deadline item's payload.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CaseItem {
    pub case_code: String,
    pub title: String,
    /// The deadline's code.
    pub deadline: String,
    /// The lead unit; none when the board holds the deadline (triage, or
    /// no lead unit yet).
    #[serde(default)]
    pub holder: Option<String>,
    pub due_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub unreached: bool,
}

impl Item {
    /// Reads a stored item.
    pub(crate) fn read(item: &DigestItem) -> Result<Item, RenderError> {
        let value = item.payload.clone();
        let bad = |err: serde_json::Error| RenderError::Payload(format!("{}: {err}", item.subject));
        match item.kind.as_str() {
            DUTY_REMINDER => Ok(Item::Duty(serde_json::from_value(value).map_err(bad)?)),
            CASE_REMINDER => {
                let case: CaseItem = serde_json::from_value(value).map_err(bad)?;
                if DeadlineKind::from_code(&case.deadline).is_none() {
                    return Err(RenderError::Payload(format!(
                        "deadline {:?}",
                        case.deadline
                    )));
                }
                Ok(Item::Case(case))
            }
            OPINION_REPORT_REMINDER => {
                Ok(Item::Opinion(serde_json::from_value(value).map_err(bad)?))
            }
            other => Err(RenderError::Payload(format!("item kind {other:?}"))),
        }
    }

    fn unreached(&self) -> bool {
        match self {
            Item::Duty(d) => d.unreached,
            Item::Case(c) => c.unreached,
            Item::Opinion(o) => o.unreached,
        }
    }

    /// Whose it is: the unit that holds the duty or the deadline.
    fn holder(&self, t: Tr) -> String {
        match self {
            Item::Duty(d) => d.unit_name.clone(),
            Item::Case(c) => c
                .holder
                .clone()
                .unwrap_or_else(|| t.unit_kind_board().to_owned()),
            Item::Opinion(o) => o.name.clone(),
        }
    }

    /// The item's sentence: whose, how it stands, what. The duty's period
    /// in words (`workflow::duty_period_label`).
    fn text(&self, t: Tr, words: &str, local: &impl Fn(DateTime<FixedOffset>) -> String) -> String {
        let holder = self.holder(t);
        match self {
            Item::Duty(d) => {
                let period = workflow::duty_period_label(
                    (d.duty_kind.as_deref())
                        .and_then(workflow::DutyKind::from_code)
                        .unwrap_or(workflow::DutyKind::Periodic),
                    &d.period,
                    d.case_code.as_deref(),
                    d.topic.as_deref(),
                    t.0,
                );
                t.digest_item_duty(holder, words, period, &d.board_name, local(d.due_at))
            }
            Item::Case(c) => {
                let deadline = DeadlineKind::from_code(&c.deadline)
                    .map_or(c.deadline.as_str(), |k| k.step_in_sentence(t.0));
                t.digest_item_case(
                    holder,
                    words,
                    deadline,
                    &c.case_code,
                    &c.title,
                    local(c.due_at),
                )
            }
            Item::Opinion(o) => t.digest_item_opinion_report(
                words,
                workflow::opinion_period_label(&o.period, t.0),
                local(o.due_at),
            ),
        }
    }

    fn link(&self, t: Tr, base: &str) -> (&'static str, String) {
        match self {
            Item::Duty(d) => (t.digest_link_duty(), format!("{base}/duties/{}", d.duty_id)),
            Item::Case(c) => (
                t.mail_case_reminder_link(),
                format!("{base}/cases/{}", c.case_code),
            ),
            // The reports' filing page (another part of issue 19).
            Item::Opinion(o) => (
                t.digest_link_opinion_report(),
                format!("{base}/opinion-reports/new?period={}", o.period),
            ),
        }
    }
}

/// How an item stands, in words.
fn words(t: Tr, words: DueWords) -> String {
    match words {
        DueWords::WorkingDaysLeft(days) => t.due_working_days_left(days),
        DueWords::Today => t.mail_duty_due().to_owned(),
        DueWords::PassedToday => t.due_passed_today().to_owned(),
        DueWords::Overdue(days) => t.due_overdue_days(days),
    }
}

/// The digest of `day` for `reader` built at `now` from its items in the
/// order they were written; `None` when none is left to list.
pub(crate) fn build(
    lang: Lang,
    reader: String,
    day: NaiveDate,
    items: Vec<(String, Item)>,
    now: DateTime<Utc>,
    calendar: &Calendar,
    base_url: &str,
) -> Option<Digest> {
    let t = Tr(lang);
    let base = base_url.trim_end_matches('/');
    let local = |time: DateTime<FixedOffset>| {
        time.with_timezone(&calendar.time_zone())
            .format("%H:%M %d/%m/%Y")
            .to_string()
    };
    let lines = items
        .into_iter()
        .map(|(subject, item)| DigestLine {
            subject,
            due_at: match &item {
                Item::Duty(d) => d.due_at.to_utc(),
                Item::Case(c) => c.due_at.to_utc(),
                Item::Opinion(o) => o.due_at.to_utc(),
            },
            item,
        })
        .collect();
    let sections = workflow::digest_sections(lines, now, calendar);
    if sections.is_empty() {
        return None;
    }
    let mut unreached: Vec<String> = Vec::new();
    let mut count = 0;
    let groups = sections
        .into_iter()
        .map(|section| Group {
            heading: match section.group {
                DigestGroup::Overdue => t.digest_group_overdue(),
                DigestGroup::Today => t.digest_group_today(),
                DigestGroup::Upcoming => t.digest_group_upcoming(),
            },
            lines: section
                .items
                .into_iter()
                .map(|(standing, item)| {
                    count += 1;
                    if item.unreached() && !unreached.contains(&item.holder(t)) {
                        unreached.push(item.holder(t));
                    }
                    let (link_words, link) = item.link(t, base);
                    Line {
                        text: item.text(t, &words(t, standing), &local),
                        unreached: item.unreached(),
                        link_words,
                        link,
                    }
                })
                .collect(),
        })
        .collect();
    Some(Digest {
        lang,
        reader,
        day: day.format("%d/%m/%Y").to_string(),
        count,
        groups,
        unreached: unreached.join(", "),
    })
}
