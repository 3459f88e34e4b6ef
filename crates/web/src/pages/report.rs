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
use store::idempotency::{CaseAnswer, CaseOnce};
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

/// An error the form shows: by its field (`None`: the form's as a whole)
/// and in the summary above the form.
struct Shown {
    field: Option<String>,
    message: String,
}

impl Shown {
    /// The id of the element the summary links to: the field's input.
    fn target(&self) -> Option<&str> {
        self.field
            .as_deref()
            .map(|f| if f == PHOTOS { "photos" } else { f })
    }
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
    /// Every error of the post, in form order.
    errors: Vec<Shown>,
    /// The size limit of one photo, in MB.
    max_mb: String,
}

impl ReportPage {
    /// The error of `name`, if that field is at fault.
    fn err(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field.as_deref() == Some(name))
            .map(|e| e.message.as_str())
    }
}

/// The active categories in the reader's alphabetical order, diacritics
/// folded ("Đất đai" with the D's), "Khác" (`other`) last.
pub(crate) fn categories(
    all: &[store::directory::CategoryInfo],
    lang: catalogue::Lang,
) -> Vec<Opt> {
    let mut listed: Vec<(bool, String, Opt)> = all
        .iter()
        .filter(|c| c.active)
        .map(|c| {
            let label = lang.pick(&c.name_vi, &c.name_en).to_owned();
            let key = store::fold(&label);
            let opt = Opt {
                code: c.code.clone(),
                label,
            };
            (c.code == OTHER_CATEGORY, key, opt)
        })
        .collect();
    listed.sort_by(|a, b| (a.0, &a.1, &a.2.label).cmp(&(b.0, &b.1, &b.2.label)));
    listed.into_iter().map(|(_, _, opt)| opt).collect()
}

/// The code of the category for what fits no other.
const OTHER_CATEGORY: &str = "other";

async fn page(
    state: &AppState,
    visitor: &Visitor,
    key: String,
    mut v: Values,
    errors: Vec<Shown>,
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
    // One area on offer is the one: nothing to choose.
    if let [only] = areas.as_slice()
        && v.area.is_empty()
    {
        v.area = only.code.clone();
    }
    let t = catalogue::Tr(lang);
    Ok(ReportPage {
        l: Layout::new(visitor, t.file_title(), "/reports/new", "/reports/new"),
        key,
        areas,
        categories: categories(&dir.categories, lang),
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
        errors,
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
    page(&state, &visitor, form_key(), Values::default(), Vec::new()).await
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
    // Every required field left blank is named at once, in form order.
    let blanks = ActionKind::File.blanks(|field| fields.get(field.name()).trim().is_empty());
    if !blanks.is_empty() {
        let mut status = StatusCode::UNPROCESSABLE_ENTITY;
        let errors = blanks
            .into_iter()
            .map(|refusal| {
                let (refused, message, field) =
                    AppError::from(StoreError::Refused(refusal)).shown(visitor.lang);
                status = refused;
                Shown { field, message }
            })
            .collect();
        let key = if key.is_empty() { form_key() } else { key };
        let page = page(&state, &visitor, key, v, errors).await?;
        return Ok((status, page).into_response());
    }
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
            let page = page(&state, &visitor, key, v, vec![Shown { field, message }]).await?;
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
    let once = valid_key(key).map(|key| CaseOnce {
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
            visitor.identity.asker(),
            request,
            files,
            now,
            &state.policy,
            once.as_ref(),
        )
        .await
        .map_err(AppError::from)?;
    Ok(match answer {
        CaseAnswer::Done { case, .. } => case.code,
        CaseAnswer::Replay { body, .. } => body,
    })
}

/// The form's key if it is one a form of ours could have sent.
pub(crate) fn valid_key(key: &str) -> Option<&str> {
    (!key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic()))
        .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::Lang;

    fn category(code: &str, vi: &str, en: &str) -> store::directory::CategoryInfo {
        store::directory::CategoryInfo {
            code: code.to_owned(),
            name_vi: vi.to_owned(),
            name_en: en.to_owned(),
            active: true,
        }
    }

    #[test]
    fn categories_are_in_the_reader_s_alphabetical_order_with_other_last() {
        let all = [
            category("environment", "Môi trường", "Environment"),
            category("land", "Đất đai", "Land"),
            category("other", "Khác", "Other"),
            category("heritage", "Di tích", "Heritage"),
            category("security", "An ninh", "Security"),
        ];
        let labels = |lang| -> Vec<String> {
            categories(&all, lang)
                .into_iter()
                .map(|o| o.label)
                .collect()
        };
        assert_eq!(
            labels(Lang::Vi),
            ["An ninh", "Đất đai", "Di tích", "Môi trường", "Khác"]
        );
        assert_eq!(
            labels(Lang::En),
            ["Environment", "Heritage", "Land", "Security", "Other"]
        );
    }
}
