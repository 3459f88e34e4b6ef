//! A page of the opinion reports a caller reads, newest first, with
//! filters (area subtree, month, quick, reporter) and keyset paging on
//! `(created_at, id)` as the case lists do.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use workflow::{Email, OpinionVisibility, UserId, opinion_visibility, report_month};

use super::read::views_of;
use super::{MAX_REPORTS_PER_PAGE, OpinionReportView};
use crate::cases::escape_like;
use crate::entities::{area, opinion_report, user};
use crate::org::{actor, area_by_code, area_by_id, unknown};
use crate::reads::{ReadSelect, Reads};
use crate::{Invalid, Store, StoreError};

/// The filters of `GET /opinion-reports`, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct OpinionReportFilter {
    /// Only this area's code and the areas below it.
    pub area: Option<String>,
    /// Only the monthly reports of this month (`2026-11`).
    pub period: Option<String>,
    /// Only quick (true) or only monthly (false) reports.
    pub quick: Option<bool>,
    /// Only the reports of the reporter with this e-mail.
    pub reporter: Option<String>,
    /// Where the previous page ended (`<nanoseconds>_<id>`).
    pub cursor: Option<String>,
    /// Page size, 1 to [`MAX_REPORTS_PER_PAGE`].
    pub limit: u64,
}

/// One page of reports.
#[derive(Debug, Clone)]
pub struct OpinionReportPage {
    /// The reports, newest first.
    pub reports: Vec<OpinionReportView>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
}

/// What a reader may filter their list of reports by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpinionFilterChoices {
    /// The areas, as (code, name) in code order.
    pub areas: Vec<(String, String)>,
    /// The reporters of the reports they read, as (e-mail, name) in name
    /// order.
    pub reporters: Vec<(String, String)>,
}

impl Store {
    /// The choices of the list's filters for `user`: every area for a
    /// reader of all reports, else the areas they read with those below
    /// and the areas of their own reports; the reporters of the reports
    /// they read.
    pub async fn opinion_filter_choices(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<OpinionFilterChoices, StoreError> {
        let actor = actor(&self.read, user, now).await?;
        let seen = opinion_visibility(&actor);
        let visible = visible(&self.read, &seen).await?;
        let mut areas = area::Entity::find().order_by_asc(area::Column::Code);
        if !seen.all {
            let mut ids = opinion_report::Entity::find()
                .select_only()
                .column(opinion_report::Column::AreaId)
                .filter(opinion_report::Column::ReporterId.eq(user.0))
                .distinct()
                .read_ints(&self.read)
                .await?;
            for a in &seen.areas {
                let lineage = area_by_id(&self.read, a.0).await?.lineage;
                ids.extend(subtree_ids(&self.read, &lineage).await?);
            }
            areas = areas.filter(area::Column::Id.is_in(ids));
        }
        let reporter_ids = opinion_report::Entity::find()
            .select_only()
            .column(opinion_report::Column::ReporterId)
            .filter(visible)
            .distinct()
            .read_ints(&self.read)
            .await?;
        let mut reporters: Vec<(String, String)> = user::Entity::find()
            .filter(user::Column::Id.is_in(reporter_ids))
            .read_all(&self.read)
            .await?
            .into_iter()
            .map(|u| (u.email, u.name))
            .collect();
        reporters.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        Ok(OpinionFilterChoices {
            areas: areas
                .read_all(&self.read)
                .await?
                .into_iter()
                .map(|a| (a.code, a.name))
                .collect(),
            reporters,
        })
    }

    /// The reports `user` reads that match `filter`.
    pub async fn list_opinion_reports(
        &self,
        user: UserId,
        filter: &OpinionReportFilter,
        now: DateTime<Utc>,
    ) -> Result<OpinionReportPage, StoreError> {
        let actor = actor(&self.read, user, now).await?;
        let mut select = opinion_report::Entity::find()
            .filter(visible(&self.read, &opinion_visibility(&actor)).await?);
        if let Some(code) = &filter.area {
            let area = area_by_code(&self.read, code, "area").await?;
            select = select.filter(
                opinion_report::Column::AreaId.is_in(subtree_ids(&self.read, &area.lineage).await?),
            );
        }
        if let Some(period) = &filter.period {
            let month = report_month(period).map_err(StoreError::OpinionRefused)?;
            select = select.filter(opinion_report::Column::Period.eq(month.to_string()));
        }
        if let Some(email) = &filter.reporter {
            // Not an e-mail names nobody, as an unknown one does.
            let email = Email::parse(email).map_err(|_| unknown("reporter", email))?;
            let reporter = user::Entity::find()
                .filter(user::Column::Email.eq(email.as_str()))
                .read_one(&self.read)
                .await?
                .ok_or_else(|| unknown("reporter", email.as_str()))?;
            select = select.filter(opinion_report::Column::ReporterId.eq(reporter.id));
        }
        if let Some(quick) = filter.quick {
            select = select.filter(opinion_report::Column::Quick.eq(quick));
        }
        if let Some(text) = &filter.cursor {
            let (created_at, id) = decode(text).ok_or(StoreError::Invalid {
                field: "cursor",
                reason: Invalid::ForeignCursor,
            })?;
            select = select.filter(
                Condition::any()
                    .add(opinion_report::Column::CreatedAt.lt(created_at))
                    .add(
                        Condition::all()
                            .add(opinion_report::Column::CreatedAt.eq(created_at))
                            .add(opinion_report::Column::Id.lt(id)),
                    ),
            );
        }
        let limit = filter.limit.clamp(1, MAX_REPORTS_PER_PAGE);
        let mut rows = select
            .order_by_desc(opinion_report::Column::CreatedAt)
            .order_by_desc(opinion_report::Column::Id)
            .limit(limit + 1)
            .read_all(&self.read)
            .await?;
        let next = if rows.len() as u64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|r| encode(r.created_at, r.id))
        } else {
            None
        };
        Ok(OpinionReportPage {
            reports: views_of(&self.read, rows).await?,
            next,
        })
    }
}

/// The SQL form of an [`OpinionVisibility`].
pub(super) async fn visible(
    conn: &impl Reads,
    seen: &OpinionVisibility,
) -> Result<Condition, StoreError> {
    if seen.all {
        return Ok(Condition::all());
    }
    let mut ids = Vec::new();
    for a in &seen.areas {
        let lineage = area_by_id(conn, a.0).await?.lineage;
        ids.extend(subtree_ids(conn, &lineage).await?);
    }
    let mut any = Condition::any().add(opinion_report::Column::ReporterId.eq(seen.own.0));
    if !ids.is_empty() {
        any = any.add(opinion_report::Column::AreaId.is_in(ids));
    }
    Ok(any)
}

/// The ids of the area of `lineage` and every area below it.
pub(super) async fn subtree_ids(conn: &impl Reads, lineage: &str) -> Result<Vec<i64>, StoreError> {
    area::Entity::find()
        .select_only()
        .column(area::Column::Id)
        .filter(
            Expr::col((area::Entity, area::Column::Lineage))
                .like(LikeExpr::new(format!("{}%", escape_like(lineage))).escape('\\')),
        )
        .read_ints(conn)
        .await
        .map_err(StoreError::from)
}

fn encode(created_at: DateTime<Utc>, id: i64) -> String {
    format!("{}_{id}", created_at.timestamp_nanos_opt().unwrap_or(0))
}

fn decode(text: &str) -> Option<(DateTime<Utc>, i64)> {
    let (nanos, id) = text.split_once('_')?;
    Some((Utc.timestamp_nanos(nanos.parse().ok()?), id.parse().ok()?))
}
