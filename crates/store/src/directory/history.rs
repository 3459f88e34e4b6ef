//! The names an area or a unit carried before (SPEC §2): the 2025 mergers
//! renamed many bodies, and a document names each as it was on the
//! document's date. A row keeps them in its `former_names` column as a JSON
//! list of `{"name": …, "until": "YYYY-MM-DD"}`, appended by each rename
//! (`edit.rs`); `until` is the last day the name was in use.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A name a row no longer carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormerName {
    /// The name.
    pub name: String,
    /// The last day it was in use.
    pub until: NaiveDate,
}

/// The former names held in a `former_names` column, oldest first. Text
/// that is not a JSON list gives none, and an entry that is not a name
/// with a date is left out: a damaged history must not hide the row.
pub fn former_names(json: &str) -> Vec<FormerName> {
    let Ok(entries) = serde_json::from_str::<Vec<serde_json::Value>>(json) else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|entry| serde_json::from_value(entry).ok())
        .collect()
}

/// The name a row whose name is now `present`, with `former` (its
/// `former_names` column), carried on `date`: the former name with the
/// earliest `until` on or after `date` (of two with the same `until`, the
/// older), or the present name when every former one ended before `date`.
pub fn name_on(present: &str, former: &str, date: NaiveDate) -> String {
    former_names(former)
        .into_iter()
        .filter(|f| f.until >= date)
        .min_by_key(|f| f.until)
        .map_or_else(|| present.to_owned(), |f| f.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Huyện Ba Vì until 30/6/2025, then Xã Ba Vì until 31/12/2025, then
    /// Xã Ba Vì mới: written in the order the renames appended them.
    const TWICE: &str = r#"[{"name":"Huyện Ba Vì","until":"2025-06-30"},
        {"name":"Xã Ba Vì","until":"2025-12-31"}]"#;

    #[test]
    fn each_day_gets_the_name_then_in_use() {
        let now = "Xã Ba Vì mới";
        assert_eq!(name_on(now, TWICE, day("2024-01-15")), "Huyện Ba Vì");
        assert_eq!(name_on(now, TWICE, day("2025-07-01")), "Xã Ba Vì");
        assert_eq!(name_on(now, TWICE, day("2026-01-01")), now);
    }

    #[test]
    fn the_until_day_is_the_last_day_of_the_old_name() {
        let now = "Xã Ba Vì mới";
        assert_eq!(name_on(now, TWICE, day("2025-06-30")), "Huyện Ba Vì");
        assert_eq!(name_on(now, TWICE, day("2025-12-31")), "Xã Ba Vì");
    }

    #[test]
    fn the_order_of_the_list_does_not_matter() {
        let reversed = r#"[{"name":"Xã Ba Vì","until":"2025-12-31"},
            {"name":"Huyện Ba Vì","until":"2025-06-30"}]"#;
        assert_eq!(name_on("X", reversed, day("2025-01-01")), "Huyện Ba Vì");
        assert_eq!(name_on("X", reversed, day("2025-08-01")), "Xã Ba Vì");
    }

    #[test]
    fn two_renames_on_one_day_give_the_older_name() {
        let same_day = r#"[{"name":"A","until":"2025-07-01"},{"name":"B","until":"2025-07-01"}]"#;
        assert_eq!(name_on("C", same_day, day("2025-07-01")), "A");
        assert_eq!(name_on("C", same_day, day("2025-07-02")), "C");
    }

    #[test]
    fn a_damaged_history_falls_back_to_the_present_name() {
        let d = day("2020-01-01");
        assert_eq!(name_on("Phường A", "", d), "Phường A");
        assert_eq!(name_on("Phường A", "not json", d), "Phường A");
        assert_eq!(name_on("Phường A", r#"{"name":"B"}"#, d), "Phường A");
        assert_eq!(name_on("Phường A", "[]", d), "Phường A");
        // Bad entries are skipped, good ones still count.
        let mixed = r#"[{"name":"B"},{"name":"C","until":"31/12/2025"},7,
            {"name":"Xã A","until":"2025-06-30"}]"#;
        assert_eq!(name_on("Phường A", mixed, d), "Xã A");
        assert_eq!(former_names(mixed).len(), 1);
    }
}
