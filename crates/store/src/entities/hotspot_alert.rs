//! Table `hotspot_alerts`: an early-warning alert, once per area ×
//! category × week (SPEC §16).

use sea_orm::entity::prelude::*;

/// A row of `hotspot_alerts`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "hotspot_alerts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    /// Category code, as a case's.
    pub category: String,
    /// The Monday the week starts on (local date).
    pub week_start: Date,
    /// `workflow::AlertReason` code.
    pub reason: String,
    pub observed: f64,
    pub baseline: f64,
    pub p_value: Option<f64>,
    pub created_at: DateTimeUtc,
    pub acknowledged_by: Option<i64>,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledgement_note: Option<String>,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
