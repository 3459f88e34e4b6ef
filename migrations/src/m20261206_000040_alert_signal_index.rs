//! Indexes for the hotspot early warning (SPEC §16): each evaluation reads
//! the cases and opinion reports of the last 9 weeks grouped by area and
//! category. With `created_at` first and the grouped columns after it, the
//! database reads only those weeks, from the index alone, instead of every
//! case ever filed.

use sea_orm_migration::prelude::*;

use crate::index;
use crate::m20261122_000002_cases::Cases;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum OpinionReports {
    Table,
}

const CASE_COLUMNS: &[&str] = &["created_at", "area_id", "category", "hotspot_risk"];
const REPORT_COLUMNS: &[&str] = &["created_at", "area_id"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index(Cases::Table, CASE_COLUMNS)).await?;
        m.create_index(index(OpinionReports::Table, REPORT_COLUMNS))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(format!("idx_cases_{}", CASE_COLUMNS.join("_")))
                .table(Cases::Table)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name(format!("idx_opinion_reports_{}", REPORT_COLUMNS.join("_")))
                .table(OpinionReports::Table)
                .to_owned(),
        )
        .await
    }
}
