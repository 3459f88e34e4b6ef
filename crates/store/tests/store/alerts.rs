//! Hotspot early warning (SPEC §16): signals rolled up into subtrees, an
//! alert stored and e-mailed once however many sweeps run at once, read
//! only within jurisdiction, acknowledged once by a board officer.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use store::alerts::{AlertFilter, HOTSPOT_ALERT};
use store::entities::{hotspot_alert, opinion_item, opinion_report, outbox};
use store::{FileRequest, Store, StoreError};
use workflow::{AlertRule, HotspotRisk, Lang, Refusal, UserId};

use testkit::case::{monday, policy, report};
use testkit::org::{self, Org};
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: signals_roll_up_into_subtrees_and_the_smallest_alerts);
on_both_backends!(migrated: an_alert_is_stored_and_mailed_once_under_concurrent_sweeps);
on_both_backends!(migrated: alerts_are_read_in_jurisdiction_and_acknowledged_once);
on_both_backends!(migrated: a_burst_no_sweep_of_its_week_saw_is_raised_the_monday_after);

/// Files `n` land cases in `area` during the week of `monday()`.
async fn file(s: &Store, o: &Org, area: &str, n: usize, risk: Option<HotspotRisk>) {
    file_from(s, o, area, n, risk, monday()).await;
}

/// Files `n` land cases in `area`, a minute apart from `start`.
async fn file_from(
    s: &Store,
    o: &Org,
    area: &str,
    n: usize,
    risk: Option<HotspotRisk>,
    start: chrono::DateTime<Utc>,
) {
    for i in 0..n {
        let at = start + Duration::minutes(i as i64);
        s.file_case(
            o.officer,
            FileRequest {
                area: area.into(),
                hotspot_risk: risk,
                ..report(&format!("Phản ánh {area} số {i}"))
            },
            at,
            &policy(),
        )
        .await
        .expect("filed");
    }
}

/// An opinion report in `area` at `at` with one item per (category, mood,
/// reach).
async fn opinions(
    s: &Store,
    o: &Org,
    area_id: i64,
    at: chrono::DateTime<Utc>,
    items: &[(&str, &str, &str)],
) {
    let report = opinion_report::ActiveModel {
        reporter_id: Set(o.reporter.0),
        area_id: Set(area_id),
        period: Set(None),
        quick: Set(true),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(s.connection())
    .await
    .expect("report");
    for (i, (category, mood, reach)) in items.iter().enumerate() {
        opinion_item::ActiveModel {
            report_id: Set(report.id),
            position: Set(i as i32 + 1),
            category: Set((*category).into()),
            summary: Set("Người dân bức xúc".into()),
            mood: Set((*mood).into()),
            reach: Set((*reach).into()),
            source: Set("collaborator".into()),
            people_affected: Set(None),
            case_id: Set(None),
            ..Default::default()
        }
        .insert(s.connection())
        .await
        .expect("item");
    }
}

async fn area_id(s: &Store, code: &str) -> i64 {
    store::entities::area::Entity::find()
        .filter(store::entities::area::Column::Code.eq(code))
        .one(s.connection())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn alerts(s: &Store) -> Vec<(String, String, String, f64)> {
    let mut out = Vec::new();
    for a in hotspot_alert::Entity::find()
        .all(s.connection())
        .await
        .unwrap()
    {
        let area = store::entities::area::Entity::find_by_id(a.area_id)
            .one(s.connection())
            .await
            .unwrap()
            .unwrap();
        out.push((area.code, a.category, a.reason, a.observed));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    out
}

fn later() -> chrono::DateTime<Utc> {
    monday() + Duration::days(3)
}

async fn signals_roll_up_into_subtrees_and_the_smallest_alerts(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let calendar = policy().calendar;
    // Four cases in each ward: neither ward is unusual (P(X ≥ 4 | 2) ≈ 14 %),
    // the city's eight are (P(X ≥ 8 | 2) ≈ 0.1 %).
    file(&s, &o, "HN-BADINH", 4, None).await;
    file(&s, &o, "HN-HOANKIEM", 4, None).await;
    // Supportive and old opinions weigh nothing this week.
    let hk = area_id(&s, "HN-HOANKIEM").await;
    opinions(
        &s,
        &o,
        hk,
        monday(),
        &[("land", "supportive", "widespread")],
    )
    .await;
    opinions(
        &s,
        &o,
        hk,
        monday() - Duration::weeks(20),
        &[("land", "angry", "widespread")],
    )
    .await;
    let raised = s
        .raise_alerts(later(), &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!((raised.alarms, raised.new), (1, 1));
    assert_eq!(
        alerts(&s).await,
        vec![("HN".into(), "land".into(), "unusual_rise".into(), 8.0)]
    );

    // An angry opinion spreading widely in Hoàn Kiếm weighs 8 there: the
    // ward alerts for the environment, the city does not as well.
    opinions(
        &s,
        &o,
        hk,
        monday() + Duration::hours(30),
        &[("environment", "angry", "widespread")],
    )
    .await;
    // A high-risk case in Ba Đình alerts for its category at once.
    s.file_case(
        o.officer,
        FileRequest {
            category: "corruption".into(),
            hotspot_risk: Some(HotspotRisk::High),
            ..report("Nguy cơ tụ tập đông người")
        },
        monday(),
        &policy(),
    )
    .await
    .unwrap();
    let raised = s
        .raise_alerts(later(), &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!((raised.alarms, raised.new), (3, 2));
    assert_eq!(
        alerts(&s).await,
        vec![
            ("HN".into(), "land".into(), "unusual_rise".into(), 8.0),
            (
                "HN-BADINH".into(),
                "corruption".into(),
                "high_risk_case".into(),
                1.0
            ),
            (
                "HN-HOANKIEM".into(),
                "environment".into(),
                "unusual_rise".into(),
                8.0
            ),
        ]
    );
    // Next week judges the week just ended again, with nothing new; the
    // same signal in its baseline (a mean of 1) does not alert this week.
    let next = later() + Duration::weeks(1);
    let raised = s
        .raise_alerts(next, &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!((raised.alarms, raised.new, raised.mails), (3, 0, 0));
    let raised = s
        .raise_alerts(next + Duration::weeks(1), &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!(raised.alarms, 0);
    assert_eq!(alerts(&s).await.len(), 3);
}

async fn an_alert_is_stored_and_mailed_once_under_concurrent_sweeps(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    file(&s, &o, "HN-BADINH", 9, None).await;
    let mut tasks = Vec::new();
    for _ in 0..3 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            s.raise_alerts(later(), &policy().calendar, &AlertRule::default())
                .await
        }));
    }
    let mut new = 0;
    let mut mails = 0;
    for t in tasks {
        let r = t.await.unwrap().unwrap();
        assert_eq!(r.alarms, 1);
        new += r.new;
        mails += r.mails;
    }
    assert_eq!(new, 1, "one sweep stores it");
    assert_eq!(
        hotspot_alert::Entity::find()
            .count(s.connection())
            .await
            .unwrap(),
        1
    );
    // The board officer and the city's leader, once each.
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(HOTSPOT_ALERT))
        .all(s.connection())
        .await
        .unwrap();
    let mut to: Vec<&str> = rows.iter().map(|r| r.recipient_email.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["canbo@btg.example.vn", "lanhdao@thanhuy.example.vn"]);
    assert_eq!(mails, 2);
    let payload: serde_json::Value = serde_json::from_str(&rows[0].payload).unwrap();
    assert_eq!(payload["area_name"], "Phường Ba Đình");
    assert_eq!(payload["category_name"], "Đất đai, giải phóng mặt bằng");
    assert_eq!(payload["week_start"], "2026-03-02");
    assert_eq!(payload["observed"], 9.0);
    // A later sweep in the same week writes nothing.
    let again = s
        .raise_alerts(
            later() + Duration::hours(5),
            &policy().calendar,
            &AlertRule::default(),
        )
        .await
        .unwrap();
    assert_eq!((again.alarms, again.new, again.mails), (1, 0, 0));
}

async fn alerts_are_read_in_jurisdiction_and_acknowledged_once(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let calendar = policy().calendar;
    file(&s, &o, "HN-BADINH", 9, None).await;
    s.raise_alerts(later(), &calendar, &AlertRule::default())
        .await
        .unwrap();
    let list = |user: UserId, filter: AlertFilter| {
        let s = s.clone();
        async move {
            s.list_alerts(user, &filter, Lang::Vi, later())
                .await
                .unwrap()
        }
    };
    let all = AlertFilter::default();
    // Reporters and liaisons do not learn that it exists.
    assert!(list(o.reporter, all.clone()).await.is_empty());
    assert!(list(o.liaison, all.clone()).await.is_empty());
    let seen = list(o.leader, all.clone()).await;
    assert_eq!(seen.len(), 1);
    assert_eq!(list(o.admin, all.clone()).await.len(), 1);
    let alert = list(o.officer, all.clone()).await.remove(0);
    assert_eq!(alert.area_code, "HN-BADINH");
    assert_eq!(alert.category_name, "Đất đai, giải phóng mặt bằng");
    let other_ward = AlertFilter {
        area: Some("HN-HOANKIEM".into()),
        ..all.clone()
    };
    assert!(list(o.officer, other_ward).await.is_empty());
    let unknown_area = s
        .list_alerts(
            o.officer,
            &AlertFilter {
                area: Some("XX".into()),
                ..all.clone()
            },
            Lang::Vi,
            later(),
        )
        .await;
    assert!(matches!(
        unknown_area,
        Err(StoreError::Refused(Refusal::UnknownCode { .. }))
    ));

    let at = later() + Duration::hours(1);
    let ack = |user: UserId, id: i64, note: &'static str| {
        let s = s.clone();
        let calendar = calendar.clone();
        async move { s.acknowledge_alert(user, id, note, &calendar, at).await }
    };
    // Nobody outside reads it, so nobody outside acknowledges it.
    assert!(matches!(
        ack(o.reporter, alert.id, "đã biết").await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        ack(o.officer, 999, "đã biết").await,
        Err(StoreError::NotFound { .. })
    ));
    // A leader reads it but does not acknowledge it.
    assert!(matches!(
        ack(o.leader, alert.id, "đã biết").await,
        Err(StoreError::Refused(Refusal::AlertNotAllowed))
    ));
    assert!(matches!(
        ack(o.officer, alert.id, "   ").await,
        Err(StoreError::Refused(Refusal::MissingInput { field: "note" }))
    ));
    assert!(
        list(
            o.officer,
            AlertFilter {
                acknowledged: Some(true),
                ..all.clone()
            }
        )
        .await
        .is_empty()
    );
    ack(
        o.officer,
        alert.id,
        "Đã nắm tình hình, giao UBND phường đối thoại",
    )
    .await
    .unwrap();
    let again = ack(o.officer, alert.id, "lần hai").await.unwrap_err();
    let StoreError::Refused(refusal @ Refusal::AlertAcknowledged { .. }) = again else {
        panic!("{again:?}");
    };
    // 09:00 Thursday + 1 h, local time; by the officer's name.
    let message = refusal.message(Lang::Vi);
    assert!(
        message.contains("Người dùng canbo@btg.example.vn"),
        "{message}"
    );
    assert!(message.contains("10:00 05/03/2026"), "{message}");
    let done = list(
        o.officer,
        AlertFilter {
            acknowledged: Some(true),
            ..all.clone()
        },
    )
    .await;
    let note = done[0].acknowledged.as_ref().unwrap();
    assert_eq!(note.note, "Đã nắm tình hình, giao UBND phường đối thoại");
    assert!(
        list(
            o.officer,
            AlertFilter {
                acknowledged: Some(false),
                ..all
            }
        )
        .await
        .is_empty()
    );
}

async fn a_burst_no_sweep_of_its_week_saw_is_raised_the_monday_after(db: TestDb) {
    let s = db.store().clone();
    let o = org::build(&s).await;
    let calendar = policy().calendar;
    // A sweep on Sunday morning finds nothing; nine cases that evening
    // (21:00 in Hà Nội), then the server is down until Monday.
    let sunday = monday() + Duration::days(6);
    let raised = s
        .raise_alerts(sunday, &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!(raised, store::alerts::Raised::default());
    file_from(&s, &o, "HN-BADINH", 9, None, sunday + Duration::hours(12)).await;
    // Monday 08:00: the week just ended is judged, its alert raised once.
    let after = sunday + Duration::hours(23);
    let raised = s
        .raise_alerts(after, &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!((raised.alarms, raised.new, raised.mails), (1, 1, 2));
    let stored = hotspot_alert::Entity::find()
        .all(s.connection())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0].week_start,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
    assert_eq!(stored[0].observed, 9.0);
    // The next sweep, and the one a day later, store and send nothing more.
    for at in [after + Duration::hours(1), after + Duration::days(1)] {
        let again = s
            .raise_alerts(at, &calendar, &AlertRule::default())
            .await
            .unwrap();
        assert_eq!((again.alarms, again.new, again.mails), (1, 0, 0));
    }
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(HOTSPOT_ALERT))
        .count(s.connection())
        .await
        .unwrap();
    assert_eq!(mails, 2);
    // Two weeks on, the burst is only baseline.
    let later = after + Duration::weeks(1);
    let quiet = s
        .raise_alerts(later, &calendar, &AlertRule::default())
        .await
        .unwrap();
    assert_eq!(quiet.alarms, 0);
}
