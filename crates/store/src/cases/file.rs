//! Filing a case. What decides a filing (the caller, the area, the category,
//! the workflow's verdict, the prefix of the code) is read before the write
//! lock is taken; under the lock only the idempotency key is looked up and
//! the rows are written. A filing without files is written by the
//! group-commit writer ([`super::group_commit`]); one with files (placed on
//! disk before the commit) is a transaction of its own.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use workflow::{Actor, Case, CaseId, Event, FileInput, Notice, Policy, Refusal, UserId};

use super::FileRequest;
use super::code::{code, next_code, take_numbers};
use super::row::to_active;
use crate::attachments::{Blobs, Checked, Upload, check_uploads, place, record};
use crate::auth::Asker;
use crate::entities::{case as case_row, case_event};
use crate::events::{append_first_events, event_row};
use crate::idempotency::{CaseAnswer, CaseOnce, KeyTaken, lookup, save};
use crate::org::area_ref;
use crate::org_cache::Org;
use crate::outbox::{enqueue, enqueue_notices, notice_mails};
use crate::{Store, StoreError};

impl Store {
    /// Files a case as `user` at `now`: the workflow decides, the code is
    /// allocated, the case, its `file` event and its e-mails are written in
    /// one transaction. Returns the stored case.
    pub async fn file_case(
        &self,
        user: impl Into<Asker>,
        request: FileRequest,
        now: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<Case, StoreError> {
        match self
            .file_case_once(user, request, now, policy, None)
            .await?
        {
            CaseAnswer::Done { case, .. } => Ok(*case),
            CaseAnswer::Replay { .. } => unreachable!("no key, no replay"),
        }
    }

    /// [`Store::file_case`] with an optional `Idempotency-Key`: a key seen
    /// before with the same request replays the stored response; the
    /// response to a new one is stored in the filing's transaction.
    pub async fn file_case_once(
        &self,
        user: impl Into<Asker>,
        request: FileRequest,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&CaseOnce<'_>>,
    ) -> Result<CaseAnswer, StoreError> {
        let no_files = Files {
            uploads: Vec::new(),
            blobs: None,
        };
        self.file_case_with_files(user, request, no_files, now, policy, once)
            .await
    }

    /// [`Store::file_case_once`] with the files sent with the report (a
    /// reporter's photos): the case, its `file` event, each file's row
    /// (tied to that event) and `attachment_added` event, and the key's
    /// response are one transaction. A file that is not an accepted kind
    /// refuses the whole report: nothing is written, on disk or in the
    /// database. A replay of the key stores none of the files again.
    ///
    /// A filing without files is committed together with the filings
    /// queued with it (one durable commit for all) and answered only once
    /// that commit is done.
    pub async fn file_case_with_files(
        &self,
        asker: impl Into<Asker>,
        request: FileRequest,
        files: Files<'_>,
        now: DateTime<Utc>,
        policy: &Policy,
        once: Option<&CaseOnce<'_>>,
    ) -> Result<CaseAnswer, StoreError> {
        let asker = asker.into();
        let user = asker.user;
        let checked = check_uploads(files.uploads).await?;
        let org = self.org_for(&asker, &self.read).await?;
        let decided = (org.actor(&self.read, user, now).await)
            .and_then(|actor| prepare(&org, actor, request, now, policy));
        let prepared = match decided {
            Ok(prepared) => prepared,
            Err(refused) => return self.refusal_or_replay(refused, user, once, now).await,
        };
        let written = match &self.writer {
            Some(writer) if checked.is_empty() => writer.file(user, prepared, now, once).await,
            _ => {
                let files = CheckedFiles {
                    files: checked,
                    blobs: files.blobs,
                };
                self.file_in_tx(user, prepared, files, now, once).await
            }
        };
        match written {
            Err(KeyTaken::Race) => self.replay_or(StoreError::KeyReused, user, once, now).await,
            other => other.map_err(StoreError::from),
        }
    }

    /// A filing refused before the lock: a key already answered still
    /// replays its answer (or is refused as reused), as when the key was
    /// looked up first; otherwise the refusal. Nothing is written.
    async fn refusal_or_replay(
        &self,
        refused: StoreError,
        user: UserId,
        once: Option<&CaseOnce<'_>>,
        now: DateTime<Utc>,
    ) -> Result<CaseAnswer, StoreError> {
        let Some(once) = once else {
            return Err(refused);
        };
        match lookup(&self.db, user, once, now).await {
            Ok(Some(replay)) => Ok(replay),
            Err(StoreError::KeyReused) => Err(StoreError::KeyReused),
            Ok(None) | Err(_) => Err(refused),
        }
    }

    /// One transaction for this filing and its files.
    async fn file_in_tx(
        &self,
        user: UserId,
        prepared: Prepared,
        files: CheckedFiles<'_>,
        now: DateTime<Utc>,
        once: Option<&CaseOnce<'_>>,
    ) -> Result<CaseAnswer, KeyTaken> {
        let tx = self.write_tx().await.map_err(KeyTaken::Error)?;
        let answer = write_once(&tx, user, &prepared, &files.files, now, once).await?;
        if let CaseAnswer::Replay { .. } = answer {
            return Ok(answer);
        }
        if !files.files.is_empty() {
            let blobs = files.blobs.ok_or_else(|| {
                KeyTaken::Error(StoreError::Io("no attachment directory given".to_owned()))
            })?;
            place(files.files, blobs).await.map_err(KeyTaken::Error)?;
        }
        tx.commit().await.map_err(|e| KeyTaken::Error(e.into()))?;
        Ok(answer)
    }
}

/// Under the write lock, inside the caller's transaction (or savepoint):
/// the key's stored answer if it has one, else the filing written with
/// its files' rows and the key's answer kept. The files themselves are
/// placed on disk by the caller.
pub(crate) async fn write_once(
    conn: &impl ConnectionTrait,
    user: UserId,
    prepared: &Prepared,
    files: &[Checked],
    now: DateTime<Utc>,
    once: Option<&CaseOnce<'_>>,
) -> Result<CaseAnswer, KeyTaken> {
    if let Some(once) = once
        && let Some(replay) = lookup(conn, user, once, now)
            .await
            .map_err(KeyTaken::Error)?
    {
        return Ok(replay);
    }
    let (actor, case, event) = write(conn, prepared, now).await.map_err(KeyTaken::Error)?;
    record(conn, &actor, &case, files, event, now)
        .await
        .map_err(KeyTaken::Error)?;
    if let Some(once) = once {
        save(conn, &actor, &case, once, now).await?;
    }
    Ok(CaseAnswer::Done {
        case: Box::new(case),
        actor,
    })
}

/// A filing decided before the write lock: the caller, the case as the
/// workflow made it (no id and no code yet), its events and e-mails, and
/// the prefix and year its code is numbered under.
pub(crate) struct Prepared {
    /// The organisation it was decided in, which names its e-mails'
    /// recipients.
    org: Arc<Org>,
    actor: Actor,
    case: Case,
    events: Vec<Event>,
    notices: Vec<Notice>,
    code_prefix: String,
    year: i32,
}

/// Reads what decides a filing and lets the workflow decide, outside any
/// transaction: a refusal writes nothing and holds no lock. A row changed
/// between these reads and the write (a category retired, a user disabled)
/// counts as changed just after the filing; the foreign keys still hold.
pub(crate) fn prepare(
    org: &Arc<Org>,
    actor: Actor,
    request: FileRequest,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Prepared, StoreError> {
    // A blank input is named before a code is looked up, in form order.
    if let Some(first) = request.blanks().into_iter().next() {
        return Err(first.into());
    }
    let area = org.area_by_code(&request.area, "area")?;
    workflow::check_filing(&actor, &area_ref(area))?;
    if !org.category_is_active(&request.category) {
        return Err(Refusal::UnknownCode {
            field: "category",
            code: request.category,
        }
        .into());
    }
    let input = FileInput {
        category: request.category.trim().to_owned(),
        ..request.with_area(area_ref(area))
    };
    let outcome = workflow::file(&actor, input, now, policy)?;
    let code_prefix = match outcome.case.area.lineage.first() {
        Some(root) if root.0 != area.id => org.area_by_id(root.0)?.code.clone(),
        _ => area.code.clone(),
    };
    Ok(Prepared {
        org: org.clone(),
        actor,
        case: outcome.case,
        events: outcome.events,
        notices: outcome.notices,
        code_prefix,
        year: now.with_timezone(&policy.calendar.time_zone()).year(),
    })
}

/// Writes a prepared filing inside the caller's transaction (or savepoint):
/// the code, the case, its events and e-mails. Returns the caller, the
/// stored case and the id of its last event.
async fn write(
    conn: &impl ConnectionTrait,
    prepared: &Prepared,
    now: DateTime<Utc>,
) -> Result<(Actor, Case, Option<i64>), StoreError> {
    let Prepared {
        org,
        actor,
        case,
        events,
        notices,
        code_prefix,
        year,
    } = prepared;
    let mut case = case.clone();
    case.code = next_code(conn, code_prefix, *year).await?;
    // Only the id comes back: the case is known, and a column added since
    // (read back by a RETURNING of every column) would fail a filing on a
    // database not yet migrated as far as the code (an upgrade test).
    let inserted = case_row::Entity::insert(to_active(&case))
        .exec(conn)
        .await?;
    case.id = workflow::CaseId(inserted.last_insert_id);
    let event_ids = append_first_events(conn, case.id, events).await?;
    let event = event_ids.last().copied().zip(events.last());
    enqueue_notices(conn, org, &case, notices, event, now).await?;
    Ok((actor.clone(), case, event_ids.last().copied()))
}

/// Writes prepared filings (each with its own `now`) inside the caller's
/// transaction with a few statements for all of them: one step of each
/// code counter, one insert of the cases, one of their events, one of
/// their e-mails (enqueued as of the last filing's time). What one
/// filing writes is what [`write`] writes for it, and on any error the
/// caller must roll the whole transaction back: unlike [`write_once`] this
/// has no savepoint per filing. Returns the answers in `filings`' order.
pub(crate) async fn write_many(
    conn: &impl ConnectionTrait,
    filings: &[(&Prepared, DateTime<Utc>)],
) -> Result<Vec<CaseAnswer>, StoreError> {
    let mut counts: HashMap<(&str, i32), i64> = HashMap::new();
    for (prepared, _) in filings {
        *counts
            .entry((prepared.code_prefix.as_str(), prepared.year))
            .or_default() += 1;
    }
    // In one order, whoever writes: two batches (two replicas on one
    // PostgreSQL) that both number under two prefixes would otherwise each
    // hold the counter the other waits for.
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_unstable();
    let mut next = HashMap::with_capacity(counts.len());
    for ((prefix, year), count) in counts {
        let last = take_numbers(conn, prefix, year, count).await?;
        next.insert((prefix, year), last - count + 1);
    }
    let mut cases: Vec<Case> = Vec::with_capacity(filings.len());
    for (prepared, _) in filings {
        let number = next
            .get_mut(&(prepared.code_prefix.as_str(), prepared.year))
            .ok_or_else(|| StoreError::Io("mã vụ việc chưa được cấp".to_owned()))?;
        let mut case = prepared.case.clone();
        case.code = code(&prepared.code_prefix, prepared.year, *number);
        *number += 1;
        cases.push(case);
    }
    // RETURNING gives no order: each row is matched back by its code.
    let ids: HashMap<String, i64> = case_row::Entity::insert_many(cases.iter().map(to_active))
        .exec_with_returning(conn)
        .await?
        .into_iter()
        .map(|row| (row.code, row.id))
        .collect();
    for case in &mut cases {
        let id = ids
            .get(&case.code)
            .copied()
            .ok_or_else(|| StoreError::Io(format!("vụ việc {} không được ghi", case.code)))?;
        case.id = CaseId(id);
    }
    let rows = filings
        .iter()
        .zip(&cases)
        .flat_map(|((prepared, _), case)| {
            (1..)
                .zip(&prepared.events)
                .map(|(seq, event)| event_row(case.id, seq, event))
        });
    let event_ids: HashMap<(i64, i32), i64> = case_event::Entity::insert_many(rows)
        .exec_with_returning(conn)
        .await?
        .into_iter()
        .map(|row| ((row.case_id, row.seq), row.id))
        .collect();
    let mut answers = Vec::with_capacity(filings.len());
    let mut mails = Vec::new();
    for ((prepared, _), case) in filings.iter().zip(cases) {
        let last = i32::try_from(prepared.events.len()).unwrap_or(i32::MAX);
        let event = event_ids
            .get(&(case.id.0, last))
            .copied()
            .zip(prepared.events.last());
        mails.extend(notice_mails(conn, &prepared.org, &case, &prepared.notices, event).await?);
        answers.push(CaseAnswer::Done {
            case: Box::new(case),
            actor: prepared.actor.clone(),
        });
    }
    // One insert for the batch's e-mails, enqueued as of its last filing
    // (the filings of a batch are milliseconds apart).
    if let Some(latest) = filings.iter().map(|(_, now)| *now).max() {
        enqueue(conn, mails, latest).await?;
    }
    Ok(answers)
}

/// The files sent with a report, and where stored files live (needed only
/// when there are files).
pub struct Files<'a> {
    /// The files as received.
    pub uploads: Vec<Upload>,
    /// The attachment directory.
    pub blobs: Option<&'a Blobs>,
}

/// The files once checked by content.
struct CheckedFiles<'a> {
    files: Vec<Checked>,
    blobs: Option<&'a Blobs>,
}
