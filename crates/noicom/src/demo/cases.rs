//! The demo cases: real reports of the kinds the seeds describe, each
//! carried through real workflow actions to a different point, filed at
//! different times so that some deadlines have passed.

use workflow::{HotspotRisk, Priority, Sensitivity, Source};

/// One step of a demo case's history.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// The board asks the reporter for more.
    RequestInfo,
    /// The reporter supplies it.
    Supplement,
    /// Triage decides it is not nổi cộm.
    Dismiss,
    /// A duplicate of the first demo case.
    MergeIntoFirst,
    /// Accepted with this lead unit, priority and sensitivity.
    Accept(&'static str, Priority, Sensitivity),
    /// The lead unit answers in writing.
    Respond,
    /// The board directs communication.
    Orient,
    /// Reported up for a conclusion.
    Escalate,
    /// The leader concludes.
    Conclude,
    /// A resolution meeting.
    Meeting,
    /// A trial date (court cases).
    Trial,
    /// The lead unit reports the resolution.
    Resolve,
    /// The board publishes the result.
    Publish,
    /// The leader closes.
    Close,
}

impl Step {
    /// About how many days this step takes after the one before, as an
    /// agency or the board would really take it, so that the dashboard's
    /// times mean something; `variant` (0 to 3, one per case) spreads the
    /// slow steps over the cases.
    pub fn typical_days(self, variant: u32) -> f64 {
        let v = f64::from(variant % 4);
        match self {
            Step::RequestInfo | Step::MergeIntoFirst | Step::Orient => 1.0,
            Step::Accept(..) => 1.0 + 0.5 * v,
            Step::Supplement | Step::Dismiss | Step::Trial | Step::Publish => 2.0,
            Step::Respond => 3.0 + 2.0 * v,
            Step::Escalate | Step::Close => 3.0,
            Step::Conclude => 4.0,
            Step::Meeting => 5.0,
            Step::Resolve => 7.0 + 3.0 * v,
        }
    }
}

/// When each of `steps` happens, in hours after filing: the typical days
/// of each step, shrunk where the case was filed too recently for them,
/// so that the last step is at least six hours before now.
pub fn step_hours(steps: &[Step], variant: u32, days_ago: i64) -> Vec<i64> {
    let gaps: Vec<f64> = steps
        .iter()
        .map(|s| s.typical_days(variant) * 24.0)
        .collect();
    let total: f64 = gaps.iter().sum();
    let budget = (days_ago * 24 - 6).max(1) as f64;
    let scale = if total > budget { budget / total } else { 1.0 };
    let mut at = 0.0;
    gaps.iter()
        .map(|gap| {
            at += gap * scale;
            at.round() as i64
        })
        .collect()
}

/// A demo case: what is filed, where, how
/// many days ago, and what happened since.
pub struct DemoCase {
    pub title: &'static str,
    pub description: &'static str,
    pub area: &'static str,
    pub category: &'static str,
    pub source: Source,
    pub risk: Option<HotspotRisk>,
    pub days_ago: i64,
    pub steps: &'static [Step],
}

use Priority::{High, Normal as N, Urgent};
use Sensitivity::{Complex, Normal, Sensitive};
use Step::*;

const FULL: &[Step] = &[
    Accept("UBND-HOALU", N, Normal),
    Respond,
    Orient,
    Resolve,
    Publish,
    Close,
];

/// Every state, most categories, overdue and on-time deadlines.
pub const CASES: &[DemoCase] = &[
    DemoCase {
        title: "Chậm bồi thường giải phóng mặt bằng dự án đường ven sông Sào Khê",
        description: "Hơn 40 hộ dân phường Hoa Lư phản ánh chưa nhận đủ tiền bồi thường sau hai năm bàn giao mặt bằng.",
        area: "NB-HOALU",
        category: "land",
        source: Source::Collaborator,
        risk: Some(HotspotRisk::High),
        days_ago: 40,
        steps: &[
            Accept("UBND-HOALU", High, Complex),
            Respond,
            Orient,
            Meeting,
        ],
    },
    DemoCase {
        title: "Khói bụi từ lò nung vôi gây ô nhiễm khu dân cư",
        description: "Người dân tổ dân phố 5 phản ánh khói bụi từ các lò nung vôi thủ công hoạt động cả ban đêm.",
        area: "NB-TAMDIEP",
        category: "environment",
        source: Source::Direct,
        risk: Some(HotspotRisk::Medium),
        days_ago: 1,
        steps: &[],
    },
    DemoCase {
        title: "Bài viết sai sự thật về việc thu hồi đất làm sân golf",
        description: "Một tài khoản mạng xã hội đăng tin tỉnh thu hồi 300 ha đất lúa làm sân golf, thu hút nhiều bình luận.",
        area: "NB",
        category: "misinformation",
        source: Source::SocialMedia,
        risk: Some(HotspotRisk::High),
        days_ago: 3,
        steps: &[],
    },
    DemoCase {
        title: "Nghi vấn thu tiền sai quy định tại trường tiểu học",
        description: "Phụ huynh phản ánh nhà trường thu nhiều khoản ngoài quy định đầu năm học.",
        area: "NB-KIMSON",
        category: "corruption",
        source: Source::Petition,
        risk: None,
        days_ago: 6,
        steps: &[],
    },
    DemoCase {
        title: "Đường liên xã xuống cấp nghiêm trọng",
        description: "Tuyến đường liên xã dài 3 km xuất hiện nhiều ổ gà sau mùa mưa, xe tải trọng lớn vẫn lưu thông.",
        area: "NB-KIMSON",
        category: "construction",
        source: Source::Collaborator,
        risk: None,
        days_ago: 4,
        steps: &[RequestInfo],
    },
    DemoCase {
        title: "Tin đồn dịch bệnh trên đàn lợn",
        description: "Tin nhắn lan truyền về dịch tả lợn châu Phi tái phát tại xã, cần xác minh.",
        area: "NB-KIMSON",
        category: "health",
        source: Source::SocialMedia,
        risk: Some(HotspotRisk::Medium),
        days_ago: 12,
        steps: &[RequestInfo, Supplement],
    },
    DemoCase {
        title: "Mâu thuẫn về ranh giới đất giữa hai dòng họ",
        description: "Hai dòng họ tranh chấp phần đất hương hỏa, đã xảy ra xô xát nhỏ.",
        area: "NB-HOALU",
        category: "land",
        source: Source::Meeting,
        risk: Some(HotspotRisk::Low),
        days_ago: 15,
        steps: &[Dismiss],
    },
    DemoCase {
        title: "Phản ánh trùng về bồi thường đường ven sông Sào Khê",
        description: "Phản ánh của một hộ dân khác về cùng dự án đường ven sông.",
        area: "NB-HOALU",
        category: "land",
        source: Source::Direct,
        risk: None,
        days_ago: 30,
        steps: &[MergeIntoFirst],
    },
    DemoCase {
        title: "Ngộ độc thực phẩm sau tiệc cưới",
        description: "Khoảng 60 người phải nhập viện sau khi ăn cỗ cưới tại thôn Đông.",
        area: "NB-GIAVIEN",
        category: "food_safety",
        source: Source::Press,
        risk: Some(HotspotRisk::High),
        days_ago: 2,
        steps: &[Accept("UBND-GIAVIEN", Urgent, Normal)],
    },
    DemoCase {
        title: "Xây dựng trái phép trên đất nông nghiệp",
        description: "Nhiều công trình nhà xưởng mọc lên trên đất trồng lúa mà chưa được xử lý.",
        area: "NB-TAMDIEP",
        category: "construction",
        source: Source::Collaborator,
        risk: Some(HotspotRisk::Medium),
        days_ago: 25,
        steps: &[Accept("UBND-TAMDIEP", N, Normal)],
    },
    DemoCase {
        title: "Khiếu nại kéo dài về thu hồi đất khu công nghiệp",
        description: "Đoàn đông người nhiều lần lên trụ sở tiếp công dân khiếu nại giá đất tái định cư.",
        area: "NB",
        category: "complaints",
        source: Source::Petition,
        risk: Some(HotspotRisk::High),
        days_ago: 35,
        steps: &[Accept("UBND-NB", High, Sensitive), Respond],
    },
    DemoCase {
        title: "Sạt lở bờ kênh đe dọa nhà dân",
        description: "Bờ kênh Kim Sơn sạt lở dài 50 m, 12 hộ dân phải di dời tạm.",
        area: "NB-KIMSON",
        category: "environment",
        source: Source::Direct,
        risk: Some(HotspotRisk::Medium),
        days_ago: 9,
        steps: &[Accept("UBND-KIMSON", High, Normal), Respond],
    },
    DemoCase {
        title: "Hoạt động tôn giáo trái phép tại nhà riêng",
        description: "Một nhóm người tụ tập sinh hoạt tôn giáo chưa đăng ký, gây bức xúc trong thôn.",
        area: "NB-GIAVIEN",
        category: "religion_ethnic",
        source: Source::Collaborator,
        risk: Some(HotspotRisk::Medium),
        days_ago: 18,
        steps: &[Accept("UBND-GIAVIEN", High, Sensitive), Orient],
    },
    DemoCase {
        title: "Xuống cấp di tích đền thờ thời Đinh – Lê",
        description: "Mái đền bị dột, tường nứt; người dân lo ngại mất di tích quốc gia.",
        area: "NB-HOALU",
        category: "heritage",
        source: Source::Press,
        risk: None,
        days_ago: 28,
        steps: &[Accept("UBND-HOALU", N, Normal), Respond, Orient],
    },
    DemoCase {
        title: "Vụ án tham ô tại quỹ tín dụng nhân dân",
        description: "Dư luận quan tâm vụ án nguyên giám đốc quỹ tín dụng chiếm đoạt 20 tỷ đồng; sắp đưa ra xét xử.",
        area: "NB-HOALU",
        category: "trials",
        source: Source::Press,
        risk: Some(HotspotRisk::Medium),
        days_ago: 22,
        steps: &[Accept("TAND-KV1-NB", High, Complex), Orient, Trial],
    },
    DemoCase {
        title: "Bất đồng về phương án di dời chợ truyền thống",
        description: "Tiểu thương và UBND phường chưa thống nhất phương án di dời chợ Tam Điệp.",
        area: "NB-TAMDIEP",
        category: "construction",
        source: Source::Meeting,
        risk: Some(HotspotRisk::High),
        days_ago: 20,
        steps: &[Accept("UBND-TAMDIEP", High, Complex), Respond, Escalate],
    },
    DemoCase {
        title: "Tranh chấp ngư trường với tàu cá địa phương khác",
        description: "Ngư dân Kim Sơn phản ánh tàu cá nơi khác vào khai thác tận diệt ven bờ.",
        area: "NB-KIMSON",
        category: "sovereignty",
        source: Source::Direct,
        risk: Some(HotspotRisk::Medium),
        days_ago: 14,
        steps: &[Accept("UBND-KIMSON", N, Normal), Escalate],
    },
    DemoCase {
        title: "Mất an ninh trật tự tại khu trọ công nhân",
        description: "Nhiều vụ trộm cắp, đánh nhau tại khu trọ gần khu công nghiệp.",
        area: "NB-TAMDIEP",
        category: "security",
        source: Source::Collaborator,
        risk: Some(HotspotRisk::Medium),
        days_ago: 45,
        steps: &[
            Accept("UBND-TAMDIEP", N, Normal),
            Respond,
            Orient,
            Escalate,
            Conclude,
            Resolve,
        ],
    },
    DemoCase {
        title: "Cấp nước sạch gián đoạn kéo dài",
        description: "Khu dân cư phía tây phường Hoa Lư mất nước sinh hoạt nhiều ngày.",
        area: "NB-HOALU",
        category: "health",
        source: Source::Collaborator,
        risk: Some(HotspotRisk::Medium),
        days_ago: 38,
        steps: &[
            Accept("UBND-HOALU", High, Normal),
            Respond,
            Orient,
            Resolve,
            Publish,
        ],
    },
    DemoCase {
        title: "Rác thải tồn đọng tại bãi tập kết",
        description: "Bãi rác tạm quá tải, bốc mùi, người dân chặn xe chở rác.",
        area: "NB-GIAVIEN",
        category: "environment",
        source: Source::Press,
        risk: Some(HotspotRisk::High),
        days_ago: 60,
        steps: &[
            Accept("UBND-GIAVIEN", High, Normal),
            Respond,
            Orient,
            Meeting,
            Resolve,
            Publish,
            Close,
        ],
    },
    DemoCase {
        title: "Thông tin sai về sáp nhập trường học",
        description: "Tin đồn đóng cửa điểm trường lẻ khiến phụ huynh hoang mang.",
        area: "NB-HOALU",
        category: "misinformation",
        source: Source::SocialMedia,
        risk: Some(HotspotRisk::Medium),
        days_ago: 50,
        steps: FULL,
    },
    DemoCase {
        title: "Chậm chi trả chế độ cho người có công",
        description: "Một số gia đình chính sách chưa nhận trợ cấp hai tháng.",
        area: "NB",
        category: "complaints",
        source: Source::Petition,
        risk: None,
        days_ago: 55,
        steps: &[
            Accept("UBND-NB", N, Normal),
            Respond,
            Orient,
            Resolve,
            Publish,
            Close,
        ],
    },
    DemoCase {
        title: "Lấn chiếm hành lang đê",
        description: "Hộ dân dựng lều quán trên hành lang đê sông Đáy.",
        area: "NB-GIAVIEN",
        category: "construction",
        source: Source::Collaborator,
        risk: None,
        days_ago: 8,
        steps: &[Accept("UBND-GIAVIEN", N, Normal)],
    },
    DemoCase {
        title: "Cán bộ xã bị tố nhận tiền làm sổ đỏ",
        description: "Đơn tố cáo một cán bộ địa chính nhận tiền để đẩy nhanh cấp giấy chứng nhận.",
        area: "NB-KIMSON",
        category: "corruption",
        source: Source::Petition,
        risk: Some(HotspotRisk::Medium),
        days_ago: 26,
        steps: &[Accept("UBND-KIMSON", High, Sensitive), Respond, Orient],
    },
    DemoCase {
        title: "Lễ hội vượt quá quy mô cho phép",
        description: "Lễ hội đền làng tổ chức kéo dài, thu phí trông xe cao.",
        area: "NB-HOALU",
        category: "heritage",
        source: Source::Collaborator,
        risk: None,
        days_ago: 10,
        steps: &[RequestInfo, Supplement, Dismiss],
    },
    DemoCase {
        title: "Người dân phản đối dự án nhà máy xử lý rác",
        description: "Hàng trăm người ký đơn phản đối vị trí nhà máy xử lý rác gần khu dân cư.",
        area: "NB",
        category: "other",
        source: Source::Petition,
        risk: Some(HotspotRisk::High),
        days_ago: 5,
        steps: &[Accept("UBND-NB", Urgent, Complex), Orient],
    },
];

/// A report just in: a hotspot filed today whose urgent triage deadline
/// passed earlier today (see `demo::filed_today`), so the first sweep after
/// the demo starts reminds the board of it — a reminder due now, which
/// goes, unlike the e-mails of the demo's past.
pub const JUST_IN: DemoCase = DemoCase {
    title: "Người dân tụ tập trước trụ sở phường phản đối phương án tái định cư",
    description: "Khoảng 60 hộ dân khu tái định cư Ninh Phong tụ tập từ sáng trước trụ sở UBND phường, \
                  đề nghị công khai phương án bố trí đất tái định cư; có người livestream trên mạng xã hội.",
    area: "NB-HOALU",
    category: "land",
    source: Source::Collaborator,
    risk: Some(HotspotRisk::High),
    days_ago: 0,
    steps: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_take_days_and_end_before_now() {
        for (i, case) in CASES.iter().enumerate() {
            let hours = step_hours(case.steps, i as u32, case.days_ago);
            assert!(hours.windows(2).all(|w| w[0] < w[1]), "{}", case.title);
            if let Some(last) = hours.last() {
                assert!(*last <= case.days_ago * 24 - 6, "{}", case.title);
            }
        }
        // A case filed long ago is answered after days, not hours.
        let hours = step_hours(FULL, 1, 60);
        assert_eq!(hours[1], 24 * 6 + 12);
    }
}
