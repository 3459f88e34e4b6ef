//! PostgreSQL search: the two `tsvector`s of a case and their GIN indexes
//! move from `cases` to a table of their own, `case_search`, written only
//! when the case's folded title or text changes.
//!
//! In `cases` they cost every action: an action changes the state, which
//! B-tree indexes hold, so its update is never a HOT update and PostgreSQL
//! put every word of the case into both GIN indexes again (and merged
//! their pending lists every forty updates or so). `pgbench`, an accept's
//! update of a random case at concurrency 16: 2 159–2 275 transactions a
//! second on `cases` with the vectors, 3 549–3 892 on a copy without them
//! (docs/benchmarks.md, sixth session). The search's walks, which test
//! every row of a range of ids, read the narrow table instead of cases
//! rows that carry the description and both folded texts: a tier-2 walk
//! of 250 ids took 0.39–0.78 ms there, 0.15–0.30 ms here.
//!
//! Triggers keep the table in step with `cases` whatever writes the row,
//! as the generated columns did (and as SQLite's FTS5 triggers do); the
//! expressions are theirs (migrations `m20261122_000050_search_index`,
//! `m20261122_000070_title_vector`). The indexes keep the 64 kB pending
//! lists of `m20261207_000020_gin_pending_lists`. SQLite is unchanged.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::run_on;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    "CREATE TABLE case_search ( \
     case_id bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE, \
     search_vector tsvector NOT NULL, \
     title_vector tsvector NOT NULL)",
    "INSERT INTO case_search (case_id, search_vector, title_vector) \
     SELECT id, search_vector, title_vector FROM cases",
    // Filings insert their batch in one statement (`cases::file`): one
    // statement-level trigger writes the batch's rows, where a row trigger
    // ran its function once per case (W1 7–14 % slower than with the
    // generated columns, docs/benchmarks.md).
    "CREATE FUNCTION case_search_filed() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
     INSERT INTO case_search (case_id, search_vector, title_vector) SELECT id, \
     setweight(to_tsvector('simple', search_title), 'A') || to_tsvector('simple', search_text), \
     to_tsvector('simple', search_title) FROM filed; \
     RETURN NULL; \
     END $$",
    "CREATE TRIGGER case_search_insert AFTER INSERT ON cases \
     REFERENCING NEW TABLE AS filed FOR EACH STATEMENT EXECUTE FUNCTION case_search_filed()",
    "CREATE FUNCTION case_search_edited() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
     UPDATE case_search SET \
     search_vector = setweight(to_tsvector('simple', NEW.search_title), 'A') \
     || to_tsvector('simple', NEW.search_text), \
     title_vector = to_tsvector('simple', NEW.search_title) \
     WHERE case_id = NEW.id; \
     RETURN NULL; \
     END $$",
    // Actions set only the columns they change (`to_changes`): the folded
    // texts are in an update's list when the title or description is edited.
    "CREATE TRIGGER case_search_update AFTER UPDATE OF search_title, search_text ON cases \
     FOR EACH ROW WHEN (OLD.search_title IS DISTINCT FROM NEW.search_title \
     OR OLD.search_text IS DISTINCT FROM NEW.search_text) \
     EXECUTE FUNCTION case_search_edited()",
    "ALTER TABLE cases DROP COLUMN search_vector, DROP COLUMN title_vector",
    "CREATE INDEX idx_case_search_search_vector ON case_search USING gin (search_vector) \
     WITH (gin_pending_list_limit = 64)",
    "CREATE INDEX idx_case_search_title_vector ON case_search USING gin (title_vector) \
     WITH (gin_pending_list_limit = 64)",
    // The planner's estimates of the words (`search::postgres::probe`).
    "ANALYZE case_search",
];

const DOWN: &[&str] = &[
    "DROP TRIGGER case_search_update ON cases",
    "DROP TRIGGER case_search_insert ON cases",
    "DROP FUNCTION case_search_edited()",
    "DROP FUNCTION case_search_filed()",
    "DROP TABLE case_search",
    "ALTER TABLE cases ADD COLUMN search_vector tsvector GENERATED ALWAYS AS \
     (setweight(to_tsvector('simple', search_title), 'A') || to_tsvector('simple', search_text)) STORED",
    "ALTER TABLE cases ADD COLUMN title_vector tsvector GENERATED ALWAYS AS \
     (to_tsvector('simple', search_title)) STORED",
    "CREATE INDEX idx_cases_search_vector ON cases USING gin (search_vector) \
     WITH (gin_pending_list_limit = 64)",
    "CREATE INDEX idx_cases_title_vector ON cases USING gin (title_vector) \
     WITH (gin_pending_list_limit = 64)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run_on(m, DbBackend::Postgres, UP).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run_on(m, DbBackend::Postgres, DOWN).await
    }
}
