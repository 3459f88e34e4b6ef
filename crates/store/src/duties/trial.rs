//! The court's two duties of a trial (SPEC §4.2), written in the
//! transaction of `set_trial_date` or `set_verdict_date`: created the
//! first time, their due times moved when a date changes (the after-trial
//! duty counts from the verdict once it is known, §13). Reminders already enqueued for the
//! old due time are dropped at send time (their key carries the due time).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use workflow::{Calendar, Case, DutyStatus, UnitKind, trial_court, trial_duties};

use super::kind;
use crate::StoreError;
use crate::entities::{duty_instance, unit, unit_area};

/// The condition of the partial unique index on `(case_id, kind)`
/// (migration `m20261205_000030_duties_continued`): the trial kinds.
const TRIAL_CONDITION: &str = "kind IN ('before_trial', 'after_trial')";

/// Creates or moves the court's trial duties of `case`, whose trial or
/// verdict date was just set. Does nothing for a case without a court or a board.
pub(crate) async fn on_trial_date(
    conn: &impl ConnectionTrait,
    case: &Case,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(date) = case.trial_date else {
        return Ok(());
    };
    let Some(court) = trial_court(case) else {
        return Ok(());
    };
    let Some(board) = board_for(conn, case.area.id.0).await? else {
        tracing::warn!(case = %case.code, "no board serves the case's area: no trial duties");
        return Ok(());
    };
    let due = trial_duties(date, case.verdict_date, calendar);
    for (kind, due_at) in [
        (kind::BEFORE_TRIAL, due.before_due),
        (kind::AFTER_TRIAL, due.after_due),
    ] {
        let row = duty_instance::ActiveModel {
            schedule_id: Set(None),
            case_id: Set(Some(case.id.0)),
            unit_id: Set(court.id.0),
            recipient_unit_id: Set(board),
            kind: Set(kind.to_owned()),
            period: Set(date.to_string()),
            due_at: Set(due_at),
            status: Set(DutyStatus::FIRST.code().to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        let created = duty_instance::Entity::insert(row)
            .on_conflict(
                // The unique index is partial (trial kinds only, so that a
                // case may have several ad-hoc requests): the conflict
                // target names its condition.
                OnConflict::columns([duty_instance::Column::CaseId, duty_instance::Column::Kind])
                    // Literal, as the index has it: SQLite must see that
                    // this condition implies the index's, which a bound
                    // parameter would hide.
                    .target_and_where(Expr::cust(TRIAL_CONDITION))
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
        if created == 0 {
            // The date moved: only a duty still owed follows it.
            duty_instance::Entity::update_many()
                .col_expr(duty_instance::Column::DueAt, Expr::value(due_at))
                .col_expr(duty_instance::Column::Period, Expr::value(date.to_string()))
                .col_expr(duty_instance::Column::UpdatedAt, Expr::value(now))
                .filter(duty_instance::Column::CaseId.eq(case.id.0))
                .filter(duty_instance::Column::Kind.eq(kind))
                .filter(duty_instance::Column::Status.is_in(super::read::codes(DutyStatus::OWED)))
                .exec(conn)
                .await?;
        }
    }
    Ok(())
}

/// The board that receives the court's information: the first unit (by
/// id) that receives duties (`UnitKind::receives_duties`) serving the
/// case's area or an area above it.
async fn board_for(conn: &impl ConnectionTrait, area: i64) -> Result<Option<i64>, StoreError> {
    let lineage = crate::org::lineage_of(conn, area).await?;
    let serving: Vec<i64> = unit_area::Entity::find()
        .filter(unit_area::Column::AreaId.is_in(lineage))
        .all(conn)
        .await?
        .into_iter()
        .map(|ua| ua.unit_id)
        .collect();
    Ok(unit::Entity::find()
        .filter(unit::Column::Id.is_in(serving))
        .filter(unit::Column::Kind.is_in(receiving_kinds()))
        .order_by_asc(unit::Column::Id)
        .one(conn)
        .await?
        .map(|u| u.id))
}

/// The codes of the unit kinds that receive duties.
fn receiving_kinds() -> Vec<&'static str> {
    UnitKind::ALL
        .iter()
        .filter(|kind| kind.receives_duties())
        .map(|kind| kind.code())
        .collect()
}
