//! Open cases that may report the same thing as a case being triaged: the
//! merge suggestions of the triage page (issue 5). Same search as the list
//! (folded words over the search text), but any title word counts, ranked
//! by how many match; only cases `merge` could target (open, on the case's
//! line of areas) and the caller may see.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use workflow::{Case, CaseState, UserId};

use super::row::to_cases;
use super::visible::{escape_like, in_subtree, visible};
use crate::entities::case;
use crate::fold::fold;
use crate::reads::ReadSelect;
use crate::{Store, StoreError};

/// Title words shorter than this say nothing about the subject ("ở", "và").
const MIN_WORD_CHARS: usize = 3;
/// How many candidates are read before ranking.
const CANDIDATES: u64 = 50;

impl Store {
    /// Up to `limit` open cases other than `of` that share words of its
    /// title, in its area's subtree or above it, visible to `user`; the
    /// most shared words first, then the oldest.
    pub async fn similar_open_cases(
        &self,
        user: UserId,
        of: &Case,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<Case>, StoreError> {
        let words = title_words(&of.title);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let actor = self.actor(user, now).await?;
        let mut any_word = Condition::any();
        for word in &words {
            any_word = any_word.add(
                Expr::col((case::Entity, case::Column::SearchText))
                    .like(LikeExpr::new(format!("%{}%", escape_like(word))).escape('\\')),
            );
        }
        let lineage: Vec<i64> = of.area.lineage.iter().map(|a| a.0).collect();
        let line = Condition::any()
            .add(in_subtree(&lineage_text(&lineage)))
            .add(case::Column::AreaId.is_in(lineage));
        let open: Vec<&str> = CaseState::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| s.code())
            .collect();
        let rows = case::Entity::find()
            .filter(visible(
                &*self.org(&self.read).await?,
                &workflow::visibility(&actor),
            )?)
            .filter(case::Column::Id.ne(of.id.0))
            .filter(case::Column::State.is_in(open))
            .filter(line)
            .filter(any_word)
            .order_by_asc(case::Column::CreatedAt)
            .limit(CANDIDATES)
            .read_all(&self.read)
            .await?;
        let mut ranked: Vec<(usize, case::Model)> = rows
            .into_iter()
            .map(|row| {
                let shared = words
                    .iter()
                    .filter(|w| row.search_text.contains(*w))
                    .count();
                (shared, row)
            })
            .collect();
        // Stable: equal ranks keep the oldest first.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
        let rows: Vec<_> = ranked.into_iter().take(limit).map(|(_, row)| row).collect();
        let org = self.org(&self.read).await?;
        to_cases(&self.read, &org, &rows, now).await
    }
}

/// The folded, distinct words of a title worth searching for.
fn title_words(title: &str) -> Vec<String> {
    let mut words: Vec<String> = fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The stored lineage text of an area from its ids (`/1/4/`), the form
/// `in_subtree` matches as a prefix.
fn lineage_text(ids: &[i64]) -> String {
    let mut text = String::from("/");
    for id in ids {
        text.push_str(&format!("{id}/"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_left_out_and_the_rest_folded_once() {
        assert_eq!(
            title_words("Đất đai ở xã: đất lấn chiếm"),
            vec!["chiem", "dai", "dat", "lan"]
        );
    }
}
