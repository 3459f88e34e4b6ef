//! A board officer files a case from an opinion item with one click: the
//! case is filed as the board's own filing would be (the `file` action of
//! `workflow`, its code, event and e-mails), with source `collaborator`
//! and the hotspot risk of the item's mood × reach; the item's `case_id`
//! is set in the same transaction, and only if it was still empty, so a
//! second click (or two at once) is refused naming the case.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use workflow::{
    Actor, Case, FileInput, MAX_TITLE_CHARS, OpinionRefusal, OpinionReportFacts, Policy, Source,
    UserId, case_title_from_summary, check_case_from_item, hotspot_risk_of,
};

use super::read::visible_report;
use crate::cases::{prepare, write_once};
use crate::entities::{case, opinion_item};
use crate::idempotency::{CaseAnswer, KeyTaken};
use crate::org::{actor, area_by_id, area_ref};
use crate::reads::ReadSelect;
use crate::{Store, StoreError, Thing};

impl Store {
    /// Files a case from the item at `position` of report `report_id`, as
    /// `user` at `now`. Returns the caller as the rules saw them and the
    /// new case.
    pub async fn file_case_from_opinion(
        &self,
        user: UserId,
        report_id: i64,
        position: i32,
        now: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<(Actor, Case), StoreError> {
        // Before the write transaction: reloading it may take a connection.
        let org = self.org(&self.read).await?;
        let tx = self.write_tx().await?;
        let report = visible_report(&tx, user, report_id, now).await?;
        let item = opinion_item::Entity::find()
            .filter(opinion_item::Column::ReportId.eq(report.id))
            .filter(opinion_item::Column::Position.eq(position))
            .read_one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: Thing::OpinionReport,
                key: format!("#{report_id}/{position}"),
            })?;
        let area = area_by_id(&tx, report.area_id).await?;
        let actor = actor(&tx, user, now).await?;
        let facts = OpinionReportFacts {
            reporter: UserId(report.reporter_id),
            area: area_ref(&area),
        };
        check_case_from_item(&actor, &facts)?;
        if let Some(case_id) = item.case_id {
            return Err(already_filed(&tx, case_id).await?);
        }
        let mood = workflow::Mood::from_code(&item.mood);
        let reach = workflow::OpinionReach::from_code(&item.reach);
        let request = FileInput {
            title: case_title_from_summary(&item.summary, MAX_TITLE_CHARS),
            description: item.summary.clone(),
            area: area.code.clone(),
            category: item.category.clone(),
            source: Source::Collaborator,
            people_affected: item.people_affected,
            hotspot_risk: mood.zip(reach).map(|(m, r)| hotspot_risk_of(m, r)),
        };
        let prepared = prepare(&org, actor.clone(), request, now, policy)?;
        let (filer, filed) = match write_once(&tx, user, &prepared, &[], now, None).await {
            Ok(CaseAnswer::Done { case, actor }) => (actor, *case),
            Ok(CaseAnswer::Replay { .. }) => unreachable!("no key, no replay"),
            Err(KeyTaken::Error(e)) => return Err(e),
            Err(KeyTaken::Race) => return Err(StoreError::KeyReused),
        };
        let set = opinion_item::Entity::update_many()
            .col_expr(opinion_item::Column::CaseId, Expr::value(filed.id.0))
            .filter(opinion_item::Column::Id.eq(item.id))
            .filter(opinion_item::Column::CaseId.is_null())
            .exec(&tx)
            .await?;
        if set.rows_affected == 0 {
            // Another click won meanwhile: nothing of this one is kept.
            drop(tx);
            let now_item = opinion_item::Entity::find_by_id(item.id)
                .read_one(&self.db)
                .await?;
            return match now_item.and_then(|i| i.case_id) {
                Some(case_id) => Err(already_filed(&self.db, case_id).await?),
                None => Err(StoreError::Io("opinion item changed meanwhile".to_owned())),
            };
        }
        tx.commit().await?;
        Ok((filer, filed))
    }
}

/// The refusal of a second filing, naming the case of the first.
async fn already_filed(
    conn: &impl crate::reads::Reads,
    case_id: i64,
) -> Result<StoreError, StoreError> {
    let code = case::Entity::find_by_id(case_id)
        .read_one(conn)
        .await?
        .map(|c| c.code)
        .unwrap_or_else(|| format!("#{case_id}"));
    Ok(OpinionRefusal::ItemAlreadyFiled { case: code }.into())
}
