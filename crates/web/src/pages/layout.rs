//! What every page's frame needs: the language, the catalogue, who is
//! signed in with the menu of their role, the CSRF token for the sign-out
//! form and the language switch back to the same page.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rand::RngCore;
use workflow::{Desk, Lang, Role, desks};

use super::error::encode;
use super::session::Visitor;
use catalogue::Tr;

/// The frame of a page.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The page's language.
    pub lang: Lang,
    /// Its texts.
    pub t: Tr,
    /// The `<title>`.
    pub title: String,
    /// The signed-in user, if any.
    pub user: Option<UserBar>,
    /// The CSRF token for the sign-out form ("" when signed out).
    pub csrf: String,
    /// This page's path and query, to come back to after switching language.
    pub back: String,
}

/// The signed-in user in the header.
#[derive(Debug, Clone)]
pub(crate) struct UserBar {
    /// Their id, which names their drafts in the browser.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Role, in the page's language.
    pub role: &'static str,
    /// The menu of their role.
    pub nav: Vec<NavLink>,
}

/// One entry of the menu.
#[derive(Debug, Clone)]
pub(crate) struct NavLink {
    /// Where.
    pub href: &'static str,
    /// What.
    pub label: &'static str,
    /// Whether it is the page shown.
    pub current: bool,
}

impl Layout {
    /// The label of an optional field with its mark: "Số người bị ảnh
    /// hưởng (ước tính, không bắt buộc)", one pair of brackets even when
    /// the label ends in its own.
    pub(crate) fn optional(&self, label: &str) -> String {
        optional_label(label, self.t)
    }

    /// The frame of a page for a signed-in visitor; `here` is the menu
    /// entry to mark and `back` the page's own address.
    pub(crate) fn new(visitor: &Visitor, title: &str, here: &str, back: &str) -> Layout {
        let lang = visitor.lang;
        let t = Tr(lang);
        let nav = menu(visitor.identity.role, t)
            .into_iter()
            .map(|(href, label)| NavLink {
                href,
                label,
                current: href == here,
            })
            .collect();
        Layout {
            lang,
            t,
            title: title.to_owned(),
            user: Some(UserBar {
                id: visitor.identity.user.0,
                name: visitor.identity.name.clone(),
                role: visitor.identity.role.label(lang),
                nav,
            }),
            csrf: visitor.csrf.clone(),
            back: back.to_owned(),
        }
    }

    /// The frame of a page nobody is signed in to (sign-in, errors).
    pub(crate) fn anonymous(lang: Lang, title: &str, back: &str) -> Layout {
        Layout {
            lang,
            t: Tr(lang),
            title: title.to_owned(),
            user: None,
            csrf: String::new(),
            back: back.to_owned(),
        }
    }

    /// The name under which the browser keeps the draft of `form` (see
    /// `static/app.js`): one per user, so that on a shared phone nobody
    /// sees or sends another user's draft. Empty without a signed-in
    /// user, which keeps no draft.
    pub(crate) fn draft_key(&self, form: &str) -> String {
        self.user
            .as_ref()
            .map(|user| format!("{form}-user-{}", user.id))
            .unwrap_or_default()
    }

    /// The address of the language switch to `code`, back to this page.
    pub(crate) fn switch_to(&self, code: &str) -> String {
        format!("/lang/{code}?back={}", encode(&self.back))
    }
}

/// The menu of a role: its desks (`workflow::desks`, the home first), each
/// with its address and label.
pub(crate) fn menu(role: Role, t: Tr) -> Vec<(&'static str, &'static str)> {
    desks(role)
        .into_iter()
        .map(|desk| match desk {
            Desk::MyReports => ("/reports", t.nav_my_reports()),
            Desk::Triage => ("/triage", t.nav_triage()),
            Desk::Inbox => ("/inbox", t.nav_inbox()),
            Desk::Admin => ("/admin", t.nav_admin()),
            Desk::Dashboard => ("/dashboard", t.nav_dashboard()),
            Desk::AllCases => ("/cases", t.nav_all_cases()),
            Desk::File => ("/reports/new", t.nav_file()),
            Desk::Escalated => ("/cases?state=escalated", t.nav_escalated()),
            Desk::Resolved => ("/cases?state=resolved", t.nav_resolved()),
            Desk::Duties => ("/duties", t.nav_duties()),
            Desk::Roster => ("/collaborators", t.roster_nav()),
            Desk::AnnualReport => ("/annual-report", t.nav_annual_report()),
            Desk::OpinionReports => ("/opinion-reports", t.nav_opinion_reports()),
            Desk::WatchList => ("/watch-list", t.nav_watch_list()),
        })
        .collect()
}

/// A fresh idempotency key for one rendering of a form: a double submit
/// or a resend of that form carries the same key and is applied once.
pub(crate) fn form_key() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    format!("page-{}", hex::encode(bytes))
}

/// A time as people read it here: `22/11/2026 14:05`, in the local zone
/// (in UTC at the ends of chrono's range, [`crate::views::in_zone`]).
pub(crate) fn local_time(at: DateTime<Utc>, tz: Tz) -> String {
    crate::views::in_zone(at, tz)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// [`Layout::optional`].
fn optional_label(label: &str, t: Tr) -> String {
    match label
        .strip_suffix(')')
        .and_then(|head| head.rsplit_once(" ("))
    {
        Some((head, inner)) => t.optional_within(head, inner),
        None => t.optional_after(label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_keys_differ_and_are_valid_header_values() {
        let (a, b) = (form_key(), form_key());
        assert_ne!(a, b);
        assert!(a.len() <= 255 && a.bytes().all(|c| c.is_ascii_graphic()));
    }

    #[test]
    fn an_optional_label_has_one_pair_of_brackets() {
        let vi = Tr(Lang::Vi);
        assert_eq!(
            optional_label("Số người bị ảnh hưởng (ước tính)", vi),
            "Số người bị ảnh hưởng (ước tính, không bắt buộc)"
        );
        assert_eq!(
            optional_label("Nguy cơ thành điểm nóng", vi),
            "Nguy cơ thành điểm nóng (không bắt buộc)"
        );
        assert_eq!(
            optional_label("People affected (estimate)", Tr(Lang::En)),
            "People affected (estimate, optional)"
        );
    }
}
