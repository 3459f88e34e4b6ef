//! Who may do what where (SPEC §1–§3.3), and who may see a case.

use crate::{ActionKind, Actor, Case, Refusal};

/// Whether `actor` may open `case` at all. A `sensitive` case is visible only
/// to the board, leaders, the lead and coordinating units and its reporter;
/// to anyone else it does not exist.
pub fn can_view(actor: &Actor, case: &Case) -> bool {
    let _ = (actor, case);
    todo!("helper")
}

/// The actions `actor` may carry out on `case` now, judged on role, unit,
/// jurisdiction and state (not on input).
pub fn allowed_actions(actor: &Actor, case: &Case) -> Vec<ActionKind> {
    let _ = (actor, case);
    todo!("helper")
}

/// Checks role, unit, jurisdiction and state for `action` on `case`.
pub(crate) fn check(actor: &Actor, case: &Case, action: ActionKind) -> Result<(), Refusal> {
    let _ = (actor, case, action);
    todo!("helper")
}
