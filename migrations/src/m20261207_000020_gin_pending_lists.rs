//! PostgreSQL search: the GIN indexes of `search_vector` and `title_vector`
//! keep at most 64 kB of new entries unmerged instead of 4 MB.
//!
//! A GIN index takes new rows into a "pending list" and merges them into
//! its tree later (by autovacuum, or by the insert that overflows the
//! list). Every search through the index reads the whole pending list
//! first, row by row. With the default limit (`gin_pending_list_limit`,
//! 4 MB) a freshly seeded database of 10 000 cases held all of them there,
//! and a probe of the title index took 4–10 ms instead of 0.1–0.4 ms; under
//! filings the list refills between vacuums at any size of the table
//! (docs/benchmarks.md). At 64 kB (the least PostgreSQL allows) the insert
//! that overflows it merges about forty cases' words at a time, which the
//! index takes as one bulk insert. A storage parameter of the indexes, not
//! a server setting; SQLite is unchanged.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[&str] = &["idx_cases_search_vector", "idx_cases_title_vector"];

async fn limit(m: &SchemaManager<'_>, set: bool) -> Result<(), DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for index in INDEXES {
        let sql = if set {
            format!("ALTER INDEX {index} SET (gin_pending_list_limit = 64)")
        } else {
            format!("ALTER INDEX {index} RESET (gin_pending_list_limit)")
        };
        db.execute_unprepared(&sql).await?;
        if set {
            // What is pending now is merged at once, not left to a vacuum.
            db.execute_unprepared(&format!("SELECT gin_clean_pending_list('{index}')"))
                .await?;
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        limit(m, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        limit(m, false).await
    }
}
