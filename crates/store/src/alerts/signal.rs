//! The weekly signals of every area subtree × category, read with one
//! grouped query per source — cases, opinion items — whatever the number
//! of areas: each row is an area × category × week (× mood × reach for
//! items) with its count, and `workflow::SignalGrid` rolls the areas up
//! into their subtrees.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Alias, CaseStatement, Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, EntityTrait, QueryResult};
use workflow::{AreaId, HotspotRisk, Mood, OpinionReach, SignalGrid, item_weight, week_begins};

use crate::StoreError;
use crate::entities::{area, case, opinion_item, opinion_report};
use crate::org::parse_lineage;

/// Every area's lineage, root first, by id.
pub(crate) async fn lineages(
    conn: &impl ConnectionTrait,
) -> Result<HashMap<i64, Vec<AreaId>>, StoreError> {
    Ok(area::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, parse_lineage(&a.lineage)))
        .collect())
}

/// The signals of the `weeks` weeks ending with the one that starts on
/// `current` (a local Monday), with the high-risk cases of that last week.
pub(crate) async fn grid(
    conn: &impl ConnectionTrait,
    zone: Tz,
    current: NaiveDate,
    weeks: usize,
    lineages: &HashMap<i64, Vec<AreaId>>,
) -> Result<SignalGrid, StoreError> {
    let bounds: Vec<DateTime<Utc>> = (0..=weeks)
        .map(|i| {
            let back = i64::try_from(weeks - i).unwrap_or(0) - 1;
            week_begins(current - Duration::weeks(back), zone)
        })
        .collect();
    let mut grid = SignalGrid::new(weeks);
    let add = |grid: &mut SignalGrid, area: i64, category: &str, week, weight, high| {
        if let Some(lineage) = lineages.get(&area) {
            grid.add(lineage, category, week, weight, high);
        }
    };

    let mut cases = grouped(
        Expr::col((case::Entity, case::Column::AreaId)),
        Expr::col((case::Entity, case::Column::Category)),
        Expr::col((case::Entity, case::Column::CreatedAt)),
        &bounds,
    );
    cases.from(case::Entity).expr_as(
        Func::sum(
            Expr::case(
                Expr::col((case::Entity, case::Column::HotspotRisk)).eq(HotspotRisk::High.code()),
                1i32,
            )
            .finally(0i32),
        ),
        Alias::new("high"),
    );
    for row in conn.query_all(&cases).await? {
        let (area, category, week, count) = key(&row)?;
        let high: i64 = row.try_get("", "high").unwrap_or(0);
        add(
            &mut grid,
            area,
            &category,
            week,
            count as f64 * workflow::CASE_WEIGHT,
            u32::try_from(high).unwrap_or(u32::MAX),
        );
    }

    let mut items = grouped(
        Expr::col((opinion_report::Entity, opinion_report::Column::AreaId)),
        Expr::col((opinion_item::Entity, opinion_item::Column::Category)),
        Expr::col((opinion_report::Entity, opinion_report::Column::CreatedAt)),
        &bounds,
    );
    items
        .from(opinion_item::Entity)
        .inner_join(
            opinion_report::Entity,
            Expr::col((opinion_report::Entity, opinion_report::Column::Id))
                .equals((opinion_item::Entity, opinion_item::Column::ReportId)),
        )
        .column((opinion_item::Entity, opinion_item::Column::Mood))
        .column((opinion_item::Entity, opinion_item::Column::Reach))
        .add_group_by([Expr::cust("5"), Expr::cust("6")]);
    for row in conn.query_all(&items).await? {
        let (area, category, week, count) = key(&row)?;
        let mood: String = row.try_get("", "mood")?;
        let reach: String = row.try_get("", "reach")?;
        // A code this build does not know weighs nothing rather than
        // stopping every alert.
        let (Some(mood), Some(reach)) = (Mood::from_code(&mood), OpinionReach::from_code(&reach))
        else {
            continue;
        };
        add(
            &mut grid,
            area,
            &category,
            week,
            count as f64 * item_weight(mood, reach),
            0,
        );
    }
    Ok(grid)
}

/// `SELECT area, category, week, COUNT(*)` over rows whose `at` falls in
/// `bounds[0] .. bounds[last]`, the week the index of the bound below it,
/// grouped by the first three columns. They are grouped by position: the
/// week's `CASE` binds its bounds as parameters, and PostgreSQL would not
/// see the same expression in the `GROUP BY`.
fn grouped(area: Expr, category: Expr, at: Expr, bounds: &[DateTime<Utc>]) -> SelectStatement {
    let mut week = CaseStatement::new();
    for (i, bound) in bounds
        .iter()
        .enumerate()
        .skip(1)
        .take(bounds.len().saturating_sub(2))
    {
        week = week.case(at.clone().lt(*bound), i32::try_from(i - 1).unwrap_or(0));
    }
    let week = week.finally(i32::try_from(bounds.len().saturating_sub(2)).unwrap_or(0));
    let mut q = Query::select();
    q.expr_as(area, Alias::new("area"))
        .expr_as(category, Alias::new("category"))
        .expr_as(week, Alias::new("week"))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
        .and_where(at.clone().gte(bounds[0]))
        .and_where(at.lt(*bounds.last().unwrap_or(&bounds[0])))
        .add_group_by([Expr::cust("1"), Expr::cust("2"), Expr::cust("3")]);
    q
}

/// Area, category, week index and count of a grouped row.
fn key(row: &QueryResult) -> Result<(i64, String, usize, i64), StoreError> {
    let week: i32 = row.try_get("", "week")?;
    Ok((
        row.try_get("", "area")?,
        row.try_get("", "category")?,
        usize::try_from(week).unwrap_or(usize::MAX),
        row.try_get("", "n")?,
    ))
}
