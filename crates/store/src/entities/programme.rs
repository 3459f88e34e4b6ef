//! Table `programmes`: coordination programmes (chương trình phối hợp).

use sea_orm::entity::prelude::*;

/// A row of `programmes`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "programmes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub title: String,
    pub year_from: i32,
    pub year_to: i32,
    pub created_at: DateTimeUtc,
    /// Its number as signed, e.g. `05-CTr/BTGDVTU-UBND`.
    pub number: Option<String>,
    /// When it was signed.
    pub signed_on: Option<Date>,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
