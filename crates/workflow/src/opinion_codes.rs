//! The fixed code lists of the public-opinion network (SPEC §16): what kind
//! of collaborator someone is, and how an opinion item is judged.

use crate::coded::coded_enum;

coded_enum! {
    /// What a member of the network is.
    pub enum CollaboratorKind {
        /// Cộng tác viên dư luận xã hội.
        Collaborator = ("collaborator", collaborator_kind_collaborator),
        /// Báo cáo viên.
        Propagandist = ("propagandist", collaborator_kind_propagandist),
    }
}

coded_enum! {
    /// The mood of the people an opinion item speaks for.
    pub enum Mood {
        /// Đồng tình.
        Supportive = ("supportive", mood_supportive),
        /// Trung lập.
        Neutral = ("neutral", mood_neutral),
        /// Băn khoăn.
        Concerned = ("concerned", mood_concerned),
        /// Bức xúc.
        Angry = ("angry", mood_angry),
    }
}

coded_enum! {
    /// How far an opinion has spread.
    pub enum OpinionReach {
        /// Ít người.
        Few = ("few", reach_few),
        /// Nhiều người.
        Many = ("many", reach_many),
        /// Lan rộng.
        Widespread = ("widespread", reach_widespread),
    }
}

coded_enum! {
    /// Why an early-warning alert was raised.
    pub enum AlertReason {
        /// The week's signal is improbable under its baseline.
        UnusualRise = ("unusual_rise", alert_reason_unusual_rise),
        /// A case with a high hotspot risk was filed.
        HighRiskCase = ("high_risk_case", alert_reason_high_risk_case),
    }
}
