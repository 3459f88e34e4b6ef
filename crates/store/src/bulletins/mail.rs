//! Who receives the monthly bulletin by e-mail (SPEC §16: "e-mailed to the
//! leaders"): every leader with an enabled account, once per month, keyed
//! in the outbox so that a second sweep, or a second scheduler, sends
//! nothing more.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use workflow::{Calendar, Period, Role, UserId};

use crate::entities::{case, opinion_report, user};
use crate::outbox::{Mail, enqueue, not_yet_enqueued};
use crate::{Store, StoreError};

/// The outbox kind of the monthly bulletin.
pub const OPINION_BULLETIN: &str = "opinion_bulletin";

/// A leader still to receive the bulletin of a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinReader {
    /// Their account.
    pub user: UserId,
    /// Their address.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their language code.
    pub lang: String,
    /// The outbox key of their bulletin of the month.
    pub key: String,
}

impl Store {
    /// Whether nothing happened in `month` anywhere: no opinion report and
    /// no case filed. A bulletin of such a month (a new installation, a
    /// test) would be an empty e-mail to every leader; none is sent.
    pub async fn bulletin_month_quiet(
        &self,
        month: Period,
        calendar: &Calendar,
    ) -> Result<bool, StoreError> {
        let (from, to) = super::month_bounds(month, calendar);
        let reports = opinion_report::Entity::find()
            .filter(super::reports_of_month(month, calendar))
            .count(&self.db)
            .await?;
        let cases = case::Entity::find()
            .filter(case::Column::CreatedAt.gte(from))
            .filter(case::Column::CreatedAt.lt(to))
            .count(&self.db)
            .await?;
        Ok(reports == 0 && cases == 0)
    }

    /// The leaders who have not yet been sent the bulletin of `month`.
    pub async fn bulletin_readers(&self, month: Period) -> Result<Vec<BulletinReader>, StoreError> {
        let leaders = user::Entity::find()
            .filter(user::Column::Role.eq(Role::Leader.code()))
            .filter(user::Column::Disabled.eq(false))
            .order_by_asc(user::Column::Id)
            .all(&self.db)
            .await?;
        let names: std::collections::HashMap<i64, String> =
            leaders.iter().map(|u| (u.id, u.name.clone())).collect();
        let mails = leaders
            .into_iter()
            .map(|u| Mail {
                key: format!("bulletin:{month}:{}", u.id),
                kind: OPINION_BULLETIN.to_owned(),
                to: u.email,
                user: Some(u.id),
                lang: u.lang,
                payload: serde_json::Value::Null,
            })
            .collect();
        Ok(not_yet_enqueued(&self.db, mails)
            .await?
            .into_iter()
            .map(|m| BulletinReader {
                user: UserId(m.user.unwrap_or_default()),
                email: m.to,
                name: names
                    .get(&m.user.unwrap_or_default())
                    .cloned()
                    .unwrap_or_default(),
                lang: m.lang,
                key: m.key,
            })
            .collect())
    }

    /// Enqueues `reader`'s bulletin with what it says; a second enqueue
    /// of the same key is a no-op. Returns whether it was new.
    pub async fn enqueue_bulletin(
        &self,
        reader: &BulletinReader,
        payload: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mail = Mail {
            key: reader.key.clone(),
            kind: OPINION_BULLETIN.to_owned(),
            to: reader.email.clone(),
            user: Some(reader.user.0),
            lang: reader.lang.clone(),
            payload,
        };
        Ok(enqueue(&self.db, vec![mail], now).await? == 1)
    }
}
