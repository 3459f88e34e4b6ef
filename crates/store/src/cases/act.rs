//! Carrying out an action on a case.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter, Set,
};
use workflow::{Case, Command, Policy, Refusal, UserId};

use super::ActionInput;
use super::file::Files;
use super::group_commit::Action;
use super::group_commit::Stored;
use super::resolve::resolve;
use super::row::{case_of, find, find_case, not_found, to_changes};
use crate::attachments::{check_uploads, lock_case, place, record, visible};
use crate::auth::Asker;
use crate::entities::{attachment, case, case_coordinating_unit};
use crate::events::append_events;
use crate::idempotency::{CaseAnswer, CaseOnce, KeyTaken, lookup, save};
use crate::outbox::enqueue_notices;
use crate::{Store, StoreError};

impl Store {
    /// Carries out `input` on the case `id_or_code` as `user`, who saw
    /// `version`. One transaction: a stale version, a refusal or any error
    /// writes nothing. Returns the case as it is now.
    pub async fn act(
        &self,
        asker: impl Into<Asker>,
        id_or_code: &str,
        version: i64,
        input: ActionInput,
        now: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<Case, StoreError> {
        match self
            .act_once(asker, id_or_code, version, input, now, policy, None)
            .await?
        {
            CaseAnswer::Done { case, .. } => Ok(*case),
            CaseAnswer::Replay { .. } => unreachable!("no key, no replay"),
        }
    }

    /// [`Store::act`] with an optional `Idempotency-Key`: a key seen before
    /// with the same request replays the stored response (even though the
    /// version it names is stale by now); the response to a new one is
    /// stored in the action's transaction.
    #[expect(
        clippy::too_many_arguments,
        reason = "one use case, each argument is one of its inputs"
    )]
    pub async fn act_once(
        &self,
        user: impl Into<Asker>,
        id_or_code: &str,
        version: i64,
        input: ActionInput,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&CaseOnce<'_>>,
    ) -> Result<CaseAnswer, StoreError> {
        let no_files = Files {
            uploads: Vec::new(),
            blobs: None,
        };
        self.act_with_files(
            user, id_or_code, version, input, no_files, now, policy, once,
        )
        .await
    }

    /// [`Store::act_once`] with files sent with the action (an agency's
    /// written answer or resolution report with its documents, a
    /// reporter's supplement with photos): the files are recorded as the
    /// case's attachments, named in the action's `documents` (or
    /// `attachments`) and tied to its event, all in the action's
    /// transaction. An action that takes no files, a file of a kind not
    /// accepted, or any refusal writes nothing, on disk or in the database.
    #[expect(
        clippy::too_many_arguments,
        reason = "one use case, each argument is one of its inputs"
    )]
    pub async fn act_with_files(
        &self,
        asker: impl Into<Asker>,
        id_or_code: &str,
        version: i64,
        mut input: ActionInput,
        files: Files<'_>,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&CaseOnce<'_>>,
    ) -> Result<CaseAnswer, StoreError> {
        if !files.uploads.is_empty() && input.files_mut().is_none() {
            return Err(Refusal::InvalidInput { field: "documents" }.into());
        }
        let asker = asker.into();
        let user = asker.user;
        let checked = check_uploads(files.uploads).await?;
        // Read before the write transaction: on PostgreSQL both may need a
        // connection of the pool, which the transactions of concurrent
        // actions could all be holding.
        let org = self.org_for(&asker, &self.read).await?;
        let mut action = Action {
            actor: org.actor(&self.read, user, now).await?,
            org,
            case: id_or_code.to_owned(),
            version,
            input,
            now,
            policy: policy.clone(),
        };
        if let Some(writer) = self
            .writer
            .as_ref()
            .filter(|_| checked.is_empty() && self.backend() == DbBackend::Sqlite)
        {
            return match writer.act(action, once).await {
                Ok(answer) => Ok(answer),
                Err(KeyTaken::Race) => self.replay_or(StoreError::KeyReused, user, once, now).await,
                // A twin of a keyed request, in this batch or an earlier
                // one, committed first: its answer is the replay.
                Err(KeyTaken::Error(conflict @ StoreError::VersionConflict { .. })) => {
                    self.replay_or(conflict, user, once, now).await
                }
                Err(KeyTaken::Error(err)) => Err(err),
            };
        }
        if once.is_none() && checked.is_empty() && self.backend() == DbBackend::Postgres {
            let case = self.act_at_once(&action).await?;
            return Ok(CaseAnswer::Done {
                case: Box::new(case),
                actor: action.actor,
            });
        }
        let tx = self.write_tx().await?;
        if let Some(once) = once
            && let Some(replay) = lookup(&tx, user, once, now).await?
        {
            return Ok(replay);
        }
        if !checked.is_empty() {
            let (_, case) = visible(&tx, &action.org, user, id_or_code, now).await?;
            lock_case(&tx, &case).await?;
            let stored = record(&tx, &action.actor, &case, &checked, None, now).await?;
            if let Some(ids) = action.input.files_mut() {
                ids.extend(stored.iter().map(|a| a.id));
            }
        }
        let case = match act_steps(&tx, &action, None, &mut false).await {
            Ok(case) => case,
            // The same keyed request, sent twice at once, may lose the
            // compare-and-set to its twin: answer with the twin's response.
            Err(conflict @ StoreError::VersionConflict { .. }) => {
                drop(tx);
                return self.replay_or(conflict, user, once, now).await;
            }
            Err(e) => return Err(e),
        };
        let actor = action.actor;
        if let Some(once) = once {
            match save(&tx, &actor, &case, once, now).await {
                Ok(()) => {}
                Err(KeyTaken::Race) => {
                    drop(tx);
                    return self
                        .replay_or(StoreError::KeyReused, user, Some(once), now)
                        .await;
                }
                Err(KeyTaken::Error(e)) => return Err(e),
            }
        }
        if !checked.is_empty() {
            let blobs = files
                .blobs
                .ok_or_else(|| StoreError::Io("no attachment directory given".to_owned()))?;
            place(checked, blobs).await?;
        }
        tx.commit().await?;
        Ok(CaseAnswer::Done {
            case: Box::new(case),
            actor,
        })
    }
}

impl Store {
    /// The answer kept under `once`'s key, committed by a twin of this
    /// request, or else `err`.
    pub(super) async fn replay_or(
        &self,
        err: StoreError,
        user: UserId,
        once: Option<&CaseOnce<'_>>,
        now: DateTime<Utc>,
    ) -> Result<CaseAnswer, StoreError> {
        let Some(once) = once else {
            return Err(err);
        };
        lookup(&self.db, user, once, now).await?.ok_or(err)
    }
}

/// The action inside the caller's transaction: load (unless the case is
/// `stored`, read for the batch), decide, compare-and-set, append,
/// enqueue. `changed` is set once the case is updated: a failure after
/// that has written part of the action to the transaction.
pub(super) async fn act_steps(
    tx: &DatabaseTransaction,
    action: &Action,
    stored: Option<Stored>,
    changed: &mut bool,
) -> Result<Case, StoreError> {
    let decided = decide(tx, action, stored).await?;
    write(tx, action, decided, changed).await
}

/// What the rules decided for an action, before anything is written.
pub(super) struct Decided {
    /// The case's row as read.
    pub(super) row: case::Model,
    /// The case as the rules saw it.
    pub(super) before: Case,
    /// The case after the action, its events and notices.
    pub(super) outcome: workflow::Outcome,
    /// The attachments the action names (an answer's documents).
    documents: Vec<i64>,
    /// The units an orientation goes to.
    orientation: Option<Vec<workflow::UnitRef>>,
}

impl Decided {
    /// Whether [`write`] would write nothing but the case's row, one event
    /// and plain notices: what `act_at_once` writes in one statement.
    /// Every other step of [`write`] is ruled out here.
    pub(super) fn writes_case_event_and_mails(&self) -> bool {
        use workflow::ActionKind::{Conclude, LogMeeting, ScheduleMeeting};
        let (before, after) = (&self.before, &self.outcome.case);
        let [event] = self.outcome.events.as_slice() else {
            return false;
        };
        // Meetings and conclusions have rows of their own.
        !matches!(event.action, ScheduleMeeting | LogMeeting | Conclude)
            && !(self.outcome.notices.iter())
                .any(|n| n.kind == workflow::NoticeKind::MeetingInvitation)
            && after.coordinating_units == before.coordinating_units
            && self.documents.is_empty()
            && after.trial_date == before.trial_date
            && after.verdict_date == before.verdict_date
            && self.orientation.is_none()
    }
}

/// What an action that writes its case's row, one event and its e-mails
/// writes ([`Decided::writes_case_event_and_mails`]).
pub(super) struct Plain {
    /// The case's row as read.
    pub(super) row: case::Model,
    /// The case as the rules saw it.
    pub(super) before: Case,
    /// The case after the action.
    pub(super) after: Case,
    /// Its one event.
    pub(super) event: workflow::Event,
    /// Whom it tells.
    pub(super) notices: Vec<workflow::Notice>,
}

impl Decided {
    /// The action's writes, for one that writes only its case's row, one
    /// event and its e-mails.
    pub(super) fn into_plain(self) -> Result<Plain, StoreError> {
        let workflow::Outcome {
            case: after,
            mut events,
            notices,
        } = self.outcome;
        let event = events.pop().filter(|_| events.is_empty()).ok_or_else(|| {
            sea_orm::DbErr::Custom("an action written at once has one event".to_owned())
        })?;
        Ok(Plain {
            row: self.row,
            before: self.before,
            after,
            event,
            notices,
        })
    }
}

/// Loads the case (unless `stored`), checks who may, the version and the
/// state, and lets the rules decide. Reads only.
pub(super) async fn decide(
    conn: &impl ConnectionTrait,
    action: &Action,
    stored: Option<Stored>,
) -> Result<Decided, StoreError> {
    let Action {
        org,
        actor,
        case: id_or_code,
        version,
        input,
        now,
        policy,
    } = action;
    let (org, id_or_code, version, now) = (&**org, id_or_code.as_str(), *version, *now);
    let (row, before) = match stored {
        Some((row, coordinating)) => {
            let before = case_of(org, &row, Some(&coordinating), now)?;
            (row, before)
        }
        None => find_case(conn, org, id_or_code, now).await?,
    };
    if !workflow::can_view(actor, &before) {
        return Err(not_found(id_or_code));
    }
    // Who may is judged first: a caller who may never do this gets 403
    // whatever version they sent. The state is judged after the version, so
    // that a twin of an idempotent request that lost the race is told of the
    // version, and replayed. Both come before the codes of the input are
    // looked up: a caller who may not act learns nothing about them.
    let allowed = workflow::check_action(actor, &before, input.kind());
    if let Err(refusal) = &allowed
        && refusal.is_forbidden()
    {
        return Err(refusal.clone().into());
    }
    if before.version != version {
        return Err(StoreError::VersionConflict {
            given: version,
            current: before.version,
        });
    }
    allowed?;
    let command = resolve(conn, org, actor, &before, input.clone(), now).await?;
    let documents = command.files().to_vec();
    let orientation = match &command {
        Command::Orient(o) | Command::AddOrientation(o) => Some(o.recipients.clone()),
        _ => None,
    };
    let outcome = workflow::apply(&before, actor, command, now, policy)?;
    Ok(Decided {
        row,
        before,
        outcome,
        documents,
        orientation,
    })
}

/// Updates the case's row from `before` to `after` if it is still at
/// `before`'s version: a concurrent action that committed first makes
/// this update touch no row, and the caller, who sent `version`, is told.
pub(super) async fn compare_and_set(
    tx: &DatabaseTransaction,
    row: &case::Model,
    before: &Case,
    after: &Case,
    version: i64,
) -> Result<(), StoreError> {
    let updated = case::Entity::update_many()
        .set(to_changes(before, after))
        .filter(case::Column::Id.eq(row.id))
        .filter(case::Column::Version.eq(before.version))
        .exec(tx)
        .await?;
    if updated.rows_affected != 1 {
        let current = find(tx, &row.id.to_string()).await?.version;
        return Err(StoreError::VersionConflict {
            given: version,
            current,
        });
    }
    Ok(())
}

/// Writes what was `decided` in the caller's transaction: compare-and-set,
/// append, enqueue. A step added here is ruled out in
/// [`Decided::writes_case_event_and_mails`].
pub(super) async fn write(
    tx: &DatabaseTransaction,
    action: &Action,
    decided: Decided,
    changed: &mut bool,
) -> Result<Case, StoreError> {
    let Action {
        org,
        actor,
        version,
        now,
        policy,
        ..
    } = action;
    let (org, version, now) = (&**org, *version, *now);
    let Decided {
        row,
        before,
        outcome,
        documents,
        orientation,
    } = decided;
    let after = outcome.case;
    compare_and_set(tx, &row, &before, &after, version).await?;
    *changed = true;
    if after.coordinating_units != before.coordinating_units {
        case_coordinating_unit::Entity::delete_many()
            .filter(case_coordinating_unit::Column::CaseId.eq(row.id))
            .exec(tx)
            .await?;
        for unit in &after.coordinating_units {
            case_coordinating_unit::Entity::insert(case_coordinating_unit::ActiveModel {
                case_id: Set(row.id),
                unit_id: Set(unit.id.0),
            })
            .exec(tx)
            .await?;
        }
    }
    let event_ids = append_events(tx, after.id, &outcome.events).await?;
    if let (Some(event), false) = (event_ids.last(), documents.is_empty()) {
        attachment::Entity::update_many()
            .col_expr(attachment::Column::EventId, Expr::value(*event))
            .filter(attachment::Column::Id.is_in(documents))
            .exec(tx)
            .await?;
    }
    if after.trial_date != before.trial_date || after.verdict_date != before.verdict_date {
        crate::duties::on_trial_date(tx, &after, &policy.calendar, now).await?;
    }
    let event = event_ids.last().copied().zip(outcome.events.last());
    // Meeting invitations carry the meeting's facts and calendar entry:
    // written with the meeting (`meetings`), not as a plain notice.
    let (invitations, notices): (Vec<_>, Vec<_>) = (outcome.notices.iter().cloned())
        .partition(|n| n.kind == workflow::NoticeKind::MeetingInvitation);
    crate::meetings::on_action(tx, &after, event, &invitations, now).await?;
    if let Some((event_id, e)) = event
        && e.action == workflow::ActionKind::Conclude
    {
        crate::conclusions::number(tx, actor, event_id, &policy.calendar, now).await?;
    }
    enqueue_notices(tx, org, &after, &notices, event, now).await?;
    if let (Some(recipients), Some((event_id, event))) = (orientation, event) {
        // The rules checked the recipients; a unit named twice is sent once.
        let mut once: Vec<workflow::UnitRef> = Vec::with_capacity(recipients.len());
        for unit in recipients {
            if !once.iter().any(|u| u.id == unit.id) {
                once.push(unit);
            }
        }
        crate::orientations::issue(
            tx,
            actor,
            &after,
            event_id,
            event,
            &once,
            &policy.calendar,
            now,
        )
        .await?;
    }
    Ok(after)
}
