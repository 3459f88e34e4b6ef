//! One full sweep as of a time T: materialise the duty instances, enqueue
//! the reminders current at T, deliver everything due at T.

use chrono::{DateTime, Utc};
use store::Store;
use store::attachments::Blobs;
use store::reminders::ReminderRules;

use crate::{Delivered, DeliveryConfig, Error, Mailer, deliver_due};

/// Everything the jobs need.
#[derive(Debug, Clone)]
pub struct Scheduler {
    /// The database.
    pub store: Store,
    /// SMTP.
    pub mailer: Mailer,
    /// Calendar and reminder policies.
    pub rules: ReminderRules,
    /// Dispatcher settings.
    pub delivery: DeliveryConfig,
    /// This process's name in claims (host, pid, random).
    pub worker: String,
    /// The attachment files, for the clean-up's orphan sweep.
    pub blobs: Blobs,
    /// The day of the month (1–28) from which the month before's opinion
    /// bulletin is e-mailed to the leaders, at the reminders' send hour.
    pub bulletin_day: u32,
}

/// What one sweep did; printed by `noicom remind`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Duty instances created.
    pub instances: u64,
    /// Reminders written (duty and case items, one per step and address,
    /// and orientation reminders).
    pub enqueued: u64,
    /// Daily digests enqueued (one per address and day at most).
    pub digests: u64,
    /// Reminders that reached nobody (a unit with no e-mail and no
    /// active liaison): recorded and named in the board's digest.
    pub undeliverable: u64,
    /// Monthly opinion bulletins enqueued (one per leader and month).
    pub bulletins: u64,
    /// Early-warning alerts stored by this sweep (SPEC §16).
    pub alerts: u64,
    /// What delivery did.
    pub delivered: Delivered,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "instances created {}, reminders enqueued {}, sent {}, failed {}, dropped {}, digests {}, undeliverable {}, bulletins {}, alerts {}",
            self.instances,
            self.enqueued,
            self.delivered.sent,
            self.delivered.failed,
            self.delivered.dropped,
            self.digests,
            self.undeliverable,
            self.bulletins,
            self.alerts
        )
    }
}

/// One sweep as of `as_of`.
pub async fn sweep(s: &Scheduler, as_of: DateTime<Utc>) -> Result<Summary, Error> {
    let instances = s.store.materialise_duties(as_of, &s.rules.calendar).await?;
    let count = s.store.enqueue_reminders(as_of, &s.rules).await?;
    let bulletins = crate::bulletin::enqueue_bulletins(s, as_of).await?;
    // Before delivery, so that a new alert's e-mails go out in this sweep.
    let alerts = s
        .store
        .raise_alerts(as_of, &s.rules.calendar, &workflow::AlertRule::default())
        .await?;
    let delivered = deliver_due(
        &s.store,
        &s.mailer,
        &s.rules.calendar,
        &s.delivery,
        &s.worker,
        as_of,
    )
    .await?;
    Ok(Summary {
        instances,
        enqueued: count.duty + count.case + count.opinion + count.orientation,
        digests: count.digests,
        undeliverable: count.undeliverable,
        bulletins,
        alerts: alerts.new,
        delivered,
    })
}

/// A name for this process in outbox claims.
pub fn worker_name() -> String {
    format!("{}-{:08x}", std::process::id(), rand::random::<u32>())
}
