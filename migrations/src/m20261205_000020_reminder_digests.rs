//! Reminders gathered into one digest a day per address (SPEC §14): the
//! sweep writes each reminder step of each recipient as an item under
//! the old outbox key (`<cause>:to:<address>`), then stamps an address's
//! waiting items with the key of the day's digest e-mail in the same
//! transaction that enqueues it. A reminder that reaches no address is
//! an item too, `undeliverable`, keyed `<cause>:undeliverable`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ReminderItems {
    Table,
    Id,
    /// `<cause>:to:<address>` or `<cause>:undeliverable`: once per step.
    Key,
    /// `duty_reminder` or `case_reminder`.
    Kind,
    /// What it is about (`duty:12`, `case:5:answer`): a digest lists
    /// one item per subject.
    Subject,
    /// None for an undeliverable reminder.
    RecipientEmail,
    RecipientUserId,
    Lang,
    Payload,
    DueAt,
    /// `pending` (waiting for a digest), `digested`, `undeliverable`.
    Status,
    /// The outbox key of the digest that carries it.
    DigestKey,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReminderItems::Table)
                .col(big_pk_auto(ReminderItems::Id))
                .col(string_uniq(ReminderItems::Key))
                .col(string(ReminderItems::Kind))
                .col(string(ReminderItems::Subject))
                .col(string_null(ReminderItems::RecipientEmail))
                .col(big_integer_null(ReminderItems::RecipientUserId))
                .col(string(ReminderItems::Lang))
                .col(text(ReminderItems::Payload))
                .col(timestamp_with_time_zone(ReminderItems::DueAt))
                .col(string(ReminderItems::Status))
                .col(string_null(ReminderItems::DigestKey))
                .col(timestamp_with_time_zone(ReminderItems::CreatedAt))
                .to_owned(),
        )
        .await?;
        // The sweep looks for the waiting items; the dispatcher for a
        // digest's items.
        m.create_index(index(ReminderItems::Table, &["status", "recipient_email"]))
            .await?;
        m.create_index(index(ReminderItems::Table, &["digest_key"]))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReminderItems::Table).to_owned())
            .await
    }
}
