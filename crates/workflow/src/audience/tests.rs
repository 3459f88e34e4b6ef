//! The event kind × reader table of SPEC §10 as one reviewed snapshot, and
//! a proptest that what a reporter reads of a worked case never holds an
//! internal event's input.

use std::fmt::Write;

use chrono::Duration;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::testkit::*;
use crate::{CaseState, Command, apply, can_view};

/// The readers of the table, each with a name saying how they stand to
/// the case: its reporter, someone else who may open it, and the roles
/// that work on it.
fn readers() -> Vec<(&'static str, Actor)> {
    vec![
        ("reporter", reporter()),
        ("other_reporter", other_reporter()),
        ("board_officer", board_officer()),
        ("lead_liaison", liaison_of(court())),
        ("coord_liaison", liaison_of(people_committee())),
        ("other_liaison", liaison_of(procuracy())),
        ("leader", leader()),
        ("admin", admin()),
    ]
}

/// Each event kind, and the three that may be shared once more, shared.
fn events() -> Vec<(String, ActionKind, Value)> {
    let mut rows: Vec<_> = ActionKind::ALL
        .iter()
        .map(|&a| (a.code().to_owned(), a, json!({})))
        .collect();
    for a in [
        ActionKind::Comment,
        ActionKind::Orient,
        ActionKind::AddOrientation,
    ] {
        rows.push((
            format!("{}+shared", a.code()),
            a,
            json!({ SHARE_WITH_REPORTER: true }),
        ));
    }
    rows
}

/// The event a file belongs to, if any: its action and input.
type Cited = Option<(ActionKind, Value)>;

fn cell(sight: Sight) -> &'static str {
    match sight {
        Sight::Whole => "whole",
        Sight::StateChangeOnly => "state",
        Sight::Hidden => "-",
    }
}

/// Who reads each event and file (SPEC §10), one column per reader: part
/// of the one rules snapshot of `who_may_table`, so that a new action
/// shows its readers beside its who-may row in one reviewed diff.
pub(crate) fn the_event_reader_table() -> String {
    let case = case_in(CaseState::Oriented);
    let readers = readers();
    let mut table = format!("{:<23}", "event");
    for (name, actor) in &readers {
        assert!(
            can_view(actor, &case),
            "{name} must be able to open the case"
        );
        write!(table, " {name:<14}").unwrap();
    }
    table = table.trim_end().to_owned();
    for (label, action, payload) in events() {
        let mut line = format!("{label:<23}");
        for (_, actor) in &readers {
            let sight = event_sight(reader(actor, &case), action, &payload);
            write!(line, " {:<14}", cell(sight)).unwrap();
        }
        table.push('\n');
        table.push_str(line.trim_end());
    }
    let files: [(&str, bool, Cited); 5] = [
        ("file:by_reporter", true, None),
        ("file:of_file", true, Some((ActionKind::File, json!({})))),
        (
            "file:of_respond",
            false,
            Some((ActionKind::Respond, json!({}))),
        ),
        (
            "file:of_resolution",
            false,
            Some((ActionKind::ReportResolution, json!({}))),
        ),
        ("file:uncited", false, None),
    ];
    for (label, by_reporter, event) in files {
        let mut line = format!("{label:<23}");
        let audience = attachment_audience(by_reporter, event.as_ref().map(|(a, p)| (*a, p)));
        for (_, actor) in &readers {
            let read = reader(actor, &case).reads(audience);
            write!(line, " {:<14}", if read { "read" } else { "-" }).unwrap();
        }
        table.push('\n');
        table.push_str(line.trim_end());
    }
    table
}

#[test]
fn the_reporter_is_shown_the_triage_deadline_only() {
    assert_eq!(deadlines_read(Audience::Reporter), &[DeadlineKind::Triage]);
    assert_eq!(deadlines_read(Audience::Internal).len(), 3);
}

#[test]
fn every_internal_step_reads_as_in_progress_to_the_reporter() {
    use crate::ReporterState as R;
    for state in [
        CaseState::Assigned,
        CaseState::Responded,
        CaseState::Oriented,
        CaseState::Escalated,
    ] {
        assert_eq!(state.for_reporter(), R::InProgress);
    }
    assert_eq!(CaseState::Dismissed.for_reporter(), R::NotAccepted);
    assert_eq!(R::InProgress.label(crate::Lang::Vi), "Đang xử lý");
}

/// `command` with `mark` appended to each of its texts and the share flag
/// set where the command has one.
fn marked(mut command: Command, mark: &str, share: bool) -> Command {
    match &mut command {
        Command::RequestInfo { question: t }
        | Command::Dismiss { reason: t }
        | Command::Respond { answer: t, .. }
        | Command::Conclude { conclusion: t, .. }
        | Command::ReportResolution { summary: t, .. }
        | Command::PublishResult { text: t }
        | Command::Close { remark: t }
        | Command::Reopen { reason: t }
        | Command::ProgressUpdate { text: t }
        | Command::LogMeeting { minutes: t, .. }
        | Command::Supplement { text: Some(t), .. }
        | Command::Reassign { reason: t, .. }
        | Command::Reassess { reason: t, .. }
        | Command::Forward { reason: t, .. } => t.push_str(mark),
        Command::Escalate { opinions } => {
            for o in opinions {
                o.opinion.push_str(mark);
            }
        }
        Command::Comment {
            text,
            share_with_reporter,
        } => {
            text.push_str(mark);
            *share_with_reporter = share;
        }
        Command::Orient(o) | Command::AddOrientation(o) => {
            o.messages.push_str(mark);
            o.audience.push_str(mark);
            o.share_with_reporter = share;
        }
        _ => {}
    }
    command
}

/// What a reader of `audience` reads of an event, as text.
fn read(audience: Audience, event: &crate::Event) -> String {
    match event_sight(audience, event.action, &event.payload) {
        Sight::Whole => format!("{} {} {}", event.action, event.to, event.payload),
        Sight::StateChangeOnly => format!("{} {}", event.action, event.to),
        Sight::Hidden => String::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_reporter_never_reads_an_internal_input(
        steps in prop::collection::vec((0usize..6, 0usize..18, any::<bool>()), 1..40),
    ) {
        let actors = [board_officer(), liaison_of(court()), leader(), reporter(),
            liaison_of(people_committee()), board_officer()];
        let kinds: Vec<ActionKind> =
            ActionKind::ALL.iter().copied().filter(|a| *a != ActionKind::File).collect();
        let policy = policy();
        let mut case = filed();
        let mut when = now();
        let mut timeline = Vec::new();
        for (i, (a, k, share)) in steps.into_iter().enumerate() {
            let actor = &actors[a];
            let kind = kinds[k % kinds.len()];
            let mark = format!("«m{i}»");
            let command = marked(valid_command(kind).unwrap(), &mark, share);
            when += Duration::hours(3);
            if let Ok(outcome) = apply(&case, actor, command, when, &policy) {
                case = outcome.case;
                timeline.extend(outcome.events.into_iter().map(|e| (mark.clone(), e)));
            }
        }
        let reporter_reads: String = timeline
            .iter()
            .map(|(_, e)| read(reader(&reporter(), &case), e))
            .collect();
        for (mark, event) in &timeline {
            let internal = event_audience(event.action, &event.payload) == Audience::Internal;
            let in_input = event.payload.to_string().contains(mark.as_str());
            if internal && in_input {
                prop_assert!(!reporter_reads.contains(mark.as_str()),
                    "the reporter reads {}'s input {}", event.action, mark);
            }
            // The board reads every event whole.
            prop_assert_eq!(
                event_sight(reader(&board_officer(), &case), event.action, &event.payload),
                Sight::Whole
            );
        }
    }
}

#[test]
fn every_notice_to_the_reporter_is_written_for_the_reporter() {
    use crate::{Recipients, Role};
    let mut seen = 0;
    for &state in CaseState::ALL {
        let case = case_in(state);
        for &action in ActionKind::ALL {
            let Some(command) = valid_command(action) else {
                continue;
            };
            for &role in Role::ALL {
                let actor = canonical_actor(role);
                let Ok(outcome) = apply(&case, &actor, command.clone(), now(), &policy()) else {
                    continue;
                };
                for notice in &outcome.notices {
                    let to_reporter = notice.recipients
                        == Recipients::User {
                            user: case.reporter,
                        };
                    if to_reporter {
                        seen += 1;
                        assert_eq!(notice.kind.audience(), Audience::Reporter, "{action}");
                        let quoted = outcome.events.last().unwrap();
                        assert_eq!(
                            event_audience(quoted.action, &quoted.payload),
                            Audience::Reporter,
                            "{action} tells the reporter an internal input"
                        );
                    }
                }
            }
        }
    }
    assert!(
        seen >= 2,
        "the question and the published result reach the reporter"
    );
}
