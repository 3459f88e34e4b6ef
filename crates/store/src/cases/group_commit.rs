//! Group commit of filings and, on SQLite, of actions (SPEC §8, §17; W1,
//! W3). SQLite has one writer and every durable commit costs an fsync; on
//! PostgreSQL a filing of its own cost five round trips (begin, counter,
//! case, event, commit), most of the CPU of a filing on a machine the
//! database shares. So one task owns these writes: each request sends its
//! job and waits; the writer takes the first one queued and whatever else
//! is waiting (up to [`MAX_BATCH`]), writes them in one `BEGIN IMMEDIATE`
//! transaction, each in a savepoint of its own, and commits once for all.
//! A job that fails rolls back its savepoint only and gets its own error.
//! Nobody is answered before the commit; if the commit fails, every job of
//! the batch gets the error and none of them exists.
//!
//! Actions go through the writer on SQLite only: there they wait for the
//! one write lock anyway, and each held it for a dozen round trips and a
//! commit of its own (W3). PostgreSQL runs actions on different cases side
//! by side and groups their commits itself; through one writer they would
//! queue.
//!
//! The writer runs on a thread of its own, with a runtime of its own: a
//! batch awaits SQLite once per statement, and on the server's runtime each
//! of those awaits queued behind the requests being served, so the writer,
//! the one resource every filing waits for, spent most of a batch waiting
//! for its turn (docs/benchmarks.md).

use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr};
use tokio::sync::{mpsc, oneshot};
use workflow::UserId;

use super::file::{Prepared, write_many};
use crate::StoreError;
use crate::connect::begin_write;
use crate::idempotency::{CaseOnce, KeyTaken};

mod deferred;
mod jobs;
mod prefetch;

use deferred::Deferred;
pub(crate) use jobs::{Action, Answer};
use jobs::{Job, OwnedKey, Work};
use prefetch::Prefetched;
pub(crate) use prefetch::Stored;

/// The most jobs written in one transaction: enough to take what
/// sixty-four concurrent requests queue during one commit, few enough that
/// the first of them does not wait long for the last.
const MAX_BATCH: usize = 64;

/// Jobs that may wait for the writer before a sender waits to queue.
const QUEUE_LENGTH: usize = 1024;

/// The handle on the writer, shared by the clones of a store.
pub(crate) struct Writer {
    queue: mpsc::Sender<Message>,
    /// Resolves when the writer's thread has written its last batch.
    finished: Mutex<Option<oneshot::Receiver<()>>>,
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writer")
            .field("queued", &(QUEUE_LENGTH - self.queue.capacity()))
            .finish()
    }
}

enum Message {
    Write(Box<Job>),
    /// Take no more jobs; write the ones queued, then end.
    Stop,
}

impl Writer {
    /// Starts the writer on a thread of its own, with its own connection
    /// opened with `options` (one SQLite file); it runs until
    /// [`Writer::stop`] or until the last store holding it is dropped.
    pub(crate) async fn start(options: ConnectOptions) -> Result<Writer, DbErr> {
        let (queue, waiting) = mpsc::channel(QUEUE_LENGTH);
        let (opened, open) = oneshot::channel();
        let (done, finished) = oneshot::channel();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| DbErr::Custom(format!("không tạo được luồng ghi vụ việc: {e}")))?;
        std::thread::Builder::new()
            .name("noicom-writer".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    match Database::connect(options).await {
                        Ok(db) => {
                            let _ = opened.send(Ok(()));
                            run(db, waiting).await;
                        }
                        Err(err) => {
                            let _ = opened.send(Err(err));
                        }
                    }
                });
                let _ = done.send(());
            })
            .map_err(|e| DbErr::Custom(format!("không tạo được luồng ghi vụ việc: {e}")))?;
        open.await
            .map_err(|_| DbErr::Custom("luồng ghi vụ việc dừng khi đang mở".to_owned()))??;
        Ok(Writer {
            queue,
            finished: Mutex::new(Some(finished)),
        })
    }

    /// Queues a prepared filing and waits until the batch that holds it is
    /// committed (or has failed).
    pub(crate) async fn file(
        &self,
        user: UserId,
        prepared: Prepared,
        now: DateTime<Utc>,
        once: Option<&CaseOnce<'_>>,
    ) -> Answer {
        let work = Work::File {
            user,
            prepared: Box::new(prepared),
            now,
        };
        self.write(work, once).await
    }

    /// Queues an action and waits until the batch that holds it is
    /// committed (or has failed).
    pub(crate) async fn act(&self, action: Action, once: Option<&CaseOnce<'_>>) -> Answer {
        self.write(Work::Act(Box::new(action)), once).await
    }

    async fn write(&self, work: Work, once: Option<&CaseOnce<'_>>) -> Answer {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            work,
            once: once.map(OwnedKey::of),
            reply,
        };
        self.queue
            .send(Message::Write(Box::new(job)))
            .await
            .map_err(|_| KeyTaken::Error(StoreError::Io(STOPPED.to_owned())))?;
        answer
            .await
            .map_err(|_| KeyTaken::Error(StoreError::Io(INTERRUPTED.to_owned())))?
    }

    /// Takes no more jobs and returns once the queued ones are committed
    /// and answered.
    pub(crate) async fn stop(&self) {
        let _ = self.queue.send(Message::Stop).await;
        let finished = self
            .finished
            .lock()
            .map(|mut f| f.take())
            .unwrap_or_default();
        if let Some(finished) = finished
            && finished.await.is_err()
        {
            tracing::error!("bộ ghi vụ việc dừng bất thường");
        }
    }
}

/// A job sent after [`Writer::stop`].
const STOPPED: &str = "máy chủ đang dừng: thay đổi chưa được ghi, hãy gửi lại sau";

/// A batch that ended without answering (it panicked): its commit may or
/// may not have happened.
const INTERRUPTED: &str = "việc ghi bị gián đoạn: hãy xem lại vụ việc trước khi gửi lại";

/// The writer: one batch after another until the queue is closed and empty.
async fn run(db: DatabaseConnection, mut waiting: mpsc::Receiver<Message>) {
    let mut messages = Vec::with_capacity(MAX_BATCH);
    let mut last = 0;
    while waiting.recv_many(&mut messages, MAX_BATCH).await > 0 {
        gather(&mut waiting, &mut messages, last).await;
        let mut jobs = Vec::with_capacity(messages.len());
        for message in messages.drain(..) {
            match message {
                Message::Write(job) => jobs.push(*job),
                Message::Stop => waiting.close(),
            }
        }
        if jobs.is_empty() {
            continue;
        }
        last = jobs.len();
        // A batch is a task of its own: if it panics, its requests get an
        // error (their replies are dropped) and the writer goes on.
        if let Err(err) = tokio::spawn(commit(db.clone(), jobs)).await {
            tracing::error!(error = %err, "một nhóm thay đổi không ghi được");
        }
    }
}

/// How long a batch much smaller than the one before waits for the rest.
/// Under load the requests answered by one commit come back within a
/// millisecond or so; the first of them found the writer idle and was
/// written alone, the others queued behind it, and batches went 15, 1,
/// 15, 1 (W3), each paying the fixed cost of a batch (begin, reads,
/// commit). PostgreSQL's `commit_delay` is the same idea.
const GATHER: Duration = Duration::from_millis(1);

/// Adds to `messages` what arrives within [`GATHER`] when they are fewer
/// than half the `last` batch, until they are as many. A lone request
/// after a lone request never waits.
async fn gather(waiting: &mut mpsc::Receiver<Message>, messages: &mut Vec<Message>, last: usize) {
    if messages.len() * 2 > last {
        return;
    }
    let deadline = tokio::time::Instant::now() + GATHER;
    while messages.len() < last.min(MAX_BATCH)
        && !messages.iter().any(|m| matches!(m, Message::Stop))
    {
        let room = MAX_BATCH - messages.len();
        match tokio::time::timeout_at(deadline, waiting.recv_many(messages, room)).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// Writes `jobs` in one transaction, commits, and only then answers each.
/// The filings without an idempotency key are written together, with a
/// few statements for all of them ([`write_many`]): each statement is a
/// round trip to SQLite's thread, which was most of a batch's time. The
/// actions without a key go straight into the transaction; the keyed jobs
/// follow, each in its savepoint. Should a filing written together or an
/// action after its update fail, the transaction is rolled back and every
/// job is written again in a savepoint of its own, so that the failure is
/// only its own.
async fn commit(db: DatabaseConnection, jobs: Vec<Job>) {
    let started = Instant::now();
    let tx = match begin_write(&db).await {
        Ok(tx) => tx,
        Err(err) => return answer_all(jobs, &err),
    };
    let (tx, written) = match write_all(&tx, &jobs, Mode::Together).await {
        Err(Failed::Redo(err)) => {
            tracing::warn!(error = %err, "ghi chung một nhóm thất bại, ghi lại từng thay đổi");
            let _ = tx.rollback().await;
            let tx = match begin_write(&db).await {
                Ok(tx) => tx,
                Err(err) => return answer_all(jobs, &err),
            };
            let written = write_all(&tx, &jobs, Mode::Each).await;
            (tx, written)
        }
        written => (tx, written),
    };
    finish(tx, jobs, written, started).await;
}

/// How a batch writes its jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Keyless filings together, keyless actions straight into the
    /// transaction, keyed jobs each in a savepoint.
    Together,
    /// Every job in a savepoint of its own.
    Each,
}

/// Why a batch's jobs were not all written.
enum Failed {
    /// A write outside a savepoint failed part-way: the transaction holds
    /// part of a job and must be rolled back; each job may be written again
    /// in a savepoint of its own.
    Redo(StoreError),
    /// A savepoint failed itself: none of the batch may be kept.
    Broken(DbErr),
}

/// Writes `jobs` into `tx` as `mode` says; the answers are in the jobs'
/// order.
async fn write_all(
    tx: &DatabaseTransaction,
    jobs: &[Job],
    mode: Mode,
) -> Result<Vec<Answer>, Failed> {
    let mut answers: Vec<Option<Answer>> = jobs.iter().map(|_| None).collect();
    if mode == Mode::Together {
        let keyless: Vec<(usize, (&Prepared, DateTime<Utc>))> = (jobs.iter().enumerate())
            .filter(|(_, job)| job.is_keyless_filing())
            .filter_map(|(i, job)| match &job.work {
                Work::File { prepared, now, .. } => Some((i, (&**prepared, *now))),
                Work::Act(_) => None,
            })
            .collect();
        let together: Vec<_> = keyless.iter().map(|(_, filing)| *filing).collect();
        let written = write_many(tx, &together).await.map_err(Failed::Redo)?;
        for ((i, _), answer) in keyless.iter().zip(written) {
            answers[*i] = Some(Ok(answer));
        }
    }
    let named = (jobs.iter().zip(&answers))
        .filter(|(_, answer)| answer.is_none())
        .filter_map(|(job, _)| job.case_named());
    let mut prefetched = Prefetched::read(tx, named).await;
    let mut deferred = Deferred::default();
    let redo = |err: DbErr| Failed::Redo(err.into());
    for (job, answer) in jobs.iter().zip(answers.iter_mut()) {
        if answer.is_some() {
            continue;
        }
        let straight = match mode {
            Mode::Together => (job.write_straight(tx, &mut prefetched, &mut deferred)).await,
            Mode::Each => None,
        };
        *answer = Some(match straight {
            Some(written) => written.map_err(Failed::Redo)?,
            None => {
                deferred.flush(tx).await.map_err(redo)?;
                (job.write_in_savepoint(tx, &mut prefetched).await).map_err(Failed::Broken)?
            }
        });
    }
    deferred.flush(tx).await.map_err(redo)?;
    Ok(answers.into_iter().flatten().collect())
}

/// Answers every job of a batch whose transaction could not start.
fn answer_all(jobs: Vec<Job>, err: &DbErr) {
    tracing::error!(error = %err, jobs = jobs.len(), "không mở được giao dịch ghi nhóm");
    for job in jobs {
        let _ = job.reply.send(Err(batch_failed(err)));
    }
}

/// Commits (or, if the jobs were not all written, rolls back) and only
/// then answers each job.
async fn finish(
    tx: DatabaseTransaction,
    jobs: Vec<Job>,
    written: Result<Vec<Answer>, Failed>,
    started: Instant,
) {
    let answers = match written {
        Ok(answers) => answers,
        Err(failed) => {
            // A job written in part, or a savepoint that could not be
            // released or rolled back: none of the batch is kept.
            let _ = tx.rollback().await;
            let err = match failed {
                Failed::Broken(err) => err,
                Failed::Redo(err) => DbErr::Custom(err.to_string()),
            };
            tracing::error!(error = %err, jobs = jobs.len(), "ghi nhóm thay đổi thất bại");
            for job in jobs {
                let _ = job.reply.send(Err(batch_failed(&err)));
            }
            return;
        }
    };
    let committed = tx.commit().await;
    match &committed {
        Ok(()) => tracing::debug!(
            jobs = answers.len(),
            micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
            "đã ghi một nhóm thay đổi"
        ),
        Err(err) => {
            tracing::error!(error = %err, jobs = answers.len(), "ghi nhóm thay đổi thất bại")
        }
    }
    for (job, answer) in jobs.into_iter().zip(answers) {
        let answer = match (&committed, answer) {
            (Err(err), Ok(_)) => Err(batch_failed(err)),
            (_, answer) => answer,
        };
        let _ = job.reply.send(answer);
    }
}

/// The error every job of a batch that was not committed gets.
fn batch_failed(err: &DbErr) -> KeyTaken {
    KeyTaken::Error(StoreError::Db(DbErr::Custom(format!(
        "không ghi được nhóm thay đổi, thay đổi này chưa được ghi: {err}"
    ))))
}
