//! Databases part-way through the migrations, to test an upgrade of data
//! written before a migration.

use migration::{Migrator, MigratorTrait};

use testkit::{Backend, TestDb};

/// A database migrated up to, not including, the migration `name`: data
/// written here meets that migration as an upgrade would.
pub async fn migrated_before(backend: Backend, name: &str) -> TestDb {
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no migration {name}"));
    let db = TestDb::unmigrated(backend).await;
    Migrator::up(db.store().connection(), Some(before as u32))
        .await
        .expect("migrate");
    db
}
