//! Listing the organisation and the audit log.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
use workflow::{UnitRef, UserId};

use super::{AreaInfo, AuditEntry, CategoryInfo, UnitInfo, UserInfo, former_names};
use crate::entities::{area, audit_log, category, unit, unit_area, user, user_title};
use crate::org::actor;
use crate::{Store, StoreError};

impl Store {
    /// Every area, by code; any signed-in user.
    pub async fn areas(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<AreaInfo>, StoreError> {
        actor(&self.db, user, now).await?;
        let rows = area::Entity::find()
            .order_by_asc(area::Column::Code)
            .all(&self.db)
            .await?;
        let codes: HashMap<i64, String> = rows.iter().map(|a| (a.id, a.code.clone())).collect();
        Ok(rows
            .iter()
            .map(|a| AreaInfo {
                id: a.id,
                code: a.code.clone(),
                name: a.name.clone(),
                parent: a.parent_id.and_then(|p| codes.get(&p).cloned()),
                depth: a.depth,
                former_names: former_names(&a.former_names),
            })
            .collect())
    }

    /// Every unit with the areas it serves, by code; any signed-in user.
    pub async fn units(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<UnitInfo>, StoreError> {
        actor(&self.db, user, now).await?;
        let areas: HashMap<i64, String> = area::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| (a.id, a.code))
            .collect();
        let mut serves: HashMap<i64, Vec<String>> = HashMap::new();
        for link in unit_area::Entity::find().all(&self.db).await? {
            if let Some(code) = areas.get(&link.area_id) {
                serves.entry(link.unit_id).or_default().push(code.clone());
            }
        }
        let rows = unit::Entity::find()
            .order_by_asc(unit::Column::Code)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|u| {
                let mut served = serves.remove(&u.id).unwrap_or_default();
                served.sort();
                UnitInfo {
                    id: u.id,
                    area: areas.get(&u.home_area_id).cloned().unwrap_or_default(),
                    code: u.code,
                    name: u.name,
                    kind: u.kind,
                    serves: served,
                    active: UnitRef::active_on(u.valid_to, now.date_naive()),
                    email: u.email,
                    former_names: former_names(&u.former_names),
                }
            })
            .collect())
    }

    /// Every category, active or not; any signed-in user.
    pub async fn categories(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<CategoryInfo>, StoreError> {
        actor(&self.db, user, now).await?;
        let rows = category::Entity::find()
            .order_by_asc(category::Column::Code)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|c| CategoryInfo {
                code: c.code,
                name_vi: c.name_vi,
                name_en: c.name_en,
                active: c.active,
            })
            .collect())
    }

    /// Every user; administrators only.
    pub async fn users(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<Vec<UserInfo>, StoreError> {
        self.administrator(user, now).await?;
        let units: HashMap<i64, String> = unit::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.code))
            .collect();
        let rows = user::Entity::find()
            .order_by_asc(user::Column::Email)
            .all(&self.db)
            .await?;
        let mut titles: HashMap<i64, String> = user_title::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| (t.user_id, t.title))
            .collect();
        Ok(rows
            .into_iter()
            .map(|u| UserInfo {
                title: titles.remove(&u.id),
                id: u.id,
                unit: units.get(&u.unit_id).cloned().unwrap_or_default(),
                email: u.email,
                name: u.name,
                role: u.role,
                lang: u.lang,
                disabled: u.disabled,
            })
            .collect())
    }

    /// The newest `limit` rows of the audit log; administrators only.
    pub async fn audit_log(
        &self,
        user: UserId,
        limit: u64,
        now: DateTime<Utc>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.administrator(user, now).await?;
        let rows = audit_log::Entity::find()
            .order_by_desc(audit_log::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                at: r.at,
                actor: r.actor_user_id,
                action: r.action,
                detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
            })
            .collect())
    }
}
