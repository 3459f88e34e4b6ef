//! The daily reminder digest (SPEC §14): one e-mail a day per address,
//! greeting its reader, its items grouped overdue, due today and coming
//! up, each saying whose duty it is and how it stands at the moment the
//! e-mail is built, and the units nobody could remind.

messages! {
    digest_subject(day, count) => "Nhắc việc ngày {day}: {count} việc cần theo dõi", "Reminders of {day}: {count} to follow up";
    digest_intro(count) => "Hôm nay có {count} việc cần theo dõi, việc quá hạn xếp trước.", "Items to follow up today, the overdue first: {count}.";

    // The groups, in this order.
    digest_group_overdue => "Việc đã quá hạn", "Overdue";
    digest_group_today => "Việc đến hạn hôm nay", "Due today";
    digest_group_upcoming => "Việc sắp đến hạn", "Coming up";

    // How an item stands when the e-mail is built ("due today" is
    // `mail_duty_due`).
    due_working_days_left(days) => "còn {days} ngày làm việc", "{days} working day(s) left";
    due_passed_today => "đã quá hạn trong hôm nay", "overdue since earlier today";
    due_overdue_days(days) => "quá hạn {days} ngày", "{days} day(s) overdue";

    // One item: whose it is, how it stands, what it is.
    digest_item_duty(holder, words, period, board, due) => "{holder}: {words} — cung cấp thông tin ({period}) cho {board} (hạn {due})", "{holder}: {words} — information ({period}) owed to {board} (due {due})";
    digest_item_case(holder, words, deadline, code, title, due) => "{holder}: {words} — {deadline} vụ việc {code} “{title}” (hạn {due})", "{holder}: {words} — {deadline} of case {code} “{title}” (due {due})";
    digest_item_unreached => "đơn vị chưa nhận được nhắc việc này", "the unit did not get this reminder";
    digest_link_duty => "Xem nghĩa vụ cung cấp thông tin", "View the duty";

    // The units nobody could remind, in the board's digest.
    digest_unreached_units(units) => "Chưa nhắc được các đơn vị sau vì đơn vị chưa có địa chỉ thư điện tử và chưa có cán bộ đầu mối: {units}. Đề nghị bổ sung địa chỉ thư điện tử hoặc cán bộ đầu mối cho đơn vị.", "These units could not be reminded, having no e-mail address and no active liaison: {units}. Please add an e-mail address or a liaison for them.";
}
