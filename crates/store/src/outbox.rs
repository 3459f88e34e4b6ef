//! Writing e-mails to the outbox in the transaction of their cause. The
//! scheduler's dispatcher delivers them; a unique key per cause and
//! recipient makes a repeated enqueue a no-op.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{Case, Notice, Recipients, Role};

use crate::StoreError;
use crate::entities::{outbox, unit, unit_area, user};

/// Delivery states of an outbox row.
pub mod status {
    /// Waiting to be sent (or retried).
    pub const PENDING: &str = "pending";
    /// Delivered to the SMTP server.
    pub const SENT: &str = "sent";
    /// Gave up after the last try; an admin may retry.
    pub const FAILED: &str = "failed";
    /// Its reason went away before it was sent.
    pub const DROPPED: &str = "dropped";
}

/// One e-mail to enqueue.
#[derive(Debug, Clone)]
pub struct Mail {
    /// Unique per cause and recipient.
    pub key: String,
    /// Template name, e.g. `case_assigned`.
    pub kind: String,
    /// Address.
    pub to: String,
    /// The user it goes to, if a user.
    pub user: Option<i64>,
    /// Language of the recipient.
    pub lang: String,
    /// What the template needs.
    pub payload: serde_json::Value,
}

/// Inserts mails, skipping any whose key exists. Returns how many were new.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    mails: Vec<Mail>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut inserted = 0;
    for mail in mails {
        let row = outbox::ActiveModel {
            key: Set(mail.key),
            kind: Set(mail.kind),
            recipient_email: Set(mail.to),
            recipient_user_id: Set(mail.user),
            lang: Set(mail.lang),
            payload: Set(mail.payload.to_string()),
            status: Set(status::PENDING.to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        };
        let result = outbox::Entity::insert(row)
            .on_conflict(
                OnConflict::column(outbox::Column::Key)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
        inserted += result;
    }
    Ok(inserted)
}

/// Enqueues the e-mails of an action's notices, one per recipient address.
pub(crate) async fn enqueue_notices(
    conn: &impl ConnectionTrait,
    case: &Case,
    notices: &[Notice],
    event: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut mails = Vec::new();
    for notice in notices {
        let kind = serde_json::to_value(notice.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        for (to, user, lang) in recipients(conn, &notice.recipients).await? {
            mails.push(Mail {
                key: format!("case:{}:{kind}:{}:{to}", case.id, event.unwrap_or(0)),
                kind: kind.clone(),
                to,
                user,
                lang,
                payload: json!({
                    "case_id": case.id.0,
                    "case_code": case.code,
                    "title": case.title,
                    "state": case.state.code(),
                    "event_id": event,
                }),
            });
        }
    }
    enqueue(conn, mails, now).await?;
    Ok(())
}

/// The (address, user, language) triples of a recipient set. Disabled users
/// are left out.
pub(crate) async fn recipients(
    conn: &impl ConnectionTrait,
    to: &Recipients,
) -> Result<Vec<(String, Option<i64>, String)>, StoreError> {
    let users: Vec<user::Model> = match to {
        Recipients::User { user: id } => user::Entity::find_by_id(id.0).all(conn).await?,
        Recipients::Unit { unit: id } => {
            user::Entity::find()
                .filter(user::Column::UnitId.eq(id.0))
                .filter(user::Column::Role.eq(Role::AgencyLiaison.code()))
                .all(conn)
                .await?
        }
        Recipients::Board { area } | Recipients::Leaders { area } => {
            let role = if matches!(to, Recipients::Board { .. }) {
                Role::BoardOfficer
            } else {
                Role::Leader
            };
            let lineage = crate::org::lineage_of(conn, area.0).await?;
            let units: Vec<i64> = unit_area::Entity::find()
                .filter(unit_area::Column::AreaId.is_in(lineage))
                .all(conn)
                .await?
                .into_iter()
                .map(|ua| ua.unit_id)
                .collect();
            user::Entity::find()
                .filter(user::Column::Role.eq(role.code()))
                .filter(user::Column::UnitId.is_in(units))
                .all(conn)
                .await?
        }
    };
    let mut out: Vec<(String, Option<i64>, String)> = users
        .into_iter()
        .filter(|u| !u.disabled)
        .filter(|u| {
            // A user without an address cannot be reached; say so once per
            // lookup instead of failing the whole sweep.
            let has = !u.email.trim().is_empty();
            if !has {
                tracing::warn!(user = u.id, "user without e-mail: skipped");
            }
            has
        })
        .map(|u| (u.email, Some(u.id), u.lang))
        .collect();
    if let Recipients::Unit { unit: id } = to
        && let Some(email) = unit::Entity::find_by_id(id.0)
            .one(conn)
            .await?
            .and_then(|u| u.email)
        && !out.iter().any(|(e, ..)| *e == email)
    {
        out.push((email, None, "vi".to_owned()));
    }
    Ok(out)
}
