//! Closing a loaded past (`Store::close_history`): the e-mails its events
//! wrote stay unsent as `historical`, with one audit row; an orientation
//! notice still owed is kept to send, its link working 14 days from the
//! close; what came after the cut-off is left alone.

use chrono::Duration;
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::json;
use store::admin::NewUnit;
use store::entities::{audit_log, outbox};
use store::orientations::ORIENTATION_NOTICE;
use store::outbox::status;
use store::{Store, StoreError};
use workflow::UnitKind;

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_closed_past_is_kept_unsent_but_what_is_owed_goes);

const HCM: chrono_tz::Tz = chrono_tz::Asia::Ho_Chi_Minh;

async fn rows(s: &Store) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
}

fn payload(row: &outbox::Model) -> serde_json::Value {
    serde_json::from_str(&row.payload).unwrap()
}

async fn a_closed_past_is_kept_unsent_but_what_is_owed_goes(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    for (code, email) in [
        ("BAO-HN", "toasoan@bao.example.vn"),
        ("DAI-HN", "bientap@dai.example.vn"),
    ] {
        s.add_unit(
            NewUnit {
                code: code.into(),
                name: format!("Cơ quan báo chí {code}"),
                kind: UnitKind::Media,
                area: "HN".into(),
                serves: vec![],
                email: Some(email.into()),
            },
            monday(),
        )
        .await
        .unwrap();
    }
    let p = policy();
    let c = s
        .file_case(o.reporter, report("Sạt lở bờ kè"), monday(), &p)
        .await
        .unwrap();
    let accept = json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"});
    let c = s
        .act(o.officer, &c.code, c.version, action(accept), monday(), &p)
        .await
        .unwrap();
    let orient = json!({"action": "orient", "messages": "Thông tin chính xác", "channels": ["press"],
        "audience": "Nhân dân", "recipients": ["BAO-HN", "DAI-HN"]});
    let c = s
        .act(o.officer, &c.code, c.version, action(orient), monday(), &p)
        .await
        .unwrap();
    // The radio acknowledged in the past; the newspaper did not.
    let radio = rows(s)
        .await
        .into_iter()
        .find(|r| r.kind == ORIENTATION_NOTICE && r.recipient_email.starts_with("bientap"))
        .unwrap();
    let token = payload(&radio)["token"].as_str().unwrap().to_owned();
    s.acknowledge_by_link(&token, monday() + Duration::hours(2), HCM)
        .await
        .unwrap();
    // After the cut-off, an escalation of today's: its notices are not
    // of the past.
    let cut = monday() + Duration::days(20);
    let escalate = json!({"action": "escalate", "opinions": [
        {"unit": "UBND-BADINH", "opinion": "Giữ nguyên phương án"},
        {"unit": "BTG-HN", "opinion": "Cần đối thoại với người dân"}]});
    s.act(
        o.officer,
        &c.code,
        c.version,
        action(escalate),
        cut + Duration::hours(1),
        &p,
    )
    .await
    .unwrap();
    let before = rows(s).await;
    let now = cut + Duration::hours(3);

    let closed = s.close_history(cut, now, "test import").await.unwrap();

    let after = rows(s).await;
    assert_eq!(after.len(), before.len());
    let owed: Vec<&outbox::Model> = after
        .iter()
        .filter(|r| r.status == status::PENDING)
        .collect();
    let historical: Vec<&outbox::Model> = after
        .iter()
        .filter(|r| r.status == status::HISTORICAL)
        .collect();
    assert_eq!(
        closed,
        store::history::HistoryClosed {
            historical: historical.len() as u64,
            still_owed: 1
        }
    );
    // Owed: the newspaper's notice, and whatever came after the cut-off.
    let paper = owed
        .iter()
        .find(|r| r.kind == ORIENTATION_NOTICE)
        .expect("the newspaper's notice is owed");
    assert!(paper.recipient_email.starts_with("toasoan"));
    assert!(
        owed.iter().all(|r| r.created_at >= cut || r.id == paper.id),
        "{owed:?}"
    );
    assert!(owed.iter().any(|r| r.kind == "escalated"), "{owed:?}");
    assert!(historical.iter().all(|r| r.created_at < cut));
    assert!(
        historical.iter().any(|r| r.kind == "case_assigned"),
        "{historical:?}"
    );
    // The radio's notice, acknowledged, is history and keeps no link.
    let radio = after.iter().find(|r| r.id == radio.id).unwrap();
    assert_eq!(
        (radio.status.as_str(), radio.payload.as_str()),
        (status::HISTORICAL, "{}")
    );
    // The newspaper's link works 14 days from the close, not from the issue.
    let p = payload(paper);
    let expires = chrono::DateTime::parse_from_rfc3339(p["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!(expires.to_utc(), now + Duration::days(14));
    let token = p["token"].as_str().unwrap();
    s.acknowledgement_link(token, now + Duration::days(13), HCM)
        .await
        .unwrap();
    let expired = s
        .acknowledgement_link(token, now + Duration::days(15), HCM)
        .await
        .unwrap_err();
    assert!(
        matches!(
            expired,
            StoreError::Refused(workflow::Refusal::AcknowledgementLinkInvalid)
        ),
        "{expired:?}"
    );
    // One audit row says why.
    let audit = audit_log::Entity::find().all(s.connection()).await.unwrap();
    let row = audit
        .iter()
        .find(|a| a.action == "close_history")
        .expect("an audit row");
    assert!(row.detail.contains("test import"), "{}", row.detail);
}
