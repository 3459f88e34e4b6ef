//! Loading the organisation facts the workflow needs: areas with their
//! lineage, units with the areas they serve, users as actors.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use workflow::{Actor, AreaId, AreaRef, Refusal, Role, UnitId, UnitKind, UnitRef, UserId};

use crate::StoreError;
use crate::entities::{area, unit, unit_area, user};
use crate::reads::{ReadSelect, Reads};

/// Parses a lineage column (`/1/4/9/`) into area ids, root first.
pub(crate) fn parse_lineage(lineage: &str) -> Vec<AreaId> {
    lineage
        .split('/')
        .filter_map(|part| part.parse().ok().map(AreaId))
        .collect()
}

/// The reference a rule needs from an area row.
pub(crate) fn area_ref(row: &area::Model) -> AreaRef {
    AreaRef {
        id: AreaId(row.id),
        code: row.code.clone(),
        lineage: parse_lineage(&row.lineage),
    }
}

/// An area by code; an unknown code is a refusal naming `field`.
pub(crate) async fn area_by_code(
    conn: &impl Reads,
    code: &str,
    field: &'static str,
) -> Result<area::Model, StoreError> {
    area::Entity::find()
        .filter(area::Column::Code.eq(code.trim()))
        .read_one(conn)
        .await?
        .ok_or_else(|| unknown(field, code))
}

/// An area by id.
pub(crate) async fn area_by_id(conn: &impl Reads, id: i64) -> Result<area::Model, StoreError> {
    area::Entity::find_by_id(id)
        .read_one(conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Area,
            key: format!("#{id}"),
        })
}

/// The ids of an area and every area above it.
pub(crate) async fn lineage_of(conn: &impl Reads, id: i64) -> Result<Vec<i64>, StoreError> {
    Ok(parse_lineage(&area_by_id(conn, id).await?.lineage)
        .into_iter()
        .map(|a| a.0)
        .collect())
}

/// A unit by code as a rule sees it; an unknown code is a refusal naming `field`.
pub(crate) async fn unit_by_code(
    conn: &impl Reads,
    code: &str,
    field: &'static str,
    now: DateTime<Utc>,
) -> Result<UnitRef, StoreError> {
    let row = unit::Entity::find()
        .filter(unit::Column::Code.eq(code.trim()))
        .read_one(conn)
        .await?
        .ok_or_else(|| unknown(field, code))?;
    unit_ref(conn, row, now).await
}

/// A unit by id as a rule sees it.
pub(crate) async fn unit_by_id(
    conn: &impl Reads,
    id: i64,
    now: DateTime<Utc>,
) -> Result<UnitRef, StoreError> {
    let row = unit::Entity::find_by_id(id)
        .read_one(conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Unit,
            key: format!("#{id}"),
        })?;
    unit_ref(conn, row, now).await
}

async fn unit_ref(
    conn: &impl Reads,
    row: unit::Model,
    now: DateTime<Utc>,
) -> Result<UnitRef, StoreError> {
    let serves = unit_area::Entity::find()
        .filter(unit_area::Column::UnitId.eq(row.id))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|ua| AreaId(ua.area_id))
        .collect();
    let kind = UnitKind::from_code(&row.kind)
        .ok_or_else(|| corrupt(format!("unit {} has kind {}", row.code, row.kind)))?;
    let today = now.date_naive();
    Ok(UnitRef {
        id: UnitId(row.id),
        code: row.code,
        kind,
        serves,
        active: UnitRef::active_on(row.valid_to, today),
    })
}

/// A user with their unit, as the actor of an action. A disabled or unknown
/// user is not found.
pub(crate) async fn actor(
    conn: &impl Reads,
    user_id: UserId,
    now: DateTime<Utc>,
) -> Result<Actor, StoreError> {
    let row = user::Entity::find_by_id(user_id.0)
        .read_one(conn)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::User,
            key: format!("#{}", user_id.0),
        })?;
    let role = Role::from_code(&row.role)
        .ok_or_else(|| corrupt(format!("user {} has role {}", row.id, row.role)))?;
    Ok(Actor {
        user: user_id,
        role,
        unit: unit_by_id(conn, row.unit_id, now).await?,
    })
}

/// A refusal for a code that names nothing.
pub(crate) fn unknown(field: &'static str, code: &str) -> StoreError {
    StoreError::Refused(Refusal::UnknownCode {
        field,
        code: code.trim().to_owned(),
    })
}

/// A row that breaks an invariant the code relies on.
pub(crate) fn corrupt(what: String) -> StoreError {
    StoreError::Db(sea_orm::DbErr::Custom(format!(
        "dữ liệu không hợp lệ: {what}"
    )))
}
