//! The messages of inputs refused for their value: out of range, or a time
//! outside the window a user may type for it.

use super::labels::field_label;
use crate::{Lang, TimeWindow, Tr};

/// The message of an input whose value is out of its range.
pub(super) fn invalid_input(field: &str, lang: Lang) -> String {
    let t = Tr(lang);
    match field {
        "people_affected" => t.refusal_negative_people_affected().to_owned(),
        "coordinating_units" => t.refusal_coordinating_is_lead().to_owned(),
        "attachments" | "documents" => t.refusal_invalid_attachment().to_owned(),
        "from" | "until" => t.roster_invalid_day(field_label(field, lang).0),
        _ => t.refusal_invalid_input(field_label(field, lang).0),
    }
}

/// The window of a time in words, e.g. "“Hạn trả lời bằng văn bản” phải là một thời
/// điểm trong tương lai, không quá 2 năm kể từ nay."
pub(super) fn time_out_of_range(field: &str, window: TimeWindow, lang: Lang) -> String {
    let t = Tr(lang);
    // A report's `from` and `to` are days; the programme's `to` (the
    // label of the field table) is its last year.
    let label = match (field, window == TimeWindow::REPORT) {
        ("from", true) => t.refusal_field_report_from().to_owned(),
        ("to", true) => t.refusal_field_report_to().to_owned(),
        _ => field_label(field, lang).0,
    };
    let years = |n: u32| match n {
        1 => t.one_year().to_owned(),
        n => t.years(n),
    };
    match window.years_before {
        0 => t.refusal_time_in_future(label, years(window.years_after)),
        before => t.refusal_time_between(label, years(before), years(window.years_after)),
    }
}
