//! SQLite search: the folded code and title of each case in an FTS5 table
//! of their own, `cases_title_fts`, for the first tier of a search (every
//! word in the code or title).
//!
//! That tier asked `cases_fts` for `search_title : (…)`. FTS5 keeps one
//! list of the cases holding a word, whatever the column, so a column
//! filter reads the whole list and drops the other column's entries: for
//! `tham nhung` (in no title, in many descriptions) 19–20 ms at 1 M cases,
//! where a search for words found in titles took 1–2 ms; the slowest of
//! the benchmark's searches, so their p99 (docs/benchmarks.md). In a table
//! of titles alone a word in no title has no list. The same tokenizer and
//! prefix indexes as `cases_fts`; external content, kept in step with
//! `cases` by triggers like those of `cases_fts`. PostgreSQL is unchanged
//! (its `title_vector` is the same idea, migration
//! `m20261122_000070_title_vector`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::run_on;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    // `detail=none`: a word's list holds the cases only, no positions,
    // which a search of words and a prefix does not use; smaller to write
    // with every filing and to read.
    "CREATE VIRTUAL TABLE cases_title_fts USING fts5(search_title, \
     content='cases', content_rowid='id', detail=none, \
     tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6')",
    "CREATE TRIGGER cases_title_fts_insert AFTER INSERT ON cases BEGIN \
     INSERT INTO cases_title_fts(rowid, search_title) VALUES (new.id, new.search_title); END",
    "CREATE TRIGGER cases_title_fts_delete AFTER DELETE ON cases BEGIN \
     INSERT INTO cases_title_fts(cases_title_fts, rowid, search_title) \
     VALUES ('delete', old.id, old.search_title); END",
    // Only when the title words change: actions rewrite every column.
    "CREATE TRIGGER cases_title_fts_update AFTER UPDATE OF search_title ON cases \
     WHEN old.search_title IS NOT new.search_title BEGIN \
     INSERT INTO cases_title_fts(cases_title_fts, rowid, search_title) \
     VALUES ('delete', old.id, old.search_title); \
     INSERT INTO cases_title_fts(rowid, search_title) VALUES (new.id, new.search_title); END",
    "INSERT INTO cases_title_fts(cases_title_fts) VALUES ('rebuild')",
    // As `cases_fts` (migration `m20261123_000020_search_merges`).
    "INSERT INTO cases_title_fts(cases_title_fts, rank) VALUES ('automerge', 16)",
];

const DOWN: &[&str] = &[
    "DROP TRIGGER cases_title_fts_insert",
    "DROP TRIGGER cases_title_fts_delete",
    "DROP TRIGGER cases_title_fts_update",
    "DROP TABLE cases_title_fts",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run_on(m, DbBackend::Sqlite, UP).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run_on(m, DbBackend::Sqlite, DOWN).await
    }
}
