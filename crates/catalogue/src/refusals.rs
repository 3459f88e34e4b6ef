//! Why an action is refused, in words: each sentence names the rule that
//! was broken. `workflow` decides which refusal it is and which words it
//! quotes (the roles, the states, the field).

messages! {
    // Who may act.
    refusal_role_not_allowed(roles, verb) => "Chỉ {roles} mới được {verb}.", "Only {roles} may {verb}.";
    refusal_outside_jurisdiction(verb) => "Đơn vị của bạn không phụ trách địa bàn này nên không được {verb}.", "Your unit does not serve this area, so you may not {verb}.";
    refusal_not_lead_unit(verb) => "Chỉ đầu mối của cơ quan chủ trì vụ việc mới được {verb}.", "Only a liaison of the case's lead agency may {verb}.";
    refusal_not_involved_court => "Chỉ đầu mối của Tòa án nhân dân chủ trì hoặc phối hợp giải quyết vụ việc mới được ấn định ngày xét xử.", "Only a liaison of a People's Court that leads or coordinates the case may set the trial date.";
    refusal_not_involved_unit(verb) => "Chỉ đầu mối của cơ quan chủ trì hoặc cơ quan phối hợp giải quyết vụ việc mới được {verb}.", "Only a liaison of the case's lead or a coordinating agency may {verb}.";
    refusal_not_the_reporter => "Chỉ người đã gửi phản ánh hoặc cán bộ Ban Tuyên giáo và Dân vận mới được bổ sung thông tin cho phản ánh.", "Only the reporter who filed the report, or a board officer, may supplement it.";
    refusal_admin_only => "Chỉ quản trị hệ thống mới được quản lý địa bàn, đơn vị, người dùng và danh mục.", "Only an administrator may manage areas, units, users and categories.";
    refusal_reports_not_allowed => "Chỉ lãnh đạo, cán bộ Ban Tuyên giáo và Dân vận, quản trị hệ thống mới được xem báo cáo tổng hợp.", "Only leaders, board officers and administrators may read the summary reports.";
    refusal_attachment_not_allowed => "Chỉ người đã gửi phản ánh và những người đang xử lý vụ việc (Ban Tuyên giáo và Dân vận, lãnh đạo cấp ủy có thẩm quyền, cơ quan chủ trì hoặc phối hợp) mới được đính kèm tệp.", "Only the reporter and those working on the case (the board, leaders with jurisdiction, the lead or a coordinating agency) may attach files.";
    // The last two of a list of who may, or of the states something may be done in.
    list_or(init, last) => "{init} hoặc {last}", "{init} or {last}";

    // The case's state.
    refusal_already_filed => "Vụ việc này đã được gửi, không thể gửi lại.", "This case has already been filed.";
    refusal_wrong_state(now, verb, when) => "Vụ việc đang ở trạng thái “{now}” nên không thể {verb}; việc này chỉ thực hiện được {when}.", "The case is “{now}”, so you cannot {verb}; that is possible only {when}.";
    refusal_when_accepted_open => "với vụ việc đã được tiếp nhận và chưa kết thúc", "on an accepted case that is not closed";
    refusal_when_in_states(states) => "khi vụ việc ở trạng thái {states}", "when the case is {states}";
    refusal_result_not_published => "Chưa thể kết thúc vụ việc vì kết quả giải quyết chưa được công bố.", "The case cannot be closed until its result has been published.";
    refusal_not_a_court_case => "Chỉ ấn định ngày xét xử cho vụ việc có Tòa án nhân dân chủ trì hoặc phối hợp giải quyết.", "A trial date can be set only on a case that a People's Court leads or coordinates.";
    refusal_attachment_case_finished(state) => "Vụ việc đang ở trạng thái «{state}» nên không thể đính kèm thêm tệp.", "The case is «{state}», so no more files can be attached.";

    // The input.
    refusal_choose_channel => "Vui lòng chọn ít nhất một kênh thông tin.", "Please choose at least one channel.";
    refusal_choose_area => "Vui lòng chọn địa bàn.", "Please choose an area.";
    refusal_write_text => "Vui lòng nhập nội dung.", "Please write the text.";
    refusal_choose(label) => "Vui lòng chọn “{label}”.", "Please choose “{label}”.";
    refusal_fill_in(label) => "Vui lòng nhập “{label}”.", "Please fill in “{label}”.";
    refusal_input_too_long(label, max) => "“{label}” không được dài quá {max} ký tự.", "“{label}” must not be longer than {max} characters.";
    refusal_too_many_words(label, max) => "“{label}” không được quá {max} từ.", "“{label}” must not hold more than {max} words.";
    refusal_unknown_code(label, code) => "Không tìm thấy mã “{code}” trong danh mục “{label}”.", "There is no “{label}” with the code “{code}”.";
    refusal_invalid_input(label) => "Giá trị của “{label}” không hợp lệ.", "The value of “{label}” is not valid.";
    refusal_negative_people_affected => "“Số người bị ảnh hưởng” không được là số âm.", "“People affected” cannot be negative.";
    refusal_coordinating_is_lead => "Cơ quan phối hợp phải khác cơ quan chủ trì.", "A coordinating unit cannot also be the lead unit.";
    refusal_invalid_attachment => "Tệp đính kèm không hợp lệ.", "An attached file is not valid.";
    refusal_deadline_in_past(label) => "“{label}” phải là một thời điểm trong tương lai.", "“{label}” must be in the future.";
    refusal_time_in_future(label, years) => "“{label}” phải là một thời điểm trong tương lai, không quá {years} kể từ nay.", "“{label}” must be in the future, at most {years} from now.";
    refusal_time_between(label, before, after) => "“{label}” phải nằm trong khoảng từ {before} trước đến {after} sau thời điểm hiện tại.", "“{label}” must lie between {before} before and {after} after now.";
    one_year => "1 năm", "1 year";
    years(n) => "{n} năm", "{n} years";
    // Between the thousands of a number: 20.000 / 20,000.
    thousands_separator => ".", ",";
    refusal_meeting_without_board => "Cuộc họp giải quyết phải mời đại diện Ban Tuyên giáo và Dân vận tham dự.", "A resolution meeting must invite a representative of the Propaganda and Mass Mobilization Board.";
    refusal_recipient_not_allowed(unit) => "Đơn vị “{unit}” không phải là cơ quan báo chí, Mặt trận, đoàn thể, cấp ủy hoặc Ban Tuyên giáo và Dân vận nên không thể nhận công văn định hướng thông tin.", "“{unit}” is not a media outlet, the Front, a mass organisation, a Party committee or the Propaganda and Mass Mobilization Board, so it cannot receive an orientation notice.";
    refusal_not_a_recipient => "Chỉ người của đơn vị nhận công văn định hướng thông tin mới được xác nhận đã nhận.", "Only a user of a unit the orientation notice was sent to may acknowledge it.";
    refusal_acknowledgement_link_invalid => "Liên kết xác nhận không hợp lệ hoặc đã hết hạn.", "The acknowledgement link is not valid or has expired.";
    refusal_unsupported_file_type => "Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC), PDF và tài liệu văn phòng (Word, Excel, PowerPoint, OpenDocument); nội dung tệp này không thuộc các loại đó.", "Only photos (JPEG, PNG, WebP, HEIC), PDF and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted; this file's content is none of those.";
    input_not_an_email(value) => "«{value}» không phải địa chỉ e-mail hợp lệ", "«{value}» is not a valid e-mail address";

    // The units a case names, and the case merged into.
    refusal_lead_unit_not_state_body(unit) => "Đơn vị “{unit}” không phải là cơ quan nhà nước (HĐND, UBND, TAND, VKSND) nên không thể làm cơ quan chủ trì.", "“{unit}” is not a state body (People's Council, People's Committee, People's Court or People's Procuracy), so it cannot lead a case.";
    refusal_coordinating_unit_of_the_party(unit) => "Đơn vị “{unit}” là cấp ủy hoặc ban của Đảng nên không thể làm cơ quan phối hợp.", "“{unit}” is a party committee or a party board, so it cannot coordinate a case.";
    refusal_lead_unit_outside_area(unit) => "Cơ quan chủ trì “{unit}” không phụ trách địa bàn của vụ việc.", "The lead unit “{unit}” does not serve the case's area.";
    refusal_coordinating_unit_outside_area(unit) => "Cơ quan phối hợp “{unit}” không phụ trách địa bàn của vụ việc.", "The coordinating unit “{unit}” does not serve the case's area.";
    refusal_unit_outside_area(unit) => "Đơn vị “{unit}” không phụ trách địa bàn của vụ việc.", "The unit “{unit}” does not serve the case's area.";
    refusal_unit_inactive(unit) => "Đơn vị “{unit}” đã giải thể hoặc sáp nhập nên không thể được giao vụ việc.", "Unit “{unit}” no longer exists (abolished or merged), so it cannot be given the case.";
    refusal_merge_into_itself => "Không thể gộp một vụ việc vào chính nó.", "A case cannot be merged into itself.";
    refusal_merge_target_not_open(target) => "Vụ việc “{target}” đã kết thúc, không được tiếp nhận hoặc đã được gộp nên không thể gộp vào.", "Case “{target}” is no longer open, so nothing can be merged into it.";
    refusal_merge_target_outside_area(target) => "Chỉ được gộp vào vụ việc cùng tuyến địa bàn thuộc phạm vi phụ trách của đơn vị; vụ việc “{target}” không đáp ứng điều kiện này.", "A case can be merged only into a case of the same line of areas within your unit's jurisdiction; case “{target}” is not one.";

    // Passwords and e-mails.
    refusal_password_too_short(min) => "Mật khẩu mới phải có ít nhất {min} ký tự.", "The new password must have at least {min} characters.";
    refusal_password_is_email => "Mật khẩu mới không được trùng với địa chỉ e-mail.", "The new password must not be the e-mail address.";
    refusal_wrong_current_password => "Mật khẩu hiện tại không đúng.", "The current password is not correct.";
    refusal_reset_link_invalid => "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn.", "The password reset link is not valid, was already used or has expired.";
    refusal_email_not_failed => "Chỉ gửi lại được thư đã gửi thất bại; thư này không ở trạng thái thất bại.", "Only an e-mail whose delivery failed can be sent again; this one has not failed.";

    // Information duties: who may, and what a duty's status forbids.
    refusal_duty_submit_not_allowed => "Chỉ đầu mối của cơ quan có nghĩa vụ mới được cung cấp thông tin.", "Only a liaison of the unit that owes the information may submit it.";
    refusal_duty_acknowledge_not_allowed => "Chỉ cán bộ của Ban nhận thông tin mới được xác nhận đã tiếp nhận.", "Only an officer of the receiving board may acknowledge it.";
    refusal_duty_waive_not_allowed => "Chỉ quản trị viên mới được miễn nghĩa vụ cung cấp thông tin.", "Only an admin may waive an information duty.";
    refusal_duty_wrong_status(status, verb) => "Nghĩa vụ đang ở trạng thái «{status}» nên không thể {verb}.", "The duty is «{status}», so it cannot be {verb}.";
    refusal_duty_submitted => "cung cấp thông tin", "submitted";
    refusal_duty_acknowledged => "xác nhận tiếp nhận", "acknowledged";
    refusal_duty_waived => "miễn", "waived";
}

pub(crate) mod fields;
