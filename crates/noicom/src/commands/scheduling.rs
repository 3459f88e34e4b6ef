//! `noicom remind --as-of T` (one sweep as of T, then a summary line) and
//! `noicom scheduler` (the cron jobs until SIGINT/SIGTERM), and the
//! scheduler that `serve` runs inside when `NOICOM_SCHEDULER=on`.

use anyhow::Context;
use chrono::{DateTime, Utc};
use scheduler::{DeliveryConfig, Mailer, Scheduler};
use store::Store;
use store::reminders::ReminderRules;

use crate::settings::Settings;

/// The rules of the reminder sweep from the settings: the calendar, the
/// duty and case reminder policies.
pub fn reminder_rules(settings: &Settings) -> anyhow::Result<ReminderRules> {
    let policy = settings.policy()?;
    let mut duty = settings.duties.reminder.clone();
    duty.send_hour = duty.send_hour.min(23);
    Ok(ReminderRules {
        calendar: policy.calendar,
        duty,
        case: settings.case_reminders.clone(),
        opinion_report_day: settings.opinion_reports.due_day,
    })
}

/// The scheduler's parts from the settings.
pub fn build(settings: &Settings, store: Store) -> anyhow::Result<Scheduler> {
    Ok(Scheduler {
        store,
        mailer: Mailer::new(settings.smtp.url.expose(), &settings.smtp.from)
            .context("không tạo được kết nối SMTP")?,
        rules: reminder_rules(settings)?,
        delivery: DeliveryConfig {
            base_url: settings.base_url.clone(),
            max_attempts: settings.scheduler.max_attempts.max(1),
            concurrency: usize::try_from(settings.scheduler.delivery_concurrency.max(1))
                .unwrap_or(1),
            lease: chrono::Duration::seconds(i64::from(settings.scheduler.lease_seconds.max(1))),
            ..DeliveryConfig::default()
        },
        worker: scheduler::worker_name(),
        blobs: store::attachments::Blobs::new(&settings.data_dir),
        bulletin_day: settings.bulletin.day,
    })
}

/// `noicom remind --as-of T`
pub async fn remind(settings: &Settings, as_of: &str) -> anyhow::Result<()> {
    let at = DateTime::parse_from_rfc3339(as_of)
        .map_err(|err| {
            anyhow::anyhow!(
                "--as-of «{as_of}» không phải thời điểm RFC 3339 (ví dụ 2026-10-14T08:00:00+07:00): {err}"
            )
        })?
        .with_timezone(&Utc);
    let store = super::open(settings).await?;
    let s = build(settings, store)?;
    let summary = scheduler::sweep(&s, at)
        .await
        .with_context(|| format!("lượt nhắc việc lúc {as_of} dừng vì lỗi"))?;
    println!("{summary}");
    Ok(())
}

/// `noicom scheduler`
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    let s = build(settings, store)?;
    println!("noicom scheduler đang chạy ({})", s.worker);
    scheduler::run(s, settings.scheduler.clone(), web::shutdown_signal()).await;
    Ok(())
}

/// Starts the scheduler as a task of `serve`; it stops when `stop` fires.
pub fn spawn_in_serve(
    settings: &Settings,
    store: Store,
    stop: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let s = build(settings, store)?;
    let config = settings.scheduler.clone();
    Ok(tokio::spawn(async move {
        let mut stop = stop;
        scheduler::run(s, config, async move {
            let _ = stop.wait_for(|v| *v).await;
        })
        .await;
    }))
}
