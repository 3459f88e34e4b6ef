//! Every refusal has a stable code, a field where one is at fault, and a
//! message in both languages that names the rule.

use super::*;

fn vi(refusal: &Refusal) -> String {
    refusal.message(Lang::Vi)
}

fn en(refusal: &Refusal) -> String {
    refusal.message(Lang::En)
}

#[test]
fn a_refused_acceptance_names_who_may_accept() {
    let refusal = Refusal::RoleNotAllowed {
        action: ActionKind::Accept,
        role: Role::Reporter,
    };
    assert_eq!(refusal.code(), "role_not_allowed");
    assert_eq!(
        vi(&refusal),
        "Chỉ cán bộ Ban Tuyên giáo và Dân vận mới được tiếp nhận và giao cơ quan chủ trì."
    );
    assert_eq!(
        en(&refusal),
        "Only a board officer may accept a case and assign the lead agency."
    );
    assert_eq!(refusal.to_string(), vi(&refusal));
    assert_eq!(refusal.field(), None);
    assert!(refusal.is_forbidden());
}

#[test]
fn a_refused_filing_lists_every_role_that_may_file() {
    let refusal = Refusal::RoleNotAllowed {
        action: ActionKind::File,
        role: Role::Admin,
    };
    assert_eq!(
        vi(&refusal),
        "Chỉ cộng tác viên dư luận xã hội, cán bộ Ban Tuyên giáo và Dân vận hoặc đầu mối cơ quan nhà nước mới được gửi phản ánh."
    );
    assert_eq!(
        en(&refusal),
        "Only a reporter, a board officer or an agency liaison may file a report."
    );
}

#[test]
fn outside_jurisdiction_says_the_unit_does_not_serve_the_area() {
    let refusal = Refusal::OutsideJurisdiction {
        action: ActionKind::Dismiss,
    };
    assert_eq!(refusal.code(), "outside_jurisdiction");
    assert!(
        vi(&refusal).contains("không phụ trách địa bàn"),
        "{}",
        vi(&refusal)
    );
    assert!(en(&refusal).contains("does not serve this area"));
}

#[test]
fn not_lead_unit_names_the_lead_agency() {
    let refusal = Refusal::NotLeadUnit {
        action: ActionKind::Respond,
    };
    assert_eq!(refusal.code(), "not_lead_unit");
    assert_eq!(
        vi(&refusal),
        "Chỉ đầu mối của cơ quan chủ trì vụ việc mới được trả lời bằng văn bản."
    );
}

#[test]
fn not_involved_unit_names_the_court_for_a_trial_date() {
    let refusal = Refusal::NotInvolvedUnit {
        action: ActionKind::SetTrialDate,
    };
    assert_eq!(refusal.code(), "not_involved_unit");
    assert!(vi(&refusal).contains("Tòa án nhân dân"));
    let refusal = Refusal::NotInvolvedUnit {
        action: ActionKind::ProgressUpdate,
    };
    assert!(vi(&refusal).contains("cơ quan chủ trì hoặc cơ quan phối hợp"));
    assert!(en(&refusal).contains("update the progress"));
}

#[test]
fn not_the_reporter_says_who_may_supplement() {
    let refusal = Refusal::NotTheReporter;
    assert_eq!(refusal.code(), "not_the_reporter");
    assert!(vi(&refusal).starts_with("Chỉ người đã gửi phản ánh"));
}

#[test]
fn wrong_state_names_the_states_where_the_action_is_possible() {
    let refusal = Refusal::WrongState {
        action: ActionKind::Merge,
        state: CaseState::Closed,
    };
    assert_eq!(refusal.code(), "wrong_state");
    assert_eq!(
        vi(&refusal),
        "Vụ việc đang ở trạng thái “Đã kết thúc” nên không thể gộp vụ việc; việc này chỉ thực hiện được khi vụ việc ở trạng thái “Mới tiếp nhận” hoặc “Cần bổ sung thông tin”."
    );
    assert!(!refusal.is_forbidden() && refusal.is_conflict());
    let refusal = Refusal::WrongState {
        action: ActionKind::Comment,
        state: CaseState::Reported,
    };
    assert!(
        vi(&refusal).contains("đã được tiếp nhận và chưa kết thúc"),
        "{}",
        vi(&refusal)
    );
    assert!(en(&refusal).contains("accepted case"));
}

#[test]
fn missing_input_asks_for_the_field_by_its_label() {
    let refusal = Refusal::MissingInput { field: "title" };
    assert_eq!(refusal.code(), "missing_input");
    assert_eq!(refusal.field(), Some("title"));
    assert_eq!(vi(&refusal), "Vui lòng nhập “Tiêu đề”.");
    assert_eq!(en(&refusal), "Please fill in “Title”.");
    assert_eq!(
        vi(&Refusal::MissingInput { field: "source" }),
        "Vui lòng chọn “Nguồn thông tin”."
    );
    // Issue 15: an unchosen area is asked for in plain words.
    assert_eq!(
        vi(&Refusal::MissingInput { field: "area" }),
        "Vui lòng chọn địa bàn."
    );
    assert!(vi(&Refusal::MissingInput { field: "channels" }).contains("ít nhất một kênh"));
}

#[test]
fn input_too_long_gives_the_limit_with_thousands_separators() {
    let refusal = Refusal::InputTooLong {
        field: "description",
        max: 20_000,
    };
    assert_eq!(refusal.code(), "input_too_long");
    assert_eq!(refusal.field(), Some("description"));
    assert_eq!(
        vi(&refusal),
        "“Nội dung phản ánh” không được dài quá 20.000 ký tự."
    );
    assert_eq!(
        en(&refusal),
        "“Description” must not be longer than 20,000 characters."
    );
}

#[test]
fn invalid_input_explains_the_range() {
    let refusal = Refusal::InvalidInput {
        field: "people_affected",
    };
    assert_eq!(refusal.code(), "invalid_input");
    assert_eq!(refusal.field(), Some("people_affected"));
    assert!(vi(&refusal).contains("không được là số âm"));
    assert!(
        vi(&Refusal::InvalidInput {
            field: "sensitivity"
        })
        .contains("“Tính chất”")
    );
}

#[test]
fn unknown_code_repeats_the_code() {
    let refusal = Refusal::UnknownCode {
        field: "category",
        code: "bogus".to_owned(),
    };
    assert_eq!(refusal.code(), "unknown_code");
    assert_eq!(refusal.field(), Some("category"));
    assert_eq!(
        vi(&refusal),
        "Không tìm thấy mã “bogus” trong danh mục “Lĩnh vực”."
    );
}

#[test]
fn a_lead_unit_that_is_no_state_body_is_named() {
    let refusal = Refusal::LeadUnitNotStateBody {
        unit: "MTTQ-X".to_owned(),
    };
    assert_eq!(refusal.code(), "lead_unit_not_state_body");
    assert_eq!(refusal.field(), Some("lead_unit"));
    assert!(vi(&refusal).contains("“MTTQ-X” không phải là cơ quan nhà nước"));
}

#[test]
fn a_party_unit_named_to_coordinate_is_named() {
    let refusal = Refusal::CoordinatingUnitOfTheParty {
        unit: "TU-HN".to_owned(),
    };
    assert_eq!(refusal.code(), "coordinating_unit_of_the_party");
    assert_eq!(refusal.field(), Some("coordinating_units"));
    assert!(vi(&refusal).contains("“TU-HN” là cấp ủy"));
}

#[test]
fn a_unit_outside_the_area_is_named_with_its_part() {
    let refusal = Refusal::UnitOutsideArea {
        field: "coordinating_units",
        unit: "UB-Y".to_owned(),
    };
    assert_eq!(refusal.code(), "unit_outside_area");
    assert_eq!(refusal.field(), Some("coordinating_units"));
    assert_eq!(
        vi(&refusal),
        "Cơ quan phối hợp “UB-Y” không phụ trách địa bàn của vụ việc."
    );
}

#[test]
fn an_inactive_unit_is_named() {
    let refusal = Refusal::UnitInactive {
        unit: "UB-OLD".to_owned(),
    };
    assert_eq!(refusal.code(), "unit_inactive");
    assert!(vi(&refusal).contains("đã giải thể hoặc sáp nhập"));
}

#[test]
fn merge_refusals_point_at_the_target() {
    for (refusal, code) in [
        (Refusal::MergeIntoItself, "merge_into_itself"),
        (
            Refusal::MergeTargetNotOpen {
                target: "HN-2026-000001".to_owned(),
            },
            "merge_target_not_open",
        ),
        (
            Refusal::MergeTargetOutsideArea {
                target: "HN-2026-000001".to_owned(),
            },
            "merge_target_outside_area",
        ),
    ] {
        assert_eq!(refusal.code(), code);
        assert_eq!(refusal.field(), Some("target"));
        assert!(!vi(&refusal).is_empty() && !en(&refusal).is_empty());
    }
}

#[test]
fn closing_before_publication_says_the_result_is_unpublished() {
    let refusal = Refusal::ResultNotPublished;
    assert_eq!(refusal.code(), "result_not_published");
    assert!(vi(&refusal).contains("chưa được công bố"));
    assert!(refusal.is_conflict());
}

#[test]
fn a_deadline_in_the_past_names_the_field() {
    let refusal = Refusal::DeadlineInPast {
        field: "answer_due",
    };
    assert_eq!(refusal.code(), "deadline_in_past");
    assert_eq!(refusal.field(), Some("answer_due"));
    assert_eq!(
        vi(&refusal),
        "“Hạn trả lời bằng văn bản” phải là một thời điểm trong tương lai."
    );
}

#[test]
fn a_meeting_without_the_board_is_refused_with_the_rule() {
    let refusal = Refusal::MeetingWithoutBoard;
    assert_eq!(refusal.code(), "meeting_without_board");
    assert_eq!(refusal.field(), Some("invited_units"));
    assert!(vi(&refusal).contains("Ban Tuyên giáo và Dân vận"));
}

#[test]
fn a_trial_date_needs_a_court() {
    let refusal = Refusal::NotACourtCase;
    assert_eq!(refusal.code(), "not_a_court_case");
    assert!(vi(&refusal).contains("Tòa án nhân dân"));
}

/// One refusal of every kind, with every action where one is named.
fn every_refusal() -> Vec<Refusal> {
    let mut all = vec![
        Refusal::NotTheReporter,
        Refusal::MissingInput { field: "channels" },
        Refusal::MissingInput { field: "minutes" },
        Refusal::InputTooLong {
            field: "title",
            max: 300,
        },
        Refusal::TimeOutOfRange {
            field: "held_at",
            window: crate::TimeWindow::MEETING,
        },
        Refusal::TimeOutOfRange {
            field: "to",
            window: crate::TimeWindow::REPORT,
        },
        Refusal::TooManyWords {
            field: "q",
            max: 32,
        },
        Refusal::InvalidInput { field: "parties" },
        Refusal::UnknownCode {
            field: "area",
            code: "XX".to_owned(),
        },
        Refusal::LeadUnitNotStateBody {
            unit: "MTTQ-PX".to_owned(),
        },
        Refusal::CoordinatingUnitOfTheParty {
            unit: "TU-HN".to_owned(),
        },
        Refusal::UnitOutsideArea {
            field: "lead_unit",
            unit: "UBND-PY".to_owned(),
        },
        Refusal::UnitInactive {
            unit: "UBND-CU".to_owned(),
        },
        Refusal::MergeIntoItself,
        Refusal::MergeTargetNotOpen {
            target: "HN-2026-000001".to_owned(),
        },
        Refusal::MergeTargetOutsideArea {
            target: "HN-2026-000001".to_owned(),
        },
        Refusal::ResultNotPublished,
        Refusal::DeadlineInPast {
            field: "answer_due",
        },
        Refusal::MeetingWithoutBoard,
        Refusal::RecipientNotAllowed {
            unit: "UBND-NB".to_owned(),
        },
        Refusal::NotARecipient,
        Refusal::AcknowledgementLinkInvalid,
        Refusal::NotACourtCase,
        Refusal::AdminOnly,
        Refusal::NotAReporter {
            user: "an@example.vn".into(),
            role: Role::Leader,
        },
        Refusal::RosterNotAllowed,
        Refusal::TermEndsBeforeStart,
        Refusal::AreaOutsideScope {
            area: "HN-X".into(),
        },
        Refusal::ReportsNotAllowed,
        Refusal::PasswordTooShort {
            field: "new_password",
            min: 10,
        },
        Refusal::PasswordIsEmail { field: "password" },
        Refusal::WrongCurrentPassword,
        Refusal::ResetLinkInvalid,
        Refusal::DutyNotAllowed {
            action: crate::DutyAction::Waive,
        },
        Refusal::DutyWrongStatus {
            action: crate::DutyAction::Acknowledge,
            status: crate::DutyStatus::Pending,
        },
    ];
    for &action in ActionKind::ALL {
        all.push(Refusal::RoleNotAllowed {
            action,
            role: Role::Admin,
        });
        all.push(Refusal::OutsideJurisdiction { action });
        all.push(Refusal::NotLeadUnit { action });
        all.push(Refusal::NotInvolvedUnit { action });
        all.push(Refusal::WrongState {
            action,
            state: CaseState::Merged,
        });
    }
    all
}

#[test]
fn every_message_is_one_sentence_in_each_language() {
    for refusal in every_refusal() {
        for lang in [Lang::Vi, Lang::En] {
            let text = refusal.message(lang);
            if std::env::var_os("SHOW_MESSAGES").is_some() {
                println!("{:<26} {text}", refusal.code());
            }
            assert!(text.ends_with('.'), "{text}");
            assert!(
                text.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '“'),
                "{text}"
            );
            assert!(!text.contains("  "), "{text}");
        }
    }
}

#[test]
fn not_involved_unit_names_the_verdict_for_a_verdict_date() {
    let refusal = Refusal::NotInvolvedUnit {
        action: ActionKind::SetVerdictDate,
    };
    assert!(vi(&refusal).contains("ấn định ngày tuyên án"));
    assert!(en(&refusal).contains("set the verdict date"));
}
