//! SQLite search: FTS5 prefix indexes for the last word of a search, which
//! is matched as a prefix (SPEC §6.4: results while typing).
//!
//! Without them FTS5 answers `"dai"*` by merging the doclists of every term
//! that starts with `dai` into memory before it can stop at a page: 25–70 ms
//! at 1 M cases for a common syllable, 0.1–1 ms with them (docs/benchmarks.md).
//! Folded Vietnamese syllables are at most seven letters, so prefixes of one
//! to six letters cover what can be typed; a longer one is a whole syllable
//! and its merge is small. The index is about three times larger. FTS5
//! cannot add prefixes to a table, so it is made again and rebuilt from
//! `cases` (its external content); the triggers that keep it in step name
//! it and stay. PostgreSQL is unchanged.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The FTS5 table with or without the prefix indexes.
fn create(prefixes: bool) -> String {
    let prefix = if prefixes {
        ", prefix='1 2 3 4 5 6'"
    } else {
        ""
    };
    format!(
        "CREATE VIRTUAL TABLE cases_fts USING fts5(search_title, search_text, \
         content='cases', content_rowid='id', \
         tokenize='unicode61 remove_diacritics 2'{prefix})"
    )
}

async fn remake(m: &SchemaManager<'_>, prefixes: bool) -> Result<(), DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    db.execute_unprepared("DROP TABLE cases_fts").await?;
    db.execute_unprepared(&create(prefixes)).await?;
    db.execute_unprepared("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")
        .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        remake(m, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        remake(m, false).await
    }
}
