//! A collaborator's profile as the rules need it, read from the roster's
//! tables (`collaborators`, `collaborator_areas`).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use workflow::{AreaId, FilerProfile, UserId};

use crate::StoreError;
use crate::entities::{collaborator, collaborator_area};
use crate::reads::{ReadSelect, Reads};

/// The profile of `user`, if they have one.
pub(super) async fn profile_of(
    conn: &impl Reads,
    user: UserId,
) -> Result<Option<FilerProfile>, StoreError> {
    let Some(row) = collaborator::Entity::find_by_id(user.0)
        .read_one(conn)
        .await?
    else {
        return Ok(None);
    };
    let areas = collaborator_area::Entity::find()
        .filter(collaborator_area::Column::UserId.eq(user.0))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|a| AreaId(a.area_id))
        .collect();
    Ok(Some(FilerProfile {
        active: row.active,
        term_from: row.term_from,
        term_until: row.term_until,
        areas,
    }))
}
