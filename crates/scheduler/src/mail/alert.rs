//! The early-warning alert e-mail (SPEC §16), to the board officers and
//! leaders whose jurisdiction holds the area: which area, which category,
//! which week, the week's level against the usual one in plain words, and
//! the link to the watch-list.

use catalogue::Tr;
use chrono::{Duration, NaiveDate};
use workflow::Lang;

/// What an alert e-mail says.
#[derive(Debug, Clone)]
pub(crate) struct HotspotAlert {
    pub lang: Lang,
    pub area_name: String,
    pub category_name: String,
    /// The week's Monday and Sunday, `dd/mm/yyyy`.
    pub from: String,
    pub to: String,
    /// The week's signal and the usual one, as numbers are written.
    pub observed: String,
    pub baseline: String,
    /// Nothing was reported in the 8 weeks before.
    pub quiet: bool,
    /// Raised by a high-risk case rather than an unusual rise.
    pub high_risk: bool,
    /// How rare such a week would be, in words (unusual rises).
    pub chance: Option<String>,
    /// The watch-list page.
    pub link: String,
}

impl HotspotAlert {
    /// The context of an alert of the week starting `monday`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        lang: Lang,
        area_name: String,
        category_name: String,
        monday: NaiveDate,
        observed: f64,
        baseline: f64,
        p_value: Option<f64>,
        link: String,
    ) -> Self {
        let t = Tr(lang);
        let chance = p_value.map(|p| {
            // Once in how many weeks such a week comes by chance, rounded
            // so that it reads as an order of size, not a measurement.
            let weeks = if p > 0.0 { 1.0 / p } else { f64::INFINITY };
            if weeks >= 10_000.0 {
                t.mail_alert_chance_rare(whole(10_000.0, lang))
            } else {
                t.mail_alert_chance(whole(nice(weeks), lang))
            }
        });
        HotspotAlert {
            lang,
            area_name,
            category_name,
            from: monday.format("%d/%m/%Y").to_string(),
            to: (monday + Duration::days(6)).format("%d/%m/%Y").to_string(),
            observed: decimal(observed, lang),
            baseline: decimal(baseline, lang),
            quiet: baseline <= 0.0,
            high_risk: p_value.is_none(),
            chance,
            link,
        }
    }
}

/// `n` rounded to two significant digits (137 → 140, 2 345 → 2 300).
fn nice(n: f64) -> f64 {
    if n < 100.0 {
        return n.round();
    }
    let scale = 10f64.powi(n.log10().floor() as i32 - 1);
    (n / scale).round() * scale
}

/// A whole number with thousands grouped as the language writes them
/// (10.000 in Vietnamese, 10,000 in English).
fn whole(n: f64, lang: Lang) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let sep = if lang == Lang::En { ',' } else { '.' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A level with at most one decimal, written with the language's decimal
/// mark (3,8 in Vietnamese, 3.8 in English); a whole level without one.
pub(crate) fn decimal(value: f64, lang: Lang) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        return whole(rounded, lang);
    }
    let text = format!("{rounded:.1}");
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_each_language_writes_them() {
        assert_eq!(decimal(3.75, Lang::Vi), "3,8");
        assert_eq!(decimal(3.75, Lang::En), "3.8");
        assert_eq!(decimal(12.0, Lang::Vi), "12");
        assert_eq!(decimal(1234.0, Lang::Vi), "1.234");
        assert_eq!(whole(10_000.0, Lang::En), "10,000");
        assert_eq!(nice(137.4), 140.0);
        assert_eq!(nice(2_345.0), 2_300.0);
        assert_eq!(nice(42.4), 42.0);
    }
}
