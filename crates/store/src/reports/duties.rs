//! Duty compliance per agency (SPEC §4.3): every duty instance due in the
//! period, counted on time, late, missing, waived or not yet due.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use workflow::{AreaId, DutyStatus, duty_compliance};

use super::figures::{AgencyCompliance, ComplianceCounts, PeriodCompliance};
use crate::StoreError;
use crate::directory::name_on;
use crate::entities::{area, duty_instance, unit};
use crate::org::{corrupt, parse_lineage};

/// Which duties count.
pub(super) struct DutyScope {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// The report's area: providers whose home area lies in it.
    pub area_lineage: Option<String>,
    /// The reader's served areas, unless they see everything: providers
    /// whose home area lies in one of them.
    pub visible_areas: Option<Vec<AreaId>>,
}

/// The compliance of every agency with a duty due in the scope, by code,
/// each agency named as on `names_on`.
pub(super) async fn compliance(
    conn: &impl ConnectionTrait,
    scope: &DutyScope,
    now: DateTime<Utc>,
    names_on: NaiveDate,
) -> Result<Vec<AgencyCompliance>, StoreError> {
    let duties = duty_instance::Entity::find()
        .filter(duty_instance::Column::DueAt.gte(scope.from))
        .filter(duty_instance::Column::DueAt.lt(scope.to))
        .all(conn)
        .await?;
    let providers: HashMap<i64, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(duties.iter().map(|d| d.unit_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let lineages: HashMap<i64, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(providers.values().map(|u| u.home_area_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a.lineage))
        .collect();
    let admitted = |provider: &unit::Model| -> bool {
        let Some(lineage) = lineages.get(&provider.home_area_id) else {
            return false;
        };
        let in_area = scope
            .area_lineage
            .as_ref()
            .is_none_or(|root| lineage.starts_with(root.as_str()));
        let ancestors = parse_lineage(lineage);
        let visible = scope
            .visible_areas
            .as_ref()
            .is_none_or(|areas| areas.iter().any(|a| ancestors.contains(a)));
        in_area && visible
    };
    let mut agencies: BTreeMap<String, (String, BTreeMap<String, ComplianceCounts>)> =
        BTreeMap::new();
    for duty in duties {
        let Some(provider) = providers.get(&duty.unit_id).filter(|p| admitted(p)) else {
            continue;
        };
        let status = DutyStatus::from_code(&duty.status)
            .ok_or_else(|| corrupt(format!("duty {} has status {}", duty.id, duty.status)))?;
        let compliance = duty_compliance(status, duty.due_at, duty.submitted_at, now);
        agencies
            .entry(provider.code.clone())
            .or_insert_with(|| {
                let name = name_on(&provider.name, &provider.former_names, names_on);
                (name, BTreeMap::new())
            })
            .1
            .entry(duty.period.clone())
            .or_default()
            .add(compliance);
    }
    Ok(agencies
        .into_iter()
        .map(|(unit, (name, periods))| {
            let mut total = ComplianceCounts::default();
            let periods = periods
                .into_iter()
                .map(|(period, counts)| {
                    total.on_time += counts.on_time;
                    total.late += counts.late;
                    total.missing += counts.missing;
                    total.waived += counts.waived;
                    total.not_due += counts.not_due;
                    PeriodCompliance { period, counts }
                })
                .collect();
            AgencyCompliance {
                unit,
                name,
                periods,
                total,
            }
        })
        .collect())
}
