//! Information duties (SPEC §4): materialising the instances of the duty
//! schedules, the court's trial duties, and submission, acknowledgement and
//! waiver, and reading them as the caller may see them. Which status may follow which, and who may move it, is decided
//! by `workflow::duty_transition`.

mod files;
mod materialise;
mod moves;
mod read;
mod request;
mod trial;

pub use files::DutyFile;
pub(crate) use materialise::materialise;
pub use moves::{DutyAnswer, DutyOnce};
pub(crate) use read::codes;
pub use read::{DutyCursor, DutyFilter, DutyInfo, DutyPage, DutyUser};
pub use request::DutyRequestInput;
pub(crate) use trial::on_trial_date;
/// The moves on a duty are the workflow's.
pub use workflow::DutyMove;

/// The outbox kind of an ad-hoc request's first notice, sent at once to
/// the body asked (SPEC §13, §14 "first notices … go at once").
pub const DUTY_REQUESTED: &str = "duty_requested";

/// The kinds of duty instance (column `kind`): the codes of
/// `workflow::DutyKind`.
pub mod kind {
    /// A periodic duty of a schedule (quarterly by default).
    pub const PERIODIC: &str = "periodic";
    /// The court's information before a trial (§4.2).
    pub const BEFORE_TRIAL: &str = "before_trial";
    /// The court's information after a trial (§4.2).
    pub const AFTER_TRIAL: &str = "after_trial";
    /// Information a board officer asked for when needed (§13).
    pub const AD_HOC: &str = "ad_hoc";
}
