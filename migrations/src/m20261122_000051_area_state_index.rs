//! An index for the commonest list of a commune's board or committee:
//! `GET /cases?state=…&area=<commune>`, newest first. With both equalities
//! in front, the database walks the cases of that area and state already in
//! `(created_at, id)` order and stops at the page size, instead of
//! scanning every case in the state for the few of one commune.

use sea_orm_migration::prelude::*;

use crate::index;
use crate::m20261122_000002_cases::Cases;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: &[&str] = &["area_id", "state", "created_at", "id"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index(Cases::Table, COLUMNS)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(format!("idx_cases_{}", COLUMNS.join("_")))
                .table(Cases::Table)
                .to_owned(),
        )
        .await
    }
}
