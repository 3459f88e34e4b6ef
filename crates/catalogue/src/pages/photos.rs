//! Texts of the photos and documents pages: the filing form's photos, a
//! case's documents and their upload, the authors in the timeline, the
//! triage queue's order.

messages! {
    photos_label => "Ảnh hiện trường", "Photos";
    photos_hint => "Chụp bằng điện thoại hoặc chọn ảnh. Tối đa 10 tệp, mỗi tệp không quá", "Take photos with the phone or choose them. Up to 10 files, each at most";
    draft_no_files => "Bản nháp trên máy chỉ giữ phần chữ, không giữ được ảnh: xin chọn lại ảnh trước khi gửi.", "The draft on this device keeps the text only, not the photos: please choose the photos again before sending.";
    documents => "Tài liệu, ảnh kèm theo", "Documents and photos";
    no_documents => "Chưa có tài liệu kèm theo.", "No documents yet.";
    add_documents => "Thêm tài liệu, ảnh", "Add documents or photos";
    field_files => "Tệp (ảnh, PDF, văn bản Word, Excel, PowerPoint, OpenDocument)", "Files (photos, PDF, Word, Excel, PowerPoint, OpenDocument)";
    field_documents => "Văn bản, tài liệu kèm theo", "Documents";
    files_hint => "Tối đa 10 tệp, mỗi tệp không quá", "Up to 10 files, each at most";
    files_added => "Đã thêm tài liệu", "Documents added";
    send_files => "Tải lên", "Upload";
    event_attachment_added => "Thêm tài liệu", "Document added";
    file_name => "Tệp", "File";
    with_action => "kèm theo", "with";
    order_relevance => "Sắp xếp theo mức độ phù hợp: vụ việc có từ khóa trong mã hoặc tiêu đề đứng trước.", "Ordered by relevance: cases with the words in their code or title come first.";
    order_oldest => "Sắp xếp cũ nhất trước.", "Oldest first.";
}
