//! Cheap counts for monitoring (`/metrics`): one `COUNT … GROUP BY` each,
//! read at scrape time so that every replica reports the shared database.

use sea_orm::{ConnectionTrait, Statement};

use crate::{Store, StoreError};

impl Store {
    /// The number of cases in each state that has any, by state code.
    pub async fn case_counts_by_state(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(
                self.backend(),
                "SELECT state, COUNT(*) AS n FROM cases GROUP BY state ORDER BY state",
            ))
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.push((
                r.try_get::<String>("", "state")?,
                r.try_get::<i64>("", "n")?,
            ));
        }
        Ok(out)
    }
}
