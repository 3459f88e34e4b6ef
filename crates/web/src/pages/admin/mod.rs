//! The administrator's pages (SPEC §1 `admin`, §6.3): areas, units, users,
//! categories, programmes with their duty schedules, and the e-mails that
//! failed. Each page calls the store function its API endpoint calls (so
//! every change is checked and audited there); a refusal comes back as the
//! same form with the message beside its field and the input kept.

mod areas;
mod categories;
pub(crate) mod forms;
mod outbox;
mod programmes;
mod units;
mod unreachable;
mod users;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Redirect;
use axum::routing::get;
use chrono::Utc;
use store::StoreError;
use workflow::UserId;

use super::error::PageError;
use super::layout::{Layout, NavLink};
use super::session::Visitor;
use crate::AppState;
use catalogue::Tr;

/// The routes of the administrator's pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(|| async { Redirect::to("/admin/areas") }))
        .merge(areas::router())
        .merge(units::router())
        .merge(users::router())
        .merge(categories::router())
        .merge(programmes::router())
        .merge(outbox::router())
        .merge(unreachable::router())
}

/// A signed-in administrator (workflow's `check_administration`); anyone
/// else gets the 403 page.
pub(crate) struct Admin(pub Visitor);

impl FromRequestParts<AppState> for Admin {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Admin, PageError> {
        let visitor = Visitor::from_request_parts(parts, state).await?;
        let actor = state.store.actor(visitor.identity.user, Utc::now()).await?;
        workflow::check_administration(&actor).map_err(StoreError::Refused)?;
        Ok(Admin(visitor))
    }
}

impl Admin {
    /// The administrator's user id.
    pub(crate) fn user(&self) -> UserId {
        self.0.identity.user
    }

    /// The frame of an admin page titled `title`, at `back`.
    pub(crate) fn layout(&self, title: &str, back: &str) -> Layout {
        Layout::new(&self.0, title, "/admin", back)
    }

    /// The catalogue of the page's language.
    pub(crate) fn t(&self) -> Tr {
        Tr(self.0.lang)
    }
}

impl Admin {
    /// The menu of the administration's sections, `here` marked.
    pub(crate) fn sections(&self, here: &str) -> Vec<NavLink> {
        let t = self.t();
        [
            ("/admin/areas", t.admin_areas()),
            ("/admin/units", t.admin_units()),
            ("/admin/users", t.admin_users()),
            ("/admin/categories", t.admin_categories()),
            ("/admin/programmes", t.admin_programmes()),
            ("/admin/failed-emails", t.admin_failed_emails()),
            (unreachable::PATH, t.admin_unreachable_units()),
        ]
        .into_iter()
        .map(|(href, label)| NavLink {
            href,
            label,
            current: href == here,
        })
        .collect()
    }
}

/// `?done=…`: what the last post saved, named on the page after it.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct Done {
    done: Option<String>,
}

impl Done {
    /// The name of what was saved, if any.
    pub(crate) fn take(self) -> Option<String> {
        self.done.filter(|d| !d.trim().is_empty())
    }
}
