//! Passwords (SPEC §6.3, §9): a user changes their own; an administrator
//! resets one; "forgot password" writes a one-time link to the outbox and
//! the link sets a new one. Each is audited; the policy of a new password
//! is `workflow::check_new_password`. Setting a password by an
//! administrator or a link ends every session and token of the account:
//! whoever held them may be the reason for the reset. A user changing
//! their own ends all the others but the one they are using, for the same
//! reason; their guesses of the current password are throttled like
//! sign-ins, per user.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use workflow::{Refusal, SignInThrottle, ThrottleDecision, UserId, check_new_password};

use super::Identity;
use super::attempts::{count_attempt, forget_attempts, password_change_key};
use super::ending::{Ended, end_credentials, end_credentials_but};
use crate::audit::record;
use crate::credentials::{hash_password, token_hash, verify_password};
use crate::entities::{password_reset, user};
use crate::{Store, StoreError};

/// How long a reset link stays valid (SPEC §6.3: one hour).
pub const RESET_LINK_MINUTES: i64 = 60;

/// The outbox kind (and template folder) of the reset e-mail.
pub const PASSWORD_RESET: &str = "password_reset";

impl Store {
    /// `who` changes their own password, proving the current one: a
    /// new password under the policy first (refusing it checks no
    /// password), then the guess counted and throttled per user before it
    /// is checked, then, in one transaction, the new hash, the count
    /// removed, and every other session and token of the user ended; the
    /// credential `who` came with stays.
    pub async fn change_password(
        &self,
        who: &Identity,
        current: &str,
        new: &str,
        throttle: &SignInThrottle,
        now: DateTime<Utc>,
    ) -> Result<Ended, StoreError> {
        let row = active_user(&self.db, who.user.0).await?;
        check_new_password("new_password", &row.email, new)?;
        let key = password_change_key(row.id);
        self.count_password_guess(row.id, &key, throttle, now)
            .await?;
        let old = row.password_hash.clone().unwrap_or_default();
        if row.password_hash.is_none() || !verify_password(current, &old).await? {
            record(
                &self.writes,
                Some(row.id),
                "change_password_failed",
                json!({"user": row.id}),
                now,
            )
            .await?;
            return Err(Refusal::WrongCurrentPassword.into());
        }
        let hash = hash_password(new).await?;
        let tx = self.write_tx().await?;
        // Compare-and-set on the hash just checked: of two changes racing
        // with the same current password, one wins.
        let set = user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(hash))
            .filter(user::Column::Id.eq(row.id))
            .filter(user::Column::PasswordHash.eq(old))
            .exec(&tx)
            .await?;
        if set.rows_affected != 1 {
            return Err(Refusal::WrongCurrentPassword.into());
        }
        forget_attempts(&tx, &key).await?;
        let ended = end_credentials_but(&tx, row.id, Some(&who.credential), now).await?;
        record(
            &tx,
            Some(row.id),
            "change_password",
            json!({"user": row.id, "sessions_ended": ended.sessions, "tokens_revoked": ended.tokens}),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// Counts a guess of user `id`'s current password and waits or refuses
    /// as `throttle` decides; committed before the guess is checked.
    async fn count_password_guess(
        &self,
        id: i64,
        key: &str,
        throttle: &SignInThrottle,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        let counted = count_attempt(&tx, key, throttle, now).await?;
        match throttle.decide_counted(counted, now) {
            ThrottleDecision::Refuse { retry_after } => {
                record(
                    &tx,
                    Some(id),
                    "change_password_throttled",
                    json!({"user": id}),
                    now,
                )
                .await?;
                tx.commit().await?;
                Err(StoreError::PasswordGuessesThrottled {
                    retry_after_secs: retry_after.num_seconds().max(1),
                })
            }
            ThrottleDecision::Proceed { delay } => {
                tx.commit().await?;
                if delay > TimeDelta::zero() {
                    tokio::time::sleep(delay.to_std().unwrap_or_default()).await;
                }
                Ok(())
            }
        }
    }

    /// An administrator `by` sets the password of user `id` and ends the
    /// user's sessions and tokens.
    pub async fn reset_password(
        &self,
        by: UserId,
        id: i64,
        new: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let row = user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::User,
                key: format!("#{id}"),
            })?;
        check_new_password("new_password", &row.email, new)?;
        let hash = hash_password(new).await?;
        let tx = self.write_tx().await?;
        set_hash(&tx, row.id, hash).await?;
        end_credentials(&tx, row.id, now).await?;
        record(
            &tx,
            Some(by.0),
            "reset_password",
            json!({"user": row.id}),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password from a reset link's `token`: once, within its
    /// time, for an account still active; ends its sessions and tokens.
    pub async fn confirm_password_reset(
        &self,
        token: &str,
        new: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        let link = password_reset::Entity::find()
            .filter(password_reset::Column::TokenHash.eq(token_hash(token.trim())))
            .one(&tx)
            .await?
            .filter(|l| l.used_at.is_none() && l.expires_at > now)
            .ok_or(Refusal::ResetLinkInvalid)?;
        let row = user::Entity::find_by_id(link.user_id)
            .one(&tx)
            .await?
            .filter(|u| !u.disabled)
            .ok_or(Refusal::ResetLinkInvalid)?;
        check_new_password("new_password", &row.email, new)?;
        let hash = hash_password(new).await?;
        // Compare-and-set on `used_at`: of two uses racing, one wins.
        let used = password_reset::Entity::update_many()
            .col_expr(password_reset::Column::UsedAt, Expr::value(now))
            .filter(password_reset::Column::Id.eq(link.id))
            .filter(password_reset::Column::UsedAt.is_null())
            .exec(&tx)
            .await?;
        if used.rows_affected != 1 {
            return Err(Refusal::ResetLinkInvalid.into());
        }
        set_hash(&tx, row.id, hash).await?;
        end_credentials(&tx, row.id, now).await?;
        record(
            &tx,
            Some(row.id),
            "password_reset_used",
            json!({"user": row.id}),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether a reset e-mail's link was not used yet: checked again
    /// right before sending.
    pub(crate) async fn reset_link_unused(&self, token: &str) -> Result<bool, StoreError> {
        Ok(password_reset::Entity::find()
            .filter(password_reset::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?
            .is_some_and(|l| l.used_at.is_none()))
    }
}

/// An enabled user by id.
async fn active_user(conn: &impl ConnectionTrait, id: i64) -> Result<user::Model, StoreError> {
    user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::User,
            key: format!("#{id}"),
        })
}

async fn set_hash(conn: &impl ConnectionTrait, id: i64, hash: String) -> Result<(), StoreError> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
