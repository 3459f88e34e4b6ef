//! Who an e-mail goes to: the addresses of a recipient set (SPEC §5), one
//! set at a time for an action's notices, or the units of a whole chunk at
//! once for a reminder sweep. Disabled users and users without an address
//! are left out.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{Recipients, Role};

use super::BATCH;
use crate::StoreError;
use crate::entities::{unit, unit_area, user};
use crate::org::parse_lineage;
use crate::org_cache::Org;

/// An address, the user it belongs to (none for a unit's own address) and
/// the language to write in.
pub(crate) type Address = (String, Option<i64>, String);

/// The addresses of a recipient set.
pub(crate) async fn recipients(
    conn: &impl ConnectionTrait,
    to: &Recipients,
) -> Result<Vec<Address>, StoreError> {
    let users: Vec<user::Model> = match to {
        Recipients::User { user: id } => user::Entity::find_by_id(id.0).all(conn).await?,
        Recipients::Unit { unit: id } => {
            let mut found = units_recipients(conn, &[id.0]).await?;
            return Ok(found.remove(&id.0).unwrap_or_default());
        }
        Recipients::Board { area } | Recipients::Leaders { area } => {
            let lineage = crate::org::lineage_of(conn, area.0).await?;
            let units: Vec<i64> = unit_area::Entity::find()
                .filter(unit_area::Column::AreaId.is_in(lineage))
                .all(conn)
                .await?
                .into_iter()
                .map(|ua| ua.unit_id)
                .collect();
            user::Entity::find()
                .filter(user::Column::Role.eq(role_of(to)))
                .filter(user::Column::UnitId.is_in(units))
                .all(conn)
                .await?
        }
        Recipients::Officers { unit } => {
            user::Entity::find()
                .filter(user::Column::Role.eq(role_of(to)))
                .filter(user::Column::UnitId.eq(unit.0))
                .all(conn)
                .await?
        }
    };
    Ok(reachable(users))
}

/// The addresses of a recipient set from the organisation in memory, as
/// [`recipients`] reads them, in user id order; `None` for one user (any
/// user, not only a unit's: read by [`recipients`]) or an unknown area.
pub(crate) fn in_memory(org: &Org, to: &Recipients) -> Option<Vec<Address>> {
    let users: Vec<user::Model> = match to {
        Recipients::User { .. } => return None,
        Recipients::Unit { unit } => {
            let mut list = reachable(org.staff(unit.0, Recipients::UNIT_ROLE).cloned().collect());
            if let Some(email) = org.unit_row(unit.0).and_then(|u| u.email.as_ref())
                && !list.iter().any(|(e, ..)| e == email)
            {
                list.push((email.clone(), None, "vi".to_owned()));
            }
            return Some(list);
        }
        Recipients::Board { area } | Recipients::Leaders { area } => {
            let lineage: Vec<i64> = (parse_lineage(&org.area_by_id(area.0).ok()?.lineage))
                .into_iter()
                .map(|a| a.0)
                .collect();
            let role = to.role()?;
            let mut users: Vec<user::Model> = (org.units_serving(&lineage).into_iter())
                .flat_map(|unit| org.staff(unit, role).cloned())
                .collect();
            users.sort_unstable_by_key(|u| u.id);
            users
        }
        Recipients::Officers { unit } => org.staff(unit.0, Role::BoardOfficer).cloned().collect(),
    };
    Some(reachable(users))
}

/// The addresses of each unit of `ids` — its liaisons, then the unit's own
/// address if no liaison has it — in two queries per [`BATCH`] units.
pub(crate) async fn units_recipients(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<Address>>, StoreError> {
    let mut out = HashMap::with_capacity(ids.len());
    for batch in ids.chunks(BATCH) {
        let mut liaisons: HashMap<i64, Vec<user::Model>> = HashMap::new();
        for u in user::Entity::find()
            .filter(user::Column::UnitId.is_in(batch.to_vec()))
            .filter(user::Column::Role.eq(Recipients::UNIT_ROLE.code()))
            .order_by_asc(user::Column::Id)
            .all(conn)
            .await?
        {
            liaisons.entry(u.unit_id).or_default().push(u);
        }
        let emails: HashMap<i64, String> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(batch.to_vec()))
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|u| Some((u.id, u.email?)))
            .collect();
        for &id in batch {
            let mut list = reachable(liaisons.remove(&id).unwrap_or_default());
            if let Some(email) = emails.get(&id)
                && !list.iter().any(|(e, ..)| e == email)
            {
                list.push((email.clone(), None, "vi".to_owned()));
            }
            out.insert(id, list);
        }
    }
    Ok(out)
}

/// The role code of a set's users (`Recipients::role`); a set of one user
/// has none and is never looked up by role.
fn role_of(to: &Recipients) -> &'static str {
    to.role().map_or("", Role::code)
}

/// The enabled users with an address.
fn reachable(users: Vec<user::Model>) -> Vec<Address> {
    users
        .into_iter()
        .filter(|u| !u.disabled)
        .filter(|u| {
            // A user without an address cannot be reached; say so once per
            // lookup instead of failing the whole sweep.
            let has = !u.email.trim().is_empty();
            if !has {
                tracing::warn!(user = u.id, "user without e-mail: skipped");
            }
            has
        })
        .map(|u| (u.email, Some(u.id), u.lang))
        .collect()
}
