//! The authorisation matrix over HTTP: every action of SPEC §3.3, in a state
//! where it is allowed, tried by every kind of caller — each role, in the
//! case's area and in another one, involved in the case or not — on a
//! normal and a sensitive case. The expectation is written here from the
//! spec (§2, §3.3, §9) and docs/design.md, not computed by the code under
//! test: who may gets 200; who may see but not act gets 403; who may not
//! see gets 404, as if the case did not exist. Every refusal leaves the
//! case and its timeline as they were.

use serde_json::{Value, json};

use crate::support::fixtures::{area, unit};
use crate::support::town::{town, user};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(every_caller_gets_what_the_rules_say_for_every_action);

/// The callers of the matrix. The case is always filed by `Reporter` in
/// the ward HN-BD, led by UBND-HN with the court TAND-HN coordinating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// The reporter who filed the case.
    Reporter,
    /// A reporter of another ward (HN-HK).
    OtherReporter,
    /// A board officer of the city: jurisdiction over HN-BD.
    Officer,
    /// The lead unit's liaison (UBND-HN).
    Lead,
    /// The coordinating court's liaison (TAND-HN).
    Court,
    /// The procuracy's liaison: jurisdiction, not involved.
    Procuracy,
    /// The People's Committee of the other ward: no jurisdiction.
    OtherLiaison,
    /// A leader of the city party committee.
    Leader,
    /// A leader of the other ward's party committee: no jurisdiction.
    OtherLeader,
    /// An administrator.
    Admin,
}

const EVERYONE: [Who; 10] = [
    Who::Reporter,
    Who::OtherReporter,
    Who::Officer,
    Who::Lead,
    Who::Court,
    Who::Procuracy,
    Who::OtherLiaison,
    Who::Leader,
    Who::OtherLeader,
    Who::Admin,
];

/// Whether `who` may open a case of the test (filed in HN-BD, UBND-HN
/// leading, TAND-HN coordinating) of this sensitivity (§3.1, §9).
fn sees(who: Who, sensitive: bool) -> bool {
    match who {
        Who::Reporter | Who::Officer | Who::Lead | Who::Court | Who::Leader => true,
        Who::Procuracy | Who::Admin => !sensitive,
        Who::OtherReporter | Who::OtherLiaison | Who::OtherLeader => false,
    }
}

/// The states a case is brought into before the action is tried.
#[derive(Debug, Clone, Copy)]
enum Stage {
    Reported,
    NeedsInfo,
    Assigned,
    Responded,
    Oriented,
    Escalated,
    Resolved,
    Published,
    Closed,
}

impl Stage {
    /// Before `accept` a case has no sensitivity of its own.
    fn before_accept(self) -> bool {
        matches!(self, Stage::Reported | Stage::NeedsInfo)
    }
}

/// One row of the matrix: an action, the state it is tried in, a valid
/// input, and who may carry it out (design.md, "Who may").
struct Row {
    action: &'static str,
    stage: Stage,
    input: fn() -> Value,
    may: &'static [Who],
    /// Whether the action changes the state: each caller who may then
    /// needs a fresh case.
    transition: bool,
}

fn orientation() -> Value {
    json!({"messages": "Thông tin chính thức về vụ việc.", "channels": ["press", "grassroots_radio"], "audience": "Nhân dân phường"})
}

const ROWS: &[Row] = &[
    Row {
        action: "request_info",
        stage: Stage::Reported,
        input: || json!({"question": "Sự việc xảy ra ở tổ dân phố nào?"}),
        may: &[Who::Officer],
        transition: true,
    },
    Row {
        action: "supplement",
        stage: Stage::NeedsInfo,
        input: || json!({"text": "Tổ dân phố số 5."}),
        may: &[Who::Reporter, Who::Officer],
        transition: true,
    },
    Row {
        action: "dismiss",
        stage: Stage::Reported,
        input: || json!({"reason": "Không phải vấn đề nổi cộm."}),
        may: &[Who::Officer],
        transition: true,
    },
    Row {
        action: "merge",
        stage: Stage::Reported,
        // The target is filled in by the test: a fresh open case.
        input: || json!({}),
        may: &[Who::Officer],
        transition: true,
    },
    Row {
        action: "accept",
        stage: Stage::Reported,
        input: || accept_input("normal"),
        may: &[Who::Officer],
        transition: true,
    },
    Row {
        action: "respond",
        stage: Stage::Assigned,
        input: || json!({"answer": "UBND thành phố đã chỉ đạo kiểm tra."}),
        may: &[Who::Lead],
        transition: true,
    },
    Row {
        action: "orient",
        stage: Stage::Responded,
        input: orientation,
        may: &[Who::Officer],
        transition: true,
    },
    Row {
        action: "escalate",
        stage: Stage::Assigned,
        input: || json!({"opinions": [{"unit": "UBND-HN", "opinion": "Hai cơ quan chưa thống nhất phương án."}, {"unit": "VKSND-HN", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        may: &[Who::Officer, Who::Lead, Who::Court],
        transition: true,
    },
    Row {
        action: "conclude",
        stage: Stage::Escalated,
        input: || json!({"conclusion": "Giao UBND thành phố chủ trì giải quyết."}),
        may: &[Who::Leader],
        transition: true,
    },
    Row {
        action: "report_resolution",
        stage: Stage::Oriented,
        input: || json!({"summary": "Đã giải quyết dứt điểm."}),
        may: &[Who::Lead],
        transition: true,
    },
    Row {
        action: "publish_result",
        stage: Stage::Resolved,
        input: || json!({"text": "Kết quả giải quyết đã được công bố."}),
        may: &[Who::Officer],
        transition: false,
    },
    Row {
        action: "close",
        stage: Stage::Published,
        input: || json!({"remark": "Kết thúc vụ việc."}),
        may: &[Who::Leader],
        transition: true,
    },
    Row {
        action: "reopen",
        stage: Stage::Closed,
        input: || json!({"reason": "Người dân tiếp tục phản ánh."}),
        may: &[Who::Leader],
        transition: true,
    },
    Row {
        action: "comment",
        stage: Stage::Assigned,
        input: || json!({"text": "Đề nghị báo cáo tiến độ."}),
        may: &[Who::Officer, Who::Lead, Who::Court, Who::Leader],
        transition: false,
    },
    Row {
        action: "add_orientation",
        stage: Stage::Assigned,
        input: orientation,
        may: &[Who::Officer],
        transition: false,
    },
    Row {
        action: "log_meeting",
        stage: Stage::Assigned,
        input: || {
            json!({"held_at": "2026-11-20T09:00:00+07:00", "chair_unit": "BTG-HN",
                "attendees": ["BTG-HN", "UBND-HN"], "minutes": "Thống nhất lộ trình xử lý."})
        },
        may: &[Who::Officer, Who::Lead, Who::Court, Who::Leader],
        transition: false,
    },
    Row {
        action: "schedule_meeting",
        stage: Stage::Assigned,
        input: || {
            let starts = chrono::Utc::now() + chrono::Duration::days(7);
            json!({"starts_at": starts.to_rfc3339(), "place": "Hội trường UBND",
                "chair_unit": "UBND-HN", "invited_units": ["BTG-HN", "UBND-HN"],
                "agenda": "Thống nhất lộ trình xử lý."})
        },
        may: &[Who::Officer, Who::Lead],
        transition: false,
    },
    Row {
        action: "progress_update",
        stage: Stage::Assigned,
        input: || json!({"text": "Đã hoàn thành 50% khối lượng."}),
        may: &[Who::Lead, Who::Court],
        transition: false,
    },
    Row {
        action: "set_trial_date",
        stage: Stage::Assigned,
        input: || json!({"trial_date": "2027-03-15"}),
        may: &[Who::Officer, Who::Court],
        transition: false,
    },
];

fn accept_input(sensitivity: &str) -> Value {
    json!({"sensitivity": sensitivity, "priority": "high", "lead_unit": "UBND-HN",
        "coordinating_units": ["TAND-HN"]})
}

/// The callers, each with a client.
struct Callers {
    clients: Vec<(Who, Client)>,
}

impl Callers {
    fn get(&self, who: Who) -> &Client {
        &self.clients.iter().find(|(w, _)| *w == who).unwrap().1
    }
}

async fn every_caller_gets_what_the_rules_say_for_every_action(db: TestDb) {
    let town = town(&db);
    area(&db, "HN-HK-1", "Tổ dân phố 1 Hoàn Kiếm", Some("HN-HK"));
    unit(&db, "TAND-HN", "Tòa án nhân dân thành phố", "court", "HN");
    unit(
        &db,
        "UBND-HK",
        "UBND phường Hoàn Kiếm",
        "people_committee",
        "HN-HK",
    );
    unit(
        &db,
        "DU-HK",
        "Đảng ủy phường Hoàn Kiếm",
        "party_committee",
        "HN-HK",
    );
    let court = user(&db, "toaan@example.vn", "agency_liaison", "TAND-HN");
    let other_liaison = user(&db, "ubnd.hk@example.vn", "agency_liaison", "UBND-HK");
    let other_leader = user(&db, "lanhdao.hk@example.vn", "leader", "DU-HK");
    let server = Server::start(&db, &[]).await;
    let bearer = |token: &str| Client::bearer(&server, token);
    let callers = Callers {
        clients: vec![
            (Who::Reporter, bearer(&town.reporter)),
            (Who::OtherReporter, bearer(&town.other_reporter)),
            (Who::Officer, bearer(&town.officer)),
            (Who::Lead, bearer(&town.liaison)),
            (Who::Court, bearer(&court)),
            (Who::Procuracy, bearer(&town.procuracy)),
            (Who::OtherLiaison, bearer(&other_liaison)),
            (Who::Leader, bearer(&town.leader)),
            (Who::OtherLeader, bearer(&other_leader)),
            (Who::Admin, bearer(&town.admin)),
        ],
    };

    let mut tried = 0;
    for row in ROWS {
        let sensitivities: &[bool] = if row.stage.before_accept() {
            &[false]
        } else {
            &[false, true]
        };
        for &sensitive in sensitivities {
            let case = build(&callers, row.stage, sensitive).await;
            for who in EVERYONE.into_iter().filter(|w| !row.may.contains(w)) {
                let expected = if sees(who, sensitive) { 403 } else { 404 };
                refused(&callers, &case, row, who, expected, sensitive).await;
                tried += 1;
            }
            let mut case = case;
            for (i, &who) in row.may.iter().enumerate() {
                if i > 0 && row.transition {
                    case = build(&callers, row.stage, sensitive).await;
                }
                let input = input_for(&callers, row).await;
                let current = callers
                    .get(Who::Officer)
                    .get(&format!("/cases/{}", case["id"]))
                    .await
                    .expect(200);
                let done = callers.get(who).acts(&current, row.action, input).await;
                assert_eq!(
                    done.status, 200,
                    "{who:?} may {} (sensitive: {sensitive}): {:#}",
                    row.action, done.body
                );
                assert_eq!(
                    done.body["version"],
                    current["version"].as_i64().unwrap() + 1,
                    "{who:?} {}",
                    row.action
                );
                tried += 1;
            }
        }
    }
    // 19 actions (schedule_meeting added, SPEC §11), 5 of them only before
    // accept: 33 (action, sensitivity) pairs × 10 callers.
    assert_eq!(tried, 330);
}

/// The input of `row`'s action; `merge` gets a fresh open case to merge
/// into.
async fn input_for(callers: &Callers, row: &Row) -> Value {
    let mut input = (row.input)();
    if row.action == "merge" {
        let target = callers
            .get(Who::Reporter)
            .files_case("HN-BD", "Lấn chiếm vỉa hè (trùng)")
            .await;
        input["target"] = target["code"].clone();
    }
    input
}

/// `who` tries `row`'s action and gets `status`; the case and its
/// timeline are unchanged afterwards.
async fn refused(
    callers: &Callers,
    case: &Value,
    row: &Row,
    who: Who,
    status: u16,
    sensitive: bool,
) {
    let officer = callers.get(Who::Officer);
    let path = format!("/cases/{}", case["id"]);
    let before = officer.get(&path).await.expect(200);
    let events_before = officer.get(&format!("{path}/events")).await.expect(200);
    let input = input_for(callers, row).await;
    let reply = callers.get(who).acts(&before, row.action, input).await;
    assert_eq!(
        reply.status, status,
        "{who:?} {} (sensitive: {sensitive}): {:#}",
        row.action, reply.body
    );
    let code = reply.body["error"]["code"].as_str().unwrap_or_default();
    if status == 404 {
        assert_eq!(code, "not_found", "{who:?} {}", row.action);
    } else {
        assert!(
            [
                "role_not_allowed",
                "not_lead_unit",
                "not_involved_unit",
                "outside_jurisdiction"
            ]
            .contains(&code),
            "{who:?} {}: {:#}",
            row.action,
            reply.body
        );
    }
    let message = reply.body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "{who:?} {}", row.action);
    assert_eq!(
        officer.get(&path).await.expect(200),
        before,
        "{who:?} {}",
        row.action
    );
    assert_eq!(
        officer.get(&format!("{path}/events")).await.expect(200),
        events_before,
        "{who:?} {}",
        row.action
    );
}

/// A new case in HN-BD brought into `stage` by the callers who may.
async fn build(callers: &Callers, stage: Stage, sensitive: bool) -> Value {
    let officer = callers.get(Who::Officer);
    let lead = callers.get(Who::Lead);
    let leader = callers.get(Who::Leader);
    let step = |client: &'static str, action: &'static str, input: Value| (client, action, input);
    let sensitivity = if sensitive { "sensitive" } else { "normal" };
    let steps: Vec<(&str, &str, Value)> = match stage {
        Stage::Reported => vec![],
        Stage::NeedsInfo => vec![step(
            "officer",
            "request_info",
            json!({"question": "Ở đâu?"}),
        )],
        _ => {
            let mut steps = vec![step("officer", "accept", accept_input(sensitivity))];
            let rest: &[(&str, &str, Value)] = &[
                ("lead", "respond", json!({"answer": "Đã kiểm tra."})),
                ("officer", "orient", orientation()),
                ("lead", "report_resolution", json!({"summary": "Đã xử lý."})),
                ("officer", "publish_result", json!({"text": "Đã công bố."})),
                ("leader", "close", json!({"remark": "Kết thúc."})),
            ];
            let upto = match stage {
                Stage::Assigned | Stage::Escalated => 0,
                Stage::Responded => 1,
                Stage::Oriented => 2,
                Stage::Resolved => 3,
                Stage::Published => 4,
                Stage::Closed => 5,
                Stage::Reported | Stage::NeedsInfo => unreachable!(),
            };
            steps.extend(rest[..upto].iter().cloned());
            if matches!(stage, Stage::Escalated) {
                steps.push(step(
                    "officer",
                    "escalate",
                    json!({"opinions": [{"unit": "UBND-HN", "opinion": "Chưa thống nhất."}, {"unit": "VKSND-HN", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
                ));
            }
            steps
        }
    };
    let mut case = callers
        .get(Who::Reporter)
        .files_case("HN-BD", "Lấn chiếm vỉa hè kéo dài")
        .await;
    for (client, action, input) in steps {
        let client = match client {
            "officer" => officer,
            "lead" => lead,
            _ => leader,
        };
        case = client.acts(&case, action, input).await.expect(200);
    }
    case
}
