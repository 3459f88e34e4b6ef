//! The orientation panel of the case page (SPEC §12): each notice with
//! each recipient unit's status, for the case's internal readers only.

use chrono_tz::Tz;
use store::orientations::{OrientationNotice, RecipientStatus};

use super::layout::local_time;
use catalogue::Tr;

/// A notice as the panel shows it.
pub(crate) struct NoticeLine {
    /// Its id (the address of its letter).
    pub(crate) id: i64,
    /// "Công văn số 3-CV/BTG-NB · lần 2".
    pub(crate) heading: String,
    /// When it was issued.
    pub(crate) at: String,
    /// The number of the notice it replaces.
    pub(crate) replaces: Option<String>,
    /// Each recipient: its name, its status in words, and whether it
    /// failed (shown as an alert).
    pub(crate) recipients: Vec<(String, String, bool)>,
}

/// The panel's lines.
pub(crate) fn lines(notices: &[OrientationNotice], t: Tr, tz: Tz) -> Vec<NoticeLine> {
    notices
        .iter()
        .map(|n| NoticeLine {
            id: n.id,
            heading: format!(
                "{} · {}",
                t.ack_notice(&n.number),
                t.orientation_version(n.version)
            ),
            at: local_time(n.issued_at.to_utc(), tz),
            replaces: n.replaces.as_ref().map(|r| t.mail_orientation_replaces(r)),
            recipients: n
                .recipients
                .iter()
                .map(|r| {
                    let words = match r.status {
                        RecipientStatus::Sent => t.orientation_status_sent().to_owned(),
                        RecipientStatus::Acknowledged => t.orientation_status_acknowledged(
                            r.acknowledged_at
                                .map(|at| local_time(at.to_utc(), tz))
                                .unwrap_or_default(),
                            r.acknowledged_by.clone().unwrap_or_default(),
                        ),
                        RecipientStatus::Failed => match r.failure.as_deref() {
                            Some("no_address") => t.orientation_status_no_address().to_owned(),
                            _ => t.orientation_status_delivery_failed().to_owned(),
                        },
                    };
                    (
                        r.unit_name.clone(),
                        words,
                        r.status == RecipientStatus::Failed,
                    )
                })
                .collect(),
        })
        .collect()
}
