//! Cases, their coordinating units, their append-only events, attachments
//! and the per-(province, year) code counters.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::{Areas, Units, Users};
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Cases {
    Table,
    Id,
    Code,
    AreaId,
    Title,
    Description,
    SearchText,
    Category,
    Source,
    Sensitivity,
    Priority,
    HotspotRisk,
    PeopleAffected,
    ReporterId,
    LeadUnitId,
    State,
    EscalatedFrom,
    ResultPublished,
    MergedIntoId,
    TrialDate,
    TriageDue,
    TriageRule,
    AnswerDue,
    AnswerRule,
    ResolutionDue,
    ResolutionRule,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CaseCoordinatingUnits {
    Table,
    CaseId,
    UnitId,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum CaseEvents {
    Table,
    Id,
    CaseId,
    Seq,
    Action,
    FromState,
    ToState,
    ActorId,
    UnitId,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Attachments {
    Table,
    Id,
    CaseId,
    EventId,
    Filename,
    ContentType,
    Size,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CaseCodeCounters {
    Table,
    Prefix,
    Year,
    Last,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CaseCodeCounters::Table)
                .col(string(CaseCodeCounters::Prefix))
                .col(integer(CaseCodeCounters::Year))
                .col(big_integer(CaseCodeCounters::Last))
                .primary_key(
                    Index::create()
                        .col(CaseCodeCounters::Prefix)
                        .col(CaseCodeCounters::Year),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Cases::Table)
                .col(big_pk_auto(Cases::Id))
                .col(string_uniq(Cases::Code))
                .col(big_integer(Cases::AreaId))
                .col(text(Cases::Title))
                .col(text(Cases::Description))
                // Lower-case, diacritics and đ folded (SPEC §6.4).
                .col(text(Cases::SearchText))
                .col(string(Cases::Category))
                .col(string(Cases::Source))
                .col(string(Cases::Sensitivity))
                .col(string(Cases::Priority))
                .col(string_null(Cases::HotspotRisk))
                .col(big_integer_null(Cases::PeopleAffected))
                .col(big_integer(Cases::ReporterId))
                .col(big_integer_null(Cases::LeadUnitId))
                .col(string(Cases::State))
                .col(string_null(Cases::EscalatedFrom))
                .col(boolean(Cases::ResultPublished).default(false))
                .col(big_integer_null(Cases::MergedIntoId))
                .col(date_null(Cases::TrialDate))
                .col(timestamp_with_time_zone_null(Cases::TriageDue))
                .col(string_null(Cases::TriageRule))
                .col(timestamp_with_time_zone_null(Cases::AnswerDue))
                .col(string_null(Cases::AnswerRule))
                .col(timestamp_with_time_zone_null(Cases::ResolutionDue))
                .col(string_null(Cases::ResolutionRule))
                .col(big_integer(Cases::Version))
                .col(timestamp_with_time_zone(Cases::CreatedAt))
                .col(timestamp_with_time_zone(Cases::UpdatedAt))
                .foreign_key(&mut fk(Cases::Table, "area_id", Areas::Table))
                .foreign_key(&mut fk(Cases::Table, "reporter_id", Users::Table))
                .foreign_key(&mut fk(Cases::Table, "lead_unit_id", Units::Table))
                .foreign_key(&mut fk(Cases::Table, "merged_into_id", Cases::Table))
                .to_owned(),
        )
        .await?;
        // The list filters of §6.2 and the scheduler's deadline scans; every
        // list is ordered by (created_at, id) for cursor pagination.
        for cols in [
            &["state", "created_at", "id"][..],
            &["area_id", "created_at", "id"],
            &["created_at", "id"],
            &["lead_unit_id", "state"],
            &["reporter_id", "created_at"],
            &["category", "created_at"],
            &["state", "triage_due"],
            &["state", "answer_due"],
            &["state", "resolution_due"],
        ] {
            m.create_index(index(Cases::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(CaseCoordinatingUnits::Table)
                .col(big_integer(CaseCoordinatingUnits::CaseId))
                .col(big_integer(CaseCoordinatingUnits::UnitId))
                .primary_key(
                    Index::create()
                        .col(CaseCoordinatingUnits::CaseId)
                        .col(CaseCoordinatingUnits::UnitId),
                )
                .foreign_key(&mut fk(
                    CaseCoordinatingUnits::Table,
                    "case_id",
                    Cases::Table,
                ))
                .foreign_key(&mut fk(
                    CaseCoordinatingUnits::Table,
                    "unit_id",
                    Units::Table,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(CaseCoordinatingUnits::Table, &["unit_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table(CaseEvents::Table)
                .col(big_pk_auto(CaseEvents::Id))
                .col(big_integer(CaseEvents::CaseId))
                .col(integer(CaseEvents::Seq))
                .col(string(CaseEvents::Action))
                .col(string_null(CaseEvents::FromState))
                .col(string(CaseEvents::ToState))
                .col(big_integer(CaseEvents::ActorId))
                .col(big_integer(CaseEvents::UnitId))
                .col(text(CaseEvents::Payload))
                .col(timestamp_with_time_zone(CaseEvents::CreatedAt))
                .foreign_key(&mut fk(CaseEvents::Table, "case_id", Cases::Table))
                .foreign_key(&mut fk(CaseEvents::Table, "actor_id", Users::Table))
                .foreign_key(&mut fk(CaseEvents::Table, "unit_id", Units::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(CaseEvents::Table, &["case_id", "seq"])
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Attachments::Table)
                .col(big_pk_auto(Attachments::Id))
                .col(big_integer(Attachments::CaseId))
                .col(big_integer_null(Attachments::EventId))
                .col(string(Attachments::Filename))
                .col(string(Attachments::ContentType))
                .col(big_integer(Attachments::Size))
                .col(string(Attachments::Sha256))
                .col(big_integer(Attachments::UploadedBy))
                .col(timestamp_with_time_zone(Attachments::CreatedAt))
                .foreign_key(&mut fk(Attachments::Table, "case_id", Cases::Table))
                .foreign_key(&mut fk(Attachments::Table, "event_id", CaseEvents::Table))
                .foreign_key(&mut fk(Attachments::Table, "uploaded_by", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Attachments::Table, &["case_id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Attachments::Table.into_iden(),
            CaseEvents::Table.into_iden(),
            CaseCoordinatingUnits::Table.into_iden(),
            Cases::Table.into_iden(),
            CaseCodeCounters::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
