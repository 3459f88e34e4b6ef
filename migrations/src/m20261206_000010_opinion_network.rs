//! The public-opinion network (SPEC §16): the collaborator profile of a
//! `reporter` user and the areas they cover (side tables: the `users` row
//! stays as it was), their opinion reports and the items in them, and the
//! early-warning alerts, one per area × category × week.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_organisation::{Areas, Users};
use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Collaborators {
    Table,
    UserId,
    Kind,
    TermFrom,
    TermUntil,
    Active,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CollaboratorAreas {
    Table,
    UserId,
    AreaId,
}

#[derive(DeriveIden, Clone, Copy)]
enum OpinionReports {
    Table,
    Id,
    ReporterId,
    AreaId,
    /// `2026-11` for a monthly report; none for a quick one.
    Period,
    Quick,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OpinionItems {
    Table,
    Id,
    ReportId,
    Position,
    Category,
    Summary,
    Mood,
    Reach,
    Source,
    PeopleAffected,
    /// The case a board officer filed from this item.
    CaseId,
}

#[derive(DeriveIden, Clone, Copy)]
enum HotspotAlerts {
    Table,
    Id,
    AreaId,
    Category,
    /// The Monday the alert's week starts on (local date).
    WeekStart,
    Reason,
    Observed,
    Baseline,
    /// The upper-tail probability of the observed signal; none for a
    /// high-risk case.
    PValue,
    CreatedAt,
    AcknowledgedBy,
    AcknowledgedAt,
    AcknowledgementNote,
}

#[derive(DeriveIden, Clone, Copy)]
enum Cases {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Collaborators::Table)
                .col(big_integer(Collaborators::UserId).primary_key())
                .col(string(Collaborators::Kind))
                .col(date(Collaborators::TermFrom))
                .col(date_null(Collaborators::TermUntil))
                .col(boolean(Collaborators::Active).default(true))
                .col(timestamp_with_time_zone(Collaborators::UpdatedAt))
                .foreign_key(&mut fk(Collaborators::Table, "user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CollaboratorAreas::Table)
                .col(big_integer(CollaboratorAreas::UserId))
                .col(big_integer(CollaboratorAreas::AreaId))
                .primary_key(
                    Index::create()
                        .col(CollaboratorAreas::UserId)
                        .col(CollaboratorAreas::AreaId),
                )
                .foreign_key(&mut fk(CollaboratorAreas::Table, "user_id", Users::Table))
                .foreign_key(&mut fk(CollaboratorAreas::Table, "area_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OpinionReports::Table)
                .col(big_pk_auto(OpinionReports::Id))
                .col(big_integer(OpinionReports::ReporterId))
                .col(big_integer(OpinionReports::AreaId))
                .col(string_null(OpinionReports::Period))
                .col(boolean(OpinionReports::Quick).default(false))
                .col(timestamp_with_time_zone(OpinionReports::CreatedAt))
                .foreign_key(&mut fk(OpinionReports::Table, "reporter_id", Users::Table))
                .foreign_key(&mut fk(OpinionReports::Table, "area_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(OpinionReports::Table, &["area_id", "created_at"]).to_owned())
            .await?;
        m.create_index(index(OpinionReports::Table, &["reporter_id", "period"]).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(OpinionItems::Table)
                .col(big_pk_auto(OpinionItems::Id))
                .col(big_integer(OpinionItems::ReportId))
                .col(integer(OpinionItems::Position))
                .col(string(OpinionItems::Category))
                .col(text(OpinionItems::Summary))
                .col(string(OpinionItems::Mood))
                .col(string(OpinionItems::Reach))
                .col(string(OpinionItems::Source))
                .col(big_integer_null(OpinionItems::PeopleAffected))
                .col(big_integer_null(OpinionItems::CaseId))
                .foreign_key(&mut fk(
                    OpinionItems::Table,
                    "report_id",
                    OpinionReports::Table,
                ))
                .foreign_key(&mut fk(OpinionItems::Table, "case_id", Cases::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(OpinionItems::Table, &["report_id", "position"]).to_owned())
            .await?;
        m.create_index(index(OpinionItems::Table, &["case_id"]).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(HotspotAlerts::Table)
                .col(big_pk_auto(HotspotAlerts::Id))
                .col(big_integer(HotspotAlerts::AreaId))
                .col(string(HotspotAlerts::Category))
                .col(date(HotspotAlerts::WeekStart))
                .col(string(HotspotAlerts::Reason))
                .col(double(HotspotAlerts::Observed))
                .col(double(HotspotAlerts::Baseline))
                .col(double_null(HotspotAlerts::PValue))
                .col(timestamp_with_time_zone(HotspotAlerts::CreatedAt))
                .col(big_integer_null(HotspotAlerts::AcknowledgedBy))
                .col(timestamp_with_time_zone_null(HotspotAlerts::AcknowledgedAt))
                .col(text_null(HotspotAlerts::AcknowledgementNote))
                .foreign_key(&mut fk(HotspotAlerts::Table, "area_id", Areas::Table))
                .foreign_key(&mut fk(
                    HotspotAlerts::Table,
                    "acknowledged_by",
                    Users::Table,
                ))
                .to_owned(),
        )
        .await?;
        // Once per area × category × week, however many sweeps run at once.
        m.create_index(
            index(HotspotAlerts::Table, &["area_id", "category", "week_start"])
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(HotspotAlerts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OpinionItems::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OpinionReports::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CollaboratorAreas::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Collaborators::Table).to_owned())
            .await
    }
}
