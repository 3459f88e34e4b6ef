//! Hotspot early warning (SPEC §16): the alert e-mail, the watch-list page,
//! the badge on the board's desk and the refusals of an acknowledgement.

messages! {
    thing_alert => "cảnh báo", "alert";

    // The e-mail to the board and the leaders of the area.
    mail_alert_subject(category, area) => "Cảnh báo nguy cơ điểm nóng: {category} tại {area}", "Hotspot warning: {category} in {area}";
    mail_alert_head(category, area, from, to) => "Tuần từ {from} đến {to}, lĩnh vực «{category}» tại {area} có dấu hiệu nguy cơ trở thành điểm nóng.", "In the week from {from} to {to}, «{category}» in {area} shows signs of becoming a hotspot.";
    mail_alert_rise(observed, baseline) => "Mức phản ánh trong tuần là {observed}, trong khi 8 tuần trước đó trung bình chỉ khoảng {baseline} mỗi tuần.", "The level of reports this week was {observed}, where the 8 weeks before averaged about {baseline} a week.";
    mail_alert_rise_from_nothing(observed) => "Mức phản ánh trong tuần là {observed}, trong khi 8 tuần trước đó không có phản ánh nào.", "The level of reports this week was {observed}, where the 8 weeks before had none.";
    mail_alert_chance(weeks) => "Nếu tình hình vẫn như thường lệ, một tuần cao như vậy chỉ xảy ra khoảng 1 lần trong {weeks} tuần.", "Were things as usual, a week this high would happen about once in {weeks} weeks.";
    mail_alert_chance_rare(weeks) => "Nếu tình hình vẫn như thường lệ, một tuần cao như vậy xảy ra chưa đến 1 lần trong {weeks} tuần.", "Were things as usual, a week this high would happen less than once in {weeks} weeks.";
    mail_alert_high_risk => "Trong tuần có vụ việc được đánh giá có nguy cơ trở thành điểm nóng cao.", "A case judged at high risk of becoming a hotspot was filed this week.";
    mail_alert_how => "Cách tính mức phản ánh: mỗi vụ việc được tiếp nhận tính 1; mỗi ý kiến dư luận tính theo thái độ (bức xúc gấp đôi băn khoăn) và mức độ lan rộng.", "How the level is counted: each case filed counts 1; each opinion counts by its mood (angry twice concerned) and by how far it has spread.";
    mail_alert_link_html => "Mở danh sách theo dõi nguy cơ điểm nóng", "Open the hotspot watch-list";

    // The watch-list page and its menu entry.
    nav_watch_list => "Điểm nóng", "Hotspots";
    watch_list_title => "Theo dõi nguy cơ điểm nóng", "Hotspot watch-list";
    watch_list_open => "Cảnh báo chưa xác nhận", "Open alerts";
    watch_list_done => "Cảnh báo đã xác nhận", "Acknowledged alerts";
    watch_list_none => "Không có cảnh báo nào.", "No alert.";
    watch_list_signals => "Mức phản ánh theo tuần (12 tuần gần nhất)", "Level of reports by week (last 12 weeks)";
    watch_list_explain => "Cảnh báo được đưa ra khi mức phản ánh trong tuần cao bất thường so với trung bình 8 tuần trước (xác suất dưới 1 %), hoặc khi có vụ việc được đánh giá nguy cơ điểm nóng cao.", "An alert is raised when the week's level of reports is unusually high against the mean of the 8 weeks before (a chance below 1 %), or when a case judged at high hotspot risk is filed.";
    alert_week => "Tuần", "Week";
    alert_observed => "Mức trong tuần", "This week";
    alert_baseline => "Mức thường thấy (trung bình 8 tuần trước)", "Usual level (mean of the 8 weeks before)";
    alert_status => "Xác nhận", "Acknowledgement";
    alert_acknowledged_by(name, at) => "{name} đã xác nhận lúc {at}", "acknowledged by {name} at {at}";
    alert_note => "Ghi chú xác nhận", "Acknowledgement note";
    alert_note_hint => "Đã nắm tình hình gì, đã chỉ đạo gì", "What is known, what was directed";
    alert_acknowledge => "Xác nhận đã nắm tình hình", "Acknowledge";
    alert_week_col => "Tuần bắt đầu", "Week starting";
    alert_signal_col => "Mức phản ánh", "Level of reports";
    alert_chart_caption(category, area) => "Mức phản ánh lĩnh vực «{category}» tại {area}", "Level of reports on «{category}» in {area}";

    // The board's desk.
    alerts_badge(count) => "Cảnh báo: {count} chưa xác nhận", "Alerts: {count} open";

    refusal_alert_not_allowed => "Chỉ cán bộ Ban Tuyên giáo và Dân vận có thẩm quyền đối với địa bàn mới được xác nhận cảnh báo.", "Only a board officer with jurisdiction over the area may acknowledge an alert.";
    refusal_alert_acknowledged(by, at) => "Cảnh báo này đã được {by} xác nhận lúc {at}.", "This alert was already acknowledged by {by} at {at}.";
}
