//! From the written answer to closure and reopening, and a whole life.

use super::*;

#[test]
fn answering_in_writing_tells_the_board_of_the_area() {
    let outcome = run(
        &case_in(S::Assigned),
        &liaison_of(court()),
        command(A::Respond),
    )
    .unwrap();
    assert_eq!(outcome.case.state, S::Responded);
    assert_eq!(outcome.notices[0].kind, N::AnswerReceived);
    assert_eq!(
        outcome.notices[0].recipients,
        To::Board { area: commune().id }
    );
    assert_eq!(outcome.events[0].payload["documents"], json!([8]));
}

#[test]
fn a_blank_answer_is_missing() {
    let blank = Command::Respond {
        answer: " ".to_owned(),
        documents: vec![],
    };
    let refused = run(&case_in(S::Assigned), &liaison_of(court()), blank).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "answer" });
}

#[test]
fn orienting_records_the_channels_by_code_once_each() {
    let mut o = orientation();
    o.channels.push(Channel::Press);
    let outcome = run(&case_in(S::Responded), &board_officer(), Command::Orient(o)).unwrap();
    assert_eq!(outcome.case.state, S::Oriented);
    assert_eq!(
        outcome.events[0].payload["channels"],
        json!(["press", "grassroots_radio"])
    );
}

#[test]
fn an_orientation_needs_a_channel_and_an_audience() {
    let no_channel = crate::Orientation {
        channels: vec![],
        ..orientation()
    };
    let refused = run(
        &case_in(S::Assigned),
        &board_officer(),
        Command::Orient(no_channel),
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "channels" });
    let no_audience = crate::Orientation {
        audience: String::new(),
        ..orientation()
    };
    let refused = run(
        &case_in(S::Assigned),
        &board_officer(),
        Command::AddOrientation(no_audience),
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "audience" });
}

#[test]
fn escalating_remembers_the_state_and_tells_the_leaders() {
    let outcome = run(
        &case_in(S::Responded),
        &liaison_of(people_committee()),
        command(A::Escalate),
    )
    .unwrap();
    assert_eq!(
        (outcome.case.state, outcome.case.escalated_from),
        (S::Escalated, Some(S::Responded))
    );
    assert_eq!(outcome.notices[0].kind, N::Escalated);
    assert_eq!(
        outcome.notices[0].recipients,
        To::Leaders { area: commune().id }
    );
}

#[test]
fn concluding_returns_to_the_state_escalated_from() {
    let escalated = run(
        &case_in(S::Responded),
        &board_officer(),
        command(A::Escalate),
    )
    .unwrap()
    .case;
    let concluded = run(&escalated, &leader(), command(A::Conclude))
        .unwrap()
        .case;
    assert_eq!(
        (concluded.state, concluded.escalated_from),
        (S::Responded, None)
    );
}

#[test]
fn a_blank_conclusion_is_missing() {
    let blank = Command::Conclude {
        conclusion: "\t".to_owned(),
        documents: vec![],
    };
    let refused = run(&case_in(S::Escalated), &leader(), blank).unwrap_err();
    assert_eq!(
        refused,
        R::MissingInput {
            field: "conclusion"
        }
    );
}
#[test]
fn reporting_the_resolution_needs_a_new_publication_before_closing() {
    let published = Case {
        result_published: true,
        ..case_in(S::Oriented)
    };
    let resolved = run(
        &published,
        &liaison_of(court()),
        command(A::ReportResolution),
    )
    .unwrap()
    .case;
    assert_eq!(
        (resolved.state, resolved.result_published),
        (S::Resolved, false)
    );
    assert_eq!(
        run(&resolved, &leader(), command(A::Close)).unwrap_err(),
        R::ResultNotPublished
    );
}

#[test]
fn publishing_the_result_tells_the_reporter_and_allows_closing() {
    let outcome = run(
        &case_in(S::Resolved),
        &board_officer(),
        command(A::PublishResult),
    )
    .unwrap();
    assert_eq!(
        (outcome.case.state, outcome.case.result_published),
        (S::Resolved, true)
    );
    assert_eq!(outcome.notices[0].kind, N::ResultPublished);
    assert_eq!(outcome.notices[0].recipients, To::User { user: UserId(10) });
    let closed = run(&outcome.case, &leader(), command(A::Close))
        .unwrap()
        .case;
    assert_eq!(closed.state, S::Closed);
}

#[test]
fn closing_needs_a_remark() {
    let published = Case {
        result_published: true,
        ..case_in(S::Resolved)
    };
    let refused = run(
        &published,
        &leader(),
        Command::Close {
            remark: " ".to_owned(),
        },
    )
    .unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "remark" });
}

#[test]
fn reopening_returns_to_oriented_and_clears_the_publication() {
    for state in [S::Resolved, S::Closed] {
        let case = Case {
            result_published: true,
            ..case_in(state)
        };
        let reopened = run(&case, &leader(), command(A::Reopen)).unwrap().case;
        assert_eq!(
            (reopened.state, reopened.result_published),
            (S::Oriented, false)
        );
    }
}
#[test]
fn a_case_goes_from_report_to_closure() {
    let mut case = filed();
    let steps: [(Actor, A, S); 7] = [
        (board_officer(), A::Accept, S::Assigned),
        (liaison_of(people_committee()), A::Respond, S::Responded),
        (board_officer(), A::Orient, S::Oriented),
        (
            liaison_of(people_committee()),
            A::ReportResolution,
            S::Resolved,
        ),
        (board_officer(), A::PublishResult, S::Resolved),
        (leader(), A::Close, S::Closed),
        (leader(), A::Reopen, S::Oriented),
    ];
    for (i, (actor, action, to)) in steps.into_iter().enumerate() {
        let before = case.state;
        let when = now() + Duration::hours(i as i64 + 1);
        let outcome = apply(&case, &actor, command(action), when, &policy()).unwrap();
        assert_eq!(outcome.events.len(), 1);
        assert_eq!(
            (outcome.events[0].from, outcome.events[0].to),
            (Some(before), to)
        );
        assert_eq!(outcome.case.version, i as i64 + 2);
        case = outcome.case;
    }
}

#[test]
fn an_orientation_is_sent_only_to_units_that_carry_it_each_once() {
    let mut o = orientation();
    o.recipients = vec![newspaper(), front(), newspaper(), committee(), board()];
    let outcome = run(&case_in(S::Responded), &board_officer(), Command::Orient(o)).unwrap();
    assert_eq!(
        outcome.events[0].payload["recipients"],
        serde_json::json!(["BAO-HN", "MTTQ-PX", "TU-HN", "BTGDV-HN"])
    );
    let mut o = orientation();
    o.recipients = vec![newspaper(), people_committee()];
    let refusal = run(
        &case_in(S::Oriented),
        &board_officer(),
        Command::AddOrientation(o),
    )
    .unwrap_err();
    assert_eq!(
        refusal,
        crate::Refusal::RecipientNotAllowed {
            unit: "UBND-PX".to_owned()
        }
    );
    assert_eq!(refusal.field(), Some("recipients"));
    assert!(
        refusal
            .message(crate::Lang::Vi)
            .contains("không thể nhận công văn định hướng")
    );
    let mut o = orientation();
    o.recipients = vec![abolished_people_committee()];
    assert!(matches!(
        run(
            &case_in(S::Oriented),
            &board_officer(),
            Command::AddOrientation(o)
        ),
        Err(crate::Refusal::UnitInactive { .. })
    ));
}
