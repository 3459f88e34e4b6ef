//! The reminder sweep as of a time T (SPEC §5, §14): for every pending
//! duty instance and every running case deadline, the reminder step
//! current at T becomes one item per recipient address (`items`), keyed
//! by the cause, its due time, the step and the address, so a second
//! sweep — or a second scheduler — writes nothing new. The sweep then
//! gathers each address's waiting items into the day's digest e-mail
//! (`digest`). A due time that moved makes fresh keys while the old items
//! are left out when the digest is built (see
//! [`Store::reason_holds`](crate::Store::reason_holds)). A reminder whose
//! addressee has no address is recorded `undeliverable` and named to the
//! board.

mod cases;
mod digest;
mod duties;
mod items;
mod opinion_reports;
mod recheck;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Timelike, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use workflow::{Calendar, CaseReminderPolicy, DutyReminderPolicy, Recipients, UnitId};

use crate::entities::unit;
use crate::outbox::{Address, recipients, units_recipients};
use crate::{Store, StoreError};

pub use digest::DigestItem;
use items::Item;

/// Causes handled per transaction: a long sweep never holds the write lock
/// for long, and a crash loses at most one chunk (the next sweep redoes it).
const CHUNK: usize = 200;

/// Kind of a duty reminder item (and of the e-mails of one written before
/// the digests).
pub const DUTY_REMINDER: &str = "duty_reminder";
/// Kind of a case deadline reminder item (and of the e-mails of one
/// written before the digests).
pub const CASE_REMINDER: &str = "case_reminder";
/// Kind of a reminder of a collaborator's monthly opinion report (§16).
pub const OPINION_REPORT_REMINDER: &str = "opinion_report_reminder";
/// Outbox kind of the daily digest of an address's reminders (§14).
pub const REMINDER_DIGEST: &str = "reminder_digest";

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
    /// The day of the month the collaborators' monthly opinion report is
    /// due (§16; default 25, at most 28); reminded on the duty policy.
    pub opinion_report_day: u32,
}

/// What a sweep wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepCount {
    /// New duty reminder items (one per step and address).
    pub duty: u64,
    /// New case reminder items (one per step and address).
    pub case: u64,
    /// New reminder items of monthly opinion reports (§16).
    pub opinion: u64,
    /// New reminders of unacknowledged orientation notices (§12), sent
    /// alone: each carries its own link.
    pub orientation: u64,
    /// Digest e-mails enqueued: at most one per address and local day.
    pub digests: u64,
    /// New reminders whose addressee has no address at all (a unit with
    /// no e-mail and no active liaison), recorded and named to the board.
    pub undeliverable: u64,
}

impl Store {
    /// Writes every reminder due as of `now`, then, from the duty send
    /// hour on, enqueues the day's digest of each address with reminders
    /// waiting.
    pub async fn enqueue_reminders(
        &self,
        now: DateTime<Utc>,
        rules: &ReminderRules,
    ) -> Result<SweepCount, StoreError> {
        let duty = duties::sweep(self, now, rules).await?;
        let case = cases::sweep(self, now, rules).await?;
        let opinion = opinion_reports::sweep(self, now, rules).await?;
        let orientation = crate::orientations::sweep(self, now, &rules.calendar).await?;
        // After both sweeps, so that the day's digest carries duties and
        // cases; and not before the send hour, so that a deadline passed
        // at midnight goes with the morning's steps, not alone.
        let hour = now.with_timezone(&rules.calendar.time_zone()).hour();
        let digests = if hour >= rules.duty.send_hour {
            digest::assemble(self, now, &rules.calendar).await?
        } else {
            0
        };
        Ok(SweepCount {
            duty: duty.pending,
            case: case.pending,
            opinion: opinion.pending,
            orientation,
            digests,
            undeliverable: duty.undeliverable + case.undeliverable + opinion.undeliverable,
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
    /// repeat; [`items::for_cause`] writes it once).
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

/// Unit rows by id, read once per sweep, a chunk's missing ones in one
/// query: the names a reminder says whose duty it is.
#[derive(Default)]
struct Units(HashMap<i64, unit::Model>);

impl Units {
    /// Reads the units of `ids` not known yet.
    async fn load(
        &mut self,
        conn: &impl ConnectionTrait,
        ids: impl IntoIterator<Item = i64>,
    ) -> Result<(), StoreError> {
        let missing: BTreeSet<i64> = ids
            .into_iter()
            .filter(|id| !self.0.contains_key(id))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        for row in unit::Entity::find()
            .filter(unit::Column::Id.is_in(missing))
            .all(conn)
            .await?
        {
            self.0.insert(row.id, row);
        }
        Ok(())
    }

    /// A unit loaded before.
    fn get(&self, id: i64) -> Result<&unit::Model, StoreError> {
        self.0.get(&id).ok_or_else(|| StoreError::NotFound {
            thing: crate::Thing::Unit,
            key: format!("#{id}"),
        })
    }
}

/// What one of the two sweeps wrote.
#[derive(Debug, Clone, Copy, Default)]
struct Written {
    /// Items waiting for a digest.
    pending: u64,
    /// Reminders recorded as reaching nobody.
    undeliverable: u64,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.pending += other.pending;
        self.undeliverable += other.undeliverable;
    }
}

/// Writes one chunk's new items in one transaction. The keys already
/// written are read first, in bulk: a steady tick, whose causes were all
/// written by an earlier one, opens no write transaction at all.
async fn write_chunk(
    store: &Store,
    batch: Vec<Item>,
    now: DateTime<Utc>,
) -> Result<Written, StoreError> {
    let fresh = items::not_yet_written(&store.db, batch).await?;
    if fresh.is_empty() {
        return Ok(Written::default());
    }
    let tx = store.write_tx().await?;
    let written = items::insert(&tx, fresh, now).await?;
    tx.commit().await?;
    Ok(written)
}
