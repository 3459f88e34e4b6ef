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
use crate::idempotency::{KeyTaken, lookup_key, save_key};
use crate::org::{actor, area_by_code, area_ref};
use crate::reads::ReadSelect;
use crate::{Store, StoreError};

/// A keyed filing: the client's `Idempotency-Key`, the hash of the
/// request, and how to render the answer a replay will return.
pub struct OpinionOnce<'a> {
    /// The client's `Idempotency-Key`.
    pub key: &'a str,
    /// A hash of the method, path and body.
    pub request_hash: &'a str,
    /// The HTTP status of the first response.
    pub status: u16,
    /// The body of the first response.
    pub render: &'a (dyn Fn(&OpinionReportView) -> String + Send + Sync),
}

/// What a (keyed) filing came to.
#[derive(Debug, Clone)]
pub enum OpinionAnswer {
    /// Filed now.
    Done(Box<OpinionReportView>),
    /// Filed before under the same key: the stored response.
    Replay {
        /// Its status.
        status: u16,
        /// Its body.
        body: String,
    },
}

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
        if let Some(once) = once
            && let Some((status, body)) =
                lookup_key(&tx, user, once.key, once.request_hash, now).await?
        {
            return Ok(OpinionAnswer::Replay { status, body });
        }
        let view = write(&tx, user, input, now, tz).await?;
        if let Some(once) = once {
            match save_key(
                &tx,
                user,
                once.key,
                once.request_hash,
                once.status,
                (once.render)(&view),
                now,
            )
            .await
            {
                Ok(()) => {}
                Err(KeyTaken::Race) => {
                    drop(tx);
                    return lookup_key(&self.db, user, once.key, once.request_hash, now)
                        .await?
                        .map(|(status, body)| OpinionAnswer::Replay { status, body })
                        .ok_or(StoreError::KeyReused);
                }
                Err(KeyTaken::Error(e)) => return Err(e),
            }
        }
        tx.commit().await?;
        Ok(OpinionAnswer::Done(Box::new(view)))
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
