//! Recognising the caller of a request: a bearer token or a session cookie,
//! each looked up by its SHA-256 (a cheap indexed read, never a password
//! hash per request, SPEC §9).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use workflow::{Lang, Role, UnitId, UserId};

use super::{Credential, Identity, stale};
use crate::connect::is_sqlite_busy;
use crate::credentials::token_hash;
use crate::entities::{api_token, session};
use crate::org::corrupt;
use crate::org_cache::generation_expr;
use crate::reads::ReadSelect;
use crate::{Store, StoreError};

impl Store {
    /// The user of a bearer token that is neither revoked nor expired.
    pub async fn authenticate_token(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Identity, StoreError> {
        let (row, generation) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash(token)))
            .filter(api_token::Column::RevokedAt.is_null())
            .read_one_with(&self.read, generation_expr())
            .await?
            .filter(|(t, _)| t.expires_at.is_none_or(|at| at > now))
            .ok_or(StoreError::Unauthenticated)?;
        if stale(row.last_used_at, now) {
            let id = (api_token::Column::Id, row.id);
            self.touch::<api_token::Entity>(id, api_token::Column::LastUsedAt, now)
                .await?;
        }
        self.identity(row.user_id, Credential::Token(row.id), generation)
            .await
    }

    /// The user of a session cookie that has not expired.
    pub async fn authenticate_session(
        &self,
        cookie: &str,
        now: DateTime<Utc>,
    ) -> Result<Identity, StoreError> {
        let (row, generation) = session::Entity::find()
            .filter(session::Column::TokenHash.eq(token_hash(cookie)))
            .filter(session::Column::ExpiresAt.gt(now))
            .read_one_with(&self.read, generation_expr())
            .await?
            .ok_or(StoreError::Unauthenticated)?;
        if stale(Some(row.last_seen_at), now) {
            let id = (session::Column::Id, row.id);
            self.touch::<session::Entity>(id, session::Column::LastSeenAt, now)
                .await?;
        }
        let credential = Credential::Session {
            id: row.id,
            csrf: row.csrf_token,
        };
        self.identity(row.user_id, credential, generation).await
    }

    /// Sets `column` of the row `id` (its id column and value) of `E`, a
    /// token or a session, to `now`, unless that means waiting for a lock:
    /// then the touch is left to the caller's next request. The time is
    /// bookkeeping, shown on the list of tokens; no request waits for it.
    async fn touch<E: EntityTrait>(
        &self,
        (id_column, id): (E::Column, i64),
        column: E::Column,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // PostgreSQL: only the row if no one holds it. SQLite has no row
        // locks (sea-query leaves the clause out): its `touches`
        // connection does not wait for the write lock instead.
        let unlocked = Query::select()
            .column(id_column)
            .from(E::default())
            .and_where(id_column.eq(id))
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            .to_owned();
        let touched = E::update_many()
            .col_expr(column, Expr::value(now))
            .filter(id_column.in_subquery(unlocked))
            .exec(&self.touches)
            .await;
        match touched {
            Err(err) if is_sqlite_busy(&err) => {
                tracing::debug!(
                    id,
                    "chưa ghi thời điểm dùng (để lần sau): cơ sở dữ liệu đang bận ghi"
                );
                Ok(())
            }
            touched => touched.map(|_| ()).map_err(StoreError::from),
        }
    }

    /// The caller `user_id`, with the organisation as of `generation`, the
    /// counter read with their credential.
    async fn identity(
        &self,
        user_id: i64,
        credential: Credential,
        generation: i64,
    ) -> Result<Identity, StoreError> {
        let org = self.org.at(&self.db, generation).await?;
        let row = org
            .user(&self.read, UserId(user_id))
            .await?
            .filter(|u| !u.disabled)
            .ok_or(StoreError::Unauthenticated)?;
        let role = Role::from_code(&row.role)
            .ok_or_else(|| corrupt(format!("user {} has role {}", row.id, row.role)))?;
        Ok(Identity {
            user: UserId(row.id),
            email: row.email,
            name: row.name,
            role,
            unit: UnitId(row.unit_id),
            lang: Lang::from_tag(&row.lang),
            credential,
            org_generation: org.generation(),
        })
    }
}
