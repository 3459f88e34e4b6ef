//! What a user chose for themselves and keeps from one session to the
//! next: the language of the pages (also that of their e-mails), chosen
//! with the pages' language switch.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use workflow::{Lang, UserId};

use crate::entities::user;
use crate::{Store, StoreError};

impl Store {
    /// The language `user` chose (Vietnamese unless they chose English).
    /// Read from the primary: it is asked at sign-in, right after a
    /// choice may have been written.
    pub async fn preferred_lang(&self, user: UserId) -> Result<Lang, StoreError> {
        let row = user::Entity::find_by_id(user.0)
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                thing: crate::Thing::User,
                key: format!("#{}", user.0),
            })?;
        Ok(Lang::from_tag(&row.lang))
    }

    /// Keeps `lang` as the language `user` chose.
    pub async fn set_preferred_lang(&self, user: UserId, lang: Lang) -> Result<(), StoreError> {
        user::Entity::update_many()
            .col_expr(user::Column::Lang, Expr::value(lang.code()))
            .filter(user::Column::Id.eq(user.0))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}
