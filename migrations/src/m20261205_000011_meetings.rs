//! Resolution meetings (SPEC §11): each one scheduled with `schedule_meeting`
//! or recorded with `log_meeting`, whether the board was represented when
//! it was held (the leader's dashboard counts those without it), and the
//! invitation of each invited unit (`failed` when the unit has no address,
//! so that nobody is left uninvited in silence).

use sea_orm_migration::{prelude::*, schema::*};

use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Meetings {
    Table,
    Id,
    CaseId,
    /// The `schedule_meeting` event; none for a meeting only logged.
    EventId,
    StartsAt,
    EndsAt,
    Place,
    ChairUnitId,
    Agenda,
    /// The calendar entry's `SEQUENCE`, raised by each update.
    Sequence,
    /// The `log_meeting` event that records it as held.
    LogEventId,
    HeldAt,
    BoardPresent,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MeetingInvitations {
    Table,
    MeetingId,
    UnitId,
    /// `queued` (e-mails in the outbox) or `failed` (no address).
    Status,
}

#[derive(DeriveIden, Clone, Copy)]
enum Cases {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Units {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Meetings::Table)
                .col(big_pk_auto(Meetings::Id))
                .col(big_integer(Meetings::CaseId))
                .col(big_integer_null(Meetings::EventId))
                .col(timestamp_with_time_zone(Meetings::StartsAt))
                .col(timestamp_with_time_zone_null(Meetings::EndsAt))
                .col(text_null(Meetings::Place))
                .col(big_integer(Meetings::ChairUnitId))
                .col(text_null(Meetings::Agenda))
                .col(integer(Meetings::Sequence).default(0))
                .col(big_integer_null(Meetings::LogEventId))
                .col(timestamp_with_time_zone_null(Meetings::HeldAt))
                .col(boolean_null(Meetings::BoardPresent))
                .col(timestamp_with_time_zone(Meetings::CreatedAt))
                .foreign_key(&mut fk(Meetings::Table, "case_id", Cases::Table))
                .foreign_key(&mut fk(Meetings::Table, "chair_unit_id", Units::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Meetings::Table, &["case_id"])).await?;
        m.create_table(
            Table::create()
                .table(MeetingInvitations::Table)
                .col(big_integer(MeetingInvitations::MeetingId))
                .col(big_integer(MeetingInvitations::UnitId))
                .col(string(MeetingInvitations::Status))
                .primary_key(
                    Index::create()
                        .col(MeetingInvitations::MeetingId)
                        .col(MeetingInvitations::UnitId),
                )
                .foreign_key(&mut fk(
                    MeetingInvitations::Table,
                    "meeting_id",
                    Meetings::Table,
                ))
                .foreign_key(&mut fk(MeetingInvitations::Table, "unit_id", Units::Table))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(MeetingInvitations::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Meetings::Table).to_owned())
            .await
    }
}
