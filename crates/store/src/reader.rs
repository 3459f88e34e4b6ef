//! Reads on SQLite through rusqlite on the calling thread.
//!
//! sqlx runs each SQLite statement on a worker thread and hands every row
//! back over a channel: a page of cases costs a dozen statements and about
//! as many thread switches, which took a third of the server's CPU under
//! load (docs/benchmarks.md). SQLite in WAL mode reads without waiting for
//! writers, so the read-only queries of the hot paths (sign-in by token,
//! lists, searches, one case) run here directly instead, built by sea-orm
//! as everywhere else; writes and transactions stay on sqlx. A row becomes
//! its entity's model through the entity's own column types, so a stored
//! value that does not fit its field is an error, never a silent default.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use rusqlite::config::DbConfig;
use rusqlite::types::{FromSql, Value as Sql, ValueRef};
use rusqlite::{Connection, OpenFlags, Row};
use sea_orm::sea_query::Value;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ColumnType, DbBackend, DbErr, EntityTrait, IdenStatic, Iterable,
    QueryTrait, Select, Statement, TryIntoModel,
};

/// How many idle connections are kept; more are opened when needed.
const MAX_IDLE: usize = 8;

/// SQLite's page cache of each reader connection, in KiB.
const READ_CACHE_KIB: i64 = 32 * 1024;

/// The Rust type a stored column decodes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    I32,
    I64,
    Bool,
    Text,
    Utc,
    Date,
    /// A column type no entity of the store uses: reading it is an error.
    Unsupported,
}

impl Kind {
    fn of(column: &impl ColumnTrait) -> Kind {
        match column.def().get_column_type() {
            ColumnType::Integer => Kind::I32,
            ColumnType::BigInteger => Kind::I64,
            ColumnType::Boolean => Kind::Bool,
            ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => Kind::Text,
            // Every timestamp of the store is a `DateTime<Utc>`.
            ColumnType::TimestampWithTimeZone => Kind::Utc,
            ColumnType::Date => Kind::Date,
            _ => Kind::Unsupported,
        }
    }
}

/// A pool of read-only rusqlite connections to one SQLite file.
pub(crate) struct SqliteReader {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl fmt::Debug for SqliteReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SqliteReader")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteReader {
    /// A reader of the SQLite file at `path`; connections open on first use.
    pub(crate) fn new(path: PathBuf) -> SqliteReader {
        SqliteReader {
            path,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// The models of the rows of `select`.
    pub(crate) fn models<E>(&self, select: Select<E>) -> Result<Vec<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        self.decode(select, None, |model, _: Option<i64>| model)
    }

    /// The models of the rows of `select`, each with the value in its
    /// column `extra`.
    pub(crate) fn models_with<E, X>(
        &self,
        select: Select<E>,
        extra: &str,
    ) -> Result<Vec<(E::Model, X)>, DbErr>
    where
        E: EntityTrait,
        E::ActiveModel: TryIntoModel<E::Model>,
        X: FromSql + Default,
    {
        self.decode(select, Some(extra), |model, extra| {
            (model, extra.unwrap_or_default())
        })
    }

    /// Each row of `select` as its model and the value in its column
    /// `extra`, if named, given to `each`.
    fn decode<E, X, T>(
        &self,
        select: Select<E>,
        extra: Option<&str>,
        each: impl Fn(E::Model, Option<X>) -> T,
    ) -> Result<Vec<T>, DbErr>
    where
        E: EntityTrait,
        E::ActiveModel: TryIntoModel<E::Model>,
        X: FromSql,
    {
        let statement = select.build(DbBackend::Sqlite);
        self.with_connection(|conn| {
            let mut prepared = conn.prepare_cached(&statement.sql).map_err(sql_err)?;
            let names: HashMap<String, usize> = prepared
                .column_names()
                .into_iter()
                .enumerate()
                .map(|(i, name)| (name.to_owned(), i))
                .collect();
            let index = |name: &str| {
                names
                    .get(name)
                    .copied()
                    .ok_or_else(|| DbErr::Custom(format!("column {name} is not selected")))
            };
            let columns = E::Column::iter()
                .map(|column| Ok((column, index(column.as_str())?, Kind::of(&column))))
                .collect::<Result<Vec<_>, DbErr>>()?;
            let extra = extra.map(index).transpose()?;
            let mut rows = prepared
                .query(rusqlite::params_from_iter(parameters(&statement)?))
                .map_err(sql_err)?;
            let mut decoded = Vec::new();
            while let Some(row) = rows.next().map_err(sql_err)? {
                let value = match extra {
                    Some(i) => Some(row.get::<_, X>(i).map_err(sql_err)?),
                    None => None,
                };
                decoded.push(each(model::<E>(row, &columns)?, value));
            }
            Ok(decoded)
        })
    }

    /// The first column, an integer, of every row of `select`.
    pub(crate) fn ints<E: EntityTrait>(&self, select: Select<E>) -> Result<Vec<i64>, DbErr> {
        let statement = select.build(DbBackend::Sqlite);
        self.with_connection(|conn| {
            let mut prepared = conn.prepare_cached(&statement.sql).map_err(sql_err)?;
            let rows = prepared
                .query_map(rusqlite::params_from_iter(parameters(&statement)?), |row| {
                    row.get::<_, i64>(0)
                })
                .map_err(sql_err)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql_err)
        })
    }

    fn open(&self) -> Result<Connection, DbErr> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_err)?;
        // A reader waits only while SQLite recovers or checkpoints the WAL.
        conn.busy_timeout(Duration::from_secs(5)).map_err(sql_err)?;
        // The pages of a list or a search stay in this process: at 1 M
        // cases the file is 4 GB and the machine's page cache did not keep
        // them (W2 read 100+ MB/s from disk with SQLite's default 2 MiB).
        conn.pragma_update(None, "cache_size", -READ_CACHE_KIB)
            .map_err(sql_err)?;
        // Without the query planner stability guarantee, SQLite 3.51 marks
        // a statement for a new plan whenever a value is bound to its
        // `LIMIT ?` or `LIKE ?`, so every cached statement was parsed and
        // planned again at each use: 37 % of the server's CPU under W2
        // (docs/benchmarks.md). With no `sqlite_stat4` table, bound values
        // never change a plan anyway.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(sql_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    /// Runs `work` on an idle connection (or a new one) and keeps it for
    /// the next query. On purpose without a thread hand-off: a read in WAL
    /// mode does not wait for writers, and the hand-off cost more than the
    /// read.
    fn with_connection<T>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, DbErr>,
    ) -> Result<T, DbErr> {
        let idle = self.lock().pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        let out = work(&conn);
        let mut idle = self.lock();
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
        out
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        // A panic while holding the lock leaves a valid list of connections.
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One row as its entity's model.
fn model<E>(row: &Row<'_>, columns: &[(E::Column, usize, Kind)]) -> Result<E::Model, DbErr>
where
    E: EntityTrait,
    E::ActiveModel: TryIntoModel<E::Model>,
{
    let mut active = <E::ActiveModel as ActiveModelTrait>::default();
    for (column, index, kind) in columns {
        let raw = row.get_ref(*index).map_err(sql_err)?;
        active.try_set(*column, typed(*kind, raw, column.as_str())?)?;
    }
    active.try_into_model()
}

/// The bound values of a statement.
fn parameters(statement: &Statement) -> Result<Vec<Sql>, DbErr> {
    statement
        .values
        .iter()
        .flat_map(|values| values.0.iter())
        .map(parameter)
        .collect()
}

/// A stored value as the model's field type wants it; NULL as that type's
/// NULL, so that an `Option` field reads `None` and nothing else does.
fn typed(kind: Kind, raw: ValueRef<'_>, column: &str) -> Result<Value, DbErr> {
    let wrong = || {
        DbErr::Type(format!(
            "column {column}: {:?} stored where {kind:?} is expected",
            raw.data_type()
        ))
    };
    let null = matches!(raw, ValueRef::Null);
    Ok(match kind {
        Kind::I32 => Value::Int(match raw {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i32::try_from(i).map_err(|_| wrong())?),
            _ => return Err(wrong()),
        }),
        Kind::I64 => Value::BigInt(match raw {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i),
            _ => return Err(wrong()),
        }),
        Kind::Bool => Value::Bool(match raw {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i != 0),
            _ => return Err(wrong()),
        }),
        Kind::Text => Value::String(match raw {
            ValueRef::Null => None,
            // A case's Vietnamese text is mostly multi-byte characters,
            // where the standard library's check was 8 % of the CPU of a
            // list of fifty cases (docs/benchmarks.md, seventh session).
            ValueRef::Text(t) => {
                Some((simdutf8::basic::from_utf8(t).map_err(|_| wrong())?).to_owned())
            }
            _ => return Err(wrong()),
        }),
        Kind::Utc => Value::ChronoDateTimeUtc(if null {
            None
        } else {
            Some(timestamp(raw).ok_or_else(wrong)?)
        }),
        Kind::Date => Value::ChronoDate(match raw {
            ValueRef::Null => None,
            ValueRef::Text(t) => Some(
                std::str::from_utf8(t)
                    .ok()
                    .and_then(|t| NaiveDate::parse_from_str(t, "%F").ok())
                    .ok_or_else(wrong)?,
            ),
            _ => return Err(wrong()),
        }),
        Kind::Unsupported => {
            return Err(DbErr::Type(format!(
                "column {column}: its type is not read through the SQLite reader"
            )));
        }
    })
}

/// A timestamp as sqlx writes it (RFC 3339), or in SQLite's own forms.
fn timestamp(raw: ValueRef<'_>) -> Option<DateTime<Utc>> {
    match raw {
        ValueRef::Text(t) => {
            let text = std::str::from_utf8(t).ok()?;
            if let Ok(at) = DateTime::parse_from_rfc3339(text) {
                return Some(at.with_timezone(&Utc));
            }
            if let Ok(at) = DateTime::parse_from_str(text, "%F %T%.f%:z") {
                return Some(at.with_timezone(&Utc));
            }
            ["%F %T%.f", "%FT%T%.f"]
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
                .map(|at| at.and_utc())
        }
        ValueRef::Integer(seconds) => DateTime::from_timestamp(seconds, 0),
        _ => None,
    }
}

/// A bound parameter encoded as sqlx encodes it for SQLite, so that it
/// compares with what sqlx stored (timestamps are RFC 3339 text).
fn parameter(value: &Value) -> Result<Sql, DbErr> {
    Ok(match value {
        Value::Bool(v) => v.map_or(Sql::Null, |b| Sql::Integer(b.into())),
        Value::TinyInt(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::SmallInt(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::Int(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::BigInt(v) => v.map_or(Sql::Null, Sql::Integer),
        Value::TinyUnsigned(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::SmallUnsigned(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::Unsigned(v) => v.map_or(Sql::Null, |i| Sql::Integer(i.into())),
        Value::BigUnsigned(v) => match v {
            None => Sql::Null,
            Some(i) => Sql::Integer(
                i64::try_from(*i).map_err(|_| DbErr::Type(format!("{i} is too large")))?,
            ),
        },
        Value::Float(v) => v.map_or(Sql::Null, |f| Sql::Real(f.into())),
        Value::Double(v) => v.map_or(Sql::Null, Sql::Real),
        Value::String(v) => v.clone().map_or(Sql::Null, Sql::Text),
        Value::Char(v) => v.map_or(Sql::Null, |c| Sql::Text(c.to_string())),
        Value::Bytes(v) => v.clone().map_or(Sql::Null, Sql::Blob),
        Value::Json(v) => v.as_ref().map_or(Sql::Null, |j| Sql::Text(j.to_string())),
        Value::ChronoDate(v) => v.map_or(Sql::Null, |d| Sql::Text(d.format("%F").to_string())),
        Value::ChronoDateTime(v) => {
            v.map_or(Sql::Null, |t| Sql::Text(t.format("%F %T%.f").to_string()))
        }
        Value::ChronoDateTimeUtc(v) => v.map_or(Sql::Null, |t| {
            Sql::Text(t.to_rfc3339_opts(SecondsFormat::AutoSi, false))
        }),
        other => {
            return Err(DbErr::Type(format!(
                "parameter {other:?} is not bound by the SQLite reader"
            )));
        }
    })
}

fn sql_err(err: rusqlite::Error) -> DbErr {
    DbErr::Custom(format!("SQLite: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_in_every_stored_form() {
        let at = DateTime::parse_from_rfc3339("2026-11-22T10:20:30.123456789+00:00")
            .unwrap()
            .with_timezone(&Utc);
        let text = at.to_rfc3339_opts(SecondsFormat::AutoSi, false);
        assert_eq!(timestamp(ValueRef::Text(text.as_bytes())), Some(at));
        assert_eq!(
            timestamp(ValueRef::Text(b"2026-11-22 10:20:30.123456789")),
            Some(at)
        );
        assert_eq!(
            timestamp(ValueRef::Text(b"2026-11-22 17:20:30.123456789+07:00")),
            Some(at)
        );
        assert_eq!(timestamp(ValueRef::Text(b"yesterday")), None);
    }

    #[test]
    fn a_null_takes_the_type_of_its_column() {
        assert_eq!(
            typed(Kind::Utc, ValueRef::Null, "c").unwrap(),
            Value::ChronoDateTimeUtc(None)
        );
        assert_eq!(
            typed(Kind::I64, ValueRef::Integer(7), "c").unwrap(),
            Value::BigInt(Some(7))
        );
        assert!(typed(Kind::I64, ValueRef::Text(b"7"), "c").is_err());
        assert!(typed(Kind::I32, ValueRef::Integer(i64::MAX), "c").is_err());
    }

    #[test]
    fn a_cached_statement_keeps_its_plan_when_values_change() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("plans.db");
        let setup = Connection::open(&path).expect("open");
        setup
            .execute_batch(
                "CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x); \
                 INSERT INTO t VALUES ('a'), ('ab'), ('b');",
            )
            .expect("setup");
        let reader = SqliteReader::new(path);
        let conn = reader.open().expect("reader connection");
        // A bound LIMIT and LIKE pattern: without the planner stability
        // guarantee each new value makes SQLite prepare the statement again.
        for (pattern, limit) in [("a%", 1), ("b%", 2), ("a%", 3)] {
            let mut stmt = conn
                .prepare_cached("SELECT x FROM t WHERE x LIKE ? LIMIT ?")
                .expect("prepare");
            let rows: Vec<String> = stmt
                .query_map(rusqlite::params![pattern, limit], |row| row.get(0))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            assert!(!rows.is_empty());
            assert_eq!(
                stmt.get_status(rusqlite::StatementStatus::RePrepare),
                0,
                "prepared again for {pattern} LIMIT {limit}"
            );
        }
    }

    #[test]
    fn the_entities_columns_have_kinds() {
        use crate::entities::{case, user};
        assert_eq!(Kind::of(&case::Column::Id), Kind::I64);
        assert_eq!(Kind::of(&case::Column::CreatedAt), Kind::Utc);
        assert_eq!(Kind::of(&case::Column::Title), Kind::Text);
        assert_eq!(Kind::of(&user::Column::Disabled), Kind::Bool);
    }
}
