//! The reminder sweep as of a time T (SPEC §5): for every pending duty
//! instance and every running case deadline, the reminder step current at
//! T (`workflow`'s `latest_step`) becomes one outbox row per recipient.
//! Keys carry the cause, its due time, the step and the address, so a
//! second sweep — or a second scheduler — enqueues nothing new, and a due
//! time that moved makes fresh keys while the old rows are dropped at send
//! time (see [`Store::reason_holds`](crate::Store::reason_holds)).

mod cases;
mod duties;
mod recheck;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use workflow::{Calendar, CaseReminderPolicy, DutyReminderPolicy, Recipients, UnitId};

use crate::outbox::{Address, Mail, enqueue, not_yet_enqueued, recipients, units_recipients};
use crate::{Store, StoreError};

/// Causes handled per transaction: a long sweep never holds the write lock
/// for long, and a crash loses at most one chunk (the next sweep redoes it).
const CHUNK: usize = 200;

/// Outbox kind of a duty reminder.
pub const DUTY_REMINDER: &str = "duty_reminder";
/// Outbox kind of a case deadline reminder.
pub const CASE_REMINDER: &str = "case_reminder";

/// The rules a sweep follows.
#[derive(Debug, Clone)]
pub struct ReminderRules {
    /// Working days and the local time zone.
    pub calendar: Calendar,
    /// Defaults for duties; a schedule's own offsets replace `before_days`
    /// and `overdue_every_days`.
    pub duty: DutyReminderPolicy,
    /// Case deadline reminders.
    pub case: CaseReminderPolicy,
}

/// What a sweep enqueued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepCount {
    /// New duty reminder rows.
    pub duty: u64,
    /// New case reminder rows.
    pub case: u64,
    /// New reminders of unacknowledged orientation notices (§12).
    pub orientation: u64,
}

impl Store {
    /// Enqueues every reminder due as of `now`. Returns the new rows.
    pub async fn enqueue_reminders(
        &self,
        now: DateTime<Utc>,
        rules: &ReminderRules,
    ) -> Result<SweepCount, StoreError> {
        Ok(SweepCount {
            duty: duties::sweep(self, now, rules).await?,
            case: cases::sweep(self, now, rules).await?,
            orientation: crate::orientations::sweep(self, now, &rules.calendar).await?,
        })
    }
}

/// Addresses per recipient set, looked up once per sweep; the units of a
/// chunk are looked up together ([`Addresses::load_units`]), so a sweep
/// costs a few queries per chunk, not two per unit.
#[derive(Default)]
struct Addresses(HashMap<Recipients, Vec<Address>>);

impl Addresses {
    async fn of(
        &mut self,
        conn: &impl ConnectionTrait,
        to: &Recipients,
    ) -> Result<&[Address], StoreError> {
        if !self.0.contains_key(to) {
            let found = recipients(conn, to).await?;
            self.0.insert(to.clone(), found);
        }
        Ok(self.0.get(to).map(Vec::as_slice).unwrap_or_default())
    }

    /// The addresses of every set of `sets`, in order (an address may
    /// repeat; [`mails`] writes it once).
    async fn all_of(
        &mut self,
        conn: &impl ConnectionTrait,
        sets: &[Recipients],
    ) -> Result<Vec<Address>, StoreError> {
        let mut out = Vec::new();
        for set in sets {
            out.extend(self.of(conn, set).await?.iter().cloned());
        }
        Ok(out)
    }

    /// Looks up the units of `ids` not known yet, in bulk.
    async fn load_units(
        &mut self,
        conn: &impl ConnectionTrait,
        ids: impl IntoIterator<Item = i64>,
    ) -> Result<(), StoreError> {
        let missing: BTreeSet<i64> = ids
            .into_iter()
            .filter(|&id| !self.0.contains_key(&Recipients::Unit { unit: UnitId(id) }))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = missing.into_iter().collect();
        for (id, found) in units_recipients(conn, &ids).await? {
            self.0.insert(Recipients::Unit { unit: UnitId(id) }, found);
        }
        Ok(())
    }
}

/// One mail per distinct address of `lists`, keyed `<cause>:to:<address>`.
fn mails(cause: &str, kind: &str, lists: &[&[Address]], payload: &serde_json::Value) -> Vec<Mail> {
    let mut out: Vec<Mail> = Vec::new();
    for (to, user, lang) in lists.iter().flat_map(|l| l.iter()) {
        if out.iter().any(|m| m.to == *to) {
            continue;
        }
        out.push(Mail {
            key: format!("{cause}:to:{to}"),
            kind: kind.to_owned(),
            to: to.clone(),
            user: *user,
            lang: lang.clone(),
            payload: payload.clone(),
        });
    }
    out
}

/// Writes one chunk's new mails in one transaction. The keys already in
/// the outbox are read first, in bulk: a steady tick, whose causes were
/// all enqueued by an earlier one, opens no write transaction at all.
async fn write_chunk(
    store: &Store,
    mails: Vec<Mail>,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let fresh = not_yet_enqueued(&store.db, mails).await?;
    if fresh.is_empty() {
        return Ok(0);
    }
    let tx = store.write_tx().await?;
    let n = enqueue(&tx, fresh, now).await?;
    tx.commit().await?;
    Ok(n)
}
