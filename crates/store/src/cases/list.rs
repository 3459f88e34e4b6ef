//! Listing and searching cases (SPEC §6.2, §6.4): the filters, the
//! caller's visibility translated from `workflow::visibility` into SQL, and
//! keyset pagination on `(created_at, id)`, newest first, which stays
//! stable while new cases are filed.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use workflow::{
    Actor, Case, CaseState, DeadlineKind, Priority, Scope, Sensitivity, UserId, Visibility,
};

use super::row::to_case;
use crate::entities::{area, case, case_coordinating_unit, unit};
use crate::fold::fold;
use crate::org::{actor, area_by_code, area_by_id, unknown};
use crate::{Store, StoreError};

/// The most cases one page holds.
pub const MAX_LIMIT: u64 = 100;

/// The filters of `GET /cases`; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this state.
    pub state: Option<CaseState>,
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
    /// Words that must all occur in the code, title or description,
    /// ignoring case and diacritics.
    pub q: Option<String>,
    /// Where the previous page ended.
    pub cursor: Option<Cursor>,
    /// Page size, 1 to [`MAX_LIMIT`].
    pub limit: u64,
}

/// A position in the list: the last case of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// Its filing time.
    pub created_at: DateTime<Utc>,
    /// Its id.
    pub id: i64,
}

impl Cursor {
    /// The opaque text form clients pass back: `<nanoseconds>_<id>`.
    pub fn encode(&self) -> String {
        let nanos = self.created_at.timestamp_nanos_opt().unwrap_or(0);
        format!("{nanos}_{}", self.id)
    }

    /// Parses [`Cursor::encode`]'s form.
    pub fn decode(text: &str) -> Option<Cursor> {
        let (nanos, id) = text.split_once('_')?;
        Some(Cursor {
            created_at: Utc.timestamp_nanos(nanos.parse().ok()?),
            id: id.parse().ok()?,
        })
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
    /// The cases `user` may see that match `filter`.
    pub async fn list_cases(
        &self,
        user: UserId,
        filter: &CaseFilter,
        now: DateTime<Utc>,
    ) -> Result<CasePage, StoreError> {
        let actor = actor(&self.db, user, now).await?;
        let mut query = case::Entity::find()
            .filter(visible(&self.db, &workflow::visibility(&actor)).await?)
            .filter(filters(&self.db, &actor, filter, now).await?);
        if let Some(cursor) = filter.cursor {
            query = query.filter(
                Condition::any()
                    .add(case::Column::CreatedAt.lt(cursor.created_at))
                    .add(
                        Condition::all()
                            .add(case::Column::CreatedAt.eq(cursor.created_at))
                            .add(case::Column::Id.lt(cursor.id)),
                    ),
            );
        }
        let limit = filter.limit.clamp(1, MAX_LIMIT);
        let mut rows = query
            .order_by_desc(case::Column::CreatedAt)
            .order_by_desc(case::Column::Id)
            .limit(limit + 1)
            .all(&self.db)
            .await?;
        let more = rows.len() as u64 > limit;
        rows.truncate(limit as usize);
        let next = more.then(|| {
            let last = rows.last().expect("a full page");
            Cursor {
                created_at: last.created_at,
                id: last.id,
            }
        });
        let mut cases = Vec::with_capacity(rows.len());
        for row in &rows {
            cases.push(to_case(&self.db, row, now).await?);
        }
        Ok(CasePage { actor, cases, next })
    }
}

/// The SQL form of a [`Visibility`]: own reports, or the scope of the
/// case's sensitivity class.
async fn visible(conn: &impl ConnectionTrait, seen: &Visibility) -> Result<Condition, StoreError> {
    let sensitive = Sensitivity::Sensitive.code();
    Ok(Condition::any()
        .add(case::Column::ReporterId.eq(seen.own_reports.0))
        .add(
            Condition::all()
                .add(case::Column::Sensitivity.ne(sensitive))
                .add(scope(conn, &seen.normal).await?),
        )
        .add(
            Condition::all()
                .add(case::Column::Sensitivity.eq(sensitive))
                .add(scope(conn, &seen.sensitive).await?),
        ))
}

async fn scope(conn: &impl ConnectionTrait, scope: &Scope) -> Result<Condition, StoreError> {
    if scope.all {
        return Ok(Condition::all());
    }
    if scope.is_empty() {
        return Ok(Condition::all().add(Expr::cust("1 = 0")));
    }
    let mut any = Condition::any();
    for area in &scope.areas {
        let lineage = area_by_id(conn, area.0).await?.lineage;
        any = any.add(in_subtree(&lineage));
    }
    if let Some(unit) = scope.involved_unit {
        any = any.add(case::Column::LeadUnitId.eq(unit.0)).add(
            case::Column::Id.in_subquery(
                Query::select()
                    .column(case_coordinating_unit::Column::CaseId)
                    .from(case_coordinating_unit::Entity)
                    .and_where(case_coordinating_unit::Column::UnitId.eq(unit.0))
                    .to_owned(),
            ),
        );
    }
    Ok(any)
}

/// Cases whose area has `lineage` as a prefix of its own: the area and
/// every area below it.
fn in_subtree(lineage: &str) -> Condition {
    Condition::all().add(
        case::Column::AreaId.in_subquery(
            Query::select()
                .column(area::Column::Id)
                .from(area::Entity)
                .and_where(
                    Expr::col((area::Entity, area::Column::Lineage))
                        .like(LikeExpr::new(format!("{}%", escape_like(lineage))).escape('\\')),
                )
                .to_owned(),
        ),
    )
}

/// The filters of the request.
async fn filters(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &CaseFilter,
    now: DateTime<Utc>,
) -> Result<Condition, StoreError> {
    let mut all = Condition::all();
    if let Some(state) = filter.state {
        all = all.add(case::Column::State.eq(state.code()));
    }
    if let Some(category) = &filter.category {
        all = all.add(case::Column::Category.eq(category.trim()));
    }
    if let Some(code) = &filter.area {
        all = all.add(in_subtree(&area_by_code(conn, code, "area").await?.lineage));
    }
    if let Some(sensitivity) = filter.sensitivity {
        all = all.add(case::Column::Sensitivity.eq(sensitivity.code()));
    }
    if let Some(priority) = filter.priority {
        all = all.add(case::Column::Priority.eq(priority.code()));
    }
    if let Some(code) = &filter.lead_unit {
        let lead = unit::Entity::find()
            .filter(unit::Column::Code.eq(code.trim()))
            .one(conn)
            .await?
            .ok_or_else(|| unknown("lead_unit", code))?;
        all = all.add(case::Column::LeadUnitId.eq(lead.id));
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
    if let Some(q) = &filter.q {
        for word in fold(q).split(' ').filter(|w| !w.is_empty()) {
            all = all.add(
                Expr::col((case::Entity, case::Column::SearchText))
                    .like(LikeExpr::new(format!("%{}%", escape_like(word))).escape('\\')),
            );
        }
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

/// `text` with the LIKE wildcards and the escape character escaped.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_its_text_form() {
        let cursor = Cursor {
            created_at: Utc.timestamp_nanos(1_780_000_000_123_456_789),
            id: 42,
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        assert_eq!(Cursor::decode("x_1"), None);
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("50%_a\\"), "50\\%\\_a\\\\");
    }
}
