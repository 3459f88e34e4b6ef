//! Orientation notices (*công văn định hướng thông tin*, SPEC §12): issued
//! with `orient` and `add_orientation`, numbered by the document register,
//! e-mailed to each recipient unit with a one-time acknowledgement link,
//! listed with each recipient's status, reminded until acknowledged.

mod acknowledge;
mod document;
mod issue;
mod list;
mod register;
mod remind;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use crate::StoreError;
use crate::credentials::{new_token, token_hash};
use crate::entities::{orientation_link, unit};

pub use document::NoticeFacts;
pub(crate) use issue::issue;
pub use register::ORIENTATION_KIND;
pub(crate) use register::{label, next_number};
pub(crate) use remind::sweep;

/// Outbox kind of the notice e-mailed to a recipient unit.
pub const ORIENTATION_NOTICE: &str = "orientation_notice";
/// Outbox kind of a reminder to a recipient that has not acknowledged.
pub const ORIENTATION_REMINDER: &str = "orientation_reminder";

/// Where a recipient unit stands with a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecipientStatus {
    /// E-mailed, not acknowledged yet.
    Sent,
    /// Acknowledged (by link or signed in).
    Acknowledged,
    /// Not reached: the unit has no address, or every delivery failed.
    Failed,
}

/// One recipient unit of a notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrientationRecipient {
    /// The unit's code.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// Its status.
    pub status: RecipientStatus,
    /// When it acknowledged.
    pub acknowledged_at: Option<DateTime<FixedOffset>>,
    /// Who acknowledged: a user's name, or the address a link went to.
    pub acknowledged_by: Option<String>,
    /// Why it failed: `no_address` or `delivery_failed`.
    pub failure: Option<String>,
}

/// An orientation notice with its recipients.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrientationNotice {
    /// Its id (for `POST /orientations/{id}/acknowledge`).
    pub id: i64,
    /// Its number in the register, e.g. `3-CV/BTGDV-NB`.
    pub number: String,
    /// Its version on the case, from 1.
    pub version: i32,
    /// The number of the notice it replaces, if any.
    pub replaces: Option<String>,
    /// When it was issued.
    pub issued_at: DateTime<FixedOffset>,
    /// The issuing unit's code.
    pub issuer: String,
    /// The key messages.
    pub messages: String,
    /// Channels (codes).
    pub channels: Vec<String>,
    /// The audience.
    pub audience: String,
    /// The recipient units, in the order named.
    pub recipients: Vec<OrientationRecipient>,
}

/// What a person opening an acknowledgement link, or acknowledging, is
/// told: which notice, which unit, and whether and when it was
/// acknowledged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    /// The notice's id.
    pub notice_id: i64,
    /// Its number.
    pub number: String,
    /// The case's code.
    pub case_code: String,
    /// The case's title.
    pub title: String,
    /// When the notice was issued.
    pub issued_at: DateTime<FixedOffset>,
    /// The issuing unit's name.
    pub issuer_name: String,
    /// The recipient unit's name.
    pub unit_name: String,
    /// The key messages.
    pub messages: String,
    /// When it was acknowledged, if it was.
    pub acknowledged_at: Option<DateTime<FixedOffset>>,
    /// By whom.
    pub acknowledged_by: Option<String>,
    /// True when this call acknowledged it; false when it was already.
    pub just_now: bool,
}

/// A new one-time link for `recipient` sent to `email` in the mail keyed
/// `outbox_key`: stores the token's hash and returns the token.
pub(crate) async fn new_link(
    conn: &impl ConnectionTrait,
    recipient: i64,
    email: &str,
    outbox_key: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let token = new_token();
    orientation_link::ActiveModel {
        recipient_id: Set(recipient),
        email: Set(email.to_owned()),
        token_hash: Set(token_hash(&token)),
        outbox_key: Set(outbox_key.to_owned()),
        created_at: Set(now),
        expires_at: Set(expires),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// The names of units by id.
pub(crate) async fn unit_names(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, String>, StoreError> {
    Ok(unit::Entity::find()
        .filter(unit::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::register::label;

    #[test]
    fn a_number_reads_as_the_register_writes_it() {
        assert_eq!(label(12, "CV", "BTGDV-NB"), "12-CV/BTGDV-NB");
    }
}
