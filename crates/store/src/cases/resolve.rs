//! Turning the codes an action's input names (units, a merge target,
//! attachments) into the references the workflow decides on.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use workflow::{ActionKind, Actor, Case, Command, MergeTarget};

use super::ActionInput;
use super::row::{find, to_case};
use crate::StoreError;
use crate::entities::attachment;
use crate::org::unknown;
use crate::org_cache::Org;

/// Turns the codes of an input into the references the workflow decides on.
pub(super) async fn resolve(
    conn: &impl ConnectionTrait,
    org: &Org,
    actor: &Actor,
    case: &Case,
    input: ActionInput,
    now: DateTime<Utc>,
) -> Result<Command, StoreError> {
    let mut units = HashMap::new();
    for (field, code) in input.units() {
        if !units.contains_key(code) {
            units.insert(code.clone(), org.unit_by_code(code, field, now)?);
        }
    }
    let target = match input.target() {
        Some(code) => Some(merge_target(conn, org, actor, code, now).await?),
        None => None,
    };
    check_attachments(conn, case, input.files(), input.kind()).await?;
    input.resolve(
        |field, code| {
            units
                .get(&code)
                .cloned()
                .ok_or_else(|| unknown(field, &code))
        },
        |code| target.ok_or_else(|| unknown("target", &code)),
    )
}

/// The open case named as a merge target, if the actor may see it.
async fn merge_target(
    conn: &impl ConnectionTrait,
    org: &Org,
    actor: &Actor,
    code: &str,
    now: DateTime<Utc>,
) -> Result<MergeTarget, StoreError> {
    let row = find(conn, code)
        .await
        .map_err(|_| unknown("target", code))?;
    let target = to_case(conn, org, &row, now).await?;
    if !workflow::can_view(actor, &target) {
        return Err(unknown("target", code));
    }
    Ok(MergeTarget {
        id: target.id,
        code: target.code,
        state: target.state,
        area: target.area,
    })
}

/// Every id must be an attachment of this case not yet tied to an event.
async fn check_attachments(
    conn: &impl ConnectionTrait,
    case: &Case,
    ids: &[i64],
    action: ActionKind,
) -> Result<(), StoreError> {
    let field = action.files_field().unwrap_or("documents");
    for id in ids {
        let ok = attachment::Entity::find_by_id(*id)
            .one(conn)
            .await?
            .is_some_and(|a| a.case_id == case.id.0 && a.event_id.is_none());
        if !ok {
            return Err(unknown(field, &id.to_string()));
        }
    }
    Ok(())
}
