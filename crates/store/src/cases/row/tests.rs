//! What `to_changes` writes of the folded words searched.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue;
use workflow::{
    Actor, AreaId, AreaRef, Case, CaseState, FileInput, Policy, Role, Source, UnitId, UnitKind,
    UnitRef, UserId, file,
};

use super::{to_active, to_changes};

fn filed() -> Case {
    let now: DateTime<Utc> = "2026-03-02T02:00:00Z".parse().expect("a time");
    let reporter = Actor {
        user: UserId(10),
        role: Role::Reporter,
        unit: UnitRef {
            id: UnitId(6),
            code: "MTTQ-PX".to_owned(),
            kind: UnitKind::Front,
            serves: vec![AreaId(1)],
            active: true,
        },
    };
    let input = FileInput {
        title: "Sạt lở bờ sông Hồng".to_owned(),
        description: "Bờ sông đoạn qua thôn Đông sạt lở dài 50 m.".to_owned(),
        area: AreaRef {
            id: AreaId(2),
            code: "HN-PX".to_owned(),
            lineage: vec![AreaId(1), AreaId(2)],
        },
        category: "environment".to_owned(),
        source: Source::Collaborator,
        people_affected: None,
        hotspot_risk: None,
    };
    let mut case = file(&reporter, input, now, &Policy::vietnam_default())
        .expect("filed")
        .case;
    case.code = "HN-2026-000100".to_owned();
    case
}

#[test]
fn an_action_that_leaves_the_text_alone_leaves_the_words_unset() {
    let before = filed();
    let mut after = before.clone();
    after.state = CaseState::Assigned;
    after.version += 1;
    let changes = to_changes(&before, &after);
    assert!(matches!(changes.search_title, ActiveValue::NotSet));
    assert!(matches!(changes.search_text, ActiveValue::NotSet));
    assert!(matches!(changes.state, ActiveValue::Set(_)));
}

#[test]
fn a_changed_title_writes_its_words() {
    let before = filed();
    let mut after = before.clone();
    after.title = "Ô nhiễm nguồn nước".to_owned();
    after.version += 1;
    let changes = to_changes(&before, &after);
    assert_eq!(changes.search_title, to_active(&after).search_title);
    assert!(matches!(changes.search_title, ActiveValue::Set(ref w) if w.contains("nhiem")));
    assert_eq!(changes.search_text, to_active(&after).search_text);
}
