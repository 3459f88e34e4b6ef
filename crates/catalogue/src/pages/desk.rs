//! Texts of the board's desk (issue 15): the photos' thumbnails and the
//! page of one photo, and the list's table view.

messages! {
    photo_open => "Xem ảnh cỡ lớn", "Open the full photo";
    photo_of => "Ảnh", "Photo";
    photo_download => "Tải ảnh về", "Download the photo";
    photo_back => "Về vụ việc", "Back to the case";
    list_view => "Cách hiển thị", "Show as";
    view_cards => "Thẻ", "Cards";
    view_table => "Bảng", "Table";
}
