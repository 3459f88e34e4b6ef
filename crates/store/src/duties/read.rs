//! Reading duty instances (SPEC §4.1, §6.2): one by id, or a filtered page
//! newest due first, with keyset pagination on `(due_at, id)`. What the
//! caller may see comes from `workflow::duty_visibility`, translated here
//! into SQL: lists and single reads never filter in memory.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use workflow::{
    DutyKind, DutyScope, DutyStatus, Lang, OverdueDuties, Period, Refusal, UserId,
    duty_period_label, duty_visibility,
};

use super::files::{DutyFile, of_duties};
use crate::cases::escape_like;
use crate::entities::{area, case, duty_instance, duty_schedule, unit, unit_area, user};
use crate::org::{actor, area_by_id, corrupt, unknown};
use crate::{MAX_LIMIT, Store, StoreError};

/// The filters of `GET /duties`; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct DutyFilter {
    /// Only duties this unit (code) owes.
    pub unit: Option<String>,
    /// Only this period: `2026-Q4`, `2026-11`, `2026`, or a trial date.
    pub period: Option<String>,
    /// Only this status.
    pub status: Option<DutyStatus>,
    /// Only duties still owed past their due time.
    pub overdue: bool,
    /// Where the previous page ended.
    pub cursor: Option<DutyCursor>,
    /// Page size, 1 to [`MAX_LIMIT`].
    pub limit: u64,
}

/// A position in the list of duties: the last duty of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutyCursor {
    /// Its due time.
    pub due_at: DateTime<Utc>,
    /// Its id.
    pub id: i64,
}

impl DutyCursor {
    /// The opaque text form clients pass back: `<nanoseconds>_<id>`.
    pub fn encode(&self) -> String {
        let nanos = self.due_at.timestamp_nanos_opt().unwrap_or(0);
        format!("{nanos}_{}", self.id)
    }

    /// Parses [`DutyCursor::encode`]'s form.
    pub fn decode(text: &str) -> Option<DutyCursor> {
        let (nanos, id) = text.split_once('_')?;
        Some(DutyCursor {
            due_at: Utc.timestamp_nanos(nanos.parse().ok()?),
            id: id.parse().ok()?,
        })
    }
}

/// A user named on a duty (who submitted or acknowledged it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyUser {
    /// Id.
    pub id: i64,
    /// Full name.
    pub name: String,
}

/// A duty instance with the codes and names a reader needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyInfo {
    /// Id.
    pub id: i64,
    /// Code of the unit that owes the information.
    pub unit: String,
    /// Its name.
    pub unit_name: String,
    /// Code of the board that receives it.
    pub recipient: String,
    /// Why it exists: a schedule's, a trial's, or an ad-hoc request.
    pub kind: DutyKind,
    /// `2026-Q4` for a periodic duty; the trial date for a trial duty; the
    /// due day for an ad-hoc request.
    pub period: String,
    /// What an ad-hoc request asks for.
    pub topic: Option<String>,
    /// When it is due.
    pub due_at: DateTime<Utc>,
    /// Where it stands.
    pub status: DutyStatus,
    /// The schedule of a periodic duty.
    pub schedule: Option<i64>,
    /// The programme of that schedule.
    pub programme: Option<i64>,
    /// The case code of a trial duty.
    pub case: Option<String>,
    /// When the information was given.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Who gave it.
    pub submitted_by: Option<DutyUser>,
    /// The information.
    pub text: Option<String>,
    /// When the board confirmed receipt.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// Who confirmed it.
    pub acknowledged_by: Option<DutyUser>,
    /// Why it was waived.
    pub waiver_reason: Option<String>,
    /// The documents the submission carried, oldest first.
    pub files: Vec<DutyFile>,
}

impl DutyInfo {
    /// Whether it is still owed past its due time at `now`.
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.status.is_overdue(self.due_at, now)
    }

    /// Its period as a reader sees it (`workflow::duty_period_label`).
    pub fn period_label(&self, lang: Lang) -> String {
        duty_period_label(
            self.kind,
            &self.period,
            self.case.as_deref(),
            self.topic.as_deref(),
            lang,
        )
    }
}

/// One page of duties and where the next begins.
#[derive(Debug, Clone)]
pub struct DutyPage {
    /// The duties, latest due first.
    pub duties: Vec<DutyInfo>,
    /// The cursor of the next page, if there is one.
    pub next: Option<DutyCursor>,
}

impl Store {
    /// The duty instances `user` may see that match `filter`.
    pub async fn list_duties(
        &self,
        user: UserId,
        filter: &DutyFilter,
        now: DateTime<Utc>,
    ) -> Result<DutyPage, StoreError> {
        let actor = actor(&self.db, user, now).await?;
        let mut query = duty_instance::Entity::find()
            .filter(visible(&self.db, &duty_visibility(&actor)).await?)
            .filter(filters(&self.db, filter, now).await?);
        if let Some(cursor) = filter.cursor {
            query = query.filter(
                Condition::any()
                    .add(duty_instance::Column::DueAt.lt(cursor.due_at))
                    .add(
                        Condition::all()
                            .add(duty_instance::Column::DueAt.eq(cursor.due_at))
                            .add(duty_instance::Column::Id.lt(cursor.id)),
                    ),
            );
        }
        let limit = filter.limit.clamp(1, MAX_LIMIT);
        let mut rows = query
            .order_by_desc(duty_instance::Column::DueAt)
            .order_by_desc(duty_instance::Column::Id)
            .limit(limit + 1)
            .all(&self.db)
            .await?;
        let more = rows.len() as u64 > limit;
        rows.truncate(limit as usize);
        let next = more.then(|| {
            let last = rows.last().expect("a full page");
            DutyCursor {
                due_at: last.due_at,
                id: last.id,
            }
        });
        Ok(DutyPage {
            duties: infos(&self.db, rows).await?,
            next,
        })
    }

    /// One duty instance, if `user` may see it; otherwise not found, as if
    /// it did not exist.
    pub async fn open_duty(
        &self,
        user: UserId,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<DutyInfo, StoreError> {
        let row = visible_duty(&self.db, user, id, now).await?;
        let mut infos = infos(&self.db, vec![row]).await?;
        Ok(infos.remove(0))
    }
}

/// The duty `id` if `user` may see it, else not found.
pub(crate) async fn visible_duty(
    conn: &impl ConnectionTrait,
    user: UserId,
    id: i64,
    now: DateTime<Utc>,
) -> Result<duty_instance::Model, StoreError> {
    let actor = actor(conn, user, now).await?;
    duty_instance::Entity::find_by_id(id)
        .filter(visible(conn, &duty_visibility(&actor)).await?)
        .one(conn)
        .await?
        .ok_or_else(|| not_found(id))
}

/// The error for a duty that does not exist or is hidden from the caller.
pub(crate) fn not_found(id: i64) -> StoreError {
    StoreError::NotFound {
        thing: crate::Thing::Duty,
        key: format!("#{id}"),
    }
}

/// The SQL form of a [`DutyScope`].
async fn visible(conn: &impl ConnectionTrait, scope: &DutyScope) -> Result<Condition, StoreError> {
    if scope.all {
        return Ok(Condition::all());
    }
    if scope.is_empty() {
        return Ok(Condition::all().add(Expr::cust("1 = 0")));
    }
    let mut any = Condition::any();
    if !scope.units.is_empty() {
        let units: Vec<i64> = scope.units.iter().map(|u| u.0).collect();
        any = any
            .add(duty_instance::Column::UnitId.is_in(units.clone()))
            .add(duty_instance::Column::RecipientUnitId.is_in(units));
    }
    for served in &scope.areas {
        let lineage = area_by_id(conn, served.0).await?.lineage;
        // Providers serving the area or any area below it.
        let subtree = Query::select()
            .column(area::Column::Id)
            .from(area::Entity)
            .and_where(
                Expr::col((area::Entity, area::Column::Lineage))
                    .like(LikeExpr::new(format!("{}%", escape_like(&lineage))).escape('\\')),
            )
            .to_owned();
        any = any.add(
            duty_instance::Column::UnitId.in_subquery(
                Query::select()
                    .column(unit_area::Column::UnitId)
                    .from(unit_area::Entity)
                    .and_where(unit_area::Column::AreaId.in_subquery(subtree))
                    .to_owned(),
            ),
        );
    }
    Ok(any)
}

/// The filters of the request.
async fn filters(
    conn: &impl ConnectionTrait,
    filter: &DutyFilter,
    now: DateTime<Utc>,
) -> Result<Condition, StoreError> {
    let mut all = Condition::all();
    if let Some(code) = &filter.unit {
        let provider = unit::Entity::find()
            .filter(unit::Column::Code.eq(code.trim()))
            .one(conn)
            .await?
            .ok_or_else(|| unknown("unit", code))?;
        all = all.add(duty_instance::Column::UnitId.eq(provider.id));
    }
    if let Some(period) = &filter.period {
        let period = period.trim();
        let valid = period.parse::<Period>().is_ok() || period.parse::<NaiveDate>().is_ok();
        if !valid {
            return Err(Refusal::InvalidInput { field: "period" }.into());
        }
        all = all.add(duty_instance::Column::Period.eq(period));
    }
    if let Some(status) = filter.status {
        all = all.add(duty_instance::Column::Status.eq(status.code()));
    }
    if filter.overdue {
        all = all.add(overdue(&OverdueDuties::at(now)));
    }
    Ok(all)
}

/// The SQL form of [`OverdueDuties`]; the store test
/// `the_overdue_filter_is_the_workflow_rule` proves the two agree.
fn overdue(rule: &OverdueDuties) -> Condition {
    Condition::all()
        .add(duty_instance::Column::Status.is_in(codes(rule.statuses)))
        .add(duty_instance::Column::DueAt.lt(rule.due_before))
}

/// The codes of some statuses, for an `IN` list.
pub(crate) fn codes(statuses: &[DutyStatus]) -> Vec<&'static str> {
    statuses.iter().map(|s| s.code()).collect()
}

/// The rows with their units, users, schedules and cases looked up in one
/// query per table, not per row.
pub(crate) async fn infos(
    conn: &impl ConnectionTrait,
    rows: Vec<duty_instance::Model>,
) -> Result<Vec<DutyInfo>, StoreError> {
    let unit_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.unit_id, r.recipient_unit_id])
        .collect();
    let units: HashMap<i64, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(unit_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let user_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.submitted_by, r.acknowledged_by])
        .flatten()
        .collect();
    let users: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let schedule_ids: Vec<i64> = rows.iter().filter_map(|r| r.schedule_id).collect();
    let programmes: HashMap<i64, i64> = duty_schedule::Entity::find()
        .filter(duty_schedule::Column::Id.is_in(schedule_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.programme_id))
        .collect();
    let case_ids: Vec<i64> = rows.iter().filter_map(|r| r.case_id).collect();
    let cases: HashMap<i64, String> = case::Entity::find()
        .filter(case::Column::Id.is_in(case_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut files = of_duties(conn, &ids).await?;
    let person = |id: Option<i64>| {
        id.map(|id| DutyUser {
            id,
            name: users.get(&id).cloned().unwrap_or_default(),
        })
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(provider), Some(recipient)) =
            (units.get(&r.unit_id), units.get(&r.recipient_unit_id))
        else {
            return Err(corrupt(format!("duty {} names a missing unit", r.id)));
        };
        let status = DutyStatus::from_code(&r.status)
            .ok_or_else(|| corrupt(format!("duty {} has status {}", r.id, r.status)))?;
        let kind = DutyKind::from_code(&r.kind)
            .ok_or_else(|| corrupt(format!("duty {} has kind {}", r.id, r.kind)))?;
        out.push(DutyInfo {
            id: r.id,
            unit: provider.code.clone(),
            unit_name: provider.name.clone(),
            recipient: recipient.code.clone(),
            kind,
            period: r.period,
            topic: r.topic,
            due_at: r.due_at,
            status,
            schedule: r.schedule_id,
            programme: r.schedule_id.and_then(|s| programmes.get(&s).copied()),
            case: r.case_id.and_then(|c| cases.get(&c).cloned()),
            submitted_at: r.submitted_at,
            submitted_by: person(r.submitted_by),
            text: r.submission_text,
            acknowledged_at: r.acknowledged_at,
            acknowledged_by: person(r.acknowledged_by),
            waiver_reason: r.waived_reason,
            files: files.remove(&r.id).unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duty_cursor_survives_its_text_form() {
        let cursor = DutyCursor {
            due_at: Utc.timestamp_nanos(1_799_000_000_000_000_000),
            id: 7,
        };
        assert_eq!(DutyCursor::decode(&cursor.encode()), Some(cursor));
        assert_eq!(DutyCursor::decode("7"), None);
    }
}
