//! Passwords (SPEC §6.3): changing one's own, an administrator's reset,
//! disabling a user, and the one-time reset link — used once, refused
//! after its hour (time travel through `now`), nothing written on a refusal.

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use store::auth::{Ended, Identity, SignIn};
use store::entities::{audit_log, outbox, password_reset, user};
use store::{Store, StoreError};
use workflow::{Refusal, ResetRequestLimits, SignInThrottle, UserId};

use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_user_changes_their_own_password_under_the_policy);
on_both_backends!(migrated: an_administrator_resets_a_password_or_disables_a_user_and_their_credentials_end);
on_both_backends!(migrated: a_reset_link_is_mailed_to_an_active_account_only_and_works_once_within_the_hour);

const FIRST: &str = "mật-khẩu-đầu-tiên";
const SECOND: &str = "mật-khẩu-thứ-hai";

async fn hash_of(s: &Store, id: UserId) -> Option<String> {
    user::Entity::find_by_id(id.0)
        .one(s.connection())
        .await
        .unwrap()
        .unwrap()
        .password_hash
}

/// "Forgot password" for `email` from one client, under the default limits.
async fn ask(s: &Store, email: &str) -> Result<(), StoreError> {
    s.request_password_reset(email, "192.0.2.1", &ResetRequestLimits::default(), monday())
        .await
}

pub(crate) async fn audited(s: &Store, action: &str) -> usize {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(s.connection())
        .await
        .unwrap()
        .len()
}

/// Whether `password` matches `hash`.
async fn verify_password(password: &str, hash: &str) -> bool {
    store::credentials::verify_password(password, hash)
        .await
        .unwrap()
}

/// The caller of a new token of user `id`.
async fn with_token(s: &Store, id: UserId) -> (String, Identity) {
    let token = s.issue_token(id.0, "thử", monday()).await.unwrap();
    let who = s.authenticate_token(&token, monday()).await.unwrap();
    (token, who)
}

fn refused<T: std::fmt::Debug>(result: Result<T, StoreError>) -> Refusal {
    match result {
        Err(StoreError::Refused(r)) => r,
        other => panic!("not refused: {other:?}"),
    }
}

async fn a_user_changes_their_own_password_under_the_policy(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let throttle = SignInThrottle::default();
    s.reset_password(o.admin, o.officer.0, FIRST, monday())
        .await
        .unwrap();
    let before = hash_of(s, o.officer).await;
    let (kept, who) = with_token(s, o.officer).await;
    let (other, _) = with_token(s, o.officer).await;
    let signed = s
        .sign_in(
            SignIn {
                email: "canbo@btg.example.vn".into(),
                password: FIRST.into(),
                client: "192.0.2.1".into(),
            },
            &throttle,
            monday(),
        )
        .await
        .unwrap();
    let change = |current: &'static str, new: &'static str| {
        s.change_password(&who, current, new, &throttle, monday())
    };

    let wrong = change("không-phải-mật-khẩu", SECOND).await;
    assert_eq!(refused(wrong), Refusal::WrongCurrentPassword);
    let short = change(FIRST, "ngắn-quá").await;
    assert_eq!(
        refused(short),
        Refusal::PasswordTooShort {
            field: "new_password",
            min: 10
        }
    );
    let email = change(FIRST, "CANBO@btg.example.vn").await;
    assert_eq!(
        refused(email),
        Refusal::PasswordIsEmail {
            field: "new_password"
        }
    );
    assert_eq!(
        hash_of(s, o.officer).await,
        before,
        "refusals write nothing"
    );
    assert_eq!(audited(s, "change_password").await, 0);
    assert_eq!(audited(s, "change_password_failed").await, 1);
    s.authenticate_token(&other, monday())
        .await
        .expect("refusals end nothing");

    let ended = change(FIRST, SECOND).await.unwrap();
    assert_eq!(
        ended,
        Ended {
            sessions: 1,
            tokens: 2
        },
        "the session and the token of the sign-in, and the other token"
    );
    let hash = hash_of(s, o.officer).await.unwrap();
    assert!(verify_password(SECOND, &hash).await && !verify_password(FIRST, &hash).await);
    assert_eq!(audited(s, "change_password").await, 1);
    s.authenticate_token(&kept, monday())
        .await
        .expect("the token the change was made with stays");
    for token in [&other, &signed.api_token] {
        assert!(matches!(
            s.authenticate_token(token, monday()).await,
            Err(StoreError::Unauthenticated)
        ));
    }
    assert!(matches!(
        s.authenticate_session(&signed.session_token, monday())
            .await,
        Err(StoreError::Unauthenticated)
    ));
}

async fn an_administrator_resets_a_password_or_disables_a_user_and_their_credentials_end(
    db: TestDb,
) {
    let s = db.store();
    let o = org::build(s).await;
    let token = s.issue_token(o.liaison.0, "thử", monday()).await.unwrap();
    s.authenticate_token(&token, monday()).await.unwrap();

    let not_admin = s
        .reset_password(o.leader, o.liaison.0, FIRST, monday())
        .await;
    assert_eq!(refused(not_admin), Refusal::AdminOnly);
    let short = s
        .reset_password(o.admin, o.liaison.0, "123456789", monday())
        .await;
    assert_eq!(
        refused(short),
        Refusal::PasswordTooShort {
            field: "new_password",
            min: 10
        }
    );
    assert!(matches!(
        s.reset_password(o.admin, 999_999, FIRST, monday()).await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(hash_of(s, o.liaison).await, None);
    s.authenticate_token(&token, monday())
        .await
        .expect("still valid after refusals");

    s.reset_password(o.admin, o.liaison.0, FIRST, monday())
        .await
        .unwrap();
    assert!(verify_password(FIRST, &hash_of(s, o.liaison).await.unwrap()).await);
    assert!(matches!(
        s.authenticate_token(&token, monday()).await,
        Err(StoreError::Unauthenticated)
    ));
    assert_eq!(audited(s, "reset_password").await, 1);

    // Disabling revokes; enabling again does not bring the token back.
    let token = s.issue_token(o.court.0, "thử", monday()).await.unwrap();
    let change = |disabled| store::directory::UserChange {
        name: None,
        role: None,
        unit: None,
        disabled: Some(disabled),
        title: None,
    };
    s.update_user(o.admin, o.court.0, change(true), monday())
        .await
        .unwrap();
    s.update_user(o.admin, o.court.0, change(false), monday())
        .await
        .unwrap();
    assert!(matches!(
        s.authenticate_token(&token, monday()).await,
        Err(StoreError::Unauthenticated)
    ));
}

pub(crate) async fn reset_rows(s: &Store) -> (Vec<password_reset::Model>, Vec<outbox::Model>) {
    let links = password_reset::Entity::find()
        .all(s.connection())
        .await
        .unwrap();
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("password_reset"))
        .all(s.connection())
        .await
        .unwrap();
    (links, mails)
}

async fn a_reset_link_is_mailed_to_an_active_account_only_and_works_once_within_the_hour(
    db: TestDb,
) {
    let s = db.store();
    let o = org::build(s).await;
    ask(s, "khong-co@example.vn").await.unwrap();
    // PostgreSQL refuses a NUL in text: such an address is no account's.
    ask(s, "canbo@btg\0.example.vn").await.unwrap();
    let (links, mails) = reset_rows(s).await;
    assert!(
        links.is_empty() && mails.is_empty(),
        "no account, nothing written"
    );

    ask(s, "  CanBo@BTG.example.vn ").await.unwrap();
    let (links, mails) = reset_rows(s).await;
    assert_eq!((links.len(), mails.len()), (1, 1));
    let mail = &mails[0];
    assert_eq!(mail.recipient_email, "canbo@btg.example.vn");
    let payload: serde_json::Value = serde_json::from_str(&mail.payload).unwrap();
    let token = payload["token"].as_str().unwrap().to_owned();
    assert_ne!(links[0].token_hash, token, "the link is stored hashed");
    assert!(!links[0].token_hash.contains(&token));
    assert_eq!(links[0].expires_at, monday() + Duration::hours(1));
    assert!(
        s.reason_holds(mail).await.unwrap(),
        "an unused link is mailed"
    );

    let short = s.confirm_password_reset(&token, "ngắn", monday()).await;
    assert_eq!(
        refused(short),
        Refusal::PasswordTooShort {
            field: "new_password",
            min: 10
        }
    );
    let forged = s
        .confirm_password_reset("nc_gia-mao", FIRST, monday())
        .await;
    assert_eq!(refused(forged), Refusal::ResetLinkInvalid);
    assert_eq!(hash_of(s, o.officer).await, None, "refusals write nothing");

    let within = monday() + Duration::minutes(59);
    s.confirm_password_reset(&token, FIRST, within)
        .await
        .unwrap();
    assert!(verify_password(FIRST, &hash_of(s, o.officer).await.unwrap()).await);
    let again = s.confirm_password_reset(&token, SECOND, within).await;
    assert_eq!(
        refused(again),
        Refusal::ResetLinkInvalid,
        "a link works once"
    );
    assert!(verify_password(FIRST, &hash_of(s, o.officer).await.unwrap()).await);
    assert!(
        !s.reason_holds(mail).await.unwrap(),
        "a used link is not mailed late"
    );
    assert_eq!(audited(s, "password_reset_used").await, 1);

    // A second link, used after its hour.
    ask(s, "canbo@btg.example.vn").await.unwrap();
    let (_, mails) = reset_rows(s).await;
    let payload: serde_json::Value = serde_json::from_str(&mails[1].payload).unwrap();
    let late = monday() + Duration::minutes(61);
    let expired = s
        .confirm_password_reset(payload["token"].as_str().unwrap(), SECOND, late)
        .await;
    assert_eq!(refused(expired), Refusal::ResetLinkInvalid);
    assert!(verify_password(FIRST, &hash_of(s, o.officer).await.unwrap()).await);

    // A disabled account gets no link.
    let change = store::directory::UserChange {
        name: None,
        role: None,
        unit: None,
        disabled: Some(true),
        title: None,
    };
    s.update_user(o.admin, o.leader.0, change, monday())
        .await
        .unwrap();
    ask(s, "lanhdao@thanhuy.example.vn").await.unwrap();
    assert_eq!(reset_rows(s).await.0.len(), 2);
}
