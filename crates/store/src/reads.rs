//! Where the store's read-only queries run: any sea-orm connection or
//! transaction, or the synchronous SQLite reader (`reader`) that serves the
//! hot read paths. The queries are built once with sea-orm; only their
//! execution differs.

use std::future::Future;
use std::sync::Arc;

use rusqlite::types::FromSql;
use sea_orm::sea_query::{Expr, Value, Values};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QuerySelect, QueryTrait, Select, Statement, TryGetable, TryIntoModel,
};

use crate::reader::SqliteReader;

/// Runs `SELECT`s of entities and returns their models.
pub(crate) trait Reads: Sync {
    /// Every row of `select`.
    fn all<E>(
        &self,
        select: Select<E>,
    ) -> impl Future<Output = Result<Vec<E::Model>, DbErr>> + Send
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;

    /// The first row of `select`, if any.
    fn one<E>(
        &self,
        select: Select<E>,
    ) -> impl Future<Output = Result<Option<E::Model>, DbErr>> + Send
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;

    /// The first column, an integer, of every row of `select` (a
    /// `select_only().column(…)` query).
    fn ints<E>(&self, select: Select<E>) -> impl Future<Output = Result<Vec<i64>, DbErr>> + Send
    where
        E: EntityTrait;

    /// The first row of `select` with the value of `extra` beside it, one
    /// more column of the same statement: two reads that every request
    /// makes (its caller and the organisation's generation) in one round
    /// trip.
    fn one_with<E, X: Extra>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, X)>, DbErr>> + Send
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        async move { Ok(self.all_with(select.limit(1), extra).await?.pop()) }
    }

    /// Every row of `select` with the value of `extra` beside it (a
    /// sub-select of what belongs to each row, read in the same round trip).
    fn all_with<E, X: Extra>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> impl Future<Output = Result<Vec<(E::Model, X)>, DbErr>> + Send
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;

    /// The database the statements run on.
    fn backend(&self) -> DbBackend;
}

/// A value read beside a model ([`Reads::one_with`], [`Reads::all_with`]):
/// one both readers can decode.
pub(crate) trait Extra: FromSql + TryGetable + Default + Send + Sync {}

impl<X: FromSql + TryGetable + Default + Send + Sync> Extra for X {}

/// The name of [`Reads::one_with`]'s extra column.
pub(crate) const EXTRA: &str = "noicom_extra";

impl<C: ConnectionTrait + Sync> Reads for C {
    async fn all<E>(&self, select: Select<E>) -> Result<Vec<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
    {
        select.all(self).await
    }

    async fn one<E>(&self, select: Select<E>) -> Result<Option<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
    {
        select.one(self).await
    }

    async fn ints<E>(&self, select: Select<E>) -> Result<Vec<i64>, DbErr>
    where
        E: EntityTrait,
    {
        select.into_tuple::<i64>().all(self).await
    }

    async fn all_with<E, X: Extra>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> Result<Vec<(E::Model, X)>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
    {
        let statement = select
            .expr_as(extra, EXTRA)
            .build(self.get_database_backend());
        let rows = self.query_all_raw(with_literal_limit(statement)).await?;
        rows.iter()
            .map(|row| {
                Ok((
                    E::Model::from_query_result(row, "")?,
                    row.try_get::<X>("", EXTRA)?,
                ))
            })
            .collect()
    }

    fn backend(&self) -> DbBackend {
        self.get_database_backend()
    }
}

/// `statement` with its closing `LIMIT $n` written as the number itself,
/// on PostgreSQL. A prepared statement's plan made for any values
/// assumes a LIMIT parameter keeps a tenth of the rows, so it always
/// costs more than a plan made for the values at hand and PostgreSQL
/// plans each execution anew: a page of the triage list spent three
/// times as long being planned as being run (docs/benchmarks.md). A page
/// size is one of a few numbers, so the statements stay few.
fn with_literal_limit(mut statement: Statement) -> Statement {
    if statement.db_backend != DbBackend::Postgres {
        return statement;
    }
    let Some(Values(values)) = &mut statement.values else {
        return statement;
    };
    let placeholder = format!(" LIMIT ${}", values.len());
    if let Some(Value::BigUnsigned(Some(limit))) = values.last()
        && statement.sql.ends_with(&placeholder)
    {
        let limit = *limit;
        values.pop();
        let kept = statement.sql.len() - placeholder.len();
        statement.sql.truncate(kept);
        statement.sql.push_str(&format!(" LIMIT {limit}"));
    }
    statement
}

/// The connection of the store's hot read paths: the SQLite reader on an
/// SQLite file, the pool itself otherwise.
#[derive(Debug, Clone)]
pub(crate) enum ReadConnection {
    /// rusqlite on the calling thread.
    Sqlite(Arc<SqliteReader>),
    /// The sea-orm pool (PostgreSQL, or SQLite in memory).
    Pool(DatabaseConnection),
}

impl Reads for ReadConnection {
    async fn all<E>(&self, select: Select<E>) -> Result<Vec<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        match self {
            ReadConnection::Sqlite(reader) => reader.models(select),
            ReadConnection::Pool(db) => select.all(db).await,
        }
    }

    async fn one<E>(&self, select: Select<E>) -> Result<Option<E::Model>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        match self {
            ReadConnection::Sqlite(reader) => Ok(reader.models(select.limit(1))?.pop()),
            ReadConnection::Pool(db) => select.one(db).await,
        }
    }

    async fn ints<E>(&self, select: Select<E>) -> Result<Vec<i64>, DbErr>
    where
        E: EntityTrait,
    {
        match self {
            ReadConnection::Sqlite(reader) => reader.ints(select),
            ReadConnection::Pool(db) => select.into_tuple::<i64>().all(db).await,
        }
    }

    async fn all_with<E, X: Extra>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> Result<Vec<(E::Model, X)>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        match self {
            ReadConnection::Sqlite(reader) => {
                reader.models_with(select.expr_as(extra, EXTRA), EXTRA)
            }
            ReadConnection::Pool(db) => db.all_with(select, extra).await,
        }
    }

    fn backend(&self) -> DbBackend {
        match self {
            ReadConnection::Sqlite(_) => DbBackend::Sqlite,
            ReadConnection::Pool(db) => db.get_database_backend(),
        }
    }
}

/// [`Reads`] in the order of a query chain: `find().filter(…).read_all(conn)`.
pub(crate) trait ReadSelect<E: EntityTrait>: Sized {
    /// [`Reads::all`].
    fn read_all(
        self,
        conn: &impl Reads,
    ) -> impl Future<Output = Result<Vec<E::Model>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;

    /// [`Reads::one`].
    fn read_one(
        self,
        conn: &impl Reads,
    ) -> impl Future<Output = Result<Option<E::Model>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;

    /// [`Reads::ints`].
    fn read_ints(self, conn: &impl Reads) -> impl Future<Output = Result<Vec<i64>, DbErr>> + Send;

    /// [`Reads::one_with`].
    fn read_one_with<X: Extra>(
        self,
        conn: &impl Reads,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, X)>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;
}

impl<E: EntityTrait> ReadSelect<E> for Select<E> {
    fn read_all(
        self,
        conn: &impl Reads,
    ) -> impl Future<Output = Result<Vec<E::Model>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        conn.all(self)
    }

    fn read_one(
        self,
        conn: &impl Reads,
    ) -> impl Future<Output = Result<Option<E::Model>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        conn.one(self)
    }

    fn read_ints(self, conn: &impl Reads) -> impl Future<Output = Result<Vec<i64>, DbErr>> + Send {
        conn.ints(self)
    }

    fn read_one_with<X: Extra>(
        self,
        conn: &impl Reads,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, X)>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        conn.one_with(self, extra)
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

    use super::*;
    use crate::entities::case;

    fn page(backend: DbBackend) -> Statement {
        case::Entity::find()
            .filter(case::Column::AreaId.eq(7i64))
            .order_by_desc(case::Column::Id)
            .limit(51)
            .build(backend)
    }

    #[test]
    fn a_postgres_page_size_is_written_into_the_statement() {
        let statement = with_literal_limit(page(DbBackend::Postgres));
        assert!(
            statement
                .sql
                .ends_with(r#"ORDER BY "cases"."id" DESC LIMIT 51"#)
        );
        assert_eq!(statement.values, Some(Values(vec![7i64.into()])));
    }

    #[test]
    fn an_sqlite_page_size_stays_a_parameter() {
        let statement = with_literal_limit(page(DbBackend::Sqlite));
        assert!(statement.sql.ends_with("LIMIT ?"));
        assert_eq!(
            statement.values,
            Some(Values(vec![7i64.into(), 51u64.into()]))
        );
    }

    #[test]
    fn a_limit_inside_a_sub_select_is_left_alone() {
        let statement = case::Entity::find()
            .filter(Expr::col(case::Column::Id).eq(Expr::cust_with_values(
                "(SELECT id FROM cases LIMIT $1)",
                [3u64],
            )))
            .build(DbBackend::Postgres);
        assert_eq!(with_literal_limit(statement.clone()), statement);
    }
}
