//! Acknowledging a notice: by the one-time link of its e-mail, without
//! signing in, or signed in as a user of the recipient unit. The first
//! acknowledgement of a unit is kept; a later one is told when and by whom.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use workflow::{Refusal, UserId};

use super::{Acknowledgement, unit_names};
use crate::audit::record;
use crate::credentials::token_hash;
use crate::entities::{
    case, case_event, orientation_link, orientation_notice, orientation_recipient,
};
use crate::org::actor;
use crate::{Store, StoreError, Thing};

impl Store {
    /// What the link with `token` acknowledges, without acknowledging it
    /// (the page a link lands on: a mail scanner's GET changes nothing).
    pub async fn acknowledgement_link(
        &self,
        token: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Acknowledgement, StoreError> {
        let link = valid_link(&self.db, token, now).await?;
        view(&self.db, link.recipient_id, false, tz).await
    }

    /// Acknowledges the notice of the link with `token`, once: a second use
    /// says when and by whom it was acknowledged.
    pub async fn acknowledge_by_link(
        &self,
        token: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Acknowledgement, StoreError> {
        let tx = self.write_tx().await?;
        let link = valid_link(&tx, token, now).await?;
        let first = mark(&tx, link.recipient_id, None, &link.email, now).await?;
        if first {
            record(
                &tx,
                None,
                "orientation_acknowledged",
                serde_json::json!({"recipient": link.recipient_id, "by": link.email}),
                now,
            )
            .await?;
        }
        let answer = view(&tx, link.recipient_id, first, tz).await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// Acknowledges notice `id` as `user`, who must belong to one of its
    /// recipient units.
    pub async fn acknowledge_orientation(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Acknowledgement, StoreError> {
        let tx = self.write_tx().await?;
        let actor = actor(&tx, user, now).await?;
        if orientation_notice::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound {
                thing: Thing::Orientation,
                key: format!("#{id}"),
            });
        }
        let recipient = orientation_recipient::Entity::find()
            .filter(orientation_recipient::Column::NoticeId.eq(id))
            .filter(orientation_recipient::Column::UnitId.eq(actor.unit.id.0))
            .one(&tx)
            .await?
            .ok_or(Refusal::NotARecipient)?;
        let name = crate::entities::user::Entity::find_by_id(user.0)
            .one(&tx)
            .await?
            .map_or_else(String::new, |u| u.name);
        let first = mark(&tx, recipient.id, Some(user.0), &name, now).await?;
        if first {
            record(
                &tx,
                Some(user.0),
                "orientation_acknowledged",
                serde_json::json!({"recipient": recipient.id}),
                now,
            )
            .await?;
        }
        let answer = view(&tx, recipient.id, first, tz).await?;
        tx.commit().await?;
        Ok(answer)
    }
}

/// The link of `token` if it exists and has not expired.
async fn valid_link(
    conn: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<orientation_link::Model, StoreError> {
    Ok(orientation_link::Entity::find()
        .filter(orientation_link::Column::TokenHash.eq(token_hash(token.trim())))
        .one(conn)
        .await?
        .filter(|l| l.expires_at > now)
        .ok_or(Refusal::AcknowledgementLinkInvalid)?)
}

/// Records the acknowledgement unless there is one: true if this was the
/// first. The condition is in the update, so two at once record one.
async fn mark(
    conn: &impl ConnectionTrait,
    recipient: i64,
    user: Option<i64>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = orientation_recipient::Entity::update_many()
        .col_expr(
            orientation_recipient::Column::AcknowledgedAt,
            Expr::value(now),
        )
        .col_expr(
            orientation_recipient::Column::AcknowledgedByUserId,
            Expr::value(user),
        )
        .col_expr(
            orientation_recipient::Column::AcknowledgedBy,
            Expr::value(by.to_owned()),
        )
        .filter(orientation_recipient::Column::Id.eq(recipient))
        .filter(orientation_recipient::Column::AcknowledgedAt.is_null())
        .exec(conn)
        .await?;
    Ok(done.rows_affected == 1)
}

/// What the recipient row `id` says to the person acknowledging.
async fn view(
    conn: &impl ConnectionTrait,
    id: i64,
    just_now: bool,
    tz: Tz,
) -> Result<Acknowledgement, StoreError> {
    let missing = || StoreError::Io(format!("orientation recipient {id} without its notice"));
    let r = orientation_recipient::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(missing)?;
    let n = orientation_notice::Entity::find_by_id(r.notice_id)
        .one(conn)
        .await?
        .ok_or_else(missing)?;
    let c = case::Entity::find_by_id(n.case_id)
        .one(conn)
        .await?
        .ok_or_else(missing)?;
    let payload: serde_json::Value = case_event::Entity::find_by_id(n.event_id)
        .one(conn)
        .await?
        .and_then(|e| serde_json::from_str(&e.payload).ok())
        .unwrap_or_default();
    let names = unit_names(conn, &[r.unit_id, n.issuer_unit_id]).await?;
    Ok(Acknowledgement {
        notice_id: n.id,
        number: n.label,
        case_code: c.code,
        title: c.title,
        issued_at: n.created_at.with_timezone(&tz).fixed_offset(),
        issuer_name: names.get(&n.issuer_unit_id).cloned().unwrap_or_default(),
        unit_name: names.get(&r.unit_id).cloned().unwrap_or_default(),
        messages: payload["messages"].as_str().unwrap_or_default().to_owned(),
        acknowledged_at: r
            .acknowledged_at
            .map(|at| at.with_timezone(&tz).fixed_offset()),
        acknowledged_by: r.acknowledged_by,
        just_now,
    })
}
