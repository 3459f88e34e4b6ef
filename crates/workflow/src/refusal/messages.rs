//! Which catalogue entry each refusal reads, and the words it quotes: the
//! roles and states are taken from the who-may and state tables of
//! [`crate::rules`], so that the text cannot drift from the rule.

use super::inputs::{invalid_input, time_out_of_range};
use super::labels::field_label;
use crate::rules::{from_states, who_may};
use crate::{ActionKind, CaseState, DutyAction, Lang, Refusal, Role, Tr};

/// The message of `refusal` in `lang`.
pub(super) fn message(refusal: &Refusal, lang: Lang) -> String {
    use Refusal as R;
    let t = Tr(lang);
    let label = |field: &str| field_label(field, lang).0;
    match refusal {
        R::RoleNotAllowed { action, .. } => {
            t.refusal_role_not_allowed(roles_allowed(*action, lang), action.verb(lang))
        }
        R::OutsideJurisdiction { action } => t.refusal_outside_jurisdiction(action.verb(lang)),
        R::NotLeadUnit { action } => t.refusal_not_lead_unit(action.verb(lang)),
        R::NotInvolvedUnit {
            action: ActionKind::SetTrialDate,
        } => t.refusal_not_involved_court().to_owned(),
        R::NotInvolvedUnit {
            action: ActionKind::SetVerdictDate,
        } => t.refusal_not_involved_court_verdict().to_owned(),
        R::NotInvolvedUnit { action } => t.refusal_not_involved_unit(action.verb(lang)),
        R::NotTheReporter => t.refusal_not_the_reporter().to_owned(),
        R::WrongState { action, state } => wrong_state(*action, *state, lang),
        R::MissingInput { field: "channels" } => t.refusal_choose_channel().to_owned(),
        R::MissingInput { field: "area" } => t.refusal_choose_area().to_owned(),
        R::MissingInput { field: "text" } => t.refusal_write_text().to_owned(),
        R::MissingInput { field } => match field_label(field, lang) {
            (label, true) => t.refusal_choose(label),
            (label, false) => t.refusal_fill_in(label),
        },
        R::InputTooLong { field, max } => {
            t.refusal_input_too_long(label(field), thousands(*max, lang))
        }
        R::InvalidInput { field } => invalid_input(field, lang),
        R::TimeOutOfRange { field, window } => time_out_of_range(field, *window, lang),
        R::TooManyWords { field, max } => t.refusal_too_many_words(label(field), max),
        R::UnknownCode { field, code } => t.refusal_unknown_code(label(field), code),
        R::LeadUnitNotStateBody { unit } => t.refusal_lead_unit_not_state_body(unit),
        R::CoordinatingUnitOfTheParty { unit } => t.refusal_coordinating_unit_of_the_party(unit),
        R::UnitOutsideArea { field, unit } => match *field {
            "lead_unit" => t.refusal_lead_unit_outside_area(unit),
            "coordinating_units" => t.refusal_coordinating_unit_outside_area(unit),
            _ => t.refusal_unit_outside_area(unit),
        },
        R::UnitInactive { unit } => t.refusal_unit_inactive(unit),
        R::MergeIntoItself => t.refusal_merge_into_itself().to_owned(),
        R::MergeTargetNotOpen { target } => t.refusal_merge_target_not_open(target),
        R::MergeTargetOutsideArea { target } => t.refusal_merge_target_outside_area(target),
        R::ResultNotPublished => t.refusal_result_not_published().to_owned(),
        R::DeadlineInPast { field } => t.refusal_deadline_in_past(label(field)),
        R::MeetingWithoutBoard => t.refusal_meeting_without_board().to_owned(),
        R::RecipientNotAllowed { unit } => t.refusal_recipient_not_allowed(unit),
        R::NotARecipient => t.refusal_not_a_recipient().to_owned(),
        R::AcknowledgementLinkInvalid => t.refusal_acknowledgement_link_invalid().to_owned(),
        R::NotACourtCase => t.refusal_not_a_court_case().to_owned(),
        R::NoTrialDate => t.refusal_no_trial_date().to_owned(),
        R::VerdictBeforeTrial => t.refusal_verdict_before_trial().to_owned(),
        R::DutyRequestNotAllowed => t.refusal_duty_request_not_allowed().to_owned(),
        R::NotADutyProvider { unit } => t.refusal_not_a_duty_provider(unit),
        R::AdminOnly => t.refusal_admin_only().to_owned(),
        R::ReportsNotAllowed => t.refusal_reports_not_allowed().to_owned(),
        R::PasswordTooShort { min, .. } => t.refusal_password_too_short(min),
        R::PasswordIsEmail { .. } => t.refusal_password_is_email().to_owned(),
        R::WrongCurrentPassword => t.refusal_wrong_current_password().to_owned(),
        R::ResetLinkInvalid => t.refusal_reset_link_invalid().to_owned(),
        R::DutyNotAllowed { action } => duty_not_allowed(*action, lang).to_owned(),
        R::AttachmentNotAllowed => t.refusal_attachment_not_allowed().to_owned(),
        R::AttachmentCaseFinished { state } => {
            t.refusal_attachment_case_finished(state.label(lang))
        }
        R::UnsupportedFileType { .. } => t.refusal_unsupported_file_type().to_owned(),
        R::EmailNotFailed => t.refusal_email_not_failed().to_owned(),
        R::OpinionsFromOneUnit => t.refusal_opinions_two_units().to_owned(),
        R::NothingReassessed => t.refusal_nothing_reassessed().to_owned(),
        R::SameLeadUnit { unit } => t.refusal_same_lead_unit(unit),
        R::NotAReporter { user, role } => t.roster_not_a_reporter(user, role.label(lang)),
        R::RosterNotAllowed => t.roster_not_allowed().to_owned(),
        R::TermEndsBeforeStart => t.roster_until_before_from().to_owned(),
        R::AreaOutsideScope { area } => t.roster_area_outside_scope(area),
        R::AlertNotAllowed => t.refusal_alert_not_allowed().to_owned(),
        R::AlertAcknowledged { by, at } => t.refusal_alert_acknowledged(by, at),
        R::DutyWrongStatus { action, status } => {
            t.refusal_duty_wrong_status(status.label(lang), duty_verb(*action, lang))
        }
    }
}

/// The roles of the who-may table for `action`, as "A, B hoặc C".
fn roles_allowed(action: ActionKind, lang: Lang) -> String {
    let mut roles: Vec<Role> = Vec::new();
    for permit in who_may(action) {
        if !roles.contains(&permit.role) {
            roles.push(permit.role);
        }
    }
    let names: Vec<&str> = roles.iter().map(|role| role_phrase(*role, lang)).collect();
    join(&names, lang)
}

/// A role inside a sentence: "cán bộ Ban Tuyên giáo và Dân vận", "a board officer".
fn role_phrase(role: Role, lang: Lang) -> &'static str {
    let t = Tr(lang);
    match role {
        Role::Reporter => t.role_phrase_reporter(),
        Role::BoardOfficer => t.role_phrase_board_officer(),
        Role::AgencyLiaison => t.role_phrase_agency_liaison(),
        Role::Leader => t.role_phrase_leader(),
        Role::Admin => t.role_phrase_admin(),
    }
}

/// Why `action` cannot be done in `state`, naming the states it can.
fn wrong_state(action: ActionKind, state: CaseState, lang: Lang) -> String {
    let t = Tr(lang);
    let states = from_states(action);
    if states.is_empty() {
        return t.refusal_already_filed().to_owned();
    }
    let when = if states.iter().all(|s| s.is_accepted_open()) && states.len() == 5 {
        t.refusal_when_accepted_open().to_owned()
    } else {
        let names: Vec<String> = states
            .iter()
            .map(|s| format!("“{}”", s.label(lang)))
            .collect();
        t.refusal_when_in_states(join(&names, lang))
    };
    t.refusal_wrong_state(state.label(lang), action.verb(lang), when)
}

/// "A", "A hoặc B", "A, B hoặc C" (English: "or").
fn join(items: &[impl AsRef<str>], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            Tr(lang).list_or(init.join(", "), last.as_ref())
        }
    }
}

/// 20000 → "20.000" (Vietnamese) or "20,000" (English).
fn thousands(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = Tr(lang).thousands_separator();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// Who may do what to a duty, in words.
fn duty_not_allowed(action: DutyAction, lang: Lang) -> &'static str {
    let t = Tr(lang);
    match action {
        DutyAction::Submit => t.refusal_duty_submit_not_allowed(),
        DutyAction::Acknowledge => t.refusal_duty_acknowledge_not_allowed(),
        DutyAction::Waive => t.refusal_duty_waive_not_allowed(),
    }
}

/// The verb of a duty action.
fn duty_verb(action: DutyAction, lang: Lang) -> &'static str {
    let t = Tr(lang);
    match action {
        DutyAction::Submit => t.refusal_duty_submitted(),
        DutyAction::Acknowledge => t.refusal_duty_acknowledged(),
        DutyAction::Waive => t.refusal_duty_waived(),
    }
}
