//! The daily digest (SPEC §14): after a sweep wrote its items, each
//! address with items waiting gets the day's digest e-mail, keyed
//! `digest:<address>:<local day>`, and its waiting items are stamped
//! with that key in the same transaction. The unique key makes the digest
//! once-only across sweeps and schedulers: whoever inserts it stamps the
//! items; one who finds it there stamps nothing, and items that come
//! after that day's digest wait for the next day's. The dispatcher builds
//! the e-mail from the stamped items whose reason still holds
//! ([`Store::digest_items`]).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use workflow::Calendar;

use super::REMINDER_DIGEST;
use super::items::status;
use crate::entities::{reminder_item, unit, user};
use crate::outbox::{Address, Mail, enqueue, not_yet_enqueued};
use crate::{Store, StoreError};

/// Addresses per write transaction.
const CHUNK: usize = 100;

/// The outbox key of `address`'s digest of `day`.
fn digest_key(address: &str, day: NaiveDate) -> String {
    format!("digest:{address}:{}", day.format("%Y-%m-%d"))
}

/// Enqueues the digest of the local day of `now` for every address with
/// items waiting, unless that day's digest exists already. Returns the
/// digests enqueued.
pub(super) async fn assemble(
    store: &Store,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Result<u64, StoreError> {
    let day = calendar.local_date(now);
    let waiting = waiting_addresses(&store.db).await?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let readers = reader_names(&store.db, &waiting).await?;
    let mails: Vec<Mail> = waiting
        .into_iter()
        .map(|(to, user, lang)| Mail {
            key: digest_key(&to, day),
            kind: REMINDER_DIGEST.to_owned(),
            payload: json!({
                "day": day.format("%Y-%m-%d").to_string(),
                "reader": readers.get(&to).cloned().unwrap_or_else(|| to.clone()),
            }),
            to,
            user,
            lang,
        })
        .collect();
    // An address whose digest of the day went out already waits for
    // tomorrow's: read first, so a quiet tick writes nothing.
    let mut fresh = not_yet_enqueued(&store.db, mails).await?;
    // Every scheduler inserts in the same order, so two on PostgreSQL
    // wait for each other instead of deadlocking.
    fresh.sort_by(|a, b| a.key.cmp(&b.key));
    let mut total = 0;
    for chunk in fresh.chunks(CHUNK) {
        let tx = store.write_tx().await?;
        for mail in chunk {
            let (to, key) = (mail.to.clone(), mail.key.clone());
            // Only the sweep that inserted the digest stamps the items: a
            // second scheduler's insert does nothing, and neither does it.
            if enqueue(&tx, vec![mail.clone()], now).await? == 1 {
                reminder_item::Entity::update_many()
                    .col_expr(
                        reminder_item::Column::Status,
                        sea_orm::sea_query::Expr::value(status::DIGESTED),
                    )
                    .col_expr(
                        reminder_item::Column::DigestKey,
                        sea_orm::sea_query::Expr::value(key),
                    )
                    .filter(reminder_item::Column::Status.eq(status::PENDING))
                    .filter(reminder_item::Column::RecipientEmail.eq(to))
                    .exec(&tx)
                    .await?;
                total += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(total)
}

/// Each address with items waiting, once, with its user and language.
async fn waiting_addresses(conn: &impl ConnectionTrait) -> Result<Vec<Address>, StoreError> {
    let rows = reminder_item::Entity::find()
        .filter(reminder_item::Column::Status.eq(status::PENDING))
        .filter(reminder_item::Column::RecipientEmail.is_not_null())
        .order_by_asc(reminder_item::Column::Id)
        .all(conn)
        .await?;
    let mut out: Vec<Address> = Vec::new();
    for row in rows {
        let Some(email) = row.recipient_email else {
            continue;
        };
        if !out.iter().any(|(e, ..)| *e == email) {
            out.push((email, row.recipient_user_id, row.lang));
        }
    }
    Ok(out)
}

/// Whom each digest greets: the user by name, a unit's own address by
/// the unit's name.
async fn reader_names(
    conn: &impl ConnectionTrait,
    addresses: &[Address],
) -> Result<HashMap<String, String>, StoreError> {
    let mut out = HashMap::new();
    let user_ids: Vec<i64> = addresses.iter().filter_map(|(_, u, _)| *u).collect();
    let users: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let unit_emails: Vec<String> = addresses
        .iter()
        .filter(|(_, u, _)| u.is_none())
        .map(|(e, ..)| e.clone())
        .collect();
    let mut units: HashMap<String, String> = HashMap::new();
    for u in unit::Entity::find()
        .filter(unit::Column::Email.is_in(unit_emails))
        .order_by_asc(unit::Column::Id)
        .all(conn)
        .await?
    {
        if let Some(email) = u.email {
            units.entry(email).or_insert(u.name);
        }
    }
    for (email, user, _) in addresses {
        let name = match user {
            Some(id) => users.get(id).cloned(),
            None => units.get(email).cloned(),
        };
        if let Some(name) = name {
            out.insert(email.clone(), name);
        }
    }
    Ok(out)
}

/// One item of a digest as the dispatcher reads it.
#[derive(Debug, Clone)]
pub struct DigestItem {
    /// [`super::DUTY_REMINDER`] or [`super::CASE_REMINDER`].
    pub kind: String,
    /// What it is about: a digest lists one item per subject.
    pub subject: String,
    /// The due time it reminds of.
    pub due_at: DateTime<Utc>,
    /// What the sweep wrote of it.
    pub payload: serde_json::Value,
}

impl Store {
    /// The items the digest with outbox key `digest_key` carries whose
    /// reason still holds, in the order they were written. An item whose
    /// subject a later digest of the same address carries too is left to
    /// that one: after a downtime, the day's digest says it with the
    /// words of the day, and the older digest still waiting does not say
    /// it again. None left: the digest is dropped, not sent.
    pub async fn digest_items(&self, digest_key: &str) -> Result<Vec<DigestItem>, StoreError> {
        let rows = reminder_item::Entity::find()
            .filter(reminder_item::Column::DigestKey.eq(digest_key))
            .order_by_asc(reminder_item::Column::Id)
            .all(&self.db)
            .await?;
        let Some(address) = rows.iter().find_map(|r| r.recipient_email.clone()) else {
            return Ok(Vec::new());
        };
        let subjects: Vec<String> = rows.iter().map(|r| r.subject.clone()).collect();
        // Keys of one address differ only by the day, `yyyy-mm-dd`, so a
        // later key sorts after.
        let later: HashSet<String> = reminder_item::Entity::find()
            .select_only()
            .column(reminder_item::Column::Subject)
            .filter(reminder_item::Column::RecipientEmail.eq(address))
            .filter(reminder_item::Column::DigestKey.gt(digest_key))
            .filter(reminder_item::Column::Subject.is_in(subjects))
            .into_tuple()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            if !later.contains(&row.subject) && self.item_holds(&row).await? {
                out.push(DigestItem {
                    payload: serde_json::from_str(&row.payload).unwrap_or_default(),
                    kind: row.kind,
                    subject: row.subject,
                    due_at: row.due_at,
                });
            }
        }
        Ok(out)
    }

    /// Whether the reason of a reminder item still holds (its duty still
    /// owed with the same due time, its case deadline still running).
    pub async fn item_holds(&self, item: &reminder_item::Model) -> Result<bool, StoreError> {
        let payload: serde_json::Value = serde_json::from_str(&item.payload).unwrap_or_default();
        self.payload_holds(&item.kind, &payload).await
    }
}
