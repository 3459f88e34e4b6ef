//! The monthly opinion report as a duty (SPEC §16, §4.1, §14): a serving
//! collaborator who has not filed the month's report gets it in their
//! digest before the due day and as overdue after it; one who has filed,
//! or who does not serve, gets nothing; a report filed after the item was
//! written drops it when the digest is built.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use store::Store;
use store::collaborators::UserName;
use store::entities::{opinion_report, reminder_item};
use store::reminders::{OPINION_REPORT_REMINDER, ReminderRules};
use workflow::{Calendar, CaseReminderPolicy, CollaboratorInput, DutyReminderPolicy};

use testkit::case::monday;
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: only_a_serving_collaborator_who_has_not_filed_is_reminded);

fn rules() -> ReminderRules {
    ReminderRules {
        calendar: Calendar::vietnam_default(),
        duty: DutyReminderPolicy::default(),
        case: CaseReminderPolicy::default(),
        opinion_report_day: 25,
    }
}

/// 09:00 in Hà Nội on a day of 2026.
fn at(month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, 2, 0, 0).unwrap()
}

async fn profile(s: &Store, by: workflow::UserId, who: i64, area: &str, active: bool) {
    let input = CollaboratorInput {
        kind: Some("collaborator".into()),
        areas: vec![area.into()],
        from: Some("2026-01-01".into()),
        until: None,
        active: Some(active),
    };
    s.create_collaborator(by, UserName::Id(who), input, monday())
        .await
        .unwrap();
}

async fn filed(s: &Store, who: i64, period: &str) {
    opinion_report::ActiveModel {
        reporter_id: Set(who),
        area_id: Set(1),
        period: Set(Some(period.into())),
        quick: Set(false),
        created_at: Set(monday()),
        ..Default::default()
    }
    .insert(s.connection())
    .await
    .unwrap();
}

/// The opinion items addressed to `email`: (subject, step).
async fn items_of(s: &Store, email: &str) -> Vec<(String, String)> {
    reminder_item::Entity::find()
        .filter(reminder_item::Column::Kind.eq(OPINION_REPORT_REMINDER))
        .filter(reminder_item::Column::RecipientEmail.eq(email))
        .all(s.connection())
        .await
        .unwrap()
        .into_iter()
        .map(|i| {
            let payload: serde_json::Value = serde_json::from_str(&i.payload).unwrap();
            (i.subject, payload["step"].as_str().unwrap().to_owned())
        })
        .collect()
}

async fn only_a_serving_collaborator_who_has_not_filed_is_reminded(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    profile(s, o.admin, o.reporter.0, "HN-BADINH", true).await;
    profile(s, o.admin, o.other_reporter.0, "HN-HOANKIEM", true).await;
    // The other one has filed February's and March's reports.
    filed(s, o.other_reporter.0, "2026-02").await;
    filed(s, o.other_reporter.0, "2026-03").await;

    // 11 March: 14 days before the 25th.
    s.enqueue_reminders(at(3, 11), &rules()).await.unwrap();
    let me = "ctv.badinh@example.vn";
    let mine = items_of(s, me).await;
    let subject = |period: &str| format!("opinion:{}:{period}", o.reporter.0);
    assert!(
        mine.contains(&(subject("2026-03"), "before-14".into())),
        "{mine:?}"
    );
    assert!(
        mine.contains(&(subject("2026-02"), "overdue-2".into())),
        "February is overdue: {mine:?}"
    );
    assert!(items_of(s, "ctv.hoankiem@example.vn").await.is_empty());

    // Once filed, the items written are dropped from the digest.
    filed(s, o.reporter.0, "2026-02").await;
    let subjects: Vec<String> = s
        .digest_items(&format!("digest:{me}:2026-03-11"))
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.subject)
        .collect();
    assert_eq!(subjects, vec![subject("2026-03")]);

    // 26 March, the day after the due day: still owed; an inactive
    // profile is never reminded.
    s.update_collaborator(
        o.admin,
        o.other_reporter.0,
        store::collaborators::CollaboratorPatch {
            active: Some(false),
            ..Default::default()
        },
        monday(),
    )
    .await
    .unwrap();
    s.enqueue_reminders(at(3, 26), &rules()).await.unwrap();
    let mine = items_of(s, me).await;
    assert!(
        mine.contains(&(subject("2026-03"), "due".into())),
        "{mine:?}"
    );
    assert!(items_of(s, "ctv.hoankiem@example.vn").await.is_empty());
}
