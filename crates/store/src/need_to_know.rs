//! SPEC §10 applied where a case's content leaves the store: the timeline
//! and the attachments a reader gets are cut to their audience here, by
//! the rules of `workflow::audience`, so that the API, the pages and every
//! later reader get the same cut and none can forget it.

use std::collections::HashMap;

use serde_json::{Value, json};
use workflow::{ActionKind, Audience, Case, CaseState, Sight};

use crate::StoreError;
use crate::attachments::ATTACHMENT_ADDED;
use crate::entities::{attachment, case_event};
use crate::reads::{ReadSelect, Reads};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The action and input of the events files belong to, by event id.
type Inputs = HashMap<i64, (ActionKind, Value)>;

fn input_of(row: &case_event::Model) -> Option<(ActionKind, Value)> {
    let action = ActionKind::from_code(&row.action)?;
    Some((
        action,
        serde_json::from_str(&row.payload).unwrap_or(Value::Null),
    ))
}

/// The audience of one attachment of `case`.
fn file_audience(case: &Case, file: &attachment::Model, inputs: &Inputs) -> Audience {
    let event = file
        .event_id
        .and_then(|id| inputs.get(&id))
        .map(|(action, payload)| (*action, payload));
    // A file cited by an event this store does not know (none today) is
    // treated as uncited: internal unless the reporter uploaded it.
    workflow::attachment_audience(file.uploaded_by == case.reporter.0, event)
}

/// A state code in the reader's terms: the reporter reads §10's
/// `reporter_state`, everyone else the state itself.
pub(crate) fn state_code(reader: Audience, code: &str) -> String {
    match (reader, CaseState::from_code(code)) {
        (Audience::Reporter, Some(state)) => state.for_reporter().code().to_owned(),
        _ => code.to_owned(),
    }
}

/// The timeline `rows` of `case` as a reader of `reader` may read it:
/// events of another audience left out, or cut to their state change; an
/// `attachment_added` entry only with its file; states in the reader's
/// terms. `files` are the case's attachments.
pub(crate) fn timeline_read(
    case: &Case,
    reader: Audience,
    rows: Vec<case_event::Model>,
    files: &[attachment::Model],
) -> Vec<case_event::Model> {
    if reader == Audience::Internal {
        return rows;
    }
    let inputs: Inputs = rows
        .iter()
        .filter_map(|r| input_of(r).map(|input| (r.id, input)))
        .collect();
    let readable: HashMap<i64, bool> = files
        .iter()
        .map(|f| (f.id, reader.reads(file_audience(case, f, &inputs))))
        .collect();
    rows.into_iter()
        .filter_map(|mut row| {
            let sight = if row.action == ATTACHMENT_ADDED {
                let file = serde_json::from_str::<Value>(&row.payload)
                    .ok()
                    .and_then(|p| p.get("attachment").and_then(Value::as_i64));
                match file.and_then(|id| readable.get(&id)) {
                    Some(true) => Sight::Whole,
                    _ => Sight::Hidden,
                }
            } else {
                match inputs.get(&row.id) {
                    Some((action, payload)) => workflow::event_sight(reader, *action, payload),
                    // An entry no rule names is not shown to a reader
                    // outside: need-to-know fails closed.
                    None => Sight::Hidden,
                }
            };
            match sight {
                Sight::Hidden => return None,
                Sight::StateChangeOnly => row.payload = json!({}).to_string(),
                Sight::Whole => {}
            }
            row.from_state = row.from_state.map(|s| state_code(reader, &s));
            row.to_state = state_code(reader, &row.to_state);
            Some(row)
        })
        .collect()
}

/// The attachments of `case` (`files`) a reader of `reader` may read,
/// looking up the events they belong to.
pub(crate) async fn files_read(
    conn: &impl Reads,
    case: &Case,
    reader: Audience,
    files: Vec<attachment::Model>,
) -> Result<Vec<attachment::Model>, StoreError> {
    if reader == Audience::Internal {
        return Ok(files);
    }
    let cited: Vec<i64> = files.iter().filter_map(|f| f.event_id).collect();
    let inputs: Inputs = if cited.is_empty() {
        HashMap::new()
    } else {
        case_event::Entity::find()
            .filter(case_event::Column::Id.is_in(cited))
            .read_all(conn)
            .await?
            .iter()
            .filter_map(|r| input_of(r).map(|input| (r.id, input)))
            .collect()
    };
    Ok(files
        .into_iter()
        .filter(|f| reader.reads(file_audience(case, f, &inputs)))
        .collect())
}
