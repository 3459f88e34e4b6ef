//! Believable Vietnamese case texts for the benchmark seed: titles and
//! descriptions assembled from word lists (issues by category, places,
//! effects, requests) and sentences taken from the public articles in
//! `../shared/seeds/` (`bench/sentences.txt`), so that search meets the
//! vocabulary and word frequencies of real reports.

use rand::Rng;
use rand::seq::IndexedRandom;

/// Sentences of the seed articles, one a line.
const SENTENCES: &str = include_str!("../bench/sentences.txt");

/// Issues by category code: what a report is about.
pub const ISSUES: &[(&str, &[&str])] = &[
    (
        "land",
        &[
            "Tranh chấp đất đai giữa các hộ dân",
            "Chậm bồi thường giải phóng mặt bằng",
            "Lấn chiếm đất công làm nhà ở",
            "Cấp giấy chứng nhận quyền sử dụng đất chậm",
            "Giá đền bù đất nông nghiệp thấp",
            "Khu tái định cư chưa có hạ tầng",
            "Chuyển mục đích sử dụng đất trái phép",
        ],
    ),
    (
        "environment",
        &[
            "Ô nhiễm nguồn nước sinh hoạt",
            "Khói bụi từ lò gạch thủ công",
            "Rác thải tồn đọng ven đường",
            "Xưởng chế biến gây mùi hôi",
            "Khai thác cát trái phép trên sông",
            "Nước thải chăn nuôi chảy ra kênh",
            "Cháy rừng phòng hộ",
        ],
    ),
    (
        "corruption",
        &[
            "Thu phí sai quy định tại trường học",
            "Cán bộ địa chính gây phiền hà",
            "Sai phạm trong đấu thầu dự án",
            "Lãng phí công trình bỏ hoang",
            "Nhũng nhiễu khi làm thủ tục hành chính",
        ],
    ),
    (
        "complaints",
        &[
            "Khiếu nại đông người về dự án khu đô thị",
            "Tố cáo cán bộ thôn thu tiền trái phép",
            "Đơn thư kéo dài chưa được giải quyết",
            "Khiếu nại quyết định thu hồi đất",
        ],
    ),
];

/// Places inside a commune.
const PLACES: &[&str] = &[
    "thôn Đông",
    "thôn Đoài",
    "thôn Thượng",
    "thôn Hạ",
    "xóm Mới",
    "xóm Chợ",
    "tổ dân phố 1",
    "tổ dân phố 3",
    "tổ dân phố 5",
    "khu phố Bắc",
    "khu công nghiệp",
    "bến đò cũ",
    "chợ trung tâm",
    "trường tiểu học",
    "đê tả ngạn",
    "quốc lộ 18",
];

/// What it does to people.
const EFFECTS: &[&str] = &[
    "ảnh hưởng trực tiếp đến sinh hoạt của người dân",
    "gây bức xúc kéo dài trong Nhân dân",
    "làm nhiều hộ gia đình mất sinh kế",
    "tiềm ẩn nguy cơ mất an ninh trật tự",
    "có dấu hiệu lan rộng sang các thôn lân cận",
    "được mạng xã hội chia sẻ với nhiều bình luận tiêu cực",
];

/// What people ask for.
const REQUESTS: &[&str] = &[
    "Đề nghị chính quyền địa phương sớm kiểm tra, xử lý dứt điểm.",
    "Người dân kiến nghị tổ chức đối thoại công khai.",
    "Cộng tác viên đề nghị cơ quan chức năng trả lời bằng văn bản.",
    "Đề nghị công khai kết quả giải quyết trên phương tiện thông tin đại chúng.",
    "Nhân dân mong muốn được cung cấp thông tin chính thống kịp thời.",
];

/// A title and a description for a case of `category` in the commune
/// named `commune`.
pub fn text(rng: &mut impl Rng, category: &str, commune: &str) -> (String, String) {
    let issues = ISSUES
        .iter()
        .find(|(code, _)| *code == category)
        .map_or(ISSUES[0].1, |(_, list)| *list);
    let issue = issues.choose(rng).expect("issues");
    let place = PLACES.choose(rng).expect("places");
    let title = format!("{issue} tại {place}, {commune}");
    let sentences: Vec<&str> = SENTENCES.lines().filter(|l| !l.is_empty()).collect();
    let mut description = format!(
        "Cộng tác viên dư luận xã hội phản ánh: {} tại {place}, {commune} đã kéo dài {} tháng, {}, khoảng {} hộ bị ảnh hưởng. {}",
        lower_first(issue),
        rng.random_range(1..=24),
        EFFECTS.choose(rng).expect("effects"),
        rng.random_range(3..=400),
        REQUESTS.choose(rng).expect("requests"),
    );
    for _ in 0..rng.random_range(0..=2) {
        description.push(' ');
        description.push_str(sentences.choose(rng).expect("sentences"));
    }
    (title, description)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn texts_are_vietnamese_and_name_their_commune() {
        let mut rng = StdRng::seed_from_u64(1);
        let (title, description) = text(&mut rng, "environment", "xã Tân An");
        assert!(title.ends_with(", xã Tân An"), "{title}");
        assert!(description.starts_with("Cộng tác viên dư luận xã hội phản ánh: "));
        assert!(description.contains("xã Tân An"));
        assert!(SENTENCES.lines().count() > 50);
    }
}
