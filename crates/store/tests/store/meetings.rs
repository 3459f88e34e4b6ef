//! Resolution meetings (SPEC §11) on both backends: a scheduled meeting is
//! stored with an invitation per invited unit and its e-mails in the
//! outbox, a unit without an address is recorded as failed, a logged
//! meeting held without the board is recorded and counted as a breach.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use store::entities::outbox;
use store::meetings::invitation;
use store::reports::{Reader, ReportScope};
use store::{Store, StoreError};
use workflow::{Case, Refusal, UserId};

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn act(s: &Store, who: UserId, case: &Case, input: Value) -> Result<Case, StoreError> {
    s.act(
        who,
        &case.code,
        case.version,
        action(input),
        monday(),
        &policy(),
    )
    .await
}

fn schedule(invited: &[&str]) -> Value {
    json!({"action": "schedule_meeting",
           "starts_at": (monday() + Duration::days(3)).to_rfc3339(),
           "place": "Hội trường UBND phường Ba Đình, tầng 2",
           "chair_unit": "UBND-BADINH",
           "invited_units": invited,
           "agenda": "Thống nhất phương án bồi thường; lộ trình thông tin."})
}

async fn scheduled_meetings_invite_every_unit_and_breaches_are_counted(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    let case = s
        .file_case(o.reporter, report("Bãi rác tự phát"), monday(), &policy())
        .await
        .unwrap();
    let case = act(
        s,
        o.officer,
        &case,
        json!({"action": "accept", "sensitivity": "complex",
        "priority": "high", "lead_unit": "UBND-BADINH"}),
    )
    .await
    .unwrap();

    // The board must be invited: refused in words, nothing stored.
    let refused = act(s, o.liaison, &case, schedule(&["UBND-BADINH", "TAND-KV1"]))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::Refused(Refusal::MeetingWithoutBoard)),
        "{refused:?}"
    );
    assert!(
        s.meetings_of(case.id.0, chrono_tz::Asia::Ho_Chi_Minh)
            .await
            .unwrap()
            .is_empty()
    );

    // The lead's liaison schedules it; the Front of the ward has no address.
    let case = act(
        s,
        o.liaison,
        &case,
        schedule(&["BTG-HN", "UBND-BADINH", "MTTQ-BADINH"]),
    )
    .await
    .unwrap();
    let meetings = s
        .meetings_of(case.id.0, chrono_tz::Asia::Ho_Chi_Minh)
        .await
        .unwrap();
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert!(m.scheduled);
    assert_eq!(m.starts_at, monday() + Duration::days(3));
    assert_eq!(
        m.ends_at.map(|at| at.to_utc()),
        Some(monday() + Duration::days(3) + Duration::hours(2))
    );
    assert_eq!(m.chair_unit, "UBND-BADINH");
    let mut invited: Vec<_> = m
        .invitations
        .iter()
        .map(|i| (i.unit.clone(), i.status.as_str()))
        .collect();
    invited.sort();
    assert_eq!(
        invited,
        vec![
            ("BTG-HN".to_owned(), invitation::QUEUED),
            ("MTTQ-BADINH".to_owned(), invitation::FAILED),
            ("UBND-BADINH".to_owned(), invitation::QUEUED),
        ]
    );
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("meeting_invitation"))
        .all(s.connection())
        .await
        .unwrap();
    let mut to: Vec<_> = mails.iter().map(|m| m.recipient_email.as_str()).collect();
    to.sort_unstable();
    // The board through its officer, the ward through its liaison.
    assert_eq!(to, ["canbo@btg.example.vn", "daumoi@badinh.example.vn"]);
    let payload: Value = serde_json::from_str(&mails[0].payload).unwrap();
    assert_eq!(payload["meeting_id"], json!(m.id));
    assert_eq!(payload["attendees"].as_array().unwrap().len(), 2);

    // Held without the board: recorded, not refused, and counted.
    let log = json!({"action": "log_meeting", "meeting": m.id,
        "held_at": (monday() - Duration::hours(1)).to_rfc3339(),
        "chair_unit": "UBND-BADINH", "attendees": ["TAND-KV1"],
        "minutes": "Thống nhất phương án."});
    let case = act(s, o.liaison, &case, log.clone()).await.unwrap();
    let held = &s
        .meetings_of(case.id.0, chrono_tz::Asia::Ho_Chi_Minh)
        .await
        .unwrap()[0];
    assert_eq!(held.board_present, Some(false));
    let events = s
        .case_events(o.officer, &case.code, monday())
        .await
        .unwrap();
    assert_eq!(
        events.last().unwrap().payload["board_present"],
        json!(false)
    );
    let year = ReportScope {
        from: Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap(),
        to: Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).unwrap(),
        area: None,
    };
    let breaches = s
        .meetings_without_board(Reader::User(o.leader), &year, monday())
        .await
        .unwrap();
    assert_eq!(breaches, 1);

    // A meeting is logged once; an unknown one is named as such.
    let again = act(s, o.liaison, &case, log).await.unwrap_err();
    assert!(
        matches!(
            &again,
            StoreError::Refused(Refusal::UnknownCode {
                field: "meeting",
                ..
            })
        ),
        "{again:?}"
    );
    // A meeting logged with the board, not scheduled, is stored too.
    let case = act(
        s,
        o.officer,
        &case,
        json!({"action": "log_meeting",
        "held_at": monday().to_rfc3339(), "chair_unit": "BTG-HN",
        "attendees": ["UBND-BADINH"], "minutes": "Họp nhanh."}),
    )
    .await
    .unwrap();
    let all = s
        .meetings_of(case.id.0, chrono_tz::Asia::Ho_Chi_Minh)
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert!(
        all.iter()
            .any(|m| !m.scheduled && m.board_present == Some(true))
    );
    let breaches = s
        .meetings_without_board(Reader::User(o.leader), &year, monday())
        .await
        .unwrap();
    assert_eq!(breaches, 1);
}

on_both_backends!(migrated: scheduled_meetings_invite_every_unit_and_breaches_are_counted);
