//! The board's moves after triage (SPEC §11): reassigning the lead,
//! reassessing, forwarding a report, the opinions of an escalation, the
//! conclusion notice, and what the reporter is told when their report
//! leaves the board's hands. Kept apart so that the other tables of the
//! catalogue read as before.

messages! {
    // The actions: a button's label and the verb phrase that fits
    // "Chỉ … mới được …" / "Only … may …".
    action_reassign => "Giao lại cơ quan chủ trì", "Reassign the lead agency";
    action_reassess => "Đánh giá lại mức độ", "Reassess";
    action_forward => "Chuyển cơ quan có thẩm quyền", "Forward to the competent body";
    action_verb_reassign => "giao lại cơ quan chủ trì", "reassign the lead agency";
    action_verb_reassess => "đánh giá lại mức độ ưu tiên, tính chất và nguy cơ của vụ việc", "reassess a case's priority, sensitivity and hotspot risk";
    action_verb_forward => "chuyển phản ánh đến cơ quan có thẩm quyền", "forward a report to the competent body";

    // Their fields.
    field_new_lead_unit => "Cơ quan chủ trì mới", "New lead agency";
    field_coordinating_from_now => "Cơ quan phối hợp (không chọn: giữ nguyên)", "Coordinating agencies (none ticked: unchanged)";
    field_new_priority => "Mức độ ưu tiên mới (để trống: giữ nguyên)", "New priority (blank: unchanged)";
    field_new_sensitivity => "Tính chất mới (để trống: giữ nguyên)", "New sensitivity (blank: unchanged)";
    field_new_hotspot_risk => "Nguy cơ thành điểm nóng mới (để trống: giữ nguyên)", "New hotspot risk (blank: unchanged)";
    field_to_unit => "Cơ quan có thẩm quyền", "Competent body";
    opinion_unit => "Cơ quan", "Body";
    opinion_text => "Ý kiến", "Opinion";
    opinions_hint => "Ghi ý kiến của từng cơ quan, ít nhất hai cơ quan; để trống những dòng không dùng.", "Write each body's opinion, at least two bodies; leave unused rows blank.";
    opinions_heading => "Ý kiến các cơ quan trình Thường trực cấp ủy", "The bodies' opinions before the committee";

    // Refusals.
    refusal_opinions_two_units => "Cần báo cáo đầy đủ ý kiến của ít nhất hai cơ quan khác nhau, mỗi cơ quan một ý kiến.", "Report the opinions of at least two different bodies, one opinion per body.";
    refusal_nothing_reassessed => "Cần chọn lại ít nhất một trong: mức độ ưu tiên, tính chất, nguy cơ thành điểm nóng.", "Choose at least one of: priority, sensitivity, hotspot risk.";
    refusal_same_lead_unit(unit) => "“{unit}” đang là cơ quan chủ trì; hãy chọn một cơ quan khác.", "“{unit}” already leads the case; choose another body.";

    // E-mail: the new lead unit of a reassigned case.
    mail_lead_reassigned_subject(code) => "{code}: đơn vị được giao lại chủ trì giải quyết", "{code}: your unit is now the lead agency";
    mail_lead_reassigned(role) => "Ban Tuyên giáo và Dân vận đã giao lại vụ việc này cho đơn vị {role}. Lý do:", "The board reassigned this case to your unit as the {role}. The reason:";

    // E-mail: the former lead unit.
    mail_lead_released_subject(code) => "{code}: đơn vị không còn chủ trì giải quyết", "{code}: your unit no longer leads this case";
    mail_lead_released(released) => "Ban Tuyên giáo và Dân vận đã giao vụ việc này cho cơ quan khác; đơn vị {released}. Lý do:", "The board handed this case to another body; your unit {released}. The reason:";
    mail_lead_released_words => "không còn là cơ quan chủ trì", "no longer leads it";

    // E-mail: the competent body receives a forwarded report.
    mail_forwarded_subject(code) => "{code}: chuyển phản ánh để xem xét, giải quyết theo thẩm quyền", "{code}: a report forwarded for you to handle";
    mail_forwarded(handle) => "Ban Tuyên giáo và Dân vận chuyển đến đơn vị phản ánh dưới đây để {handle}. Nội dung phản ánh:", "The board forwards the report below to your unit {handle}. The report:";
    mail_forwarded_handle => "xem xét, giải quyết theo thẩm quyền", "to handle within its competence";
    mail_forwarded_reason => "Lý do chuyển:", "Why it was forwarded:";

    // E-mails to the reporter: forwarded, dismissed, merged.
    mail_report_forwarded_subject(code) => "{code}: phản ánh đã được chuyển đến cơ quan có thẩm quyền", "{code}: your report was forwarded to the competent body";
    mail_report_forwarded(unit) => "Ban Tuyên giáo và Dân vận đã chuyển phản ánh của anh/chị đến {unit} để xem xét, giải quyết theo thẩm quyền. Lý do:", "The board forwarded your report to {unit}, which is competent to handle it. The reason:";
    mail_report_dismissed_subject(code) => "{code}: phản ánh không được tiếp nhận là vấn đề nổi cộm", "{code}: your report was not accepted as an issue of public concern";
    mail_report_dismissed => "Ban Tuyên giáo và Dân vận đã xem xét phản ánh của anh/chị và kết luận đây không phải vấn đề nổi cộm. Lý do:", "The board considered your report and decided it is not an issue of public concern. The reason:";
    mail_report_merged_subject(code) => "{code}: phản ánh đã được gộp vào vụ việc khác", "{code}: your report was merged into another case";
    mail_report_merged(target) => "Phản ánh của anh/chị trùng với vụ việc {target} đang được xử lý nên đã được gộp vào vụ việc đó. Cảm ơn anh/chị đã phản ánh.", "Your report concerns the same matter as case {target}, which is being handled, so it was merged into it. Thank you for your report.";
    mail_report_link => "Xem phản ánh", "View your report";

    // E-mail: the conclusion notice (thông báo kết luận).
    mail_concluded_subject(code) => "{code}: thông báo kết luận chỉ đạo", "{code}: notice of the conclusion";
    mail_concluded(conclusion) => "Thường trực cấp ủy đã có {conclusion} về vụ việc như sau:", "The party committee gave its {conclusion} on this case:";
    mail_concluded_words => "kết luận chỉ đạo", "conclusion";
    mail_concluded_ask => "Đề nghị các cơ quan tổ chức thực hiện.", "The bodies concerned are asked to carry it out.";
    mail_documents => "Văn bản kèm theo (xem trên trang vụ việc):", "Documents attached (read them on the case's page):";
    mail_concluded_link => "Xem kết luận và tài liệu kèm theo", "Read the conclusion and its documents";
}
