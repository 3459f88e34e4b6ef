//! Opinion reports (SPEC §16) on both backends: filing with items in one
//! transaction, the one-monthly-report rule, who reads a report, a case
//! filed from an item once only, and the trends.

use chrono::{Duration, NaiveDate};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;
use store::entities::{case, opinion_item, opinion_report};
use store::opinion_reports::{
    OpinionAnswer, OpinionReportFilter, OpinionReportView, TrendQuery, TrendStep,
};
use store::{Store, StoreError};
use workflow::{HotspotRisk, OpinionRefusal, OpinionReportInput, Source, UserId};

use crate::support::profiles::give_profile;
use testkit::case::{monday, policy};
use testkit::org::{self, Org};
use testkit::{TestDb, on_both_backends};

fn tz() -> chrono_tz::Tz {
    chrono_tz::Asia::Ho_Chi_Minh
}

fn input(value: serde_json::Value) -> OpinionReportInput {
    serde_json::from_value(value).expect("input")
}

fn monthly(area: &str, period: &str) -> OpinionReportInput {
    input(json!({
        "area": area, "period": period,
        "items": [
            {"category": "land", "summary": "Bức xúc vì giá bồi thường thấp", "mood": "angry", "reach": "widespread", "source": "direct", "people_affected": 120},
            {"category": "environment", "summary": "Lo ngại mùi từ bãi rác", "mood": "concerned", "reach": "few", "source": "meeting"}
        ]
    }))
}

async fn file(
    s: &Store,
    user: UserId,
    report: OpinionReportInput,
) -> Result<OpinionReportView, StoreError> {
    match s
        .file_opinion_report(user, report, monday(), tz(), None)
        .await?
    {
        OpinionAnswer::Done(view) => Ok(*view),
        OpinionAnswer::Replay { .. } => panic!("no key, no replay"),
    }
}

async fn setup(s: &Store) -> Org {
    let o = org::build(s).await;
    give_profile(s, o.admin, o.reporter, &["HN-BADINH"], monday()).await;
    give_profile(s, o.admin, o.other_reporter, &["HN-HOANKIEM"], monday()).await;
    o
}

async fn rows(s: &Store) -> (u64, u64) {
    let db = s.connection();
    (
        opinion_report::Entity::find().count(db).await.unwrap(),
        opinion_item::Entity::find().count(db).await.unwrap(),
    )
}

async fn a_collaborator_files_a_monthly_report_with_its_items(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    let filed = file(s, o.reporter, monthly("HN-BADINH", "2026-02"))
        .await
        .unwrap();
    assert_eq!(filed.period.as_deref(), Some("2026-02"));
    assert!(!filed.quick);
    assert_eq!(filed.area_name, "Phường Ba Đình");
    assert_eq!(filed.items.len(), 2);
    assert_eq!(filed.items[1].position, 2);
    assert_eq!(filed.items[0].people_affected, Some(120));
    let read = s
        .opinion_report(o.reporter, filed.id, monday())
        .await
        .unwrap();
    assert_eq!(read, filed);
    assert_eq!(rows(s).await, (1, 2));
}

async fn a_second_monthly_report_is_refused_a_quick_one_never(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    file(s, o.reporter, monthly("HN-BADINH", "2026-03"))
        .await
        .unwrap();
    let again = file(s, o.reporter, monthly("HN-BADINH", "2026-03"))
        .await
        .unwrap_err();
    assert!(
        matches!(&again, StoreError::OpinionRefused(OpinionRefusal::DuplicateMonthly { period, .. }) if period == "03/2026"),
        "{again:?}"
    );
    for _ in 0..2 {
        let quick = input(json!({"area": "HN-BADINH", "quick": true, "items": [
            {"category": "land", "summary": "Tin đồn thu hồi đất", "mood": "concerned", "reach": "many", "source": "social_media"}
        ]}));
        assert!(file(s, o.reporter, quick).await.unwrap().quick);
    }
    assert_eq!(rows(s).await, (3, 4));
}

async fn a_bad_report_changes_nothing(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    let mut bad = monthly("HN-BADINH", "2026-03");
    bad.items[1].category = "astrology".into();
    let err = file(s, o.reporter, bad).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::OpinionRefused(r @ OpinionRefusal::Item { position: 2, .. }) if r.field().as_deref() == Some("items[2].category")),
        "{err:?}"
    );
    let outside = file(s, o.reporter, monthly("HN-HOANKIEM", "2026-03"))
        .await
        .unwrap_err();
    assert!(matches!(
        outside,
        StoreError::OpinionRefused(OpinionRefusal::AreaNotCovered { .. })
    ));
    let future = file(s, o.reporter, monthly("HN-BADINH", "2026-04"))
        .await
        .unwrap_err();
    assert!(matches!(
        future,
        StoreError::OpinionRefused(OpinionRefusal::PeriodInFuture)
    ));
    for user in [o.officer, o.leader, o.liaison] {
        let err = file(s, user, monthly("HN-BADINH", "2026-03"))
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::OpinionRefused(OpinionRefusal::NotACollaborator)
            ),
            "{err:?}"
        );
    }
    assert_eq!(rows(s).await, (0, 0));
}

async fn each_reads_only_the_reports_they_may(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    let badinh = file(s, o.reporter, monthly("HN-BADINH", "2026-03"))
        .await
        .unwrap();
    let hoankiem = file(s, o.other_reporter, monthly("HN-HOANKIEM", "2026-03"))
        .await
        .unwrap();
    let page = |user| async move {
        let filter = OpinionReportFilter {
            limit: 50,
            ..Default::default()
        };
        let mut ids: Vec<i64> = s
            .list_opinion_reports(user, &filter, monday())
            .await
            .unwrap()
            .reports
            .iter()
            .map(|r| r.id)
            .collect();
        ids.sort();
        ids
    };
    let both = vec![badinh.id, hoankiem.id];
    assert_eq!(page(o.reporter).await, vec![badinh.id]);
    assert_eq!(page(o.other_reporter).await, vec![hoankiem.id]);
    assert_eq!(page(o.officer).await, both);
    assert_eq!(page(o.leader).await, both);
    assert_eq!(page(o.admin).await, both);
    assert_eq!(page(o.liaison).await, Vec::<i64>::new());
    for (user, id, readable) in [
        (o.other_reporter, badinh.id, false),
        (o.liaison, badinh.id, false),
        (o.court, hoankiem.id, false),
        (o.officer, badinh.id, true),
        (o.reporter, badinh.id, true),
    ] {
        let got = s.opinion_report(user, id, monday()).await;
        assert_eq!(got.is_ok(), readable, "{user:?} {id}");
        if !readable {
            assert!(matches!(got, Err(StoreError::NotFound { .. })));
        }
    }
    // Filters and paging.
    let filter = OpinionReportFilter {
        area: Some("HN-HOANKIEM".into()),
        limit: 50,
        ..Default::default()
    };
    let only = s
        .list_opinion_reports(o.officer, &filter, monday())
        .await
        .unwrap();
    assert_eq!(
        only.reports.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![hoankiem.id]
    );
    let first = OpinionReportFilter {
        limit: 1,
        ..Default::default()
    };
    let one = s
        .list_opinion_reports(o.officer, &first, monday())
        .await
        .unwrap();
    assert_eq!(one.reports.len(), 1);
    let rest = OpinionReportFilter {
        limit: 1,
        cursor: one.next.clone(),
        ..Default::default()
    };
    let two = s
        .list_opinion_reports(o.officer, &rest, monday())
        .await
        .unwrap();
    assert_eq!(two.reports.len(), 1);
    assert_ne!(one.reports[0].id, two.reports[0].id);
    assert!(two.next.is_none());
}

async fn a_case_is_filed_from_an_item_once(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    let report = file(s, o.reporter, monthly("HN-BADINH", "2026-03"))
        .await
        .unwrap();
    let refused = s
        .file_case_from_opinion(o.reporter, report.id, 1, monday(), &policy())
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        StoreError::OpinionRefused(OpinionRefusal::NotBoardOfficer)
    ));
    let (_, case) = s
        .file_case_from_opinion(o.officer, report.id, 1, monday(), &policy())
        .await
        .unwrap();
    assert_eq!(case.source, Source::Collaborator);
    assert_eq!(case.category, "land");
    assert_eq!(case.area.code, "HN-BADINH");
    assert_eq!(case.people_affected, Some(120));
    // Angry and widespread: high.
    assert_eq!(case.hotspot_risk, Some(HotspotRisk::High));
    assert_eq!(case.title, "Bức xúc vì giá bồi thường thấp");
    let again = s
        .file_case_from_opinion(
            o.officer,
            report.id,
            1,
            monday() + Duration::minutes(1),
            &policy(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&again, StoreError::OpinionRefused(OpinionRefusal::ItemAlreadyFiled { case: code }) if *code == case.code),
        "{again:?}"
    );
    assert_eq!(case::Entity::find().count(s.connection()).await.unwrap(), 1);
    let read = s
        .opinion_report(o.officer, report.id, monday())
        .await
        .unwrap();
    assert_eq!(
        read.items[0].case.as_ref().map(|c| c.code.clone()),
        Some(case.code.clone())
    );
    assert!(read.items[1].case.is_none());
    let origin = s
        .opinion_origin(o.officer, case.id.0, monday())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((origin.report_id, origin.position), (report.id, 1));
    // The liaison reads no report: the case shows them no origin.
    assert!(
        s.opinion_origin(o.liaison, case.id.0, monday())
            .await
            .unwrap()
            .is_none()
    );
    let missing = s
        .file_case_from_opinion(o.officer, report.id, 9, monday(), &policy())
        .await
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound { .. }));
}

async fn trends_count_the_items_and_cases_a_caller_reads(db: TestDb) {
    let s = db.store();
    let o = setup(s).await;
    let report = file(s, o.reporter, monthly("HN-BADINH", "2026-03"))
        .await
        .unwrap();
    file(s, o.other_reporter, monthly("HN-HOANKIEM", "2026-03"))
        .await
        .unwrap();
    s.file_case_from_opinion(o.officer, report.id, 1, monday(), &policy())
        .await
        .unwrap();
    let query = TrendQuery {
        from: NaiveDate::from_ymd_opt(2026, 2, 16),
        to: NaiveDate::from_ymd_opt(2026, 3, 8),
        by: TrendStep::Week,
        ..Default::default()
    };
    let officer = s
        .opinion_trends(o.officer, &query, monday(), tz())
        .await
        .unwrap();
    let starts: Vec<String> = officer
        .periods
        .iter()
        .map(|p| p.start.to_string())
        .collect();
    assert_eq!(starts, ["2026-02-16", "2026-02-23", "2026-03-02"]);
    let week = &officer.periods[2];
    assert_eq!(week.items, 4);
    assert_eq!(week.by_mood.angry, 2);
    assert_eq!(week.by_reach.widespread, 2);
    assert_eq!(week.cases_filed, 1);
    assert_eq!(officer.periods[0].items, 0);
    // A collaborator counts their own items only; a category narrows.
    let own = s
        .opinion_trends(o.other_reporter, &query, monday(), tz())
        .await
        .unwrap();
    assert_eq!(own.periods[2].items, 2);
    assert_eq!(own.periods[2].cases_filed, 0);
    let land = TrendQuery {
        category: Some("land".into()),
        area: Some("HN-BADINH".into()),
        ..query.clone()
    };
    let land = s
        .opinion_trends(o.officer, &land, monday(), tz())
        .await
        .unwrap();
    assert_eq!((land.periods[2].items, land.periods[2].cases_filed), (1, 1));
    // A day far outside the calendar is refused, not computed.
    let far = TrendQuery {
        to: NaiveDate::from_ymd_opt(262_000, 1, 1),
        ..query.clone()
    };
    let refused = s
        .opinion_trends(o.officer, &far, monday(), tz())
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused:?}");
    let by_month = TrendQuery {
        by: TrendStep::Month,
        ..query
    };
    let months = s
        .opinion_trends(o.leader, &by_month, monday(), tz())
        .await
        .unwrap();
    assert_eq!(months.periods.len(), 2);
    assert_eq!(months.periods[1].items, 4);
}

on_both_backends!(
    migrated: a_collaborator_files_a_monthly_report_with_its_items,
    a_second_monthly_report_is_refused_a_quick_one_never,
    a_bad_report_changes_nothing,
    each_reads_only_the_reports_they_may,
    a_case_is_filed_from_an_item_once,
    trends_count_the_items_and_cases_a_caller_reads,
);
