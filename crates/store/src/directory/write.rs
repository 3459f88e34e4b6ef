//! Changing the organisation: each change checked for an administrator,
//! carried out, and written to the audit log in the same transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use workflow::{Role, ShortText, UserId};

use crate::admin::{NewArea, NewUnit, NewUser};
use crate::audit::record;
use crate::connect::is_unique_violation;
use crate::entities::{category, unit, user};
use crate::org::unknown;
use crate::{Store, StoreError};

/// What an administrator may change of a user; `None` keeps it.
#[derive(Debug, Clone, Default)]
pub struct UserChange {
    /// New name.
    pub name: Option<String>,
    /// New role.
    pub role: Option<Role>,
    /// New unit code.
    pub unit: Option<String>,
    /// Disable (true) or enable (false) the account.
    pub disabled: Option<bool>,
    /// New title (chức vụ) for signature blocks; blank removes it.
    pub title: Option<String>,
}

/// A new category.
#[derive(Debug, Clone)]
pub struct NewCategory {
    /// Code, e.g. `flooding`.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
}

/// What an administrator may change of a category; `None` keeps it.
#[derive(Debug, Clone, Default)]
pub struct CategoryChange {
    /// New Vietnamese name.
    pub name_vi: Option<String>,
    /// New English name.
    pub name_en: Option<String>,
    /// Whether new cases may use it.
    pub active: Option<bool>,
}

impl Store {
    /// Adds an area as an administrator.
    pub async fn create_area(
        &self,
        by: UserId,
        new: NewArea,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.administrator(by, now).await?;
        self.add_area_by(new, now, Some(by)).await
    }

    /// Adds a unit as an administrator.
    pub async fn create_unit(
        &self,
        by: UserId,
        new: NewUnit,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.administrator(by, now).await?;
        self.add_unit_by(new, now, Some(by)).await
    }

    /// Adds a user as an administrator (the password is never logged).
    pub async fn create_user(
        &self,
        by: UserId,
        new: NewUser,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.administrator(by, now).await?;
        self.add_user_by(new, now, Some(by)).await
    }

    /// Changes a user as an administrator.
    pub async fn update_user(
        &self,
        by: UserId,
        id: i64,
        change: UserChange,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let tx = self.write_tx().await?;
        let row = user::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::User,
                key: format!("#{id}"),
            })?;
        let mut active: user::ActiveModel = row.into();
        if let Some(name) = &change.name {
            active.name = Set(ShortText::parse("name", name)?.into_string());
        }
        if let Some(role) = change.role {
            active.role = Set(role.code().to_owned());
        }
        if let Some(code) = &change.unit {
            let unit = unit::Entity::find()
                .filter(unit::Column::Code.eq(code.trim()))
                .one(&tx)
                .await?
                .ok_or_else(|| unknown("unit", code))?;
            active.unit_id = Set(unit.id);
        }
        if let Some(disabled) = change.disabled {
            active.disabled = Set(disabled);
        }
        active.update(&tx).await?;
        if let Some(title) = &change.title {
            crate::reports::write_title(&tx, id, title).await?;
        }
        if change.disabled == Some(true) {
            // Enabling the account again must not bring old sign-ins back.
            crate::auth::end_credentials(&tx, id, now).await?;
        }
        let detail = json!({
            "user": id,
            "name": change.name,
            "role": change.role.map(|r| r.code()),
            "unit": change.unit,
            "disabled": change.disabled,
            "title": change.title,
        });
        record(&tx, Some(by.0), "update_user", detail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a category as an administrator.
    pub async fn create_category(
        &self,
        by: UserId,
        new: NewCategory,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let code = ShortText::parse("code", &new.code)?.into_string();
        let tx = self.write_tx().await?;
        category::ActiveModel {
            code: Set(code.clone()),
            name_vi: Set(ShortText::parse("name_vi", &new.name_vi)?.into_string()),
            name_en: Set(ShortText::parse("name_en", &new.name_en)?.into_string()),
            active: Set(true),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Duplicate {
                    field: "code",
                    value: code.clone(),
                }
            } else {
                e.into()
            }
        })?;
        record(
            &tx,
            Some(by.0),
            "add_category",
            json!({ "code": code }),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a category as an administrator.
    pub async fn update_category(
        &self,
        by: UserId,
        code: &str,
        change: CategoryChange,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let tx = self.write_tx().await?;
        let row = category::Entity::find()
            .filter(category::Column::Code.eq(code.trim()))
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Category,
                key: code.to_string(),
            })?;
        let mut active: category::ActiveModel = row.into();
        if let Some(name) = &change.name_vi {
            active.name_vi = Set(ShortText::parse("name_vi", name)?.into_string());
        }
        if let Some(name) = &change.name_en {
            active.name_en = Set(ShortText::parse("name_en", name)?.into_string());
        }
        if let Some(flag) = change.active {
            active.active = Set(flag);
        }
        active.update(&tx).await?;
        let detail = json!({ "code": code, "name_vi": change.name_vi, "name_en": change.name_en, "active": change.active });
        record(&tx, Some(by.0), "update_category", detail, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
