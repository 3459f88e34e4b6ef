//! Resolution meetings held without the board's representative (SPEC §11,
//! seed 000): a breach of the rule, recorded rather than refused, and
//! counted for the leader's dashboard.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{Reader, ReportScope};
use crate::entities::{case, meeting};
use crate::{Store, StoreError};

impl Store {
    /// How many meetings held within `scope` (its period and area) were
    /// held without the board, over the cases `reader` may open.
    pub async fn meetings_without_board(
        &self,
        reader: Reader,
        scope: &ReportScope,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let reader = self.report_reader(reader, now).await?;
        let (selected, _, _) = (self.selection(reader.as_ref(), scope.area.as_deref())).await?;
        let cases = Query::select()
            .column(case::Column::Id)
            .from(case::Entity)
            .cond_where(selected)
            .to_owned();
        Ok(meeting::Entity::find()
            .filter(meeting::Column::BoardPresent.eq(false))
            .filter(meeting::Column::HeldAt.gte(scope.from))
            .filter(meeting::Column::HeldAt.lt(scope.to))
            .filter(meeting::Column::CaseId.in_subquery(cases))
            .count(&self.db)
            .await?)
    }
}
