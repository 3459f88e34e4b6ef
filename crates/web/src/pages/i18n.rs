//! Every sentence of the pages in Vietnamese and English: one method per
//! text, so a missing translation is a compile error, not a blank. Labels
//! of codes (states, roles, actions…) come from `workflow`'s own tables.

use workflow::Lang;

/// The catalogue in one language; templates call `l.t.sign_in()`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tr(pub Lang);

macro_rules! catalogue {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        impl Tr {
            $(
                #[doc = $en]
                pub(crate) fn $name(&self) -> &'static str {
                    self.0.pick($vi, $en)
                }
            )*
        }
    };
}

catalogue! {
    site_name => "Vấn đề nổi cộm", "Prominent issues";
    site_tagline => "Theo dõi vấn đề nổi cộm, Nhân dân quan tâm", "Tracking issues of public concern";
    skip_to_content => "Bỏ qua, đến nội dung chính", "Skip to the main content";
    language => "Ngôn ngữ", "Language";
    sign_in => "Đăng nhập", "Sign in";
    sign_out => "Đăng xuất", "Sign out";
    email => "E-mail", "E-mail";
    password => "Mật khẩu", "Password";
    session_expired => "Phiên đăng nhập đã hết hạn. Xin đăng nhập lại.", "Your session has expired. Please sign in again.";
    please_sign_in => "Xin đăng nhập để tiếp tục.", "Please sign in to continue.";
    signed_out => "Bạn đã đăng xuất.", "You have signed out.";
    signed_in_as => "Đang đăng nhập", "Signed in as";
    main_menu => "Trình đơn chính", "Main menu";
    nav_file => "Gửi phản ánh", "File a report";
    nav_my_reports => "Phản ánh của tôi", "My reports";
    nav_triage => "Hàng chờ phân loại", "Triage queue";
    nav_inbox => "Việc của cơ quan", "Agency inbox";
    nav_all_cases => "Tất cả vụ việc", "All cases";
    nav_escalated => "Chờ kết luận", "Awaiting conclusion";
    nav_resolved => "Chờ kết thúc", "Awaiting closure";
    error_title_404 => "Không tìm thấy trang", "Page not found";
    error_title_403 => "Không được phép", "Not allowed";
    error_title_413 => "Nội dung gửi lên quá lớn", "Too much was sent";
    error_title_other => "Có lỗi xảy ra", "Something went wrong";
    error_back => "Về trang chủ", "Back to the home page";
    file_title => "Gửi phản ánh mới", "File a new report";
    file_intro => "Mô tả sự việc người dân quan tâm. Các trường có dấu * là bắt buộc.", "Describe what people are concerned about. Fields marked * are required.";
    field_title => "Tiêu đề", "Title";
    field_description => "Nội dung phản ánh", "Description";
    field_area => "Địa bàn", "Area";
    field_category => "Lĩnh vực", "Category";
    field_source => "Nguồn thông tin", "Source";
    field_people_affected => "Số người bị ảnh hưởng (ước tính)", "People affected (estimate)";
    field_hotspot_risk => "Nguy cơ thành điểm nóng", "Risk of becoming a hotspot";
    choose => "— Chọn —", "— Choose —";
    not_known => "Chưa rõ", "Not known";
    send_report => "Gửi phản ánh", "Send the report";
    sending => "Đang gửi…", "Sending…";
    draft_kept => "Mất kết nối: bản nháp được giữ trên máy này và sẽ tự gửi lại khi có mạng.", "Connection lost: the draft is kept on this device and will be sent again when the network is back.";
    filed_ok => "Đã gửi phản ánh", "Report filed";
    done_ok => "Đã thực hiện", "Done";
    fix_errors => "Chưa gửi được, xin sửa lỗi dưới đây.", "Not sent; please correct the error below.";
    no_cases => "Không có vụ việc nào.", "No cases.";
    next_page => "Trang sau", "Next page";
    first_page => "Về trang đầu", "First page";
    filters => "Lọc và tìm kiếm", "Filter and search";
    search_words => "Từ khóa", "Search words";
    search_hint => "Không cần gõ dấu: “dat dai” tìm được “Đất đai”.", "No diacritics needed: “dat dai” finds “Đất đai”.";
    field_state => "Trạng thái", "State";
    field_priority => "Mức độ ưu tiên", "Priority";
    field_sensitivity => "Tính chất", "Sensitivity";
    only_overdue => "Chỉ vụ việc quá hạn", "Overdue only";
    apply_filters => "Lọc", "Filter";
    all => "Tất cả", "All";
    overdue => "Quá hạn", "Overdue";
    code => "Mã", "Code";
    filed_at => "Ngày gửi", "Filed";
    outcome => "Kết quả đã công bố", "Published outcome";
    lead_unit => "Cơ quan chủ trì", "Lead agency";
    coordinating_units => "Cơ quan phối hợp", "Coordinating agencies";
    trial_date => "Ngày xét xử", "Trial date";
    merged_into => "Đã gộp vào", "Merged into";
    details => "Thông tin vụ việc", "Case details";
    timeline => "Diễn biến", "Timeline";
    actions => "Việc bạn có thể làm", "What you can do";
    no_actions => "Hiện bạn không có thao tác nào với vụ việc này.", "There is nothing you can do on this case now.";
    reload => "Tải lại vụ việc", "Reload the case";
    similar => "Vụ việc tương tự đang mở (có thể gộp)", "Similar open cases (may be merged)";
    merge_into_this => "Gộp vào vụ này", "Merge into this one";
    yes => "Có", "Yes";
    optional => "không bắt buộc", "optional";
    share_hint => "Nếu không chọn, chỉ các cơ quan xử lý vụ việc đọc được.", "If not ticked, only the bodies handling the case can read it.";
    published => "Đã công bố kết quả", "Result published";
    not_published => "Chưa công bố kết quả", "Result not yet published";
}

mod admin;
mod leader;
mod photos;
