//! Table `issued_documents`: a document given a number from the register,
//! once per subject (SPEC §15).

use sea_orm::entity::prelude::*;

/// A row of `issued_documents`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "issued_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub issuer_unit_id: i64,
    pub kind: String,
    pub year: i32,
    pub number: i64,
    pub subject: String,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
