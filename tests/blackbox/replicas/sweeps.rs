//! Three replicas sweeping at the same time, each with its scheduler on:
//! their cron ticks fall on the same seconds, so every sweep and every
//! delivery run meets the other two on the outbox. Each liaison's digest
//! arrives once (SPEC §5, §17).

use std::time::{Duration, Instant};

use crate::scheduler::{LIAISONS, one_digest_each, setup};
use crate::support::smtp::SmtpSink;
use crate::support::{Backend, TestDb};

#[tokio::test]
async fn three_replicas_sweeping_at_once_send_each_email_once() {
    let db = TestDb::new(Backend::Postgres).await;
    let config = setup(&db, LIAISONS);
    // A slow SMTP server: the three delivery runs overlap.
    let smtp = SmtpSink::slow(db.dir(), 0.05);
    let url = smtp.url();
    let env = [
        ("NOICOM_SCHEDULER", "on"),
        ("NOICOM_SMTP_URL", url.as_str()),
    ];
    let mut replicas = super::replicas(&db, &["--config", &config], &env).await;

    let started = Instant::now();
    while smtp.received().len() < LIAISONS {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "only {} of {LIAISONS} digests arrived",
            smtp.received().len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Several more ticks of all three, to send anything twice they would.
    tokio::time::sleep(Duration::from_secs(5)).await;
    for replica in &mut replicas {
        let status = replica.terminate();
        assert!(status.success(), "{status}\n{}", replica.report());
    }

    one_digest_each(&smtp.received());
}
