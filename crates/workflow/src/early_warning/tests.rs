use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use proptest::prelude::*;

use super::*;
use crate::AreaId;

fn judge(weeks: &[f64]) -> Option<Verdict> {
    Rule::default().judge(weeks, 0)
}

fn rises(weeks: &[f64]) -> bool {
    judge(weeks).is_some_and(|v| v.reason == AlertReason::UnusualRise)
}

#[test]
fn a_flat_series_never_alerts_on_its_usual_level() {
    assert_eq!(judge(&[5.0; 9]), None);
    // Nine where five is usual is within the noise (P ≈ 6.8 %).
    assert_eq!(judge(&[5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 9.0]), None);
    // A flat 50 a week that jumps to 70 does not happen by chance (0.56 %).
    let v = judge(&[50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 70.0]).unwrap();
    assert_eq!(v.reason, AlertReason::UnusualRise);
    assert_eq!(v.baseline, 50.0);
    assert!(v.p_value.unwrap() < 0.01);
}

#[test]
fn a_seasonal_series_alerts_only_above_its_peaks() {
    let mut weeks = vec![4.0, 8.0, 4.0, 8.0, 4.0, 8.0, 4.0, 8.0];
    weeks.push(8.0);
    assert_eq!(judge(&weeks), None, "a usual peak");
    *weeks.last_mut().unwrap() = 11.0;
    assert_eq!(judge(&weeks), None, "a high peak (P ≈ 5 %)");
    *weeks.last_mut().unwrap() = 16.0;
    assert!(rises(&weeks), "twice the usual peak");
}

#[test]
fn a_spike_alerts() {
    let v = judge(&[3.0, 4.0, 3.0, 5.0, 4.0, 3.0, 4.0, 4.0, 15.0]).unwrap();
    assert_eq!(v.reason, AlertReason::UnusualRise);
    assert_eq!(v.observed, 15.0);
    assert_eq!(v.baseline, 3.75);
    assert!(v.p_value.unwrap() < 1e-4);
}

#[test]
fn a_slow_rise_is_absorbed_but_a_jump_at_its_end_is_not() {
    // The baseline follows a steady climb: each week is near the last.
    assert_eq!(judge(&[2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]), None);
    assert!(rises(&[2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 14.0]));
}

#[test]
fn an_empty_baseline_needs_more_than_a_couple_of_reports() {
    let quiet = |now: f64| {
        let mut w = vec![0.0; 8];
        w.push(now);
        w
    };
    // The floor λ = 2: two, four, six reports in a quiet commune are noise.
    for n in [1.0, 2.0, 4.0, 6.0] {
        assert_eq!(judge(&quiet(n)), None, "{n}");
    }
    assert!(rises(&quiet(7.0)));
    // No history at all reads as a quiet one.
    assert_eq!(judge(&[2.0]), None);
    assert!(rises(&[10.0]));
    assert_eq!(judge(&[]), None);
}

#[test]
fn the_minimum_holds_even_when_the_floor_is_lowered() {
    let rule = Rule {
        lambda_floor: 0.1,
        ..Rule::default()
    };
    assert_eq!(rule.judge(&[0.0, 0.0, 3.0], 0), None);
    assert!(rule.judge(&[0.0, 0.0, 6.0], 0).is_some());
}

#[test]
fn a_high_risk_case_alerts_whatever_the_signal() {
    let v = Rule::default().judge(&[5.0; 9], 1).unwrap();
    assert_eq!(v.reason, AlertReason::HighRiskCase);
    assert_eq!(v.p_value, None);
    assert_eq!(Rule::default().judge(&[5.0; 9], 0), None);
    // An unusual rise that also has a high-risk case says the rise.
    let v = Rule::default().judge(&[0.0, 0.0, 9.0], 2).unwrap();
    assert_eq!(v.reason, AlertReason::UnusualRise);
    assert!(is_high_risk(Some(crate::HotspotRisk::High)));
    assert!(!is_high_risk(Some(crate::HotspotRisk::Medium)));
    assert!(!is_high_risk(None));
}

#[test]
fn weights_follow_mood_and_reach() {
    assert_eq!(item_weight(Mood::Supportive, OpinionReach::Widespread), 0.0);
    assert_eq!(item_weight(Mood::Neutral, OpinionReach::Few), 0.5);
    assert_eq!(item_weight(Mood::Concerned, OpinionReach::Few), CASE_WEIGHT);
    assert_eq!(item_weight(Mood::Angry, OpinionReach::Many), 4.0);
    assert_eq!(item_weight(Mood::Angry, OpinionReach::Widespread), 8.0);
}

#[test]
fn weeks_start_on_local_monday() {
    // Sunday 2026-12-06 17:30 UTC is already Monday 00:30 in Hà Nội.
    let at = Utc.with_ymd_and_hms(2026, 12, 6, 17, 30, 0).unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    assert_eq!(week_start(at, Ho_Chi_Minh), monday);
    let before = Utc.with_ymd_and_hms(2026, 12, 6, 16, 59, 59).unwrap();
    assert_eq!(
        week_start(before, Ho_Chi_Minh),
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    );
    assert_eq!(
        week_begins(monday, Ho_Chi_Minh),
        Utc.with_ymd_and_hms(2026, 12, 6, 17, 0, 0).unwrap()
    );
    assert_eq!(week_index(at, Ho_Chi_Minh, monday), Some(SERIES_WEEKS - 1));
    assert_eq!(
        week_index(before, Ho_Chi_Minh, monday),
        Some(SERIES_WEEKS - 2)
    );
    let old = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
    assert_eq!(week_index(old, Ho_Chi_Minh, monday), None);
    let later = Utc.with_ymd_and_hms(2026, 12, 20, 0, 0, 0).unwrap();
    assert_eq!(week_index(later, Ho_Chi_Minh, monday), None);
}

#[test]
fn the_grid_rolls_areas_up_into_their_subtrees() {
    let (province, district, commune, other) = (AreaId(1), AreaId(2), AreaId(3), AreaId(4));
    let mut grid = SignalGrid::new(3);
    grid.add(&[province, district, commune], "land", 2, 1.0, 0);
    grid.add(&[province, district, commune], "land", 2, 2.0, 1);
    grid.add(&[province, other], "land", 1, 4.0, 0);
    grid.add(&[province, other], "land", 7, 100.0, 0);
    assert_eq!(grid.series(commune, "land"), Some(&[0.0, 0.0, 3.0][..]));
    assert_eq!(grid.series(district, "land"), Some(&[0.0, 0.0, 3.0][..]));
    assert_eq!(grid.series(province, "land"), Some(&[0.0, 4.0, 3.0][..]));
    assert_eq!(grid.series(other, "land"), Some(&[0.0, 4.0, 0.0][..]));
    assert_eq!(grid.series(commune, "tax"), None);
    assert_eq!(grid.keys().count(), 4);
}

#[test]
fn only_the_most_specific_subtree_alarms() {
    let (province, district, commune, other) = (AreaId(1), AreaId(2), AreaId(3), AreaId(4));
    let mut grid = SignalGrid::new(SERIES_WEEKS);
    let last = SERIES_WEEKS - 1;
    grid.add(&[province, district, commune], "land", last, 12.0, 0);
    grid.add(&[province, other], "tax", last, 3.0, 1);
    grid.add(&[province, other], "land", last, 1.0, 0);
    let alarms = grid.alarms(&Rule::default(), last);
    let got: Vec<(AreaId, &str, AlertReason)> = alarms
        .iter()
        .map(|a| (a.area, a.category.as_str(), a.verdict.reason))
        .collect();
    assert_eq!(
        got,
        vec![
            (commune, "land", AlertReason::UnusualRise),
            (other, "tax", AlertReason::HighRiskCase),
        ]
    );
    // The province's land signal (13) alarms when the commune is quiet.
    let mut grid = SignalGrid::new(SERIES_WEEKS);
    for commune in 10..20 {
        grid.add(&[province, AreaId(commune)], "land", last, 1.3, 0);
    }
    let alarms = grid.alarms(&Rule::default(), last);
    assert_eq!(alarms.len(), 1);
    assert_eq!(alarms[0].area, province);
}

#[test]
fn a_sweep_judges_the_week_just_ended_as_well_as_the_current_one() {
    // Monday 00:30 in Hà Nội: the week of 2 March has just ended.
    let now = Utc.with_ymd_and_hms(2026, 3, 8, 17, 30, 0).unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    assert_eq!(weeks_judged(now, Ho_Chi_Minh), [day(2), day(9)]);
    // A burst and a high-risk case late in the week just ended, which no
    // sweep of that week saw.
    let (province, commune, other) = (AreaId(1), AreaId(2), AreaId(3));
    let mut grid = SignalGrid::new(SWEEP_WEEKS);
    let (ended, current) = (SWEEP_WEEKS - 2, SWEEP_WEEKS - 1);
    grid.add(&[province, commune], "land", ended, 12.0, 0);
    grid.add(&[province, other], "tax", ended, 1.0, 1);
    let got: Vec<(AreaId, String, AlertReason)> = grid
        .alarms(&Rule::default(), ended)
        .into_iter()
        .map(|a| (a.area, a.category, a.verdict.reason))
        .collect();
    assert_eq!(
        got,
        vec![
            (commune, "land".into(), AlertReason::UnusualRise),
            (other, "tax".into(), AlertReason::HighRiskCase),
        ]
    );
    // In the current week the burst is baseline, the high-risk case past.
    assert_eq!(grid.alarms(&Rule::default(), current), vec![]);
    // The week judged sees only the baseline before it, never after.
    grid.add(&[province, commune], "land", current, 40.0, 0);
    assert_eq!(grid.alarms(&Rule::default(), ended).len(), 2);
}

/// Signals in halves, as weighted items make them.
fn series() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        (0u32..120).prop_map(|h| f64::from(h) / 2.0),
        1..=SERIES_WEEKS,
    )
}

proptest! {
    #[test]
    fn scaling_counts_up_never_removes_an_alert(
        weeks in series(),
        high_risk in 0u32..2,
        factor in 1.0f64..20.0,
    ) {
        let rule = Rule::default();
        if let Some(before) = rule.judge(&weeks, high_risk) {
            let scaled: Vec<f64> = weeks.iter().map(|w| w * factor).collect();
            let after = rule.judge(&scaled, high_risk);
            prop_assert!(after.is_some(), "{weeks:?} × {factor}: {before:?} lost");
            if before.reason == AlertReason::UnusualRise {
                prop_assert_eq!(after.map(|v| v.reason), Some(AlertReason::UnusualRise));
            }
        }
    }

    #[test]
    fn the_tail_is_a_probability(k in 0.0f64..5_000.0, lambda in 0.0f64..5_000.0) {
        let p = poisson_upper_tail(k, lambda);
        prop_assert!((0.0..=1.0).contains(&p));
    }
}

mod access {
    use crate::{
        Acknowledged, Actor, AreaId, AreaRef, Refusal, Role, UnitId, UnitKind, UnitRef, UserId,
        check_alert_acknowledgement, may_read_alert,
    };

    /// A user of `role` in a unit serving area 2 (a district of city 1).
    fn actor(role: Role) -> Actor {
        Actor {
            user: UserId(7),
            role,
            unit: UnitRef {
                id: UnitId(3),
                code: "BTG-Q".into(),
                kind: UnitKind::Board,
                serves: vec![AreaId(2)],
                active: true,
            },
        }
    }

    fn area(lineage: &[i64]) -> AreaRef {
        AreaRef {
            id: AreaId(*lineage.last().unwrap()),
            code: "X".into(),
            lineage: lineage.iter().map(|a| AreaId(*a)).collect(),
        }
    }

    #[test]
    fn only_the_board_and_leaders_in_jurisdiction_and_admins_read_an_alert() {
        let inside = area(&[1, 2, 5]);
        let outside = area(&[1, 4, 9]);
        let city = area(&[1]);
        for role in [Role::BoardOfficer, Role::Leader] {
            assert!(may_read_alert(&actor(role), &inside), "{role:?}");
            assert!(!may_read_alert(&actor(role), &outside), "{role:?}");
            // An alert of the city is above the district's jurisdiction.
            assert!(!may_read_alert(&actor(role), &city), "{role:?}");
        }
        assert!(may_read_alert(&actor(Role::Admin), &outside));
        for role in [Role::Reporter, Role::AgencyLiaison] {
            assert!(!may_read_alert(&actor(role), &inside), "{role:?}");
        }
    }

    #[test]
    fn a_board_officer_acknowledges_once_with_a_note() {
        let inside = area(&[1, 2, 5]);
        let officer = actor(Role::BoardOfficer);
        let note = check_alert_acknowledgement(&officer, &inside, None, " Đã nắm ").unwrap();
        assert_eq!(note.as_str(), "Đã nắm");
        assert_eq!(
            check_alert_acknowledgement(&officer, &inside, None, "  "),
            Err(Refusal::MissingInput { field: "note" })
        );
        for role in [Role::Leader, Role::Admin, Role::Reporter] {
            assert_eq!(
                check_alert_acknowledgement(&actor(role), &inside, None, "x"),
                Err(Refusal::AlertNotAllowed)
            );
        }
        assert_eq!(
            check_alert_acknowledgement(&officer, &area(&[1, 4]), None, "x"),
            Err(Refusal::AlertNotAllowed)
        );
        let before = Acknowledged {
            by: "Nguyễn Văn A".into(),
            at: "09:30 07/12/2026".into(),
        };
        let refused =
            check_alert_acknowledgement(&officer, &inside, Some(before), "x").unwrap_err();
        assert_eq!(refused.code(), "alert_acknowledged");
        assert!(refused.is_conflict());
        let message = refused.message(crate::Lang::Vi);
        assert!(
            message.contains("Nguyễn Văn A") && message.contains("09:30 07/12/2026"),
            "{message}"
        );
    }
}
