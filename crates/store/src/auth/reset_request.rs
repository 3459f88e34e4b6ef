//! "Forgot password" (SPEC §6.3, §9): a one-time link for an active
//! account, written to the outbox; requests limited per e-mail address and
//! per client address by `workflow::ResetRequestLimits`, counted in the
//! database before the address is looked up, so that neither the answer
//! nor a refusal tells anyone which addresses have accounts.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::ResetRequestLimits;

use super::password::{PASSWORD_RESET, RESET_LINK_MINUTES};
use crate::audit::record;
use crate::credentials::{new_token, token_hash};
use crate::entities::{password_reset, user};
use crate::outbox::{Mail, enqueue};
use crate::request_counts::count_requests;
use crate::{Store, StoreError};

impl Store {
    /// "Forgot password" for `email`, asked by `client` (its address):
    /// for an active user with this e-mail, a one-time link valid
    /// [`RESET_LINK_MINUTES`] goes to the outbox; for anyone else nothing
    /// happens. The caller answers the same either way. Past a limit of
    /// `limits`, [`StoreError::TooManyResetRequests`] whatever the address,
    /// with nothing counted or sent (only an audit row).
    pub async fn request_password_reset(
        &self,
        email: &str,
        client: &str,
        limits: &ResetRequestLimits,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // Addresses are kept in lower case, as sign-in looks them up.
        let email = email.trim().to_lowercase();
        let tx = self.write_tx().await?;
        let keys = [
            (
                token_hash(&format!("password-reset address\n{email}")),
                limits.per_address,
            ),
            (
                token_hash(&format!("password-reset client\n{client}")),
                limits.per_client,
            ),
        ];
        if let Some(wait) = count_requests(&tx, &keys, now).await? {
            tx.rollback().await?;
            record(
                &self.db,
                None,
                "password_reset_throttled",
                json!({ "client": client }),
                now,
            )
            .await?;
            return Err(StoreError::TooManyResetRequests {
                retry_after_secs: wait.num_seconds().max(1),
            });
        }
        // An address with a control character (a NUL, which PostgreSQL
        // refuses in text) is no account's: answered like any unknown one.
        let row = if email.chars().any(char::is_control) {
            None
        } else {
            user::Entity::find()
                .filter(user::Column::Email.eq(email))
                .one(&tx)
                .await?
                .filter(|u| !u.disabled)
        };
        let Some(row) = row else {
            record(&tx, None, "password_reset_unknown", json!({}), now).await?;
            tx.commit().await?;
            return Ok(());
        };
        let token = new_token();
        let hash = token_hash(&token);
        let expires = now + Duration::minutes(RESET_LINK_MINUTES);
        password_reset::ActiveModel {
            user_id: Set(row.id),
            token_hash: Set(hash.clone()),
            created_at: Set(now),
            expires_at: Set(expires),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let mail = Mail {
            key: format!("{PASSWORD_RESET}:{hash}"),
            kind: PASSWORD_RESET.to_owned(),
            to: row.email.clone(),
            user: Some(row.id),
            lang: row.lang.clone(),
            // The token itself is needed until the e-mail is sent;
            // `mark_sent` clears the payload of this kind once it is.
            payload: json!({"name": row.name, "token": token, "due_at": expires.to_rfc3339()}),
        };
        enqueue(&tx, vec![mail], now).await?;
        record(
            &tx,
            Some(row.id),
            "password_reset_requested",
            json!({"user": row.id}),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
