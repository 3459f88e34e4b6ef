//! One information duty as a page (SPEC §4.1, §13): its period in words,
//! what was given with its documents, and the forms of the moves the
//! visitor may make now — submission (with documents) by the provider's
//! liaison, acknowledgement by the recipient board, waiver by an admin.
//! The store's `open_duty_with_moves` and `move_duty_with_files` are the
//! API's own calls; a duty one may not see is the 404 page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use store::Files;
use store::attachments::{Blobs, Upload};
use store::duties::{DutyAnswer, DutyInfo, DutyMove, DutyOnce, DutyUser};
use workflow::{DutyAction, DutyKind};

use super::directory::Directory;
use super::duties::DutyLine;
use super::error::PageError;
use super::form::Fields;
use super::form_files::FormWithFiles;
use super::layout::{Layout, form_key, local_time};
use super::report::{megabytes, valid_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::routes::duties::{duty_id, file_url};
use crate::{AppError, AppState};
use catalogue::Tr;

/// The routes of this module. The moves take files (a submission's
/// documents): the framework's body limit would refuse them; the form's
/// own limit applies instead (`FormWithFiles`).
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/duties/{id}", get(show)).route(
        "/duties/{id}/move",
        post(carry_out).layer(DefaultBodyLimit::disable()),
    )
}

/// A form that failed: which move, the message, the field at fault and
/// what was typed.
struct Failure {
    action: &'static str,
    message: String,
    field: Option<String>,
    text: String,
}

/// A document of the submission, as listed.
struct FileLine {
    name: String,
    href: String,
    size: String,
}

/// One duty's page.
#[derive(Template, WebTemplate)]
#[template(path = "duty.html")]
struct DutyPage {
    l: Layout,
    d: DutyLine,
    /// What the period line is called: the period, or what an ad-hoc
    /// request asks for.
    period_heading: &'static str,
    recipient: String,
    case: Option<String>,
    submitted: Option<String>,
    text: Option<String>,
    files: Vec<FileLine>,
    acknowledged: Option<String>,
    waiver_reason: Option<String>,
    /// The moves the visitor may make: `submit`, `acknowledge`, `waive`.
    moves: Vec<&'static str>,
    key: String,
    max_mb: String,
    done: Option<&'static str>,
    failure: Option<Failure>,
}

impl DutyPage {
    /// Whether the visitor may make `action`.
    fn may(&self, action: &str) -> bool {
        self.moves.contains(&action)
    }

    /// The message of `action`'s form, if it failed.
    fn err(&self, action: &str) -> Option<&str> {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .map(|f| f.message.as_str())
    }

    /// Whether `action`'s form failed on its files.
    fn file_err(&self, action: &str) -> bool {
        self.failure
            .as_ref()
            .is_some_and(|f| f.action == action && f.field.as_deref() == Some("file"))
    }

    /// What was typed in `action`'s form before it failed, else `default`.
    fn kept<'a>(&'a self, action: &str, default: &'a str) -> &'a str {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .map_or(default, |f| f.text.as_str())
    }
}

/// `?done=submit` after a move.
#[derive(Debug, Deserialize)]
struct Done {
    done: Option<String>,
}

/// The code of a move in the forms.
fn move_code(action: DutyAction) -> &'static str {
    match action {
        DutyAction::Submit => "submit",
        DutyAction::Acknowledge => "acknowledge",
        DutyAction::Waive => "waive",
    }
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<DutyPage, PageError> {
    let t = Tr(visitor.lang);
    let done = match done.done.as_deref() {
        Some("submit") => Some(t.duty_done_submit()),
        Some("acknowledge") => Some(t.duty_done_acknowledge()),
        Some("waive") => Some(t.duty_done_waive()),
        Some("request") => Some(t.duty_requested()),
        _ => None,
    };
    page(&state, &visitor, duty_id(&id)?, done, None).await
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
    done: Option<&'static str>,
    failure: Option<Failure>,
) -> Result<DutyPage, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let (duty, moves) = state
        .store
        .open_duty_with_moves(visitor.identity.user, id, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let by = |at: Option<DateTime<Utc>>, who: &Option<DutyUser>| {
        at.map(|at| match who {
            Some(who) => format!("{} — {}", local_time(at, tz), who.name),
            None => local_time(at, tz),
        })
    };
    let d = DutyLine::new(&duty, lang, now, tz);
    Ok(DutyPage {
        l: Layout::new(
            visitor,
            &format!("{} — {}", d.period, duty.unit_name),
            "/duties",
            &format!("/duties/{id}"),
        ),
        period_heading: match duty.kind {
            DutyKind::AdHoc => Tr(lang).duty_topic(),
            _ => Tr(lang).period(),
        },
        recipient: dir.unit(&duty.recipient),
        case: duty.case.clone(),
        submitted: by(duty.submitted_at, &duty.submitted_by),
        text: duty.text.clone(),
        files: duty
            .files
            .iter()
            .map(|f| FileLine {
                name: f.file_name.clone(),
                href: file_url(duty.id, f.id),
                size: size_words(f.size),
            })
            .collect(),
        acknowledged: by(duty.acknowledged_at, &duty.acknowledged_by),
        waiver_reason: duty.waiver_reason.clone(),
        moves: moves.into_iter().map(move_code).collect(),
        key: form_key(),
        max_mb: megabytes(state.config.max_attachment_bytes),
        done,
        failure,
        d,
    })
}

/// A file's size for a reader: kB under a megabyte, else MB.
fn size_words(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} kB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// A posted move: submit (`text`, and documents), acknowledge, or waive
/// (`reason`).
async fn carry_out(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    form: FormWithFiles,
) -> Result<Response, PageError> {
    let (fields, uploads) = form.checked(&visitor)?;
    let id = duty_id(&id)?;
    let (action, duty_move, text) = match fields.get("action") {
        "submit" => {
            let text = fields.get("text").to_owned();
            ("submit", DutyMove::Submit { text: text.clone() }, text)
        }
        "acknowledge" => ("acknowledge", DutyMove::Acknowledge, String::new()),
        "waive" => {
            let reason = fields.get("reason").to_owned();
            (
                "waive",
                DutyMove::Waive {
                    reason: reason.clone(),
                },
                reason,
            )
        }
        _ => {
            return Err(AppError::Invalid {
                field: "action".to_owned(),
                detail: crate::error::Detail::Invalid,
            }
            .into());
        }
    };
    let answer = match uploads {
        Ok(uploads) => move_once(&state, &visitor, id, duty_move, &fields, uploads).await,
        Err(err) => Err(err),
    };
    // The forms post to their own `#form-…` so that a refusal shows the
    // form with its message; a redirect without a fragment would keep it,
    // so the page after a move names its own: the message of the move.
    match answer {
        Ok(()) => Ok(Redirect::to(&format!("/duties/{id}?done={action}#done")).into_response()),
        Err(err) => {
            let (status, message, field) = err.shown(visitor.lang);
            if status.is_server_error()
                || status == StatusCode::UNAUTHORIZED
                || status == StatusCode::NOT_FOUND
            {
                return Err(err.into());
            }
            let field = field
                .or_else(|| matches!(err, AppError::TooLarge { .. }).then(|| "file".to_owned()));
            let failure = Failure {
                action,
                message,
                field,
                text,
            };
            let page = page(&state, &visitor, id, None, Some(failure)).await?;
            Ok((status, page).into_response())
        }
    }
}

/// The move through the store call the API makes, once per form key.
async fn move_once(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
    duty_move: DutyMove,
    fields: &Fields,
    uploads: Vec<Upload>,
) -> Result<(), AppError> {
    let mut fingerprint = fields.raw.to_vec();
    for upload in &uploads {
        fingerprint
            .extend_from_slice(format!("\n{} {}", upload.blob.sha256, upload.blob.size).as_bytes());
    }
    let hash = request_hash(&Method::POST, &format!("/duties/{id}/move"), &fingerprint);
    let render = |duty: &DutyInfo| duty.id.to_string();
    let once = valid_key(fields.get("key")).map(|key| DutyOnce {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: &render,
    });
    let blobs = Blobs::new(&state.config.data_dir);
    match state
        .store
        .move_duty_with_files(
            visitor.identity.user,
            id,
            duty_move,
            Files {
                uploads,
                blobs: Some(&blobs),
            },
            Utc::now(),
            once.as_ref(),
        )
        .await?
    {
        DutyAnswer::Done(_) | DutyAnswer::Replay { .. } => Ok(()),
    }
}
