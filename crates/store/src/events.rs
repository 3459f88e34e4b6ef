//! Appending to a case's timeline. Events are never updated or deleted.

use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use workflow::{CaseId, Event};

use crate::StoreError;
use crate::entities::case_event;

/// Appends `events` after the case's last one; returns their ids in order.
pub(crate) async fn append_events(
    conn: &impl ConnectionTrait,
    case: CaseId,
    events: &[Event],
) -> Result<Vec<i64>, StoreError> {
    let last = last_seq(conn, case).await?;
    insert_events(conn, case, last.unwrap_or(0) + 1, events).await
}

/// The first events of a case just inserted (its timeline is empty, so
/// there is no last event to look up): numbered from 1.
pub(crate) async fn append_first_events(
    conn: &impl ConnectionTrait,
    case: CaseId,
    events: &[Event],
) -> Result<Vec<i64>, StoreError> {
    insert_events(conn, case, 1, events).await
}

async fn insert_events(
    conn: &impl ConnectionTrait,
    case: CaseId,
    first_seq: i32,
    events: &[Event],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(events.len());
    for (offset, event) in events.iter().enumerate() {
        let row = event_row(case, first_seq + offset as i32, event)
            .insert(conn)
            .await?;
        ids.push(row.id);
    }
    Ok(ids)
}

/// The row of `event`, the `seq`-th of `case`.
pub(crate) fn event_row(case: CaseId, seq: i32, event: &Event) -> case_event::ActiveModel {
    case_event::ActiveModel {
        case_id: Set(case.0),
        seq: Set(seq),
        action: Set(event.action.code().to_owned()),
        from_state: Set(event.from.map(|s| s.code().to_owned())),
        to_state: Set(event.to.code().to_owned()),
        actor_id: Set(event.actor.0),
        unit_id: Set(event.unit.0),
        payload: Set(event.payload.to_string()),
        created_at: Set(event.at),
        ..Default::default()
    }
}

/// The `seq` of the case's last event (`None` before the first).
pub(crate) async fn last_seq(
    conn: &impl ConnectionTrait,
    case: CaseId,
) -> Result<Option<i32>, StoreError> {
    Ok(case_event::Entity::find()
        .select_only()
        .expr(Func::max(Expr::col(case_event::Column::Seq)))
        .filter(case_event::Column::CaseId.eq(case.0))
        .into_tuple::<Option<i32>>()
        .one(conn)
        .await?
        .flatten())
}
