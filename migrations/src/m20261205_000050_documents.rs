//! Documents in the official layout (SPEC §15): a user's title for the
//! signature block (a table of its own: the `users` row stays as it was,
//! so code of this version runs on a database not yet migrated), a programme's number and signing date, and the
//! documents issued from the register, so that the annual report of a
//! year keeps the number it was given however often it is downloaded.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::{Units, Users};
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum UserTitles {
    Table,
    UserId,
    Title,
}

#[derive(DeriveIden, Clone, Copy)]
enum Programmes {
    Table,
    Number,
    SignedOn,
}

#[derive(DeriveIden, Clone, Copy)]
enum IssuedDocuments {
    Table,
    Id,
    IssuerUnitId,
    Kind,
    Year,
    Number,
    Subject,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(UserTitles::Table)
                .col(big_integer(UserTitles::UserId).primary_key())
                .col(string(UserTitles::Title))
                .foreign_key(&mut fk(UserTitles::Table, "user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        // SQLite alters one column per statement.
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .add_column(string_null(Programmes::Number))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .add_column(date_null(Programmes::SignedOn))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(IssuedDocuments::Table)
                .col(big_pk_auto(IssuedDocuments::Id))
                .col(big_integer(IssuedDocuments::IssuerUnitId))
                .col(string(IssuedDocuments::Kind))
                .col(integer(IssuedDocuments::Year))
                .col(big_integer(IssuedDocuments::Number))
                // What the document is of, e.g. `annual:2026:NB`: one
                // number per subject, taken the first time it is issued.
                .col(string(IssuedDocuments::Subject))
                .col(big_integer_null(IssuedDocuments::CreatedBy))
                .col(timestamp_with_time_zone(IssuedDocuments::CreatedAt))
                .foreign_key(&mut fk(
                    IssuedDocuments::Table,
                    "issuer_unit_id",
                    Units::Table,
                ))
                .foreign_key(&mut fk(IssuedDocuments::Table, "created_by", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                IssuedDocuments::Table,
                &["issuer_unit_id", "kind", "subject"],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                IssuedDocuments::Table,
                &["issuer_unit_id", "kind", "year", "number"],
            )
            .unique()
            .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IssuedDocuments::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .drop_column(Programmes::SignedOn)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .drop_column(Programmes::Number)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(UserTitles::Table).to_owned())
            .await
    }
}
