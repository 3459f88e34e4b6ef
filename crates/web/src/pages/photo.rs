//! The page of one photo of a case, whole (issue 15): where a thumbnail
//! among the case's documents leads. The photo itself comes from the API's
//! download, under the same read rule as this page (SPEC §10).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use chrono::Utc;

use super::error::PageError;
use super::layout::Layout;
use super::session::Visitor;
use crate::{AppError, AppState, thumbnails};
use catalogue::Tr;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/cases/{code}/photos/{id}", get(show))
}

/// One photo, whole.
#[derive(Template, WebTemplate)]
#[template(path = "photo.html")]
struct PhotoPage {
    l: Layout,
    code: String,
    case_title: String,
    name: String,
    href: String,
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((code, id)): Path<(String, i64)>,
) -> Result<PhotoPage, PageError> {
    let now = Utc::now();
    let user = visitor.identity.user;
    let (_, case) = state
        .store
        .open_case(user, &code, now)
        .await
        .map_err(AppError::from)?;
    let attachment = state
        .store
        .attachment(user, id, now)
        .await
        .map_err(AppError::from)?;
    // Only a photo of this case: any other id is not found here.
    if attachment.case != case.id.0 || thumbnails::format_of(&attachment.content_type).is_none() {
        return Err(PageError::App(AppError::from(
            store::StoreError::NotFound {
                thing: store::Thing::Attachment,
                key: format!("#{id}"),
            },
        )));
    }
    let t = Tr(visitor.lang);
    let here = format!("/cases/{}/photos/{id}", case.code);
    Ok(PhotoPage {
        l: Layout::new(&visitor, &attachment.file_name, "", &here),
        href: format!("/api/v1/attachments/{id}"),
        name: attachment.file_name,
        case_title: format!("{}: {}", t.photo_back(), case.title),
        code: case.code,
    })
}
