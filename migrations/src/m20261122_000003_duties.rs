//! Coordination programmes, their parties and content items, duty schedules
//! and duty instances (SPEC §4).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::{Areas, Units, Users};
use crate::m20261122_000002_cases::Cases;
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Programmes {
    Table,
    Id,
    AreaId,
    Title,
    YearFrom,
    YearTo,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProgrammeParties {
    Table,
    ProgrammeId,
    UnitId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProgrammeItems {
    Table,
    Id,
    ProgrammeId,
    Number,
    Text,
}

#[derive(DeriveIden, Clone, Copy)]
enum DutySchedules {
    Table,
    Id,
    ProgrammeId,
    ProviderUnitId,
    RecipientUnitId,
    Cadence,
    DueDaysAfterEnd,
    ReminderBeforeDays,
    OverdueEveryDays,
    Active,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DutyInstances {
    Table,
    Id,
    ScheduleId,
    CaseId,
    UnitId,
    RecipientUnitId,
    Kind,
    Period,
    DueAt,
    Status,
    SubmittedAt,
    SubmittedBy,
    SubmissionText,
    AcknowledgedAt,
    AcknowledgedBy,
    WaivedReason,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Programmes::Table)
                .col(big_pk_auto(Programmes::Id))
                .col(big_integer(Programmes::AreaId))
                .col(text(Programmes::Title))
                .col(integer(Programmes::YearFrom))
                .col(integer(Programmes::YearTo))
                .col(timestamp_with_time_zone(Programmes::CreatedAt))
                .foreign_key(&mut fk(Programmes::Table, "area_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Programmes::Table, &["area_id", "year_from"]))
            .await?;

        m.create_table(
            Table::create()
                .table(ProgrammeParties::Table)
                .col(big_integer(ProgrammeParties::ProgrammeId))
                .col(big_integer(ProgrammeParties::UnitId))
                .primary_key(
                    Index::create()
                        .col(ProgrammeParties::ProgrammeId)
                        .col(ProgrammeParties::UnitId),
                )
                .foreign_key(&mut fk(
                    ProgrammeParties::Table,
                    "programme_id",
                    Programmes::Table,
                ))
                .foreign_key(&mut fk(ProgrammeParties::Table, "unit_id", Units::Table))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProgrammeItems::Table)
                .col(big_pk_auto(ProgrammeItems::Id))
                .col(big_integer(ProgrammeItems::ProgrammeId))
                .col(integer(ProgrammeItems::Number))
                .col(text(ProgrammeItems::Text))
                .foreign_key(&mut fk(
                    ProgrammeItems::Table,
                    "programme_id",
                    Programmes::Table,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(ProgrammeItems::Table, &["programme_id", "number"])
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DutySchedules::Table)
                .col(big_pk_auto(DutySchedules::Id))
                .col(big_integer(DutySchedules::ProgrammeId))
                .col(big_integer(DutySchedules::ProviderUnitId))
                .col(big_integer(DutySchedules::RecipientUnitId))
                .col(string(DutySchedules::Cadence))
                .col(integer(DutySchedules::DueDaysAfterEnd))
                // Comma-separated days, e.g. "14,3".
                .col(string(DutySchedules::ReminderBeforeDays))
                .col(integer(DutySchedules::OverdueEveryDays))
                .col(boolean(DutySchedules::Active).default(true))
                .col(timestamp_with_time_zone(DutySchedules::CreatedAt))
                .foreign_key(&mut fk(
                    DutySchedules::Table,
                    "programme_id",
                    Programmes::Table,
                ))
                .foreign_key(&mut fk(
                    DutySchedules::Table,
                    "provider_unit_id",
                    Units::Table,
                ))
                .foreign_key(&mut fk(
                    DutySchedules::Table,
                    "recipient_unit_id",
                    Units::Table,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                DutySchedules::Table,
                &[
                    "programme_id",
                    "provider_unit_id",
                    "recipient_unit_id",
                    "cadence",
                ],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DutyInstances::Table)
                .col(big_pk_auto(DutyInstances::Id))
                .col(big_integer_null(DutyInstances::ScheduleId))
                .col(big_integer_null(DutyInstances::CaseId))
                .col(big_integer(DutyInstances::UnitId))
                .col(big_integer(DutyInstances::RecipientUnitId))
                .col(string(DutyInstances::Kind))
                .col(string(DutyInstances::Period))
                .col(timestamp_with_time_zone(DutyInstances::DueAt))
                .col(string(DutyInstances::Status))
                .col(timestamp_with_time_zone_null(DutyInstances::SubmittedAt))
                .col(big_integer_null(DutyInstances::SubmittedBy))
                .col(text_null(DutyInstances::SubmissionText))
                .col(timestamp_with_time_zone_null(DutyInstances::AcknowledgedAt))
                .col(big_integer_null(DutyInstances::AcknowledgedBy))
                .col(text_null(DutyInstances::WaivedReason))
                .col(timestamp_with_time_zone(DutyInstances::CreatedAt))
                .col(timestamp_with_time_zone(DutyInstances::UpdatedAt))
                .foreign_key(&mut fk(
                    DutyInstances::Table,
                    "schedule_id",
                    DutySchedules::Table,
                ))
                .foreign_key(&mut fk(DutyInstances::Table, "case_id", Cases::Table))
                .foreign_key(&mut fk(DutyInstances::Table, "unit_id", Units::Table))
                .foreign_key(&mut fk(
                    DutyInstances::Table,
                    "recipient_unit_id",
                    Units::Table,
                ))
                .foreign_key(&mut fk(DutyInstances::Table, "submitted_by", Users::Table))
                .foreign_key(&mut fk(
                    DutyInstances::Table,
                    "acknowledged_by",
                    Users::Table,
                ))
                .to_owned(),
        )
        .await?;
        // One instance per schedule and period, and per case and trial duty:
        // materialising twice is a no-op.
        m.create_index(
            index(DutyInstances::Table, &["schedule_id", "period"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(DutyInstances::Table, &["case_id", "kind"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index(DutyInstances::Table, &["status", "due_at"]))
            .await?;
        m.create_index(index(DutyInstances::Table, &["unit_id", "period"]))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            DutyInstances::Table.into_iden(),
            DutySchedules::Table.into_iden(),
            ProgrammeItems::Table.into_iden(),
            ProgrammeParties::Table.into_iden(),
            Programmes::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
