//! The document register (SPEC §15): numbers per issuing unit, kind and
//! year, in order, never two the same under concurrent issue.

use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use workflow::UnitId;

use crate::entities::document_number as counter;
use crate::{Store, StoreError};

/// The register's kind of an orientation notice (*công văn*), as its
/// number reads: `12-CV/BTGDV-NB`.
pub const ORIENTATION_KIND: &str = "CV";

/// The next number of `kind` issued by `issuer` in `year`. The upsert
/// increments the counter row inside the caller's transaction, so
/// concurrent issues are serialised on that row (PostgreSQL) or on the
/// write lock (SQLite); the unique index of each document table holds the
/// promise too.
pub(crate) async fn next_number(
    conn: &impl ConnectionTrait,
    issuer: UnitId,
    kind: &str,
    year: i32,
) -> Result<i64, StoreError> {
    let mut upsert = Query::insert();
    upsert
        .into_table(counter::Entity)
        .columns([
            counter::Column::IssuerUnitId,
            counter::Column::Kind,
            counter::Column::Year,
            counter::Column::Last,
        ])
        .values_panic([issuer.0.into(), kind.into(), year.into(), 1i64.into()])
        .on_conflict(
            OnConflict::columns([
                counter::Column::IssuerUnitId,
                counter::Column::Kind,
                counter::Column::Year,
            ])
            .value(
                counter::Column::Last,
                Expr::col((counter::Entity, counter::Column::Last)).add(1),
            )
            .to_owned(),
        )
        .returning_col(counter::Column::Last);
    let row = conn
        .query_one(&upsert)
        .await?
        .ok_or_else(|| StoreError::Io("sổ văn bản không trả về số".to_owned()))?;
    Ok(row.try_get("", "last")?)
}

/// How a number reads: `12-CV/BTGDV-NB`.
pub(crate) fn label(number: i64, kind: &str, issuer_code: &str) -> String {
    format!("{number}-{kind}/{issuer_code}")
}

impl Store {
    /// Takes the next number of `kind` issued by `issuer` in `year` (the
    /// local year), in a transaction of its own; a document issued with a
    /// change takes its number in that change's transaction instead.
    pub async fn issue_document_number(
        &self,
        issuer: UnitId,
        kind: &str,
        year: i32,
    ) -> Result<i64, StoreError> {
        let tx = self.write_tx().await?;
        let number = next_number(&tx, issuer, kind, year).await?;
        tx.commit().await?;
        Ok(number)
    }
}
