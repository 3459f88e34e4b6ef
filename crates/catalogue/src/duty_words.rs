//! Information duties, continued (SPEC §13): the words a reader sees for a
//! duty's period, ad-hoc requests for information, the documents a
//! submission carries, and the verdict date of a court case.

messages! {
    // A duty's period as a reader sees it (`workflow::duty_period_label`).
    period_month(month, year) => "Tháng {month}/{year}", "Month {month}/{year}";
    period_quarter(quarter, year) => "Quý {quarter}/{year}", "Quarter {quarter}/{year}";
    period_year(year) => "Năm {year}", "Year {year}";
    period_before_trial(date, case) => "Trước phiên tòa ngày {date} — vụ {case}", "Before the trial on {date} — case {case}";
    period_after_trial(date, case) => "Sau phiên tòa ngày {date} — vụ {case}", "After the trial on {date} — case {case}";
    period_before_trial_day(date) => "Trước phiên tòa ngày {date}", "Before the trial on {date}";
    period_after_trial_day(date) => "Sau phiên tòa ngày {date}", "After the trial on {date}";
    period_day(date) => "Ngày {date}", "On {date}";
    duty_ad_hoc => "Yêu cầu đột xuất", "Ad-hoc request";
    period_filter_hint => "Ví dụ Quý IV/2026, Tháng 11/2026, Năm 2026, hoặc một ngày như 20/04/2026 (ngày xét xử, hạn của yêu cầu đột xuất).", "E.g. Quarter IV/2026, Month 11/2026, Year 2026, or a day such as 20/04/2026 (a trial's, or an ad-hoc request's due day).";

    // The verdict date (`set_verdict_date`).
    action_set_verdict_date => "Ấn định ngày tuyên án", "Set verdict date";
    action_done_set_verdict_date => "Đã ấn định ngày tuyên án", "Verdict date set";
    action_verb_set_verdict_date => "ấn định ngày tuyên án", "set the verdict date";
    verdict_date => "Ngày tuyên án", "Verdict date";
    refusal_no_trial_date => "Vụ việc chưa có ngày xét xử: chỉ ấn định ngày tuyên án sau khi đã ấn định ngày xét xử.", "The case has no trial date: set the trial date before the verdict date.";
    refusal_verdict_before_trial => "Ngày tuyên án không được trước ngày xét xử.", "The verdict date cannot be before the trial date.";
    refusal_not_involved_court_verdict => "Chỉ đầu mối của Tòa án nhân dân chủ trì hoặc phối hợp giải quyết vụ việc mới được ấn định ngày tuyên án.", "Only a liaison of a People's Court that leads or coordinates the case may set the verdict date.";

    // Ad-hoc requests (*khi cần thiết*, seed 003).
    refusal_duty_request_not_allowed => "Chỉ cán bộ Ban Tuyên giáo và Dân vận mới được yêu cầu cơ quan cung cấp thông tin đột xuất.", "Only a board officer may ask a body for information ad hoc.";
    refusal_not_a_duty_provider(unit) => "Đơn vị “{unit}” không phải cơ quan nhà nước có nghĩa vụ cung cấp thông tin cho Ban.", "The unit “{unit}” is not a state body that owes the board information.";
    duty_topic => "Nội dung thông tin cần cung cấp", "Information asked for";
    duty_request => "Yêu cầu cung cấp thông tin đột xuất", "Ask for information ad hoc";
    duty_request_intro => "Khi cần thiết, Ban yêu cầu cơ quan nhà nước cung cấp thông tin về một vấn đề; cơ quan được nhắc hạn như với nghĩa vụ hằng quý.", "When needed, the board asks a state body for information on a matter; the body is reminded as for its quarterly duty.";
    duty_request_unit => "Cơ quan được yêu cầu", "Body asked";
    duty_request_due => "Hạn cung cấp (ngày)", "Due by (date)";
    duty_request_case => "Vụ việc liên quan (mã vụ việc)", "Related case (its code)";
    duty_request_send => "Gửi yêu cầu", "Send the request";
    duty_requested => "Đã gửi yêu cầu cung cấp thông tin", "Request sent";
    duty_requested_by => "Yêu cầu của", "Asked by";

    // The duty reminder e-mail names the duty by its period in words.
    mail_duty_subject(step, duty, unit) => "{step}: cung cấp thông tin ({duty}) — {unit}", "{step}: information ({duty}) — {unit}";
    mail_duty_owed(board, duty, due) => "Thông tin cần cung cấp cho {board}: {duty}. Hạn cung cấp: {due}.", "Information owed to {board}: {duty}. Due: {due}.";

    // The request's first notice, to the body asked (at once).
    mail_duty_requested_subject(board) => "{board} yêu cầu cung cấp thông tin", "{board} asks for information";
    mail_duty_requested(board, duty, due) => "{board} đề nghị đơn vị cung cấp thông tin: {duty}. Hạn cung cấp: {due}.", "{board} asks your unit for information: {duty}. Due: {due}.";
    mail_duty_requested_case(case) => "Vụ việc liên quan: {case}.", "Related case: {case}.";
    mail_duty_requested_link => "Xem yêu cầu và cung cấp thông tin", "View the request and submit the information";

    // Documents of a submission.
    duty_no_files => "Không có tài liệu kèm theo.", "No documents attached.";
    duty_files_field => "Văn bản, tài liệu kèm theo (PDF, ảnh, Word, Excel…)", "Documents (PDF, photos, Word, Excel…)";
}
