//! The words of the refusals: each message names the rule that was broken,
//! built from the who-may and state tables of [`crate::rules`] so that the
//! text cannot drift from the rule.

use super::inputs::{invalid_input, time_out_of_range};
use super::labels::field_label;
use crate::rules::{from_states, who_may};
use crate::{ActionKind, CaseState, DutyAction, Lang, Refusal, Role};

/// The message of `refusal` in `lang`.
pub(super) fn message(refusal: &Refusal, lang: Lang) -> String {
    use Refusal as R;
    let vi = lang == Lang::Vi;
    match refusal {
        R::RoleNotAllowed { action, .. } => {
            let roles = roles_allowed(*action, lang);
            pick(vi, format!("Chỉ {roles} mới được {}.", action.verb(lang)), || {
                format!("Only {roles} may {}.", action.verb(lang))
            })
        }
        R::OutsideJurisdiction { action } => pick(
            vi,
            format!("Đơn vị của bạn không phụ trách địa bàn này nên không được {}.", action.verb(lang)),
            || format!("Your unit does not serve this area, so you may not {}.", action.verb(lang)),
        ),
        R::NotLeadUnit { action } => pick(
            vi,
            format!("Chỉ đầu mối của cơ quan chủ trì vụ việc mới được {}.", action.verb(lang)),
            || format!("Only a liaison of the case's lead agency may {}.", action.verb(lang)),
        ),
        R::NotInvolvedUnit { action: ActionKind::SetTrialDate } => lang
            .pick(
                "Chỉ đầu mối của Tòa án nhân dân chủ trì hoặc phối hợp giải quyết vụ việc mới được ấn định ngày xét xử.",
                "Only a liaison of a People's Court that leads or coordinates the case may set the trial date.",
            )
            .to_owned(),
        R::NotInvolvedUnit { action } => pick(
            vi,
            format!(
                "Chỉ đầu mối của cơ quan chủ trì hoặc cơ quan phối hợp giải quyết vụ việc mới được {}.",
                action.verb(lang)
            ),
            || format!("Only a liaison of the case's lead or a coordinating agency may {}.", action.verb(lang)),
        ),
        R::NotTheReporter => lang
            .pick(
                "Chỉ người đã gửi phản ánh hoặc cán bộ Ban Tuyên giáo mới được bổ sung thông tin cho phản ánh.",
                "Only the reporter who filed the report, or a board officer, may supplement it.",
            )
            .to_owned(),
        R::WrongState { action, state } => wrong_state(*action, *state, lang),
        R::MissingInput { field: "channels" } => {
            lang.pick("Vui lòng chọn ít nhất một kênh thông tin.", "Please choose at least one channel.").to_owned()
        }
        R::MissingInput { field: "text" } => lang
            .pick("Vui lòng nhập nội dung.", "Please write the text.")
            .to_owned(),
        R::MissingInput { field } => {
            let (label, choice) = field_label(field, lang);
            match (vi, choice) {
                (true, true) => format!("Vui lòng chọn “{label}”."),
                (true, false) => format!("Vui lòng nhập “{label}”."),
                (false, true) => format!("Please choose “{label}”."),
                (false, false) => format!("Please fill in “{label}”."),
            }
        }
        R::InputTooLong { field, max } => {
            let (label, _) = field_label(field, lang);
            let max = thousands(*max, lang);
            pick(vi, format!("“{label}” không được dài quá {max} ký tự."), || {
                format!("“{label}” must not be longer than {max} characters.")
            })
        }
        R::InvalidInput { field } => invalid_input(field, lang),
        R::TimeOutOfRange { field, window } => time_out_of_range(field, *window, lang),
        R::TooManyWords { field, max } => {
            let (label, _) = field_label(field, lang);
            pick(vi, format!("“{label}” không được quá {max} từ."), || {
                format!("“{label}” must not hold more than {max} words.")
            })
        }
        R::UnknownCode { field, code } => {
            let (label, _) = field_label(field, lang);
            pick(vi, format!("Không tìm thấy mã “{code}” trong danh mục “{label}”."), || {
                format!("There is no “{label}” with the code “{code}”.")
            })
        }
        R::LeadUnitNotStateBody { unit } => pick(
            vi,
            format!("Đơn vị “{unit}” không phải là cơ quan nhà nước (HĐND, UBND, TAND, VKSND) nên không thể làm cơ quan chủ trì."),
            || format!("“{unit}” is not a state body (People's Council, People's Committee, People's Court or People's Procuracy), so it cannot lead a case."),
        ),
        R::UnitOutsideArea { field, unit } => {
            let (vi_role, en_role) = match *field {
                "lead_unit" => ("Cơ quan chủ trì", "The lead unit"),
                "coordinating_units" => ("Cơ quan phối hợp", "The coordinating unit"),
                _ => ("Đơn vị", "The unit"),
            };
            pick(vi, format!("{vi_role} “{unit}” không phụ trách địa bàn của vụ việc."), || {
                format!("{en_role} “{unit}” does not serve the case's area.")
            })
        }
        R::UnitInactive { unit } => pick(
            vi,
            format!("Đơn vị “{unit}” đã giải thể hoặc sáp nhập nên không thể được giao vụ việc."),
            || format!("Unit “{unit}” no longer exists (abolished or merged), so it cannot be given the case."),
        ),
        R::MergeIntoItself => lang
            .pick("Không thể gộp một vụ việc vào chính nó.", "A case cannot be merged into itself.")
            .to_owned(),
        R::MergeTargetNotOpen { target } => pick(
            vi,
            format!("Vụ việc “{target}” đã kết thúc, không được tiếp nhận hoặc đã được gộp nên không thể gộp vào."),
            || format!("Case “{target}” is no longer open, so nothing can be merged into it."),
        ),
        R::MergeTargetOutsideArea { target } => pick(
            vi,
            format!("Chỉ được gộp vào vụ việc cùng tuyến địa bàn thuộc phạm vi phụ trách của đơn vị; vụ việc “{target}” không đáp ứng điều kiện này."),
            || format!("A case can be merged only into a case of the same line of areas within your unit's jurisdiction; case “{target}” is not one."),
        ),
        R::ResultNotPublished => lang
            .pick(
                "Chưa thể kết thúc vụ việc vì kết quả giải quyết chưa được công bố.",
                "The case cannot be closed until its result has been published.",
            )
            .to_owned(),
        R::DeadlineInPast { field } => {
            let (label, _) = field_label(field, lang);
            pick(vi, format!("“{label}” phải là một thời điểm trong tương lai."), || {
                format!("“{label}” must be in the future.")
            })
        }
        R::MeetingWithoutBoard => lang
            .pick(
                "Cuộc họp giải quyết phải có đại diện Ban Tuyên giáo và Dân vận tham dự.",
                "A resolution meeting must include a representative of the Propaganda and Mass Mobilization Board.",
            )
            .to_owned(),
        R::NotACourtCase => lang
            .pick(
                "Chỉ ấn định ngày xét xử cho vụ việc có Tòa án nhân dân chủ trì hoặc phối hợp giải quyết.",
                "A trial date can be set only on a case that a People's Court leads or coordinates.",
            )
            .to_owned(),
        R::AdminOnly => lang
            .pick(
                "Chỉ quản trị hệ thống mới được quản lý địa bàn, đơn vị, người dùng và danh mục.",
                "Only an administrator may manage areas, units, users and categories.",
            )
            .to_owned(),
        R::ReportsNotAllowed => lang
            .pick(
                "Chỉ lãnh đạo, cán bộ Ban Tuyên giáo và quản trị hệ thống mới được xem báo cáo tổng hợp.",
                "Only leaders, board officers and administrators may read the summary reports.",
            )
            .to_owned(),
        R::PasswordTooShort { min, .. } => match lang {
            Lang::Vi => format!("Mật khẩu mới phải có ít nhất {min} ký tự."),
            Lang::En => format!("The new password must have at least {min} characters."),
        },
        R::PasswordIsEmail { .. } => lang
            .pick(
                "Mật khẩu mới không được trùng với địa chỉ e-mail.",
                "The new password must not be the e-mail address.",
            )
            .to_owned(),
        R::WrongCurrentPassword => lang
            .pick("Mật khẩu hiện tại không đúng.", "The current password is not correct.")
            .to_owned(),
        R::ResetLinkInvalid => lang
            .pick(
                "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn.",
                "The password reset link is not valid, was already used or has expired.",
            )
            .to_owned(),
        R::DutyNotAllowed { action } => duty_not_allowed(*action, lang).to_owned(),
        R::AttachmentNotAllowed => lang
            .pick(
                "Chỉ người đã gửi phản ánh và những người đang xử lý vụ việc (Ban Tuyên giáo, lãnh đạo cấp ủy có thẩm quyền, cơ quan chủ trì hoặc phối hợp) mới được đính kèm tệp.",
                "Only the reporter and those working on the case (the board, leaders with jurisdiction, the lead or a coordinating agency) may attach files.",
            )
            .to_owned(),
        R::AttachmentCaseFinished { state } => pick(
            vi,
            format!(
                "Vụ việc đang ở trạng thái «{}» nên không thể đính kèm thêm tệp.",
                state.label(lang)
            ),
            || format!("The case is «{}», so no more files can be attached.", state.label(lang)),
        ),
        R::UnsupportedFileType { .. } => lang
            .pick(
                "Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC), PDF và tài liệu văn phòng (Word, Excel, PowerPoint, OpenDocument); nội dung tệp này không thuộc các loại đó.",
                "Only photos (JPEG, PNG, WebP, HEIC), PDF and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted; this file's content is none of those.",
            )
            .to_owned(),
        R::EmailNotFailed => lang
            .pick(
                "Chỉ gửi lại được thư đã gửi thất bại; thư này không ở trạng thái thất bại.",
                "Only an e-mail whose delivery failed can be sent again; this one has not failed.",
            )
            .to_owned(),
        R::DutyWrongStatus { action, status } => pick(
            vi,
            format!(
                "Nghĩa vụ đang ở trạng thái «{}» nên không thể {}.",
                status.label(lang),
                duty_verb(*action, lang)
            ),
            || {
                format!(
                    "The duty is «{}», so it cannot be {}.",
                    status.label(lang),
                    duty_verb(*action, lang)
                )
            },
        ),
    }
}

/// The Vietnamese text, or the English one built only when asked for.
fn pick(vi: bool, vi_text: String, en_text: impl FnOnce() -> String) -> String {
    if vi { vi_text } else { en_text() }
}

/// The roles of the who-may table for `action`, as "A, B hoặc C".
fn roles_allowed(action: ActionKind, lang: Lang) -> String {
    let mut roles: Vec<Role> = Vec::new();
    for permit in who_may(action) {
        if !roles.contains(&permit.role) {
            roles.push(permit.role);
        }
    }
    let names: Vec<String> = roles.iter().map(|role| role_phrase(*role, lang)).collect();
    join(&names, lang)
}

/// A role inside a sentence: "cán bộ Ban Tuyên giáo", "a board officer".
fn role_phrase(role: Role, lang: Lang) -> String {
    let label = lower_first(role.label(lang));
    match lang {
        Lang::Vi => label,
        Lang::En if label.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {label}"),
        Lang::En => format!("a {label}"),
    }
}

fn wrong_state(action: ActionKind, state: CaseState, lang: Lang) -> String {
    let now = state.label(lang);
    let verb = action.verb(lang);
    let states = from_states(action);
    if states.is_empty() {
        return lang
            .pick(
                "Vụ việc này đã được gửi, không thể gửi lại.",
                "This case has already been filed.",
            )
            .to_owned();
    }
    let when = if states.iter().all(|s| s.is_accepted_open()) && states.len() == 5 {
        lang.pick(
            "với vụ việc đã được tiếp nhận và chưa kết thúc",
            "on an accepted case that is not closed",
        )
        .to_owned()
    } else {
        let names: Vec<String> = states
            .iter()
            .map(|s| format!("“{}”", s.label(lang)))
            .collect();
        let names = join(&names, lang);
        match lang {
            Lang::Vi => format!("khi vụ việc ở trạng thái {names}"),
            Lang::En => format!("when the case is {names}"),
        }
    };
    match lang {
        Lang::Vi => format!(
            "Vụ việc đang ở trạng thái “{now}” nên không thể {verb}; việc này chỉ thực hiện được {when}."
        ),
        Lang::En => {
            format!("The case is “{now}”, so you cannot {verb}; that is possible only {when}.")
        }
    }
}

/// "A", "A hoặc B", "A, B hoặc C" (English: "or").
fn join(items: &[String], lang: Lang) -> String {
    let or = lang.pick(" hoặc ", " or ");
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{}{or}{last}", init.join(", ")),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// 20000 → "20.000" (Vietnamese) or "20,000" (English).
fn thousands(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = lang.pick(".", ",");
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
    match action {
        DutyAction::Submit => lang.pick(
            "Chỉ đầu mối của cơ quan có nghĩa vụ mới được cung cấp thông tin.",
            "Only a liaison of the unit that owes the information may submit it.",
        ),
        DutyAction::Acknowledge => lang.pick(
            "Chỉ cán bộ của Ban nhận thông tin mới được xác nhận đã tiếp nhận.",
            "Only an officer of the receiving board may acknowledge it.",
        ),
        DutyAction::Waive => lang.pick(
            "Chỉ quản trị viên mới được miễn nghĩa vụ cung cấp thông tin.",
            "Only an admin may waive an information duty.",
        ),
    }
}

/// The verb of a duty action.
fn duty_verb(action: DutyAction, lang: Lang) -> &'static str {
    match action {
        DutyAction::Submit => lang.pick("cung cấp thông tin", "submitted"),
        DutyAction::Acknowledge => lang.pick("xác nhận tiếp nhận", "acknowledged"),
        DutyAction::Waive => lang.pick("miễn", "waived"),
    }
}
