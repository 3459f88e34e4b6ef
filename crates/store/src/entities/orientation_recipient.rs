//! Table `orientation_recipients`: the units a notice was sent to, and
//! their acknowledgement.

use sea_orm::entity::prelude::*;

/// A row of `orientation_recipients`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "orientation_recipients")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub notice_id: i64,
    pub unit_id: i64,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by_user_id: Option<i64>,
    pub acknowledged_by: Option<String>,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
