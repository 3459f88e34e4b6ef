//! The list's `overdue` filter, decided in SQL from `workflow`'s
//! `OverdueDuties`, is the rule of `DutyStatus::is_overdue` that decides a
//! single duty: over every status and moments around each due time, the
//! filter selects exactly the duties the rule calls overdue.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use store::duties::DutyFilter;
use store::entities::duty_instance;
use workflow::{Calendar, DutyStatus};

use crate::duties::{in_q4, programme};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: the_overdue_filter_is_the_workflow_rule);

async fn the_overdue_filter_is_the_workflow_rule(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &Calendar::vietnam_default())
        .await
        .unwrap();
    let rows = duty_instance::Entity::find()
        .order_by_asc(duty_instance::Column::Id)
        .all(s.connection())
        .await
        .unwrap();
    assert_eq!(rows.len(), 4);
    let mut moments: Vec<DateTime<Utc>> = vec![in_q4()];
    for row in &rows {
        let second = Duration::seconds(1);
        moments.extend([row.due_at - second, row.due_at, row.due_at + second]);
    }
    moments.push(rows.iter().map(|r| r.due_at).max().unwrap() + Duration::days(400));
    let mut found = 0;
    // Each duty takes every status in turn.
    for turn in 0..DutyStatus::ALL.len() {
        for (i, row) in rows.iter().enumerate() {
            let status = DutyStatus::ALL[(i + turn) % DutyStatus::ALL.len()];
            let mut update: duty_instance::ActiveModel = row.clone().into();
            update.status = Set(status.code().to_owned());
            update.update(s.connection()).await.unwrap();
        }
        let stored = duty_instance::Entity::find()
            .all(s.connection())
            .await
            .unwrap();
        for &now in &moments {
            let filter = DutyFilter {
                overdue: true,
                limit: 100,
                ..DutyFilter::default()
            };
            let listed: BTreeSet<i64> = s
                .list_duties(o.admin, &filter, now)
                .await
                .unwrap()
                .duties
                .iter()
                .map(|d| d.id)
                .collect();
            let ruled: BTreeSet<i64> = stored
                .iter()
                .filter(|d| {
                    DutyStatus::from_code(&d.status)
                        .unwrap()
                        .is_overdue(d.due_at, now)
                })
                .map(|d| d.id)
                .collect();
            assert_eq!(listed, ruled, "turn {turn}, at {now}");
            found += listed.len();
        }
    }
    // The moments do tell the duties apart: some are overdue, not all.
    assert!(found > 0 && found < moments.len() * rows.len() * DutyStatus::ALL.len());
}
