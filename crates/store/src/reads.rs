//! Where the store's read-only queries run: any sea-orm connection or
//! transaction, or the synchronous SQLite reader (`reader`) that serves the
//! hot read paths. The queries are built once with sea-orm; only their
//! execution differs.

use std::future::Future;
use std::sync::Arc;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QuerySelect,
    QueryTrait, Select, TryIntoModel,
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

    /// The first row of `select` with the integer `extra` beside it, one
    /// more column of the same statement: two reads that every request
    /// makes (its caller and the organisation's generation) in one round
    /// trip.
    fn one_with<E>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, i64)>, DbErr>> + Send
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>;
}

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

    async fn one_with<E>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> Result<Option<(E::Model, i64)>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
    {
        let statement = select
            .expr_as(extra, EXTRA)
            .limit(1)
            .build(self.get_database_backend());
        match self.query_one_raw(statement).await? {
            Some(row) => Ok(Some((
                E::Model::from_query_result(&row, "")?,
                row.try_get::<i64>("", EXTRA)?,
            ))),
            None => Ok(None),
        }
    }
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

    async fn one_with<E>(
        &self,
        select: Select<E>,
        extra: Expr,
    ) -> Result<Option<(E::Model, i64)>, DbErr>
    where
        E: EntityTrait,
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        match self {
            ReadConnection::Sqlite(reader) => Ok(reader
                .models_with(select.expr_as(extra, EXTRA).limit(1), EXTRA)?
                .pop()),
            ReadConnection::Pool(db) => db.one_with(select, extra).await,
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
    fn read_one_with(
        self,
        conn: &impl Reads,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, i64)>, DbErr>> + Send
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

    fn read_one_with(
        self,
        conn: &impl Reads,
        extra: Expr,
    ) -> impl Future<Output = Result<Option<(E::Model, i64)>, DbErr>> + Send
    where
        E::Model: Send + Sync,
        E::ActiveModel: TryIntoModel<E::Model>,
    {
        conn.one_with(self, extra)
    }
}
