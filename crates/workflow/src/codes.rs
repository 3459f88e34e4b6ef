//! The fixed code lists of a case (SPEC §3.1, §3.3). Categories are not here:
//! admins may add more, so they are data kept by the store.

use crate::coded::coded_enum;

coded_enum! {
    /// How delicate a case is; `sensitive` narrows who may see it (§6.2).
    pub enum Sensitivity {
        /// Thông thường.
        Normal = ("normal", sensitivity_normal),
        /// Phức tạp.
        Complex = ("complex", sensitivity_complex),
        /// Nhạy cảm.
        Sensitive = ("sensitive", sensitivity_sensitive),
    }
}

coded_enum! {
    /// How fast the case must move; picks the deadlines of §3.4.
    pub enum Priority {
        /// Khẩn.
        Urgent = ("urgent", priority_urgent),
        /// Cao.
        High = ("high", priority_high),
        /// Thường.
        Normal = ("normal", priority_normal),
    }
}

coded_enum! {
    /// Risk that the issue becomes a hotspot (nguy cơ thành điểm nóng).
    pub enum HotspotRisk {
        /// Thấp.
        Low = ("low", hotspot_risk_low),
        /// Trung bình.
        Medium = ("medium", hotspot_risk_medium),
        /// Cao.
        High = ("high", hotspot_risk_high),
    }
}

coded_enum! {
    /// Where the report came from.
    pub enum Source {
        /// Báo chí.
        Press = ("press", source_press),
        /// Mạng xã hội.
        SocialMedia = ("social_media", source_social_media),
        /// Đơn thư.
        Petition = ("petition", source_petition),
        /// Phản ánh trực tiếp.
        Direct = ("direct", source_direct),
        /// Hội nghị, cuộc họp.
        Meeting = ("meeting", source_meeting),
        /// Cộng tác viên dư luận xã hội.
        Collaborator = ("collaborator", source_collaborator),
    }
}

coded_enum! {
    /// A channel of directed communication (định hướng thông tin).
    pub enum Channel {
        /// Báo chí.
        Press = ("press", channel_press),
        /// Đài truyền thanh cơ sở.
        GrassrootsRadio = ("grassroots_radio", channel_grassroots_radio),
        /// Mạng xã hội.
        SocialMedia = ("social_media", channel_social_media),
        /// Hội nghị, cuộc họp.
        Meeting = ("meeting", channel_meeting),
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
