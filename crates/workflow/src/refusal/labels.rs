//! Which catalogue entry names an input field in a refusal: the label a
//! user sees next to the field.

use crate::{Lang, Tr};

/// The label of a JSON input field and whether it is chosen from a list
/// (so the message says "chọn" rather than "nhập"). A field without a
/// label is named by itself.
pub(super) fn field_label(field: &str, lang: Lang) -> (String, bool) {
    let t = Tr(lang);
    let (label, choice) = match field {
        "title" => (t.field_title(), false),
        "description" => (t.field_description(), false),
        "area" => (t.field_area(), true),
        "category" => (t.field_category(), true),
        "source" => (t.field_source(), true),
        "people_affected" => (t.refusal_field_people_affected(), false),
        "hotspot_risk" => (t.refusal_field_hotspot_risk(), true),
        "question" => (t.refusal_field_question(), false),
        "text" => (t.field_text(), false),
        "attachments" => (t.refusal_field_attachments(), true),
        "reason" => (t.field_reason(), false),
        "target" => (t.refusal_field_target(), true),
        "sensitivity" => (t.refusal_field_sensitivity(), true),
        "priority" => (t.field_priority(), true),
        "lead_unit" => (t.refusal_field_lead_unit(), true),
        "coordinating_units" => (t.refusal_field_coordinating_units(), true),
        "answer_due" => (t.refusal_field_answer_due(), false),
        "answer" => (t.refusal_field_answer(), false),
        "documents" => (t.refusal_field_documents(), true),
        "messages" => (t.refusal_field_messages(), false),
        "channels" => (t.field_channels(), true),
        "audience" => (t.refusal_field_audience(), false),
        "opinions" => (t.refusal_field_opinions(), false),
        "conclusion" => (t.field_conclusion(), false),
        "summary" => (t.refusal_field_summary(), false),
        "remark" => (t.refusal_field_remark(), false),
        "held_at" => (t.refusal_field_held_at(), false),
        "chair_unit" => (t.field_chair_unit(), true),
        "attendees" => (t.refusal_field_attendees(), true),
        "minutes" => (t.refusal_field_minutes(), false),
        "trial_date" => (t.trial_date(), false),
        "parties" => (t.parties(), true),
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
        other => return (other.to_owned(), false),
    };
    (label.to_owned(), choice)
}
