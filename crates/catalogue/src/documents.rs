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
    doc_filed => "Lưu văn phòng.", "Office file.";
    doc_on_behalf(body) => "T/M {body}", "ON BEHALF OF {body}";
    doc_to_write(what) => "[Phần để viết: {what}]", "[To be written: {what}]";
}
