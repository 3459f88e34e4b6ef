//! Orientation notices (SPEC §12): the e-mails to the recipient units,
//! their reminders, the page an acknowledgement link lands on, and the
//! case page's orientation panel.

messages! {
    // The e-mail of a notice and its reminders.
    mail_orientation_subject(number, case_code) => "Công văn định hướng thông tin số {number} — vụ việc {case_code}", "Orientation notice No. {number} — case {case_code}";
    mail_orientation_reminder_subject(number, case_code) => "Nhắc xác nhận công văn định hướng thông tin số {number} — vụ việc {case_code}", "Reminder: acknowledge orientation notice No. {number} — case {case_code}";
    mail_orientation_head(unit) => "Kính gửi: {unit}", "To: {unit}";
    mail_orientation_sent(issuer, number, code, title) => "{issuer} gửi công văn định hướng thông tin số {number} về vụ việc {code} — {title}.", "{issuer} sends orientation notice No. {number} about case {code} — {title}.";
    mail_orientation_replaces(number) => "Công văn này thay thế công văn số {number}.", "This notice replaces notice No. {number}.";
    mail_orientation_ask => "Đề nghị đơn vị xác nhận đã nhận công văn (không cần đăng nhập)", "Please acknowledge receipt of the notice (no sign-in needed)";
    mail_orientation_link_expiry(due) => "liên kết dùng được một lần, đến {due}", "the link works once, until {due}";
    mail_orientation_waiting(unit, days) => "{unit} chưa xác nhận đã nhận công văn (đã {days} ngày làm việc kể từ khi gửi).", "{unit} has not acknowledged the notice (working days since it was sent: {days}).";
    mail_orientation_copy => "Bản đồng gửi Ban Tuyên giáo và Dân vận để theo dõi việc xác nhận của đơn vị nhận công văn.", "A copy to the Propaganda and Mass Mobilization Board, to follow up the recipient unit's acknowledgement.";
    mail_orientation_case_link => "Xem vụ việc", "Open the case";

    // The page an acknowledgement link lands on.
    ack_title => "Xác nhận đã nhận công văn định hướng thông tin", "Acknowledge an orientation notice";
    ack_notice(number) => "Công văn số {number}", "Notice No. {number}";
    ack_issued(issuer, at) => "{issuer} gửi lúc {at}", "Sent by {issuer} at {at}";
    ack_to(unit) => "Gửi: {unit}", "To: {unit}";
    ack_about(code, title) => "Về vụ việc {code} — {title}", "About case {code} — {title}";
    ack_button => "Xác nhận đơn vị đã nhận", "Acknowledge receipt for the unit";
    ack_done(at, by) => "Đã xác nhận lúc {at} ({by}). Cảm ơn đơn vị.", "Acknowledged at {at} ({by}). Thank you.";
    ack_already(at, by) => "Công văn này đã được xác nhận lúc {at} ({by}); liên kết đã được dùng.", "This notice was already acknowledged at {at} ({by}); the link has been used.";

    // The orientation panel of the case page.
    orientation_panel => "Công văn định hướng thông tin", "Orientation notices";
    orientation_version(version) => "lần {version}", "version {version}";
    orientation_status_sent => "Đã gửi, chưa xác nhận", "Sent, not acknowledged";
    orientation_status_acknowledged(at, by) => "Đã xác nhận lúc {at} ({by})", "Acknowledged at {at} ({by})";
    orientation_status_no_address => "Không gửi được: đơn vị chưa có địa chỉ thư điện tử", "Not delivered: the unit has no e-mail address";
    orientation_status_delivery_failed => "Không gửi được: thư bị trả lại", "Not delivered: the e-mail failed";
    orientation_no_recipients => "Không gửi đơn vị nào.", "Sent to no unit.";
}
