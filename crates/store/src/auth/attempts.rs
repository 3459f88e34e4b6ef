//! Attempts counted in `login_attempts` for the throttle of
//! `workflow::SignInThrottle`: sign-ins per e-mail and client address, and
//! guesses of the current password per user. Each attempt is counted
//! before its password is checked, in one insert-or-increment statement
//! that returns the new count, so that parallel attempts are counted one
//! after the other on SQLite and on PostgreSQL alike.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use workflow::{Attempts, SignInThrottle};

use crate::StoreError;
use crate::credentials::token_hash;
use crate::entities::login_attempt;

/// The key of sign-ins of `email` (normalised) from `client`. Hashed: the
/// table holds no address in clear.
pub(crate) fn sign_in_key(email: &str, client: &str) -> String {
    token_hash(&format!("{email}\n{client}"))
}

/// The key of guesses of user `id`'s current password. The prefix keeps
/// it apart from every sign-in key (an e-mail contains an `@`).
pub(crate) fn password_change_key(id: i64) -> String {
    token_hash(&format!("change-password\n{id}"))
}

/// Counts one attempt under `key` at `now` and returns the count with it:
/// `throttle.count_attempt` done by the database in one statement, so that
/// no two attempts read the same count.
pub(crate) async fn count_attempt(
    conn: &impl ConnectionTrait,
    key: &str,
    throttle: &SignInThrottle,
    now: DateTime<Utc>,
) -> Result<Attempts, StoreError> {
    let failures = || Expr::col((login_attempt::Entity, login_attempt::Column::Failures));
    let last = || Expr::col((login_attempt::Entity, login_attempt::Column::LastFailureAt));
    let forgotten = || last().lte(throttle.forgotten_before(now));
    let max = i32::try_from(throttle.max_failures).unwrap_or(i32::MAX);
    let row = login_attempt::Entity::insert(login_attempt::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(1),
        last_failure_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(login_attempt::Column::Key)
            .value(
                login_attempt::Column::Failures,
                Expr::case(forgotten(), 1).finally(failures().add(1)),
            )
            // A refused attempt leaves the time alone: retrying while
            // refused does not lengthen the refusal.
            .value(
                login_attempt::Column::LastFailureAt,
                Expr::case(forgotten().or(failures().lt(max)), now).finally(last()),
            )
            .to_owned(),
    )
    .exec_with_returning(conn)
    .await?;
    Ok(Attempts {
        count: u32::try_from(row.failures).unwrap_or(0),
        last: row.last_failure_at,
    })
}

/// Removes the count under `key`: the password was right.
pub(crate) async fn forget_attempts(
    conn: &impl ConnectionTrait,
    key: &str,
) -> Result<(), StoreError> {
    login_attempt::Entity::delete_by_id(key.to_owned())
        .exec(conn)
        .await?;
    Ok(())
}
