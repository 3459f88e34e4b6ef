//! Duty instances: materialised once per schedule and period, the court's
//! trial duties created and moved by `set_trial_date`, submission,
//! acknowledgement and waiver.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;
use store::Store;
use store::admin::NewProgramme;
use store::duties::{DutyFilter, DutyMove};
use store::entities::duty_instance;
use workflow::{Calendar, UserId};

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: materialising_twice_creates_each_instance_once);
on_both_backends!(migrated: a_trial_date_creates_the_court_duties_and_a_new_date_moves_them);
on_both_backends!(migrated: a_duty_is_submitted_acknowledged_or_waived_by_the_right_people);

/// 15 November 2026, 09:00 in Hà Nội: in 2026-Q4.
pub fn in_q4() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 15, 2, 0, 0).unwrap()
}

/// A programme of Hà Nội: BTG-HN receives from UBND-BADINH and TAND-KV1.
pub async fn programme(s: &Store) {
    s.add_programme(
        NewProgramme {
            year_from: 2026,
            year_to: 2026,
            area: "HN".into(),
            parties: vec!["BTG-HN".into(), "UBND-BADINH".into(), "TAND-KV1".into()],
            title: None,
            items: Vec::new(),
            number: None,
            signed_on: None,
        },
        monday(),
    )
    .await
    .expect("programme");
}

async fn all_duties(s: &Store) -> Vec<duty_instance::Model> {
    use sea_orm::{EntityTrait, QueryOrder};
    duty_instance::Entity::find()
        .order_by_asc(duty_instance::Column::Id)
        .all(s.connection())
        .await
        .unwrap()
}

async fn materialising_twice_creates_each_instance_once(db: TestDb) {
    let s = db.store();
    org::build(s).await;
    programme(s).await;
    let calendar = Calendar::vietnam_default();
    let created = s.materialise_duties(in_q4(), &calendar).await.unwrap();
    assert_eq!(created, 4, "two schedules × (2026-Q4, 2027-Q1)");
    assert_eq!(s.materialise_duties(in_q4(), &calendar).await.unwrap(), 0);
    let duties = all_duties(s).await;
    let periods: Vec<&str> = duties.iter().map(|d| d.period.as_str()).collect();
    assert_eq!(periods, ["2026-Q4", "2027-Q1", "2026-Q4", "2027-Q1"]);
    // 2026-Q4 ends 31/12; the 10th day after is Sunday 10/1/2027, so the
    // duty is due at the end of Monday 11/1/2027 (Hà Nội).
    assert_eq!(
        duties[0].due_at,
        Utc.with_ymd_and_hms(2027, 1, 11, 16, 59, 59).unwrap()
    );
    assert!(duties.iter().all(|d| d.status == "pending"));
}

async fn a_trial_date_creates_the_court_duties_and_a_new_date_moves_them(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let case = s
        .file_case(o.reporter, report("Tranh chấp đất"), monday(), p)
        .await
        .unwrap();
    let act = |who: UserId, version: i64, input: serde_json::Value| {
        let code = case.code.clone();
        async move {
            s.act(who, &code, version, action(input), monday(), p)
                .await
                .unwrap()
        }
    };
    let c = act(
        o.officer,
        1,
        json!({"action": "accept", "sensitivity": "complex", "priority": "high",
        "lead_unit": "UBND-BADINH", "coordinating_units": ["TAND-KV1"]}),
    )
    .await;
    let c = act(
        o.court,
        c.version,
        json!({"action": "set_trial_date", "trial_date": "2026-04-20"}),
    )
    .await;
    let duties = all_duties(s).await;
    assert_eq!(duties.len(), 2);
    let kinds: Vec<&str> = duties.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["before_trial", "after_trial"]);
    let before = duties[0].due_at;
    // 5 working days before Monday 20/4/2026 is Monday 13/4.
    assert_eq!(
        before,
        Utc.with_ymd_and_hms(2026, 4, 13, 16, 59, 59).unwrap()
    );

    // The board's officer gives the before-trial information's receipt
    // only after the court submits; the after-trial one stays pending and
    // follows the new date.
    s.move_duty(
        o.court,
        duties[0].id,
        DutyMove::Submit {
            text: "Thông tin trước xét xử".into(),
        },
        monday(),
    )
    .await
    .unwrap();
    act(
        o.court,
        c.version,
        json!({"action": "set_trial_date", "trial_date": "2026-05-11"}),
    )
    .await;
    let moved = all_duties(s).await;
    assert_eq!(moved.len(), 2, "no new instances");
    assert_eq!(
        moved[0].due_at, before,
        "a submitted duty keeps its due time"
    );
    assert_eq!(
        moved[1].due_at,
        Utc.with_ymd_and_hms(2026, 5, 14, 16, 59, 59).unwrap()
    );
    assert_eq!(moved[1].period, "2026-05-11");
}

async fn a_duty_is_submitted_acknowledged_or_waived_by_the_right_people(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &Calendar::vietnam_default())
        .await
        .unwrap();
    let ubnd = all_duties(s).await[0].id;
    let submit = || DutyMove::Submit {
        text: "Báo cáo quý IV".into(),
    };
    // The court's liaison does not see the People's Committee's duty.
    let hidden = s
        .move_duty(o.court, ubnd, submit(), in_q4())
        .await
        .unwrap_err();
    assert!(
        matches!(hidden, store::StoreError::NotFound { .. }),
        "{hidden}"
    );
    // The leader sees it but may not submit it.
    let refused = s
        .move_duty(o.leader, ubnd, submit(), in_q4())
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("đầu mối"), "{refused}");
    let refused = s
        .move_duty(o.officer, ubnd, DutyMove::Acknowledge, in_q4())
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("Chưa cung cấp"), "{refused}");
    let blank = s
        .move_duty(
            o.liaison,
            ubnd,
            DutyMove::Submit { text: "  ".into() },
            in_q4(),
        )
        .await;
    assert!(blank.is_err());
    let after = s
        .move_duty(o.liaison, ubnd, submit(), in_q4())
        .await
        .unwrap();
    assert_eq!(
        (after.status.as_str(), after.submitted_by),
        ("submitted", Some(o.liaison.0))
    );
    let after = s
        .move_duty(o.officer, ubnd, DutyMove::Acknowledge, in_q4())
        .await
        .unwrap();
    assert_eq!(after.status, "acknowledged");
    assert!(
        s.move_duty(
            o.admin,
            ubnd,
            DutyMove::Waive { reason: "x".into() },
            in_q4()
        )
        .await
        .is_err()
    );

    let next = all_duties(s).await[1].id;
    let waived = s
        .move_duty(
            o.admin,
            next,
            DutyMove::Waive {
                reason: "Đơn vị sáp nhập".into(),
            },
            in_q4(),
        )
        .await
        .unwrap();
    assert_eq!(
        (waived.status.as_str(), waived.waived_reason.as_deref()),
        ("waived", Some("Đơn vị sáp nhập"))
    );
    assert_eq!(s.duties_of_unit(waived.unit_id).await.unwrap().len(), 2);
}

on_both_backends!(migrated: each_user_lists_the_duties_the_rule_lets_them_see);

/// Every page of `user`'s list, as (provider unit, period) pairs.
async fn listed(s: &Store, user: UserId, filter: DutyFilter) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut filter = DutyFilter { limit: 1, ..filter };
    loop {
        let page = s.list_duties(user, &filter, in_q4()).await.unwrap();
        out.extend(
            page.duties
                .iter()
                .map(|d| (d.unit.clone(), d.period.clone())),
        );
        match page.next {
            Some(next) => filter.cursor = Some(next),
            None => return out,
        }
    }
}

async fn each_user_lists_the_duties_the_rule_lets_them_see(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &Calendar::vietnam_default())
        .await
        .unwrap();
    let all = DutyFilter::default();
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(u, p)| (u.to_string(), p.to_string()))
            .collect()
    };
    // Latest due first; equal due times by id, newest first.
    let everything = pairs(&[
        ("TAND-KV1", "2027-Q1"),
        ("UBND-BADINH", "2027-Q1"),
        ("TAND-KV1", "2026-Q4"),
        ("UBND-BADINH", "2026-Q4"),
    ]);
    assert_eq!(listed(s, o.admin, all.clone()).await, everything);
    assert_eq!(
        listed(s, o.officer, all.clone()).await,
        everything,
        "the recipient board"
    );
    assert_eq!(
        listed(s, o.leader, all.clone()).await,
        everything,
        "jurisdiction over HN"
    );
    assert_eq!(
        listed(s, o.liaison, all.clone()).await,
        pairs(&[("UBND-BADINH", "2027-Q1"), ("UBND-BADINH", "2026-Q4")])
    );
    assert_eq!(
        listed(s, o.court, all.clone()).await,
        pairs(&[("TAND-KV1", "2027-Q1"), ("TAND-KV1", "2026-Q4")])
    );
    assert!(listed(s, o.reporter, all.clone()).await.is_empty());

    let q4 = DutyFilter {
        period: Some("2026-Q4".into()),
        unit: Some("TAND-KV1".into()),
        ..all.clone()
    };
    assert_eq!(
        listed(s, o.officer, q4).await,
        pairs(&[("TAND-KV1", "2026-Q4")])
    );
    // 2026-Q4 is due 11/1/2027: overdue a day later, until submitted.
    let late = Utc.with_ymd_and_hms(2027, 1, 12, 2, 0, 0).unwrap();
    let overdue = DutyFilter {
        overdue: true,
        limit: 100,
        ..all.clone()
    };
    let page = s.list_duties(o.officer, &overdue, late).await.unwrap();
    assert_eq!(page.duties.len(), 2);
    assert!(page.duties.iter().all(|d| d.overdue(late)));
    let first = page.duties[0].id;
    s.move_duty(
        o.liaison,
        page.duties[1].id,
        DutyMove::Submit {
            text: "Báo cáo".into(),
        },
        late,
    )
    .await
    .unwrap();
    let page = s.list_duties(o.officer, &overdue, late).await.unwrap();
    assert_eq!(
        page.duties.iter().map(|d| d.id).collect::<Vec<_>>(),
        [first]
    );

    let shown = s.open_duty(o.court, first, in_q4()).await.unwrap();
    assert_eq!(
        (shown.unit.as_str(), shown.recipient.as_str()),
        ("TAND-KV1", "BTG-HN")
    );
    assert!(shown.programme.is_some() && shown.schedule.is_some());
    assert!(matches!(
        s.open_duty(o.liaison, first, in_q4()).await,
        Err(store::StoreError::NotFound { .. })
    ));
    let bad = DutyFilter {
        period: Some("quý 4".into()),
        ..all.clone()
    };
    assert!(s.list_duties(o.officer, &bad, in_q4()).await.is_err());
    let unknown = DutyFilter {
        unit: Some("KHONG-CO".into()),
        ..all
    };
    assert!(s.list_duties(o.officer, &unknown, in_q4()).await.is_err());
}
