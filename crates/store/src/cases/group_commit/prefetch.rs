//! The cases a batch's actions name, read for all of them with one
//! statement at the start of the batch instead of two for each action:
//! under the write lock every round trip to SQLite's thread is time the
//! whole batch waits (W3).
//!
//! A case read here is current until an action of the batch changes it,
//! since nothing else writes while the batch holds the lock: each row is
//! handed out once, and a later action on the same case (named by id or
//! by code) reads it again inside the batch's transaction.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter};

pub(crate) use super::super::row::Stored;
use super::super::row::stored;
use crate::entities::case;

/// The cases read for a batch, each handed out once.
#[derive(Default)]
pub(super) struct Prefetched {
    cases: HashMap<i64, Stored>,
    /// Each code named, upper-cased, with its case's id.
    codes: HashMap<String, i64>,
}

/// What a name of a case is, as `row::find` reads it.
enum Name {
    Id(i64),
    Code(String),
}

fn name(id_or_code: &str) -> Name {
    let key = id_or_code.trim();
    match key.parse::<i64>() {
        Ok(id) => Name::Id(id),
        Err(_) => Name::Code(key.to_uppercase()),
    }
}

impl Prefetched {
    /// Reads the cases `names` name (ids or codes) on `tx`. A failed read
    /// is logged and leaves each action to read its own case.
    pub(super) async fn read<'a>(
        tx: &DatabaseTransaction,
        names: impl Iterator<Item = &'a str>,
    ) -> Prefetched {
        let (mut ids, mut codes) = (Vec::new(), Vec::new());
        for n in names {
            match name(n) {
                Name::Id(id) => ids.push(id),
                Name::Code(code) => codes.push(code),
            }
        }
        if ids.is_empty() && codes.is_empty() {
            return Prefetched::default();
        }
        match Prefetched::load(tx, ids, codes).await {
            Ok(read) => read,
            Err(err) => {
                tracing::warn!(error = %err, "không đọc trước được các vụ việc của nhóm");
                Prefetched::default()
            }
        }
    }

    async fn load(
        tx: &DatabaseTransaction,
        ids: Vec<i64>,
        codes: Vec<String>,
    ) -> Result<Prefetched, crate::StoreError> {
        // An empty list is `1 = 2` to sea-query, and `1 = 2 OR code IN (…)`
        // made SQLite scan the whole table: only the lists given.
        let mut named = Condition::any();
        if !ids.is_empty() {
            named = named.add(case::Column::Id.is_in(ids));
        }
        if !codes.is_empty() {
            named = named.add(case::Column::Code.is_in(codes));
        }
        let rows = stored(tx, case::Entity::find().filter(named)).await?;
        Ok(Prefetched {
            codes: rows.iter().map(|(r, _)| (r.code.clone(), r.id)).collect(),
            cases: rows.into_iter().map(|read| (read.0.id, read)).collect(),
        })
    }

    /// The case `id_or_code` names, if it was read and not handed out yet.
    pub(super) fn take(&mut self, id_or_code: &str) -> Option<Stored> {
        let id = match name(id_or_code) {
            Name::Id(id) => id,
            Name::Code(code) => *self.codes.get(&code)?,
        };
        self.cases.remove(&id)
    }
}
