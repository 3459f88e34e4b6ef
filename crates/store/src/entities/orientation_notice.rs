//! Table `orientation_notices`: the orientation notices of a case (SPEC §12).

use sea_orm::entity::prelude::*;

/// A row of `orientation_notices`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "orientation_notices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub case_id: i64,
    pub event_id: i64,
    pub issuer_unit_id: i64,
    pub year: i32,
    pub number: i64,
    pub label: String,
    pub version: i32,
    pub replaces_id: Option<i64>,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
