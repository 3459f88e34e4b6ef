//! Table `cases`: cases.

use sea_orm::entity::prelude::*;

/// A row of `cases`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub area_id: i64,
    pub title: String,
    pub description: String,
    /// Folded words of code, title and description (`fold::words`),
    /// indexed for search by the migration `m20261122_000050_search_index`.
    pub search_text: String,
    /// Folded words of code and title: matches here rank first.
    pub search_title: String,
    pub category: String,
    pub source: String,
    pub sensitivity: String,
    pub priority: String,
    pub hotspot_risk: Option<String>,
    pub people_affected: Option<i64>,
    pub reporter_id: i64,
    pub lead_unit_id: Option<i64>,
    pub state: String,
    pub escalated_from: Option<String>,
    pub result_published: bool,
    pub merged_into_id: Option<i64>,
    pub trial_date: Option<Date>,
    pub verdict_date: Option<Date>,
    pub triage_due: Option<DateTimeUtc>,
    pub triage_rule: Option<String>,
    pub answer_due: Option<DateTimeUtc>,
    pub answer_rule: Option<String>,
    pub resolution_due: Option<DateTimeUtc>,
    pub resolution_rule: Option<String>,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
