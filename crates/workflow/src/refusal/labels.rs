//! The words for the input fields a refusal names: the label a user sees
//! next to the field, in Vietnamese and English.

use crate::Lang;

/// The label of a JSON input field and whether it is chosen from a list
/// (so the message says "chọn" rather than "nhập").
pub(super) fn field_label(field: &str, lang: Lang) -> (String, bool) {
    let (vi, en, choice) = match field {
        "title" => ("Tiêu đề", "Title", false),
        "description" => ("Nội dung phản ánh", "Description", false),
        "area" => ("Địa bàn", "Area", true),
        "category" => ("Lĩnh vực", "Category", true),
        "source" => ("Nguồn thông tin", "Source", true),
        "people_affected" => ("Số người bị ảnh hưởng", "People affected", false),
        "hotspot_risk" => ("Nguy cơ thành điểm nóng", "Hotspot risk", true),
        "question" => ("Nội dung cần bổ sung", "Question", false),
        "text" => ("Nội dung", "Text", false),
        "attachments" => ("Tệp đính kèm", "Attachments", true),
        "reason" => ("Lý do", "Reason", false),
        "target" => ("Vụ việc được gộp vào", "Target case", true),
        "sensitivity" => ("Mức độ nhạy cảm", "Sensitivity", true),
        "priority" => ("Mức độ ưu tiên", "Priority", true),
        "lead_unit" => ("Cơ quan chủ trì", "Lead unit", true),
        "coordinating_units" => ("Cơ quan phối hợp", "Coordinating units", true),
        "answer_due" => ("Hạn trả lời", "Answer due", false),
        "answer" => ("Nội dung trả lời", "Answer", false),
        "documents" => ("Văn bản kèm theo", "Documents", true),
        "messages" => ("Thông điệp chính", "Key messages", false),
        "channels" => ("Kênh thông tin", "Channels", true),
        "audience" => ("Đối tượng tiếp nhận", "Audience", false),
        "opinions" => ("Các ý kiến khác nhau", "Differing opinions", false),
        "conclusion" => ("Kết luận chỉ đạo", "Conclusion", false),
        "summary" => ("Kết quả giải quyết", "Summary", false),
        "remark" => ("Ý kiến khi kết thúc", "Remark", false),
        "held_at" => ("Thời gian họp", "Meeting time", false),
        "chair_unit" => ("Đơn vị chủ trì cuộc họp", "Chairing unit", true),
        "attendees" => ("Thành phần dự họp", "Attendees", true),
        "minutes" => ("Biên bản cuộc họp", "Minutes", false),
        "trial_date" => ("Ngày xét xử", "Trial date", false),
        "parties" => ("Các bên tham gia", "Parties", true),
        // Fields of the administration inputs the store checks.
        "parent" => ("Địa bàn cấp trên", "Parent area", true),
        "unit" => ("Đơn vị", "Unit", true),
        "serves" => ("Địa bàn phụ trách", "Areas served", true),
        "code" => ("Mã", "Code", false),
        "name" => ("Tên", "Name", false),
        "email" => ("Thư điện tử", "E-mail", false),
        "to" => ("Năm kết thúc", "Last year", false),
        "year" => ("Năm", "Year", false),
        "q" => ("Từ khóa tìm kiếm", "Search words", false),
        // Fields of a duty schedule.
        "provider" => (
            "Đơn vị cung cấp thông tin (cơ quan nhà nước)",
            "Provider (a state body)",
            true,
        ),
        "recipient" => ("Ban tiếp nhận thông tin", "Recipient board", true),
        "cadence" => ("Chu kỳ", "Cadence", true),
        "due_days_after_end" => (
            "Số ngày sau kỳ đến hạn (0–90)",
            "Days after the period until due (0–90)",
            false,
        ),
        "reminder_before_days" => (
            "Các ngày nhắc trước hạn (1–120, không trùng, tối đa 6)",
            "Reminder days before due (1–120, distinct, at most 6)",
            false,
        ),
        "overdue_every_days" => (
            "Chu kỳ nhắc khi quá hạn (0–90 ngày)",
            "Overdue reminder interval (0–90 days)",
            false,
        ),
        "period" => ("Kỳ", "Period", false),
        other => return (other.to_owned(), false),
    };
    (lang.pick(vi, en).to_owned(), choice)
}
