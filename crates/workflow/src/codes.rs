//! The fixed code lists of a case (SPEC §3.1, §3.3). Categories are not here:
//! admins may add more, so they are data kept by the store.

use crate::coded::coded_enum;

coded_enum! {
    /// How delicate a case is; `sensitive` narrows who may see it (§6.2).
    pub enum Sensitivity {
        /// Thông thường.
        Normal = ("normal", "Thông thường", "Normal"),
        /// Phức tạp.
        Complex = ("complex", "Phức tạp", "Complex"),
        /// Nhạy cảm.
        Sensitive = ("sensitive", "Nhạy cảm", "Sensitive"),
    }
}

coded_enum! {
    /// How fast the case must move; picks the deadlines of §3.4.
    pub enum Priority {
        /// Khẩn.
        Urgent = ("urgent", "Khẩn", "Urgent"),
        /// Cao.
        High = ("high", "Cao", "High"),
        /// Thường.
        Normal = ("normal", "Thường", "Normal"),
    }
}

coded_enum! {
    /// Risk that the issue becomes a hotspot (nguy cơ thành điểm nóng).
    pub enum HotspotRisk {
        /// Thấp.
        Low = ("low", "Thấp", "Low"),
        /// Trung bình.
        Medium = ("medium", "Trung bình", "Medium"),
        /// Cao.
        High = ("high", "Cao", "High"),
    }
}

coded_enum! {
    /// Where the report came from.
    pub enum Source {
        /// Báo chí.
        Press = ("press", "Báo chí", "Press"),
        /// Mạng xã hội.
        SocialMedia = ("social_media", "Mạng xã hội", "Social media"),
        /// Đơn thư.
        Petition = ("petition", "Đơn thư", "Petition"),
        /// Phản ánh trực tiếp.
        Direct = ("direct", "Phản ánh trực tiếp", "Direct report"),
        /// Hội nghị, cuộc họp.
        Meeting = ("meeting", "Hội nghị, cuộc họp", "Meeting"),
        /// Cộng tác viên dư luận xã hội.
        Collaborator = ("collaborator", "Cộng tác viên dư luận xã hội", "Public-opinion collaborator"),
    }
}

coded_enum! {
    /// A channel of directed communication (định hướng thông tin).
    pub enum Channel {
        /// Báo chí.
        Press = ("press", "Báo chí", "Press"),
        /// Đài truyền thanh cơ sở.
        GrassrootsRadio = ("grassroots_radio", "Đài truyền thanh cơ sở", "Grassroots radio"),
        /// Mạng xã hội.
        SocialMedia = ("social_media", "Mạng xã hội", "Social media"),
        /// Hội nghị, cuộc họp.
        Meeting = ("meeting", "Hội nghị, cuộc họp", "Meeting"),
    }
}

impl Sensitivity {
    /// Whether opening a case of this sensitivity is written to the audit
    /// log (SPEC §9): only a `sensitive` one.
    pub fn audited_on_open(self) -> bool {
        self == Sensitivity::Sensitive
    }
}

impl HotspotRisk {
    /// The priority that sets the triage deadline, before the board has set
    /// one: a report with a high hotspot risk is triaged as urgent.
    pub fn triage_priority(risk: Option<HotspotRisk>) -> Priority {
        match risk {
            Some(HotspotRisk::High) => Priority::Urgent,
            Some(HotspotRisk::Medium) => Priority::High,
            Some(HotspotRisk::Low) | None => Priority::Normal,
        }
    }
}
