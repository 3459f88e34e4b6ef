//! The sentences of the errors a request can end in: the API's `message`
//! and the error pages, with the things that can be missing.

messages! {
    error_not_ready => "Cơ sở dữ liệu chưa sẵn sàng.", "The database is not ready.";
    error_bad_json(detail) => "Nội dung gửi lên không phải JSON hợp lệ ({detail}).", "The body is not valid JSON ({detail}).";
    error_invalid_field(field, detail) => "Trường “{field}” không hợp lệ ({detail}).", "The field “{field}” is not valid ({detail}).";
    error_csrf => "Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token).", "Missing or wrong anti-forgery token (X-CSRF-Token).";
    error_not_json => "Nội dung phải là application/json.", "The body must be application/json.";
    error_file_too_large(mib, max) => "Tệp quá lớn: tối đa {mib} MiB ({max} byte).", "The file is too large: at most {mib} MiB ({max} bytes).";
    error_form_too_large(mib) => "Nội dung gửi lên quá lớn: cả biểu mẫu cùng các tệp đính kèm chỉ được tối đa {mib} MiB. Xin bớt tệp hoặc chọn tệp nhỏ hơn rồi gửi lại.", "What was sent is too large: the form with its files may be at most {mib} MiB. Remove some files or choose smaller ones and send it again.";
    error_bad_multipart(detail) => "Nội dung multipart/form-data không hợp lệ ({detail}).", "The multipart/form-data body is not valid ({detail}).";
    error_no_such_path => "Không có đường dẫn này.", "No such path.";
    error_method_not_allowed => "Đường dẫn này không nhận phương thức đó.", "This path does not take that method.";
    error_body_too_large => "Nội dung gửi lên quá lớn.", "The body is too large.";
    error_unsupported_type => "Kiểu nội dung không được hỗ trợ.", "Unsupported content type.";
    error_timeout => "Yêu cầu quá thời gian.", "The request timed out.";
    error_internal => "Lỗi hệ thống; xin thử lại sau.", "Internal error; please try again later.";
    error_bad_request => "Yêu cầu không hợp lệ.", "Bad request.";
    error_not_found(thing, key) => "Không tìm thấy {thing} {key}.", "No {thing} {key} was found.";
    error_version_conflict(given, current) => "Vụ việc đã được cập nhật: bạn gửi phiên bản {given}, phiên bản hiện tại là {current}. Hãy tải lại rồi thử lại.", "The case changed: you sent version {given}, the current version is {current}. Reload and try again.";
    error_duplicate(value, field) => "“{value}” đã tồn tại ({field}).", "“{value}” already exists ({field}).";
    error_invalid_reason(field, reason) => "Trường “{field}”: {reason}.", "The field “{field}”: {reason}.";
    error_bad_row(line, error) => "Dòng {line}: {error}.", "Line {line}: {error}.";
    error_unauthenticated => "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.", "You are not signed in, or your session has expired.";
    error_bad_credentials => "E-mail hoặc mật khẩu không đúng.", "Wrong e-mail or password.";
    error_sign_in_throttled(secs) => "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {secs} giây.", "Too many failed sign-ins. Try again in {secs} seconds.";
    error_password_guesses(secs) => "Đã nhập sai mật khẩu hiện tại quá nhiều lần. Hãy thử lại sau {secs} giây.", "Too many wrong current passwords. Try again in {secs} seconds.";
    error_reset_requests(secs) => "Đã có quá nhiều yêu cầu đặt lại mật khẩu. Hãy thử lại sau {secs} giây.", "Too many password reset requests. Try again in {secs} seconds.";
    error_key_reused => "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was already used for a different request.";
    invalid_not_a_count(text) => "«{text}» không phải một số nguyên không âm", "«{text}» is not a whole number of zero or more";
    invalid_foreign_cursor => "con trỏ không thuộc danh sách này", "the cursor belongs to another list";
    invalid_end_not_after_start => "phải sau thời điểm bắt đầu (from)", "must be after the start (from)";
    password_changed => "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc và các mã truy cập API đã bị thu hồi; phiên này vẫn tiếp tục.", "Your password has been changed. Your other sessions have ended and your API tokens have been revoked; this one goes on.";
    password_reset_requested => "Nếu địa chỉ này thuộc một tài khoản đang hoạt động, một liên kết đặt lại mật khẩu (dùng được một lần, trong một giờ) đã được gửi tới.", "If this address belongs to an active account, a password reset link (usable once, within one hour) has been sent to it.";
    thing_case => "vụ việc", "case";
    thing_area => "địa bàn", "area";
    thing_unit => "đơn vị", "unit";
    thing_user => "người dùng", "user";
    thing_token => "mã truy cập", "access token";
    thing_duty => "nghĩa vụ", "duty";
    thing_email => "thư", "e-mail";
    thing_attachment => "tệp đính kèm", "attachment";
    thing_category => "lĩnh vực", "category";
    thing_schedule => "lịch nghĩa vụ", "duty schedule";
    thing_orientation => "công văn định hướng thông tin", "orientation notice";
    thing_programme => "chương trình phối hợp", "coordination programme";
}
