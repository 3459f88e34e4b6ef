//! Whatever is refused writes nothing: every table is compared before and
//! after.

use serde_json::json;
use store::StoreError;
use workflow::Refusal;

use crate::support::snapshot;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

async fn a_stale_version_writes_nothing(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let c = s
        .file_case(o.reporter, report("Sạt lở bờ sông"), monday(), p)
        .await
        .unwrap();
    let c = s
        .act(
            o.officer,
            &c.code,
            1,
            action(json!({"action": "request_info", "question": "Vị trí?"})),
            monday(),
            p,
        )
        .await
        .unwrap();
    let before = snapshot::tables(s).await;
    let stale = s
        .act(
            o.officer,
            &c.code,
            1,
            action(json!({"action": "dismiss", "reason": "Trùng"})),
            monday(),
            p,
        )
        .await;
    assert!(
        matches!(
            stale,
            Err(StoreError::VersionConflict {
                given: 1,
                current: 2
            })
        ),
        "{stale:?}"
    );
    // Someone who may never dismiss hears so, whatever version they send.
    let forbidden = s
        .act(
            o.reporter,
            &c.code,
            1,
            action(json!({"action": "dismiss", "reason": "Trùng"})),
            monday(),
            p,
        )
        .await;
    assert!(
        matches!(&forbidden, Err(StoreError::Refused(r)) if r.is_forbidden()),
        "{forbidden:?}"
    );
    assert_eq!(snapshot::tables(s).await, before);
}
on_both_backends!(migrated: a_stale_version_writes_nothing);

async fn refused_actions_write_nothing(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let c = s
        .file_case(o.reporter, report("Cháy rừng phòng hộ"), monday(), p)
        .await
        .unwrap();
    let before = snapshot::tables(s).await;
    let attempts = [
        // A reporter may not accept.
        (
            o.reporter,
            json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"}),
        ),
        // Wrong state: nothing to respond to yet.
        (o.liaison, json!({"action": "respond", "answer": "Trả lời"})),
        // A lead unit that is not a state body.
        (
            o.officer,
            json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "MTTQ-BADINH"}),
        ),
        // A lead unit that does not serve the area.
        (
            o.officer,
            json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HOANKIEM"}),
        ),
        // An unknown unit.
        (
            o.officer,
            json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "KHONG-CO"}),
        ),
        // Blank required input.
        (o.officer, json!({"action": "dismiss", "reason": "   "})),
        // A merge into itself.
        (o.officer, json!({"action": "merge", "target": c.code})),
        // An administrator carries out no case action.
        (o.admin, json!({"action": "request_info", "question": "?"})),
        // A leader cannot close what is not resolved.
        (o.leader, json!({"action": "close", "remark": "Xong"})),
    ];
    for (who, input) in attempts {
        let name = input.to_string();
        let result = s
            .act(who, &c.code, c.version, action(input), monday(), p)
            .await;
        assert!(
            matches!(result, Err(StoreError::Refused(_))),
            "{name}: {result:?}"
        );
        assert_eq!(
            snapshot::tables(s).await,
            before,
            "{name} changed the database"
        );
    }
    // Another ward's reporter does not see the case at all.
    let hidden = s
        .act(
            o.other_reporter,
            &c.code,
            c.version,
            action(json!({"action": "comment", "text": "?"})),
            monday(),
            p,
        )
        .await;
    assert!(
        matches!(hidden, Err(StoreError::NotFound { .. })),
        "{hidden:?}"
    );
    // Filing with an unknown category or outside one's area is refused too.
    let mut bad = report("Sai danh mục");
    bad.category = "khong_co".into();
    let r = s.file_case(o.reporter, bad, monday(), p).await;
    assert!(
        matches!(
            r,
            Err(StoreError::Refused(Refusal::UnknownCode {
                field: "category",
                ..
            }))
        ),
        "{r:?}"
    );
    let mut elsewhere = report("Ngoài địa bàn");
    elsewhere.area = "HN-HOANKIEM".into();
    let r = s.file_case(o.reporter, elsewhere, monday(), p).await;
    assert!(matches!(r, Err(StoreError::Refused(_))), "{r:?}");
    assert_eq!(snapshot::tables(s).await, before);
}
on_both_backends!(migrated: refused_actions_write_nothing);

async fn accepting_enqueues_an_email_to_the_lead_unit(db: TestDb) {
    use sea_orm::EntityTrait;
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let c = s
        .file_case(o.reporter, report("Nước sinh hoạt nhiễm bẩn"), monday(), p)
        .await
        .unwrap();
    s.act(
        o.officer,
        &c.code,
        c.version,
        action(json!({"action": "accept", "sensitivity": "normal", "priority": "urgent", "lead_unit": "UBND-BADINH"})),
        monday(),
        p,
    )
    .await
    .unwrap();
    let rows = store::entities::outbox::Entity::find()
        .all(s.connection())
        .await
        .unwrap();
    let to: Vec<_> = rows
        .iter()
        .map(|r| (r.kind.as_str(), r.recipient_email.as_str()))
        .collect();
    assert_eq!(to, vec![("case_assigned", "daumoi@badinh.example.vn")]);
}
on_both_backends!(migrated: accepting_enqueues_an_email_to_the_lead_unit);
