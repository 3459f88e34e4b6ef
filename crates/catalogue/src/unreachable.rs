//! Units that e-mail cannot reach (SPEC §14): the administrator's page
//! that lists them with what they are responsible for.

messages! {
    admin_unreachable_units => "Đơn vị chưa có địa chỉ nhận thư", "Units without an address";
    unreachable_intro => "Các đơn vị dưới đây không có địa chỉ thư điện tử của đơn vị và không có cán bộ đầu mối nào có địa chỉ thư điện tử: thông báo, nhắc việc và công văn gửi đến đơn vị không tới được ai. Hãy bổ sung địa chỉ thư điện tử của đơn vị, hoặc thêm tài khoản cán bộ đầu mối cho đơn vị.", "These units have no e-mail address of their own and no liaison with an e-mail address: the notices, reminders and letters sent to them reach nobody. Add the unit's e-mail address, or a liaison account for the unit.";
    unreachable_none => "Mọi đơn vị đều có địa chỉ nhận thư.", "Every unit can be reached by e-mail.";
    unreachable_open_cases => "Vụ việc đang chủ trì giải quyết", "Open cases it leads";
    unreachable_sensitive(n) => "trong đó {n} vụ việc nhạy cảm", "{n} of them sensitive";
    unreachable_duties => "Nghĩa vụ cung cấp thông tin chưa thực hiện", "Information duties outstanding";
    unreachable_overdue(n) => "trong đó {n} nghĩa vụ đã quá hạn", "{n} of them overdue";
    unreachable_fix => "Bổ sung địa chỉ thư điện tử", "Add an e-mail address";
}
