//! What a reader calls a duty (SPEC §13): its kind, and its period in
//! words — *Quý IV/2026*, *Tháng 11/2026*, *Năm 2026*, *Trước phiên tòa
//! ngày 20/01/2027 — vụ NB-2026-000032*, or an ad-hoc request's topic —
//! never the stored code (`2026-Q4`, `2027-01-20`).

use chrono::NaiveDate;

use crate::coded::coded_enum;
use crate::{Lang, Period, Tr};

coded_enum! {
    /// Why a duty instance exists.
    pub enum DutyKind {
        /// A schedule's periodic duty (quarterly by default, §4.1).
        Periodic = ("periodic", duty_periodic),
        /// The court's information before a trial (§4.2).
        BeforeTrial = ("before_trial", duty_before_trial),
        /// The court's information after a trial (§4.2).
        AfterTrial = ("after_trial", duty_after_trial),
        /// Information a board officer asked for when needed (§13).
        AdHoc = ("ad_hoc", duty_ad_hoc),
    }
}

/// A day as Vietnamese officials write it: `20/01/2027`.
pub fn day_label(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// Quarters are written in Roman numerals (*Quý IV/2026*).
fn roman(quarter: u32) -> &'static str {
    match quarter {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

impl Period {
    /// The period in words: *Quý IV/2026*, *Tháng 11/2026*, *Năm 2026*.
    pub fn label(self, lang: Lang) -> String {
        let t = Tr(lang);
        match self {
            Period::Month { year, month } => t.period_month(month, year),
            Period::Quarter { year, quarter } => t.period_quarter(roman(quarter), year),
            Period::Year { year } => t.period_year(year),
        }
    }
}

/// The period of a duty as a reader sees it, from what is stored of it:
/// its kind, its `period` code (a period such as `2026-Q4`, or a day
/// `2027-01-20` for a trial duty — the trial date — or an ad-hoc one —
/// its due day), the code of its case and an ad-hoc request's topic.
/// Pages, the API's `period_label` and the e-mails all call this one
/// function. A code it cannot read is shown as it is rather than lost.
pub fn duty_period_label(
    kind: DutyKind,
    period: &str,
    case: Option<&str>,
    topic: Option<&str>,
    lang: Lang,
) -> String {
    let t = Tr(lang);
    let day = period.parse::<NaiveDate>().ok().map(day_label);
    match (kind, day, case) {
        (DutyKind::AdHoc, _, _) => match topic.map(str::trim).filter(|t| !t.is_empty()) {
            Some(topic) => topic.to_owned(),
            None => t.duty_ad_hoc().to_owned(),
        },
        (DutyKind::BeforeTrial, Some(day), Some(case)) => t.period_before_trial(day, case),
        (DutyKind::BeforeTrial, Some(day), None) => t.period_before_trial_day(day),
        (DutyKind::AfterTrial, Some(day), Some(case)) => t.period_after_trial(day, case),
        (DutyKind::AfterTrial, Some(day), None) => t.period_after_trial_day(day),
        _ => period_code_label(period, lang),
    }
}

/// A period code alone in words, where the duty's kind is not at hand
/// (a column of the dashboard's compliance table): a period reads as
/// [`Period::label`], a day (a trial's, or an ad-hoc request's due day)
/// as *Ngày 24/12/2026*; anything else as it is.
pub fn period_code_label(code: &str, lang: Lang) -> String {
    if let Ok(period) = code.parse::<Period>() {
        return period.label(lang);
    }
    match code.parse::<NaiveDate>() {
        Ok(day) => Tr(lang).period_day(day_label(day)),
        Err(_) => code.to_owned(),
    }
}

/// The period code of what a person types in a filter, in words as the
/// pages write periods (*Quý IV/2026*, *Tháng 11/2026*, *Năm 2026*, a day
/// *20/01/2027*, their English forms, quarters in Arabic numerals too) or
/// as a code (`2026-Q4`, `2026-11`, `2026`, `2027-01-20`); `None` for
/// anything else.
pub fn period_code_from_words(text: &str) -> Option<String> {
    let text = text.trim();
    if text.parse::<Period>().is_ok() || text.parse::<NaiveDate>().is_ok() {
        return Some(text.to_owned());
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%d/%m/%Y") {
        return Some(day.to_string());
    }
    let lower = text.to_lowercase();
    let (word, rest) = lower.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    let year = |y: &str| {
        y.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
    };
    let period = match word {
        "năm" | "year" => Period::Year { year: year(rest)? },
        "quý" | "quarter" => {
            let (q, y) = rest.split_once('/')?;
            let quarter = match q.trim() {
                "i" | "1" => 1,
                "ii" | "2" => 2,
                "iii" | "3" => 3,
                "iv" | "4" => 4,
                _ => return None,
            };
            Period::quarter(year(y)?, quarter)?
        }
        "tháng" | "month" => {
            let (m, y) = rest.split_once('/')?;
            Period::month(year(y)?, m.trim().parse().ok()?)?
        }
        _ => return None,
    };
    Some(period.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(kind: DutyKind, period: &str, lang: Lang) -> String {
        duty_period_label(kind, period, Some("NB-2026-000032"), None, lang)
    }

    #[test]
    fn periods_read_as_officials_write_them() {
        let vi = |code| label(DutyKind::Periodic, code, Lang::Vi);
        assert_eq!(vi("2026-Q4"), "Quý IV/2026");
        assert_eq!(vi("2027-Q1"), "Quý I/2027");
        assert_eq!(vi("2026-Q2"), "Quý II/2026");
        assert_eq!(vi("2026-Q3"), "Quý III/2026");
        assert_eq!(vi("2026-11"), "Tháng 11/2026");
        assert_eq!(vi("2026-01"), "Tháng 1/2026");
        assert_eq!(vi("2026"), "Năm 2026");
        let en = |code| label(DutyKind::Periodic, code, Lang::En);
        assert_eq!(en("2026-Q4"), "Quarter IV/2026");
        assert_eq!(en("2026-11"), "Month 11/2026");
        assert_eq!(en("2026"), "Year 2026");
    }

    #[test]
    fn a_trial_duty_says_before_or_after_which_trial_of_which_case() {
        assert_eq!(
            label(DutyKind::BeforeTrial, "2027-01-20", Lang::Vi),
            "Trước phiên tòa ngày 20/01/2027 — vụ NB-2026-000032"
        );
        assert_eq!(
            label(DutyKind::AfterTrial, "2027-01-20", Lang::Vi),
            "Sau phiên tòa ngày 20/01/2027 — vụ NB-2026-000032"
        );
        assert_eq!(
            label(DutyKind::BeforeTrial, "2027-01-20", Lang::En),
            "Before the trial on 20/01/2027 — case NB-2026-000032"
        );
        assert_eq!(
            label(DutyKind::AfterTrial, "2027-01-20", Lang::En),
            "After the trial on 20/01/2027 — case NB-2026-000032"
        );
        assert_eq!(
            duty_period_label(DutyKind::AfterTrial, "2027-01-20", None, None, Lang::Vi),
            "Sau phiên tòa ngày 20/01/2027"
        );
    }

    #[test]
    fn an_ad_hoc_duty_reads_as_its_topic() {
        let topic = Some("  Tình hình giải quyết vụ sạt lở bờ sông  ");
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(
                duty_period_label(DutyKind::AdHoc, "2026-12-20", None, topic, lang),
                "Tình hình giải quyết vụ sạt lở bờ sông"
            );
        }
        assert_eq!(
            duty_period_label(DutyKind::AdHoc, "2026-12-20", None, Some(" "), Lang::Vi),
            "Yêu cầu đột xuất"
        );
        assert_eq!(
            duty_period_label(DutyKind::AdHoc, "2026-12-20", None, None, Lang::En),
            "Ad-hoc request"
        );
    }

    #[test]
    fn a_code_alone_reads_as_a_period_or_a_day() {
        assert_eq!(period_code_label("2026-Q4", Lang::Vi), "Quý IV/2026");
        assert_eq!(period_code_label("2026-12-24", Lang::Vi), "Ngày 24/12/2026");
        assert_eq!(period_code_label("2026-12-24", Lang::En), "On 24/12/2026");
        assert_eq!(period_code_label("junk", Lang::Vi), "junk");
        // A periodic duty with an unreadable code keeps it rather than lying.
        assert_eq!(label(DutyKind::Periodic, "junk", Lang::Vi), "junk");
    }

    #[test]
    fn a_filter_reads_periods_as_the_pages_write_them() {
        for (typed, code) in [
            ("Quý IV/2026", "2026-Q4"),
            ("quý 4/2026", "2026-Q4"),
            ("Quarter II/2027", "2027-Q2"),
            ("Tháng 11/2026", "2026-11"),
            ("tháng 1/2027", "2027-01"),
            ("Month 3/2026", "2026-03"),
            ("Năm 2026", "2026"),
            (" 20/01/2027 ", "2027-01-20"),
            ("2026-Q4", "2026-Q4"),
            ("2027-01-20", "2027-01-20"),
        ] {
            assert_eq!(
                period_code_from_words(typed).as_deref(),
                Some(code),
                "{typed}"
            );
        }
        for junk in [
            "",
            "Quý V/2026",
            "Tháng 13/2026",
            "Năm",
            "hôm qua",
            "32/01/2027",
        ] {
            assert_eq!(period_code_from_words(junk), None, "{junk}");
        }
        // What the pages write reads back.
        for code in ["2026-Q3", "2026-11", "2026"] {
            let label = code.parse::<Period>().unwrap().label(Lang::Vi);
            assert_eq!(period_code_from_words(&label).as_deref(), Some(code));
        }
    }

    #[test]
    fn kinds_have_names_and_stable_codes() {
        assert_eq!(DutyKind::AdHoc.code(), "ad_hoc");
        assert_eq!(
            DutyKind::from_code("after_trial"),
            Some(DutyKind::AfterTrial)
        );
        assert_eq!(DutyKind::AdHoc.label(Lang::Vi), "Yêu cầu đột xuất");
        assert_eq!(DutyKind::BeforeTrial.label(Lang::Vi), "Trước phiên xét xử");
    }
}
