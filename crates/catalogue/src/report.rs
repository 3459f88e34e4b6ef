//! The labels and sentences of the annual review report (SPEC §4.3): its
//! title, the tables' names, headings and row labels, in every layout
//! (CSV, XLSX, HTML). An XLSX sheet name (`…_sheet`) is at most 31
//! characters. A heading that names a thing the pages name too (a code,
//! an area, a state, a deadline's outcome) is that thing's entry, read
//! from where it is written.

messages! {
    report_title(year) => "Báo cáo kết quả phối hợp cung cấp thông tin năm {year}", "Annual coordination report {year}";
    report_every_area => "Toàn bộ địa bàn", "Every area";
    report_overview => "Tổng quan", "Overview";
    report_item => "Nội dung", "Item";
    report_value => "Giá trị", "Value";
    report_from => "Từ", "From";
    report_to => "Đến (không kể)", "To (exclusive)";
    report_as_of => "Số liệu tính đến", "Figures as of";
    report_cases_filed => "Số vụ việc tiếp nhận", "Cases filed";
    report_names_on => "Tên địa bàn, đơn vị theo ngày", "Areas and units named as on";
    report_by_category_sheet => "Theo lĩnh vực", "By category";
    report_by_category => "Vụ việc theo lĩnh vực", "Cases by category";
    report_by_area_sheet => "Theo địa bàn", "By area";
    report_by_area => "Vụ việc theo địa bàn", "Cases by area";
    report_by_state_sheet => "Theo trạng thái", "By state";
    report_by_state => "Vụ việc theo trạng thái hiện nay", "Cases by current state";
    report_time_sheet => "Thời gian xử lý", "Time taken";
    report_time => "Thời gian trả lời và giải quyết (từ khi tiếp nhận, giao cơ quan chủ trì)", "Time to answer and to resolve (from acceptance)";
    report_measure => "Chỉ tiêu", "Measure";
    report_median_days => "Trung vị (ngày làm việc)", "Median (working days)";
    report_p90_days => "Phân vị 90 (ngày làm việc)", "90th percentile (working days)";
    report_median_hours => "Trung vị (giờ)", "Median (hours)";
    report_p90_hours => "Phân vị 90 (giờ)", "90th percentile (hours)";
    report_deadlines_sheet => "Thời hạn", "Deadlines";
    report_deadlines => "Việc thực hiện thời hạn", "Deadlines kept";
    deadline => "Thời hạn", "Deadline";
    report_lead_units_sheet => "Cơ quan chủ trì", "Lead units";
    report_lead_units => "Trễ hạn, quá hạn theo cơ quan chủ trì", "Missed deadlines by lead unit";
    report_unit_code => "Mã đơn vị", "Unit code";
    report_answers_late => "Trả lời trễ hạn", "Answers late";
    report_answers_overdue => "Trả lời quá hạn", "Answers overdue";
    report_resolutions_late => "Giải quyết trễ hạn", "Resolutions late";
    report_resolutions_overdue => "Giải quyết quá hạn", "Resolutions overdue";
    report_total => "Cộng", "Total";
    report_duties_sheet => "Nghĩa vụ thông tin", "Information duties";
    report_duties => "Thực hiện nghĩa vụ cung cấp thông tin theo cơ quan", "Information duties kept, by agency";
    report_no_figures => "Không có số liệu.", "No figures.";
}
