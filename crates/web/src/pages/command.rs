//! An action's form on the case page and the posted form read back into
//! the input the API takes (`workflow::Command` with units and cases by
//! code), both from the one table of `ActionKind::form`: the same JSON
//! names as SPEC §3.3, repeated fields as lists, local times in the
//! configured zone. Blank choices are refused here as missing; everything
//! else is judged by `workflow` in the store's transaction.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};
use store::{ActionInput, FileRequest, StoreError};
use workflow::{ActionKind, Choices, InputField, Lang, Refusal, Widget};

use super::form::Fields;
use super::report::Opt;
use crate::AppError;
use catalogue::Tr;

/// How a field of a form is drawn.
pub(crate) enum Input {
    /// A text area.
    Area,
    /// One line of the given `<input type>`.
    Line(&'static str),
    /// One of a list.
    Pick(Vec<Opt>),
    /// Any of a list.
    Checks(Vec<Opt>),
    /// A box to tick, with its hint.
    Flag(&'static str),
    /// Rows of a unit of the list and its opinion (`{name}_unit` and
    /// `{name}`, repeated).
    Opinions(Vec<Opt>),
}

/// How many rows of opinions an escalation's form offers: two are needed,
/// a third body may disagree too.
pub(crate) const OPINION_ROWS: usize = 3;

/// One field of an action's form.
pub(crate) struct FormField {
    /// Its JSON name, which the form posts.
    pub name: &'static str,
    /// What the person reads.
    pub label: &'static str,
    /// How it is drawn.
    pub input: Input,
}

/// The fields of `action`'s form, in the order of `ActionKind::form`;
/// `options` gives the list of a choice.
pub(crate) fn form_fields(
    action: ActionKind,
    lang: Lang,
    options: impl Fn(Choices) -> Vec<Opt>,
) -> Vec<FormField> {
    action
        .form()
        .iter()
        .map(|&field| FormField {
            name: field.name(),
            label: field.label(lang),
            input: match field.widget() {
                Widget::Text | Widget::OptText => Input::Area,
                Widget::Line | Widget::Code => Input::Line("text"),
                Widget::Time | Widget::OptTime => Input::Line("datetime-local"),
                Widget::Date => Input::Line("date"),
                Widget::OptNumber => Input::Line("number"),
                Widget::Pick(choices) | Widget::OptPick(choices) => Input::Pick(options(choices)),
                Widget::Checks(choices) => Input::Checks(options(choices)),
                Widget::Flag => Input::Flag(hint(field, Tr(lang))),
                Widget::Opinions(choices) => Input::Opinions(options(choices)),
            },
        })
        .collect()
}

/// What a box to tick means when left empty.
fn hint(field: InputField, t: Tr) -> &'static str {
    match field {
        InputField::ShareWithReporter => t.share_hint(),
        _ => "",
    }
}

fn refused(refusal: Refusal) -> AppError {
    AppError::Store(StoreError::Refused(refusal))
}

/// The action posted by a case page's form.
pub(crate) fn command(action: ActionKind, form: &Fields, tz: Tz) -> Result<ActionInput, AppError> {
    // Filing has its own page: its fields are no action on a case.
    let fields = if action == ActionKind::File {
        &[][..]
    } else {
        action.form()
    };
    let mut map = posted(fields, form, tz)?;
    map.insert("action".into(), json!(action.code()));
    crate::json::from_value(Value::Object(map))
}

/// The report posted by the filing page's form.
pub(crate) fn filing(form: &Fields, tz: Tz) -> Result<FileRequest, AppError> {
    crate::json::from_value(Value::Object(posted(ActionKind::File.form(), form, tz)?))
}

/// The posted `fields` by their JSON names, read as their widgets say.
fn posted(fields: &[InputField], form: &Fields, tz: Tz) -> Result<Map<String, Value>, AppError> {
    let mut map = Map::new();
    for field in fields {
        let name = field.name();
        let text = form.get(name).trim();
        let missing = || refused(Refusal::MissingInput { field: name });
        let invalid = || refused(Refusal::InvalidInput { field: name });
        let value = match field.widget() {
            Widget::Text | Widget::Line => Some(json!(form.get(name))),
            Widget::OptText => (!text.is_empty()).then(|| json!(text)),
            Widget::Code | Widget::Pick(_) | Widget::Date | Widget::Time if text.is_empty() => {
                return Err(missing());
            }
            Widget::OptPick(_) | Widget::OptTime | Widget::OptNumber if text.is_empty() => None,
            // A meeting is named by its number.
            Widget::OptPick(Choices::Meeting) => {
                Some(json!(text.parse::<i64>().map_err(|_| invalid())?))
            }
            Widget::Pick(choices) | Widget::OptPick(choices) => {
                if choices.label_of(text, Lang::Vi) == Some(None) {
                    return Err(invalid());
                }
                Some(json!(text))
            }
            Widget::Code | Widget::Date => Some(json!(text)),
            Widget::Checks(_) => Some(json!(form.all(name))),
            Widget::Time | Widget::OptTime => Some(local(text, tz).ok_or_else(invalid)?),
            Widget::OptNumber => Some(json!(text.parse::<i64>().map_err(|_| invalid())?)),
            Widget::Flag => (!text.is_empty()).then_some(json!(true)),
            Widget::Opinions(_) => Some(opinions(name, form)?),
        };
        if let Some(value) = value {
            map.insert(name.into(), value);
        }
    }
    Ok(map)
}

/// The rows of an opinions field as `[{unit, opinion}]`: a row left
/// blank is skipped, an opinion without its unit is missing; how many
/// units are needed is for the rules to say.
fn opinions(name: &'static str, form: &Fields) -> Result<Value, AppError> {
    let units = form.rows(&format!("{name}_unit"));
    let texts = form.rows(name);
    let mut rows = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let unit = units.get(i).map_or("", |u| u.trim());
        if unit.is_empty() && text.trim().is_empty() {
            continue;
        }
        if unit.is_empty() {
            return Err(refused(Refusal::MissingInput { field: name }));
        }
        rows.push(json!({"unit": unit, "opinion": text}));
    }
    Ok(Value::Array(rows))
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
    fn an_escalation_form_becomes_a_list_of_opinions_without_its_blank_rows() {
        let input = command(
            ActionKind::Escalate,
            &form("opinions_unit=UBND-HN&opinions=Gi%E1%BB%AF&opinions_unit=&opinions=&opinions_unit=VKSND-HN&opinions=Ch%E1%BB%9D"),
            chrono_tz::Asia::Ho_Chi_Minh,
        )
        .unwrap();
        let Command::Escalate { opinions } = input else {
            panic!("{input:?}")
        };
        let rows: Vec<(&str, &str)> = opinions
            .iter()
            .map(|o| (o.unit.as_str(), o.opinion.as_str()))
            .collect();
        assert_eq!(rows, [("UBND-HN", "Giữ"), ("VKSND-HN", "Chờ")]);
        let orphan = command(
            ActionKind::Escalate,
            &form("opinions_unit=&opinions=Gi%E1%BB%AF"),
            chrono_tz::Asia::Ho_Chi_Minh,
        )
        .unwrap_err();
        assert!(matches!(
            orphan,
            AppError::Store(StoreError::Refused(Refusal::MissingInput {
                field: "opinions"
            }))
        ));
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
