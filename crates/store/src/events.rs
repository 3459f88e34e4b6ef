//! Appending to a case's timeline. Events are never updated or deleted.

use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use workflow::{CaseId, Event};

use crate::StoreError;
use crate::entities::case_event;

/// Appends `events` after the case's last one; returns their ids in order.
/// Each is numbered in its own `INSERT` ([`event_values`]): the write
/// lock the action holds is held that much less.
pub(crate) async fn append_events(
    conn: &impl ConnectionTrait,
    case: CaseId,
    events: &[Event],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(events.len());
    for event in events {
        ids.push(append_event(conn, case, event).await?);
    }
    Ok(ids)
}

/// One event after the case's last; returns its id.
async fn append_event(
    conn: &impl ConnectionTrait,
    case: CaseId,
    event: &Event,
) -> Result<i64, StoreError> {
    let mut insert = Query::insert();
    insert
        .into_table(case_event::Entity)
        .columns(EVENT_COLUMNS)
        .values_panic(event_values(case, event))
        .returning_col(case_event::Column::Id);
    let statement = conn.get_database_backend().build(&insert);
    let row = conn
        .query_one_raw(statement)
        .await?
        .ok_or_else(|| StoreError::Io("sự kiện không được ghi".to_owned()))?;
    Ok(row.try_get::<i64>("", "id")?)
}

/// The columns [`event_values`] fills, in its order.
pub(crate) const EVENT_COLUMNS: [case_event::Column; 9] = {
    use case_event::Column as C;
    [
        C::CaseId,
        C::Seq,
        C::Action,
        C::FromState,
        C::ToState,
        C::ActorId,
        C::UnitId,
        C::Payload,
        C::CreatedAt,
    ]
};

/// The values of an event whose id was taken beforehand (its e-mails name
/// it), in the order of [`columns_with_id`].
pub(crate) fn values_with_id(id: i64, case: CaseId, event: &Event) -> Vec<Expr> {
    let mut values = vec![Expr::val(id)];
    values.extend(event_values(case, event));
    values
}

/// [`EVENT_COLUMNS`] with the id first.
pub(crate) fn columns_with_id() -> Vec<case_event::Column> {
    let mut columns = vec![case_event::Column::Id];
    columns.extend(EVENT_COLUMNS);
    columns
}

/// The values of `event` after the case's last, numbered by a sub-select
/// of its insert: an action's event costs one round trip, not two.
pub(crate) fn event_values(case: CaseId, event: &Event) -> [Expr; 9] {
    use case_event::Column as C;
    let next_seq = Query::select()
        .expr(
            Expr::expr(Func::coalesce([
                Expr::expr(Func::max(Expr::col(C::Seq))),
                Expr::val(0),
            ]))
            .add(1),
        )
        .from(case_event::Entity)
        .and_where(Expr::col(C::CaseId).eq(case.0))
        .to_owned();
    [
        Expr::val(case.0),
        Expr::SubQuery(None, Box::new(next_seq.into())),
        Expr::val(event.action.code()),
        Expr::val(event.from.map(|s| s.code().to_owned())),
        Expr::val(event.to.code()),
        Expr::val(event.actor.0),
        Expr::val(event.unit.0),
        Expr::val(event.payload.to_string()),
        Expr::val(event.at),
    ]
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
