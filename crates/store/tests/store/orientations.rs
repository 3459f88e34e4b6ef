//! Orientation notices (SPEC §12): numbered by the register (never two
//! the same under concurrent issue), versioned per case, e-mailed to each
//! recipient with a one-time link that acknowledges once, listed with
//! each recipient's status (a unit without an address reads `failed`),
//! and reminded once per working day, the board copied from the third.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::json;
use store::admin::{NewUnit, NewUser};
use store::entities::outbox;
use store::orientations::{ORIENTATION_NOTICE, ORIENTATION_REMINDER, RecipientStatus};
use store::reminders::ReminderRules;
use store::{Store, StoreError};
use workflow::{
    Calendar, CaseReminderPolicy, DutyReminderPolicy, Lang, Refusal, Role, UnitId, UnitKind, UserId,
};

const HCM: chrono_tz::Tz = chrono_tz::Asia::Ho_Chi_Minh;

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: concurrent_issues_take_every_number_once_in_order);
on_both_backends!(migrated: a_notice_reaches_its_recipients_and_is_acknowledged_once);
on_both_backends!(migrated: an_unacknowledged_notice_is_reminded_daily_and_copied_to_the_board);

async fn concurrent_issues_take_every_number_once_in_order(db: TestDb) {
    let s = db.store().clone();
    org::build(&s).await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            s.issue_document_number(UnitId(1), "CV", 2026).await
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.expect("task").expect("number"));
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=50).collect::<Vec<i64>>());
    // Another kind and another year count on their own.
    assert_eq!(
        s.issue_document_number(UnitId(1), "BC", 2026)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        s.issue_document_number(UnitId(1), "CV", 2027)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        s.issue_document_number(UnitId(1), "CV", 2026)
            .await
            .unwrap(),
        51
    );
}

/// The media: a newspaper with an address and a liaison, a radio without
/// any address. Returns the newspaper's liaison.
async fn media(s: &Store) -> UserId {
    for (code, name, email) in [
        ("BAO-HN", "Báo Hà Nội mới", Some("toasoan@bao.example.vn")),
        ("DAI-BADINH", "Đài truyền thanh phường Ba Đình", None),
    ] {
        s.add_unit(
            NewUnit {
                code: code.into(),
                name: name.into(),
                kind: UnitKind::Media,
                area: if email.is_some() { "HN" } else { "HN-BADINH" }.into(),
                serves: vec![],
                email: email.map(Into::into),
            },
            monday(),
        )
        .await
        .expect("unit");
    }
    UserId(
        s.add_user(
            NewUser {
                email: "phongvien@bao.example.vn".into(),
                name: "Phóng viên Báo Hà Nội mới".into(),
                role: Role::AgencyLiaison,
                unit: "BAO-HN".into(),
                password: None,
                lang: Lang::Vi,
            },
            monday(),
        )
        .await
        .expect("user"),
    )
}

async fn rows(s: &Store, kind: &str) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == kind)
        .collect()
}

fn token_of(row: &outbox::Model) -> String {
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
    payload["token"].as_str().expect("a token").to_owned()
}

/// A case accepted by the board, led by UBND-BADINH.
async fn accepted(s: &Store, o: &org::Org) -> workflow::Case {
    let p = policy();
    let c = s
        .file_case(o.reporter, report("Sạt lở bờ kè"), monday(), &p)
        .await
        .unwrap();
    s.act(
        o.officer,
        &c.code,
        c.version,
        action(json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"})),
        monday(),
        &p,
    )
    .await
    .unwrap()
}

fn orient(kind: &str, recipients: &[&str]) -> store::ActionInput {
    action(json!({
        "action": kind,
        "messages": "Chính quyền đã khoanh vùng nguy hiểm",
        "channels": ["press", "grassroots_radio"],
        "audience": "Nhân dân phường Ba Đình",
        "recipients": recipients,
    }))
}

async fn a_notice_reaches_its_recipients_and_is_acknowledged_once(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let reporter_of_paper = media(s).await;
    let p = policy();
    let c = accepted(s, &o).await;
    // A state body carries no directed communication: refused in words.
    let refused = s
        .act(
            o.officer,
            &c.code,
            c.version,
            orient("orient", &["BAO-HN", "UBND-BADINH"]),
            monday(),
            &p,
        )
        .await
        .unwrap_err();
    let StoreError::Refused(refusal) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(
        refusal,
        Refusal::RecipientNotAllowed {
            unit: "UBND-BADINH".into()
        }
    );
    let c = s
        .act(
            o.officer,
            &c.code,
            c.version,
            orient("orient", &["BAO-HN", "DAI-BADINH", "BAO-HN"]),
            monday(),
            &p,
        )
        .await
        .unwrap();
    let list = s
        .orientations_of(o.officer, &c.code, monday(), HCM)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    let n = &list[0];
    assert_eq!(
        (n.number.as_str(), n.version, n.replaces.as_deref()),
        ("1-CV/BTG-HN", 1, None)
    );
    let statuses: Vec<(&str, RecipientStatus, Option<&str>)> = n
        .recipients
        .iter()
        .map(|r| (r.unit.as_str(), r.status, r.failure.as_deref()))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("BAO-HN", RecipientStatus::Sent, None),
            ("DAI-BADINH", RecipientStatus::Failed, Some("no_address")),
        ]
    );
    // The newspaper's liaison and its own address, one link each.
    let sent = rows(s, ORIENTATION_NOTICE).await;
    let mut to: Vec<&str> = sent.iter().map(|r| r.recipient_email.as_str()).collect();
    to.sort_unstable();
    assert_eq!(
        to,
        vec!["phongvien@bao.example.vn", "toasoan@bao.example.vn"]
    );
    let token = token_of(
        sent.iter()
            .find(|r| r.recipient_email == "toasoan@bao.example.vn")
            .unwrap(),
    );
    // Opening the link acknowledges nothing.
    let seen = s.acknowledgement_link(&token, monday(), HCM).await.unwrap();
    assert_eq!(
        (seen.number.as_str(), seen.unit_name.as_str()),
        ("1-CV/BTG-HN", "Báo Hà Nội mới")
    );
    assert_eq!(seen.acknowledged_at, None);
    let later = monday() + Duration::hours(1);
    let done = s.acknowledge_by_link(&token, later, HCM).await.unwrap();
    assert!(done.just_now);
    assert_eq!(done.acknowledged_at.map(|at| at.to_utc()), Some(later));
    assert_eq!(
        done.acknowledged_by.as_deref(),
        Some("toasoan@bao.example.vn")
    );
    // A second use, of this link or the liaison's, says it was done.
    let other = token_of(
        sent.iter()
            .find(|r| r.recipient_email == "phongvien@bao.example.vn")
            .unwrap(),
    );
    for t in [&token, &other] {
        let again = s
            .acknowledge_by_link(t, later + Duration::hours(1), HCM)
            .await
            .unwrap();
        assert!(!again.just_now);
        assert_eq!(again.acknowledged_at.map(|at| at.to_utc()), Some(later));
        assert_eq!(
            again.acknowledged_by.as_deref(),
            Some("toasoan@bao.example.vn")
        );
    }
    let list = s
        .orientations_of(o.officer, &c.code, monday(), HCM)
        .await
        .unwrap();
    assert_eq!(list[0].recipients[0].status, RecipientStatus::Acknowledged);
    // The link is kept hashed and stops after 14 days.
    assert!(matches!(
        s.acknowledgement_link(&token, monday() + Duration::days(14), HCM)
            .await,
        Err(StoreError::Refused(Refusal::AcknowledgementLinkInvalid))
    ));
    assert!(matches!(
        s.acknowledgement_link("nc_unknown", monday(), HCM).await,
        Err(StoreError::Refused(Refusal::AcknowledgementLinkInvalid))
    ));
    // The reporter does not read orientation notices (§10).
    assert!(matches!(
        s.orientations_of(o.reporter, &c.code, monday(), HCM).await,
        Err(StoreError::NotFound { .. })
    ));
    // A later notice replaces the first and takes the next number.
    let c = s
        .act(
            o.officer,
            &c.code,
            c.version,
            orient("add_orientation", &["BAO-HN"]),
            monday(),
            &p,
        )
        .await
        .unwrap();
    let list = s
        .orientations_of(o.officer, &c.code, monday(), HCM)
        .await
        .unwrap();
    let second = &list[1];
    assert_eq!(
        (
            second.number.as_str(),
            second.version,
            second.replaces.as_deref()
        ),
        ("2-CV/BTG-HN", 2, Some("1-CV/BTG-HN"))
    );
    // Signed in: a user of the unit acknowledges; anyone else is refused.
    assert!(matches!(
        s.acknowledge_orientation(o.officer, second.id, monday(), HCM)
            .await,
        Err(StoreError::Refused(Refusal::NotARecipient))
    ));
    let done = s
        .acknowledge_orientation(reporter_of_paper, second.id, monday(), HCM)
        .await
        .unwrap();
    assert!(done.just_now);
    assert_eq!(
        done.acknowledged_by.as_deref(),
        Some("Phóng viên Báo Hà Nội mới")
    );
    assert!(matches!(
        s.acknowledge_orientation(reporter_of_paper, 9999, monday(), HCM)
            .await,
        Err(StoreError::NotFound { .. })
    ));
}

fn rules() -> ReminderRules {
    ReminderRules {
        calendar: Calendar::vietnam_default(),
        duty: DutyReminderPolicy::default(),
        case: CaseReminderPolicy::default(),
        opinion_report_day: workflow::DEFAULT_OPINION_REPORT_DAY,
    }
}

async fn an_unacknowledged_notice_is_reminded_daily_and_copied_to_the_board(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    media(s).await;
    let c = accepted(s, &o).await;
    s.act(
        o.officer,
        &c.code,
        c.version,
        orient("orient", &["BAO-HN"]),
        monday(),
        &policy(),
    )
    .await
    .unwrap();
    let day = |d: u32| Utc.with_ymd_and_hms(2026, 3, d, 2, 0, 0).unwrap();
    // Nothing the day it was sent.
    s.enqueue_reminders(day(2), &rules()).await.unwrap();
    assert!(rows(s, ORIENTATION_REMINDER).await.is_empty());
    // Tuesday: the newspaper's two addresses, each with a fresh link; once.
    let first = s.enqueue_reminders(day(3), &rules()).await.unwrap();
    assert_eq!(first.orientation, 2);
    assert_eq!(
        s.enqueue_reminders(day(3), &rules())
            .await
            .unwrap()
            .orientation,
        0
    );
    let tuesday = rows(s, ORIENTATION_REMINDER).await;
    assert!(tuesday.iter().all(|r| !token_of(r).is_empty()));
    // Thursday, the third working day: the board's officer is copied.
    s.enqueue_reminders(day(5), &rules()).await.unwrap();
    let thursday: Vec<outbox::Model> = rows(s, ORIENTATION_REMINDER)
        .await
        .into_iter()
        .filter(|r| r.key.contains("2026-03-05"))
        .collect();
    let mut to: Vec<&str> = thursday
        .iter()
        .map(|r| r.recipient_email.as_str())
        .collect();
    to.sort_unstable();
    assert_eq!(
        to,
        vec![
            "canbo@btg.example.vn",
            "phongvien@bao.example.vn",
            "toasoan@bao.example.vn"
        ]
    );
    // A reminder's link acknowledges too; then reminders stop.
    s.acknowledge_by_link(&token_of(&tuesday[0]), day(5), HCM)
        .await
        .unwrap();
    assert_eq!(
        s.enqueue_reminders(day(6), &rules())
            .await
            .unwrap()
            .orientation,
        0
    );
}
