//! One tier of a search on PostgreSQL, in steps whose cost does not depend
//! on the planner's estimates.
//!
//! The planner multiplies the frequencies of a query's words as if they
//! were independent. In case titles they are not ("ô nhiễm nguồn nước"
//! comes as a phrase): it estimated 7 rows for 35 000 and read all of them
//! through the GIN index to keep the newest 21 (0.4 s warm, 3.6 s cold at
//! 1 M cases); for a case code (a prefix, estimate blind) it once walked
//! every row by id instead (4 s). So each step fixes its plan:
//!
//! 1. **Walk** the newest `window` ids (below the cursor) in id order,
//!    testing each row with `ts_match_vq`, the function behind `@@` that
//!    no index can serve, so the id index is the only way; the page size
//!    stops it early when matches are many.
//! 2. If the walk found some but not enough, the matches' density says
//!    what is cheaper: walking on until the page is full (expected
//!    `missing / density` rows) or reading every older match through the
//!    GIN index (expected `density × older ids`). The cheaper walk goes on
//!    for twice its expected length.
//! 3. **GIN**: the older matches through the GIN index, `ORDER BY id + 0`
//!    so that the planner cannot walk the id index instead; the matches
//!    are few by now.
//!
//! Windows are ranges of ids (ids are dense: a sequence), so no step
//! counts rows to find its edge.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect, Select};

use super::{Terms, Tier};
use crate::StoreError;
use crate::entities::case;
use crate::reads::{ReadSelect, Reads};

/// How a step tests a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Test {
    /// Row by row (`ts_match_vq`): no index can take the test.
    EachRow,
    /// `@@`, which the GIN indexes serve.
    Index,
}

/// Up to `want` cases of `tier` with an id below `after` (or any), by id
/// descending.
pub(super) async fn tier_rows(
    conn: &impl Reads,
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    after: Option<i64>,
    want: u64,
    window: u64,
) -> Result<Vec<case::Model>, StoreError> {
    let top = match after {
        Some(id) => id - 1,
        None => {
            let newest = case::Entity::find()
                .select_only()
                .column(case::Column::Id)
                .order_by_desc(case::Column::Id)
                .limit(1)
                .read_ints(conn)
                .await?;
            match newest.first() {
                Some(&id) => id,
                None => return Ok(Vec::new()),
            }
        }
    };
    let window = i64::try_from(window).unwrap_or(i64::MAX).max(1);
    let mut edge = top.saturating_sub(window);
    let mut rows = walk(conn, query.clone(), terms, tier, top, edge, want).await?;
    let found = rows.len() as u64;
    if found >= want || edge < 1 {
        return Ok(rows);
    }
    if found > 0 {
        let density = found as f64 / window as f64;
        let walk_on = (want - found) as f64 / density;
        let through_index = density * edge as f64;
        if walk_on <= through_index {
            let next = edge.saturating_sub((2.0 * walk_on).ceil() as i64);
            rows.extend(walk(conn, query.clone(), terms, tier, edge, next, want - found).await?);
            edge = next;
            if rows.len() as u64 >= want || edge < 1 {
                return Ok(rows);
            }
        }
    }
    let missing = want - rows.len() as u64;
    let older = filtered(query, terms, tier, Test::Index)
        .filter(case::Column::Id.lte(edge))
        .order_by(Expr::cust("cases.id + 0"), Order::Desc)
        .limit(missing)
        .read_all(conn)
        .await?;
    rows.extend(older);
    Ok(rows)
}

/// Up to `want` cases of `tier` with an id in `(edge, top]`, walking the
/// id index from `top` down.
async fn walk(
    conn: &impl Reads,
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    top: i64,
    edge: i64,
    want: u64,
) -> Result<Vec<case::Model>, StoreError> {
    Ok(filtered(query, terms, tier, Test::EachRow)
        .filter(case::Column::Id.lte(top))
        .filter(case::Column::Id.gt(edge))
        .order_by_desc(case::Column::Id)
        .limit(want)
        .read_all(conn)
        .await?)
}

/// `query` narrowed to the cases of `tier`: tier 1 on `title_vector` (the
/// folded code and title, migration `m20261122_000070_title_vector`), tier
/// 2 on `search_vector` minus tier 1.
fn filtered(
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    test: Test,
) -> Select<case::Entity> {
    let q = terms.tsquery();
    let title = "ts_match_vq(cases.title_vector, to_tsquery('simple', $1))";
    match (tier, test) {
        (Tier::Title, Test::EachRow) => query.filter(Expr::cust_with_values(title, [q])),
        (Tier::Title, Test::Index) => query.filter(Expr::cust_with_values(
            "cases.title_vector @@ to_tsquery('simple', $1)",
            [q],
        )),
        (Tier::Rest, Test::EachRow) => query.filter(Expr::cust_with_values(
            "ts_match_vq(cases.search_vector, to_tsquery('simple', $1)) \
             AND NOT ts_match_vq(cases.title_vector, to_tsquery('simple', $2))",
            [q.clone(), q],
        )),
        (Tier::Rest, Test::Index) => query.filter(Expr::cust_with_values(
            "cases.search_vector @@ to_tsquery('simple', $1) \
             AND NOT ts_match_vq(cases.title_vector, to_tsquery('simple', $2))",
            [q.clone(), q],
        )),
    }
}
