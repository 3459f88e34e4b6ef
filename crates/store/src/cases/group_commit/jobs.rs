//! What the group-commit writer writes: filings and actions, each with the
//! channel its answer goes back on once the batch is committed.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseTransaction, DbErr, TransactionTrait};
use tokio::sync::oneshot;
use workflow::{Actor, Policy, UserId};

use super::super::ActionInput;
use super::super::act::{act_steps, decide, write};
use super::super::file::{Prepared, write_once};
use super::deferred::Deferred;
use super::prefetch::{Prefetched, Stored};
use crate::StoreError;
use crate::idempotency::{CaseAnswer, CaseOnce, KeyTaken, Render, lookup, save};
use crate::org_cache::Org;

/// What a request gets back: its case, a replay, or why not.
pub(crate) type Answer = Result<CaseAnswer, KeyTaken>;

/// Where a job's answer goes.
pub(super) type ReplyTo = oneshot::Sender<Answer>;

/// A job queued for the writer, with its key and where its answer goes.
pub(super) struct Job {
    pub(super) work: Work,
    pub(super) once: Option<OwnedKey>,
    pub(super) reply: ReplyTo,
}

/// What a job writes.
pub(super) enum Work {
    /// A filing, decided before the write lock.
    File {
        user: UserId,
        prepared: Box<Prepared>,
        now: DateTime<Utc>,
    },
    /// An action, decided under it.
    Act(Box<Action>),
}

/// An action as the caller asked it: the case it names is read, and the
/// rules decide, inside the batch's transaction.
pub(crate) struct Action {
    /// The organisation as of the caller's request.
    pub(crate) org: Arc<Org>,
    /// The caller, as of their request.
    pub(crate) actor: Actor,
    /// The case's id or code.
    pub(crate) case: String,
    /// The version of the case the caller saw.
    pub(crate) version: i64,
    /// What they asked for.
    pub(crate) input: ActionInput,
    /// When.
    pub(crate) now: DateTime<Utc>,
    /// The rules' configuration.
    pub(crate) policy: Policy,
}

/// An `Idempotency-Key` owned by the job, so that it lives as long as the
/// writer needs it even if the request is cancelled.
pub(super) struct OwnedKey {
    key: String,
    request_hash: String,
    status: u16,
    render: Render,
}

impl OwnedKey {
    pub(super) fn of(once: &CaseOnce<'_>) -> OwnedKey {
        OwnedKey {
            key: once.key.to_owned(),
            request_hash: once.request_hash.to_owned(),
            status: once.status,
            render: once.render.clone(),
        }
    }

    fn as_once(&self) -> CaseOnce<'_> {
        CaseOnce {
            key: &self.key,
            request_hash: &self.request_hash,
            status: self.status,
            render: self.render.clone(),
        }
    }
}

impl Job {
    /// Whether this is a filing without a key: those are written together
    /// ([`super::super::file::write_many`]), the others one by one.
    pub(super) fn is_keyless_filing(&self) -> bool {
        self.once.is_none() && matches!(self.work, Work::File { .. })
    }

    /// The case an action names.
    pub(super) fn case_named(&self) -> Option<&str> {
        match &self.work {
            Work::Act(action) => Some(&action.case),
            Work::File { .. } => None,
        }
    }

    /// Writes the job in a savepoint of `tx`: on its own failure the
    /// savepoint is rolled back and the job's error is its answer. `Err` is
    /// a savepoint that failed itself, which breaks the whole batch.
    pub(super) async fn write_in_savepoint(
        &self,
        tx: &DatabaseTransaction,
        prefetched: &mut Prefetched,
    ) -> Result<Answer, DbErr> {
        let savepoint = tx.begin().await?;
        let once = self.once.as_ref().map(OwnedKey::as_once);
        let result = match &self.work {
            Work::File {
                user,
                prepared,
                now,
            } => write_once(&savepoint, *user, prepared, &[], *now, once.as_ref()).await,
            Work::Act(action) => {
                let stored = prefetched.take(&action.case);
                act_once(&savepoint, action, once.as_ref(), stored).await
            }
        };
        match &result {
            Ok(_) => savepoint.commit().await?,
            Err(_) => savepoint.rollback().await?,
        }
        Ok(result)
    }

    /// Writes an action without a key straight into `tx`, without the two
    /// round trips of a savepoint: a refusal, a stale version or any
    /// failure before the case is updated has written nothing and is the
    /// job's answer. `Err` is a failure after the update, which leaves part
    /// of the action in `tx`: the batch must be written again, each job in
    /// a savepoint. `None` for any other job.
    pub(super) async fn write_straight(
        &self,
        tx: &DatabaseTransaction,
        prefetched: &mut Prefetched,
        deferred: &mut Deferred,
    ) -> Option<Result<Answer, StoreError>> {
        let Work::Act(action) = &self.work else {
            return None;
        };
        if self.once.is_some() {
            return None;
        }
        let stored = prefetched.take(&action.case);
        // A case not read beforehand is read now, after the kept updates.
        if stored.is_none()
            && let Err(err) = deferred.flush(tx).await
        {
            return Some(Err(err.into()));
        }
        let mut changed = false;
        let result = match decide(tx, action, stored).await {
            Ok(decided) if decided.writes_case_event_and_mails() && deferred.applies_to(tx) => {
                deferred.act(tx, action, decided).await
            }
            // Its events are written its own way: after the kept ones.
            Ok(decided) => match deferred.flush(tx).await {
                Ok(()) => write(tx, action, decided, &mut changed).await,
                Err(err) => return Some(Err(err.into())),
            },
            Err(err) => Err(err),
        };
        Some(match result {
            Ok(case) => Ok(Ok(CaseAnswer::Done {
                case: Box::new(case),
                actor: action.actor.clone(),
            })),
            Err(err) if !changed => Ok(Err(KeyTaken::Error(err))),
            Err(err) => Err(err),
        })
    }
}

/// The action in the caller's savepoint: the key's stored answer if it has
/// one, else the action carried out and the key's answer kept.
async fn act_once(
    tx: &DatabaseTransaction,
    action: &Action,
    once: Option<&CaseOnce<'_>>,
    stored: Option<Stored>,
) -> Answer {
    if let Some(once) = once
        && let Some(replay) =
            (lookup(tx, action.actor.user, once, action.now).await).map_err(KeyTaken::Error)?
    {
        return Ok(replay);
    }
    let mut changed = false;
    let case = act_steps(tx, action, stored, &mut changed)
        .await
        .map_err(KeyTaken::Error)?;
    if let Some(once) = once {
        save(tx, &action.actor, &case, once, action.now).await?;
    }
    Ok(CaseAnswer::Done {
        case: Box::new(case),
        actor: action.actor.clone(),
    })
}
