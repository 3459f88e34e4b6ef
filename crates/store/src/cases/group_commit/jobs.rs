//! What the group-commit writer writes: filings and actions, each with the
//! channel its answer goes back on once the batch is committed.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseTransaction, DbErr, TransactionTrait};
use tokio::sync::oneshot;
use workflow::{Actor, Policy, UserId};

use super::super::ActionInput;
use super::super::act::act_steps;
use super::super::file::{Prepared, write_once};
use super::prefetch::{Prefetched, Stored};
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

    /// Writes the job in a savepoint of `tx`: on its own failure the
    /// savepoint is rolled back and the job's error is its answer. `Err` is
    /// a savepoint that failed itself, which breaks the whole batch.
    pub(super) async fn write(
        self,
        tx: &DatabaseTransaction,
        prefetched: &mut Prefetched,
    ) -> (ReplyTo, Result<Answer, DbErr>) {
        let Job { work, once, reply } = self;
        (reply, in_savepoint(tx, work, once, prefetched).await)
    }

    /// The case an action names.
    pub(super) fn case_named(&self) -> Option<&str> {
        match &self.work {
            Work::Act(action) => Some(&action.case),
            Work::File { .. } => None,
        }
    }
}

async fn in_savepoint(
    tx: &DatabaseTransaction,
    work: Work,
    once: Option<OwnedKey>,
    prefetched: &mut Prefetched,
) -> Result<Answer, DbErr> {
    let savepoint = tx.begin().await?;
    let once = once.as_ref().map(OwnedKey::as_once);
    let result = match work {
        Work::File {
            user,
            prepared,
            now,
        } => write_once(&savepoint, user, *prepared, &[], now, once.as_ref()).await,
        Work::Act(action) => {
            let stored = prefetched.take(&action.case);
            act_once(&savepoint, *action, once.as_ref(), stored).await
        }
    };
    match &result {
        Ok(_) => savepoint.commit().await?,
        Err(_) => savepoint.rollback().await?,
    }
    Ok(result)
}

/// The action in the caller's savepoint: the key's stored answer if it has
/// one, else the action carried out and the key's answer kept.
async fn act_once(
    tx: &DatabaseTransaction,
    action: Action,
    once: Option<&CaseOnce<'_>>,
    stored: Option<Stored>,
) -> Answer {
    let Action {
        org,
        actor,
        case,
        version,
        input,
        now,
        policy,
    } = action;
    if let Some(once) = once
        && let Some(replay) = (lookup(tx, actor.user, once, now).await).map_err(KeyTaken::Error)?
    {
        return Ok(replay);
    }
    let case = act_steps(
        tx, &org, &actor, &case, stored, version, input, now, &policy,
    )
    .await
    .map_err(KeyTaken::Error)?;
    if let Some(once) = once {
        save(tx, &actor, &case, once, now).await?;
    }
    Ok(CaseAnswer::Done {
        case: Box::new(case),
        actor,
    })
}
