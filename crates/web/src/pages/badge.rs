//! The style of a state's badge: one colour per `workflow::StateGroup`
//! (the grouping is a workflow rule; the colour is the page's).

use workflow::StateGroup;

/// The CSS class of a state badge of `group` (app.css `.badge.st-…`).
pub(crate) fn state_class(group: StateGroup) -> &'static str {
    match group {
        StateGroup::Board => "st-board",
        StateGroup::Agency => "st-agency",
        StateGroup::Leader => "st-leader",
        StateGroup::Finished => "st-finished",
        StateGroup::SetAside => "st-set-aside",
    }
}
