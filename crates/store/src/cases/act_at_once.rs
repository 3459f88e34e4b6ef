//! An action in one statement on PostgreSQL (SPEC §17, W3). In a
//! transaction of its own an accept cost seven round trips (the caller,
//! begin, the case, its update, its event, its e-mail, commit), and on a
//! machine whose database shares two cores with the server the CPU of each
//! round trip, on both sides, was most of the action's cost. Here the case
//! is read with the id its event will take, the rules decide, and when the
//! action writes nothing but the case's row, its event and its e-mails
//! (an accept, an assignment, most of the board's moves) those are one
//! statement: `WITH` queries whose inserts read the update's row, so that a
//! compare-and-set that finds no row writes nothing. A statement outside a
//! transaction block is a transaction of its own: the action is on disk
//! when it returns, as before. Any other action is written as before.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, CommonTableExpression, Expr, Query, WithClause};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    FromQueryResult, QueryFilter, QuerySelect, QueryTrait, SqlErr,
};
use workflow::{Case, Event};

use super::act::{Plain, decide, write};
use super::group_commit::Action;
use super::row::{Stored, by_key, find, not_found, to_changes, units_of_case, with_units};
use crate::entities::{case, case_event, outbox};
use crate::events::{columns_with_id, values_with_id};
use crate::outbox::{MAIL_COLUMNS, Mail, mail_values, notice_mails, once_per_key};
use crate::{Store, StoreError};

/// How many times the statement is tried when an event was numbered
/// meanwhile.
const TRIES: usize = 3;

/// The names the statement's parts go by.
const UPDATED: &str = "noicom_updated";
const UNITS: &str = "noicom_units";
const EVENT_ID: &str = "noicom_event_id";

impl Store {
    /// Carries out `action` (no files, no idempotency key) on PostgreSQL,
    /// in one statement when it can ([`super::act::Decided::writes_case_event_and_mails`]).
    pub(super) async fn act_at_once(&self, action: &Action) -> Result<Case, StoreError> {
        let db = &self.writes;
        let (stored, event_id) = read_reserving(db, &action.case).await?;
        let decided = decide(db, action, Some(stored)).await?;
        if !decided.writes_case_event_and_mails() {
            let tx = self.write_tx().await?;
            let case = write(&tx, action, decided, &mut false).await?;
            tx.commit().await?;
            return Ok(case);
        }
        let Plain {
            row,
            before,
            after,
            event,
            notices,
        } = decided.into_plain()?;
        let mails =
            notice_mails(db, &action.org, &after, &notices, Some((event_id, &event))).await?;
        let update = case::Entity::update_many()
            .set(to_changes(&before, &after))
            .filter(case::Column::Id.eq(row.id))
            .filter(case::Column::Version.eq(before.version))
            .into_query()
            .returning_col(case::Column::Id)
            .to_owned();
        let statement = Query::select()
            .column(case::Column::Id)
            .from(Alias::new(UPDATED))
            .to_owned()
            .with(inserts_after(
                update, event_id, &after, &event, &mails, action.now,
            )?);
        let statement = db.get_database_backend().build(&statement);
        // The event's number is read in the statement's snapshot, taken
        // before it waited for the case's row: an event added meanwhile
        // (a file, under that row's lock) takes the same number, and the
        // statement fails having written nothing. Again, in a new snapshot.
        let mut tries = 1;
        let written = loop {
            match db.query_all_raw(statement.clone()).await {
                Err(e) if tries < TRIES && is_unique_violation(&e) => tries += 1,
                written => break written?,
            }
        };
        if written.is_empty() {
            let current = find(db, &row.id.to_string()).await?.version;
            return Err(StoreError::VersionConflict {
                given: action.version,
                current,
            });
        }
        Ok(after)
    }
}

/// A unique key taken: only the event's number can be (its id is new, a
/// mail already written is skipped).
fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The case `id_or_code` with its coordinating units, and an id for the
/// event an action on it appends, taken from the events' sequence in the
/// same statement (an id unused when the action is refused is a gap).
async fn read_reserving(
    db: &DatabaseConnection,
    id_or_code: &str,
) -> Result<(Stored, i64), StoreError> {
    let key = id_or_code.trim();
    let select = by_key(key)
        .expr_as(units_of_case(DbBackend::Postgres), UNITS)
        .expr_as(
            Expr::cust("nextval(pg_get_serial_sequence('case_events', 'id'))"),
            EVENT_ID,
        );
    let row = db
        .query_one_raw(select.build(DbBackend::Postgres))
        .await?
        .ok_or_else(|| not_found(key))?;
    let case = case::Model::from_query_result(&row, "")?;
    let units: Option<String> = row.try_get("", UNITS)?;
    let event_id: i64 = row.try_get("", EVENT_ID)?;
    Ok((with_units(case, units.as_deref())?, event_id))
}

/// `update` (of one case, returning its id) and, each only if it updated
/// the row, the insert of `event` under `event_id` and of every mail.
fn inserts_after(
    update: sea_orm::sea_query::UpdateStatement,
    event_id: i64,
    case: &Case,
    event: &Event,
    mails: &[Mail],
    now: DateTime<Utc>,
) -> Result<WithClause, DbErr> {
    let mut with = WithClause::new();
    with.cte(part(UPDATED.to_owned(), update));
    let only_if_updated = |values: Vec<Expr>| {
        Query::select()
            .exprs(values)
            .from(Alias::new(UPDATED))
            .to_owned()
    };
    let mut insert = Query::insert();
    insert
        .into_table(case_event::Entity)
        .columns(columns_with_id())
        .select_from(only_if_updated(values_with_id(event_id, case.id, event)))
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    with.cte(part("noicom_event".to_owned(), insert));
    for (n, mail) in mails.iter().enumerate() {
        let mut insert = Query::insert();
        insert
            .into_table(outbox::Entity)
            .columns(MAIL_COLUMNS)
            .select_from(only_if_updated(mail_values(mail, now).into()))
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .on_conflict(once_per_key());
        with.cte(part(format!("noicom_mail_{n}"), insert));
    }
    Ok(with)
}

/// One named part of a `WITH`.
fn part(
    name: String,
    query: impl Into<sea_orm::sea_query::SubQueryStatement>,
) -> CommonTableExpression {
    CommonTableExpression::new()
        .query(query)
        .table_name(Alias::new(name))
        .to_owned()
}
