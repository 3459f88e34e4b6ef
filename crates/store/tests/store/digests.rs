//! The daily digest (SPEC §14): one digest row per address and local day
//! however often the sweep runs, a new one on the day of the next step,
//! reminders found after the day's digest waiting for the next day's, and
//! a reminder whose unit has no address recorded and told to the board.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{EntityTrait, QueryOrder};
use store::Store;
use store::admin::NewProgramme;
use store::entities::{outbox, reminder_item};
use store::reminders::{REMINDER_DIGEST, ReminderRules};
use workflow::{Calendar, CaseReminderPolicy, DutyReminderPolicy};

use crate::duties::{in_q4, programme};
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: sweeping_twice_a_day_makes_one_digest_and_the_next_step_another);
on_both_backends!(migrated: a_reminder_found_after_the_days_digest_waits_for_the_next_day);
on_both_backends!(migrated: what_the_night_finds_waits_for_the_morning_digest);
on_both_backends!(migrated: a_reminder_that_reaches_nobody_is_recorded_and_named_to_the_board);

fn rules() -> ReminderRules {
    ReminderRules {
        calendar: Calendar::vietnam_default(),
        duty: DutyReminderPolicy::default(),
        case: CaseReminderPolicy::default(),
        opinion_report_day: workflow::DEFAULT_OPINION_REPORT_DAY,
    }
}

/// `hour`:00 in Hà Nội.
fn at(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, hour, 0, 0).unwrap() - chrono::Duration::hours(7)
}

async fn digests(s: &Store) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == REMINDER_DIGEST)
        .collect()
}

async fn items(s: &Store) -> Vec<reminder_item::Model> {
    reminder_item::Entity::find()
        .order_by_asc(reminder_item::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
}

async fn sweeping_twice_a_day_makes_one_digest_and_the_next_step_another(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    // 14 days before 11/1/2027, one digest per liaison.
    let first = s
        .enqueue_reminders(at(2026, 12, 28, 9), &rules())
        .await
        .unwrap();
    assert_eq!((first.duty, first.digests), (2, 2), "{first:?}");
    let keys: Vec<String> = digests(s).await.into_iter().map(|r| r.key).collect();
    assert_eq!(
        keys,
        [
            "digest:daumoi@badinh.example.vn:2026-12-28",
            "digest:daumoi@tand.example.vn:2026-12-28"
        ]
    );
    // Swept again the same afternoon: nothing new.
    let again = s
        .enqueue_reminders(at(2026, 12, 28, 16), &rules())
        .await
        .unwrap();
    assert_eq!((again.duty, again.digests), (0, 0), "{again:?}");
    assert_eq!(digests(s).await.len(), 2);
    for item in items(s).await {
        assert_eq!(item.status, "digested");
        let key = item.digest_key.unwrap();
        assert!(key.ends_with(":2026-12-28"), "{key}");
        assert!(
            key.contains(item.recipient_email.as_deref().unwrap()),
            "{key}"
        );
    }
    let digest = &digests(s).await[0];
    let payload: serde_json::Value = serde_json::from_str(&digest.payload).unwrap();
    assert_eq!(
        payload["reader"], "Người dùng daumoi@badinh.example.vn",
        "greets its reader"
    );
    // The next step (3 days before) is another day's digest.
    let next = s
        .enqueue_reminders(at(2027, 1, 8, 9), &rules())
        .await
        .unwrap();
    assert_eq!((next.duty, next.digests), (2, 2), "{next:?}");
    let keys: Vec<String> = digests(s).await.into_iter().map(|r| r.key).collect();
    assert_eq!(keys.len(), 4);
    assert!(keys[2].ends_with(":2027-01-08"), "{keys:?}");
    let carried = s.digest_items(&keys[2]).await.unwrap();
    assert_eq!(carried.len(), 1);
    assert!(carried[0].subject.starts_with("duty:"), "{carried:?}");
    // Had the digest of 28/12 waited until now (SMTP down), it would not
    // repeat what the digest of 8/1 says with the words of the day.
    assert!(s.digest_items(&keys[0]).await.unwrap().is_empty());
}

async fn what_the_night_finds_waits_for_the_morning_digest(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    // 07:00, before the send hour (08:00): the step of yesterday is
    // written, no digest is made yet.
    let night = s
        .enqueue_reminders(at(2026, 12, 29, 7), &rules())
        .await
        .unwrap();
    assert_eq!((night.duty, night.digests), (2, 0), "{night:?}");
    assert!(digests(s).await.is_empty());
    let morning = s
        .enqueue_reminders(at(2026, 12, 29, 8), &rules())
        .await
        .unwrap();
    assert_eq!((morning.duty, morning.digests), (0, 2), "{morning:?}");
    assert!(
        digests(s)
            .await
            .iter()
            .all(|d| d.key.ends_with(":2026-12-29"))
    );
}

async fn a_reminder_found_after_the_days_digest_waits_for_the_next_day(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    s.enqueue_reminders(at(2026, 12, 28, 9), &rules())
        .await
        .unwrap();
    // Later that day the court gets a trial duty (before the trial of
    // 15/1/2027, due 8/1): its reminder is current at once.
    let case = s
        .file_case(o.reporter, report("Xét xử"), monday(), p)
        .await
        .unwrap();
    let c = s
        .act(
            o.officer,
            &case.code,
            1,
            action(serde_json::json!({"action": "accept",
            "sensitivity": "complex", "priority": "high", "lead_unit": "UBND-BADINH",
            "coordinating_units": ["TAND-KV1"]})),
            monday(),
            p,
        )
        .await
        .unwrap();
    s.act(
        o.court,
        &case.code,
        c.version,
        action(serde_json::json!({"action": "set_trial_date",
        "trial_date": "2027-01-15"})),
        at(2026, 12, 28, 14),
        p,
    )
    .await
    .unwrap();
    let later = s
        .enqueue_reminders(at(2026, 12, 28, 15), &rules())
        .await
        .unwrap();
    assert!(later.duty >= 1, "{later:?}");
    let tand = "daumoi@tand.example.vn";
    let waiting: Vec<reminder_item::Model> = items(s)
        .await
        .into_iter()
        .filter(|i| i.recipient_email.as_deref() == Some(tand) && i.status == "pending")
        .collect();
    assert_eq!(waiting.len(), 1, "the trial duty's reminder waits");
    let court_digests = |rows: Vec<outbox::Model>| {
        rows.into_iter()
            .filter(|r| r.recipient_email == tand)
            .map(|r| r.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(court_digests(digests(s).await).len(), 1);
    // The next morning's sweep carries it.
    s.enqueue_reminders(at(2026, 12, 29, 9), &rules())
        .await
        .unwrap();
    let keys = court_digests(digests(s).await);
    assert_eq!(
        keys,
        [
            "digest:daumoi@tand.example.vn:2026-12-28",
            "digest:daumoi@tand.example.vn:2026-12-29"
        ]
    );
    let carried = s.digest_items(&keys[1]).await.unwrap();
    assert_eq!(carried.len(), 1, "{carried:?}");
    assert_eq!(carried[0].subject, waiting[0].subject);
}

async fn a_reminder_that_reaches_nobody_is_recorded_and_named_to_the_board(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    // UBND-HOANKIEM has neither an address nor a liaison.
    s.add_programme(
        NewProgramme {
            year_from: 2026,
            year_to: 2026,
            area: "HN".into(),
            parties: vec!["BTG-HN".into(), "UBND-HOANKIEM".into()],
            title: None,
            items: Vec::new(),
            number: None,
            signed_on: None,
        },
        monday(),
    )
    .await
    .unwrap();
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    let first = s
        .enqueue_reminders(at(2026, 12, 28, 9), &rules())
        .await
        .unwrap();
    assert_eq!(first.undeliverable, 1, "{first:?}");
    let all = items(s).await;
    let nobody: Vec<&reminder_item::Model> =
        all.iter().filter(|i| i.status == "undeliverable").collect();
    assert_eq!(nobody.len(), 1, "{all:#?}");
    assert!(nobody[0].recipient_email.is_none());
    assert!(
        nobody[0].key.ends_with(":before-14:undeliverable"),
        "{}",
        nobody[0].key
    );
    // The board's officer is told instead, in the day's digest.
    let told: Vec<&reminder_item::Model> = all
        .iter()
        .filter(|i| i.recipient_email.as_deref() == Some("canbo@btg.example.vn"))
        .collect();
    assert_eq!(told.len(), 1, "{all:#?}");
    let payload: serde_json::Value = serde_json::from_str(&told[0].payload).unwrap();
    assert_eq!(payload["unreached"], true);
    assert_eq!(payload["unit_name"], "UBND Phường Hoàn Kiếm");
    let keys: Vec<String> = digests(s).await.into_iter().map(|r| r.key).collect();
    assert_eq!(keys, ["digest:canbo@btg.example.vn:2026-12-28"]);
    // Recorded once.
    let again = s
        .enqueue_reminders(at(2026, 12, 28, 16), &rules())
        .await
        .unwrap();
    assert_eq!(again.undeliverable, 0);
}
