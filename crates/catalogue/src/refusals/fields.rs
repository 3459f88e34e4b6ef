//! The input fields as a refusal names them, where the words differ from
//! the form's label (a field the form labels the same way reads that
//! entry): the administration and duty-schedule fields, and some shorter
//! names of the actions' fields.

messages! {
    refusal_field_people_affected => "Số người bị ảnh hưởng", "People affected";
    refusal_field_hotspot_risk => "Nguy cơ thành điểm nóng", "Hotspot risk";
    refusal_field_question => "Nội dung cần bổ sung", "Question";
    refusal_field_attachments => "Tệp đính kèm", "Attachments";
    refusal_field_target => "Vụ việc được gộp vào", "Target case";
    refusal_field_sensitivity => "Mức độ nhạy cảm", "Sensitivity";
    refusal_field_lead_unit => "Cơ quan chủ trì", "Lead unit";
    refusal_field_coordinating_units => "Cơ quan phối hợp", "Coordinating units";
    refusal_field_answer_due => "Hạn trả lời", "Answer due";
    refusal_field_answer => "Nội dung trả lời", "Answer";
    refusal_field_documents => "Văn bản kèm theo", "Documents";
    refusal_field_messages => "Thông điệp chính", "Key messages";
    refusal_field_audience => "Đối tượng tiếp nhận", "Audience";
    refusal_field_opinions => "Các ý kiến khác nhau", "Differing opinions";
    refusal_field_summary => "Kết quả giải quyết", "Summary";
    refusal_field_remark => "Ý kiến khi kết thúc", "Remark";
    refusal_field_held_at => "Thời gian họp", "Meeting time";
    refusal_field_attendees => "Thành phần dự họp", "Attendees";
    refusal_field_minutes => "Biên bản cuộc họp", "Minutes";
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
