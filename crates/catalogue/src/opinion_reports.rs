//! Opinion reports and their trends (SPEC §16): the refusals of a report
//! and of a case filed from one of its items, the phone form, the list,
//! one report's page, and the trend charts of the dashboards.

messages! {
    // Refusals of a report.
    opinion_refusal_not_a_collaborator => "Chỉ cộng tác viên dư luận xã hội đang trong nhiệm kỳ mới được gửi báo cáo tình hình dư luận xã hội.", "Only a public-opinion collaborator whose term is running may send an opinion report.";
    opinion_refusal_area_not_covered(area) => "Địa bàn “{area}” không thuộc địa bàn bạn phụ trách.", "The area “{area}” is not one you cover.";
    opinion_refusal_period_or_quick => "Vui lòng chọn tháng báo cáo, hoặc chọn “Báo cáo nhanh” — không chọn cả hai.", "Please choose the month of the report, or “Quick report” — not both.";
    opinion_refusal_bad_period(text) => "Tháng báo cáo “{text}” không hợp lệ; hãy ghi năm-tháng, ví dụ 2026-11.", "The month “{text}” is not valid; write year-month, e.g. 2026-11.";
    opinion_refusal_period_in_future => "Tháng báo cáo không được sau tháng hiện tại.", "The month of the report cannot be after the current month.";
    opinion_refusal_no_items => "Báo cáo phải có ít nhất một ý kiến.", "A report must hold at least one opinion.";
    opinion_refusal_too_many_items(max) => "Một báo cáo có tối đa {max} ý kiến.", "A report holds at most {max} opinions.";
    opinion_refusal_item(position, problem) => "Ý kiến {position}: {problem}", "Opinion {position}: {problem}";
    opinion_refusal_choose_category => "vui lòng chọn lĩnh vực.", "please choose the category.";
    opinion_refusal_unknown_category(code) => "không có lĩnh vực mã “{code}”.", "there is no category with the code “{code}”.";
    opinion_refusal_blank_summary => "vui lòng ghi nội dung ý kiến.", "please write what people say.";
    opinion_refusal_summary_too_long(max) => "nội dung không được dài quá {max} ký tự.", "the summary must not be longer than {max} characters.";
    opinion_refusal_bad_mood => "vui lòng chọn thái độ của người dân.", "please choose the mood of the people.";
    opinion_refusal_bad_reach => "vui lòng chọn mức độ lan truyền.", "please choose how far it has spread.";
    opinion_refusal_bad_source => "vui lòng chọn nguồn nắm bắt.", "please choose where it was heard.";
    opinion_refusal_bad_people => "số người quan tâm phải là số không âm.", "the number of people must not be negative.";
    opinion_refusal_duplicate_monthly(period, area) => "Bạn đã gửi báo cáo tháng {period} của địa bàn {area}; mỗi tháng chỉ gửi một báo cáo định kỳ. Ý kiến mới phát sinh xin gửi bằng báo cáo nhanh.", "You have already sent the report of {period} for {area}; one monthly report a month. Please send new opinions as a quick report.";
    opinion_refusal_not_board_officer => "Chỉ cán bộ Ban Tuyên giáo và Dân vận phụ trách địa bàn mới được lập phản ánh từ ý kiến trong báo cáo.", "Only a board officer serving the area may file a case from an opinion in a report.";
    opinion_refusal_item_filed(case) => "Ý kiến này đã được lập thành phản ánh {case}.", "This opinion has already been filed as the case {case}.";
    thing_opinion_report => "báo cáo dư luận xã hội", "opinion report";

    // The report's words.
    nav_opinion_reports => "Dư luận", "Public opinion";
    opinion_reports => "Báo cáo dư luận xã hội", "Opinion reports";
    opinion_report_new => "Gửi báo cáo dư luận xã hội", "Send an opinion report";
    opinion_report_title(area, when) => "Báo cáo tình hình dư luận xã hội — {area}, {when}", "Public-opinion report — {area}, {when}";
    opinion_report_monthly(period) => "tháng {period}", "{period}";
    opinion_report_quick => "Báo cáo nhanh", "Quick report";
    opinion_report_kind => "Loại báo cáo", "Kind of report";
    opinion_report_kind_monthly => "Báo cáo định kỳ hằng tháng", "Monthly report";
    opinion_report_month => "Tháng báo cáo", "Month";
    opinion_report_by(reporter, date) => "Người báo cáo: {reporter}, ngày {date}", "Reported by {reporter} on {date}";
    opinion_item_heading(position) => "Ý kiến {position}", "Opinion {position}";
    opinion_item_summary => "Nội dung ý kiến, dư luận", "What people say";
    opinion_item_mood => "Thái độ của người dân", "Mood of the people";
    opinion_item_reach => "Mức độ lan truyền", "How far it has spread";
    opinion_item_source => "Nguồn nắm bắt", "Where it was heard";
    opinion_item_people => "Số người quan tâm (ước tính)", "People concerned (estimate)";
    opinion_item_add => "Thêm ý kiến", "Add an opinion";
    opinion_report_send => "Gửi báo cáo", "Send the report";
    opinion_report_sent => "Đã gửi báo cáo.", "The report was sent.";
    opinion_filter_reporter => "Người báo cáo", "Reporter";
    opinion_reports_none => "Chưa có báo cáo nào.", "No report yet.";
    opinion_report_items_count(n) => "{n} ý kiến", "{n} opinions";
    opinion_item_file_case => "Lập phản ánh từ ý kiến này", "File a case from this opinion";
    opinion_item_file_case_confirm => "Lập một phản ánh mới từ ý kiến này?", "File a new case from this opinion?";
    opinion_item_case(code) => "Đã lập phản ánh {code}", "Filed as the case {code}";
    opinion_case_from_report(reporter, date) => "Từ báo cáo dư luận xã hội của {reporter} ngày {date}", "From the public-opinion report of {reporter} of {date}";

    // Trends.
    opinion_trends => "Xu hướng dư luận xã hội", "Public-opinion trends";
    opinion_trends_items_by_mood => "Ý kiến theo thái độ", "Opinions by mood";
    opinion_trends_cases_filed => "Phản ánh được lập", "Cases filed";
    opinion_trends_period_start => "Từ ngày", "Starting";
}
