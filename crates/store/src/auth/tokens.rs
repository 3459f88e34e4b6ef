//! Signing out and revoking tokens.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::json;
use workflow::UserId;

use super::{Credential, Identity};
use crate::audit::record;
use crate::entities::{api_token, session};
use crate::{Store, StoreError};

/// One of a user's API tokens, without its secret.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenInfo {
    /// Row id, to revoke it.
    pub id: i64,
    /// `sign-in`, `cli`, …
    pub label: String,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
    /// When it was last used (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it expires, if ever.
    pub expires_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Ends the credential the request came with: deletes the session or
    /// revokes the token.
    pub async fn sign_out(&self, who: &Identity, now: DateTime<Utc>) -> Result<(), StoreError> {
        match &who.credential {
            Credential::Session { id, .. } => {
                session::Entity::delete_by_id(*id).exec(&self.db).await?;
            }
            Credential::Token(id) => {
                self.revoke_token(who.user, *id, now).await?;
            }
        }
        record(&self.db, Some(who.user.0), "sign_out", json!({}), now).await
    }

    /// Revokes one of `user`'s own tokens; someone else's is not found.
    pub async fn revoke_token(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(now))
            .filter(api_token::Column::Id.eq(id))
            .filter(api_token::Column::UserId.eq(user.0))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(&self.db)
            .await?;
        if done.rows_affected == 0 {
            return Err(StoreError::NotFound {
                thing: crate::Thing::Token,
                key: format!("#{id}"),
            });
        }
        Ok(())
    }

    /// `user`'s tokens that are neither revoked nor expired, newest first.
    pub async fn tokens(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<TokenInfo>, StoreError> {
        let rows = api_token::Entity::find()
            .filter(api_token::Column::UserId.eq(user.0))
            .filter(api_token::Column::RevokedAt.is_null())
            .order_by_desc(api_token::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter(|t| t.expires_at.is_none_or(|at| at > now))
            .map(|t| TokenInfo {
                id: t.id,
                label: t.label,
                created_at: t.created_at,
                last_used_at: t.last_used_at,
                expires_at: t.expires_at,
            })
            .collect())
    }
}
