//! Sign-in: browser sessions (the SHA-256 of the cookie, its CSRF token and
//! expiry) and the failed sign-in counts per e-mail and address, kept in
//! the database so that every replica throttles alike (SPEC §8, §9).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::Users;
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Sessions {
    Table,
    Id,
    UserId,
    TokenHash,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum LoginAttempts {
    Table,
    Key,
    Failures,
    LastFailureAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(big_pk_auto(Sessions::Id))
                .col(big_integer(Sessions::UserId))
                // SHA-256 of the cookie value: a stolen table opens nothing.
                .col(string_uniq(Sessions::TokenHash))
                .col(string(Sessions::CsrfToken))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .foreign_key(&mut fk(Sessions::Table, "user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Sessions::Table, &["user_id"])).await?;
        m.create_index(index(Sessions::Table, &["expires_at"]))
            .await?;

        m.create_table(
            Table::create()
                .table(LoginAttempts::Table)
                // SHA-256 of the lower-cased e-mail and the client address:
                // the table names no one.
                .col(string(LoginAttempts::Key).primary_key())
                .col(integer(LoginAttempts::Failures))
                .col(timestamp_with_time_zone(LoginAttempts::LastFailureAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            LoginAttempts::Table.into_iden(),
            Sessions::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
