//! Removing expired sessions, old idempotency keys, stale failed sign-in
//! counts and request counts of past windows — and nothing that still has
//! an effect.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use store::entities::{idempotency_key, login_attempt, request_count, session};
use store::purge::Purged;
use workflow::{ResetRequestLimits, SignInThrottle};

use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn add_session(db: &TestDb, user: i64, name: &str, expires_at: DateTime<Utc>) {
    session::ActiveModel {
        user_id: Set(user),
        token_hash: Set(format!("hash-{name}")),
        csrf_token: Set(format!("csrf-{name}")),
        created_at: Set(expires_at - TimeDelta::hours(12)),
        last_seen_at: Set(expires_at - TimeDelta::hours(12)),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db.store().connection())
    .await
    .expect("session");
}

async fn add_key(db: &TestDb, user: i64, key: &str, created_at: DateTime<Utc>) {
    idempotency_key::ActiveModel {
        user_id: Set(user),
        key: Set(key.to_owned()),
        request_hash: Set("h".to_owned()),
        status_code: Set(201),
        response_body: Set("{}".to_owned()),
        created_at: Set(created_at),
    }
    .insert(db.store().connection())
    .await
    .expect("key");
}

async fn add_attempt(db: &TestDb, key: &str, last: DateTime<Utc>) {
    login_attempt::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(3),
        last_failure_at: Set(last),
    }
    .insert(db.store().connection())
    .await
    .expect("attempt");
}

async fn add_count(db: &TestDb, key: &str, started: DateTime<Utc>) {
    request_count::ActiveModel {
        key: Set(key.to_owned()),
        requests: Set(3),
        window_started_at: Set(started),
    }
    .insert(db.store().connection())
    .await
    .expect("count");
}

async fn only_what_expired_is_removed(db: TestDb) {
    let s = db.store();
    let org = org::build(s).await;
    let user = org.reporter.0;
    let now = monday();
    let throttle = SignInThrottle::default();
    let limits = ResetRequestLimits::default();

    add_session(&db, user, "expired", now - TimeDelta::minutes(1)).await;
    add_session(&db, user, "at-expiry", now).await;
    add_session(&db, user, "live", now + TimeDelta::minutes(1)).await;
    add_key(&db, user, "old", now - TimeDelta::hours(25)).await;
    add_key(&db, user, "day-old", now - TimeDelta::hours(24)).await;
    add_key(&db, user, "recent", now - TimeDelta::hours(23)).await;
    add_attempt(
        &db,
        "stale",
        throttle.forgotten_before(now) - TimeDelta::seconds(1),
    )
    .await;
    add_attempt(
        &db,
        "locking",
        throttle.forgotten_before(now) + TimeDelta::seconds(1),
    )
    .await;

    add_count(
        &db,
        "past",
        limits.forgotten_before(now) - TimeDelta::seconds(1),
    )
    .await;
    add_count(
        &db,
        "current",
        limits.forgotten_before(now) + TimeDelta::seconds(1),
    )
    .await;

    let purged = s
        .purge_expired(
            now,
            throttle.forgotten_before(now),
            limits.forgotten_before(now),
        )
        .await
        .expect("purge");
    assert_eq!(
        purged,
        Purged {
            sessions: 2,
            idempotency_keys: 2,
            login_attempts: 1,
            request_counts: 1,
        }
    );
    let conn = s.connection();
    let sessions: Vec<String> = session::Entity::find()
        .all(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.token_hash)
        .collect();
    assert_eq!(sessions, ["hash-live"]);
    let keys: Vec<String> = idempotency_key::Entity::find()
        .all(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(keys, ["recent"]);
    let attempts: Vec<String> = login_attempt::Entity::find()
        .all(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(attempts, ["locking"]);
    let counts: Vec<String> = request_count::Entity::find()
        .all(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(counts, ["current"]);

    // Nothing left to remove: a second run is a no-op.
    assert_eq!(
        s.purge_expired(
            now,
            throttle.forgotten_before(now),
            limits.forgotten_before(now)
        )
        .await
        .unwrap(),
        Purged::default()
    );
}
on_both_backends!(migrated: only_what_expired_is_removed);
