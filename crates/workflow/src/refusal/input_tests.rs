//! The refusals of inputs out of bounds (issue 13): a time outside its
//! window and a search of too many words, with the words users read.

use super::*;

fn vi(refusal: &Refusal) -> String {
    refusal.message(Lang::Vi)
}

#[test]
fn a_time_out_of_its_window_says_the_window_in_years() {
    use crate::TimeWindow;
    let due = Refusal::TimeOutOfRange {
        field: "answer_due",
        window: TimeWindow::ANSWER_DUE,
    };
    assert_eq!(due.code(), "time_out_of_range");
    assert_eq!(due.field(), Some("answer_due"));
    assert_eq!(
        vi(&due),
        "“Hạn trả lời bằng văn bản” phải là một thời điểm trong tương lai, không quá 2 năm kể từ nay."
    );
    assert_eq!(
        due.message(crate::Lang::En),
        "“Written answer deadline” must be in the future, at most 2 years from now."
    );
    let meeting = Refusal::TimeOutOfRange {
        field: "held_at",
        window: TimeWindow::MEETING,
    };
    assert_eq!(
        vi(&meeting),
        "“Thời gian họp” phải nằm trong khoảng từ 1 năm trước đến 1 năm sau thời điểm hiện tại."
    );
    let to = Refusal::TimeOutOfRange {
        field: "to",
        window: TimeWindow::REPORT,
    };
    assert!(vi(&to).starts_with("“Đến ngày” phải nằm trong khoảng từ 30 năm trước"));
    assert!(!to.is_forbidden() && !to.is_conflict(), "a 422");
}

#[test]
fn a_search_of_too_many_words_names_the_cap() {
    let refusal = Refusal::TooManyWords {
        field: "q",
        max: 32,
    };
    assert_eq!(refusal.code(), "too_many_words");
    assert_eq!(refusal.field(), Some("q"));
    assert_eq!(vi(&refusal), "“Từ khóa tìm kiếm” không được quá 32 từ.");
}
