//! Filing a report from a phone (SPEC §6.3): the form with the areas the
//! filer may report on (as `workflow::check_filing` decides) and photos
//! (taken with the camera or chosen), the post that files the report and
//! its photos in one transaction once per form rendering, and the form
//! again with the error next to its field and the input kept.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::Utc;
use store::attachments::{Blobs, Upload};
use store::idempotency::{Answer, Once};
use store::{Files, StoreError};
use workflow::{ActionKind, Actor, Case, HotspotRisk, Refusal, Source};

use super::command::filing;
use super::directory::Directory;
use super::error::{PageError, encode};
use super::form::Fields;
use super::form_files::FormWithFiles;
use super::layout::{Layout, form_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::{AppError, AppState};

/// The name of the form's file input (the API's part name).
const PHOTOS: &str = "file";

/// The routes of this module. The post carries photos: the form reader
/// enforces the limits of each file and of the whole request itself, so
/// the framework's default body limit is off.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route(
        "/reports/new",
        get(form).post(file).layer(DefaultBodyLimit::disable()),
    )
}

/// A choice of a select list.
pub(crate) struct Opt {
    /// Its code.
    pub code: String,
    /// Its label.
    pub label: String,
}

/// What the filer typed, kept when the form comes back with an error.
#[derive(Default)]
struct Values {
    title: String,
    description: String,
    area: String,
    category: String,
    source: String,
    people_affected: String,
    hotspot_risk: String,
}

/// The filing form.
#[derive(Template, WebTemplate)]
#[template(path = "report_new.html")]
struct ReportPage {
    l: Layout,
    key: String,
    areas: Vec<Opt>,
    categories: Vec<Opt>,
    sources: Vec<Opt>,
    risks: Vec<Opt>,
    v: Values,
    error: Option<String>,
    field: Option<String>,
    /// The size limit of one photo, in MB.
    max_mb: String,
}

impl ReportPage {
    /// The error of `name`, if it is the field at fault.
    fn err(&self, name: &str) -> Option<&str> {
        match (&self.error, &self.field) {
            (Some(message), Some(field)) if field == name => Some(message),
            _ => None,
        }
    }
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    key: String,
    v: Values,
    error: Option<(String, Option<String>)>,
) -> Result<ReportPage, PageError> {
    let now = Utc::now();
    let lang = visitor.lang;
    let actor = state.store.actor(visitor.identity.user, now).await?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let areas: Vec<Opt> = dir
        .areas
        .iter()
        .filter(|a| workflow::check_filing(&actor, &dir.area_ref(a)).is_ok())
        .map(|a| Opt {
            code: a.code.clone(),
            label: a.name.clone(),
        })
        .collect();
    if areas.is_empty() {
        return Err(AppError::from(StoreError::Refused(refusal_to_file(&actor))).into());
    }
    let t = catalogue::Tr(lang);
    let (error, field) = match error {
        Some((message, field)) => (Some(message), field),
        None => (None, None),
    };
    Ok(ReportPage {
        l: Layout::new(visitor, t.file_title(), "/reports/new", "/reports/new"),
        key,
        areas,
        categories: dir
            .categories
            .iter()
            .filter(|c| c.active)
            .map(|c| Opt {
                code: c.code.clone(),
                label: lang.pick(&c.name_vi, &c.name_en).to_owned(),
            })
            .collect(),
        sources: Source::ALL
            .iter()
            .map(|s| Opt {
                code: s.code().to_owned(),
                label: s.label(lang).to_owned(),
            })
            .collect(),
        risks: HotspotRisk::ALL
            .iter()
            .map(|r| Opt {
                code: r.code().to_owned(),
                label: r.label(lang).to_owned(),
            })
            .collect(),
        v,
        error,
        field,
        max_mb: megabytes(state.config.max_attachment_bytes),
    })
}

/// A size limit in whole MB (of 2^20 bytes), rounded up.
pub(crate) fn megabytes(bytes: u64) -> String {
    bytes.div_ceil(1 << 20).to_string()
}

/// Why someone with no area to file on may not file: the rule's own
/// refusal for their role, or for the jurisdiction.
fn refusal_to_file(actor: &Actor) -> Refusal {
    match workflow::check_filing(
        actor,
        &workflow::AreaRef {
            id: workflow::AreaId(0),
            code: String::new(),
            lineage: Vec::new(),
        },
    ) {
        Err(refusal) => refusal,
        Ok(()) => Refusal::OutsideJurisdiction {
            action: ActionKind::File,
        },
    }
}

async fn form(State(state): State<AppState>, visitor: Visitor) -> Result<ReportPage, PageError> {
    page(&state, &visitor, form_key(), Values::default(), None).await
}

async fn file(
    State(state): State<AppState>,
    visitor: Visitor,
    form: FormWithFiles,
) -> Result<Response, PageError> {
    let (fields, uploads) = form.checked(&visitor)?;
    let v = Values {
        title: fields.get("title").to_owned(),
        description: fields.get("description").to_owned(),
        area: fields.get("area").to_owned(),
        category: fields.get("category").to_owned(),
        source: fields.get("source").to_owned(),
        people_affected: fields.get("people_affected").trim().to_owned(),
        hotspot_risk: fields.get("hotspot_risk").to_owned(),
    };
    let key = fields.get("key").trim().to_owned();
    let filed = match uploads {
        Ok(uploads) => file_once(&state, &visitor, &key, &fields, uploads).await,
        Err(err) => Err(PageError::App(err)),
    };
    match filed {
        Ok(code) => Ok(Redirect::to(&format!("/reports?filed={}", encode(&code))).into_response()),
        Err(PageError::App(err)) => {
            let (status, message, field) = err.shown(visitor.lang);
            if status.is_server_error() || status == StatusCode::UNAUTHORIZED {
                return Err(err.into());
            }
            // A file too large names no field: it is the photos'.
            let field = field
                .or_else(|| matches!(err, AppError::TooLarge { .. }).then(|| PHOTOS.to_owned()));
            let key = if key.is_empty() { form_key() } else { key };
            let page = page(&state, &visitor, key, v, Some((message, field))).await?;
            Ok((status, page).into_response())
        }
        Err(other) => Err(other),
    }
}

/// Files the report once per form key; answers the case's code.
async fn file_once(
    state: &AppState,
    visitor: &Visitor,
    key: &str,
    fields: &Fields,
    uploads: Vec<Upload>,
) -> Result<String, PageError> {
    let request = filing(fields, state.policy.calendar.time_zone())?;
    let now = Utc::now();
    let hash = request_hash(&Method::POST, "/reports/new", &fields.raw);
    let render = |_: &Actor, case: &Case| case.code.clone();
    let once = valid_key(key).map(|key| Once {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: std::sync::Arc::new(render),
    });
    let blobs = Blobs::new(&state.config.data_dir);
    let files = Files {
        uploads,
        blobs: Some(&blobs),
    };
    let answer = state
        .store
        .file_case_with_files(
            visitor.identity.user,
            request,
            files,
            now,
            &state.policy,
            once.as_ref(),
        )
        .await
        .map_err(AppError::from)?;
    Ok(match answer {
        Answer::Done { case, .. } => case.code,
        Answer::Replay { body, .. } => body,
    })
}

/// The form's key if it is one a form of ours could have sent.
pub(crate) fn valid_key(key: &str) -> Option<&str> {
    (!key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic()))
        .then_some(key)
}
