//! A token's `last_used_at` and a session's `last_seen_at` are written at
//! most once a minute by the request that finds them stale. That write is
//! bookkeeping: it must never make the request wait for a lock. On SQLite
//! it used to wait in SQLite's busy handler behind the group-commit
//! writer, up to 1.4 s under a load of filings (docs/benchmarks.md,
//! twelfth session), and fail after the busy timeout.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use store::Store;
use store::auth::SignIn;
use store::entities::{api_token, session};
use workflow::SignInThrottle;

use crate::support::batches::hold_write_lock;
use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_stale_token_is_accepted_while_its_row_is_locked);
on_both_backends!(migrated: a_stale_session_is_accepted_while_its_row_is_locked);

/// Far longer than a request may take; only a request stuck behind the
/// lock reaches it.
const STUCK: Duration = Duration::from_secs(30);

/// SQLite's write lock, or on PostgreSQL a transaction holding every row
/// of `table` for update.
async fn lock(s: &Store, table: &str) -> DatabaseTransaction {
    match s.backend() {
        DbBackend::Sqlite => hold_write_lock(s).await,
        _ => {
            let tx = s.connection().begin().await.expect("transaction");
            tx.execute_unprepared(&format!("SELECT id FROM {table} FOR UPDATE"))
                .await
                .expect("row locks");
            tx
        }
    }
}

async fn token_last_used(s: &Store, user: i64) -> Option<DateTime<Utc>> {
    api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user))
        .order_by_desc(api_token::Column::Id)
        .one(s.connection())
        .await
        .expect("read")
        .expect("the token")
        .last_used_at
}

async fn a_stale_token_is_accepted_while_its_row_is_locked(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let token = s.issue_token(o.liaison.0, "thử", monday()).await.unwrap();
    assert_eq!(token_last_used(s, o.liaison.0).await, None);

    let held = lock(s, "api_tokens").await;
    let who = tokio::time::timeout(STUCK, s.authenticate_token(&token, monday()))
        .await
        .expect("the request waited for the lock")
        .expect("a valid token is accepted while the lock is held");
    assert_eq!(who.user, o.liaison);
    held.rollback().await.expect("release");

    // The touch skipped under the lock comes with the next request.
    let later = monday() + TimeDelta::seconds(5);
    s.authenticate_token(&token, later).await.unwrap();
    assert_eq!(token_last_used(s, o.liaison.0).await, Some(later));
}

async fn a_stale_session_is_accepted_while_its_row_is_locked(db: TestDb) {
    const PASSWORD: &str = "mật-khẩu-đúng-2026";
    let s = db.store();
    let o = org::build(s).await;
    s.reset_password(o.admin, o.officer.0, PASSWORD, monday())
        .await
        .unwrap();
    let request = SignIn {
        email: "canbo@btg.example.vn".into(),
        password: PASSWORD.into(),
        client: "192.0.2.1".into(),
    };
    let signed = s
        .sign_in(request, &SignInThrottle::default(), monday())
        .await
        .unwrap();
    let stale = monday() + TimeDelta::minutes(5);

    let held = lock(s, "sessions").await;
    let who = tokio::time::timeout(STUCK, s.authenticate_session(&signed.session_token, stale))
        .await
        .expect("the request waited for the lock")
        .expect("a valid session is accepted while the lock is held");
    assert_eq!(who.user, o.officer);
    held.rollback().await.expect("release");

    s.authenticate_session(&signed.session_token, stale)
        .await
        .unwrap();
    let seen = session::Entity::find()
        .one(s.connection())
        .await
        .expect("read")
        .expect("the session")
        .last_seen_at;
    assert_eq!(seen, stale);
}
