//! Requests counted per key in fixed windows (SPEC §8, §9): password-reset
//! requests per e-mail address and per client address, kept in the
//! database so that every replica counts the same.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RequestCounts {
    Table,
    Key,
    Requests,
    WindowStartedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RequestCounts::Table)
                // SHA-256 of what is counted and its subject (an e-mail
                // address, a client address): the table names no one.
                .col(string(RequestCounts::Key).primary_key())
                .col(integer(RequestCounts::Requests))
                .col(timestamp_with_time_zone(RequestCounts::WindowStartedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RequestCounts::Table).to_owned())
            .await
    }
}
