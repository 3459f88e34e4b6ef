//! The input fields as a refusal names them where no action's or report's
//! form labels them (those read the form's label): files, and the
//! administration and duty-schedule fields.

messages! {
    refusal_field_action => "Thao tác", "Action";
    refusal_field_version => "Phiên bản vụ việc", "Case version";
    refusal_field_body => "Nội dung gửi lên", "Request body";
    refusal_field_cursor => "Vị trí trang", "Page cursor";
    refusal_field_limit => "Số mục mỗi trang", "Items per page";
    refusal_field_attachments => "Tệp đính kèm", "Attachments";
    refusal_field_documents => "Văn bản kèm theo", "Documents";
    refusal_field_parent => "Địa bàn cấp trên", "Parent area";
    refusal_field_email => "Thư điện tử", "E-mail";
    refusal_field_to => "Năm kết thúc", "Last year";
    refusal_field_q => "Từ khóa tìm kiếm", "Search words";
    refusal_field_provider => "Đơn vị cung cấp thông tin (cơ quan nhà nước)", "Provider (a state body)";
    refusal_field_recipient => "Ban tiếp nhận thông tin", "Recipient board";
    refusal_field_cadence => "Chu kỳ", "Cadence";
    refusal_field_due_days_after_end => "Số ngày sau kỳ đến hạn (0–90)", "Days after the period until due (0–90)";
    refusal_field_reminder_before_days => "Các ngày nhắc trước hạn (1–120, không trùng, tối đa 6)", "Reminder days before due (1–120, distinct, at most 6)";
    refusal_field_overdue_every_days => "Chu kỳ nhắc khi quá hạn (0–90 ngày)", "Overdue reminder interval (0–90 days)";
    refusal_field_report_from => "Từ ngày", "From";
    refusal_field_report_to => "Đến ngày", "To";
}
