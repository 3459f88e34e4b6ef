//! Which catalogue entry names an input field in a refusal: the label a
//! user sees next to the field. An action's or a report's field reads its
//! form's label ([`InputField::recorded_label`]: the form's, less a hint),
//! so a refusal never names a field otherwise than the form does.

use crate::{ActionKind, InputField, Lang, Tr, Widget};

/// The label of a JSON input field and whether it is chosen from a list
/// (so the message says "chọn" rather than "nhập"). A field without a
/// label is named by itself. Refusals and the API's errors about a
/// request's fields both name a field so.
pub fn field_label(field: &str, lang: Lang) -> (String, bool) {
    // The first field of that name: "text" is a supplement's, a comment's
    // and a published result's, and reads "Nội dung".
    if let Some(input) = InputField::ALL.iter().find(|f| f.name() == field) {
        let choice = matches!(
            input.widget(),
            Widget::Pick(_) | Widget::OptPick(_) | Widget::Checks(_) | Widget::Code
        );
        // The timeline's label is the form's without its hint ("Hạn trả
        // lời", not "Hạn trả lời (nếu khác mặc định)").
        return (input.recorded_label(lang).to_owned(), choice);
    }
    let t = Tr(lang);
    let (label, choice) = match field {
        "attachments" => (t.refusal_field_attachments(), true),
        "documents" => (t.refusal_field_documents(), true),
        "parties" => (t.parties(), true),
        // The envelope of a request.
        "action" => (t.refusal_field_action(), true),
        "version" => (t.refusal_field_version(), false),
        "body" => (t.refusal_field_body(), false),
        "cursor" => (t.refusal_field_cursor(), false),
        "limit" => (t.refusal_field_limit(), false),
        "file" => (t.file_name(), true),
        "note" => (t.alert_note(), false),
        "to_unit" => (t.field_to_unit(), true),
        // Fields of the administration inputs the store checks.
        "parent" => (t.refusal_field_parent(), true),
        "unit" => (t.unit(), true),
        "serves" => (t.serves(), true),
        "code" => (t.code(), false),
        "name" => (t.name(), false),
        "email" => (t.refusal_field_email(), false),
        "to" => (t.refusal_field_to(), false),
        "year" => (t.year(), false),
        "q" => (t.refusal_field_q(), false),
        // Fields of a duty schedule.
        "provider" => (t.refusal_field_provider(), true),
        "recipient" => (t.refusal_field_recipient(), true),
        "cadence" => (t.refusal_field_cadence(), true),
        "due_days_after_end" => (t.refusal_field_due_days_after_end(), false),
        "reminder_before_days" => (t.refusal_field_reminder_before_days(), false),
        "overdue_every_days" => (t.refusal_field_overdue_every_days(), false),
        "period" => (t.period(), false),
        "reporter" => (t.opinion_filter_reporter(), true),
        // Fields of an ad-hoc request for information (§13).
        "topic" => (t.duty_topic(), false),
        "due_at" => (t.due_at(), false),
        "case" => (t.case(), false),
        // A programme's document facts.
        "items" => (t.programme_items(), false),
        "number" => (t.programme_number(), false),
        "signed_on" => (t.programme_signed_on(), false),
        // A collaborator profile (§16).
        "user" => (t.roster_user(), true),
        "kind" => (t.duty_kind(), true),
        "areas" => (t.roster_areas(), true),
        "from" => (t.refusal_field_report_from(), false),
        "until" => (t.roster_until(), false),
        "active" => (t.active(), false),
        other => return (other.to_owned(), false),
    };
    (label.to_owned(), choice)
}

/// The label of `code` as a value of `field`: an action, or a code of a
/// fixed list an input field is chosen from; `None` for anything else.
pub fn value_label(field: &str, code: &str, lang: Lang) -> Option<&'static str> {
    if field == "action" {
        return ActionKind::from_code(code).map(|a| a.label(lang));
    }
    let input = InputField::ALL.iter().find(|f| f.name() == field)?;
    match input.widget() {
        Widget::Pick(choices) | Widget::OptPick(choices) | Widget::Checks(choices) => {
            choices.label_of(code, lang).flatten()
        }
        _ => None,
    }
}
