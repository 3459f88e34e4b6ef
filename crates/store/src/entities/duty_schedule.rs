//! Table `duty_schedules`: recurring information duties.

use sea_orm::entity::prelude::*;

/// A row of `duty_schedules`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "duty_schedules")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub programme_id: i64,
    pub provider_unit_id: i64,
    pub recipient_unit_id: i64,
    pub cadence: String,
    pub due_days_after_end: i32,
    /// Comma-separated days, e.g. `14,3`.
    pub reminder_before_days: String,
    pub overdue_every_days: i32,
    pub active: bool,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
