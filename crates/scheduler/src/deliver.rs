//! The outbox dispatcher: claims due rows under a lease, checks each
//! row's reason again, sends, and marks it sent at once (the only window
//! for a duplicate is between the SMTP server's acceptance and that
//! update). Failures go back to pending with exponential backoff and
//! jitter, and to `failed` after the last try.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use store::Store;
use store::entities::outbox;
use tokio::task::JoinSet;
use workflow::Calendar;

use store::reminders::REMINDER_DIGEST;

use crate::render::{render, render_digest};
use crate::{Error, Mailer};

/// How the dispatcher behaves.
#[derive(Debug, Clone)]
pub struct DeliveryConfig {
    /// Public base URL for links.
    pub base_url: String,
    /// Tries before a row is `failed`.
    pub max_attempts: u32,
    /// First retry delay; doubled at each try.
    pub backoff: Duration,
    /// How long a claim holds a row.
    pub lease: Duration,
    /// Rows per claim.
    pub batch: u64,
    /// E-mails in flight at once.
    pub concurrency: usize,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            base_url: "http://127.0.0.1:8080".into(),
            max_attempts: 8,
            backoff: Duration::seconds(60),
            lease: Duration::minutes(5),
            batch: 50,
            concurrency: 1,
        }
    }
}

/// What a delivery run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Accepted by the SMTP server.
    pub sent: u64,
    /// Failed this time (retried later or given up).
    pub failed: u64,
    /// Their reason went away.
    pub dropped: u64,
}

/// Delivers every row due at `due_by`, as `worker`, until none is left.
/// Up to `config.concurrency` e-mails are in flight at once: one SMTP
/// exchange spends most of its time waiting on the network, and the
/// transport is a pool; but every e-mail in flight when the process dies
/// may be sent again, so the default is one.
pub async fn deliver_due(
    store: &Store,
    mailer: &Mailer,
    calendar: &Calendar,
    config: &DeliveryConfig,
    worker: &str,
    due_by: DateTime<Utc>,
) -> Result<Delivered, Error> {
    let ctx = Arc::new(Ctx {
        store: store.clone(),
        mailer: mailer.clone(),
        calendar: calendar.clone(),
        config: config.clone(),
        worker: worker.to_owned(),
        due_by,
    });
    let mut done = Delivered::default();
    let mut failures = Failures::default();
    loop {
        let rows = store
            .claim_outbox(worker, due_by, Utc::now(), config.lease, config.batch)
            .await?;
        if rows.is_empty() {
            failures.log();
            return Ok(done);
        }
        let mut tasks = JoinSet::new();
        let mut results = Vec::new();
        for row in rows {
            if tasks.len() >= config.concurrency.max(1)
                && let Some(result) = tasks.join_next().await
            {
                results.push(result);
            }
            let ctx = Arc::clone(&ctx);
            tasks.spawn(async move { ctx.deliver_one(row).await });
        }
        while let Some(result) = tasks.join_next().await {
            results.push(result);
        }
        for result in results {
            match result.map_err(|e| Error::Config(format!("delivery task: {e}")))?? {
                Outcome::Sent => done.sent += 1,
                Outcome::Failed { gave_up, error } => {
                    done.failed += 1;
                    failures.add(gave_up, error);
                }
                Outcome::Dropped => done.dropped += 1,
                Outcome::Lost => {}
            }
        }
    }
}

/// The failures of one delivery run, logged as one line at its end: an
/// SMTP server that is down fails every e-mail of the run the same way,
/// and one warning per e-mail per try would bury everything else.
#[derive(Default)]
struct Failures {
    /// Left pending, to be tried again after their backoff.
    retried: u64,
    /// Marked failed: after the last try, or an address that is none.
    gave_up: u64,
    /// The error of the last failure, as an example.
    last: Option<String>,
}

impl Failures {
    fn add(&mut self, gave_up: bool, error: String) {
        if gave_up {
            self.gave_up += 1;
        } else {
            self.retried += 1;
        }
        self.last = Some(error);
    }

    fn log(&self) {
        let last = self.last.as_deref().unwrap_or_default();
        if self.retried > 0 {
            tracing::warn!(
                count = self.retried,
                last_error = last,
                "e-mails not sent: they wait in the outbox and are tried again with backoff"
            );
        }
        if self.gave_up > 0 {
            tracing::error!(
                count = self.gave_up,
                last_error = last,
                "e-mails given up: marked failed, for an administrator to retry"
            );
        }
    }
}

/// What became of one row.
enum Outcome {
    Sent,
    Failed {
        /// Marked failed for good rather than left to retry.
        gave_up: bool,
        /// Why, for the run's summary.
        error: String,
    },
    Dropped,
    /// The claim was lost: another dispatcher holds the row now.
    Lost,
}

/// What every delivery task of a run shares.
struct Ctx {
    store: Store,
    mailer: Mailer,
    calendar: Calendar,
    config: DeliveryConfig,
    worker: String,
    due_by: DateTime<Utc>,
}

impl Ctx {
    async fn deliver_one(&self, row: outbox::Model) -> Result<Outcome, Error> {
        let (store, worker, config) = (&self.store, self.worker.as_str(), &self.config);
        if !store
            .renew_claim(row.id, worker, Utc::now(), config.lease)
            .await?
        {
            tracing::warn!(
                id = row.id,
                "claim lost before sending: left to its new holder"
            );
            return Ok(Outcome::Lost);
        }
        if !store.reason_holds(&row).await? {
            store.mark_dropped(row.id, worker).await?;
            return Ok(Outcome::Dropped);
        }
        let rendered = if row.kind == REMINDER_DIGEST {
            // Built now, from the items whose reason still holds, with
            // their words as of now; none left, it is not sent.
            let items = store.digest_items(&row.key).await?;
            render_digest(&row, &items, &config.base_url, &self.calendar, self.due_by).transpose()
        } else {
            Some(render(&row, &config.base_url, &self.calendar))
        };
        let Some(rendered) = rendered else {
            store.mark_dropped(row.id, worker).await?;
            return Ok(Outcome::Dropped);
        };
        let mail = match rendered {
            Ok(mail) => mail,
            Err(err) => {
                tracing::error!(id = row.id, kind = %row.kind, error = %err, "row failed");
                let error = err.to_string();
                store
                    .mark_attempt_failed(row.id, worker, &error, self.due_by, true)
                    .await?;
                return Ok(Outcome::Failed {
                    gave_up: true,
                    error,
                });
            }
        };
        match self
            .mailer
            .send(row.id, &row.kind, &row.recipient_email, &mail)
            .await
        {
            Ok(()) => {
                store.mark_sent(row.id, worker, Utc::now()).await?;
                Ok(Outcome::Sent)
            }
            Err(err) => {
                let tries = u32::try_from(row.attempts).unwrap_or(0) + 1;
                let give_up = tries >= config.max_attempts || matches!(err, Error::Address(_));
                let next = self.due_by + backoff(config.backoff, tries);
                // Each row's failure is also in its `last_error`; the run
                // logs one summary of them all (`Failures`).
                tracing::debug!(id = row.id, tries, give_up, error = %err, "e-mail not sent");
                let error = err.to_string();
                store
                    .mark_attempt_failed(row.id, worker, &error, next, give_up)
                    .await?;
                Ok(Outcome::Failed {
                    gave_up: give_up,
                    error,
                })
            }
        }
    }
}

/// `base × 2^(tries−1)`, capped at a day, plus up to 20 % jitter so that
/// many rows failing together do not retry together.
fn backoff(base: Duration, tries: u32) -> Duration {
    let factor = 1i64 << tries.saturating_sub(1).min(16);
    let delay = (base * i32::try_from(factor).unwrap_or(i32::MAX)).min(Duration::days(1));
    let jitter = rand::rng().random_range(0..=delay.num_milliseconds() / 5);
    delay + Duration::milliseconds(jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let base = Duration::seconds(60);
        let first = backoff(base, 1);
        assert!(
            first >= base && first <= base + Duration::seconds(12),
            "{first}"
        );
        let third = backoff(base, 3);
        assert!(third >= Duration::seconds(240) && third <= Duration::seconds(288));
        assert!(backoff(base, 40) <= Duration::days(1) + Duration::hours(5));
    }
}
