//! Table `collaborators`: the collaborator profile of a `reporter` user
//! (SPEC §16).

use sea_orm::entity::prelude::*;

/// A row of `collaborators`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "collaborators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    /// `workflow::CollaboratorKind` code.
    pub kind: String,
    pub term_from: Date,
    pub term_until: Option<Date>,
    pub active: bool,
    pub updated_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
