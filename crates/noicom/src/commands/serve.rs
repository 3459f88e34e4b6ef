//! `noicom serve [--demo]`: migrate, optionally load the demo data, then
//! serve HTTP until SIGINT/SIGTERM. What a person starting it needs is
//! printed last, in this order: where the e-mails stand, the demo logins,
//! and the URL (the line the black-box tests wait for).

use anyhow::Context;
use store::Store;
use tokio::net::TcpListener;
use web::{AppState, WebConfig};

use workflow::{CollaboratorKind, Lang, Tr, day_label};

use crate::demo::{self, DemoLogin, RosterLogin};
use crate::settings::Settings;

/// Runs the server.
pub async fn run(settings: &Settings, with_demo: bool) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    let logins = if with_demo {
        load_demo(&store, settings).await?
    } else {
        None
    };
    let (stop, scheduler) = start_scheduler(settings, &store)?;
    let listener = TcpListener::bind(&settings.bind)
        .await
        .with_context(|| format!("không mở được địa chỉ {}", settings.bind))?;
    let address = listener
        .local_addr()
        .context("không đọc được địa chỉ đã mở")?;
    if let Some(line) = mail_line(settings, &store).await? {
        println!("{line}");
    }
    if let Some((heading, logins)) = logins {
        println!("{heading}");
        print!("{}", login_table(&logins));
        print!(
            "{}",
            roster_lines(&demo::present_roster(&store).await?, Tr(Lang::Vi))
        );
    }
    println!(
        "noicom đang chạy tại http://{address} (base_url {})",
        settings.base_url
    );
    let state = AppState {
        store: store.clone(),
        config: WebConfig {
            base_url: settings.base_url.clone(),
            data_dir: settings.data_dir.clone(),
            max_attachment_bytes: settings.attachments.max_bytes,
            trusted_proxies: web::TrustedProxies::parse(&settings.http.trusted_proxies)
                .map_err(anyhow::Error::msg)?,
            duty_due: settings.duties.due_rule(),
            duty_reminders: settings.duties.reminder.clone(),
        },
        policy: std::sync::Arc::new(settings.policy()?),
        throttle: workflow::SignInThrottle::default(),
        reset_limits: workflow::ResetRequestLimits::default(),
        metrics: web::HttpMetrics::default(),
    };
    web::serve(listener, state, web::shutdown_signal())
        .await
        .context("máy chủ HTTP dừng vì lỗi")?;
    stop_scheduler(stop, scheduler).await;
    // Filings a cancelled request left queued are still committed.
    store.close().await;
    tracing::info!("đã dừng");
    Ok(())
}

/// The scheduler inside `serve` (SPEC §5), when `NOICOM_SCHEDULER=on`.
type Running = Option<tokio::task::JoinHandle<()>>;

fn start_scheduler(
    settings: &Settings,
    store: &Store,
) -> anyhow::Result<(tokio::sync::watch::Sender<bool>, Running)> {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    if !settings.scheduler.enabled {
        return Ok((stop, None));
    }
    let task = super::scheduling::spawn_in_serve(settings, store.clone(), stopped)?;
    Ok((stop, Some(task)))
}

/// Stops the scheduler and waits for its current job to finish.
async fn stop_scheduler(stop: tokio::sync::watch::Sender<bool>, task: Running) {
    let _ = stop.send(true);
    if let Some(task) = task
        && let Err(err) = task.await
    {
        tracing::error!(error = %err, "bộ lập lịch dừng bất thường");
    }
}

/// Loads the demo data into an empty database; returns the logins to
/// print with their heading: the new ones, or on a database that already
/// has data the demo accounts it still holds (none on a real database).
async fn load_demo(
    store: &Store,
    settings: &Settings,
) -> anyhow::Result<Option<(&'static str, Vec<DemoLogin>)>> {
    if !store
        .is_empty()
        .await
        .context("không kiểm tra được cơ sở dữ liệu")?
    {
        println!("cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu");
        let logins = demo::present_logins(store).await?;
        return Ok((!logins.is_empty()).then_some((
            "tài khoản mẫu (mật khẩu như khi nạp, nếu chưa ai đổi):",
            logins,
        )));
    }
    let logins = demo::load(store, settings)
        .await
        .context("không nạp được dữ liệu mẫu")?;
    println!("đã nạp dữ liệu mẫu");
    Ok(Some(("tài khoản mẫu:", logins)))
}

/// How long start-up waits for the SMTP server to answer before saying
/// it does not.
const SMTP_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

/// One line on the e-mails: where the outbox stands when the SMTP server
/// does not answer or the scheduler is off. Nothing when all is well and
/// nothing waits. The dispatcher logs its failures too, once per run.
async fn mail_line(settings: &Settings, store: &Store) -> anyhow::Result<Option<String>> {
    let waiting: i64 = store
        .outbox_counts()
        .await
        .context("không đọc được hộp thư đi")?
        .iter()
        .filter(|(status, _)| status == store::outbox::status::PENDING)
        .map(|(_, n)| n)
        .sum();
    if !settings.scheduler.enabled {
        return Ok((waiting > 0).then(|| {
            format!(
                "{waiting} e-mail chờ trong hộp thư đi (outbox); bộ lập lịch đang tắt \
                 (NOICOM_SCHEDULER=off) nên chưa gửi"
            )
        }));
    }
    let mailer = scheduler::Mailer::new(settings.smtp.url.expose(), &settings.smtp.from)
        .context("không tạo được kết nối SMTP")?;
    if mailer.answers(SMTP_CHECK).await {
        return Ok(None);
    }
    let tries = settings.scheduler.max_attempts.max(1);
    Ok(Some(format!(
        "máy chủ SMTP (NOICOM_SMTP_URL) không trả lời: {waiting} e-mail chờ trong hộp thư đi \
         (outbox); mỗi thư được thử lại, thưa dần, tới {tries} lần, rồi chờ quản trị viên gửi lại"
    )))
}

/// The logins as an aligned plain-text table.
fn login_table(logins: &[DemoLogin]) -> String {
    let header = ["vai trò", "e-mail", "mật khẩu", "đơn vị"];
    let rows: Vec<[String; 4]> = logins
        .iter()
        .map(|l| {
            [
                l.role.code().to_owned(),
                l.email.clone(),
                l.password.clone(),
                l.unit.clone(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut table = line(header);
    for row in &rows {
        table.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    table
}

/// The demo roster under the logins, grouped by kind, each group with what
/// its members can do; nothing when the database holds none of them.
fn roster_lines(roster: &[RosterLogin], t: Tr) -> String {
    if roster.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", t.demo_roster_heading());
    for kind in [
        CollaboratorKind::Collaborator,
        CollaboratorKind::Propagandist,
    ] {
        let members: Vec<&RosterLogin> = roster.iter().filter(|m| m.kind == kind).collect();
        if members.is_empty() {
            continue;
        }
        let label = kind.label(t.0);
        let can = match kind {
            CollaboratorKind::Collaborator => t.demo_roster_collaborators(label),
            CollaboratorKind::Propagandist => t.demo_roster_propagandists(label),
        };
        out.push_str(&format!("  {can}\n"));
        let width = |f: fn(&RosterLogin) -> &str| {
            members
                .iter()
                .map(|m| f(m).chars().count())
                .max()
                .unwrap_or(0)
        };
        let (email_w, name_w) = (width(|m| &m.email), width(|m| &m.name));
        for m in members {
            let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w - s.chars().count()));
            let ended = m.ended.map_or_else(String::new, |day| {
                format!("  {}", t.demo_roster_ended(day_label(day)))
            });
            let line = format!(
                "    {}  {}  {}{ended}",
                pad(&m.email, email_w),
                pad(&m.name, name_w),
                m.areas
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use workflow::Role;

    #[test]
    fn the_login_table_aligns_columns_by_characters_not_bytes() {
        let login = |role, email: &str| DemoLogin {
            role,
            email: email.to_owned(),
            password: "demo-2026".to_owned(),
            unit: "BTG-HN".to_owned(),
        };
        let table = login_table(&[
            login(Role::Leader, "lanhdao@demo.vn"),
            login(Role::Admin, "qt@demo.vn"),
        ]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        // "mật khẩu" has multi-byte letters: columns must still line up.
        let column = |line: &str, word: &str| line[..line.find(word).unwrap()].chars().count();
        assert_eq!(column(lines[0], "mật khẩu"), column(lines[1], "demo-2026"));
        assert_eq!(column(lines[1], "demo-2026"), column(lines[2], "demo-2026"));
    }
}
