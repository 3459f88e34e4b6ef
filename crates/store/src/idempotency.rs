//! `Idempotency-Key` (SPEC §3.3, §6.2): the first successful response to a
//! key is kept with the hash of its request, in the same transaction as the
//! change it reports; the same key and request replays it, the same key
//! with another request is refused. Keys live at least 24 hours.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, Set,
};
use workflow::{Actor, Case, UserId};

use crate::StoreError;
use crate::connect::is_unique_violation;
use crate::entities::idempotency_key;

/// How long a key is remembered.
pub const KEY_HOURS: i64 = 24;

/// A keyed request of a use case that answers with a `T` (an opinion
/// report, a duty): the client's key, the hash of what was asked, and how
/// to render the response a replay will return from the `T`.
pub struct Keyed<'a, T> {
    /// The client's `Idempotency-Key`.
    pub key: &'a str,
    /// A hash of the method, path and body.
    pub request_hash: &'a str,
    /// The HTTP status of the first response.
    pub status: u16,
    /// The body of the first response, from what the use case returned.
    pub render: &'a (dyn Fn(&T) -> String + Send + Sync),
}

/// What a (keyed) use case that answers with a `T` came to.
#[derive(Debug, Clone)]
pub enum Answer<T> {
    /// Carried out now (boxed: a view is much larger than a replay).
    Done(Box<T>),
    /// Carried out before under the same key: the stored response.
    Replay {
        /// Its status.
        status: u16,
        /// Its body.
        body: String,
    },
}

/// The answer kept under `keyed`'s key, if the request was carried out
/// before; none without a key.
pub(crate) async fn replayed<T>(
    conn: &impl ConnectionTrait,
    user: UserId,
    keyed: Option<&Keyed<'_, T>>,
    now: DateTime<Utc>,
) -> Result<Option<Answer<T>>, StoreError> {
    let Some(keyed) = keyed else { return Ok(None) };
    Ok(lookup_key(conn, user, keyed.key, keyed.request_hash, now)
        .await?
        .map(|(status, body)| Answer::Replay { status, body }))
}

/// Keeps the answer `done` of a use case carried out in `tx` under its
/// key, if it has one, and commits. A twin request that saved the key
/// first wins: its answer (read on `db`) is returned and nothing of ours
/// is kept.
pub(crate) async fn commit_keyed<T>(
    db: &DatabaseConnection,
    tx: DatabaseTransaction,
    user: UserId,
    keyed: Option<&Keyed<'_, T>>,
    done: T,
    now: DateTime<Utc>,
) -> Result<Answer<T>, StoreError> {
    if let Some(keyed) = keyed {
        let body = (keyed.render)(&done);
        let saved = save_key(
            &tx,
            user,
            keyed.key,
            keyed.request_hash,
            keyed.status,
            body,
            now,
        )
        .await;
        match saved {
            Ok(()) => {}
            Err(KeyTaken::Race) => {
                drop(tx);
                return replayed(db, user, Some(keyed), now)
                    .await?
                    .ok_or(StoreError::KeyReused);
            }
            Err(KeyTaken::Error(e)) => return Err(e),
        }
    }
    tx.commit().await?;
    Ok(Answer::Done(Box::new(done)))
}

/// How the response a replay returns is rendered from the case. Owned (not
/// borrowed from the request) because on SQLite a filing is written by the
/// group-commit writer task, which outlives no request but may outlive a
/// cancelled one.
pub type Render = Arc<dyn Fn(&Actor, &Case) -> String + Send + Sync>;

/// A keyed request on a case. Not a [`Keyed`]: its render is owned (see
/// [`Render`]) and renders from the caller as the rules saw them as well
/// as the case, and its answer carries both; the group-commit writer moves
/// it into its task.
#[derive(Clone)]
pub struct CaseOnce<'a> {
    /// The client's `Idempotency-Key`.
    pub key: &'a str,
    /// A hash of the method, path and body.
    pub request_hash: &'a str,
    /// The HTTP status of the first response.
    pub status: u16,
    /// The body of the first response, from the case as the caller sees it.
    pub render: Render,
}

/// What a keyed request on a case came to.
#[derive(Debug, Clone)]
pub enum CaseAnswer {
    /// Carried out now.
    Done {
        /// The case after it.
        case: Box<Case>,
        /// The caller, as the rules saw them.
        actor: Actor,
    },
    /// Carried out before: the stored response.
    Replay {
        /// Its status.
        status: u16,
        /// Its body.
        body: String,
    },
}

/// The stored answer to `once`'s key, if any; an expired one is forgotten.
pub(crate) async fn lookup(
    conn: &impl ConnectionTrait,
    user: UserId,
    once: &CaseOnce<'_>,
    now: DateTime<Utc>,
) -> Result<Option<CaseAnswer>, StoreError> {
    Ok(lookup_key(conn, user, once.key, once.request_hash, now)
        .await?
        .map(|(status, body)| CaseAnswer::Replay { status, body }))
}

/// The stored status and body for `key`, whatever resource it answered
/// for; an expired key is forgotten, a key of another request refused.
pub(crate) async fn lookup_key(
    conn: &impl ConnectionTrait,
    user: UserId,
    key: &str,
    request_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(u16, String)>, StoreError> {
    let pk = (user.0, key.to_owned());
    let Some(row) = idempotency_key::Entity::find_by_id(pk.clone())
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    if now - row.created_at >= TimeDelta::hours(KEY_HOURS) {
        idempotency_key::Entity::delete_by_id(pk).exec(conn).await?;
        return Ok(None);
    }
    if row.request_hash != request_hash {
        return Err(StoreError::KeyReused);
    }
    Ok(Some((
        u16::try_from(row.status_code).unwrap_or(200),
        row.response_body,
    )))
}

/// Keeps the response to `once`'s key. A concurrent request with the same
/// key that committed first makes this a [`KeyTaken`].
pub(crate) async fn save(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    case: &Case,
    once: &CaseOnce<'_>,
    now: DateTime<Utc>,
) -> Result<(), KeyTaken> {
    let body = (once.render)(actor, case);
    save_key(
        conn,
        actor.user,
        once.key,
        once.request_hash,
        once.status,
        body,
        now,
    )
    .await
}

/// Keeps `status` and `body` as the answer to `key`, for any resource.
pub(crate) async fn save_key(
    conn: &impl ConnectionTrait,
    user: UserId,
    key: &str,
    request_hash: &str,
    status: u16,
    body: String,
    now: DateTime<Utc>,
) -> Result<(), KeyTaken> {
    idempotency_key::ActiveModel {
        user_id: Set(user.0),
        key: Set(key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status_code: Set(i32::from(status)),
        response_body: Set(body),
        created_at: Set(now),
    }
    .insert(conn)
    .await
    .map(|_| ())
    .map_err(|err| {
        if is_unique_violation(&err) {
            KeyTaken::Race
        } else {
            KeyTaken::Error(err.into())
        }
    })
}

/// Why a key could not be saved.
pub enum KeyTaken {
    /// Another request with the key committed first: answer with its
    /// response instead.
    Race,
    /// Anything else.
    Error(StoreError),
}

impl From<KeyTaken> for StoreError {
    fn from(value: KeyTaken) -> StoreError {
        match value {
            KeyTaken::Race => StoreError::KeyReused,
            KeyTaken::Error(e) => e,
        }
    }
}
