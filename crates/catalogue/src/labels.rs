//! The labels of the coded lists (states, codes, roles, unit kinds, duty
//! statuses, report outcomes), of the actions and of their input fields:
//! the words `workflow` maps its enums to. A label that reads the same as
//! a page's word for the same thing is that page's entry, not a copy.

messages! {
    // The states of a case, as the bodies and as the reporter read them
    // (the reporter's closed and merged are the case's), and the audiences.
    audience_reporter => "Người phản ánh", "Reporter";
    audience_internal => "Nội bộ", "Internal";
    state_reported => "Mới tiếp nhận", "Reported";
    state_needs_info => "Cần bổ sung thông tin", "Needs information";
    state_assigned => "Đã giao cơ quan chủ trì", "Assigned to a lead agency";
    state_responded => "Cơ quan đã trả lời", "Agency has answered";
    state_oriented => "Đã định hướng thông tin", "Communication directed";
    state_escalated => "Trình Thường trực cấp ủy", "Escalated to the committee";
    state_resolved => "Đã giải quyết", "Resolved";
    state_closed => "Đã kết thúc", "Closed";
    state_dismissed => "Không phải vấn đề nổi cộm", "Not a prominent issue";
    state_merged => "Đã gộp", "Merged";
    reporter_state_received => "Đã tiếp nhận", "Received";
    reporter_state_needs_info => "Cần bổ sung", "More information needed";
    reporter_state_in_progress => "Đang xử lý", "In progress";
    reporter_state_resolved => "Đã có kết quả", "Result available";
    reporter_state_not_accepted => "Không tiếp nhận", "Not accepted";

    // The fixed code lists of a case.
    sensitivity_normal => "Thông thường", "Normal";
    sensitivity_complex => "Phức tạp", "Complex";
    sensitivity_sensitive => "Nhạy cảm", "Sensitive";
    priority_urgent => "Khẩn", "Urgent";
    priority_high => "Cao", "High";
    priority_normal => "Thường", "Normal";
    hotspot_risk_low => "Thấp", "Low";
    hotspot_risk_medium => "Trung bình", "Medium";
    hotspot_risk_high => "Cao", "High";
    source_press => "Báo chí", "Press";
    source_social_media => "Mạng xã hội", "Social media";
    source_petition => "Đơn thư", "Petition";
    source_direct => "Phản ánh trực tiếp", "Direct report";
    source_meeting => "Hội nghị, cuộc họp", "Meeting";
    source_collaborator => "Cộng tác viên dư luận xã hội", "Public-opinion collaborator";
    channel_press => "Báo chí", "Press";
    channel_grassroots_radio => "Đài truyền thanh cơ sở", "Grassroots radio";
    channel_social_media => "Mạng xã hội", "Social media";
    channel_meeting => "Hội nghị, cuộc họp", "Meeting";

    // The public-opinion network (§16).
    collaborator_kind_collaborator => "Cộng tác viên dư luận xã hội", "Public-opinion collaborator";
    collaborator_kind_propagandist => "Báo cáo viên", "Propagandist";
    mood_supportive => "Đồng tình", "Supportive";
    mood_neutral => "Trung lập", "Neutral";
    mood_concerned => "Băn khoăn", "Concerned";
    mood_angry => "Bức xúc", "Angry";
    reach_few => "Ít người", "Few people";
    reach_many => "Nhiều người", "Many people";
    reach_widespread => "Lan rộng", "Widespread";
    alert_reason_unusual_rise => "Tăng bất thường so với 8 tuần trước", "Unusual rise against the 8 weeks before";
    alert_reason_high_risk_case => "Có phản ánh nguy cơ điểm nóng cao", "A case with a high hotspot risk was filed";

    // The actions: the label of a button, and the verb phrase that fits
    // "Chỉ … mới được …" / "Only … may …".
    action_file => "Gửi phản ánh", "File a report";
    action_request_info => "Yêu cầu bổ sung thông tin", "Request information";
    action_supplement => "Bổ sung thông tin", "Supplement";
    action_dismiss => "Không tiếp nhận", "Dismiss";
    action_merge => "Gộp vụ việc", "Merge";
    action_accept => "Tiếp nhận và giao cơ quan chủ trì", "Accept and assign";
    action_respond => "Trả lời bằng văn bản", "Respond in writing";
    action_orient => "Định hướng thông tin", "Direct communication";
    action_escalate => "Trình Thường trực cấp ủy", "Escalate";
    action_conclude => "Kết luận chỉ đạo", "Conclude";
    action_report_resolution => "Báo cáo kết quả giải quyết", "Report resolution";
    action_publish_result => "Công bố kết quả", "Publish result";
    action_close => "Kết thúc vụ việc", "Close";
    action_reopen => "Mở lại vụ việc", "Reopen";
    action_comment => "Ý kiến", "Comment";
    action_add_orientation => "Định hướng bổ sung", "Add orientation";
    action_log_meeting => "Ghi nhận cuộc họp", "Log a meeting";
    action_progress_update => "Cập nhật tiến độ", "Progress update";
    action_set_trial_date => "Ấn định ngày xét xử", "Set trial date";
    // The button that sends an action's form, where the action's label
    // is no verb, and the confirmation once it is done.
    action_submit_comment => "Gửi ý kiến", "Send the comment";
    action_done_request_info => "Đã gửi yêu cầu bổ sung thông tin", "Request for information sent";
    action_done_supplement => "Đã bổ sung thông tin", "Information supplemented";
    action_done_dismiss => "Đã ghi nhận không tiếp nhận", "Dismissed";
    action_done_merge => "Đã gộp vụ việc", "Cases merged";
    action_done_accept => "Đã tiếp nhận và giao cơ quan chủ trì", "Accepted and assigned";
    action_done_respond => "Đã gửi văn bản trả lời", "Written answer sent";
    action_done_orient => "Đã gửi định hướng thông tin", "Communication directed";
    action_done_escalate => "Đã trình Thường trực cấp ủy", "Escalated";
    action_done_conclude => "Đã ghi kết luận chỉ đạo", "Conclusion recorded";
    action_done_report_resolution => "Đã báo cáo kết quả giải quyết", "Resolution reported";
    action_done_close => "Đã kết thúc vụ việc", "Case closed";
    action_done_reopen => "Đã mở lại vụ việc", "Case reopened";
    action_done_comment => "Đã ghi ý kiến", "Comment recorded";
    action_done_add_orientation => "Đã gửi định hướng bổ sung", "Further orientation sent";
    action_done_log_meeting => "Đã ghi nhận cuộc họp", "Meeting logged";
    action_done_schedule_meeting => "Đã gửi giấy mời họp", "Meeting invitations sent";
    action_done_reassign => "Đã giao lại cơ quan chủ trì", "Lead agency changed";
    action_done_reassess => "Đã đánh giá lại vụ việc", "Case reassessed";
    action_done_forward => "Đã chuyển phản ánh đến cơ quan có thẩm quyền", "Report forwarded to the competent body";
    action_done_progress_update => "Đã cập nhật tiến độ", "Progress updated";
    action_done_set_trial_date => "Đã ấn định ngày xét xử", "Trial date set";
    action_verb_file => "gửi phản ánh", "file a report";
    action_verb_request_info => "yêu cầu bổ sung thông tin", "ask for more information";
    action_verb_supplement => "bổ sung thông tin cho phản ánh", "supplement a report";
    action_verb_dismiss => "kết luận phản ánh không phải vấn đề nổi cộm", "dismiss a report";
    action_verb_merge => "gộp vụ việc", "merge cases";
    action_verb_accept => "tiếp nhận và giao cơ quan chủ trì", "accept a case and assign the lead agency";
    action_verb_respond => "trả lời bằng văn bản", "answer in writing";
    action_verb_orient => "định hướng thông tin", "direct the communication";
    action_verb_escalate => "trình Thường trực cấp ủy", "escalate a case to the party committee";
    action_verb_conclude => "kết luận chỉ đạo", "give the conclusion";
    action_verb_report_resolution => "báo cáo kết quả giải quyết", "report the resolution";
    action_verb_publish_result => "công bố kết quả giải quyết", "publish the result";
    action_verb_close => "kết thúc vụ việc", "close a case";
    action_verb_reopen => "mở lại vụ việc", "reopen a case";
    action_verb_comment => "cho ý kiến", "comment";
    action_verb_add_orientation => "định hướng thông tin bổ sung", "add directed communication";
    action_verb_log_meeting => "ghi nhận cuộc họp giải quyết", "log a meeting";
    action_verb_progress_update => "cập nhật tiến độ giải quyết", "update the progress";
    action_verb_set_trial_date => "ấn định ngày xét xử", "set the trial date";

    // The fields of the actions' inputs; those the filing form and the
    // case page name already are their entries.
    field_question => "Câu hỏi cho người phản ánh", "Question to the reporter";
    field_text => "Nội dung", "Text";
    field_reason => "Lý do", "Reason";
    field_target => "Mã vụ việc gộp vào", "Code of the case to merge into";
    field_answer_due => "Hạn trả lời (nếu khác mặc định)", "Answer deadline (if not the default)";
    field_answer => "Văn bản trả lời", "Written answer";
    field_messages => "Nội dung định hướng", "Key messages";
    field_channels => "Kênh thông tin", "Channels";
    field_audience => "Đối tượng", "Audience";
    field_share_with_reporter => "Gửi cả cho người phản ánh cùng đọc", "Share with the reporter too";
    field_opinions => "Các ý kiến khác nhau", "The differing opinions";
    field_conclusion => "Kết luận chỉ đạo", "Conclusion";
    field_summary => "Kết quả giải quyết", "Resolution summary";
    field_public_text => "Kết quả thông tin cho Nhân dân", "The result as told to the public";
    field_remark => "Nhận xét khi kết thúc", "Closing remark";
    field_held_at => "Thời gian họp", "Held at";
    field_chair_unit => "Đơn vị chủ trì cuộc họp", "Chairing unit";
    field_recipients => "Đơn vị nhận công văn định hướng", "Units the notice is sent to";
    field_attendees => "Đơn vị dự họp", "Attending units";
    field_minutes => "Biên bản", "Minutes";
    field_shared_with_reporter => "Đã gửi cho người phản ánh", "Shared with the reporter";

    // The deadlines: the step, the deadline as a page names it, and the
    // step inside a sentence; what became of one.
    deadline_triage => "Phân loại, tiếp nhận", "Triage";
    deadline_answer => "Trả lời bằng văn bản", "Written answer";
    deadline_resolution => "Giải quyết", "Resolution";
    deadline_triage_due => "Hạn phân loại", "Triage deadline";
    deadline_answer_due => "Hạn trả lời bằng văn bản", "Written answer deadline";
    deadline_resolution_due => "Hạn giải quyết", "Resolution deadline";
    deadline_triage_step => "phân loại", "triage";
    deadline_answer_step => "trả lời bằng văn bản", "written answer";
    deadline_resolution_step => "giải quyết", "resolution";
    deadline_on_time => "Đúng hạn", "On time";
    deadline_late => "Trễ hạn", "Late";
    deadline_running => "Đang trong hạn", "Running";

    // Roles and unit kinds; a role inside a sentence ("a board officer").
    role_reporter => "Cộng tác viên dư luận xã hội", "Reporter";
    role_board_officer => "Cán bộ Ban Tuyên giáo và Dân vận", "Board officer";
    role_agency_liaison => "Đầu mối cơ quan nhà nước", "Agency liaison";
    role_leader => "Lãnh đạo cấp ủy", "Leader";
    role_admin => "Quản trị hệ thống", "Administrator";
    role_phrase_reporter => "cộng tác viên dư luận xã hội", "a reporter";
    role_phrase_board_officer => "cán bộ Ban Tuyên giáo và Dân vận", "a board officer";
    role_phrase_agency_liaison => "đầu mối cơ quan nhà nước", "an agency liaison";
    role_phrase_leader => "lãnh đạo cấp ủy", "a leader";
    role_phrase_admin => "quản trị hệ thống", "an administrator";
    unit_kind_party_committee => "Cấp ủy", "Party committee";
    unit_kind_board => "Ban Tuyên giáo và Dân vận", "Propaganda and Mass Mobilization Board";
    unit_kind_people_council => "Hội đồng nhân dân", "People's Council";
    unit_kind_people_committee => "Ủy ban nhân dân", "People's Committee";
    unit_kind_court => "Tòa án nhân dân", "People's Court";
    unit_kind_procuracy => "Viện kiểm sát nhân dân", "People's Procuracy";
    unit_kind_front => "Ủy ban Mặt trận Tổ quốc", "Fatherland Front";
    unit_kind_mass_org => "Đoàn thể", "Mass organisation";
    unit_kind_media => "Báo chí, truyền thanh", "Media";

    // Information duties: cadences, statuses, and compliance (the
    // leader's legend names the rest).
    cadence_monthly => "Hằng tháng", "Monthly";
    cadence_quarterly => "Hằng quý", "Quarterly";
    cadence_yearly => "Hằng năm", "Yearly";
    duty_status_pending => "Chưa cung cấp", "Pending";
    duty_status_submitted => "Đã cung cấp", "Submitted";
    duty_status_acknowledged => "Đã tiếp nhận", "Acknowledged";
    compliance_missing => "Không cung cấp", "Missing";
}
