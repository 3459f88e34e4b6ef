//! The migrations of noicom, one file each (sea-orm-migration names a
//! migration after its file). They run on SQLite and PostgreSQL from empty.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_organisation;
mod m20261122_000002_cases;
mod m20261122_000003_duties;
mod m20261122_000004_delivery;
mod m20261122_000005_sign_in;
mod m20261122_000030_password_resets;
mod m20261122_000050_search_index;
mod m20261122_000051_area_state_index;
mod m20261122_000060_request_counts;
mod m20261122_000070_title_vector;
mod m20261123_000010_search_prefixes;
mod m20261123_000020_search_merges;
mod m20261123_000030_merged_into_index;
mod m20261205_000010_orientations;
mod m20261205_000011_meetings;
mod m20261205_000020_reminder_digests;
mod m20261205_000030_duties_continued;
mod m20261205_000050_documents;
mod m20261206_000010_opinion_network;
mod m20261206_000030_opinion_report_once;
mod m20261206_000040_alert_signal_index;
mod m20261207_000010_org_generation;
mod m20261207_000020_gin_pending_lists;
mod m20261207_000030_title_search;
mod m20261208_000010_case_search;

/// Every migration, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_organisation::Migration),
            Box::new(m20261122_000002_cases::Migration),
            Box::new(m20261122_000003_duties::Migration),
            Box::new(m20261122_000004_delivery::Migration),
            Box::new(m20261122_000005_sign_in::Migration),
            Box::new(m20261122_000050_search_index::Migration),
            Box::new(m20261122_000051_area_state_index::Migration),
            // Applied after the migrations main had first.
            Box::new(m20261122_000030_password_resets::Migration),
            Box::new(m20261122_000060_request_counts::Migration),
            Box::new(m20261122_000070_title_vector::Migration),
            Box::new(m20261123_000010_search_prefixes::Migration),
            Box::new(m20261123_000020_search_merges::Migration),
            Box::new(m20261123_000030_merged_into_index::Migration),
            Box::new(m20261205_000010_orientations::Migration),
            Box::new(m20261205_000011_meetings::Migration),
            Box::new(m20261205_000020_reminder_digests::Migration),
            Box::new(m20261205_000030_duties_continued::Migration),
            Box::new(m20261205_000050_documents::Migration),
            Box::new(m20261206_000010_opinion_network::Migration),
            Box::new(m20261206_000030_opinion_report_once::Migration),
            Box::new(m20261206_000040_alert_signal_index::Migration),
            Box::new(m20261207_000010_org_generation::Migration),
            Box::new(m20261207_000020_gin_pending_lists::Migration),
            Box::new(m20261207_000030_title_search::Migration),
            Box::new(m20261208_000010_case_search::Migration),
        ]
    }
}

/// Runs `statements` in order when the database is `backend`'s; on the
/// other backend the migration has nothing to do.
pub(crate) async fn run_on(
    m: &SchemaManager<'_>,
    backend: sea_orm_migration::sea_orm::DbBackend,
    statements: &[&str],
) -> Result<(), DbErr> {
    use sea_orm_migration::sea_orm::ConnectionTrait;
    let db = m.get_connection();
    if db.get_database_backend() != backend {
        return Ok(());
    }
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

/// Creates an index named `idx_<table>_<columns>`.
pub(crate) fn index<T>(table: T, columns: &[&'static str]) -> IndexCreateStatement
where
    T: Iden + Copy + 'static,
{
    let mut stmt = Index::create();
    stmt.name(format!("idx_{}_{}", table.to_string(), columns.join("_")))
        .table(table);
    for c in columns {
        stmt.col(Alias::new(*c));
    }
    stmt
}

/// A foreign key from `from.col` to `to.id`.
pub(crate) fn fk<A, B>(from: A, col: &'static str, to: B) -> ForeignKeyCreateStatement
where
    A: Iden + Copy + 'static,
    B: Iden + Copy + 'static,
{
    ForeignKey::create()
        .name(format!("fk_{}_{}", from.to_string(), col))
        .from(from, Alias::new(col))
        .to(to, Alias::new("id"))
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}
