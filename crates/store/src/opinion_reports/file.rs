//! Filing an opinion report: the collaborator, the area they cover, the
//! categories and the one-monthly-report rule are checked, then the report
//! and its items (and the key's answer) are written in one transaction.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use workflow::{
    ItemProblem, NewOpinionReport, OpinionRefusal, OpinionReportInput, ReportKind, UserId,
    check_opinion_filer, check_serving_filer,
};

use super::OpinionReportView;
use super::read::view_of;
use crate::collaborators::{Collaborator, profile_of};
use crate::connect::is_unique_violation;
use crate::entities::{category, opinion_item, opinion_report};
use crate::idempotency::{Answer, Keyed, commit_keyed, replayed};
use crate::org::{actor, area_by_code, area_ref};
use crate::reads::ReadSelect;
use crate::{Store, StoreError};

/// A keyed filing: its answer is rendered from the report as filed.
pub type OpinionOnce<'a> = Keyed<'a, OpinionReportView>;

/// What a (keyed) filing came to: the report filed now, or the stored
/// response of the first filing under the key.
pub type OpinionAnswer = Answer<OpinionReportView>;

impl Store {
    /// Files an opinion report as `user` at `now` (`tz` gives the month
    /// and day it is). Nothing is written when anything is refused.
    pub async fn file_opinion_report(
        &self,
        user: UserId,
        input: OpinionReportInput,
        now: DateTime<Utc>,
        tz: Tz,
        once: Option<&OpinionOnce<'_>>,
    ) -> Result<OpinionAnswer, StoreError> {
        let tx = self.write_tx().await?;
        if let Some(answer) = replayed(&tx, user, once, now).await? {
            return Ok(answer);
        }
        let view = write(&tx, user, input, now, tz).await?;
        commit_keyed(&self.db, tx, user, once, view, now).await
    }
}

/// Checks and writes the report inside `tx`.
async fn write(
    tx: &DatabaseTransaction,
    user: UserId,
    input: OpinionReportInput,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<OpinionReportView, StoreError> {
    let today = now.with_timezone(&tz).date_naive();
    let actor = actor(tx, user, now).await?;
    let collaborator = profile_of(tx, user.0).await?;
    let profile = collaborator.as_ref().map(Collaborator::filer);
    // Who may send at all is said before what is wrong with the report.
    check_serving_filer(&actor, profile.as_ref(), today)?;
    let report = NewOpinionReport::parse(input, today)?;
    let area = area_by_code(tx, &report.area, "area").await?;
    check_opinion_filer(&actor, profile.as_ref(), &area_ref(&area), today)?;
    let active: HashSet<String> = category::Entity::find()
        .filter(category::Column::Active.eq(true))
        .read_all(tx)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    if let Some((position, item)) = (1..)
        .zip(&report.items)
        .find(|(_, item)| !active.contains(&item.category))
    {
        return Err(OpinionRefusal::Item {
            position,
            problem: ItemProblem::UnknownCategory {
                code: item.category.clone(),
            },
        }
        .into());
    }
    let period = report.kind.period_code();
    let duplicate = || -> StoreError {
        let words = match report.kind {
            ReportKind::Monthly(workflow::Period::Month { year, month }) => {
                format!("{month:02}/{year}")
            }
            _ => period.clone().unwrap_or_default(),
        };
        OpinionRefusal::DuplicateMonthly {
            period: words,
            area: area.name.clone(),
        }
        .into()
    };
    if let Some(period) = &period {
        let sent = opinion_report::Entity::find()
            .filter(opinion_report::Column::ReporterId.eq(user.0))
            .filter(opinion_report::Column::AreaId.eq(area.id))
            .filter(opinion_report::Column::Period.eq(period.as_str()))
            .read_one(tx)
            .await?;
        if sent.is_some() {
            return Err(duplicate());
        }
    }
    let row = opinion_report::ActiveModel {
        reporter_id: Set(user.0),
        area_id: Set(area.id),
        period: Set(period.clone()),
        quick: Set(report.kind == ReportKind::Quick),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            duplicate()
        } else {
            e.into()
        }
    })?;
    let items = (1..)
        .zip(&report.items)
        .map(|(position, item)| opinion_item::ActiveModel {
            report_id: Set(row.id),
            position: Set(position),
            category: Set(item.category.clone()),
            summary: Set(item.summary.clone()),
            mood: Set(item.mood.code().to_owned()),
            reach: Set(item.reach.code().to_owned()),
            source: Set(item.source.code().to_owned()),
            people_affected: Set(item.people_affected.map(i64::from)),
            case_id: Set(None),
            ..Default::default()
        });
    opinion_item::Entity::insert_many(items).exec(tx).await?;
    view_of(tx, row).await
}
