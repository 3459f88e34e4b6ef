//! Table `duty_files`: the documents a duty's submission carried (SPEC
//! §13); the files are content-addressed on disk like case attachments.

use sea_orm::entity::prelude::*;

/// A row of `duty_files`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "duty_files")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub duty_id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: i64,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
