//! Listing and searching cases (SPEC §6.2, §6.4): the filters, the
//! caller's visibility translated from `workflow::visibility` into SQL, and
//! keyset pagination on `(created_at, id)`, newest first, which stays
//! stable while new cases are filed.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, IdenStatic, Iterable, Order, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use workflow::{
    Actor, Case, CaseState, DeadlineKind, INTERNAL_FILTERS, Priority, Refusal, ReporterState,
    Sensitivity,
};

use super::row::{Stored, case_of, stored, to_cases};
use super::search::{Terms, ranked};
use super::visible::{in_areas, involving, visible_in};
use crate::auth::Asker;
use crate::entities::case;
use crate::org_cache::Org;
use crate::reads::Reads;
use crate::{Store, StoreError};

/// The most cases one page holds.
pub const MAX_LIMIT: u64 = 100;

/// The filters of `GET /cases`; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this state.
    pub state: Option<CaseState>,
    /// Only the states that read as this one to a reporter (SPEC §10).
    pub reporter_state: Option<ReporterState>,
    /// Only this category code.
    pub category: Option<String>,
    /// Only this area code and every area below it.
    pub area: Option<String>,
    /// Only this sensitivity.
    pub sensitivity: Option<Sensitivity>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// Only cases led by this unit code.
    pub lead_unit: Option<String>,
    /// Only cases past a running deadline.
    pub overdue: bool,
    /// Only the caller's own: filed by them or led by their unit.
    pub mine: bool,
    /// Only cases the caller's unit leads or coordinates (an agency's
    /// inbox).
    pub involved: bool,
    /// Oldest first instead of newest first (a triage queue); a search
    /// is ranked either way.
    pub oldest_first: bool,
    /// Words that must all occur in the code, title or description,
    /// ignoring case and diacritics, the last one as a prefix; the results
    /// are then ranked.
    pub q: Option<String>,
    /// Where the previous page ended.
    pub cursor: Option<Cursor>,
    /// Page size, 1 to [`MAX_LIMIT`].
    pub limit: u64,
}

/// A position in the list: the last case of a page. Without search words
/// the list is newest first; with them it is ranked (see [`Cursor::Ranked`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// The list without search words, ordered by `(created_at, id)`
    /// descending; text form `<nanoseconds>_<id>`.
    Recent {
        /// Its filing time.
        created_at: DateTime<Utc>,
        /// Its id.
        id: i64,
    },
    /// Search results: tier 1 (every word in the code or title) before
    /// tier 2 (the others), each by id descending; text form
    /// `r<tier>_<id>`. Neither depends on other cases, so a case filed
    /// meanwhile never moves the ones already paged through.
    Ranked {
        /// 1 or 2.
        tier: u8,
        /// Its id.
        id: i64,
    },
}

impl Cursor {
    /// The opaque text form clients pass back.
    pub fn encode(&self) -> String {
        match self {
            Cursor::Recent { created_at, id } => {
                let nanos = created_at.timestamp_nanos_opt().unwrap_or(0);
                format!("{nanos}_{id}")
            }
            Cursor::Ranked { tier, id } => format!("r{tier}_{id}"),
        }
    }

    /// Parses [`Cursor::encode`]'s forms.
    pub fn decode(text: &str) -> Option<Cursor> {
        let (head, id) = text.split_once('_')?;
        let id = id.parse().ok()?;
        match head.strip_prefix('r') {
            Some(tier) => {
                let tier = tier.parse().ok().filter(|t| (1..=2).contains(t))?;
                Some(Cursor::Ranked { tier, id })
            }
            None => Some(Cursor::Recent {
                created_at: Utc.timestamp_nanos(head.parse().ok()?),
                id,
            }),
        }
    }
}

/// One page of cases and where the next begins.
#[derive(Debug, Clone)]
pub struct CasePage {
    /// The caller, as the rules see them (for `allowed_actions`).
    pub actor: Actor,
    /// The cases, newest first.
    pub cases: Vec<Case>,
    /// The cursor of the next page, if there is one.
    pub next: Option<Cursor>,
}

impl Store {
    /// The cases `user` may see that match `filter`: newest first, or
    /// ranked when `filter.q` holds words (see [`Cursor::Ranked`]). A `q`
    /// longer than [`workflow::check_search`] allows is refused.
    pub async fn list_cases(
        &self,
        asker: impl Into<Asker>,
        filter: &CaseFilter,
        now: DateTime<Utc>,
    ) -> Result<CasePage, StoreError> {
        let asker = asker.into();
        let org = self.org_for(&asker, &self.read).await?;
        let actor = org.actor(&self.read, asker.user, now).await?;
        internal_filters_allowed(&actor, filter)?;
        let within = match &filter.area {
            Some(code) => Some(org.subtree(org.area_by_code(code, "area")?.id)),
            None => None,
        };
        let seen = workflow::visibility(&actor);
        let query = listed()
            .filter(visible_in(&org, &seen, within)?)
            .filter(filters(&org, &actor, filter, within, now)?);
        let limit = filter.limit.clamp(1, MAX_LIMIT);
        let terms = filter.q.as_deref().map(Terms::of_search).transpose()?;
        let terms = terms.unwrap_or_default();
        let (cases, next) = if terms.is_empty() {
            let (rows, next) =
                recent(&self.read, query, filter.cursor, limit, filter.oldest_first).await?;
            let cases = (rows.iter())
                .map(|(row, units)| case_of(&org, row, Some(units), now))
                .collect::<Result<_, _>>()?;
            (cases, next)
        } else {
            let (rows, next) = ranked(
                &self.read,
                query,
                &terms,
                filter.cursor,
                limit,
                &self.search,
            )
            .await?;
            (to_cases(&self.read, &org, &rows, now).await?, next)
        };
        Ok(CasePage { actor, cases, next })
    }
}

/// Cases as pages show them: every column but the folded search text,
/// which no page shows and which is half of a row's bytes, so that SQLite
/// neither copies nor the reader decodes it for each row listed; the
/// model's two search fields are left empty.
fn listed() -> Select<case::Entity> {
    case::Entity::find()
        .select_only()
        .columns(case::Column::iter().filter(|column| {
            !matches!(column, case::Column::SearchText | case::Column::SearchTitle)
        }))
        .expr_as(Expr::val(""), case::Column::SearchText.as_str())
        .expr_as(Expr::val(""), case::Column::SearchTitle.as_str())
}

/// One page newest first (or oldest first), keyset on `(created_at, id)`,
/// each case with its coordinating units.
async fn recent(
    conn: &impl Reads,
    mut query: Select<case::Entity>,
    cursor: Option<Cursor>,
    limit: u64,
    oldest_first: bool,
) -> Result<(Vec<Stored>, Option<Cursor>), StoreError> {
    match cursor {
        None => {}
        Some(Cursor::Recent { created_at, id }) => {
            // Past the cursor in the list's order.
            let (time, id) = if oldest_first {
                (
                    case::Column::CreatedAt.gt(created_at),
                    case::Column::Id.gt(id),
                )
            } else {
                (
                    case::Column::CreatedAt.lt(created_at),
                    case::Column::Id.lt(id),
                )
            };
            query = query.filter(
                Condition::any().add(time).add(
                    Condition::all()
                        .add(case::Column::CreatedAt.eq(created_at))
                        .add(id),
                ),
            );
        }
        Some(Cursor::Ranked { .. }) => return Err(foreign_cursor()),
    }
    let order = if oldest_first {
        Order::Asc
    } else {
        Order::Desc
    };
    let query = query
        .order_by(case::Column::CreatedAt, order.clone())
        .order_by(case::Column::Id, order)
        .limit(limit + 1);
    let mut rows = stored(conn, query).await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next = more.then(|| {
        let (last, _) = rows.last().expect("a full page");
        Cursor::Recent {
            created_at: last.created_at,
            id: last.id,
        }
    });
    Ok((rows, next))
}

/// The error for a cursor of the other kind of list (search or not).
pub(super) fn foreign_cursor() -> StoreError {
    StoreError::Invalid {
        field: "cursor",
        reason: crate::Invalid::ForeignCursor,
    }
}

/// The filters of the request; `within` holds the ids of the `area`
/// filter's subtree.
/// Refuses a filter on an internal fact from a caller who may not use one
/// (`workflow::filters_on_internal_facts`), naming it, before anything is
/// read.
fn internal_filters_allowed(actor: &Actor, filter: &CaseFilter) -> Result<(), StoreError> {
    if workflow::filters_on_internal_facts(actor.role) {
        return Ok(());
    }
    let used = [
        filter.state.is_some(),
        filter.sensitivity.is_some(),
        filter.priority.is_some(),
        filter.overdue,
    ];
    match INTERNAL_FILTERS.iter().zip(used).find(|(_, used)| *used) {
        Some((field, _)) => Err(StoreError::Refused(Refusal::InvalidInput { field })),
        None => Ok(()),
    }
}

fn filters(
    org: &Org,
    actor: &Actor,
    filter: &CaseFilter,
    within: Option<&[i64]>,
    now: DateTime<Utc>,
) -> Result<Condition, StoreError> {
    let mut all = Condition::all();
    if let Some(state) = filter.state {
        all = all.add(case::Column::State.eq(state.code()));
    }
    if let Some(seen) = filter.reporter_state {
        all = all.add(case::Column::State.is_in(seen.states().iter().map(|s| s.code())));
    }
    if let Some(category) = &filter.category {
        all = all.add(case::Column::Category.eq(category.trim()));
    }
    if let Some(ids) = within {
        all = all.add(in_areas(org, ids));
    }
    if let Some(sensitivity) = filter.sensitivity {
        all = all.add(case::Column::Sensitivity.eq(sensitivity.code()));
    }
    if let Some(priority) = filter.priority {
        all = all.add(case::Column::Priority.eq(priority.code()));
    }
    if let Some(code) = &filter.lead_unit {
        let lead = org.unit_by_code(code, "lead_unit", now)?;
        all = all.add(case::Column::LeadUnitId.eq(lead.id.0));
    }
    if filter.overdue {
        all = all.add(overdue(now));
    }
    if filter.mine {
        all = all.add(
            Condition::any()
                .add(case::Column::ReporterId.eq(actor.user.0))
                .add(case::Column::LeadUnitId.eq(actor.unit.id.0)),
        );
    }
    if filter.involved {
        all = all.add(involving(actor.unit.id.0));
    }
    Ok(all)
}

/// Past a deadline that runs in the case's state, by the table of
/// `workflow` ([`DeadlineKind::running_in`]).
fn overdue(now: DateTime<Utc>) -> Condition {
    let mut any = Condition::any().add(Expr::cust("1 = 0"));
    for state in CaseState::ALL {
        let kinds = DeadlineKind::running_in(*state);
        if kinds.is_empty() {
            continue;
        }
        let mut passed = Condition::any();
        for kind in kinds {
            let column = match kind {
                DeadlineKind::Triage => case::Column::TriageDue,
                DeadlineKind::Answer => case::Column::AnswerDue,
                DeadlineKind::Resolution => case::Column::ResolutionDue,
            };
            passed = passed.add(column.lt(now));
        }
        any = any.add(
            Condition::all()
                .add(case::Column::State.eq(state.code()))
                .add(passed),
        );
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_its_text_form() {
        let cursor = Cursor::Recent {
            created_at: Utc.timestamp_nanos(1_780_000_000_123_456_789),
            id: 42,
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        let ranked = Cursor::Ranked { tier: 2, id: 7 };
        assert_eq!(ranked.encode(), "r2_7");
        assert_eq!(Cursor::decode("r2_7"), Some(ranked));
        assert_eq!(Cursor::decode("x_1"), None);
        assert_eq!(Cursor::decode("r3_1"), None);
    }
}
