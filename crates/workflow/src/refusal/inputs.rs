//! The messages of inputs refused for their value: out of range, or a time
//! outside the window a user may type for it.

use super::labels::field_label;
use crate::{Lang, TimeWindow};

/// The message of an input whose value is out of its range.
pub(super) fn invalid_input(field: &str, lang: Lang) -> String {
    let fixed = match field {
        "people_affected" => Some((
            "“Số người bị ảnh hưởng” không được là số âm.",
            "“People affected” cannot be negative.",
        )),
        "coordinating_units" => Some((
            "Cơ quan phối hợp phải khác cơ quan chủ trì.",
            "A coordinating unit cannot also be the lead unit.",
        )),
        "attachments" | "documents" => Some((
            "Tệp đính kèm không hợp lệ.",
            "An attached file is not valid.",
        )),
        _ => None,
    };
    match fixed {
        Some((vi, en)) => lang.pick(vi, en).to_owned(),
        None => {
            let (label, _) = field_label(field, lang);
            match lang {
                Lang::Vi => format!("Giá trị của “{label}” không hợp lệ."),
                Lang::En => format!("The value of “{label}” is not valid."),
            }
        }
    }
}

/// The window of a time in words, e.g. "“Hạn trả lời” phải là một thời
/// điểm trong tương lai, không quá 2 năm kể từ nay."
pub(super) fn time_out_of_range(field: &str, window: TimeWindow, lang: Lang) -> String {
    // A report's `from` and `to` are days; the programme's `to` (the
    // label of the field table) is its last year.
    let label = match (field, window == TimeWindow::REPORT) {
        ("from", true) => lang.pick("Từ ngày", "From").to_owned(),
        ("to", true) => lang.pick("Đến ngày", "To").to_owned(),
        _ => field_label(field, lang).0,
    };
    let (before, after) = (window.years_before, window.years_after);
    let years = |n: u32| match (lang, n) {
        (Lang::Vi, n) => format!("{n} năm"),
        (Lang::En, 1) => "1 year".to_owned(),
        (Lang::En, n) => format!("{n} years"),
    };
    match (lang, before) {
        (Lang::Vi, 0) => format!(
            "“{label}” phải là một thời điểm trong tương lai, không quá {} kể từ nay.",
            years(after)
        ),
        (Lang::En, 0) => format!(
            "“{label}” must be in the future, at most {} from now.",
            years(after)
        ),
        (Lang::Vi, _) => format!(
            "“{label}” phải nằm trong khoảng từ {} trước đến {} sau thời điểm hiện tại.",
            years(before),
            years(after)
        ),
        (Lang::En, _) => format!(
            "“{label}” must lie between {} before and {} after now.",
            years(before),
            years(after)
        ),
    }
}
