//! The probe of a PostgreSQL search: the GIN index asked for the matches
//! below the walk's edge, and what that is expected to cost.
//!
//! A GIN index reads a prefix (`nhung:*`) by collecting the posting list
//! of every word it begins, all of it, before it can intersect anything:
//! 15 ms for `tham & nhung:*` in the titles at 1 M cases, although no
//! title holds `tham` (0.08 ms for `tham` alone). Exact words it
//! intersects from the rarest, skipping through the others. So when the
//! words typed before the last are rarer than the last one's prefix, the
//! probe asks the index for those complete words only and tests the few
//! cases found with every word, row by row.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, QueryFilter, QueryOrder, QuerySelect, Select,
    Statement,
};

use std::time::Instant;

use super::{Test, WordEstimates, filtered};
use crate::StoreError;
use crate::cases::search::{SearchSteps, Terms, Tier};
use crate::entities::case;
use crate::reads::ReadSelect;

/// How many postings of the last word cost what one row walked costs,
/// as measured with `EXPLAIN ANALYZE` at 1 M cases (both under the same
/// load): walks of 20 000 rows 6.5–10 µs a row; probes 35 ms for
/// `nhung:*` (50 000 postings), 84 ms for `dai:*` (100 000) and `nai:*`
/// (127 000), 424 ms for `t:*` (1 M): 9–12 postings a row, 25 for `t:*`.
const PREFIX_POSTINGS_PER_WALKED_ROW: f64 = 10.0;

/// The same for an exact word: `thau` (50 000 postings) took 8 ms where
/// `nhung:*` (as many) took 29 ms, at 1 M cases on an idle machine.
const EXACT_POSTINGS_PER_WALKED_ROW: f64 = 35.0;

/// What a probe asks the GIN index for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ask {
    /// Every word, the last as a prefix: the index's answer is the answer.
    All,
    /// The complete words only: the cases that may match, each then read
    /// and tested with every word.
    Complete,
}

/// How a search would probe, and at what cost in rows walked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    pub(super) ask: Ask,
    pub(super) cost: f64,
}

/// The cheaper of the two probes of `tier`, from the planner's estimate of
/// the rows holding each word (single words are estimated well from the
/// column's statistics; only their combinations are not). `steps` may
/// hold a cost given instead (`Store::set_search_probe_cost`): the probe then asks
/// for the complete words whenever there are any, so that tests on small
/// tables go through both. A probe for complete words reads at most `cap`
/// cases that may match.
pub(super) async fn plan(
    conn: &impl ConnectionTrait,
    terms: &Terms,
    tier: Tier,
    steps: &SearchSteps,
    cap: i64,
) -> Result<Plan, StoreError> {
    let complete = terms.complete_words();
    if let Some(cost) = steps.probe_cost {
        let ask = if complete.is_empty() {
            Ask::All
        } else {
            Ask::Complete
        };
        return Ok(Plan {
            ask,
            cost: cost as f64,
        });
    }
    let all = Plan {
        ask: Ask::All,
        cost: estimate(conn, &steps.estimates, tier, &terms.last_prefix()).await?
            / PREFIX_POSTINGS_PER_WALKED_ROW,
    };
    let mut rarest = f64::MAX;
    for word in &complete {
        rarest = rarest.min(estimate(conn, &steps.estimates, tier, word).await?);
    }
    if complete.is_empty() {
        return Ok(all);
    }
    // The rarest word's postings, then each case found read once.
    let exact = Plan {
        ask: Ask::Complete,
        cost: rarest / EXACT_POSTINGS_PER_WALKED_ROW + rarest.min(cap as f64),
    };
    Ok(if exact.cost < all.cost { exact } else { all })
}

/// The planner's estimate of the cases of `tier`'s column that hold
/// `word` (a `to_tsquery` word or prefix); as many as there are rows when
/// it has none, so that the walk goes on. One asked for lately is
/// `kept`'s.
async fn estimate(
    conn: &impl ConnectionTrait,
    kept: &WordEstimates,
    tier: Tier,
    word: &str,
) -> Result<f64, StoreError> {
    let now = Instant::now();
    if let Some(rows) = kept.get(tier, word, now) {
        return Ok(rows);
    }
    let rows = planner_estimate(conn, tier, word).await?;
    kept.put(tier, word, rows, now);
    Ok(rows)
}

/// [`estimate`] from the planner, with `EXPLAIN`.
async fn planner_estimate(
    conn: &impl ConnectionTrait,
    tier: Tier,
    word: &str,
) -> Result<f64, StoreError> {
    let column = match tier {
        Tier::Title => "title_vector",
        Tier::Rest => "search_vector",
    };
    let explain = Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM case_search \
             WHERE {column} @@ to_tsquery('simple', $1)"
        ),
        [word.into()],
    );
    let plan: serde_json::Value = match conn.query_one_raw(explain).await? {
        Some(row) => row.try_get("", "QUERY PLAN")?,
        None => serde_json::Value::Null,
    };
    Ok(plan[0]["Plan"]["Plan Rows"].as_f64().unwrap_or(f64::MAX))
}

/// Where a probe looks and how much it may read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Below {
    /// The walk's edge: cases with an id up to it.
    pub(super) edge: i64,
    /// How many of the newest matches are wanted.
    pub(super) want: u64,
    /// How many cases found make the probe give up.
    pub(super) cap: i64,
}

/// The `want` newest cases of `tier` with an id up to `edge` if fewer than
/// `cap` cases there are found by asking the GIN index `ask`; `None` if
/// `cap` or more are.
pub(super) async fn run(
    conn: &impl ConnectionTrait,
    query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    ask: Ask,
    below: Below,
) -> Result<Option<Vec<case::Model>>, StoreError> {
    let Below { edge, want, cap } = below;
    let test = match ask {
        Ask::All => Test::Index,
        Ask::Complete => Test::Candidates,
    };
    // Bitmap scans only: a sequential scan or a walk of the id index with
    // `LIMIT cap` would stop early for common words but read every row for
    // rare ones, and the planner cannot tell them apart (see the module
    // documentation of `postgres`). The bitmap scan stops after `cap` rows
    // all the same.
    conn.execute_unprepared("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        .await?;
    let ids = filtered(query.clone(), terms, tier, test)
        .select_only()
        .column(case::Column::Id)
        .filter(Expr::cust_with_values("case_search.case_id <= $1", [edge]))
        .limit(u64::try_from(cap).unwrap_or(u64::MAX))
        .read_ints(conn)
        .await;
    conn.execute_unprepared("SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on")
        .await?;
    let mut ids = ids?;
    if ids.len() as u64 >= u64::try_from(cap).unwrap_or(u64::MAX) {
        return Ok(None);
    }
    if ask == Ask::All {
        // Every one matches: only the newest are needed.
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.truncate(usize::try_from(want).unwrap_or(usize::MAX));
    }
    if ids.is_empty() {
        return Ok(Some(Vec::new()));
    }
    // The rows read again with every test: each step is a statement of its
    // own, a case may have changed since the probe, and candidates may not
    // hold the last word.
    Ok(Some(
        filtered(query, terms, tier, Test::EachRow)
            .filter(case::Column::Id.is_in(ids))
            .order_by_desc(case::Column::Id)
            .limit(want)
            .read_all(conn)
            .await?,
    ))
}
