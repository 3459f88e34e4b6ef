//! Table `duty_instances`: one duty per schedule and period, or per trial.

use sea_orm::entity::prelude::*;

/// A row of `duty_instances`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "duty_instances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub schedule_id: Option<i64>,
    pub case_id: Option<i64>,
    pub unit_id: i64,
    pub recipient_unit_id: i64,
    pub kind: String,
    pub period: String,
    pub due_at: DateTimeUtc,
    pub status: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub submitted_by: Option<i64>,
    pub submission_text: Option<String>,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<i64>,
    pub waived_reason: Option<String>,
    pub topic: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
