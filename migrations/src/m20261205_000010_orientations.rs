//! The document register (SPEC §15) and the orientation notices of §12:
//! each notice's number and version, its recipient units with their
//! acknowledgement, and the one-time links sent to them (stored as the
//! SHA-256 of the token, as password resets are).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::{Units, Users};
use crate::m20261122_000002_cases::{CaseEvents, Cases};
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum DocumentNumbers {
    Table,
    IssuerUnitId,
    Kind,
    Year,
    Last,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrientationNotices {
    Table,
    Id,
    CaseId,
    EventId,
    IssuerUnitId,
    Year,
    Number,
    Label,
    Version,
    ReplacesId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrientationRecipients {
    Table,
    Id,
    NoticeId,
    UnitId,
    AcknowledgedAt,
    AcknowledgedByUserId,
    AcknowledgedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrientationLinks {
    Table,
    Id,
    RecipientId,
    Email,
    TokenHash,
    OutboxKey,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One counter row per issuing unit, kind and year, incremented in
        // the issuing transaction: numbers in order, never two the same.
        m.create_table(
            Table::create()
                .table(DocumentNumbers::Table)
                .col(big_integer(DocumentNumbers::IssuerUnitId))
                .col(string(DocumentNumbers::Kind))
                .col(integer(DocumentNumbers::Year))
                .col(big_integer(DocumentNumbers::Last))
                .primary_key(
                    Index::create()
                        .col(DocumentNumbers::IssuerUnitId)
                        .col(DocumentNumbers::Kind)
                        .col(DocumentNumbers::Year),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrientationNotices::Table)
                .col(big_pk_auto(OrientationNotices::Id))
                .col(big_integer(OrientationNotices::CaseId))
                .col(big_integer(OrientationNotices::EventId))
                .col(big_integer(OrientationNotices::IssuerUnitId))
                .col(integer(OrientationNotices::Year))
                .col(big_integer(OrientationNotices::Number))
                .col(string(OrientationNotices::Label))
                .col(integer(OrientationNotices::Version))
                .col(big_integer_null(OrientationNotices::ReplacesId))
                .col(big_integer(OrientationNotices::CreatedBy))
                .col(timestamp_with_time_zone(OrientationNotices::CreatedAt))
                .foreign_key(&mut fk(OrientationNotices::Table, "case_id", Cases::Table))
                .foreign_key(&mut fk(
                    OrientationNotices::Table,
                    "event_id",
                    CaseEvents::Table,
                ))
                .foreign_key(&mut fk(
                    OrientationNotices::Table,
                    "issuer_unit_id",
                    Units::Table,
                ))
                .foreign_key(&mut fk(
                    OrientationNotices::Table,
                    "replaces_id",
                    OrientationNotices::Table,
                ))
                .foreign_key(&mut fk(
                    OrientationNotices::Table,
                    "created_by",
                    Users::Table,
                ))
                .to_owned(),
        )
        .await?;
        // The register's promise, held by the database too.
        m.create_index(
            index(
                OrientationNotices::Table,
                &["issuer_unit_id", "year", "number"],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(
            index(OrientationNotices::Table, &["case_id", "version"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index(OrientationNotices::Table, &["replaces_id"]))
            .await?;
        m.create_table(
            Table::create()
                .table(OrientationRecipients::Table)
                .col(big_pk_auto(OrientationRecipients::Id))
                .col(big_integer(OrientationRecipients::NoticeId))
                .col(big_integer(OrientationRecipients::UnitId))
                .col(timestamp_with_time_zone_null(
                    OrientationRecipients::AcknowledgedAt,
                ))
                .col(big_integer_null(
                    OrientationRecipients::AcknowledgedByUserId,
                ))
                // Who acknowledged, as a person reads it: a user's name, or
                // the address a link was sent to.
                .col(string_null(OrientationRecipients::AcknowledgedBy))
                .foreign_key(&mut fk(
                    OrientationRecipients::Table,
                    "notice_id",
                    OrientationNotices::Table,
                ))
                .foreign_key(&mut fk(
                    OrientationRecipients::Table,
                    "unit_id",
                    Units::Table,
                ))
                .foreign_key(&mut fk(
                    OrientationRecipients::Table,
                    "acknowledged_by_user_id",
                    Users::Table,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(OrientationRecipients::Table, &["notice_id", "unit_id"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index(OrientationRecipients::Table, &["unit_id"]))
            .await?;
        m.create_index(index(
            OrientationRecipients::Table,
            &["acknowledged_by_user_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(OrientationLinks::Table)
                .col(big_pk_auto(OrientationLinks::Id))
                .col(big_integer(OrientationLinks::RecipientId))
                .col(string(OrientationLinks::Email))
                // SHA-256 of the token in the link: a stolen table opens nothing.
                .col(string_uniq(OrientationLinks::TokenHash))
                .col(string(OrientationLinks::OutboxKey))
                .col(timestamp_with_time_zone(OrientationLinks::CreatedAt))
                .col(timestamp_with_time_zone(OrientationLinks::ExpiresAt))
                .foreign_key(&mut fk(
                    OrientationLinks::Table,
                    "recipient_id",
                    OrientationRecipients::Table,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(OrientationLinks::Table, &["recipient_id"]))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            OrientationLinks::Table.into_iden(),
            OrientationRecipients::Table.into_iden(),
            OrientationNotices::Table.into_iden(),
            DocumentNumbers::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
