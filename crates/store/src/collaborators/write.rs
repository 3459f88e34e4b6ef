//! Writing the roster: adding a profile, changing one, and importing many
//! at once (all or nothing), each in one transaction. Every input is
//! checked by `workflow::check_collaborator` first, then its user and
//! areas are looked up, then who may write it is asked of `workflow`.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{
    Actor, AreaRef, CollaboratorInput, CollaboratorProfile, Role, UserId, check_collaborator,
    check_collaborator_user, check_roster_change,
};

use super::read::{load, not_found};
use super::{CollaboratorPatch, UserName};
use crate::audit::record_change;
use crate::entities::{area, collaborator, collaborator_area, user};
use crate::org::{actor, area_ref, unknown};
use crate::{Store, StoreError};

/// One row of an import: the user's e-mail and their profile as typed.
#[derive(Debug, Clone)]
pub struct CollaboratorRow {
    /// The line of the file it came from, for the error that names it.
    pub line: usize,
    /// The user's sign-in e-mail.
    pub email: String,
    /// The profile.
    pub input: CollaboratorInput,
}

impl Store {
    /// Gives the `reporter` user named by `user` a collaborator profile.
    /// Returns their user id.
    pub async fn create_collaborator(
        &self,
        caller: UserId,
        user: UserName,
        input: CollaboratorInput,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let profile = check_collaborator(&input)?;
        let tx = self.write_tx().await?;
        let by = actor(&tx, caller, now).await?;
        let id = insert(&tx, Some(&by), &user, &profile, now).await?;
        record_change(
            &tx,
            Some(caller),
            now,
            "add_collaborator",
            || json!({ "user": id, "kind": profile.kind.code(), "areas": profile.areas }),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes the profile of `user_id`: the fields given replace the old
    /// ones and the whole profile is checked again.
    pub async fn update_collaborator(
        &self,
        caller: UserId,
        user_id: i64,
        patch: CollaboratorPatch,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx().await?;
        let by = actor(&tx, caller, now).await?;
        let scope = workflow::roster_scope(&by)?;
        let current = load(&tx, Some(user_id))
            .await?
            .into_iter()
            .next()
            .filter(|c| scope.sees(&c.area_refs()))
            .ok_or_else(|| not_found(user_id))?;
        let profile = check_collaborator(&patch.over(&current.profile))?;
        let areas = areas_by_code(&tx, &profile.areas).await?;
        let after: Vec<AreaRef> = areas.iter().map(area_ref).collect();
        check_roster_change(&by, &current.area_refs(), &after)?;
        collaborator::Entity::update(collaborator::ActiveModel {
            user_id: Set(user_id),
            kind: Set(profile.kind.code().to_owned()),
            term_from: Set(profile.term.from),
            term_until: Set(profile.term.until),
            active: Set(profile.active),
            updated_at: Set(now),
        })
        .exec(&tx)
        .await?;
        collaborator_area::Entity::delete_many()
            .filter(collaborator_area::Column::UserId.eq(user_id))
            .exec(&tx)
            .await?;
        insert_areas(&tx, user_id, &areas).await?;
        record_change(&tx, Some(caller), now, "update_collaborator", || {
            json!({ "user": user_id, "kind": profile.kind.code(), "areas": profile.areas,
                    "active": profile.active })
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds the profiles of `rows` (the command line's import): all or
    /// none. A bad row is reported by its line and nothing is written.
    pub async fn import_collaborators(
        &self,
        rows: Vec<CollaboratorRow>,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let tx = self.write_tx().await?;
        for row in &rows {
            let bad = |error: StoreError| StoreError::BadRow {
                line: row.line,
                error: Box::new(error),
            };
            let profile = check_collaborator(&row.input).map_err(|e| bad(e.into()))?;
            let name = UserName::Email(row.email.clone());
            // Dropping the transaction rolls back every earlier row.
            insert(&tx, None, &name, &profile, now).await.map_err(bad)?;
        }
        tx.commit().await?;
        Ok(rows.len())
    }
}

/// Inserts a profile for the user `name` after the checks that need the
/// database: a known `reporter` user without a profile, known areas, and
/// (for a caller; the command line has none) areas the caller manages.
async fn insert(
    conn: &impl ConnectionTrait,
    by: Option<&Actor>,
    name: &UserName,
    profile: &CollaboratorProfile,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let person = user_named(conn, name).await?;
    let role = Role::from_code(&person.role).unwrap_or(Role::Reporter);
    check_collaborator_user(&person.email, role)?;
    let areas = areas_by_code(conn, &profile.areas).await?;
    if let Some(by) = by {
        let after: Vec<AreaRef> = areas.iter().map(area_ref).collect();
        check_roster_change(by, &[], &after)?;
    }
    if collaborator::Entity::find_by_id(person.id)
        .one(conn)
        .await?
        .is_some()
    {
        return Err(StoreError::Duplicate {
            field: "user",
            value: person.email,
        });
    }
    collaborator::Entity::insert(collaborator::ActiveModel {
        user_id: Set(person.id),
        kind: Set(profile.kind.code().to_owned()),
        term_from: Set(profile.term.from),
        term_until: Set(profile.term.until),
        active: Set(profile.active),
        updated_at: Set(now),
    })
    .exec_without_returning(conn)
    .await?;
    insert_areas(conn, person.id, &areas).await?;
    Ok(person.id)
}

/// The user a request names; unknown or disabled, a refusal naming `user`.
async fn user_named(
    conn: &impl ConnectionTrait,
    name: &UserName,
) -> Result<user::Model, StoreError> {
    let (query, shown) = match name {
        UserName::Id(id) => (
            user::Entity::find().filter(user::Column::Id.eq(*id)),
            id.to_string(),
        ),
        UserName::Email(email) => (
            user::Entity::find().filter(user::Column::Email.eq(email.trim().to_lowercase())),
            email.clone(),
        ),
    };
    query
        .filter(user::Column::Disabled.eq(false))
        .one(conn)
        .await?
        .ok_or_else(|| unknown("user", &shown))
}

/// The areas of `codes`, in order; an unknown one is a refusal naming
/// `areas`.
async fn areas_by_code(
    conn: &impl ConnectionTrait,
    codes: &[String],
) -> Result<Vec<area::Model>, StoreError> {
    let found = area::Entity::find()
        .filter(area::Column::Code.is_in(codes.iter().cloned()))
        .all(conn)
        .await?;
    codes
        .iter()
        .map(|code| {
            found
                .iter()
                .find(|a| &a.code == code)
                .cloned()
                .ok_or_else(|| unknown("areas", code))
        })
        .collect()
}

async fn insert_areas(
    conn: &impl ConnectionTrait,
    user_id: i64,
    areas: &[area::Model],
) -> Result<(), StoreError> {
    if areas.is_empty() {
        return Ok(());
    }
    collaborator_area::Entity::insert_many(areas.iter().map(|a| collaborator_area::ActiveModel {
        user_id: Set(user_id),
        area_id: Set(a.id),
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}
