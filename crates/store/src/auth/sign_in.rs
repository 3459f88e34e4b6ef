//! Signing in with e-mail and password (SPEC §9): argon2 against the
//! stored hash, or against a dummy hash for an unknown e-mail so that both
//! take the same time and get the same answer; attempts per e-mail and
//! address counted in `login_attempts` before the password is checked
//! (`super::attempts`) and throttled by `workflow`.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{SignInThrottle, ThrottleDecision, UserId};

use super::attempts::{count_attempt, forget_attempts, sign_in_key};
use super::{SESSION_HOURS, SIGN_IN_TOKEN_DAYS};
use crate::audit::record;
use crate::credentials::{new_token, token_hash, verify_password};
use crate::entities::{api_token, session, user};
use crate::{Store, StoreError};

/// What a client sends to sign in.
#[derive(Debug, Clone)]
pub struct SignIn {
    /// E-mail (any case).
    pub email: String,
    /// Password.
    pub password: String,
    /// The client's address, for the failure count.
    pub client: String,
}

/// A successful sign-in: secrets shown once.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The user.
    pub user: UserId,
    /// The session cookie's value.
    pub session_token: String,
    /// The CSRF token the browser repeats in `X-CSRF-Token`.
    pub csrf_token: String,
    /// When the session ends.
    pub session_expires_at: DateTime<Utc>,
    /// A bearer token for API clients.
    pub api_token: String,
    /// Its id, to revoke it.
    pub api_token_id: i64,
    /// When it expires.
    pub api_token_expires_at: DateTime<Utc>,
}

/// The argon2id hash (default parameters, as `hash_password` makes) of
/// a random password that was thrown away: an unknown e-mail costs one
/// verification like a known one, and nothing can match it.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$L1JP+cI7Og6YHvISdgUJjA$9v3C8HeWFaJuR/FCVoPNfJdQtyWQIrN7ZAwwK7+nveU";

impl Store {
    /// Signs in: throttled per e-mail and address, the attempt counted
    /// before the password is checked; the same
    /// [`StoreError::BadCredentials`] for an unknown e-mail, a wrong
    /// password or a disabled account.
    pub async fn sign_in(
        &self,
        request: SignIn,
        throttle: &SignInThrottle,
        now: DateTime<Utc>,
    ) -> Result<SignedIn, StoreError> {
        let email = request.email.trim().to_lowercase();
        let key = sign_in_key(&email, &request.client);
        let tx = self.write_tx().await?;
        let counted = count_attempt(&tx, &key, throttle, now).await?;
        match throttle.decide_counted(counted, now) {
            ThrottleDecision::Refuse { retry_after } => {
                record(
                    &tx,
                    None,
                    "sign_in_throttled",
                    json!({ "email": email, "client": request.client }),
                    now,
                )
                .await?;
                tx.commit().await?;
                return Err(StoreError::Throttled {
                    retry_after_secs: retry_after.num_seconds().max(1),
                });
            }
            ThrottleDecision::Proceed { delay } => {
                // Committed before the check: the next attempt, parallel
                // or not, already sees this one.
                tx.commit().await?;
                if delay > TimeDelta::zero() {
                    tokio::time::sleep(delay.to_std().unwrap_or_default()).await;
                }
            }
        }
        let row = user::Entity::find()
            .filter(user::Column::Email.eq(email.clone()))
            .one(&self.db)
            .await?;
        let hash = row
            .as_ref()
            .and_then(|u| u.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.to_owned());
        let matches = verify_password(&request.password, &hash).await?;
        let user = match row {
            Some(u) if matches && !u.disabled && u.password_hash.is_some() => u,
            other => {
                let actor = other.map(|u| u.id);
                record(
                    &self.writes,
                    actor,
                    "sign_in_failed",
                    json!({ "email": email, "client": request.client }),
                    now,
                )
                .await?;
                return Err(StoreError::BadCredentials);
            }
        };
        self.open_session(user, &key, now).await
    }

    async fn open_session(
        &self,
        user: user::Model,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<SignedIn, StoreError> {
        let tx = self.write_tx().await?;
        forget_attempts(&tx, key).await?;
        let session_token = new_token();
        let csrf_token = new_token();
        let session_expires_at = now + TimeDelta::hours(SESSION_HOURS);
        session::ActiveModel {
            user_id: Set(user.id),
            token_hash: Set(token_hash(&session_token)),
            csrf_token: Set(csrf_token.clone()),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(session_expires_at),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let api_token = new_token();
        let api_token_expires_at = now + TimeDelta::days(SIGN_IN_TOKEN_DAYS);
        let token_row = api_token::ActiveModel {
            user_id: Set(user.id),
            token_hash: Set(token_hash(&api_token)),
            label: Set("sign-in".to_owned()),
            created_at: Set(now),
            expires_at: Set(Some(api_token_expires_at)),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        record(
            &tx,
            Some(user.id),
            "sign_in",
            json!({ "email": user.email }),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(SignedIn {
            user: UserId(user.id),
            session_token,
            csrf_token,
            session_expires_at,
            api_token,
            api_token_id: token_row.id,
            api_token_expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::DUMMY_HASH;
    use crate::credentials::hash_password;

    #[tokio::test]
    async fn the_dummy_hash_has_the_parameters_of_real_ones() {
        let real = hash_password("một mật khẩu bất kỳ").await.unwrap();
        let params = |h: &str| h.split('$').take(4).collect::<Vec<_>>().join("$");
        assert_eq!(params(DUMMY_HASH), params(&real));
    }
}
