//! Ranked full-text search over the folded text of cases (SPEC §6.4).
//!
//! `search_text` becomes the folded words of code, title and description
//! (punctuation as spaces, so that both backends tokenise alike) and the new
//! `search_title` the folded words of code and title, which rank first.
//! SQLite: an FTS5 table with `cases` as its external content, kept in sync
//! by triggers inside the writing transaction. PostgreSQL: a generated
//! `tsvector` (simple configuration, title words weighted `A`) with a GIN
//! index. Existing rows are re-folded here with a copy of the folding as it
//! was when this migration was written, so that later changes to the
//! store's folding cannot change what this migration does.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Rows re-folded per statement round.
const BATCH: i64 = 1000;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared("ALTER TABLE cases ADD COLUMN search_title TEXT NOT NULL DEFAULT ''")
            .await?;
        refold(db).await?;
        match db.get_database_backend() {
            DbBackend::Sqlite => {
                for sql in SQLITE {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {
                for sql in POSTGRES {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let drops: &[&str] = match db.get_database_backend() {
            DbBackend::Sqlite => &[
                "DROP TRIGGER cases_fts_insert",
                "DROP TRIGGER cases_fts_update",
                "DROP TRIGGER cases_fts_delete",
                "DROP TABLE cases_fts",
            ],
            _ => &[
                "DROP INDEX idx_cases_search_vector",
                "ALTER TABLE cases DROP COLUMN search_vector",
            ],
        };
        for sql in drops {
            db.execute_unprepared(sql).await?;
        }
        db.execute_unprepared("ALTER TABLE cases DROP COLUMN search_title")
            .await?;
        Ok(())
    }
}

const SQLITE: &[&str] = &[
    // External content: the words live once, in `cases`; the index holds
    // two columns so that a query can ask for title words only.
    "CREATE VIRTUAL TABLE cases_fts USING fts5(search_title, search_text, \
     content='cases', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN \
     INSERT INTO cases_fts(rowid, search_title, search_text) \
     VALUES (new.id, new.search_title, new.search_text); END",
    "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN \
     INSERT INTO cases_fts(cases_fts, rowid, search_title, search_text) \
     VALUES ('delete', old.id, old.search_title, old.search_text); END",
    // Only when the words change: actions rewrite every column of a case
    // but change its text rarely.
    "CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_title, search_text ON cases \
     WHEN old.search_title IS NOT new.search_title OR old.search_text IS NOT new.search_text BEGIN \
     INSERT INTO cases_fts(cases_fts, rowid, search_title, search_text) \
     VALUES ('delete', old.id, old.search_title, old.search_text); \
     INSERT INTO cases_fts(rowid, search_title, search_text) \
     VALUES (new.id, new.search_title, new.search_text); END",
    "INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')",
];

const POSTGRES: &[&str] = &[
    "ALTER TABLE cases ADD COLUMN search_vector tsvector GENERATED ALWAYS AS \
     (setweight(to_tsvector('simple', search_title), 'A') || to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX idx_cases_search_vector ON cases USING gin (search_vector)",
];

/// Re-folds `search_text` and fills `search_title` for every case.
async fn refold(db: &SchemaManagerConnection<'_>) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let mut after = 0_i64;
    loop {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    DbBackend::Postgres => {
                        "SELECT id, code, title, description FROM cases WHERE id > $1 ORDER BY id LIMIT $2"
                    }
                    _ => {
                        "SELECT id, code, title, description FROM cases WHERE id > ? ORDER BY id LIMIT ?"
                    }
                },
                [after.into(), BATCH.into()],
            ))
            .await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.try_get("", "id")?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let code: String = row.try_get("", "code")?;
            let title: String = row.try_get("", "title")?;
            let description: String = row.try_get("", "description")?;
            let head = words(&format!("{code} {title}"));
            let text = words(&format!("{code} {title} {description}"));
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    DbBackend::Postgres => {
                        "UPDATE cases SET search_title = $1, search_text = $2 WHERE id = $3"
                    }
                    _ => "UPDATE cases SET search_title = ?, search_text = ? WHERE id = ?",
                },
                [head.into(), text.into(), id.into()],
            ))
            .await?;
        }
    }
}

/// Lower case, no diacritics, `đ` as `d`, every run of characters that are
/// not letters or digits as one space.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if !c.is_alphanumeric() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}
