//! Reminder items: one per reminder step and recipient address, written
//! by the sweep under the key its e-mail had before the digests
//! (`<cause>:to:<address>`), so a step is never listed twice. A step whose
//! addressee resolves to no address at all is one `undeliverable` item
//! (`<cause>:undeliverable`), and the board is told of it instead.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use super::Written;
use crate::StoreError;
use crate::entities::reminder_item;
use crate::outbox::Address;

/// Rows per multi-row `INSERT` and keys per `IN (…)` lookup, as in the
/// outbox.
const BATCH: usize = 500;

/// Statuses of an item.
pub mod status {
    /// Waiting for its address's next digest.
    pub const PENDING: &str = "pending";
    /// Carried by the digest named in `digest_key`.
    pub const DIGESTED: &str = "digested";
    /// Its addressee has no address: nobody could be reminded.
    pub const UNDELIVERABLE: &str = "undeliverable";
}

/// One item to write.
#[derive(Debug, Clone)]
pub(super) struct Item {
    key: String,
    kind: &'static str,
    subject: String,
    to: Option<Address>,
    due_at: DateTime<Utc>,
    payload: serde_json::Value,
}

/// One reminder step to be written as items.
pub(super) struct Cause<'a> {
    /// `duty:<id>:<due ts>:<step>` or `case:<id>:<deadline>:<due ts>:<step>`.
    pub key: String,
    /// [`super::DUTY_REMINDER`] or [`super::CASE_REMINDER`].
    pub kind: &'static str,
    /// `duty:<id>` or `case:<id>:<deadline>`.
    pub subject: String,
    pub due_at: DateTime<Utc>,
    /// What the digest says of it; `unreached` is added here.
    pub payload: serde_json::Value,
    /// The addresses of those it is addressed to.
    pub to: &'a [Address],
    /// The addresses of those copied.
    pub copies: &'a [Address],
    /// The board's addresses, told when nobody in `to` can be reached.
    pub board: &'a [Address],
}

/// The items of one cause: one per distinct address of its addressees and
/// copies. When its addressees have no address, an `undeliverable` item
/// records it and the board's officers get the item too, marked
/// `unreached`, so that their digest names the unit and what it missed.
pub(super) fn for_cause(cause: Cause<'_>) -> Vec<Item> {
    let unreached = cause.to.is_empty();
    let mut payload = cause.payload;
    payload["unreached"] = serde_json::Value::Bool(unreached);
    let item = |key: String, to: Option<Address>| Item {
        key,
        kind: cause.kind,
        subject: cause.subject.clone(),
        to,
        due_at: cause.due_at,
        payload: payload.clone(),
    };
    let mut out: Vec<Item> = Vec::new();
    let lists: &[&[Address]] = if unreached {
        out.push(item(format!("{}:undeliverable", cause.key), None));
        &[cause.copies, cause.board]
    } else {
        &[cause.to, cause.copies]
    };
    for address in lists.iter().flat_map(|l| l.iter()) {
        if out
            .iter()
            .any(|i| i.to.as_ref().map(|a| &a.0) == Some(&address.0))
        {
            continue;
        }
        out.push(item(
            format!("{}:to:{}", cause.key, address.0),
            Some(address.clone()),
        ));
    }
    out
}

/// The items whose key is not written yet, one read per [`BATCH`] keys.
pub(super) async fn not_yet_written(
    conn: &impl ConnectionTrait,
    items: Vec<Item>,
) -> Result<Vec<Item>, StoreError> {
    let mut existing = HashSet::new();
    for batch in items.chunks(BATCH) {
        let keys: Vec<&str> = batch.iter().map(|i| i.key.as_str()).collect();
        let found: Vec<String> = reminder_item::Entity::find()
            .select_only()
            .column(reminder_item::Column::Key)
            .filter(reminder_item::Column::Key.is_in(keys))
            .into_tuple()
            .all(conn)
            .await?;
        existing.extend(found);
    }
    Ok(items
        .into_iter()
        .filter(|i| !existing.contains(&i.key))
        .collect())
}

/// Inserts items, skipping any whose key exists (another scheduler may
/// have written it meanwhile). Returns what was new.
pub(super) async fn insert(
    conn: &impl ConnectionTrait,
    items: Vec<Item>,
    now: DateTime<Utc>,
) -> Result<Written, StoreError> {
    let (addressed, nobody): (Vec<Item>, Vec<Item>) =
        items.into_iter().partition(|i| i.to.is_some());
    Ok(Written {
        pending: insert_rows(conn, addressed, now).await?,
        undeliverable: insert_rows(conn, nobody, now).await?,
    })
}

async fn insert_rows(
    conn: &impl ConnectionTrait,
    items: Vec<Item>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut inserted = 0;
    for batch in items.chunks(BATCH) {
        let rows = batch.iter().map(|i| {
            let (email, user, lang) = match &i.to {
                Some((email, user, lang)) => (Some(email.clone()), *user, lang.clone()),
                None => (None, None, "vi".to_owned()),
            };
            let status = if email.is_some() {
                status::PENDING
            } else {
                status::UNDELIVERABLE
            };
            reminder_item::ActiveModel {
                key: Set(i.key.clone()),
                kind: Set(i.kind.to_owned()),
                subject: Set(i.subject.clone()),
                recipient_email: Set(email),
                recipient_user_id: Set(user),
                lang: Set(lang),
                payload: Set(i.payload.to_string()),
                due_at: Set(i.due_at),
                status: Set(status.to_owned()),
                digest_key: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
        });
        inserted += reminder_item::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::column(reminder_item::Column::Key)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
    }
    Ok(inserted)
}
