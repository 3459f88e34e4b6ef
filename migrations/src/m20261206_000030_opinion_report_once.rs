//! One monthly opinion report per collaborator, area and month (SPEC §16),
//! held by the database too: two monthly reports sent at once on
//! PostgreSQL cannot both pass the check the store makes first. A quick
//! report has no period, and NULLs never collide in a unique index on
//! either backend, so quick reports stay unlimited.

use sea_orm_migration::prelude::*;

use crate::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum OpinionReports {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            index(OpinionReports::Table, &["reporter_id", "area_id", "period"])
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_opinion_reports_reporter_id_area_id_period")
                .table(OpinionReports::Table)
                .to_owned(),
        )
        .await
    }
}
