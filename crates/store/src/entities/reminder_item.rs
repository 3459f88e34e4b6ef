//! Table `reminder_items`: each reminder step of each recipient, waiting
//! for or carried by the daily digest of its address (SPEC §14).

use sea_orm::entity::prelude::*;

/// A row of `reminder_items`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reminder_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub key: String,
    pub kind: String,
    pub subject: String,
    pub recipient_email: Option<String>,
    pub recipient_user_id: Option<i64>,
    pub lang: String,
    pub payload: String,
    pub due_at: DateTimeUtc,
    pub status: String,
    pub digest_key: Option<String>,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
