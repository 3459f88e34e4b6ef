//! Reading opinion reports back: one report with its items and the cases
//! filed from them, as the caller may read it (else not found, as for
//! cases), and the report a case was filed from.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use workflow::{Mood, OpinionReach, OpinionReportFacts, Source, UserId, opinion_visibility};

use super::{CaseLink, OpinionItemView, OpinionReportView};
use crate::collaborators::{Collaborator, profile_of};
use crate::entities::{area, case, opinion_item, opinion_report, user};
use crate::org::{actor, area_by_id, area_ref, corrupt};
use crate::reads::{ReadSelect, Reads};
use crate::{Store, StoreError, Thing};

/// Where a case filed from an opinion came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionOrigin {
    /// The report's id.
    pub report_id: i64,
    /// The item's position in it.
    pub position: i32,
    /// Who sent the report.
    pub reporter_name: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// The report `id` as `user` may read it; one they may not read is
    /// not found.
    pub async fn opinion_report(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<OpinionReportView, StoreError> {
        let row = visible_report(&self.read, user, id, now).await?;
        view_of(&self.read, row).await
    }

    /// [`Store::opinion_report`] and whether `user` may file a case from
    /// its items (`workflow::check_case_from_item`): the buttons a page
    /// offers.
    pub async fn opinion_report_with_rights(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(OpinionReportView, bool), StoreError> {
        let row = visible_report(&self.read, user, id, now).await?;
        let actor = actor(&self.read, user, now).await?;
        let facts = OpinionReportFacts {
            reporter: UserId(row.reporter_id),
            area: area_ref(&area_by_id(&self.read, row.area_id).await?),
        };
        let may_file = workflow::check_case_from_item(&actor, &facts).is_ok();
        Ok((view_of(&self.read, row).await?, may_file))
    }

    /// The areas `user` may send opinion reports for today, as (code,
    /// name) in code order: those their profile covers and every area
    /// below them; none unless they are a collaborator serving today.
    pub async fn opinion_areas(
        &self,
        user: UserId,
        now: DateTime<Utc>,
        tz: chrono_tz::Tz,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let today = now.with_timezone(&tz).date_naive();
        let actor = actor(&self.read, user, now).await?;
        let collaborator = profile_of(&self.read, user.0).await?;
        let profile = collaborator.as_ref().map(Collaborator::filer);
        let Ok(profile) = workflow::check_serving_filer(&actor, profile.as_ref(), today) else {
            return Ok(Vec::new());
        };
        let mut ids = Vec::new();
        for covered in &profile.covered {
            let lineage = area_by_id(&self.read, covered.0).await?.lineage;
            ids.extend(super::list::subtree_ids(&self.read, &lineage).await?);
        }
        let mut areas: Vec<(String, String)> = area::Entity::find()
            .filter(area::Column::Id.is_in(ids))
            .read_all(&self.read)
            .await?
            .into_iter()
            .map(|a| (a.code, a.name))
            .collect();
        areas.sort();
        areas.dedup();
        Ok(areas)
    }

    /// The report the case `case_id` was filed from, if it was and `user`
    /// may read that report.
    pub async fn opinion_origin(
        &self,
        user: UserId,
        case_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<OpinionOrigin>, StoreError> {
        let Some(item) = opinion_item::Entity::find()
            .filter(opinion_item::Column::CaseId.eq(case_id))
            .read_one(&self.read)
            .await?
        else {
            return Ok(None);
        };
        let report = match visible_report(&self.read, user, item.report_id, now).await {
            Ok(report) => report,
            Err(StoreError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(Some(OpinionOrigin {
            report_id: report.id,
            position: item.position,
            reporter_name: user_names(&self.read, &[report.reporter_id])
                .await?
                .remove(&report.reporter_id)
                .unwrap_or_default(),
            created_at: report.created_at,
        }))
    }
}

/// The report row `id` if `user` may read it, else not found.
pub(super) async fn visible_report(
    conn: &impl Reads,
    user: UserId,
    id: i64,
    now: DateTime<Utc>,
) -> Result<opinion_report::Model, StoreError> {
    let not_found = || StoreError::NotFound {
        thing: Thing::OpinionReport,
        key: format!("#{id}"),
    };
    let row = opinion_report::Entity::find_by_id(id)
        .read_one(conn)
        .await?
        .ok_or_else(not_found)?;
    let actor = actor(conn, user, now).await?;
    let facts = OpinionReportFacts {
        reporter: UserId(row.reporter_id),
        area: area_ref(&area_by_id(conn, row.area_id).await?),
    };
    if opinion_visibility(&actor).admits(&facts) {
        Ok(row)
    } else {
        Err(not_found())
    }
}

/// One report with its items.
pub(super) async fn view_of(
    conn: &impl Reads,
    row: opinion_report::Model,
) -> Result<OpinionReportView, StoreError> {
    Ok(views_of(conn, vec![row]).await?.remove(0))
}

/// Reports with their items, in a few queries whatever their number.
pub(super) async fn views_of(
    conn: &impl Reads,
    rows: Vec<opinion_report::Model>,
) -> Result<Vec<OpinionReportView>, StoreError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let items = opinion_item::Entity::find()
        .filter(opinion_item::Column::ReportId.is_in(ids))
        .order_by_asc(opinion_item::Column::ReportId)
        .order_by_asc(opinion_item::Column::Position)
        .read_all(conn)
        .await?;
    let case_ids: Vec<i64> = items.iter().filter_map(|i| i.case_id).collect();
    let codes: HashMap<i64, String> = if case_ids.is_empty() {
        HashMap::new()
    } else {
        case::Entity::find()
            .filter(case::Column::Id.is_in(case_ids))
            .read_all(conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect()
    };
    let mut by_report: HashMap<i64, Vec<OpinionItemView>> = HashMap::new();
    for item in items {
        let view = item_view(item.clone(), &codes)?;
        by_report.entry(item.report_id).or_default().push(view);
    }
    let reporters: Vec<i64> = rows.iter().map(|r| r.reporter_id).collect();
    let names = user_names(conn, &reporters).await?;
    let area_ids: Vec<i64> = rows.iter().map(|r| r.area_id).collect();
    let areas: HashMap<i64, area::Model> = area::Entity::find()
        .filter(area::Column::Id.is_in(area_ids))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    rows.into_iter()
        .map(|row| {
            let area = areas
                .get(&row.area_id)
                .ok_or_else(|| corrupt(format!("report {} has no area", row.id)))?;
            Ok(OpinionReportView {
                id: row.id,
                reporter_id: row.reporter_id,
                reporter_name: names.get(&row.reporter_id).cloned().unwrap_or_default(),
                area: area.code.clone(),
                area_name: area.name.clone(),
                period: row.period,
                quick: row.quick,
                created_at: row.created_at,
                items: by_report.remove(&row.id).unwrap_or_default(),
            })
        })
        .collect()
}

fn item_view(
    item: opinion_item::Model,
    codes: &HashMap<i64, String>,
) -> Result<OpinionItemView, StoreError> {
    let bad =
        |what: &str, code: &str| corrupt(format!("opinion item {} has {what} {code}", item.id));
    Ok(OpinionItemView {
        position: item.position,
        mood: Mood::from_code(&item.mood).ok_or_else(|| bad("mood", &item.mood))?,
        reach: OpinionReach::from_code(&item.reach).ok_or_else(|| bad("reach", &item.reach))?,
        source: Source::from_code(&item.source).ok_or_else(|| bad("source", &item.source))?,
        case: item.case_id.map(|id| CaseLink {
            id,
            code: codes.get(&id).cloned().unwrap_or_default(),
        }),
        category: item.category,
        summary: item.summary,
        people_affected: item.people_affected,
    })
}

async fn user_names(conn: &impl Reads, ids: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .read_all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}
