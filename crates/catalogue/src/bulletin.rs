//! The monthly opinion bulletin (*bản tin dư luận xã hội*, SPEC §16): its
//! document, its page and its e-mail to the leaders.

messages! {
    bulletin_title(month) => "Bản tin dư luận xã hội tháng {month}", "Public-opinion bulletin for {month}";
    bulletin_subject(month) => "Tình hình dư luận xã hội tháng {month}", "Public opinion in {month}";
    bulletin_opening(area, month) => "Ban Tuyên giáo và Dân vận báo cáo tình hình dư luận xã hội trên địa bàn {area} tháng {month}, tổng hợp từ báo cáo của lực lượng nắm bắt dư luận xã hội và các phản ánh tiếp nhận trong tháng, như sau:", "The board reports on public opinion in {area} in {month}, compiled from the reports of the public-opinion network and the cases received in the month:";
    bulletin_general => "I. TÌNH HÌNH CHUNG", "I. OVERVIEW";
    bulletin_received(reports, reporters, items) => "Trong tháng, Ban nhận được {reports} báo cáo dư luận xã hội của {reporters} cộng tác viên, báo cáo viên, với {items} ý kiến.", "In the month the board received {reports} opinion reports from {reporters} collaborators and propagandists, with {items} opinions.";
    bulletin_moods(moods) => "Tâm trạng của nhân dân qua các ý kiến: {moods}.", "The mood of the people in these opinions: {moods}.";
    bulletin_mood_share(mood, share) => "{mood} {share}%", "{share}% {mood}";
    bulletin_no_opinions => "Trong tháng không có ý kiến nào được báo cáo.", "No opinion was reported in the month.";
    bulletin_table_moods(n) => "Bảng {n}. Tâm trạng qua các ý kiến", "Table {n}. Mood in the opinions";
    bulletin_mood => "Tâm trạng", "Mood";
    bulletin_opinions => "Số ý kiến", "Opinions";
    bulletin_share => "Tỷ lệ (%)", "Share (%)";
    bulletin_concerns => "II. NHỮNG VẤN ĐỀ DƯ LUẬN QUAN TÂM", "II. WHAT PEOPLE ARE CONCERNED ABOUT";
    bulletin_concern(n, category, area, items) => "{n}. {category} tại {area}: {items} ý kiến", "{n}. {category} in {area}: {items} opinions";
    bulletin_concern_troubled(count) => ", trong đó {count} ý kiến băn khoăn, bức xúc", ", {count} of them concerned or angry";
    bulletin_concern_widespread(count) => "; {count} ý kiến đã lan rộng", "; {count} already widespread";
    bulletin_example(text) => "Ý kiến tiêu biểu: “{text}”", "A typical opinion: “{text}”";
    bulletin_cases => "III. PHẢN ÁNH VÀ VIỆC GIẢI QUYẾT", "III. CASES AND THEIR RESOLUTION";
    bulletin_cases_line(new, open) => "Trong tháng tiếp nhận {new} phản ánh mới; hiện còn {open} vụ việc đang giải quyết.", "{new} new cases were received in the month; {open} cases are being resolved now.";
    bulletin_table_cases(n) => "Bảng {n}. Phản ánh mới trong tháng theo lĩnh vực", "Table {n}. New cases of the month by category";
    bulletin_table_overdue(n) => "Bảng {n}. Vụ việc quá hạn theo cơ quan chủ trì", "Table {n}. Overdue cases by lead agency";
    bulletin_no_overdue => "Không có vụ việc nào quá hạn trả lời hoặc giải quyết.", "No case is overdue for its answer or its resolution.";
    bulletin_alerts => "IV. CẢNH BÁO NGUY CƠ ĐIỂM NÓNG", "IV. HOTSPOT EARLY WARNINGS";
    bulletin_alert(area, category, week, reason) => "{area}, lĩnh vực {category}, tuần từ {week}: {reason}.", "{area}, {category}, week of {week}: {reason}.";
    bulletin_alert_acknowledged => "Ban đã tiếp nhận, theo dõi.", "The board has acknowledged it.";
    bulletin_no_alerts => "Trong tháng không có cảnh báo nguy cơ điểm nóng.", "There was no hotspot warning in the month.";
    bulletin_proposals => "V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS";
    bulletin_proposals_to_write => "đề xuất, kiến nghị với cấp ủy về định hướng thông tin và giải quyết các vấn đề nổi cộm", "proposals to the committee on directing communication and resolving the prominent issues";
    bulletin_to_committee_members => "Các đồng chí Ủy viên Ban Thường vụ (để biết)", "The members of the standing committee (for information)";
    bulletin_month_label => "Tháng", "Month";
    bulletin_show => "Xem", "Show";
    bulletin_download => "Tải bản tin để ký (Word)", "Download the bulletin to sign (Word)";
    bulletin_compiled(at) => "Tổng hợp lúc {at}.", "Compiled at {at}.";
    bulletin_nav => "Bản tin dư luận", "Opinion bulletin";
    mail_bulletin_subject(month, area) => "Bản tin dư luận xã hội tháng {month} — {area}", "Public-opinion bulletin for {month} — {area}";
    mail_bulletin_intro(month, area) => "Ban Tuyên giáo và Dân vận gửi đồng chí Bản tin dư luận xã hội tháng {month} trên địa bàn {area}.", "The board sends you the public-opinion bulletin for {month} in {area}.";
    mail_bulletin_link => "Xem đầy đủ và tải văn bản để ký", "Read it in full and download the document to sign";
}
