//! Opening the database with the settings each backend needs.

use sea_orm::{DatabaseConnection, DbBackend};

use crate::StoreError;

/// A handle on the database; cheap to clone (a pool inside).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) db: DatabaseConnection,
}

impl Store {
    /// Connects to `url` (`sqlite://…?mode=rwc` or `postgres://…`), creating
    /// the SQLite file's directory if needed.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let _ = url;
        todo!()
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        todo!()
    }

    /// Whether the database answers (readiness).
    pub async fn ping(&self) -> Result<(), StoreError> {
        todo!()
    }

    /// SQLite or PostgreSQL.
    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// The connection, for the crates that build on the store.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }
}
