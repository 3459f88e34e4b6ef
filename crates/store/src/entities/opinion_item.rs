//! Table `opinion_items`: one opinion in an opinion report (SPEC §16).

use sea_orm::entity::prelude::*;

/// A row of `opinion_items`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opinion_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub report_id: i64,
    /// Order within the report, from 1.
    pub position: i32,
    /// Category code, as a case's.
    pub category: String,
    pub summary: String,
    /// `workflow::Mood` code.
    pub mood: String,
    /// `workflow::OpinionReach` code.
    pub reach: String,
    /// `workflow::Source` code.
    pub source: String,
    pub people_affected: Option<i64>,
    /// The case a board officer filed from this item.
    pub case_id: Option<i64>,
}

/// No declared relations: queries join explicitly.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
