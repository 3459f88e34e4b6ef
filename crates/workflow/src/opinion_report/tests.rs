use chrono::NaiveDate;

use super::*;
use crate::testkit::{
    admin, board_officer, commune, leader, liaison_of, other_commune, other_province,
    other_reporter, outside_leader, outside_officer, province, reporter,
};
use crate::{AreaId, CollaboratorKind, CollaboratorProfile, Lang, Mood, OpinionReach, Term};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn item() -> OpinionItemInput {
    OpinionItemInput {
        category: "land".into(),
        summary: "Người dân băn khoăn về giá bồi thường".into(),
        mood: "concerned".into(),
        reach: "many".into(),
        source: "direct".into(),
        people_affected: Some(40),
    }
}

fn monthly(period: &str) -> OpinionReportInput {
    OpinionReportInput {
        area: "HN-PX".into(),
        period: Some(period.into()),
        quick: false,
        items: vec![item()],
    }
}

fn refused(input: OpinionReportInput) -> OpinionRefusal {
    NewOpinionReport::parse(input, today()).unwrap_err()
}

fn profile() -> CollaboratorProfile {
    CollaboratorProfile {
        kind: CollaboratorKind::Collaborator,
        areas: vec!["HN-PX".into()],
        term: Term {
            from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            until: NaiveDate::from_ymd_opt(2026, 12, 31),
        },
        active: true,
    }
}

fn filer<'a>(profile: &'a CollaboratorProfile, areas: &[i64]) -> FilerProfile<'a> {
    FilerProfile {
        profile,
        covered: areas.iter().map(|a| AreaId(*a)).collect(),
    }
}

#[test]
fn a_monthly_report_of_the_current_month_is_accepted() {
    let report = NewOpinionReport::parse(monthly("2026-03"), today()).unwrap();
    assert_eq!(report.kind.period_code().as_deref(), Some("2026-03"));
    assert_eq!(report.items[0].mood, Mood::Concerned);
    assert_eq!(report.items[0].reach, OpinionReach::Many);
    assert_eq!(report.items[0].people_affected, Some(40));
}

#[test]
fn a_month_after_the_current_one_is_refused() {
    assert_eq!(refused(monthly("2026-04")), OpinionRefusal::PeriodInFuture);
    assert!(NewOpinionReport::parse(monthly("2025-12"), today()).is_ok());
}

#[test]
fn a_period_must_be_a_month() {
    for bad in ["2026-Q1", "2026", "2026-13", "03/2026", "2026-3"] {
        assert!(
            matches!(refused(monthly(bad)), OpinionRefusal::BadPeriod { .. }),
            "{bad}"
        );
    }
}

#[test]
fn a_report_is_monthly_or_quick_never_both_nor_neither() {
    let mut both = monthly("2026-03");
    both.quick = true;
    assert_eq!(refused(both), OpinionRefusal::PeriodAndQuick);
    let mut neither = monthly("2026-03");
    neither.period = None;
    assert_eq!(refused(neither), OpinionRefusal::PeriodAndQuick);
    let mut quick = monthly("");
    quick.quick = true;
    let report = NewOpinionReport::parse(quick, today()).unwrap();
    assert_eq!(report.kind, ReportKind::Quick);
}

#[test]
fn a_report_holds_one_to_thirty_items() {
    let mut none = monthly("2026-03");
    none.items.clear();
    assert_eq!(refused(none), OpinionRefusal::NoItems);
    let mut many = monthly("2026-03");
    many.items = vec![item(); MAX_OPINION_ITEMS + 1];
    assert!(matches!(
        refused(many),
        OpinionRefusal::TooManyItems { max: 30 }
    ));
    let mut thirty = monthly("2026-03");
    thirty.items = vec![item(); MAX_OPINION_ITEMS];
    assert!(NewOpinionReport::parse(thirty, today()).is_ok());
}

#[test]
fn a_bad_item_is_named_by_its_position_and_field() {
    let mut input = monthly("2026-03");
    let mut blank = item();
    blank.summary = "   ".into();
    input.items.push(blank);
    let refusal = refused(input);
    assert_eq!(refusal.field().as_deref(), Some("items[2].summary"));
    assert_eq!(
        refusal.message(Lang::Vi),
        "Ý kiến 2: vui lòng ghi nội dung ý kiến."
    );
    assert_eq!(
        refusal.message(Lang::En),
        "Opinion 2: please write what people say."
    );
}

/// A change that makes an item's field wrong.
type Spoil = fn(&mut OpinionItemInput);

#[test]
fn each_item_field_is_checked() {
    let cases: [(Spoil, &str); 6] = [
        (|i| i.category = " ".into(), "category"),
        (|i| i.summary = "x".repeat(2001), "summary"),
        (|i| i.mood = "furious".into(), "mood"),
        (|i| i.reach = "all".into(), "reach"),
        (|i| i.source = "rumour".into(), "source"),
        (|i| i.people_affected = Some(-1), "people_affected"),
    ];
    for (spoil, field) in cases {
        let mut input = monthly("2026-03");
        spoil(&mut input.items[0]);
        assert_eq!(
            refused(input).field(),
            Some(format!("items[1].{field}")),
            "{field}"
        );
    }
    let mut long_ok = monthly("2026-03");
    long_ok.items[0].summary = "x".repeat(2000);
    assert!(NewOpinionReport::parse(long_ok, today()).is_ok());
}

#[test]
fn a_blank_area_is_refused_first() {
    let mut input = monthly("2026-99");
    input.area = " ".into();
    assert_eq!(refused(input), OpinionRefusal::MissingArea);
}

#[test]
fn a_collaborator_files_for_an_area_they_cover_or_below_it() {
    let r = reporter();
    let p = profile();
    assert_eq!(
        check_opinion_filer(&r, Some(&filer(&p, &[2])), &commune(), today()),
        Ok(())
    );
    assert_eq!(
        check_opinion_filer(&r, Some(&filer(&p, &[1])), &commune(), today()),
        Ok(())
    );
    assert_eq!(
        check_opinion_filer(&r, Some(&filer(&p, &[2])), &other_commune(), today()),
        Err(OpinionRefusal::AreaNotCovered {
            area: "HN-PY".into()
        })
    );
    assert_eq!(
        check_opinion_filer(&r, Some(&filer(&p, &[2])), &province(), today()),
        Err(OpinionRefusal::AreaNotCovered { area: "HN".into() })
    );
}

#[test]
fn no_profile_an_inactive_one_or_a_term_not_running_refuses() {
    let r = reporter();
    let no = Err(OpinionRefusal::NotACollaborator);
    let files = |p: &CollaboratorProfile| {
        check_opinion_filer(&r, Some(&filer(p, &[2])), &commune(), today())
    };
    assert_eq!(check_opinion_filer(&r, None, &commune(), today()), no);
    let mut inactive = profile();
    inactive.active = false;
    assert_eq!(files(&inactive), no);
    let mut ended = profile();
    ended.term.until = NaiveDate::from_ymd_opt(2026, 3, 1);
    assert_eq!(files(&ended), no);
    let mut last_day = profile();
    last_day.term.until = Some(today());
    assert_eq!(files(&last_day), Ok(()));
    let mut not_yet = profile();
    not_yet.term.from = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    assert_eq!(files(&not_yet), no);
}

#[test]
fn only_a_reporter_files_even_with_a_profile() {
    let p = profile();
    for actor in [board_officer(), leader(), admin()] {
        assert_eq!(
            check_opinion_filer(&actor, Some(&filer(&p, &[1])), &commune(), today()),
            Err(OpinionRefusal::NotACollaborator)
        );
        assert_eq!(
            check_serving_filer(&actor, Some(&filer(&p, &[1])), today()),
            Err(OpinionRefusal::NotACollaborator)
        );
    }
}

fn report_of(reporter: &crate::Actor, area: crate::AreaRef) -> OpinionReportFacts {
    OpinionReportFacts {
        reporter: reporter.user,
        area,
    }
}

#[test]
fn a_collaborator_reads_their_own_reports_only() {
    let mine = report_of(&reporter(), commune());
    let theirs = report_of(&other_reporter(), commune());
    assert!(opinion_visibility(&reporter()).admits(&mine));
    assert!(!opinion_visibility(&reporter()).admits(&theirs));
}

#[test]
fn the_board_and_leaders_read_the_reports_of_their_areas() {
    let here = report_of(&reporter(), commune());
    let away = report_of(&reporter(), other_province());
    for actor in [board_officer(), leader()] {
        assert!(opinion_visibility(&actor).admits(&here));
        assert!(!opinion_visibility(&actor).admits(&away));
    }
    assert!(!opinion_visibility(&outside_officer()).admits(&here));
    assert!(!opinion_visibility(&outside_leader()).admits(&here));
    assert!(opinion_visibility(&admin()).admits(&away));
}

#[test]
fn an_agency_liaison_reads_no_report() {
    let here = report_of(&reporter(), commune());
    let liaison = liaison_of(crate::testkit::people_committee());
    assert!(!opinion_visibility(&liaison).admits(&here));
}

#[test]
fn only_a_board_officer_with_jurisdiction_files_a_case_from_an_item() {
    let here = report_of(&reporter(), commune());
    assert_eq!(check_case_from_item(&board_officer(), &here), Ok(()));
    for actor in [outside_officer(), leader(), admin(), reporter()] {
        assert_eq!(
            check_case_from_item(&actor, &here),
            Err(OpinionRefusal::NotBoardOfficer)
        );
    }
}

#[test]
fn the_hotspot_risk_grows_with_mood_and_reach() {
    use crate::HotspotRisk::{High, Low, Medium};
    assert_eq!(hotspot_risk_of(Mood::Angry, OpinionReach::Widespread), High);
    assert_eq!(hotspot_risk_of(Mood::Angry, OpinionReach::Many), High);
    assert_eq!(
        hotspot_risk_of(Mood::Concerned, OpinionReach::Widespread),
        High
    );
    assert_eq!(hotspot_risk_of(Mood::Angry, OpinionReach::Few), Medium);
    assert_eq!(hotspot_risk_of(Mood::Concerned, OpinionReach::Many), Medium);
    assert_eq!(hotspot_risk_of(Mood::Concerned, OpinionReach::Few), Low);
    assert_eq!(
        hotspot_risk_of(Mood::Supportive, OpinionReach::Widespread),
        Low
    );
    // More anger or more spread never lowers the risk.
    for mood in Mood::ALL {
        for pair in OpinionReach::ALL.windows(2) {
            assert!(hotspot_risk_of(*mood, pair[0]) <= hotspot_risk_of(*mood, pair[1]));
        }
    }
}

#[test]
fn a_long_summary_makes_a_title_cut_at_a_word() {
    assert_eq!(
        case_title_from_summary("Ngắn gọn\nchi tiết", 200),
        "Ngắn gọn"
    );
    let title = case_title_from_summary(&"từ ".repeat(100), 20);
    assert!(title.chars().count() <= 20, "{title}");
    assert!(title.ends_with('…'));
}
