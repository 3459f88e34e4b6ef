//! Collaborator profiles for the opinion-report tests, added by the
//! roster's own use case as an administrator adds them.

use chrono::{DateTime, Utc};
use store::Store;
use store::collaborators::UserName;
use workflow::{CollaboratorInput, UserId};

/// Makes `user` an active collaborator from 1/1/2026, open-ended,
/// covering the areas of `codes`, as `admin` at `now`.
pub async fn give_profile(
    store: &Store,
    admin: UserId,
    user: UserId,
    codes: &[&str],
    now: DateTime<Utc>,
) {
    let input = CollaboratorInput {
        kind: Some("collaborator".into()),
        areas: codes.iter().map(|c| (*c).to_owned()).collect(),
        from: Some("2026-01-01".into()),
        until: None,
        active: None,
    };
    store
        .create_collaborator(admin, UserName::Id(user.0), input, now)
        .await
        .expect("a profile");
}
