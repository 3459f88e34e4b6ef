//! The scheduler at scale (not a test): seeds 10 000 units with a
//! quarterly duty each and 100 000 open cases with deadlines, then times
//! materialising four quarters of duty instances, a reminder sweep that
//! enqueues, the same sweep again (nothing new: the steady-state cost of a
//! cron tick), and delivery of 2 000 e-mails to the local SMTP sink.
//!
//! `NOICOM_TEST_PYTHON=$HOME/.cache/noicom-venv/bin/python cargo bench -p scheduler --bench sweep`;
//! `BENCH_UNITS` and `BENCH_CASES` scale it down for a quick look.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use store::Store;
use store::entities::{case, duty_schedule, outbox, programme, unit, unit_area, user};
use store::reminders::ReminderRules;
use testkit::{Backend, TestDb, org};
use workflow::{Calendar, CaseReminderPolicy, DutyReminderPolicy};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn t(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).unwrap()
}

async fn id_of_unit(s: &Store, code: &str) -> i64 {
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code))
        .one(s.connection())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn seed(s: &Store, units: usize, cases: usize) {
    let o = org::build(s).await;
    let conn = s.connection();
    let board = id_of_unit(s, "BTG-HN").await;
    let hn = 1;
    let ward = 2;
    let now = t(2026, 1, 5);
    for chunk in (0..units).collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|i| unit::ActiveModel {
            code: Set(format!("BENCH-{i}")),
            name: Set(format!("Cơ quan {i}")),
            kind: Set("people_committee".into()),
            home_area_id: Set(hn),
            email: Set(None),
            valid_from: Set(None),
            valid_to: Set(None),
            former_names: Set("[]".into()),
            created_at: Set(now),
            ..Default::default()
        });
        unit::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await
            .unwrap();
    }
    let first = id_of_unit(s, "BENCH-0").await;
    let ids: Vec<i64> = (0..units as i64).map(|i| first + i).collect();
    let programme = programme::Entity::insert(programme::ActiveModel {
        area_id: Set(hn),
        title: Set("Chương trình đo".into()),
        year_from: Set(2026),
        year_to: Set(2026),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(conn)
    .await
    .unwrap()
    .last_insert_id;
    for chunk in ids.chunks(500) {
        unit_area::Entity::insert_many(chunk.iter().map(|&u| unit_area::ActiveModel {
            unit_id: Set(u),
            area_id: Set(hn),
        }))
        .exec_without_returning(conn)
        .await
        .unwrap();
        user::Entity::insert_many(chunk.iter().map(|&u| user::ActiveModel {
            email: Set(format!("daumoi{u}@bench.example.vn")),
            name: Set("Đầu mối".into()),
            role: Set("agency_liaison".into()),
            unit_id: Set(u),
            password_hash: Set(None),
            lang: Set("vi".into()),
            disabled: Set(false),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await
        .unwrap();
        duty_schedule::Entity::insert_many(chunk.iter().map(|&u| duty_schedule::ActiveModel {
            programme_id: Set(programme),
            provider_unit_id: Set(u),
            recipient_unit_id: Set(board),
            cadence: Set("quarterly".into()),
            due_days_after_end: Set(10),
            reminder_before_days: Set("14,3".into()),
            overdue_every_days: Set(7),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await
        .unwrap();
    }
    // Half the cases wait for triage (due passed: breach), half are
    // assigned to a unit with an answer due soon (a warning).
    for chunk in (0..cases).collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|&i| {
            let assigned = i % 2 == 1;
            let filed = t(2026, 10, 1);
            case::ActiveModel {
                code: Set(format!("BENCH-2026-{i:06}")),
                area_id: Set(ward),
                title: Set(format!("Vụ việc đo {i}")),
                description: Set("Mô tả".into()),
                search_text: Set(String::new()),
                category: Set("land".into()),
                source: Set("collaborator".into()),
                sensitivity: Set("normal".into()),
                priority: Set("normal".into()),
                hotspot_risk: Set(None),
                people_affected: Set(None),
                reporter_id: Set(o.reporter.0),
                lead_unit_id: Set(assigned.then(|| ids[i % ids.len()])),
                state: Set(if assigned { "assigned" } else { "reported" }.into()),
                escalated_from: Set(None),
                result_published: Set(false),
                merged_into_id: Set(None),
                trial_date: Set(None),
                verdict_date: Set(None),
                triage_due: Set(Some(filed + Duration::days(2))),
                triage_rule: Set(Some("2wd@2026-official".into())),
                answer_due: Set(assigned.then(|| t(2026, 10, 13))),
                answer_rule: Set(assigned.then(|| "5wd@2026-official".into())),
                resolution_due: Set(assigned.then(|| t(2026, 11, 12))),
                resolution_rule: Set(assigned.then(|| "30wd@2026-official".into())),
                version: Set(1),
                created_at: Set(filed),
                updated_at: Set(filed),
                ..Default::default()
            }
        });
        case::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await
            .unwrap();
    }
}

/// Starts the SMTP sink of the tests; returns its URL and the process.
fn sink(dir: &std::path::Path) -> (String, std::process::Child) {
    let python =
        std::env::var("NOICOM_TEST_PYTHON").expect("NOICOM_TEST_PYTHON (see scripts/test)");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/support/smtp_sink.py"
    );
    let out = dir.join("received.jsonl");
    let mut child = Command::new(python)
        .args([script, &port.to_string(), out.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (format!("smtp://127.0.0.1:{port}"), child)
}

async fn run(backend: Backend, units: usize, cases: usize) {
    let test_db = TestDb::migrated(backend).await;
    let s = test_db.store();
    let started = Instant::now();
    seed(s, units, cases).await;
    println!(
        "{backend:?}: seeded {units} units, {cases} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let rules = ReminderRules {
        calendar: Calendar::vietnam_default(),
        duty: DutyReminderPolicy::default(),
        case: CaseReminderPolicy::default(),
        opinion_report_day: workflow::DEFAULT_OPINION_REPORT_DAY,
    };
    let clock = Instant::now();
    let made = s
        .materialise_duties(t(2026, 2, 15), &rules.calendar)
        .await
        .unwrap()
        + s.materialise_duties(t(2026, 8, 15), &rules.calendar)
            .await
            .unwrap();
    println!(
        "{backend:?}: materialise 4 quarters: {made} instances in {:.2} s",
        clock.elapsed().as_secs_f64()
    );
    let clock = Instant::now();
    let again = s
        .materialise_duties(t(2026, 8, 15), &rules.calendar)
        .await
        .unwrap();
    println!(
        "{backend:?}: materialise again: {again} new in {:.2} s",
        clock.elapsed().as_secs_f64()
    );

    // 12/10/2026: Q1 and Q2 overdue, Q3 due today, triage breached, answers warned.
    let at = t(2026, 10, 12);
    let clock = Instant::now();
    let first = s.enqueue_reminders(at, &rules).await.unwrap();
    println!(
        "{backend:?}: reminder sweep: {} duty + {} case items, {} digests in {:.2} s",
        first.duty,
        first.case,
        first.digests,
        clock.elapsed().as_secs_f64()
    );
    let clock = Instant::now();
    let second = s.enqueue_reminders(at, &rules).await.unwrap();
    println!(
        "{backend:?}: same sweep again: {} new in {:.2} s",
        second.duty + second.case,
        clock.elapsed().as_secs_f64()
    );

    // Delivery: keep 2 000 rows pending.
    let keep = 2000i64;
    let conn = s.connection();
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("dropped"))
        .filter(outbox::Column::Id.gt(keep))
        .exec(conn)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (url, mut child) = sink(dir.path());
    let sched = scheduler::Scheduler {
        store: s.clone(),
        mailer: scheduler::Mailer::new(&url, "noicom <noreply@bench.example.vn>").unwrap(),
        rules,
        delivery: scheduler::DeliveryConfig::default(),
        worker: "bench".into(),
        blobs: store::attachments::Blobs::new(dir.path()),
        bulletin_day: 3,
    };
    // Half the rows one at a time, the other half eight at a time.
    let half = keep / 2;
    let later = at + Duration::days(1);
    outbox::Entity::update_many()
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(later))
        .filter(outbox::Column::Id.gt(half))
        .exec(conn)
        .await
        .unwrap();
    for (concurrency, due_by) in [(1, at), (8, later)] {
        let delivery = scheduler::DeliveryConfig {
            concurrency,
            ..scheduler::DeliveryConfig::default()
        };
        let clock = Instant::now();
        let done = scheduler::deliver_due(
            &sched.store,
            &sched.mailer,
            &sched.rules.calendar,
            &delivery,
            "bench",
            due_by,
        )
        .await
        .unwrap();
        let secs = clock.elapsed().as_secs_f64();
        println!(
            "{backend:?}: delivered {} (dropped {}, failed {}) {concurrency} at a time in {secs:.2} s: {:.0} messages/s",
            done.sent,
            done.dropped,
            done.failed,
            done.sent as f64 / secs
        );
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn main() {
    let units = env_usize("BENCH_UNITS", 10_000);
    let cases = env_usize("BENCH_CASES", 100_000);
    let rt = tokio::runtime::Runtime::new().unwrap();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        rt.block_on(run(backend, units, cases));
    }
}
