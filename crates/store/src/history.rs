//! Closing a past that was loaded rather than lived (the demo's history,
//! an import): the e-mails its events wrote were due weeks ago, to people
//! who have long acted on them, and sending them now would say false
//! things ("a case was assigned to you" about a case closed a month ago).
//! They stay in the outbox as a record, marked `historical`, and one audit
//! row says when and why. What is still owed now goes: an orientation
//! notice its recipient has not acknowledged on an open case
//! (`workflow::notice_still_owed`), with links that work 14 days from now,
//! when it is sent, not from the invented day it was issued.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use workflow::{CaseState, acknowledgement_expires, notice_still_owed};

use crate::audit::record;
use crate::entities::{case, orientation_link, orientation_notice, orientation_recipient, outbox};
use crate::orientations::ORIENTATION_NOTICE;
use crate::outbox::status;
use crate::{Store, StoreError};

/// What closing a past did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryClosed {
    /// E-mails of the past marked `historical`: never sent.
    pub historical: u64,
    /// Orientation notices still owed: left to send, links renewed.
    pub still_owed: u64,
}

impl Store {
    /// Marks every e-mail still waiting that was written before `before`
    /// as `historical` (not sent, kept as a record), except the
    /// orientation notices still owed, whose links are renewed to work
    /// [`workflow::ACKNOWLEDGEMENT_LINK_DAYS`] from `now`. One transaction,
    /// with an audit row `close_history` naming `reason`.
    pub async fn close_history(
        &self,
        before: DateTime<Utc>,
        now: DateTime<Utc>,
        reason: &str,
    ) -> Result<HistoryClosed, StoreError> {
        let tx = self.write_tx().await?;
        let waiting = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(status::PENDING))
            .filter(outbox::Column::CreatedAt.lt(before))
            .all(&tx)
            .await?;
        let expires = acknowledgement_expires(now);
        let mut past = Vec::new();
        let mut owed = 0;
        for row in waiting {
            if row.kind == ORIENTATION_NOTICE && still_owed(&tx, &row.key).await? {
                let mut payload: serde_json::Value =
                    serde_json::from_str(&row.payload).unwrap_or_default();
                payload["expires_at"] = json!(expires.to_rfc3339());
                outbox::Entity::update_many()
                    .col_expr(outbox::Column::Payload, Expr::value(payload.to_string()))
                    .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
                    .filter(outbox::Column::Id.eq(row.id))
                    .exec(&tx)
                    .await?;
                orientation_link::Entity::update_many()
                    .col_expr(orientation_link::Column::ExpiresAt, Expr::value(expires))
                    .filter(orientation_link::Column::OutboxKey.eq(&row.key))
                    .exec(&tx)
                    .await?;
                owed += 1;
            } else {
                past.push(row.id);
            }
        }
        let historical = past.len() as u64;
        for ids in past.chunks(500) {
            outbox::Entity::update_many()
                .col_expr(outbox::Column::Status, Expr::value(status::HISTORICAL))
                .filter(outbox::Column::Id.is_in(ids.to_vec()))
                .exec(&tx)
                .await?;
            // A link in an e-mail never sent is a secret nobody needs: the
            // record keeps no copy, as for a sent one.
            outbox::Entity::update_many()
                .col_expr(outbox::Column::Payload, Expr::value("{}"))
                .filter(outbox::Column::Id.is_in(ids.to_vec()))
                .filter(outbox::Column::Kind.is_in(crate::delivery::SECRET_KINDS))
                .exec(&tx)
                .await?;
        }
        let detail = json!({ "reason": reason, "before": before.to_rfc3339(),
            "historical": historical, "still_owed": owed });
        record(&tx, None, "close_history", detail, now).await?;
        tx.commit().await?;
        Ok(HistoryClosed {
            historical,
            still_owed: owed,
        })
    }
}

/// Whether the orientation notice e-mail keyed `key` is still owed: its
/// recipient has not acknowledged and its case is open.
async fn still_owed(conn: &impl sea_orm::ConnectionTrait, key: &str) -> Result<bool, StoreError> {
    let Some(link) = orientation_link::Entity::find()
        .filter(orientation_link::Column::OutboxKey.eq(key))
        .one(conn)
        .await?
    else {
        return Ok(false);
    };
    let Some(recipient) = orientation_recipient::Entity::find_by_id(link.recipient_id)
        .one(conn)
        .await?
    else {
        return Ok(false);
    };
    let Some(notice) = orientation_notice::Entity::find_by_id(recipient.notice_id)
        .one(conn)
        .await?
    else {
        return Ok(false);
    };
    let state = case::Entity::find_by_id(notice.case_id)
        .one(conn)
        .await?
        .and_then(|c| CaseState::from_code(&c.state));
    Ok(state.is_some_and(|state| notice_still_owed(recipient.acknowledged_at.is_some(), state)))
}
