//! Ending a user's credentials: every session and token when a password
//! is set by an administrator or a reset link, or the user is disabled;
//! all but the one in use when the user changes their own password.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};

use super::Credential;
use crate::StoreError;
use crate::entities::{api_token, session};

/// How many live credentials were ended (expired ones are left to the
/// purge: they open nothing already).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ended {
    /// Sessions deleted.
    pub sessions: u64,
    /// Tokens revoked.
    pub tokens: u64,
}

/// Ends every session and revokes every live token of user `id`.
pub(crate) async fn end_credentials(
    conn: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    end_credentials_but(conn, id, None, now).await?;
    Ok(())
}

/// Ends every session and revokes every live token of user `id` except
/// `keep` (the one a request came with), and says how many.
pub(crate) async fn end_credentials_but(
    conn: &impl ConnectionTrait,
    id: i64,
    keep: Option<&Credential>,
    now: DateTime<Utc>,
) -> Result<Ended, StoreError> {
    let mut sessions = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(id))
        .filter(session::Column::ExpiresAt.gt(now));
    if let Some(Credential::Session { id: kept, .. }) = keep {
        sessions = sessions.filter(session::Column::Id.ne(*kept));
    }
    let mut tokens = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(now))
        .filter(api_token::Column::UserId.eq(id))
        .filter(api_token::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(api_token::Column::ExpiresAt.is_null())
                .add(api_token::Column::ExpiresAt.gt(now)),
        );
    if let Some(Credential::Token(kept)) = keep {
        tokens = tokens.filter(api_token::Column::Id.ne(*kept));
    }
    Ok(Ended {
        sessions: sessions.exec(conn).await?.rows_affected,
        tokens: tokens.exec(conn).await?.rows_affected,
    })
}
