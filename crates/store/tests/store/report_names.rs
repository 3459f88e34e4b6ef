//! Reports name areas and units as they were on the report's date
//! (SPEC §2): the cases and duties of 2026 keep their old names in the
//! 2026 report after a rename in 2027, the 2027 report uses the new ones,
//! and the figures do not change.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::json;
use store::directory::{AreaChange, UnitChange};
use store::reports::{Count, Reader, ReportScope, Summary};
use workflow::{Calendar, Lang};

use crate::reports::fixture;
use testkit::case::{action, policy, report};
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: a_report_prints_the_names_of_its_date);

/// 1 February 2027, 10:00 in Hà Nội: the day of the renames.
fn rename_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, 1, 3, 0, 0).unwrap()
}

/// 1 March 2027, when the reports are made.
fn later() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 1, 2, 0, 0).unwrap()
}

/// The calendar year `year` in Hà Nội.
fn year(year: i32, area: Option<&str>) -> ReportScope {
    let start = |y| Utc.with_ymd_and_hms(y - 1, 12, 31, 17, 0, 0).unwrap();
    ReportScope {
        from: start(year),
        to: start(year + 1),
        area: area.map(Into::into),
    }
}

async fn summary(db: &TestDb, scope: &ReportScope, now: DateTime<Utc>) -> Summary {
    db.store()
        .report_summary(
            Reader::Operator,
            scope,
            now,
            &Calendar::vietnam_default(),
            Lang::Vi,
        )
        .await
        .unwrap()
}

fn label<'a>(list: &'a [Count], code: &str) -> &'a str {
    &list
        .iter()
        .find(|c| c.code == code)
        .unwrap_or_else(|| panic!("{code} in {list:?}"))
        .label
}

fn lead_unit<'a>(s: &'a Summary, code: &str) -> &'a str {
    &s.overdue_by_lead_unit
        .iter()
        .find(|u| u.unit == code)
        .unwrap_or_else(|| panic!("{code}"))
        .name
}

fn agency<'a>(s: &'a Summary, code: &str) -> &'a str {
    &s.duties
        .iter()
        .find(|a| a.unit == code)
        .unwrap_or_else(|| panic!("{code}"))
        .name
}

async fn a_report_prints_the_names_of_its_date(db: TestDb) {
    let o = fixture(&db).await;
    let s = db.store();
    let whole_2026 = year(2026, None);
    let ward_2026 = year(2026, Some("HN-BADINH"));
    let before = summary(&db, &whole_2026, later()).await;
    let ward_before = summary(&db, &ward_2026, later()).await;

    let area = AreaChange {
        name: Some("Phường Ba Đình mới".into()),
    };
    s.update_area(
        o.admin,
        "HN-BADINH",
        area,
        rename_day(),
        &Calendar::vietnam_default(),
    )
    .await
    .unwrap();
    for (code, name) in [
        ("UBND-BADINH", "UBND Phường Ba Đình mới"),
        ("TAND-KV1", "Tòa án nhân dân khu vực 1 mới"),
    ] {
        let change = UnitChange {
            name: Some(name.into()),
            ..Default::default()
        };
        s.update_unit(
            o.admin,
            code,
            change,
            rename_day(),
            &Calendar::vietnam_default(),
        )
        .await
        .unwrap();
    }
    // A case of 2027 in the renamed ward, led by the renamed committee.
    let filed = Utc.with_ymd_and_hms(2027, 2, 15, 2, 0, 0).unwrap();
    let p = &policy();
    let case = s
        .file_case(o.reporter, report("Vụ việc năm 2027"), filed, p)
        .await
        .unwrap();
    let accept = json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-BADINH"});
    s.act(
        o.officer,
        &case.code,
        case.version,
        action(accept),
        filed,
        p,
    )
    .await
    .unwrap();

    // 2026: dated 31/12/2026, before the renames — the old names, and
    // every figure as it was.
    let old = summary(&db, &whole_2026, later()).await;
    assert_eq!(old.names_on, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    assert_eq!(old, before, "the rename changes nothing of the 2026 report");
    assert_eq!(label(&old.by_area, "HN-BADINH"), "Phường Ba Đình");
    assert_eq!(lead_unit(&old, "UBND-BADINH"), "UBND Phường Ba Đình");
    assert_eq!(agency(&old, "UBND-BADINH"), "UBND Phường Ba Đình");
    assert_eq!(
        agency(&old, "TAND-KV1"),
        "Tòa án nhân dân khu vực 1 – Hà Nội"
    );
    let ward = summary(&db, &ward_2026, later()).await;
    assert_eq!(ward, ward_before);
    assert_eq!(ward.area.unwrap().name, "Phường Ba Đình");

    // 2027, made on 1/3/2027: the new names.
    let new = summary(&db, &year(2027, Some("HN-BADINH")), later()).await;
    assert_eq!(new.names_on, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
    assert_eq!(new.cases_filed, 1);
    assert_eq!(new.area.as_ref().unwrap().name, "Phường Ba Đình mới");
    assert_eq!(label(&new.by_area, "HN-BADINH"), "Phường Ba Đình mới");
    assert_eq!(lead_unit(&new, "UBND-BADINH"), "UBND Phường Ba Đình mới");

    // Made on the day of the renames, the report still carries the old
    // names: a former name's `until` is the last day it was in use.
    let that_day = Utc.with_ymd_and_hms(2027, 2, 1, 10, 0, 0).unwrap();
    let same_day = summary(&db, &year(2027, Some("HN-BADINH")), that_day).await;
    assert_eq!(same_day.area.unwrap().name, "Phường Ba Đình");

    // The dashboard is no document: today's names.
    let open = s
        .open_cases(
            Reader::Operator,
            None,
            later(),
            &Calendar::vietnam_default(),
            Lang::Vi,
        )
        .await
        .unwrap();
    assert_eq!(label(&open.by_area, "HN-BADINH"), "Phường Ba Đình mới");
}
