//! Table `areas`: the tree of administrative areas.

use sea_orm::entity::prelude::*;

/// A row of `areas`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "areas")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub parent_id: Option<i64>,
    /// `/1/4/9/`: ids from the root down; a subtree is a prefix.
    pub lineage: String,
    pub depth: i32,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub former_names: String,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
