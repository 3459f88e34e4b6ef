//! The fixed words of an official document (SPEC §15): the national and
//! Party mottos, the number and the place and date as Hướng dẫn
//! 36-HD/VPTW and Nghị định 30/2020/NĐ-CP write them, "Nơi nhận", the
//! signature's "on behalf of", and the hint left where a narrative is to
//! be written. The documents themselves are written in Vietnamese; the
//! English is for a reader who does not read it.

messages! {
    doc_party_motto => "ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM";
    doc_state_motto => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM";
    doc_state_motto_second => "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness";
    doc_party_number(number, kind, issuer) => "Số {number}-{kind}/{issuer}", "No. {number}-{kind}/{issuer}";
    doc_state_number(number, kind, issuer) => "Số: {number}/{kind}-{issuer}", "No.: {number}/{kind}-{issuer}";
    doc_place_date(place, day, month, year) => "{place}, ngày {day} tháng {month} năm {year}", "{place}, {day}/{month}/{year}";
    doc_recipients => "Nơi nhận:", "Recipients:";
    doc_about(subject) => "V/v {subject}", "Re: {subject}";
    doc_to => "Kính gửi:", "To:";
    doc_to_one(addressee) => "Kính gửi: {addressee}", "To: {addressee}";
    doc_as_above => "Như trên", "As above";
    doc_filed => "Lưu văn phòng.", "Office file.";
    doc_on_behalf(body) => "T/M {body}", "ON BEHALF OF {body}";
    doc_to_write(what) => "[Phần để viết: {what}]", "[To be written: {what}]";

    download_docx => "Tải báo cáo để ký (Word)", "Download the report to sign (Word)";
    download_letter => "Tải công văn (Word)", "Download the letter (Word)";
    conclusion_notice_number(number) => "Thông báo kết luận số {number}", "Conclusion notice No. {number}";
    download_conclusion => "Tải thông báo kết luận (Word)", "Download the conclusion notice (Word)";

    // A user's title, printed under their signature (admin pages).
    signer_title => "Chức vụ", "Title";
    signer_title_optional => "Chức vụ (không bắt buộc)", "Title (optional)";
    signer_title_hint => "In dưới chữ ký trên văn bản, ví dụ “Phó Trưởng ban”.", "Printed under the signature on documents, e.g. “Deputy Head”.";

    // A programme's document facts (admin pages).
    programme_number => "Số văn bản của Chương trình (nếu có)", "The programme's document number (if any)";
    programme_signed_on => "Ngày ký (nếu có)", "Signed on (if any)";
    programme_items => "Các nội dung của Chương trình", "The programme's content items";
    programme_items_hint => "Mỗi dòng một nội dung, theo thứ tự; báo cáo năm đánh giá theo từng nội dung.", "One item a line, in order; the annual report is written against each.";
    programme_no_items => "Chương trình chưa có nội dung nào.", "The programme has no content item yet.";

    // The orientation notice (SPEC §12, §15).
    doc_orientation_subject(code) => "định hướng thông tin về vụ việc {code}", "orienting communication on case {code}";
    doc_orientation_opening(code, title, issuer) => "Về vụ việc {code} — “{title}”, {issuer} định hướng thông tin như sau:", "On case {code} — “{title}”, the {issuer} orients communication as follows:";
    doc_orientation_messages => "1. Nội dung thông tin chủ yếu", "1. Key messages";
    doc_orientation_channels => "2. Hình thức, kênh thông tin", "2. Channels";
    doc_orientation_audience => "3. Đối tượng tiếp nhận", "3. Audience";
    doc_orientation_replaces(number) => "Công văn này thay thế Công văn số {number}.", "This notice replaces notice no. {number}.";
    doc_orientation_ask => "Đề nghị các cơ quan thực hiện và xác nhận đã nhận Công văn qua liên kết trong thư điện tử hoặc trên hệ thống.", "The bodies are asked to carry it out and to acknowledge receipt through the link in their e-mail or in the system.";

    // The conclusion notice (SPEC §11, §15).
    doc_conclusion_kind => "THÔNG BÁO", "NOTICE";
    doc_conclusion_subject(code) => "Kết luận về việc giải quyết vụ việc {code}", "Conclusion on case {code}";
    doc_conclusion_opening(code, title, issuer) => "Về vụ việc {code} — “{title}”, sau khi xem xét ý kiến của các cơ quan liên quan, {issuer} kết luận như sau:", "On case {code} — “{title}”, having heard the bodies concerned, the {issuer} concludes:";
    doc_documents_attached => "Văn bản kèm theo:", "Documents attached:";
    doc_to_carry_out(body) => "{body} (để thực hiện)", "{body} (to carry out)";

    // The annual review report (SPEC §4.3, §15).
    doc_report_kind => "BÁO CÁO", "REPORT";
    doc_report_subject(year) => "Kết quả phối hợp cung cấp thông tin, định hướng dư luận xã hội năm {year}", "Coordination of information and public opinion in {year}";
    doc_report_opening(programme, issuer, year) => "Thực hiện {programme}, {issuer} báo cáo kết quả thực hiện năm {year} như sau:", "Under {programme}, the {issuer} reports on {year} as follows:";
    doc_report_opening_plain(issuer, year) => "{issuer} báo cáo kết quả phối hợp cung cấp thông tin năm {year} như sau:", "The {issuer} reports on the coordination of information in {year} as follows:";
    doc_programme_signed(title, number, date) => "{title} số {number} ngày {date}", "{title} no. {number} of {date}";
    doc_report_results => "I. KẾT QUẢ THỰC HIỆN", "I. RESULTS";
    doc_report_items => "1. Kết quả thực hiện các nội dung của Chương trình", "1. Each content item of the programme";
    doc_report_item_to_write(number) => "kết quả thực hiện nội dung {number}, đánh giá đạt hay chưa đạt", "what was done on item {number}, achieved or not";
    doc_report_no_items => "kết quả thực hiện nhiệm vụ phối hợp trong năm", "what was done in the year";
    doc_report_cases => "2. Tiếp nhận, giải quyết các vấn đề nổi cộm", "2. Prominent issues received and resolved";
    doc_report_cases_to_write => "nhận xét về các vấn đề nổi cộm, cách giải quyết và hiệu quả thông tin", "comments on the issues, how they were resolved and how they were communicated";
    doc_report_duties => "3. Thực hiện nghĩa vụ cung cấp thông tin", "3. Information duties kept";
    doc_report_shortcomings => "II. HẠN CHẾ, NGUYÊN NHÂN", "II. SHORTCOMINGS AND THEIR CAUSES";
    doc_report_shortcomings_to_write => "những hạn chế, khó khăn và nguyên nhân", "shortcomings, difficulties and their causes";
    doc_report_next(year) => "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year}", "III. TASKS FOR {year}";
    doc_report_next_to_write => "phương hướng, nhiệm vụ trọng tâm", "the main tasks";
    doc_report_proposals => "IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS";
    doc_report_proposals_to_write => "đề xuất, kiến nghị với cấp ủy và các cơ quan", "proposals to the party committee and the bodies";
    doc_table_overview(n) => "Bảng {n}. Số liệu tổng hợp so với năm trước", "Table {n}. Figures against the year before";
    doc_table_by_category(n) => "Bảng {n}. Vấn đề nổi cộm theo lĩnh vực", "Table {n}. Issues by category";
    doc_table_duties(n) => "Bảng {n}. Thực hiện nghĩa vụ cung cấp thông tin theo cơ quan", "Table {n}. Information duties kept, by agency";
    doc_year(year) => "Năm {year}", "{year}";
    doc_answered_on_time => "Trả lời bằng văn bản đúng hạn", "Written answers on time";
    doc_answered_late => "Trả lời bằng văn bản trễ hạn", "Written answers late";
    doc_answer_overdue => "Quá hạn trả lời, chưa trả lời", "Answers overdue, not given";
    doc_resolved_on_time => "Giải quyết đúng hạn", "Resolved on time";
    doc_median_answer => "Thời gian trả lời (trung vị, ngày làm việc)", "Time to answer (median, working days)";
    doc_to_superior(body) => "Thường trực {body} (để báo cáo)", "The standing committee of the {body} (for report)";
    doc_to_party(body) => "{body} (để phối hợp)", "{body} (to coordinate)";
}
