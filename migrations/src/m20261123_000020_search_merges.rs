//! SQLite search: FTS5 merges its index segments sixteen at a time instead
//! of four.
//!
//! Every filing's commit writes a small segment of the FTS5 index (larger
//! since the prefix indexes of `m20261123_000010_search_prefixes`), and
//! with the default (`automerge` 4) the committing writer went on to merge
//! segments after nearly every batch: at 1 M cases W1 ran at 574–722
//! filings/s, 1255–1397 with 16, searches unchanged (W4 p99 30–36 ms);
//! 32 kept W1 and slowed W4 (docs/benchmarks.md). PostgreSQL is unchanged.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn automerge(m: &SchemaManager<'_>, segments: u32) -> Result<(), DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    db.execute_unprepared(&format!(
        "INSERT INTO cases_fts(cases_fts, rank) VALUES ('automerge', {segments})"
    ))
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        automerge(m, 16).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        automerge(m, 4).await
    }
}
