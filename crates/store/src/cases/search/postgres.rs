//! One tier of a search on PostgreSQL, in steps whose cost does not depend
//! on the planner's estimates of how many rows match, nor on what the
//! newest cases look like.
//!
//! The planner multiplies the frequencies of a query's words as if they
//! were independent. In case titles they are not ("ô nhiễm nguồn nước"
//! comes as a phrase): it estimated 7 rows for 35 000 and read all of them
//! through the GIN index to keep the newest 21 (0.4 s warm, 3.6 s cold at
//! 1 M cases); for a case code (a prefix, estimate blind) it once walked
//! every row by id instead (4 s). So each step fixes its plan:
//!
//! - **Walk**: ids in id order from the newest (below the cursor) down,
//!   testing each row with `ts_match_vq`, the function behind `@@` that no
//!   index can serve, so the id index is the only way; the page size stops
//!   it early. Cost: the rows walked (6.5–10 µs each at 1 M cases on the
//!   loaded benchmark machine). Cheap while matches are dense, useless for
//!   rare words.
//! - **Probe**: the GIN index, bitmap scans only (`SET LOCAL
//!   enable_seqscan, enable_indexscan = off` around it), for the ids of at
//!   most `window` matches below the edge, in no order. Fewer than that
//!   means these are all of them: the newest `missing` are the answer
//!   (fetched by id). Otherwise the words are common below the edge and
//!   only the walk is left. Cost: building the GIN bitmap — the whole
//!   posting list of the last word, a prefix, which GIN cannot skip
//!   through (`dai:*`, in many titles: 84 ms at 1 M cases, as long as a
//!   walk of ~10 000 rows) — plus at most `window` rows read. When the
//!   words typed before the last are rarer than the last one's prefix, the
//!   probe asks for them alone and tests what it finds with every word
//!   ([`probe`]).
//!
//! The search walks the newest `first` ids first (250; with 2 000, a
//! search for a case code spent 10 ms of its 11 walking the whole text of
//! cases that could not match before its probe, which took 0.1 ms). The
//! probe is cheap only when the GIN index has no long pending list to read
//! (migration `m20261207_000020_gin_pending_lists`). The old version then
//! read every older match through the GIN index as soon as the walk had
//! found none: when the newest ids were a burst of near-identical cases
//! (the benchmark's own filings, four titles) that step read and sorted
//! every match of a common word, 1.28 s for `tham nhung` at 1 M cases.
//! Now the walk goes on in growing windows while the probe is expected to
//! cost more than the walk so far ("rent or buy"), so each is at most
//! about twice what the better of the two would have cost:
//!
//! - the probe's cost is estimated from the planner's row estimate for the
//!   last word alone (`EXPLAIN`, ~1 ms; single words are estimated well
//!   from the column's statistics, only their combinations are not), a
//!   tenth of a walked row per posting, as measured;
//! - when the walk has found matches, their density gives the expected
//!   distance to a full page and the expected number of matches below
//!   the edge; the probe is tried only if that number is below its cap,
//!   and only if it is expected to be cheaper than walking on;
//! - when it has found none, walking on is taken to cost as much again as
//!   walked so far: the probe runs once the walk has cost what the probe
//!   is expected to.
//!
//! After a probe that found the words common below the edge, the walk goes
//! on to the end (the page size stops it). So a search costs about the
//! length of the stretch of newest cases without its words, no longer the
//! number of its matches: with 30 000 alike cases on top of 1 M, 0.2–0.45 s
//! for common words on the loaded machine (0.27–1.6 s before), the same
//! as before (20–60 ms) when the newest cases are varied. What stays
//! linear: that stretch (words common only far below a long one), and in
//! tier 2 the probe also reads the tier-1 rows it rejects (few when tier 2
//! is reached on a first page: tier 1 did not fill it).
//!
//! Measured and not used: a GIN step restricted to an id range, `@@ (SELECT
//! to_tsquery(…)) AND id > edge - R` (the sub-select hides the words from
//! the planner's estimate, so that it ANDs the GIN bitmap with the id
//! range instead of reading every match). It reads only the matches in the
//! range but builds the whole GIN bitmap at every step (25–130 ms for
//! common words at 630 000 cases), which costs as much as walking the
//! stretch unless the stretch is far longer than 30 000 cases.
//!
//! Windows are ranges of ids (ids are dense: a sequence), so no step
//! counts rows to find its edge.

mod estimates;
mod probe;

pub(crate) use estimates::WordEstimates;

use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{
    ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select,
};

use super::{SearchSteps, Terms, Tier};
use crate::StoreError;
use crate::entities::case;
use crate::reads::ReadSelect;

/// How a step tests a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Test {
    /// Row by row (`ts_match_vq`): no index can take the test.
    EachRow,
    /// `@@`, which the GIN indexes serve.
    Index,
    /// `@@` with the complete words only (all but the last): the cases
    /// that may match, for the GIN index to find at the speed of exact
    /// words, to be tested row by row after.
    Candidates,
}

/// Up to `want` cases of `tier` with an id below `after` (or any), by id
/// descending. `conn` is the search's transaction: the probe changes
/// planner settings for its own statement with `SET LOCAL`.
pub(super) async fn tier_rows<C: ConnectionTrait + Sync>(
    conn: &C,
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    after: Option<i64>,
    want: u64,
    steps: &SearchSteps,
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
    let window = i64::try_from(steps.window).unwrap_or(i64::MAX).max(1);
    let mut rows: Vec<case::Model> = Vec::new();
    // Ids in (edge, top] have been walked.
    let mut edge = top;
    let mut span = i64::try_from(steps.first)
        .unwrap_or(i64::MAX)
        .clamp(1, window);
    let mut probe_plan: Option<probe::Plan> = None;
    let mut probed = false;
    loop {
        let next = edge.saturating_sub(span).max(0);
        let missing = want - rows.len() as u64;
        rows.extend(walk(conn, query.clone(), terms, tier, edge, next, missing).await?);
        tracing::debug!(
            tier = tier.number(),
            next,
            edge,
            found = rows.len(),
            "search walk"
        );
        edge = next;
        if rows.len() as u64 >= want || edge < 1 {
            return Ok(rows);
        }
        let walked = (top - edge) as f64;
        let found = rows.len() as f64;
        let missing = want - rows.len() as u64;
        // Matches below the edge if the density seen so far held.
        let below = found / walked * edge as f64;
        if !probed && below < window as f64 {
            let plan = match probe_plan {
                Some(plan) => plan,
                None => *probe_plan.insert(probe::plan(conn, terms, tier, steps, window).await?),
            };
            let cost = plan.cost;
            let walk_on = if found > 0.0 {
                missing as f64 * walked / found
            } else {
                walked
            };
            if cost + below <= walk_on {
                probed = true;
                let below = probe::Below {
                    edge,
                    want: missing,
                    cap: window,
                };
                let older = probe::run(conn, query.clone(), terms, tier, plan.ask, below).await?;
                tracing::debug!(
                    tier = tier.number(),
                    edge,
                    cost,
                    ask = ?plan.ask,
                    found = ?older.as_ref().map(Vec::len),
                    "search probe"
                );
                if let Some(older) = older {
                    rows.extend(older);
                    return Ok(rows);
                }
            } else if found == 0.0 {
                // Walk on until the walk has cost what the probe would.
                span = ((cost - walked).ceil() as i64).clamp(1, (top - edge).saturating_mul(3));
                continue;
            }
        }
        span = if probed {
            // Common below the edge: the page size stops the walk.
            edge
        } else {
            // Twice the expected distance to a full page (the walk stops
            // early if it is shorter), and at least as far again as walked
            // so far, so that the windows grow.
            let expected = (2.0 * missing as f64 * walked / found).min(edge as f64);
            (expected.ceil() as i64).max(top - edge)
        };
    }
}

/// Up to `want` cases of `tier` with an id in `(edge, top]`, walking the
/// id index from `top` down.
async fn walk(
    conn: &impl ConnectionTrait,
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    top: i64,
    edge: i64,
    want: u64,
) -> Result<Vec<case::Model>, StoreError> {
    // The range on `case_search`'s ids alone: the walk reads that narrow
    // table in id order and the cases of its matches by id. With the range
    // on `cases.id` too the planner merged both ranges, reading every case
    // of the window.
    Ok(filtered(query, terms, tier, Test::EachRow)
        .filter(Expr::cust_with_values(
            "case_search.case_id <= $1 AND case_search.case_id > $2",
            [top, edge],
        ))
        .order_by_desc(case::Column::Id)
        .limit(want)
        .read_all(conn)
        .await?)
}

/// `query` joined to the case's vectors (`case_search`, migration
/// `m20261208_000010_case_search`) and narrowed to the cases of `tier`:
/// tier 1 on `title_vector` (the folded code and title), tier 2 on
/// `search_vector` minus tier 1.
fn filtered(
    mut query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    test: Test,
) -> Select<case::Entity> {
    QueryTrait::query(&mut query).inner_join(
        Alias::new("case_search"),
        Expr::cust("case_search.case_id = cases.id"),
    );
    let q = terms.tsquery();
    let title = "ts_match_vq(case_search.title_vector, to_tsquery('simple', $1))";
    match (tier, test) {
        (Tier::Title, Test::EachRow) => query.filter(Expr::cust_with_values(title, [q])),
        (Tier::Title, Test::Index) => query.filter(Expr::cust_with_values(
            "case_search.title_vector @@ to_tsquery('simple', $1)",
            [q],
        )),
        (Tier::Rest, Test::EachRow) => query.filter(Expr::cust_with_values(
            "ts_match_vq(case_search.search_vector, to_tsquery('simple', $1)) \
             AND NOT ts_match_vq(case_search.title_vector, to_tsquery('simple', $2))",
            [q.clone(), q],
        )),
        (Tier::Rest, Test::Index) => query.filter(Expr::cust_with_values(
            "case_search.search_vector @@ to_tsquery('simple', $1) \
             AND NOT ts_match_vq(case_search.title_vector, to_tsquery('simple', $2))",
            [q.clone(), q],
        )),
        (Tier::Title, Test::Candidates) => query.filter(Expr::cust_with_values(
            "case_search.title_vector @@ to_tsquery('simple', $1)",
            [terms.complete_words().join(" & ")],
        )),
        (Tier::Rest, Test::Candidates) => query.filter(Expr::cust_with_values(
            "case_search.search_vector @@ to_tsquery('simple', $1) \
             AND NOT ts_match_vq(case_search.title_vector, to_tsquery('simple', $2))",
            [terms.complete_words().join(" & "), q],
        )),
    }
}
