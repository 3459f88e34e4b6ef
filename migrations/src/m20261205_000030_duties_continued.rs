//! Information duties, continued (SPEC §13): the verdict date of a court
//! case (the after-trial duty counts from it), the topic of an ad-hoc
//! request for information, several ad-hoc requests about one case, and
//! the documents a submission carries.

use sea_orm_migration::{prelude::*, schema::*};

use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Cases {
    Table,
    VerdictDate,
}

#[derive(DeriveIden, Clone, Copy)]
enum DutyInstances {
    Table,
    /// What an ad-hoc request asks for; none for the other kinds.
    Topic,
}

/// The files a duty's submission carried, kept content-addressed beside
/// the case attachments (same store, same limits); a duty has no case,
/// so they are not case attachments.
#[derive(DeriveIden, Clone, Copy)]
enum DutyFiles {
    Table,
    Id,
    DutyId,
    Filename,
    ContentType,
    Size,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
}

/// The index that made a case's trial duties unique per kind; it would
/// also allow a case a single ad-hoc request.
const CASE_KIND: &str = "idx_duty_instances_case_id_kind";
/// The same rule for the trial duties only.
const TRIAL_KIND: &str = "idx_duty_instances_trial_case_kind";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Cases::Table)
                .add_column(date_null(Cases::VerdictDate))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(DutyInstances::Table)
                .add_column(text_null(DutyInstances::Topic))
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name(CASE_KIND)
                .table(DutyInstances::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(TRIAL_KIND)
                .table(DutyInstances::Table)
                .col(Alias::new("case_id"))
                .col(Alias::new("kind"))
                .unique()
                // Written as the trial duties' upsert names it (store
                // `duties::trial`): SQLite matches the two as written.
                .and_where(Expr::cust("kind IN ('before_trial', 'after_trial')"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(DutyInstances::Table, &["case_id"]))
            .await?;
        m.create_table(
            Table::create()
                .table(DutyFiles::Table)
                .col(big_pk_auto(DutyFiles::Id))
                .col(big_integer(DutyFiles::DutyId))
                .col(text(DutyFiles::Filename))
                .col(string(DutyFiles::ContentType))
                .col(big_integer(DutyFiles::Size))
                .col(string(DutyFiles::Sha256))
                .col(big_integer(DutyFiles::UploadedBy))
                .col(timestamp_with_time_zone(DutyFiles::CreatedAt))
                .foreign_key(&mut fk(DutyFiles::Table, "duty_id", DutyInstances::Table))
                .foreign_key(&mut fk(DutyFiles::Table, "uploaded_by", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(DutyFiles::Table, &["duty_id"]))
            .await?;
        m.create_index(index(DutyFiles::Table, &["sha256"])).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DutyFiles::Table).to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name("idx_duty_instances_case_id")
                .table(DutyInstances::Table)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name(TRIAL_KIND)
                .table(DutyInstances::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(DutyInstances::Table, &["case_id", "kind"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(DutyInstances::Table)
                .drop_column(DutyInstances::Topic)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Cases::Table)
                .drop_column(Cases::VerdictDate)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
