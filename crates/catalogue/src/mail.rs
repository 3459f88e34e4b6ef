//! The sentences of the e-mails (the scheduler's templates): each is
//! written once and read by both the plain-text and the HTML part. A word
//! the HTML part sets in bold is quoted (`{answer}`, `{role}`) so that the
//! part can wrap it; a link's words are their own entry, which the text
//! part follows with the address (`mail_at`) and the HTML part links.

messages! {
    // Every e-mail.
    mail_footer => "Thư này được gửi tự động từ hệ thống noicom; vui lòng không trả lời.", "This message was sent automatically by noicom; please do not reply.";
    mail_at(what, link) => "{what} tại: {link}", "{what} at: {link}";
    mail_head_case(code, title) => "Vụ việc {code} — {title}", "Case {code} — {title}";
    mail_head_report(code, title) => "Phản ánh {code} — {title}", "Report {code} — {title}";
    mail_head_dear(name) => "Kính gửi {name},", "Dear {name},";
    mail_status(step) => "Tình trạng: {step}.", "Status: {step}.";

    // Reminder of an information duty.
    mail_duty_reminder_subject(step, period, unit) => "{step}: cung cấp thông tin {period} — {unit}", "{step}: information for {period} — {unit}";
    mail_duty_reminder_due(period, board, due) => "Nghĩa vụ cung cấp thông tin kỳ {period} cho {board} có hạn vào {due}.", "The information for {period} owed to {board} is due on {due}.";
    mail_duty_reminder_link => "Xem và cung cấp thông tin", "View and submit it";
    mail_duty_before(days) => "còn {days} ngày đến hạn", "due in {days} days";
    mail_duty_due => "đến hạn hôm nay", "due today";
    mail_duty_overdue => "QUÁ HẠN", "OVERDUE";

    // Reminder of a case deadline; its subject is only the code, the step
    // and the deadline, in that order in both languages.
    mail_case_reminder_deadline(deadline, due) => "Thời hạn {deadline}: {due}.", "Deadline for the {deadline}: {due}.";
    mail_case_reminder_link => "Xem vụ việc", "View the case";
    mail_case_warning => "sắp đến hạn", "deadline approaching";
    mail_case_breach => "đã quá hạn", "deadline passed";
    mail_case_overdue => "vẫn quá hạn", "still overdue";

    // Password reset.
    mail_password_reset_subject => "Đặt lại mật khẩu", "Reset your password";
    mail_password_reset_asked => "Hệ thống noicom nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn.", "noicom received a request to reset the password of your account.";
    mail_password_reset_open(expiry) => "Để đặt mật khẩu mới, hãy mở liên kết sau ({expiry}):", "To set a new password, open this link ({expiry}):";
    mail_password_reset_link => "Đặt mật khẩu mới", "Set a new password";
    mail_password_reset_expiry(due) => "chỉ dùng được một lần, hết hạn lúc {due}", "it works once and expires at {due}";
    mail_password_reset_ignore => "Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.", "If you did not ask for it, ignore this message; your password stays as it is.";

    // The case is assigned to the lead agency.
    mail_case_assigned_subject(code) => "{code}: đơn vị được giao chủ trì giải quyết", "{code}: your unit is the lead agency";
    mail_case_assigned(role) => "Ban Tuyên giáo và Dân vận đã tiếp nhận vụ việc là vấn đề nổi cộm và giao đơn vị {role}.", "The board accepted this case as an issue of public concern and assigned your unit as the {role}.";
    mail_case_assigned_role => "chủ trì giải quyết", "lead agency";
    mail_case_assigned_answer_by(due) => "Đề nghị đơn vị trả lời bằng văn bản trước {due}.", "Please answer in writing by {due}.";
    mail_case_assigned_link => "Xem vụ việc và gửi văn bản trả lời", "View the case and send the written answer";

    // The board asks the reporter for more information.
    mail_info_requested_subject(code) => "{code}: đề nghị bổ sung thông tin", "{code}: more information needed";
    mail_info_requested => "Ban Tuyên giáo và Dân vận đề nghị anh/chị bổ sung thông tin cho phản ánh này:", "The board asks you for more information on this report:";
    mail_info_requested_link => "Bổ sung thông tin", "Add the information";

    // The lead agency answered in writing.
    mail_answer_received_subject(code) => "{code}: đã nhận văn bản trả lời của cơ quan chủ trì", "{code}: the lead agency answered in writing";
    mail_answer_received(answer) => "Cơ quan chủ trì đã gửi {answer}. Đề nghị Ban xem xét và định hướng thông tin.", "The lead agency sent its {answer}. Please review it and issue the directed communication.";
    mail_answer_received_answer => "văn bản trả lời", "written answer";
    mail_answer_received_link => "Xem văn bản trả lời", "Read the written answer";

    // The bodies disagree: the committee concludes. The text part asks in
    // a sentence, the HTML part's link says it shorter.
    mail_escalated_subject(code) => "{code}: trình Thường trực cấp ủy cho ý kiến kết luận", "{code}: escalated for your conclusion";
    mail_escalated(escalated) => "Các cơ quan có ý kiến khác nhau; vụ việc được {escalated}. Các ý kiến:", "The bodies disagree; the case was {escalated}. The opinions:";
    mail_escalated_to => "trình Thường trực cấp ủy", "escalated to the committee";
    mail_escalated_ask(link) => "Đề nghị đồng chí cho ý kiến kết luận chỉ đạo tại: {link}", "Please give your conclusion at: {link}";
    mail_escalated_link => "Cho ý kiến kết luận chỉ đạo", "Give your conclusion";

    // The result is public: to the reporter.
    mail_result_published_subject(code) => "{code}: kết quả giải quyết đã được công bố", "{code}: the result was made public";
    mail_result_published => "Cảm ơn anh/chị đã phản ánh vụ việc. Kết quả giải quyết đã được thông tin như sau:", "Thank you for your report. The result was made public as follows:";
    mail_result_published_link => "Xem chi tiết", "See the details";
}
