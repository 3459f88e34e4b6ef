//! Writing e-mails to the outbox in the transaction of their cause. The
//! scheduler's dispatcher delivers them; a unique key per cause and
//! recipient makes a repeated enqueue a no-op.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::json;
use workflow::{Audience, Case, Event, Notice, event_audience};

use crate::StoreError;
use crate::entities::outbox;
use crate::org_cache::Org;

mod recipients;

pub(crate) use recipients::{Address, in_memory, recipients, units_recipients};

/// Delivery states of an outbox row.
pub mod status {
    /// Waiting to be sent (or retried).
    pub const PENDING: &str = "pending";
    /// Delivered to the SMTP server.
    pub const SENT: &str = "sent";
    /// Gave up after the last try; an admin may retry.
    pub const FAILED: &str = "failed";
    /// Its reason went away before it was sent.
    pub const DROPPED: &str = "dropped";
    /// Written in a past that was loaded, not lived (the demo, an import):
    /// its moment passed, it is kept as a record and never sent
    /// (`Store::close_history`).
    pub const HISTORICAL: &str = "historical";
}

/// One e-mail to enqueue.
#[derive(Debug, Clone)]
pub struct Mail {
    /// Unique per cause and recipient.
    pub key: String,
    /// Template name, e.g. `case_assigned`.
    pub kind: String,
    /// Address.
    pub to: String,
    /// The user it goes to, if a user.
    pub user: Option<i64>,
    /// Language of the recipient.
    pub lang: String,
    /// What the template needs.
    pub payload: serde_json::Value,
}

/// Rows per multi-row `INSERT` and keys per `IN (…)` lookup: well under
/// the bound-parameter limits of SQLite (32 766) and PostgreSQL (65 535).
const BATCH: usize = 500;

/// Inserts mails, skipping any whose key exists. Returns how many were new.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    mails: Vec<Mail>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut inserted = 0;
    for batch in mails.chunks(BATCH) {
        let mut insert = Query::insert();
        insert.into_table(outbox::Entity).columns(MAIL_COLUMNS);
        for mail in batch {
            insert.values_panic(mail_values(mail, now));
        }
        insert.on_conflict(once_per_key());
        let statement = conn.get_database_backend().build(&insert);
        inserted += conn.execute_raw(statement).await?.rows_affected();
    }
    Ok(inserted)
}

/// The columns [`mail_values`] fills, in its order.
pub(crate) const MAIL_COLUMNS: [outbox::Column; 10] = {
    use outbox::Column as C;
    [
        C::Key,
        C::Kind,
        C::RecipientEmail,
        C::RecipientUserId,
        C::Lang,
        C::Payload,
        C::Status,
        C::Attempts,
        C::NextAttemptAt,
        C::CreatedAt,
    ]
};

/// The row of `mail`, pending from `now`.
pub(crate) fn mail_values(mail: &Mail, now: DateTime<Utc>) -> [Expr; 10] {
    [
        Expr::val(mail.key.clone()),
        Expr::val(mail.kind.clone()),
        Expr::val(mail.to.clone()),
        Expr::val(mail.user),
        Expr::val(mail.lang.clone()),
        Expr::val(mail.payload.to_string()),
        Expr::val(status::PENDING),
        Expr::val(0),
        Expr::val(now),
        Expr::val(now),
    ]
}

/// A mail whose key is in the outbox already is not written again.
pub(crate) fn once_per_key() -> OnConflict {
    OnConflict::column(outbox::Column::Key)
        .do_nothing()
        .to_owned()
}

/// The mails whose key is not in the outbox yet, found with one read per
/// [`BATCH`] keys. A sweep uses it so that a tick with nothing new reads
/// and never writes; [`enqueue`]'s unique key still settles a race with
/// another scheduler.
pub(crate) async fn not_yet_enqueued(
    conn: &impl ConnectionTrait,
    mails: Vec<Mail>,
) -> Result<Vec<Mail>, StoreError> {
    let mut existing = HashSet::new();
    for batch in mails.chunks(BATCH) {
        let keys: Vec<&str> = batch.iter().map(|m| m.key.as_str()).collect();
        let found: Vec<String> = outbox::Entity::find()
            .select_only()
            .column(outbox::Column::Key)
            .filter(outbox::Column::Key.is_in(keys))
            .into_tuple()
            .all(conn)
            .await?;
        existing.extend(found);
    }
    Ok(mails
        .into_iter()
        .filter(|m| !existing.contains(&m.key))
        .collect())
}

/// Enqueues the e-mails of an action's notices, one per recipient address.
/// `event` is the action's event (id and payload): the notice quotes what
/// its reader must act on (the question asked, the opinions, the result).
pub(crate) async fn enqueue_notices(
    conn: &impl ConnectionTrait,
    org: &Org,
    case: &Case,
    notices: &[Notice],
    event: Option<(i64, &Event)>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mails = notice_mails(conn, org, case, notices, event).await?;
    enqueue(conn, mails, now).await?;
    Ok(())
}

/// The e-mails of [`enqueue_notices`], to enqueue with others.
pub(crate) async fn notice_mails(
    conn: &impl ConnectionTrait,
    org: &Org,
    case: &Case,
    notices: &[Notice],
    event: Option<(i64, &Event)>,
) -> Result<Vec<Mail>, StoreError> {
    let mut mails = Vec::new();
    for notice in notices {
        let kind = notice.kind.code();
        // A notice quotes only what its readers may read (SPEC §10).
        let audience = notice.kind.audience();
        let readable = event.filter(|(_, e)| audience.reads(event_audience(e.action, &e.payload)));
        let quoted = (notice.kind.quoted_field())
            .and_then(|field| readable.map(|(_, e)| &e.payload[field.name()]));
        let detail = match quoted {
            Some(value) => quoted_text(org, value),
            None => None,
        };
        // The documents an answer or a conclusion carries, by file name.
        let documents = match readable.map(|(_, e)| &e.payload["documents"]) {
            Some(serde_json::Value::Array(ids)) if !ids.is_empty() => {
                document_names(conn, ids).await?
            }
            _ => Vec::new(),
        };
        let unit = (notice.kind.named_unit())
            .and_then(|field| readable.and_then(|(_, e)| e.payload[field.name()].as_str()))
            .map(|code| unit_name(org, code));
        // The body a report is forwarded to is sent the report itself.
        let report = notice
            .kind
            .carries_report()
            .then(|| case.description.clone());
        let answer_due = case
            .answer_due
            .as_ref()
            .filter(|_| audience.reads(Audience::Internal))
            .map(|d| d.at);
        let event_id = event.map(|(id, _)| id);
        let addresses = match in_memory(org, &notice.recipients) {
            Some(addresses) => addresses,
            None => recipients(conn, &notice.recipients).await?,
        };
        for (to, user, lang) in addresses {
            mails.push(Mail {
                key: format!("case:{}:{kind}:{}:{to}", case.id, event_id.unwrap_or(0)),
                kind: kind.to_owned(),
                to,
                user,
                lang,
                payload: json!({
                    "case_id": case.id.0,
                    "case_code": case.code,
                    "title": case.title,
                    "state": case.state.code(),
                    "event_id": event_id,
                    "answer_due": answer_due,
                    "detail": detail,
                    "unit": unit,
                    "report": report,
                    "documents": documents,
                }),
            });
        }
    }
    Ok(mails)
}

/// A quoted input as an e-mail reads it: a text as it is; an escalation's
/// opinions (`[{unit, opinion}]`) one a line, each after its unit's name.
fn quoted_text(org: &Org, value: &serde_json::Value) -> Option<String> {
    if let Some(text) = value.as_str() {
        return Some(text.to_owned());
    }
    let items = value.as_array()?;
    let lines: Vec<String> = (items.iter())
        .map(|item| {
            let code = item["unit"].as_str().unwrap_or_default();
            let opinion = item["opinion"].as_str().unwrap_or_default();
            format!("{}: {opinion}", unit_name(org, code))
        })
        .collect();
    Some(lines.join("\n"))
}

/// The file names of the attachments with `ids`, in the order cited.
async fn document_names(
    conn: &impl ConnectionTrait,
    ids: &[serde_json::Value],
) -> Result<Vec<String>, StoreError> {
    let ids: Vec<i64> = ids.iter().filter_map(serde_json::Value::as_i64).collect();
    let names: std::collections::HashMap<i64, String> = crate::entities::attachment::Entity::find()
        .filter(crate::entities::attachment::Column::Id.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a.filename))
        .collect();
    Ok(ids.iter().filter_map(|id| names.get(id).cloned()).collect())
}

/// The name of the unit with `code`, or the code when none has it.
fn unit_name(org: &Org, code: &str) -> String {
    org.unit_row_by_code(code)
        .map_or_else(|| code.to_owned(), |u| u.name.clone())
}
