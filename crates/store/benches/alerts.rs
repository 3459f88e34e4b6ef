//! One evaluation of the hotspot early warning (SPEC §16) over a province
//! of 120 communes in 12 districts × every category: the grouped reads of
//! the 9 weeks' cases and opinion items, the roll-up into subtrees, the
//! rule, and the reading of the alerts already stored. The rows are
//! spread evenly over the weeks, the communes and 14 categories.
//!
//! `NOICOM_BENCH_ALERT_CASES=1000000 cargo bench --profile dev -p store --bench alerts`
//! (default 100 000 cases; opinion items are a fifth of the cases; spread
//! over `NOICOM_BENCH_ALERT_WEEKS`, default 104);
//! PostgreSQL from `NOICOM_TEST_PG_URL` (which scripts/test sets).

use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::{ActiveValue::Set, EntityTrait};
use store::Store;
use store::admin::NewArea;
use store::entities::{area, case, category, opinion_item, opinion_report};
use testkit::{Backend, TestDb, org};
use workflow::AlertRule;

/// Rows per multi-row insert.
const CHUNK: usize = 500;

fn now() -> DateTime<Utc> {
    // Thursday 12 March 2026, 10:00 in Hà Nội.
    Utc.with_ymd_and_hms(2026, 3, 12, 3, 0, 0).unwrap()
}

async fn seed(s: &Store, cases: usize, items: usize, weeks: i64) {
    let o = org::build(s).await;
    for d in 0..12 {
        let district = format!("HN-D{d:02}");
        s.add_area(
            NewArea {
                code: district.clone(),
                name: format!("Quận {d}"),
                parent: Some("HN".into()),
            },
            now(),
        )
        .await
        .expect("district");
        for c in 0..10 {
            s.add_area(
                NewArea {
                    code: format!("{district}-C{c}"),
                    name: format!("Phường {d}-{c}"),
                    parent: Some(district.clone()),
                },
                now(),
            )
            .await
            .expect("commune");
        }
    }
    let db = s.connection();
    let communes: Vec<i64> = area::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.depth == 2)
        .map(|a| a.id)
        .collect();
    let shipped = category::Entity::find().all(db).await.unwrap().len();
    for n in shipped..14 {
        category::Entity::insert(category::ActiveModel {
            code: Set(format!("bench-{n}")),
            name_vi: Set(format!("Lĩnh vực {n}")),
            name_en: Set(format!("Category {n}")),
            active: Set(true),
            ..Default::default()
        })
        .exec_without_returning(db)
        .await
        .expect("category");
    }
    let categories: Vec<String> = category::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.code)
        .collect();
    let span = Duration::weeks(weeks).num_seconds();
    let at = |i: usize, n: usize| now() - Duration::seconds(span * (n - i) as i64 / n as i64);
    let mut batch = Vec::with_capacity(CHUNK);
    for i in 0..cases {
        let when = at(i, cases);
        batch.push(case::ActiveModel {
            code: Set(format!("BENCH-{i:07}")),
            area_id: Set(communes[i % communes.len()]),
            title: Set("Phản ánh".into()),
            description: Set("Người dân phản ánh".into()),
            search_text: Set("phan anh".into()),
            search_title: Set("phan anh".into()),
            category: Set(categories[(i / communes.len()) % categories.len()].clone()),
            source: Set("collaborator".into()),
            sensitivity: Set("normal".into()),
            priority: Set("normal".into()),
            hotspot_risk: Set(None),
            people_affected: Set(None),
            reporter_id: Set(o.reporter.0),
            lead_unit_id: Set(None),
            state: Set("reported".into()),
            escalated_from: Set(None),
            result_published: Set(false),
            merged_into_id: Set(None),
            trial_date: Set(None),
            verdict_date: Set(None),
            triage_due: Set(None),
            triage_rule: Set(None),
            answer_due: Set(None),
            answer_rule: Set(None),
            resolution_due: Set(None),
            resolution_rule: Set(None),
            version: Set(1),
            created_at: Set(when),
            updated_at: Set(when),
            ..Default::default()
        });
        if batch.len() == CHUNK || i + 1 == cases {
            case::Entity::insert_many(std::mem::take(&mut batch))
                .exec_without_returning(db)
                .await
                .expect("cases");
        }
    }
    // One report per commune and week, its items spread over categories.
    let mut reports = Vec::new();
    for week in 0..weeks {
        for &area in &communes {
            reports.push(opinion_report::ActiveModel {
                reporter_id: Set(o.reporter.0),
                area_id: Set(area),
                period: Set(None),
                quick: Set(true),
                created_at: Set(now() - Duration::weeks(weeks - 1 - week) - Duration::hours(30)),
                ..Default::default()
            });
        }
    }
    for chunk in reports.chunks(CHUNK) {
        opinion_report::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await
            .expect("reports");
    }
    let report_ids: Vec<i64> = opinion_report::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    let moods = ["supportive", "neutral", "concerned", "angry"];
    let reaches = ["few", "many", "widespread"];
    for start in (0..items).step_by(CHUNK) {
        let rows = (start..(start + CHUNK).min(items)).map(|i| opinion_item::ActiveModel {
            report_id: Set(report_ids[i % report_ids.len()]),
            position: Set(i32::try_from(i / report_ids.len()).unwrap() + 1),
            category: Set(categories[i % categories.len()].clone()),
            summary: Set("Ý kiến".into()),
            mood: Set(moods[i % moods.len()].into()),
            reach: Set(reaches[i % reaches.len()].into()),
            source: Set("collaborator".into()),
            people_affected: Set(None),
            case_id: Set(None),
            ..Default::default()
        });
        opinion_item::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await
            .expect("items");
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let cases: usize = std::env::var("NOICOM_BENCH_ALERT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let items = cases / 5;
    // Over how many weeks the rows are spread: 104 (two years) as a
    // database of that size would be; 12 puts every row near the window.
    let weeks: i64 = std::env::var("NOICOM_BENCH_ALERT_WEEKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(104);
    let calendar = workflow::Calendar::vietnam_default();
    let rule = AlertRule::default();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let name = format!("{backend:?}").to_lowercase();
        let test_db = rt.block_on(TestDb::migrated(backend));
        let s = test_db.store().clone();
        let started = Instant::now();
        rt.block_on(seed(&s, cases, items, weeks));
        eprintln!(
            "{name}: seeded {cases} cases, {items} opinion items over {weeks} weeks in {:?}",
            started.elapsed()
        );
        let started = Instant::now();
        let first = rt
            .block_on(s.raise_alerts(now(), &calendar, &rule))
            .expect("alerts");
        eprintln!(
            "{name}: first evaluation {:?}: {first:?}",
            started.elapsed()
        );
        c.bench_function(&format!("alerts/{name}/evaluate_{cases}"), |b| {
            b.to_async(&rt).iter(|| async {
                s.raise_alerts(now(), &calendar, &rule)
                    .await
                    .expect("alerts")
            })
        });
        drop(test_db);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
