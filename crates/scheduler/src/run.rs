//! The cron loop: each job fires on its own expression, read in the
//! configured time zone. The jobs only write to the database or drain the
//! outbox, so several processes may run the loop on one database; the
//! unique keys and the claims keep each e-mail single.

use std::future::Future;

use chrono::Utc;
use store::attachments::ORPHAN_MIN_AGE_MINUTES;

use crate::{Scheduler, SchedulerConfig, deliver_due};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Materialise,
    Remind,
    Deliver,
    Cleanup,
    SearchIndex,
    Alerts,
}

/// Runs the jobs until `shutdown` completes. A failing job is logged and
/// tried again at its next tick.
pub async fn run(s: Scheduler, config: SchedulerConfig, shutdown: impl Future<Output = ()>) {
    let tz = config.time_zone;
    let jobs = [
        (Job::Materialise, config.cron.materialise.schedule().clone()),
        (Job::Remind, config.cron.remind.schedule().clone()),
        (Job::Deliver, config.cron.deliver.schedule().clone()),
        (Job::Cleanup, config.cron.cleanup.schedule().clone()),
        (
            Job::SearchIndex,
            config.cron.search_index.schedule().clone(),
        ),
        (Job::Alerts, config.cron.alerts.schedule().clone()),
    ];
    tokio::pin!(shutdown);
    tracing::info!(worker = %s.worker, "bộ lập lịch đã chạy");
    loop {
        let now = Utc::now().with_timezone(&tz);
        let next = jobs
            .iter()
            .filter_map(|(job, schedule)| schedule.after(&now).next().map(|at| (at, *job)))
            .min_by_key(|(at, _)| *at);
        let Some((at, job)) = next else {
            tracing::warn!("no cron job will fire again: scheduler stops");
            return;
        };
        let wait = (at.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or_default();
        tokio::select! {
            () = &mut shutdown => {
                tracing::info!("bộ lập lịch dừng");
                return;
            }
            () = tokio::time::sleep(wait) => {}
        }
        // Jobs that share the tick run in a fixed order: materialise, remind,
        // deliver, so a fresh reminder goes out in the same tick.
        for (other, schedule) in &jobs {
            let due = schedule
                .after(&(at - chrono::Duration::milliseconds(1)))
                .next()
                == Some(at);
            if due || *other == job {
                run_job(&s, *other).await;
            }
        }
    }
}

async fn run_job(s: &Scheduler, job: Job) {
    let now = Utc::now();
    let result = match job {
        Job::Materialise => s
            .store
            .materialise_duties(now, &s.rules.calendar)
            .await
            .map(|n| format!("{n} duty instances created"))
            .map_err(crate::Error::from),
        Job::Remind => remind(s, now).await,
        Job::Deliver => deliver_due(
            &s.store,
            &s.mailer,
            &s.rules.calendar,
            &s.delivery,
            &s.worker,
            now,
        )
        .await
        .map(|d| {
            format!(
                "{} sent, {} failed, {} dropped",
                d.sent, d.failed, d.dropped
            )
        }),
        Job::Cleanup => cleanup(s, now).await,
        Job::Alerts => s
            .store
            .raise_alerts(now, &s.rules.calendar, &workflow::AlertRule::default())
            .await
            .map(|r| format!("{} alerts, {} new, {} e-mails", r.alarms, r.new, r.mails))
            .map_err(crate::Error::from),
        Job::SearchIndex => s
            .store
            .merge_search_index(MERGE_PAGES, MERGE_MAX_STEPS)
            .await
            .map(|m| {
                format!(
                    "search index: {} merge steps in {:?}, finished: {}",
                    m.steps, m.busy, m.finished
                )
            })
            .map_err(crate::Error::from),
    };
    match result {
        Ok(done) => tracing::debug!(?job, %done, "job done"),
        Err(err) => tracing::error!(?job, error = %err, "job failed"),
    }
}

/// Index pages per merge step of the nightly search-index job. At 1 M
/// cases a step held the SQLite write lock for 40 ms (p99 181 ms), and a
/// full merge of a fragmented index took 539 steps, 31 s
/// (docs/benchmarks.md).
const MERGE_PAGES: u32 = 256;

/// A bound on one night's merge, far above what a full merge of 1 M cases
/// takes, so that a merge that never finishes cannot hold the other jobs
/// back for ever.
const MERGE_MAX_STEPS: u32 = 20_000;

/// The hourly clean-up: expired rows, then attachment files no row names
/// that are older than [`ORPHAN_MIN_AGE_MINUTES`].
async fn cleanup(s: &Scheduler, now: chrono::DateTime<Utc>) -> Result<String, crate::Error> {
    let purged = s
        .store
        .purge_expired(
            now,
            workflow::SignInThrottle::default().forgotten_before(now),
            workflow::ResetRequestLimits::default().forgotten_before(now),
        )
        .await?;
    let cut = std::time::SystemTime::now()
        - std::time::Duration::from_secs(60 * ORPHAN_MIN_AGE_MINUTES.unsigned_abs());
    let files = s.store.sweep_orphan_files(&s.blobs, cut).await?;
    Ok(format!(
        "{} sessions, {} idempotency keys, {} sign-in counts, {} request counts, {files} orphan files removed",
        purged.sessions, purged.idempotency_keys, purged.login_attempts, purged.request_counts
    ))
}

/// The reminders' sweep, then the monthly bulletins (due from their day at
/// the reminders' send hour).
async fn remind(s: &Scheduler, now: chrono::DateTime<Utc>) -> Result<String, crate::Error> {
    let c = s.store.enqueue_reminders(now, &s.rules).await?;
    let bulletins = crate::bulletin::enqueue_bulletins(s, now).await?;
    Ok(format!(
        "{} duty and {} case reminders written, {} digests enqueued, {} undeliverable, {} bulletins enqueued",
        c.duty, c.case, c.digests, c.undeliverable, bulletins
    ))
}
