//! Who sees which case, in SQL: `workflow::visibility` translated into a
//! condition on `cases`, and the area subtrees it and the filters use.

use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, Query};
use sea_orm::{ColumnTrait, Condition};
use workflow::{Scope, Sensitivity, Visibility};

use crate::StoreError;
use crate::entities::{area, case, case_coordinating_unit};
use crate::org_cache::Org;

/// The SQL form of a [`Visibility`]: own reports, or the scope of the
/// case's sensitivity class.
pub(crate) fn visible(org: &Org, seen: &Visibility) -> Result<Condition, StoreError> {
    visible_in(org, seen, None)
}

/// [`visible`] for a list already restricted to the areas `within` (its
/// `area` filter): a scope's areas are cut down to those, and dropped when
/// they hold them all. A board's list of one commune then asks no question
/// of each row about the 120 communes of its province, which cost a fifth
/// of the list's time at 1 M cases (docs/benchmarks.md).
pub(super) fn visible_in(
    org: &Org,
    seen: &Visibility,
    within: Option<&[i64]>,
) -> Result<Condition, StoreError> {
    let normal = scope(org, &seen.normal, within)?;
    let hidden = scope(org, &seen.sensitive, within)?;
    // Both classes seen wherever the list looks: every row passes. Said
    // as the three-way OR, PostgreSQL cannot see that in a plan made for
    // any values, estimates it drops most rows and so plans each list
    // anew (a fifth of the server's time under W2, docs/benchmarks.md).
    if normal.is_empty() && hidden.is_empty() {
        return Ok(Condition::all());
    }
    let sensitive = Sensitivity::Sensitive.code();
    Ok(Condition::any()
        .add(case::Column::ReporterId.eq(seen.own_reports.0))
        .add(
            Condition::all()
                .add(case::Column::Sensitivity.ne(sensitive))
                .add(normal),
        )
        .add(
            Condition::all()
                .add(case::Column::Sensitivity.eq(sensitive))
                .add(hidden),
        ))
}

fn scope(org: &Org, scope: &Scope, within: Option<&[i64]>) -> Result<Condition, StoreError> {
    if scope.all {
        return Ok(Condition::all());
    }
    let nothing = || Condition::all().add(Expr::cust("1 = 0"));
    if scope.is_empty() {
        return Ok(nothing());
    }
    let mut ids = Vec::new();
    for area in &scope.areas {
        ids.extend_from_slice(org.subtree(org.area_by_id(area.0)?.id));
    }
    ids.sort_unstable();
    ids.dedup();
    let ids = match within {
        None => ids,
        Some(within) => {
            let kept: Vec<i64> = within
                .iter()
                .copied()
                .filter(|id| ids.contains(id))
                .collect();
            // Every area of the list is in scope: the filter says it all.
            if kept.len() == within.len() {
                return Ok(Condition::all());
            }
            kept
        }
    };
    let mut any = Condition::any();
    if !ids.is_empty() {
        let areas = in_areas(org, &ids);
        if areas.is_empty() {
            return Ok(areas);
        }
        any = any.add(areas);
    }
    if let Some(unit) = scope.involved_unit {
        any = any.add(involving(unit.0));
    }
    Ok(if any.is_empty() { nothing() } else { any })
}

/// Cases `unit` leads or coordinates.
pub(super) fn involving(unit: i64) -> Condition {
    Condition::any().add(case::Column::LeadUnitId.eq(unit)).add(
        case::Column::Id.in_subquery(
            Query::select()
                .column(case_coordinating_unit::Column::CaseId)
                .from(case_coordinating_unit::Entity)
                .and_where(case_coordinating_unit::Column::UnitId.eq(unit))
                .to_owned(),
        ),
    )
}

/// Cases whose area has `lineage` as a prefix of its own: the area and
/// every area below it.
pub(crate) fn in_subtree(lineage: &str) -> Condition {
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

/// Cases in the areas `ids` (without repeats): `area_id = ?` for one,
/// `area_id IN (…)` for several, and no condition for every area there
/// is (a board that serves the whole province), which would make
/// PostgreSQL test each row against a list of them all (a search took
/// 100 ms at 1 M cases).
pub(super) fn in_areas(org: &Org, ids: &[i64]) -> Condition {
    if ids.len() == org.area_count() {
        return Condition::all();
    }
    match ids {
        [one] => Condition::all().add(case::Column::AreaId.eq(*one)),
        _ => Condition::all().add(case::Column::AreaId.is_in(ids.iter().copied())),
    }
}

/// `text` with the LIKE wildcards and the escape character escaped.
pub(crate) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use workflow::{AreaId, UserId};

    use super::*;

    fn seeing(normal: Scope, sensitive: Scope) -> Visibility {
        Visibility {
            own_reports: UserId(7),
            normal,
            sensitive,
        }
    }

    fn all() -> Scope {
        Scope {
            all: true,
            ..Scope::none()
        }
    }

    #[test]
    fn a_caller_who_sees_every_case_adds_no_condition() {
        let org = Org::default();
        assert!(visible(&org, &seeing(all(), all())).unwrap().is_empty());
    }

    #[test]
    fn a_caller_kept_from_some_cases_adds_a_condition() {
        let org = Org::default();
        assert!(
            !visible(&org, &seeing(all(), Scope::none()))
                .unwrap()
                .is_empty()
        );
        let areas = Scope {
            areas: vec![AreaId(1)],
            ..Scope::none()
        };
        // An unknown area is an error, not a scope that admits everything.
        assert!(visible(&org, &seeing(all(), areas)).is_err());
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("50%_a\\"), "50\\%\\_a\\\\");
    }
}
