//! Why an opinion report, or a case from one of its items, is refused:
//! each fault names its field, and an item's its position ("Mục 2: …").

use thiserror::Error;

use crate::{Lang, Tr};

/// A refused opinion report or case from an item. Nothing was changed.
/// `Display` is the Vietnamese message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpinionRefusal {
    /// Only a collaborator serving today files opinion reports.
    #[error("{}", self.message(Lang::Vi))]
    NotACollaborator,
    /// The area is not one the collaborator covers.
    #[error("{}", self.message(Lang::Vi))]
    AreaNotCovered {
        /// The area's code.
        area: String,
    },
    /// No area given.
    #[error("{}", self.message(Lang::Vi))]
    MissingArea,
    /// Neither a period nor `quick`, or both.
    #[error("{}", self.message(Lang::Vi))]
    PeriodAndQuick,
    /// A period that is not a month `YYYY-MM`.
    #[error("{}", self.message(Lang::Vi))]
    BadPeriod {
        /// What was sent.
        text: String,
    },
    /// A month after the current one.
    #[error("{}", self.message(Lang::Vi))]
    PeriodInFuture,
    /// A report without items.
    #[error("{}", self.message(Lang::Vi))]
    NoItems,
    /// More items than one report holds.
    #[error("{}", self.message(Lang::Vi))]
    TooManyItems {
        /// The most.
        max: usize,
    },
    /// An item at fault.
    #[error("{}", self.message(Lang::Vi))]
    Item {
        /// Its position, from 1.
        position: usize,
        /// What is wrong with it.
        problem: ItemProblem,
    },
    /// The collaborator already sent the monthly report of this area and
    /// period (HTTP 409).
    #[error("{}", self.message(Lang::Vi))]
    DuplicateMonthly {
        /// The period's code.
        period: String,
        /// The area's name.
        area: String,
    },
    /// Only a board officer serving the report's area files a case from
    /// an item.
    #[error("{}", self.message(Lang::Vi))]
    NotBoardOfficer,
    /// The item was already made a case (HTTP 409).
    #[error("{}", self.message(Lang::Vi))]
    ItemAlreadyFiled {
        /// The case's code.
        case: String,
    },
}

/// What is wrong with one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemProblem {
    /// No category.
    MissingCategory,
    /// A category code that names no active category.
    UnknownCategory {
        /// The code.
        code: String,
    },
    /// A blank summary.
    BlankSummary,
    /// A summary too long.
    SummaryTooLong {
        /// The most characters.
        max: usize,
    },
    /// A mood outside the list.
    BadMood,
    /// A reach outside the list.
    BadReach,
    /// A source outside the list.
    BadSource,
    /// A negative (or absurd) number of people.
    BadPeopleAffected,
}

impl ItemProblem {
    /// The item's field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            ItemProblem::MissingCategory | ItemProblem::UnknownCategory { .. } => "category",
            ItemProblem::BlankSummary | ItemProblem::SummaryTooLong { .. } => "summary",
            ItemProblem::BadMood => "mood",
            ItemProblem::BadReach => "reach",
            ItemProblem::BadSource => "source",
            ItemProblem::BadPeopleAffected => "people_affected",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let t = Tr(lang);
        match self {
            ItemProblem::MissingCategory => t.opinion_refusal_choose_category().to_owned(),
            ItemProblem::UnknownCategory { code } => t.opinion_refusal_unknown_category(code),
            ItemProblem::BlankSummary => t.opinion_refusal_blank_summary().to_owned(),
            ItemProblem::SummaryTooLong { max } => t.opinion_refusal_summary_too_long(max),
            ItemProblem::BadMood => t.opinion_refusal_bad_mood().to_owned(),
            ItemProblem::BadReach => t.opinion_refusal_bad_reach().to_owned(),
            ItemProblem::BadSource => t.opinion_refusal_bad_source().to_owned(),
            ItemProblem::BadPeopleAffected => t.opinion_refusal_bad_people().to_owned(),
        }
    }
}

impl OpinionRefusal {
    /// A stable machine code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            OpinionRefusal::NotACollaborator => "not_a_collaborator",
            OpinionRefusal::AreaNotCovered { .. } => "area_not_covered",
            OpinionRefusal::MissingArea => "missing_input",
            OpinionRefusal::PeriodAndQuick
            | OpinionRefusal::BadPeriod { .. }
            | OpinionRefusal::PeriodInFuture
            | OpinionRefusal::TooManyItems { .. }
            | OpinionRefusal::Item { .. } => "invalid_input",
            OpinionRefusal::NoItems => "missing_input",
            OpinionRefusal::DuplicateMonthly { .. } => "duplicate_monthly_report",
            OpinionRefusal::NotBoardOfficer => "role_not_allowed",
            OpinionRefusal::ItemAlreadyFiled { .. } => "item_already_filed",
        }
    }

    /// The JSON field at fault (`items[2].summary` for the second item's).
    pub fn field(&self) -> Option<String> {
        match self {
            OpinionRefusal::MissingArea | OpinionRefusal::AreaNotCovered { .. } => {
                Some("area".to_owned())
            }
            OpinionRefusal::PeriodAndQuick
            | OpinionRefusal::BadPeriod { .. }
            | OpinionRefusal::PeriodInFuture
            | OpinionRefusal::DuplicateMonthly { .. } => Some("period".to_owned()),
            OpinionRefusal::NoItems | OpinionRefusal::TooManyItems { .. } => {
                Some("items".to_owned())
            }
            OpinionRefusal::Item { position, problem } => {
                Some(format!("items[{position}].{}", problem.field()))
            }
            OpinionRefusal::NotACollaborator
            | OpinionRefusal::NotBoardOfficer
            | OpinionRefusal::ItemAlreadyFiled { .. } => None,
        }
    }

    /// Whether it is about who asks (HTTP 403).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            OpinionRefusal::NotACollaborator
                | OpinionRefusal::AreaNotCovered { .. }
                | OpinionRefusal::NotBoardOfficer
        )
    }

    /// Whether it is about what was done before (HTTP 409).
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            OpinionRefusal::DuplicateMonthly { .. } | OpinionRefusal::ItemAlreadyFiled { .. }
        )
    }

    /// The message a user reads, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = Tr(lang);
        match self {
            OpinionRefusal::NotACollaborator => t.opinion_refusal_not_a_collaborator().to_owned(),
            OpinionRefusal::AreaNotCovered { area } => t.opinion_refusal_area_not_covered(area),
            OpinionRefusal::MissingArea => t.refusal_choose_area().to_owned(),
            OpinionRefusal::PeriodAndQuick => t.opinion_refusal_period_or_quick().to_owned(),
            OpinionRefusal::BadPeriod { text } => t.opinion_refusal_bad_period(text),
            OpinionRefusal::PeriodInFuture => t.opinion_refusal_period_in_future().to_owned(),
            OpinionRefusal::NoItems => t.opinion_refusal_no_items().to_owned(),
            OpinionRefusal::TooManyItems { max } => t.opinion_refusal_too_many_items(max),
            OpinionRefusal::Item { position, problem } => {
                t.opinion_refusal_item(position, problem.message(lang))
            }
            OpinionRefusal::DuplicateMonthly { period, area } => {
                t.opinion_refusal_duplicate_monthly(period, area)
            }
            OpinionRefusal::NotBoardOfficer => t.opinion_refusal_not_board_officer().to_owned(),
            OpinionRefusal::ItemAlreadyFiled { case } => t.opinion_refusal_item_filed(case),
        }
    }
}
