//! PostgreSQL: the folded code and title words of a case in a `tsvector`
//! of their own, `title_vector`, with its own GIN index (SPEC §6.4).
//!
//! The first tier of a search (every word in the code or title) used to ask
//! `search_vector` for words of weight `A`. A GIN index holds words, not
//! their weights, so for such a query it returns every row holding the
//! words anywhere and PostgreSQL re-reads each of them to check the
//! weights: 1.1–1.7 s at 1 M cases for words that are common but rarely all
//! in one title. On `title_vector` the index's answer is the answer.
//!
//! A generated column: PostgreSQL fills it for the existing rows here and
//! keeps it equal to `search_title` on every insert and update, whatever
//! writes the row. SQLite is unchanged (its FTS5 table has a title column).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        for sql in [
            "ALTER TABLE cases ADD COLUMN title_vector tsvector GENERATED ALWAYS AS \
             (to_tsvector('simple', search_title)) STORED",
            "CREATE INDEX idx_cases_title_vector ON cases USING gin (title_vector)",
            // Fresh statistics for the new column and index, which the
            // planner reads to choose between them and the id index.
            "ANALYZE cases",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        for sql in [
            "DROP INDEX idx_cases_title_vector",
            "ALTER TABLE cases DROP COLUMN title_vector",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
