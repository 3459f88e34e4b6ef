//! Table `meetings`: resolution meetings scheduled or logged (SPEC §11).

use sea_orm::entity::prelude::*;

/// A row of `meetings`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub case_id: i64,
    pub event_id: Option<i64>,
    pub starts_at: DateTimeUtc,
    pub ends_at: Option<DateTimeUtc>,
    pub place: Option<String>,
    pub chair_unit_id: i64,
    pub agenda: Option<String>,
    pub sequence: i32,
    pub log_event_id: Option<i64>,
    pub held_at: Option<DateTimeUtc>,
    pub board_present: Option<bool>,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
