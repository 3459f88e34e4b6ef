//! Table `orientation_links`: the one-time acknowledgement links sent to a
//! recipient's addresses, stored as SHA-256.

use sea_orm::entity::prelude::*;

/// A row of `orientation_links`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "orientation_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub recipient_id: i64,
    pub email: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub outbox_key: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
