//! An action form's fields into the action input the API takes
//! (`workflow::Command` with units and cases by code): the same JSON names
//! as SPEC §3.3, repeated fields as lists, local times in the configured
//! zone. Blank choices are refused here as missing; everything else is
//! judged by `workflow` in the store's transaction.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};
use store::{ActionInput, StoreError};
use workflow::{ActionKind, Refusal, SHARE_WITH_REPORTER};

use super::form::Fields;
use crate::AppError;

/// How a field is read.
#[derive(Clone, Copy)]
enum Kind {
    /// Text as typed; blank is for the rules to refuse.
    Text,
    /// Text that may be left out.
    OptText,
    /// A code chosen from a list; blank is missing.
    Choice,
    /// Every checked or selected value.
    List,
    /// A date and time in the local zone; blank is missing.
    Time,
    /// A date and time in the local zone that may be left out.
    OptTime,
    /// A date (`YYYY-MM-DD`); blank is missing.
    Date,
    /// A checkbox: `true` when ticked, left out (false) when not.
    Flag,
}

/// The fields of each action's form, by their JSON names.
fn fields(action: ActionKind) -> &'static [(&'static str, Kind)] {
    use Kind::*;
    match action {
        ActionKind::File => &[],
        ActionKind::RequestInfo => &[("question", Text)],
        ActionKind::Supplement => &[("text", OptText)],
        ActionKind::Dismiss => &[("reason", Text)],
        ActionKind::Merge => &[("target", Choice)],
        ActionKind::Accept => &[
            ("sensitivity", Choice),
            ("priority", Choice),
            ("lead_unit", Choice),
            ("coordinating_units", List),
            ("answer_due", OptTime),
        ],
        ActionKind::Respond => &[("answer", Text)],
        ActionKind::Orient | ActionKind::AddOrientation => &[
            ("messages", Text),
            ("channels", List),
            ("audience", Text),
            (SHARE_WITH_REPORTER, Flag),
        ],
        ActionKind::Escalate => &[("opinions", Text)],
        ActionKind::Conclude => &[("conclusion", Text)],
        ActionKind::ReportResolution => &[("summary", Text)],
        ActionKind::Comment => &[("text", Text), (SHARE_WITH_REPORTER, Flag)],
        ActionKind::PublishResult | ActionKind::ProgressUpdate => &[("text", Text)],
        ActionKind::Close => &[("remark", Text)],
        ActionKind::Reopen => &[("reason", Text)],
        ActionKind::LogMeeting => &[
            ("held_at", Time),
            ("chair_unit", Choice),
            ("attendees", List),
            ("minutes", Text),
        ],
        ActionKind::SetTrialDate => &[("trial_date", Date)],
    }
}

fn refused(refusal: Refusal) -> AppError {
    AppError::Store(StoreError::Refused(refusal))
}

/// The action posted by a case page's form.
pub(crate) fn command(action: ActionKind, form: &Fields, tz: Tz) -> Result<ActionInput, AppError> {
    let mut map = Map::new();
    map.insert("action".into(), json!(action.code()));
    for &(name, kind) in fields(action) {
        let text = form.get(name).trim();
        let value = match kind {
            Kind::Text => Some(json!(form.get(name))),
            Kind::OptText => (!text.is_empty()).then(|| json!(text)),
            Kind::Choice | Kind::Date if text.is_empty() => {
                return Err(refused(Refusal::MissingInput { field: name }));
            }
            Kind::Choice | Kind::Date => Some(json!(text)),
            Kind::List => Some(json!(form.all(name))),
            Kind::Time if text.is_empty() => {
                return Err(refused(Refusal::MissingInput { field: name }));
            }
            Kind::Time | Kind::OptTime if text.is_empty() => None,
            Kind::Time | Kind::OptTime => Some(
                local(text, tz).ok_or_else(|| refused(Refusal::InvalidInput { field: name }))?,
            ),
            Kind::Flag => (!text.is_empty()).then_some(json!(true)),
        };
        if let Some(value) = value {
            map.insert(name.into(), value);
        }
    }
    crate::json::from_value(Value::Object(map))
}

/// `2026-11-23T09:30` (what `<input type=datetime-local>` sends) in `tz`,
/// as RFC 3339.
fn local(text: &str, tz: Tz) -> Option<Value> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let at = tz.from_local_datetime(&naive).earliest()?;
    Some(json!(at.to_rfc3339()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use workflow::{Command, Priority, Sensitivity};

    fn form(body: &'static str) -> Fields {
        Fields::parse(Bytes::from_static(body.as_bytes()))
    }

    #[test]
    fn an_accept_form_becomes_the_api_input_with_every_checked_unit() {
        let input = command(
            ActionKind::Accept,
            &form("sensitivity=normal&priority=high&lead_unit=UBND-HN&coordinating_units=VKSND-HN&coordinating_units=TU-HN&answer_due="),
            chrono_tz::Asia::Ho_Chi_Minh,
        )
        .unwrap();
        assert_eq!(
            input,
            Command::Accept {
                sensitivity: Sensitivity::Normal,
                priority: Priority::High,
                lead_unit: "UBND-HN".to_owned(),
                coordinating_units: vec!["VKSND-HN".to_owned(), "TU-HN".to_owned()],
                answer_due: None,
            }
        );
    }

    #[test]
    fn a_ticked_share_box_shares_a_comment_and_an_unticked_one_does_not() {
        let tz = chrono_tz::Asia::Ho_Chi_Minh;
        let shared = command(
            ActionKind::Comment,
            &form("text=t&share_with_reporter=true"),
            tz,
        );
        let kept = command(ActionKind::Comment, &form("text=t"), tz);
        assert_eq!(
            (shared.unwrap(), kept.unwrap()),
            (
                Command::Comment {
                    text: "t".to_owned(),
                    share_with_reporter: true
                },
                Command::Comment {
                    text: "t".to_owned(),
                    share_with_reporter: false
                }
            )
        );
    }

    #[test]
    fn a_blank_choice_is_missing_and_a_local_time_is_read_in_the_zone() {
        let err = command(
            ActionKind::Accept,
            &form("sensitivity=&priority=high&lead_unit=X"),
            chrono_tz::Asia::Ho_Chi_Minh,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            AppError::Store(StoreError::Refused(Refusal::MissingInput {
                field: "sensitivity"
            }))
        ));
        let input = command(
            ActionKind::LogMeeting,
            &form("held_at=2026-11-23T09%3A30&chair_unit=UBND-HN&attendees=BTG-HN&minutes=m"),
            chrono_tz::Asia::Ho_Chi_Minh,
        )
        .unwrap();
        let Command::LogMeeting { held_at, .. } = input else {
            panic!("{input:?}")
        };
        assert_eq!(held_at.to_rfc3339(), "2026-11-23T02:30:00+00:00");
    }
}
