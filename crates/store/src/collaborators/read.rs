//! Reading the roster: the whole roster in four queries (profiles, their
//! areas, the users, the areas), then what a caller may see of it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{CollaboratorKind, CollaboratorProfile, Term, UserId, roster_scope};

use super::{Collaborator, CollaboratorFilter, CoveredArea};
use crate::entities::{area, collaborator, collaborator_area, user};
use crate::org::{actor, area_by_code, corrupt, parse_lineage};
use crate::reads::{ReadSelect, Reads};
use crate::{Store, StoreError, Thing};

impl Store {
    /// The roster as `caller` may read it (admins all of it, a board
    /// officer the profiles covering an area their unit serves), filtered,
    /// by name.
    pub async fn collaborators(
        &self,
        caller: UserId,
        filter: &CollaboratorFilter,
        now: DateTime<Utc>,
    ) -> Result<Vec<Collaborator>, StoreError> {
        let scope = roster_scope(&actor(&self.db, caller, now).await?)?;
        let within = match &filter.area {
            Some(code) => Some(area_by_code(&self.db, code, "area").await?.id),
            None => None,
        };
        Ok(load(&self.db, None)
            .await?
            .into_iter()
            .filter(|c| scope.sees(&c.area_refs()))
            .filter(|c| within.is_none_or(|a| c.covers_within(workflow::AreaId(a))))
            .filter(|c| filter.active.is_none_or(|on| c.profile.active == on))
            .collect())
    }

    /// One collaborator, if `caller` may read their profile; otherwise,
    /// as for a user without a profile, not found.
    pub async fn collaborator(
        &self,
        caller: UserId,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Collaborator, StoreError> {
        let scope = roster_scope(&actor(&self.db, caller, now).await?)?;
        self.collaborator_profile(user_id)
            .await?
            .filter(|c| scope.sees(&c.area_refs()))
            .ok_or_else(|| not_found(user_id))
    }

    /// The profile of `user_id`, if they have one, whoever asks.
    pub async fn collaborator_profile(
        &self,
        user_id: i64,
    ) -> Result<Option<Collaborator>, StoreError> {
        profile_of(&self.db, user_id).await
    }

    /// Everyone serving on `day` (active, within their term, an enabled
    /// account): those who owe that month's opinion report.
    pub async fn serving_collaborators(
        &self,
        day: NaiveDate,
    ) -> Result<Vec<Collaborator>, StoreError> {
        Ok(load(&self.db, None)
            .await?
            .into_iter()
            .filter(|c| c.is_serving(day))
            .collect())
    }
}

/// A user without a visible profile.
pub(super) fn not_found(user_id: i64) -> StoreError {
    StoreError::NotFound {
        thing: Thing::User,
        key: format!("#{user_id}"),
    }
}

/// The profile of `user_id` and the areas it covers, if they have one and
/// their account is enabled: the one reader of a profile, for the roster
/// and for the rules of opinion reports alike.
pub(crate) async fn profile_of(
    conn: &impl Reads,
    user_id: i64,
) -> Result<Option<Collaborator>, StoreError> {
    Ok(load(conn, Some(user_id)).await?.into_iter().next())
}

/// The roster (or the one profile of `only`), by name, without disabled
/// accounts.
pub(super) async fn load(
    conn: &impl Reads,
    only: Option<i64>,
) -> Result<Vec<Collaborator>, StoreError> {
    let mut profiles = collaborator::Entity::find();
    let mut links = collaborator_area::Entity::find();
    if let Some(id) = only {
        profiles = profiles.filter(collaborator::Column::UserId.eq(id));
        links = links.filter(collaborator_area::Column::UserId.eq(id));
    }
    let profiles = profiles.read_all(conn).await?;
    if profiles.is_empty() {
        return Ok(Vec::new());
    }
    let mut covered: HashMap<i64, Vec<i64>> = HashMap::new();
    for link in links.read_all(conn).await? {
        covered.entry(link.user_id).or_default().push(link.area_id);
    }
    let area_ids: Vec<i64> = covered.values().flatten().copied().collect();
    let areas: HashMap<i64, area::Model> = area::Entity::find()
        .filter(area::Column::Id.is_in(area_ids))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let users: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(profiles.iter().map(|p| p.user_id)))
        .filter(user::Column::Disabled.eq(false))
        .order_by_asc(user::Column::Id)
        .read_all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut out = Vec::new();
    for row in profiles {
        let Some(person) = users.get(&row.user_id) else {
            continue;
        };
        let mut their: Vec<CoveredArea> = covered
            .remove(&row.user_id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| areas.get(&id))
            .map(|a| CoveredArea {
                id: a.id,
                code: a.code.clone(),
                name: a.name.clone(),
                lineage: parse_lineage(&a.lineage),
            })
            .collect();
        their.sort_by(|a, b| a.code.cmp(&b.code));
        let kind = CollaboratorKind::from_code(&row.kind).ok_or_else(|| {
            corrupt(format!(
                "collaborator {} has kind {}",
                row.user_id, row.kind
            ))
        })?;
        out.push(Collaborator {
            user_id: row.user_id,
            email: person.email.clone(),
            name: person.name.clone(),
            lang: person.lang.clone(),
            profile: CollaboratorProfile {
                kind,
                areas: their.iter().map(|a| a.code.clone()).collect(),
                term: Term {
                    from: row.term_from,
                    until: row.term_until,
                },
                active: row.active,
            },
            areas: their,
            updated_at: row.updated_at,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.user_id.cmp(&b.user_id)));
    Ok(out)
}
