//! Resolution meetings (SPEC §11): scheduling one, its invitation e-mail
//! and calendar entry, the list on the case page, and the meetings held
//! without the board that the leader's dashboard counts.

messages! {
    action_schedule_meeting => "Lên lịch họp giải quyết", "Schedule a meeting";
    action_verb_schedule_meeting => "lên lịch họp giải quyết và gửi giấy mời", "schedule a meeting and send the invitations";

    field_starts_at => "Thời gian bắt đầu", "Starts at";
    field_ends_at => "Thời gian kết thúc (để trống: 2 giờ sau khi bắt đầu)", "Ends at (blank: two hours after the start)";
    field_place => "Địa điểm họp", "Place";
    field_invited_units => "Đơn vị được mời dự họp", "Invited units";
    field_agenda => "Nội dung cuộc họp", "Agenda";
    field_board_present => "Có đại diện Ban Tuyên giáo và Dân vận dự họp", "The board was represented";
    board_absent => "Không (vi phạm quy định)", "No (a breach of the rule)";
    field_meeting => "Cuộc họp đã lên lịch (nếu có)", "The scheduled meeting (if any)";

    // The case page's list of meetings.
    meetings_heading => "Giấy mời họp", "Meeting invitations";
    meetings_none => "Chưa có cuộc họp nào được lên lịch.", "No meeting has been scheduled.";
    meeting_number(number) => "Cuộc họp số {number}", "Meeting no. {number}";
    meeting_when => "Thời gian", "When";
    meeting_invited => "Thành phần được mời", "Invited";
    meeting_invitation_sent => "đã gửi giấy mời", "invitation sent";
    meeting_invitation_waiting => "đang gửi giấy mời", "invitation being sent";
    meeting_invitation_failed => "không gửi được giấy mời (đơn vị chưa có địa chỉ thư điện tử hoặc gửi lỗi)", "invitation not delivered (the unit has no e-mail address, or delivery failed)";
    meeting_held_with_board => "Đã họp, có đại diện Ban Tuyên giáo và Dân vận", "Held, with the board represented";
    meeting_held_without_board => "Đã họp, KHÔNG có đại diện Ban Tuyên giáo và Dân vận", "Held WITHOUT the board represented";

    // The leader's dashboard.
    meetings_without_board(count) => "Cuộc họp giải quyết không có đại diện Ban Tuyên giáo và Dân vận (vi phạm quy định): {count}", "Resolution meetings held without the board (a breach of the rule): {count}";

    // The invitation e-mail.
    mail_meeting_invitation_subject(code) => "{code}: giấy mời họp giải quyết vụ việc", "{code}: invitation to a resolution meeting";
    mail_meeting_invitation(chair) => "{chair} trân trọng kính mời đại diện đơn vị dự cuộc họp giải quyết vụ việc.", "{chair} invites a representative of your unit to a meeting to resolve this case.";
    mail_meeting_when(start, end) => "Thời gian: từ {start} đến {end}.", "Time: from {start} to {end}.";
    mail_meeting_place(place) => "Địa điểm: {place}.", "Place: {place}.";
    mail_meeting_agenda => "Nội dung:", "Agenda:";
    mail_meeting_calendar => "Thư có kèm lịch họp (tệp .ics) để thêm vào lịch của anh/chị.", "The meeting is attached as a calendar entry (.ics) for your calendar.";
    ics_meeting_summary(code) => "Họp giải quyết vụ việc {code}", "Meeting on case {code}";
}
