//! `noicom scheduler` on real time: two processes on one database over
//! many cron ticks send each address's daily digest once; a delivery run
//! killed with SIGKILL and started again delivers everything, and the
//! duplicates it caused are counted (docs/benchmarks.md records the
//! figure).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::support::cli::BIN;
use crate::support::fixtures::province;
use crate::support::smtp::{Received, SmtpSink};
use crate::support::{Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    serve_runs_the_scheduler_when_asked_and_stops_it_on_sigterm,
    two_schedulers_send_each_reminder_once,
    a_delivery_killed_midway_delivers_everything_after_restart,
);

/// Liaisons of UBND-HN, each owed one reminder per current step.
pub(crate) const LIAISONS: usize = 12;

/// Cron every second or two, claims that expire after 2 s, and a first
/// reminder 120 days before the due day, so that the current quarter's
/// duty has a reminder due whatever today is.
const CONFIG: &str = r#"
[scheduler]
enabled = false
time_zone = "Asia/Ho_Chi_Minh"
lease_seconds = 2

[scheduler.cron]
materialise = "*/2 * * * * * *"
remind = "*/2 * * * * * *"
deliver = "* * * * * * *"

[duties.reminder]
before_days = [120]
overdue_every_days = 7
send_hour = 0
"#;

pub(crate) fn setup(db: &TestDb, liaisons: usize) -> String {
    province(db);
    let config = db.dir().join("fast.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let config = config.to_str().unwrap().to_owned();
    for i in 0..liaisons {
        noicom(db)
            .args([
                "user",
                "add",
                "--email",
                &format!("daumoi{i}@ubnd.example.vn"),
            ])
            .args([
                "--name",
                "Đầu mối",
                "--role",
                "agency_liaison",
                "--unit",
                "UBND-HN",
            ])
            .ok();
    }
    noicom(db)
        .args([
            "--config",
            &config,
            "programme",
            "add",
            "--year",
            "2026",
            "--to",
            "2030",
        ])
        .args(["--area", "HN", "--parties", "BTG-HN,UBND-HN"])
        .ok();
    config
}

fn spawn(db: &TestDb, smtp: &SmtpSink, config: &str, args: &[&str]) -> Child {
    let mut command = Command::new(BIN);
    for (name, _) in std::env::vars() {
        if name.starts_with("NOICOM_") {
            command.env_remove(name);
        }
    }
    command
        .current_dir(db.dir())
        .env("NOICOM_LOG", "warn")
        .env("NOICOM_DATABASE_URL", &db.url)
        .env("NOICOM_SMTP_URL", smtp.url())
        .args(["--config", config])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("noicom starts")
}

fn terminate(mut child: Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    assert!(status.success(), "noicom scheduler ended with {status}");
}

/// (messages, distinct Message-IDs, distinct recipient+subject pairs).
fn tally(received: &[Received]) -> (usize, usize, usize) {
    let mut ids: Vec<&str> = received.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut pairs: Vec<(String, &str)> = received
        .iter()
        .map(|m| (m.to.join(","), m.subject.as_str()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    (received.len(), ids.len(), pairs.len())
}

/// Panics unless `received` is one reminder digest for each of the
/// [`LIAISONS`], none twice.
pub(crate) fn one_digest_each(received: &[Received]) {
    let (n, ids, pairs) = tally(received);
    assert!(n >= LIAISONS, "only {n} e-mails arrived");
    assert_eq!(n, ids, "an e-mail arrived twice");
    assert_eq!(n, pairs, "a reminder arrived twice under two ids");
    assert_eq!(n, LIAISONS, "one digest each");
    assert!(
        received.iter().all(|m| m.kind == "reminder_digest"),
        "{received:#?}"
    );
}

async fn two_schedulers_send_each_reminder_once(db: TestDb) {
    let config = setup(&db, LIAISONS);
    let smtp = SmtpSink::start(db.dir());
    let a = spawn(&db, &smtp, &config, &["scheduler"]);
    let b = spawn(&db, &smtp, &config, &["scheduler"]);
    // Many ticks of both: every job runs several times in each process.
    tokio::time::sleep(Duration::from_secs(9)).await;
    terminate(a);
    terminate(b);
    // Every tick of both found the same step: one digest per liaison.
    one_digest_each(&smtp.received());
    // Nothing is left to send.
    let run = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args([
            "--config",
            &config,
            "remind",
            "--as-of",
            &Utc::now().to_rfc3339(),
        ])
        .ok();
    assert!(
        run.stdout.contains("reminders enqueued 0, sent 0"),
        "{run:?}"
    );
}

async fn a_delivery_killed_midway_delivers_everything_after_restart(db: TestDb) {
    const KILLS: usize = 3;
    let owed = LIAISONS * 2;
    let config = setup(&db, owed);
    let smtp = SmtpSink::slow(db.dir(), 0.15);
    // Each run is killed (SIGKILL) after three more e-mails arrived; the
    // next starts once the dead one's claims expired.
    for kill in 0..KILLS {
        let before = smtp.received().len();
        let now = Utc::now().to_rfc3339();
        let mut child = spawn(&db, &smtp, &config, &["remind", "--as-of", &now]);
        let started = Instant::now();
        while smtp.received().len() < before + 3 {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "kill {kill}: no progress"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        child.kill().unwrap();
        let _ = child.wait();
        assert!(
            smtp.received().len() < owed,
            "kill {kill} came after the end"
        );
        tokio::time::sleep(Duration::from_millis(2500)).await;
    }
    let run = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args([
            "--config",
            &config,
            "remind",
            "--as-of",
            &Utc::now().to_rfc3339(),
        ])
        .ok();
    assert!(run.stdout.contains("failed 0"), "{run:?}");
    let received = smtp.received();
    let (n, ids, _) = tally(&received);
    let duplicates = n - ids;
    eprintln!(
        "kill -9 during delivery: {KILLS} kills, {n} e-mails received, {ids} distinct, {duplicates} duplicates"
    );
    assert!(
        ids >= owed,
        "only {ids} of at least {owed} reminders arrived"
    );
    assert!(
        duplicates <= KILLS,
        "more duplicates than kills: {duplicates}"
    );
}

async fn serve_runs_the_scheduler_when_asked_and_stops_it_on_sigterm(db: TestDb) {
    let config = setup(&db, 2);
    let smtp = SmtpSink::start(db.dir());
    let url = smtp.url();
    let mut server = Server::start_with_env(
        &db,
        &["--config", &config],
        &[("NOICOM_SCHEDULER", "on"), ("NOICOM_SMTP_URL", &url)],
    )
    .await;
    let started = Instant::now();
    while smtp.received().len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the scheduler inside serve sent nothing\n{}",
            server.report()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let status = server.terminate();
    assert!(status.success(), "{status}\n{}", server.report());
}
