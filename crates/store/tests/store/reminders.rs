//! The reminder sweep and the outbox claims: one item per step and
//! address however often the sweep runs, copies when overdue, one digest
//! e-mail per address and day, reasons checked again when the digest is
//! built, reminders that reach nobody recorded, and a claimed row held by
//! one dispatcher only.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{EntityTrait, QueryOrder};
use store::Store;
use store::duties::DutyMove;
use store::entities::reminder_item;
use store::reminders::ReminderRules;
use workflow::{Calendar, CaseReminderPolicy, DutyReminderPolicy};

use crate::duties::{in_q4, programme};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: each_step_is_enqueued_once_per_address_and_overdue_is_copied);
on_both_backends!(migrated: a_submitted_duty_drops_its_pending_reminder);
on_both_backends!(migrated: a_row_is_claimed_by_one_dispatcher_until_its_lease_ends);

fn rules() -> ReminderRules {
    ReminderRules {
        calendar: Calendar::vietnam_default(),
        duty: DutyReminderPolicy::default(),
        case: CaseReminderPolicy::default(),
        opinion_report_day: workflow::DEFAULT_OPINION_REPORT_DAY,
    }
}

/// Every reminder item, in the order written.
async fn items(s: &Store) -> Vec<reminder_item::Model> {
    reminder_item::Entity::find()
        .order_by_asc(reminder_item::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
}

/// The items of one kind.
async fn items_of(s: &Store, kind: &str) -> Vec<reminder_item::Model> {
    items(s)
        .await
        .into_iter()
        .filter(|r| r.kind == kind)
        .collect()
}

/// The address of an item that has one.
fn email(item: &reminder_item::Model) -> &str {
    item.recipient_email.as_deref().unwrap_or_default()
}

/// Q4 2026 duties are due at the end of Monday 11/1/2027.
fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    // 09:00 in Hà Nội, after the 08:00 send hour.
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).unwrap()
}

async fn each_step_is_enqueued_once_per_address_and_overdue_is_copied(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    // Nothing is due in mid-November.
    assert_eq!(
        s.enqueue_reminders(in_q4(), &rules()).await.unwrap().duty,
        0
    );
    // 14 days before 11/1/2027: one reminder to each provider's liaison.
    let first = s
        .enqueue_reminders(at(2026, 12, 28), &rules())
        .await
        .unwrap();
    assert_eq!(first.duty, 2, "{:#?}", items(s).await);
    assert_eq!(first.digests, 2, "one digest per liaison");
    assert_eq!(
        s.enqueue_reminders(at(2026, 12, 28), &rules())
            .await
            .unwrap()
            .duty,
        0
    );
    assert_eq!(
        s.enqueue_reminders(at(2026, 12, 30), &rules())
            .await
            .unwrap()
            .duty,
        0
    );
    let keys: Vec<String> = items(s).await.into_iter().map(|r| r.key).collect();
    assert!(
        keys.iter().all(|k| k.contains(":before-14:to:")),
        "{keys:?}"
    );
    // A week overdue: the liaison, the leaders over the area and the
    // board's officer.
    let overdue = s
        .enqueue_reminders(at(2027, 1, 18), &rules())
        .await
        .unwrap();
    assert_eq!(overdue.duty, 6, "{:#?}", items(s).await);
    let to: Vec<String> = items(s)
        .await
        .iter()
        .skip(2)
        .map(|r| email(r).to_owned())
        .collect();
    assert!(
        to.contains(&"lanhdao@thanhuy.example.vn".to_owned()),
        "{to:?}"
    );
    assert!(to.contains(&"canbo@btg.example.vn".to_owned()), "{to:?}");
}

async fn a_submitted_duty_drops_its_pending_reminder(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    s.enqueue_reminders(at(2026, 12, 28), &rules())
        .await
        .unwrap();
    let all = items(s).await;
    assert!(s.item_holds(&all[0]).await.unwrap());
    let duty: serde_json::Value = serde_json::from_str(&all[0].payload).unwrap();
    let id = duty["duty_id"].as_i64().unwrap();
    let liaison = if email(&all[0]).contains("badinh") {
        o.liaison
    } else {
        o.court
    };
    s.move_duty(
        liaison,
        id,
        DutyMove::Submit {
            text: "Đã gửi".into(),
        },
        at(2026, 12, 29),
    )
    .await
    .unwrap();
    assert!(!s.item_holds(&all[0]).await.unwrap());
    assert!(
        s.item_holds(&all[1]).await.unwrap(),
        "the other unit still owes"
    );
    // The digest of that liaison is built without it: nothing is left.
    let digest = all[0].digest_key.clone().expect("digested");
    assert!(s.digest_items(&digest).await.unwrap().is_empty());
    let other = all[1].digest_key.clone().expect("digested");
    assert_eq!(s.digest_items(&other).await.unwrap().len(), 1);
    // A later sweep writes nothing for the submitted duty.
    s.enqueue_reminders(at(2027, 1, 8), &rules()).await.unwrap();
    assert!(
        items(s)
            .await
            .iter()
            .all(|r| !r.payload.contains(&format!("\"duty_id\":{id},"))
                || r.key.contains("before-14"))
    );
}

async fn a_row_is_claimed_by_one_dispatcher_until_its_lease_ends(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &rules().calendar)
        .await
        .unwrap();
    let t = at(2026, 12, 28);
    s.enqueue_reminders(t, &rules()).await.unwrap();
    let clock = Utc::now();
    let lease = Duration::seconds(60);
    let a = s.claim_outbox("a", t, clock, lease, 10).await.unwrap();
    let b = s.claim_outbox("b", t, clock, lease, 10).await.unwrap();
    assert_eq!((a.len(), b.len()), (2, 0));
    s.mark_sent(a[0].id, "a", t).await.unwrap();
    // "b" cannot record anything on a row it does not hold.
    s.mark_attempt_failed(a[1].id, "b", "x", t, true)
        .await
        .unwrap();
    // After the lease, the unsent row is free again; the sent one is not.
    let later = s
        .claim_outbox("b", t, clock + Duration::seconds(61), lease, 10)
        .await
        .unwrap();
    assert_eq!(later.iter().map(|r| r.id).collect::<Vec<_>>(), [a[1].id]);
    s.mark_attempt_failed(a[1].id, "b", "down", t + Duration::minutes(1), true)
        .await
        .unwrap();
    assert_eq!(s.failed_outbox().await.unwrap().len(), 1);
    assert!(s.retry_outbox(a[1].id, t).await.unwrap());
    let counts = s.outbox_counts().await.unwrap();
    assert_eq!(counts, [("pending".to_owned(), 1), ("sent".to_owned(), 1)]);
}

on_both_backends!(migrated: a_moved_trial_drops_the_old_reminders_and_enqueues_new_ones);
on_both_backends!(migrated: case_deadlines_warn_then_breach_with_copies_until_answered);

async fn a_moved_trial_drops_the_old_reminders_and_enqueues_new_ones(db: TestDb) {
    use testkit::case::{action, monday, policy, report};
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
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
    let c = s
        .act(
            o.court,
            &case.code,
            c.version,
            action(serde_json::json!({"action": "set_trial_date",
            "trial_date": "2026-04-20"})),
            monday(),
            p,
        )
        .await
        .unwrap();
    // The before-trial duty is due 13/4; 3 days before, a reminder is due.
    let old = s
        .enqueue_reminders(at(2026, 4, 10), &rules())
        .await
        .unwrap();
    assert!(old.duty >= 1, "{old:?}");
    let old_rows = items_of(s, "duty_reminder").await;
    assert!(
        old_rows
            .iter()
            .all(|r| email(r) == "daumoi@tand.example.vn"),
        "{old_rows:#?}"
    );
    s.act(
        o.court,
        &case.code,
        c.version,
        action(serde_json::json!({"action": "set_trial_date",
        "trial_date": "2026-06-15"})),
        at(2026, 4, 10),
        p,
    )
    .await
    .unwrap();
    for row in &old_rows {
        assert!(!s.item_holds(row).await.unwrap(), "{}", row.key);
    }
    // The new before-trial due day is 8/6: 14 days before is 25/5.
    let new = s
        .enqueue_reminders(at(2026, 5, 25), &rules())
        .await
        .unwrap();
    assert_eq!(new.duty, 1);
    let last = items_of(s, "duty_reminder").await.pop().unwrap();
    assert!(last.key.contains(":before-14:"), "{}", last.key);
    assert!(s.item_holds(&last).await.unwrap());
}

async fn case_deadlines_warn_then_breach_with_copies_until_answered(db: TestDb) {
    use testkit::case::{action, monday, policy, report};
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let case = s
        .file_case(o.reporter, report("Ô nhiễm"), monday(), p)
        .await
        .unwrap();
    // Triage: 2 working days from Monday 2/3 → end of Wednesday 4/3.
    let warn = s.enqueue_reminders(at(2026, 3, 4), &rules()).await.unwrap();
    assert_eq!(warn.case, 1, "a warning to the board's officer");
    assert_eq!(
        email(&items_of(s, "case_reminder").await[0]),
        "canbo@btg.example.vn"
    );
    assert!(
        items_of(s, "case_reminder").await[0]
            .key
            .contains(":triage:")
    );
    let breach = s.enqueue_reminders(at(2026, 3, 5), &rules()).await.unwrap();
    assert_eq!(
        breach.case,
        2,
        "the officer and a copy to the leader: {:#?}",
        items_of(s, "case_reminder").await
    );
    assert_eq!(
        s.enqueue_reminders(at(2026, 3, 5), &rules())
            .await
            .unwrap()
            .case,
        0
    );
    // Accepting the case stops the triage deadline: its reminders drop.
    s.act(
        o.officer,
        &case.code,
        1,
        action(serde_json::json!({"action": "accept",
        "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"})),
        at(2026, 3, 5),
        p,
    )
    .await
    .unwrap();
    for row in items_of(s, "case_reminder").await {
        assert!(!s.item_holds(&row).await.unwrap(), "{}", row.key);
    }
}
