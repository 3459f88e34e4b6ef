//! Ranked search over cases (SPEC §6.4). The words of `q` are folded like
//! the indexed text (`fold::words`); every word must occur, the last one as
//! a prefix. Tier 1 holds the cases with every word in their code or title,
//! tier 2 the others; within a tier the most recently recorded come first.
//! Both tiers are index scans that stop at the page size, and neither
//! ranking depends on the rest of the table (unlike bm25 or IDF weights),
//! so a cursor `(tier, id)` stays exact while cases are filed.
//!
//! SQLite: the FTS5 tables `cases_title_fts` (the code and title: tier 1)
//! and `cases_fts` (columns `search_title`, `search_text`: tier 2), walked
//! by rowid descending. PostgreSQL: two GIN-indexed
//! `tsvector`s of the table `case_search`, `title_vector` (code and title:
//! tier 1) and `search_vector` (everything: tier 2, minus the rows of tier
//! 1), searched in steps that
//! walk the newest ids first and read older matches through the GIN index
//! only when they are few ([`postgres`]). Tier 1 once asked
//! `search_vector` for title words of weight `A`; weights are not in a GIN
//! index, so PostgreSQL re-read every row holding the words anywhere
//! (1.9 s at 1 M cases for `tham nhung`, in no title but in many
//! descriptions).

use std::sync::Arc;

use sea_orm::sea_query::{Alias, Expr, JoinType};
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbBackend, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select, TransactionTrait,
};

use super::list::{Cursor, foreign_cursor};
use crate::StoreError;
use crate::entities::case;
use crate::fold::words;
use crate::reads::{ReadConnection, ReadSelect};

mod postgres;

use postgres::WordEstimates;

/// How a PostgreSQL search sizes its steps ([`postgres`]).
#[derive(Debug, Clone)]
pub(crate) struct SearchSteps {
    /// How many matches a probe of the GIN index reads at most
    /// (`Store::set_search_window`).
    pub(crate) window: u64,
    /// How many of the newest cases it walks in id order, at most
    /// `window`, before it weighs walking on against a probe.
    pub(crate) first: u64,
    /// What a probe costs, in rows walked, when not estimated from the
    /// planner's statistics (`Store::set_search_probe_cost`).
    pub(crate) probe_cost: Option<u64>,
    /// The planner's estimates of the words searched lately.
    pub(crate) estimates: Arc<WordEstimates>,
}

impl Default for SearchSteps {
    fn default() -> SearchSteps {
        SearchSteps {
            window: 2_000,
            // A walk of the whole text tests a row in about 5 µs; 2 000
            // rows first (10 ms) were most of a search for a case code.
            first: 250,
            probe_cost: None,
            estimates: Arc::default(),
        }
    }
}

/// The search words of a query, folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Terms(Vec<String>);

/// Where the words must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Tier {
    /// Every word in the code or title.
    Title,
    /// Every word somewhere, but not all of them in the code or title.
    Rest,
}

impl Tier {
    fn number(self) -> u8 {
        match self {
            Tier::Title => 1,
            Tier::Rest => 2,
        }
    }
}

impl Terms {
    /// The words of `q`; none when it holds no letter or digit.
    pub(crate) fn parse(q: &str) -> Terms {
        Terms(
            words(q)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The words of the search `q` a user typed, or the refusal of a
    /// search too long to run: each word is a condition of the query, and
    /// a thousand of them were a 500 on SQLite (issue 13).
    pub(crate) fn of_search(q: &str) -> Result<Terms, workflow::Refusal> {
        workflow::check_search(q)?;
        Ok(Terms::parse(q))
    }

    /// Whether there is nothing to search for.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// An FTS5 expression: every word, the last as a prefix. The words are
    /// letters and digits only, so quoting them is safe.
    fn fts5(&self) -> String {
        let last = self.0.len() - 1;
        let all: Vec<String> = self
            .0
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect();
        format!("({})", all.join(" AND "))
    }

    /// The FTS5 query of tier 2 in `cases_fts`: every word anywhere in the
    /// text. The rows of tier 1 are taken out by [`Terms::like_title`],
    /// because an FTS5 `NOT search_title : …` walks the title doclists of
    /// very common words and cost 35–70 ms at 1 M cases where the rest took
    /// 1–2 ms. Tier 1 is searched in `cases_title_fts` with [`Terms::fts5`].
    fn fts5_text(&self) -> String {
        format!("search_text : {}", self.fts5())
    }

    /// `LIKE` patterns that hold, all of them, exactly when the folded code
    /// and title (`' ' || search_title || ' '`: words of letters and digits
    /// between single spaces) hold every word, the last as a prefix — the
    /// rule of tier 1, tested on the few candidate rows of tier 2 only.
    fn like_title(&self) -> Vec<String> {
        let last = self.0.len() - 1;
        self.0
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("% {w}%")
                } else {
                    format!("% {w} %")
                }
            })
            .collect()
    }

    /// A `to_tsquery` text: every word, the last as a prefix.
    fn tsquery(&self) -> String {
        let last = self.0.len() - 1;
        let all: Vec<String> = self
            .0
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("'{w}':*")
                } else {
                    format!("'{w}'")
                }
            })
            .collect();
        all.join(" & ")
    }

    /// The last word as a `to_tsquery` prefix, alone.
    fn last_prefix(&self) -> String {
        format!("'{}':*", self.0[self.0.len() - 1])
    }

    /// Each word but the last (the complete words, typed to their end) as
    /// a `to_tsquery` word.
    fn complete_words(&self) -> Vec<String> {
        let last = self.0.len() - 1;
        self.0[..last].iter().map(|w| format!("'{w}'")).collect()
    }
}

/// One page of search results for `query` (visibility and filters already
/// applied), tier 1 then tier 2, from `cursor` on.
pub(super) async fn ranked(
    read: &ReadConnection,
    query: Select<case::Entity>,
    terms: &Terms,
    cursor: Option<Cursor>,
    limit: u64,
    steps: &SearchSteps,
) -> Result<(Vec<case::Model>, Option<Cursor>), StoreError> {
    let db = match read {
        ReadConnection::Pool(db) if db.get_database_backend() != DbBackend::Sqlite => db,
        _ => return tiers(&Source::Sqlite(read), query, terms, cursor, limit, steps).await,
    };
    // The statements are prepared and cached per connection; after five
    // runs PostgreSQL may plan them once for any words ("generic plan"),
    // blind to how many rows the words match, and it did: the GIN step of
    // a case code went from 0.3 ms to 0.3–0.9 s. Planned for their words
    // each time instead, in a transaction of their own so that the setting
    // ends with it (as do the probe's, `search::postgres`). No parallel
    // workers either: with the vectors in `case_search` the planner sent a
    // probe of a rare word to two workers, whose start (5–8 ms alone) took
    // 115 ms a probe under sixteen searches on two cores, for 0.3 ms of work.
    let tx = db.begin().await?;
    tx.execute_unprepared(
        "SET LOCAL plan_cache_mode = force_custom_plan; \
         SET LOCAL max_parallel_workers_per_gather = 0",
    )
    .await?;
    let page = tiers(&Source::Postgres(&tx), query, terms, cursor, limit, steps).await?;
    tx.commit().await?;
    Ok(page)
}

/// Where a search reads its tiers.
enum Source<'a> {
    /// SQLite's FTS5 table, on the read connection.
    Sqlite(&'a ReadConnection),
    /// PostgreSQL, in the search's own transaction.
    Postgres(&'a DatabaseTransaction),
}

/// [`ranked`] from `source`.
async fn tiers(
    source: &Source<'_>,
    query: Select<case::Entity>,
    terms: &Terms,
    cursor: Option<Cursor>,
    limit: u64,
    steps: &SearchSteps,
) -> Result<(Vec<case::Model>, Option<Cursor>), StoreError> {
    let (first, mut after) = match cursor {
        None => (Tier::Title, None),
        Some(Cursor::Ranked { tier: 1, id }) => (Tier::Title, Some(id)),
        Some(Cursor::Ranked { id, .. }) => (Tier::Rest, Some(id)),
        Some(Cursor::Recent { .. }) => return Err(foreign_cursor()),
    };
    let tiers: &[Tier] = match first {
        Tier::Title => &[Tier::Title, Tier::Rest],
        Tier::Rest => &[Tier::Rest],
    };
    let mut found: Vec<(Tier, case::Model)> = Vec::new();
    for &tier in tiers {
        // One more than a page tells whether there is a next one.
        let want = limit + 1 - found.len() as u64;
        let after = after.take();
        let rows = match source {
            Source::Sqlite(read) => {
                sqlite_tier(query.clone(), terms, tier, after)
                    .limit(want)
                    .read_all(*read)
                    .await?
            }
            Source::Postgres(tx) => {
                postgres::tier_rows(*tx, query.clone(), terms, tier, after, want, steps).await?
            }
        };
        found.extend(rows.into_iter().map(|row| (tier, row)));
        if found.len() as u64 > limit {
            break;
        }
    }
    let more = found.len() as u64 > limit;
    found.truncate(limit as usize);
    let next = more.then(|| {
        let (tier, last) = found.last().expect("a full page");
        Cursor::Ranked {
            tier: tier.number(),
            id: last.id,
        }
    });
    Ok((found.into_iter().map(|(_, row)| row).collect(), next))
}

/// The cases of one tier after id `after`, by id descending, on SQLite.
fn sqlite_tier(
    mut query: Select<case::Entity>,
    terms: &Terms,
    tier: Tier,
    after: Option<i64>,
) -> Select<case::Entity> {
    // Tier 1 from the titles' own index (migration
    // `m20261207_000030_title_search`), tier 2 from the whole text's.
    let (table, words) = match tier {
        Tier::Title => ("cases_title_fts", terms.fts5()),
        Tier::Rest => ("cases_fts", terms.fts5_text()),
    };
    // The FTS5 table drives the join: it yields matching rowids in
    // descending order and the page size stops it early.
    QueryTrait::query(&mut query).join(
        JoinType::InnerJoin,
        Alias::new(table),
        Expr::cust(format!("{table}.rowid = cases.id")),
    );
    query = query.filter(Expr::cust_with_values(format!("{table} MATCH ?"), [words]));
    if tier == Tier::Rest {
        let patterns = terms.like_title();
        let all_in_title =
            vec!["(' ' || cases.search_title || ' ') LIKE ?"; patterns.len()].join(" AND ");
        query = query.filter(Expr::cust_with_values(
            format!("NOT ({all_in_title})"),
            patterns,
        ));
    }
    if let Some(id) = after {
        query = query.filter(Expr::cust_with_values(format!("{table}.rowid < ?"), [id]));
    }
    query.order_by_desc(Expr::cust(format!("{table}.rowid")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_folded_words_with_the_last_as_a_prefix() {
        let terms = Terms::parse("  Đất ĐAI, HN-2026 ");
        assert_eq!(terms.fts5(), r#"("dat" AND "dai" AND "hn" AND "2026"*)"#);
        assert_eq!(terms.tsquery(), "'dat' & 'dai' & 'hn' & '2026':*");
        assert_eq!(terms.last_prefix(), "'2026':*");
        assert_eq!(terms.complete_words(), ["'dat'", "'dai'", "'hn'"]);
        assert!(Terms::parse("noi").complete_words().is_empty());
        assert_eq!(Terms::parse("noi").fts5_text(), r#"search_text : ("noi"*)"#);
        assert_eq!(
            terms.like_title(),
            ["% dat %", "% dai %", "% hn %", "% 2026%"]
        );
        assert!(Terms::parse(" %_- ").is_empty());
    }
}
