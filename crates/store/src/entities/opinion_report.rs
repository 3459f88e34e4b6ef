//! Table `opinion_reports`: a collaborator's monthly or quick opinion
//! report (SPEC §16).

use sea_orm::entity::prelude::*;

/// A row of `opinion_reports`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opinion_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub reporter_id: i64,
    pub area_id: i64,
    /// `2026-11` for a monthly report; none for a quick one.
    pub period: Option<String>,
    pub quick: bool,
    pub created_at: DateTimeUtc,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
