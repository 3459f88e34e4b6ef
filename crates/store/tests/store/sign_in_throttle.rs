//! Failed sign-ins and wrong current passwords throttled (SPEC §9): each
//! attempt is counted before its password is checked, so parallel guesses
//! cannot all be checked; retrying while refused does not lengthen the
//! refusal; the count is forgotten once the lockout has passed.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::EntityTrait;
use store::auth::{Identity, SignIn, SignedIn};
use store::entities::login_attempt;
use store::{Store, StoreError};
use workflow::{Attempts, Refusal, SignInThrottle};

use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: parallel_wrong_passwords_are_checked_no_more_than_the_throttle_allows);
on_both_backends!(migrated: retrying_while_refused_does_not_lengthen_the_refusal);
on_both_backends!(migrated: parallel_guesses_of_the_current_password_are_throttled_per_user);

const PASSWORD: &str = "mật-khẩu-đúng-2026";

/// The default rule without its delays, which only slow the test down.
fn throttle() -> SignInThrottle {
    SignInThrottle {
        base_delay: TimeDelta::zero(),
        ..SignInThrottle::default()
    }
}

async fn sign_in(s: &Store, password: &str, at: DateTime<Utc>) -> Result<SignedIn, StoreError> {
    let request = SignIn {
        email: "canbo@btg.example.vn".into(),
        password: password.into(),
        client: "192.0.2.1".into(),
    };
    s.sign_in(request, &throttle(), at).await
}

fn waited<T: std::fmt::Debug>(result: Result<T, StoreError>) -> i64 {
    match result {
        Err(StoreError::Throttled { retry_after_secs })
        | Err(StoreError::PasswordGuessesThrottled { retry_after_secs }) => retry_after_secs,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn rows(s: &Store) -> Vec<login_attempt::Model> {
    login_attempt::Entity::find()
        .all(s.connection())
        .await
        .unwrap()
}

async fn parallel_wrong_passwords_are_checked_no_more_than_the_throttle_allows(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    s.reset_password(o.admin, o.officer.0, PASSWORD, monday())
        .await
        .unwrap();
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..20 {
        let s = s.clone();
        guesses.spawn(async move { sign_in(&s, &format!("đoán-sai-{n}"), monday()).await });
    }
    let (mut wrong, mut refused) = (0, 0);
    for result in guesses.join_all().await {
        match result {
            Err(StoreError::BadCredentials) => wrong += 1,
            Err(StoreError::Throttled { .. }) => refused += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((wrong, refused), (5, 15));
    waited(sign_in(s, PASSWORD, monday()).await);
    let row = &rows(s).await[0];
    assert_eq!((row.failures, row.last_failure_at), (21, monday()));

    // Once the lockout has passed, the count starts again; a success
    // removes it.
    let later = monday() + throttle().lockout;
    sign_in(s, PASSWORD, later).await.unwrap();
    assert!(rows(s).await.is_empty());
}

async fn retrying_while_refused_does_not_lengthen_the_refusal(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    s.reset_password(o.admin, o.officer.0, PASSWORD, monday())
        .await
        .unwrap();
    let mut spec: Option<Attempts> = None;
    for _ in 0..5 {
        assert!(matches!(
            sign_in(s, "sai-rồi-mà", monday()).await,
            Err(StoreError::BadCredentials)
        ));
        spec = Some(throttle().count_attempt(spec, monday()));
    }
    for (minutes, left) in [(5, 600), (6, 540), (14, 60)] {
        let at = monday() + TimeDelta::minutes(minutes);
        assert_eq!(waited(sign_in(s, PASSWORD, at).await), left);
        spec = Some(throttle().count_attempt(spec, at));
    }
    let row = &rows(s).await[0];
    assert_eq!(
        Some(Attempts {
            count: u32::try_from(row.failures).unwrap(),
            last: row.last_failure_at
        }),
        spec,
        "the database counts as workflow says"
    );
    sign_in(s, PASSWORD, monday() + TimeDelta::minutes(15))
        .await
        .unwrap();
}

async fn parallel_guesses_of_the_current_password_are_throttled_per_user(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    for user in [o.officer, o.leader] {
        s.reset_password(o.admin, user.0, PASSWORD, monday())
            .await
            .unwrap();
    }
    let caller = |id: i64| async move {
        let token = s.issue_token(id, "thử", monday()).await.unwrap();
        s.authenticate_token(&token, monday()).await.unwrap()
    };
    let officer: Identity = caller(o.officer.0).await;
    let leader: Identity = caller(o.leader.0).await;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..10 {
        let (s, who) = (s.clone(), officer.clone());
        guesses.spawn(async move {
            let guess = format!("đoán-sai-{n}");
            s.change_password(&who, &guess, "mật-khẩu-mới-2026", &throttle(), monday())
                .await
        });
    }
    let (mut wrong, mut refused) = (0, 0);
    for result in guesses.join_all().await {
        match result {
            Err(StoreError::Refused(Refusal::WrongCurrentPassword)) => wrong += 1,
            Err(StoreError::PasswordGuessesThrottled { .. }) => refused += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((wrong, refused), (5, 5));
    let change = |who: &Identity, at| {
        let who = who.clone();
        async move {
            s.change_password(&who, PASSWORD, "mật-khẩu-mới-2026", &throttle(), at)
                .await
        }
    };
    assert_eq!(waited(change(&officer, monday()).await), 15 * 60);
    change(&leader, monday())
        .await
        .expect("another user's guesses do not count");
    change(&officer, monday() + throttle().lockout)
        .await
        .expect("the lockout has passed");
    assert!(rows(s).await.is_empty(), "a change removes the count");
}
