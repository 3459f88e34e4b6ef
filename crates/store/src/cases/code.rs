//! Case codes (SPEC §3.1): `<province code>-<year>-<6 digits>`.

use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};

use crate::StoreError;
use crate::entities::case_code_counter as counter;

/// The next code for `prefix` in `year`. The upsert increments the counter
/// row inside the caller's transaction, so concurrent filings are
/// serialised on that row (PostgreSQL) or on the write lock (SQLite) and
/// never share a number.
pub(crate) async fn next_code(
    conn: &impl ConnectionTrait,
    prefix: &str,
    year: i32,
) -> Result<String, StoreError> {
    let last = take_numbers(conn, prefix, year, 1).await?;
    Ok(code(prefix, year, last))
}

/// Takes the next `count` numbers of `prefix` in `year` in one step of its
/// counter (as [`next_code`] does for one) and returns the last of them.
pub(crate) async fn take_numbers(
    conn: &impl ConnectionTrait,
    prefix: &str,
    year: i32,
    count: i64,
) -> Result<i64, StoreError> {
    let mut upsert = Query::insert();
    upsert
        .into_table(counter::Entity)
        .columns([
            counter::Column::Prefix,
            counter::Column::Year,
            counter::Column::Last,
        ])
        .values_panic([prefix.into(), year.into(), count.into()])
        .on_conflict(
            OnConflict::columns([counter::Column::Prefix, counter::Column::Year])
                .value(
                    counter::Column::Last,
                    Expr::col((counter::Entity, counter::Column::Last)).add(count),
                )
                .to_owned(),
        )
        .returning_col(counter::Column::Last);
    let row = conn
        .query_one(&upsert)
        .await?
        .ok_or_else(|| StoreError::Io("bộ đếm mã vụ việc không trả về giá trị".to_owned()))?;
    Ok(row.try_get("", "last")?)
}

/// The code numbered `number` of `prefix` in `year`.
pub(crate) fn code(prefix: &str, year: i32, number: i64) -> String {
    format!("{prefix}-{year}-{number:06}")
}
