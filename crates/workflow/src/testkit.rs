//! Fixtures of the unit tests: one province (HN) with two communes, its
//! board, party committee and state bodies, a second province (HP), a user
//! of every role, a valid command of every kind and a case in any state.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::{
    ActionKind, Actor, AreaId, AreaRef, Case, CaseId, CaseState, Channel, Command, Deadline,
    FileInput, HotspotRisk, MergeTarget, Orientation, Policy, Priority, Role, Source, UnitId,
    UnitKind, UnitRef, UserId, file,
};

/// Monday 2 March 2026, 9:00 in Hà Nội.
pub(crate) fn now() -> DateTime<Utc> {
    at("2026-03-02T09:00:00+07:00")
}

pub(crate) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) fn policy() -> Policy {
    Policy::vietnam_default()
}

fn area(id: i64, code: &str, lineage: &[i64]) -> AreaRef {
    AreaRef {
        id: AreaId(id),
        code: code.to_owned(),
        lineage: lineage.iter().map(|a| AreaId(*a)).collect(),
    }
}

pub(crate) fn province() -> AreaRef {
    area(1, "HN", &[1])
}
pub(crate) fn commune() -> AreaRef {
    area(2, "HN-PX", &[1, 2])
}
pub(crate) fn other_commune() -> AreaRef {
    area(3, "HN-PY", &[1, 3])
}
pub(crate) fn other_province() -> AreaRef {
    area(9, "HP", &[9])
}

fn unit(id: i64, code: &str, kind: UnitKind, serves: &[i64]) -> UnitRef {
    UnitRef {
        id: UnitId(id),
        code: code.to_owned(),
        kind,
        serves: serves.iter().map(|a| AreaId(*a)).collect(),
        active: true,
    }
}

pub(crate) fn board() -> UnitRef {
    unit(1, "BTGDV-HN", UnitKind::Board, &[1])
}
pub(crate) fn committee() -> UnitRef {
    unit(2, "TU-HN", UnitKind::PartyCommittee, &[1])
}
pub(crate) fn people_committee() -> UnitRef {
    unit(3, "UBND-PX", UnitKind::PeopleCommittee, &[2])
}
/// A regional court serving both communes.
pub(crate) fn court() -> UnitRef {
    unit(4, "TAND-KV1", UnitKind::Court, &[2, 3])
}
pub(crate) fn procuracy() -> UnitRef {
    unit(5, "VKSND-KV1", UnitKind::Procuracy, &[2, 3])
}
pub(crate) fn front() -> UnitRef {
    unit(6, "MTTQ-PX", UnitKind::Front, &[2])
}
pub(crate) fn other_board() -> UnitRef {
    unit(7, "BTGDV-HP", UnitKind::Board, &[9])
}
pub(crate) fn other_people_committee() -> UnitRef {
    unit(8, "UBND-PY", UnitKind::PeopleCommittee, &[3])
}
pub(crate) fn abolished_people_committee() -> UnitRef {
    UnitRef {
        active: false,
        ..unit(9, "UBND-CU", UnitKind::PeopleCommittee, &[2])
    }
}
pub(crate) fn other_committee() -> UnitRef {
    unit(10, "TU-HP", UnitKind::PartyCommittee, &[9])
}
/// The provincial newspaper.
pub(crate) fn newspaper() -> UnitRef {
    unit(11, "BAO-HN", UnitKind::Media, &[1])
}

fn actor(user: i64, role: Role, unit: UnitRef) -> Actor {
    Actor {
        user: UserId(user),
        role,
        unit,
    }
}

/// The reporter who files the test cases, of the commune's Front.
pub(crate) fn reporter() -> Actor {
    actor(10, Role::Reporter, front())
}
pub(crate) fn other_reporter() -> Actor {
    actor(11, Role::Reporter, front())
}
pub(crate) fn board_officer() -> Actor {
    actor(20, Role::BoardOfficer, board())
}
pub(crate) fn outside_officer() -> Actor {
    actor(21, Role::BoardOfficer, other_board())
}
pub(crate) fn liaison_of(unit: UnitRef) -> Actor {
    actor(30 + unit.id.0, Role::AgencyLiaison, unit)
}
pub(crate) fn leader() -> Actor {
    actor(40, Role::Leader, committee())
}
pub(crate) fn outside_leader() -> Actor {
    actor(41, Role::Leader, other_committee())
}
pub(crate) fn admin() -> Actor {
    actor(50, Role::Admin, committee())
}

/// The actor of each role that the who-may table shows: a unit with
/// jurisdiction; the liaison of the case's lead unit, a court.
pub(crate) fn canonical_actor(role: Role) -> Actor {
    match role {
        Role::Reporter => reporter(),
        Role::BoardOfficer => board_officer(),
        Role::AgencyLiaison => liaison_of(court()),
        Role::Leader => leader(),
        Role::Admin => admin(),
    }
}

pub(crate) fn file_input() -> FileInput {
    FileInput {
        title: "Sạt lở bờ sông Hồng đe dọa nhà dân".to_owned(),
        description: "Bờ sông đoạn qua thôn Đông sạt lở dài khoảng 50 m.".to_owned(),
        area: commune(),
        category: "environment".to_owned(),
        source: Source::Collaborator,
        people_affected: Some(120),
        hotspot_risk: Some(HotspotRisk::Medium),
    }
}

/// A case filed by [`reporter`] at [`now`] and stored as id 100.
pub(crate) fn filed() -> Case {
    let mut case = file(&reporter(), file_input(), now(), &policy())
        .unwrap()
        .case;
    case.id = CaseId(100);
    case.code = "HN-2026-000100".to_owned();
    case
}

/// A case in `state` as the workflow would have left it, led by the court
/// with the commune's People's Committee coordinating.
pub(crate) fn case_in(state: CaseState) -> Case {
    let mut case = filed();
    case.state = state;
    case.version = 5;
    if state.is_accepted_open() || state == CaseState::Closed {
        let policy = policy();
        case.priority = Priority::Normal;
        case.lead_unit = Some(court());
        case.coordinating_units = vec![people_committee()];
        // Tried already, so that a verdict date may be set.
        case.trial_date = NaiveDate::from_ymd_opt(2026, 2, 25);
        let d = &policy.deadlines;
        case.answer_due = Some(Deadline::compute(now(), d.answer.normal, &policy.calendar));
        case.resolution_due = Some(Deadline::compute(
            now(),
            d.resolution.normal,
            &policy.calendar,
        ));
    }
    match state {
        CaseState::Escalated => case.escalated_from = Some(CaseState::Oriented),
        CaseState::Closed => case.result_published = true,
        CaseState::Merged => case.merged_into = Some(CaseId(99)),
        _ => {}
    }
    case
}

pub(crate) fn orientation() -> Orientation {
    Orientation {
        messages: "Chính quyền đã khoanh vùng nguy hiểm và di dời các hộ dân.".to_owned(),
        channels: vec![Channel::Press, Channel::GrassrootsRadio],
        audience: "Nhân dân thôn Đông".to_owned(),
        share_with_reporter: false,
        recipients: vec![newspaper(), front()],
    }
}

pub(crate) fn merge_target() -> MergeTarget {
    MergeTarget {
        id: CaseId(99),
        code: "HN-2026-000099".to_owned(),
        state: CaseState::Reported,
        area: commune(),
    }
}

fn text(s: &str) -> String {
    s.to_owned()
}

/// A command of `kind` whose input is valid for [`case_in`]; `None` for
/// `file`, which is no command on a case.
pub(crate) fn valid_command(kind: ActionKind) -> Option<Command> {
    use ActionKind as A;
    Some(match kind {
        A::File => return None,
        A::RequestInfo => Command::RequestInfo {
            question: text("Đề nghị gửi ảnh hiện trường."),
        },
        A::Supplement => Command::Supplement {
            text: Some(text("Ảnh chụp ngày 1/3.")),
            attachments: vec![7],
        },
        A::Dismiss => Command::Dismiss {
            reason: text("Vụ việc dân sự giữa hai hộ gia đình."),
        },
        A::Merge => Command::Merge {
            target: merge_target(),
        },
        A::Accept => Command::Accept {
            sensitivity: crate::Sensitivity::Complex,
            priority: Priority::High,
            lead_unit: people_committee(),
            coordinating_units: vec![court()],
            answer_due: None,
        },
        A::Respond => Command::Respond {
            answer: text("UBND xã đã kiểm tra hiện trường."),
            documents: vec![8],
        },
        A::Orient => Command::Orient(orientation()),
        A::Escalate => Command::Escalate {
            opinions: vec![
                crate::Opinion {
                    unit: people_committee(),
                    opinion: text("Đề nghị giữ nguyên hiện trạng."),
                },
                crate::Opinion {
                    unit: court(),
                    opinion: text("Chờ bản án có hiệu lực."),
                },
            ],
        },
        A::Conclude => Command::Conclude {
            conclusion: text("Giao UBND xã chủ trì giải quyết."),
            documents: vec![],
        },
        A::ReportResolution => Command::ReportResolution {
            summary: text("Đã kè xong đoạn bờ sông."),
            documents: vec![],
        },
        A::PublishResult => Command::PublishResult {
            text: text("Đã khắc phục sạt lở."),
        },
        A::Close => Command::Close {
            remark: text("Kết thúc theo kết luận."),
        },
        A::Reopen => Command::Reopen {
            reason: text("Sạt lở tái diễn."),
        },
        A::Comment => Command::Comment {
            text: text("Đề nghị đẩy nhanh tiến độ."),
            share_with_reporter: false,
        },
        A::AddOrientation => Command::AddOrientation(orientation()),
        A::ScheduleMeeting => Command::ScheduleMeeting {
            starts_at: now() + Duration::days(3),
            ends_at: None,
            place: text("Hội trường UBND phường"),
            chair_unit: people_committee(),
            invited_units: vec![board(), court()],
            agenda: text("Thống nhất phương án kè tạm."),
        },
        A::LogMeeting => Command::LogMeeting {
            meeting: Some(1),
            held_at: now() - Duration::days(1),
            chair_unit: people_committee(),
            attendees: vec![board(), court()],
            minutes: text("Thống nhất phương án kè tạm."),
        },
        A::ProgressUpdate => Command::ProgressUpdate {
            text: text("Đã hoàn thành 60% khối lượng."),
        },
        A::SetTrialDate => Command::SetTrialDate {
            trial_date: NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        },
        A::SetVerdictDate => Command::SetVerdictDate {
            verdict_date: NaiveDate::from_ymd_opt(2026, 2, 27).unwrap(),
        },
        A::Reassign => Command::Reassign {
            lead_unit: procuracy(),
            coordinating_units: vec![],
            reason: text("Vụ việc thuộc thẩm quyền của Viện kiểm sát."),
        },
        A::Reassess => Command::Reassess {
            priority: Some(Priority::Urgent),
            sensitivity: None,
            hotspot_risk: Some(crate::HotspotRisk::High),
            reason: text("Đã có tập trung đông người."),
        },
        A::Forward => Command::Forward {
            to_unit: people_committee(),
            reason: text("Thuộc thẩm quyền giải quyết của UBND xã."),
        },
    })
}
