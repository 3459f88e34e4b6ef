//! The roster of the public-opinion network (SPEC §16): collaborator
//! profiles, their refusals, the roster pages, the import and the monthly
//! opinion report's reminder.

messages! {
    // Fields of a profile, as the form and the refusals name them.
    roster_user => "Người dùng (vai trò cộng tác viên)", "User (reporter role)";
    roster_areas => "Địa bàn phụ trách", "Areas covered";
    roster_until => "Đến ngày", "Until";

    // Refusals.
    roster_not_a_reporter(user, role) => "Chỉ người dùng có vai trò cộng tác viên dư luận xã hội mới có hồ sơ cộng tác viên; {user} có vai trò “{role}”.", "Only a user with the reporter role can have a collaborator profile; {user} has the role “{role}”.";
    roster_not_allowed => "Chỉ quản trị hệ thống và cán bộ Ban Tuyên giáo và Dân vận mới được quản lý danh sách cộng tác viên.", "Only administrators and board officers may manage the roster of collaborators.";
    roster_area_outside_scope(area) => "Địa bàn {area} không thuộc địa bàn đơn vị của bạn phụ trách.", "The area {area} is not served by your unit.";
    roster_until_before_from => "“Đến ngày” không được trước “Từ ngày”.", "“Until” cannot be before “From”.";
    roster_invalid_day(label) => "“{label}” phải là một ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd.", "“{label}” must be a day written dd/mm/yyyy or yyyy-mm-dd.";
    roster_already(user) => "{user} đã có hồ sơ cộng tác viên.", "{user} already has a collaborator profile.";

    // The roster pages.
    roster_title => "Mạng lưới cộng tác viên dư luận xã hội", "Public-opinion network";
    roster_nav => "Cộng tác viên", "Collaborators";
    roster_intro => "Cộng tác viên dư luận xã hội và báo cáo viên, địa bàn phụ trách và nhiệm kỳ. Mỗi người đang hoạt động gửi báo cáo tình hình dư luận xã hội hằng tháng.", "Public-opinion collaborators and propagandists, the areas they cover and their terms. Everyone active files a monthly opinion report.";
    roster_col_name => "Họ và tên", "Name";
    roster_open_ended => "không thời hạn", "open-ended";
    roster_no => "Không", "No";
    roster_none => "Chưa có cộng tác viên nào.", "No collaborator yet.";
    roster_add => "Thêm cộng tác viên", "Add a collaborator";
    roster_edit => "Sửa hồ sơ", "Edit the profile";
    roster_edit_title(name) => "Hồ sơ cộng tác viên: {name}", "Collaborator profile: {name}";
    roster_save => "Lưu hồ sơ", "Save the profile";
    roster_filter_active => "Chỉ người đang hoạt động", "Active only";
    roster_filter_inactive => "Chỉ người đã thôi", "Inactive only";
    roster_filter_area => "Trong địa bàn", "Within the area";
    roster_user_hint => "Thư điện tử của người dùng có vai trò cộng tác viên", "The e-mail of a user with the reporter role";
    roster_areas_hint => "Giữ Ctrl để chọn nhiều địa bàn", "Hold Ctrl to choose several areas";
    roster_day_hint => "ngày/tháng/năm, ví dụ 01/01/2026", "day/month/year, e.g. 01/01/2026";
    roster_until_hint => "Để trống nếu không thời hạn", "Leave blank if open-ended";
    roster_count(count) => "{count} người", "{count} people";

    // The command line.
    roster_imported(count) => "Đã nhập {count} hồ sơ cộng tác viên.", "{count} collaborator profiles imported.";
    roster_csv_columns(columns) => "tệp CSV phải có đúng các cột {columns}", "the CSV file must have exactly the columns {columns}";
    roster_csv_active(value) => "cột active phải là true/false, có/không hoặc 1/0, không phải «{value}»", "the active column must be true/false, yes/no or 1/0, not «{value}»";

    // The demo roster, printed under the logins by `serve --demo`.
    demo_roster_heading => "mạng lưới dư luận xã hội (cùng mật khẩu, vai trò reporter):", "public-opinion network (same password, reporter role):";
    demo_roster_collaborators(kind) => "{kind}: gửi báo cáo tình hình dư luận xã hội hằng tháng và báo cáo nhanh về xã, phường mình phụ trách, kể cả khi điện thoại mất mạng; được nhắc hạn trong thư tổng hợp; phản ánh vụ việc như mọi cộng tác viên", "{kind}: file the monthly opinion report and quick ones on the commune or ward they cover, even while the phone is offline; reminded of the due day in the digest; file cases like every reporter";
    demo_roster_propagandists(kind) => "{kind}: gửi báo cáo dư luận xã hội như cộng tác viên, trên các xã, phường được phân công", "{kind}: file opinion reports like the collaborators, on the communes and wards assigned to them";
    demo_roster_ended(until) => "đã thôi từ {until}: không còn gửi được báo cáo dư luận", "no longer serving since {until}: can no longer file opinion reports";

    // The monthly opinion report.
    roster_month(month, year) => "tháng {month}/{year}", "{month}/{year}";
    digest_item_opinion_report(words, period, due) => "Báo cáo tình hình dư luận xã hội {period}: {words} (hạn {due})", "Opinion report for {period}: {words} (due {due})";
    digest_link_opinion_report => "Gửi báo cáo", "File the report";
}
