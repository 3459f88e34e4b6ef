//! Renaming an area and changing a unit (its name, e-mail and the areas it
//! serves), as an administrator, audited. A former name is kept with the
//! day it stopped being used, since old cases and exports name the body
//! as it was then (SPEC §2).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use workflow::{Calendar, Email, ShortText, UserId};

use crate::audit::record;
use crate::entities::{area, unit, unit_area};
use crate::org::area_by_code;
use crate::{Store, StoreError};

/// What an administrator may change of an area; `None` keeps it.
#[derive(Debug, Clone, Default)]
pub struct AreaChange {
    /// New name; the old one goes to the former names.
    pub name: Option<String>,
}

/// What an administrator may change of a unit; `None` keeps it.
#[derive(Debug, Clone, Default)]
pub struct UnitChange {
    /// New name; the old one goes to the former names.
    pub name: Option<String>,
    /// New e-mail address; `Some("")` removes it.
    pub email: Option<String>,
    /// Codes of the areas served besides the home area, replacing the
    /// present ones.
    pub serves: Option<Vec<String>>,
}

/// `former` (a JSON list) with `name`, used until `day`, appended.
fn with_former_name(former: &str, name: &str, day: NaiveDate) -> String {
    let mut list: Vec<Value> = serde_json::from_str(former).unwrap_or_default();
    list.push(json!({ "name": name, "until": day.to_string() }));
    Value::Array(list).to_string()
}

/// The day of `now` in the calendar's time zone: the `until` of a name
/// given up now, in the zone reports date their documents in.
fn local_day(now: DateTime<Utc>, calendar: &Calendar) -> NaiveDate {
    now.with_timezone(&calendar.time_zone()).date_naive()
}

/// The new name and former names of a row named `old` renamed to `new`
/// on `day`, or `None` when the name stays.
fn renamed(old: &str, former: &str, new: Option<&str>, day: NaiveDate) -> Option<(String, String)> {
    new.filter(|n| *n != old)
        .map(|n| (n.to_owned(), with_former_name(former, old, day)))
}

impl Store {
    /// Renames an area as an administrator; the old name is kept as used
    /// until `now`'s day in the calendar's time zone. An unknown code is
    /// [`StoreError::NotFound`], as for a unit.
    pub async fn update_area(
        &self,
        by: UserId,
        code: &str,
        change: AreaChange,
        now: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let name = change
            .name
            .as_deref()
            .map(|n| ShortText::parse("name", n).map(ShortText::into_string))
            .transpose()?;
        let tx = self.write_tx().await?;
        let row = area::Entity::find()
            .filter(area::Column::Code.eq(code.trim()))
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Area,
                key: code.trim().to_string(),
            })?;
        let day = local_day(now, calendar);
        let renamed = renamed(&row.name, &row.former_names, name.as_deref(), day);
        let mut active: area::ActiveModel = row.into();
        if let Some((name, former)) = renamed {
            active.name = Set(name);
            active.former_names = Set(former);
        }
        active.update(&tx).await?;
        let detail = json!({ "code": code.trim(), "name": name });
        record(&tx, Some(by.0), "update_area", detail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a unit as an administrator; it always serves its home area.
    /// A former name is kept as used until `now`'s day in the calendar's
    /// time zone.
    pub async fn update_unit(
        &self,
        by: UserId,
        code: &str,
        change: UnitChange,
        now: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Result<(), StoreError> {
        self.administrator(by, now).await?;
        let name = change
            .name
            .as_deref()
            .map(|n| ShortText::parse("name", n).map(ShortText::into_string))
            .transpose()?;
        let email = match change.email.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(e) => Some(Some(Email::parse(e)?.into_string())),
        };
        let tx = self.write_tx().await?;
        let row = unit::Entity::find()
            .filter(unit::Column::Code.eq(code.trim()))
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::Unit,
                key: code.trim().to_string(),
            })?;
        let (id, home) = (row.id, row.home_area_id);
        let day = local_day(now, calendar);
        let renamed = renamed(&row.name, &row.former_names, name.as_deref(), day);
        let mut active: unit::ActiveModel = row.into();
        if let Some((name, former)) = renamed {
            active.name = Set(name);
            active.former_names = Set(former);
        }
        if let Some(email) = &email {
            active.email = Set(email.clone());
        }
        active.update(&tx).await?;
        if let Some(codes) = &change.serves {
            replace_served(&tx, id, home, codes).await?;
        }
        let detail = json!({
            "code": code.trim(),
            "name": name,
            "email": email,
            "serves": change.serves,
        });
        record(&tx, Some(by.0), "update_unit", detail, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Makes `unit` serve its home area and the areas of `codes`, nothing else.
async fn replace_served(
    tx: &impl ConnectionTrait,
    unit: i64,
    home: i64,
    codes: &[String],
) -> Result<(), StoreError> {
    let mut served = vec![home];
    for code in codes {
        let a = area_by_code(tx, code, "serves").await?;
        if !served.contains(&a.id) {
            served.push(a.id);
        }
    }
    unit_area::Entity::delete_many()
        .filter(unit_area::Column::UnitId.eq(unit))
        .exec(tx)
        .await?;
    for area_id in served {
        unit_area::ActiveModel {
            unit_id: Set(unit),
            area_id: Set(area_id),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_former_name_is_appended_with_its_last_day() {
        let now = "2025-07-01".parse().unwrap();
        let once = with_former_name("[]", "Huyện Ba Vì", now);
        let twice = with_former_name(&once, "Xã Ba Vì", now);
        let list: Vec<Value> = serde_json::from_str(&twice).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["name"], "Huyện Ba Vì");
        assert_eq!(list[1]["until"], "2025-07-01");
        assert!(renamed("Xã A", "[]", Some("Xã A"), now).is_none());
        assert!(renamed("Xã A", "[]", None, now).is_none());
        let (name, former) = renamed("Xã A", "[]", Some("Phường A"), now).unwrap();
        assert_eq!(name, "Phường A");
        assert!(former.contains("Xã A"));
    }

    #[test]
    fn the_last_day_is_the_day_in_the_calendars_time_zone() {
        let calendar = Calendar::vietnam_default();
        // 20:00 UTC on 30 June is 03:00 on 1 July in Hà Nội.
        let now = DateTime::parse_from_rfc3339("2025-06-30T20:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(local_day(now, &calendar).to_string(), "2025-07-01");
    }
}
