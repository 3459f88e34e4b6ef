//! The report figures (SPEC §4.3) of a fixture of known cases and duties,
//! exactly, for each kind of reader.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use store::StoreError;
use store::duties::DutyMove;
use store::reports::{ComplianceCounts, Reader, ReportScope, Summary};
use workflow::{Calendar, Lang, Policy, Refusal, UserId};

use crate::duties::programme;
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::org::Org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: the_figures_of_a_known_year_are_exact);
on_both_backends!(migrated: only_leaders_the_board_and_admins_read_reports_and_each_sees_what_they_may_open);

/// A day of March 2026 at an hour, Hà Nội time.
fn march(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap() - chrono::Duration::hours(7)
}

/// 15 July 2026, when the report is made.
pub(crate) fn report_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 15, 2, 0, 0).unwrap()
}

fn year_2026(area: Option<&str>) -> ReportScope {
    ReportScope {
        from: Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap(),
        to: Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).unwrap(),
        area: area.map(Into::into),
    }
}

/// Files a case in `area` about `category` at `at`, then carries out
/// `steps` (who, when, input) in order.
async fn case(
    db: &TestDb,
    p: &Policy,
    o: &Org,
    area: &str,
    category: &str,
    at: DateTime<Utc>,
    steps: Vec<(UserId, DateTime<Utc>, Value)>,
) -> String {
    let s = db.store();
    let filer = if area == "HN-BADINH" {
        o.reporter
    } else {
        o.other_reporter
    };
    let mut request = report("Vụ việc của báo cáo");
    request.area = area.into();
    request.category = category.into();
    let mut case = s.file_case(filer, request, at, p).await.expect("file");
    for (who, when, input) in steps {
        case = s
            .act(who, &case.code, case.version, action(input), when, p)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    case.code
}

fn accept(priority: &str, sensitivity: &str, lead: &str) -> Value {
    json!({"action": "accept", "sensitivity": sensitivity, "priority": priority, "lead_unit": lead})
}

fn respond() -> Value {
    json!({"action": "respond", "answer": "Cơ quan đã trả lời bằng văn bản"})
}

/// Six cases of March 2026 and one of 2025, and the duties of 2026-Q1 and
/// Q2 of UBND-BADINH (one on time, one late) and TAND-KV1 (one missing,
/// one waived).
pub(crate) async fn fixture(db: &TestDb) -> Org {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    let (officer, liaison) = (o.officer, o.liaison);
    let orient = json!({"action": "orient", "messages": "Thông tin chính xác", "channels": ["press"], "audience": "Nhân dân"});
    // A: answered in 2 working days, resolved in 10.
    case(
        db,
        p,
        &o,
        "HN-BADINH",
        "land",
        march(2, 9),
        vec![
            (
                officer,
                march(2, 10),
                accept("high", "normal", "UBND-BADINH"),
            ),
            (liaison, march(4, 10), respond()),
            (officer, march(5, 10), orient),
            (
                liaison,
                march(16, 10),
                json!({"action": "report_resolution", "summary": "Đã giải quyết xong"}),
            ),
        ],
    )
    .await;
    // B: answered in 8 working days, 3 after the 5 it had.
    case(
        db,
        p,
        &o,
        "HN-BADINH",
        "land",
        march(2, 9),
        vec![
            (
                officer,
                march(2, 10),
                accept("normal", "complex", "UBND-BADINH"),
            ),
            (liaison, march(12, 10), respond()),
        ],
    )
    .await;
    // C: urgent, never answered.
    case(
        db,
        p,
        &o,
        "HN-BADINH",
        "land",
        march(2, 9),
        vec![(
            officer,
            march(2, 10),
            accept("urgent", "normal", "UBND-BADINH"),
        )],
    )
    .await;
    // D: dismissed at triage.
    case(
        db,
        p,
        &o,
        "HN-BADINH",
        "land",
        march(2, 9),
        vec![(
            officer,
            march(3, 9),
            json!({"action": "dismiss", "reason": "Không phải vấn đề nổi cộm"}),
        )],
    )
    .await;
    // E: never triaged.
    case(db, p, &o, "HN-BADINH", "land", march(2, 9), vec![]).await;
    // F: sensitive, in Hoàn Kiếm, never answered.
    case(
        db,
        p,
        &o,
        "HN-HOANKIEM",
        "environment",
        march(2, 9),
        vec![(
            officer,
            march(2, 10),
            accept("normal", "sensitive", "UBND-HOANKIEM"),
        )],
    )
    .await;
    // G: filed in 2025, outside the year.
    case(
        db,
        p,
        &o,
        "HN-BADINH",
        "land",
        Utc.with_ymd_and_hms(2025, 12, 20, 2, 0, 0).unwrap(),
        vec![],
    )
    .await;

    programme(s).await;
    s.materialise_duties(monday(), &Calendar::vietnam_default())
        .await
        .expect("materialise");
    let duties = s
        .duties_of_unit(unit_id(db, "UBND-BADINH").await)
        .await
        .unwrap();
    let court = s
        .duties_of_unit(unit_id(db, "TAND-KV1").await)
        .await
        .unwrap();
    let of = |list: &[store::entities::duty_instance::Model], period: &str| {
        list.iter().find(|d| d.period == period).expect(period).id
    };
    let submit = || DutyMove::Submit {
        text: "Thông tin quý".into(),
    };
    // Q1 is due at the end of Friday 10/4, Q2 at the end of Friday 10/7.
    s.move_duty(
        liaison,
        of(&duties, "2026-Q1"),
        submit(),
        Utc.with_ymd_and_hms(2026, 4, 6, 2, 0, 0).unwrap(),
    )
    .await
    .unwrap();
    s.move_duty(
        liaison,
        of(&duties, "2026-Q2"),
        submit(),
        Utc.with_ymd_and_hms(2026, 7, 13, 2, 0, 0).unwrap(),
    )
    .await
    .unwrap();
    s.move_duty(
        o.admin,
        of(&court, "2026-Q2"),
        DutyMove::Waive {
            reason: "Không phát sinh".into(),
        },
        monday(),
    )
    .await
    .unwrap();
    o
}

async fn unit_id(db: &TestDb, code: &str) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use store::entities::unit;
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code))
        .one(db.store().connection())
        .await
        .unwrap()
        .expect(code)
        .id
}

async fn summary(db: &TestDb, reader: Reader, area: Option<&str>) -> Result<Summary, StoreError> {
    db.store()
        .report_summary(
            reader,
            &year_2026(area),
            report_day(),
            &Calendar::vietnam_default(),
            Lang::Vi,
        )
        .await
}

fn counts(list: &[store::reports::Count]) -> Vec<(&str, u64)> {
    list.iter()
        .filter(|c| c.count > 0)
        .map(|c| (c.code.as_str(), c.count))
        .collect()
}

async fn the_figures_of_a_known_year_are_exact(db: TestDb) {
    let o = fixture(&db).await;
    let r = summary(&db, Reader::User(o.leader), None).await.unwrap();
    assert_eq!(r.cases_filed, 6, "G was filed in 2025");
    assert_eq!(counts(&r.by_category), [("land", 5), ("environment", 1)]);
    assert_eq!(r.by_category[0].label, "Đất đai, giải phóng mặt bằng");
    assert_eq!(counts(&r.by_area), [("HN-BADINH", 5), ("HN-HOANKIEM", 1)]);
    assert_eq!(
        counts(&r.by_state),
        [
            ("reported", 1),
            ("assigned", 2),
            ("responded", 1),
            ("resolved", 1),
            ("dismissed", 1)
        ]
    );
    assert_eq!(r.by_state.len(), workflow::CaseState::ALL.len());

    // Answers: 2 and 8 working days (48 and 240 hours).
    let a = &r.answer_time;
    assert_eq!(a.cases, 2);
    assert_eq!(
        (a.median_working_days, a.p90_working_days),
        (Some(5.0), Some(8.0))
    );
    assert_eq!((a.median_hours, a.p90_hours), (Some(144.0), Some(240.0)));
    // Resolution: A only, 10 working days (14 days of 24 hours).
    let z = &r.resolution_time;
    assert_eq!(z.cases, 1);
    assert_eq!(
        (z.median_working_days, z.p90_working_days),
        (Some(10.0), Some(10.0))
    );
    assert_eq!(z.median_hours, Some(336.0));

    let d: Vec<(&str, u64, u64, u64, u64)> = r
        .deadlines
        .iter()
        .map(|d| (d.kind.as_str(), d.on_time, d.late, d.overdue, d.running))
        .collect();
    assert_eq!(
        d,
        [
            ("triage", 5, 0, 1, 0),
            ("answer", 1, 1, 2, 0),
            ("resolution", 1, 0, 3, 0),
        ]
    );
    let units: Vec<(&str, u64, u64, u64, u64, u64)> = r
        .overdue_by_lead_unit
        .iter()
        .map(|u| {
            (
                u.unit.as_str(),
                u.cases,
                u.answer_late,
                u.answer_overdue,
                u.resolution_late,
                u.resolution_overdue,
            )
        })
        .collect();
    assert_eq!(
        units,
        [
            ("UBND-BADINH", 3, 1, 1, 0, 2),
            ("UBND-HOANKIEM", 1, 0, 1, 0, 1)
        ]
    );

    let duties: Vec<(&str, Vec<(&str, ComplianceCounts)>)> = r
        .duties
        .iter()
        .map(|a| {
            (
                a.unit.as_str(),
                a.periods
                    .iter()
                    .map(|p| (p.period.as_str(), p.counts))
                    .collect(),
            )
        })
        .collect();
    let c = |on_time, late, missing, waived| ComplianceCounts {
        on_time,
        late,
        missing,
        waived,
        not_due: 0,
    };
    assert_eq!(
        duties,
        [
            (
                "TAND-KV1",
                vec![("2026-Q1", c(0, 0, 1, 0)), ("2026-Q2", c(0, 0, 0, 1))]
            ),
            (
                "UBND-BADINH",
                vec![("2026-Q1", c(1, 0, 0, 0)), ("2026-Q2", c(0, 1, 0, 0))]
            ),
        ]
    );
    assert_eq!(r.duties[1].total, c(1, 1, 0, 0));

    // One area: Hoàn Kiếm holds F only, and no agency has its home there.
    let hk = summary(&db, Reader::Operator, Some("HN-HOANKIEM"))
        .await
        .unwrap();
    assert_eq!(hk.cases_filed, 1);
    assert_eq!(
        hk.area.as_ref().map(|a| a.code.as_str()),
        Some("HN-HOANKIEM")
    );
    assert!(hk.duties.is_empty());
    // The operator counts every case, as the leader does here.
    let all = summary(&db, Reader::Operator, None).await.unwrap();
    assert_eq!(all, r);
}

async fn only_leaders_the_board_and_admins_read_reports_and_each_sees_what_they_may_open(
    db: TestDb,
) {
    let o = fixture(&db).await;
    for who in [o.reporter, o.liaison] {
        let refused = summary(&db, Reader::User(who), None).await;
        assert!(
            matches!(
                refused,
                Err(StoreError::Refused(Refusal::ReportsNotAllowed))
            ),
            "{refused:?}"
        );
    }
    let board = summary(&db, Reader::User(o.officer), None).await.unwrap();
    assert_eq!(board.cases_filed, 6);
    // An administrator does not open sensitive cases, so F does not count.
    let admin = summary(&db, Reader::User(o.admin), None).await.unwrap();
    assert_eq!(admin.cases_filed, 5);
    assert_eq!(counts(&admin.by_area), [("HN-BADINH", 5)]);
    assert_eq!(admin.duties.len(), 2);
    let unknown = summary(&db, Reader::User(o.leader), Some("XX")).await;
    assert!(
        matches!(
            unknown,
            Err(StoreError::Refused(Refusal::UnknownCode {
                field: "area",
                ..
            }))
        ),
        "{unknown:?}"
    );
    let backwards = db
        .store()
        .report_summary(
            Reader::Operator,
            &ReportScope {
                from: report_day(),
                to: monday(),
                area: None,
            },
            report_day(),
            &Calendar::vietnam_default(),
            Lang::En,
        )
        .await;
    assert!(
        matches!(backwards, Err(StoreError::Invalid { field: "to", .. })),
        "{backwards:?}"
    );
}
