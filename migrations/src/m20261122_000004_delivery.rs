//! The e-mail outbox, idempotency keys and the audit log.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::Users;
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Outbox {
    Table,
    Id,
    Key,
    Kind,
    RecipientEmail,
    RecipientUserId,
    Lang,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedBy,
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum IdempotencyKeys {
    Table,
    UserId,
    Key,
    RequestHash,
    StatusCode,
    ResponseBody,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorUserId,
    Action,
    Detail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(big_pk_auto(Outbox::Id))
                // Cause + recipient, e.g. "duty:12:before-14:to:5": a retried
                // sweep inserts nothing twice.
                .col(string_uniq(Outbox::Key))
                .col(string(Outbox::Kind))
                .col(string(Outbox::RecipientEmail))
                .col(big_integer_null(Outbox::RecipientUserId))
                .col(string_len(Outbox::Lang, 8).default("vi"))
                .col(text(Outbox::Payload))
                .col(string(Outbox::Status))
                .col(integer(Outbox::Attempts).default(0))
                .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                .col(string_null(Outbox::ClaimedBy))
                .col(timestamp_with_time_zone_null(Outbox::ClaimedUntil))
                .col(text_null(Outbox::LastError))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(timestamp_with_time_zone_null(Outbox::SentAt))
                .foreign_key(&mut fk(Outbox::Table, "recipient_user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Outbox::Table, &["status", "next_attempt_at"]))
            .await?;

        m.create_table(
            Table::create()
                .table(IdempotencyKeys::Table)
                .col(big_integer(IdempotencyKeys::UserId))
                .col(string(IdempotencyKeys::Key))
                .col(string(IdempotencyKeys::RequestHash))
                .col(integer(IdempotencyKeys::StatusCode))
                .col(text(IdempotencyKeys::ResponseBody))
                .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(IdempotencyKeys::UserId)
                        .col(IdempotencyKeys::Key),
                )
                .foreign_key(&mut fk(IdempotencyKeys::Table, "user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(IdempotencyKeys::Table, &["created_at"]))
            .await?;

        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_pk_auto(AuditLog::Id))
                .col(timestamp_with_time_zone(AuditLog::At))
                .col(big_integer_null(AuditLog::ActorUserId))
                .col(string(AuditLog::Action))
                .col(text(AuditLog::Detail))
                .to_owned(),
        )
        .await?;
        m.create_index(index(AuditLog::Table, &["at"])).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AuditLog::Table.into_iden(),
            IdempotencyKeys::Table.into_iden(),
            Outbox::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
