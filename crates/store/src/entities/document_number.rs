//! Table `document_numbers`: the last number of the document register per
//! (issuing unit, kind, year) (SPEC §15).

use sea_orm::entity::prelude::*;

/// A row of `document_numbers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "document_numbers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub issuer_unit_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub year: i32,
    pub last: i64,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
