//! The one error type of the HTTP edge and its mapping to a status and the
//! JSON body `{"error": {"code", "message", …}}` of SPEC §6.2, in the
//! request's language. `StoreError` and `Refusal` become HTTP here and
//! nowhere else. Internal causes are logged and never shown to the caller.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use store::StoreError;
use thiserror::Error;
use workflow::{Lang, Tr};

use crate::lang;

mod detail;
#[cfg(test)]
mod tests;

pub(crate) use detail::from_serde;
pub use detail::{Detail, Expected};

/// Why a request failed; each variant is one HTTP outcome.
#[derive(Debug, Error)]
pub enum AppError {
    /// The database does not answer: the replica is not ready (503).
    #[error("cơ sở dữ liệu chưa sẵn sàng")]
    NotReady(#[source] StoreError),
    /// A store operation failed; the status depends on why.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The body is not JSON at all (400).
    #[error("nội dung không phải JSON hợp lệ: dòng {line}, cột {column}")]
    BadJson {
        /// Where the JSON breaks: line…
        line: usize,
        /// …and column.
        column: usize,
    },
    /// A field of the body or the query is missing, unknown or of the
    /// wrong type (422).
    #[error("trường {field} không hợp lệ: {detail:?}")]
    Invalid {
        /// The field, as the client named it.
        field: String,
        /// Why, to be said in the caller's language.
        detail: Detail,
    },
    /// A cookie-authenticated unsafe request without the right
    /// `X-CSRF-Token` (403).
    #[error("thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)")]
    Csrf,
    /// The body is not `application/json` (415).
    #[error("nội dung phải là application/json")]
    NotJson,
    /// An uploaded file is larger than the configured limit (413).
    #[error("tệp lớn hơn giới hạn {max} byte")]
    TooLarge {
        /// The limit, in bytes.
        max: u64,
    },
    /// A form with files larger as a whole than its files may weigh
    /// together, with the text fields (413).
    #[error("biểu mẫu lớn hơn giới hạn {max} byte")]
    FormTooLarge {
        /// The limit of the whole request, in bytes.
        max: u64,
    },
    /// A `multipart/form-data` body that cannot be read (400).
    #[error("nội dung multipart không hợp lệ: {0}")]
    BadMultipart(String),
    /// An error answer of the framework (unknown route, method, size).
    #[error("{0}")]
    Status(StatusCode),
}

/// The parts of an error answer.
struct Parts {
    status: StatusCode,
    code: &'static str,
    message: String,
    extra: Map<String, Value>,
}

fn parts(status: StatusCode, code: &'static str, message: String) -> Parts {
    Parts {
        status,
        code,
        message,
        extra: Map::new(),
    }
}

/// A 429 with the seconds to wait in the body (`Retry-After` is added
/// from the same error by `into_response`).
fn retry_later(code: &'static str, message: String, secs: i64) -> Parts {
    let mut p = parts(StatusCode::TOO_MANY_REQUESTS, code, message);
    p.extra.insert("retry_after".into(), json!(secs));
    p
}

impl AppError {
    fn parts(&self, lang: Lang) -> Parts {
        let t = Tr(lang);
        match self {
            AppError::NotReady(_) => parts(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_ready",
                t.error_not_ready().to_owned(),
            ),
            AppError::Store(err) => store_parts(err, lang),
            AppError::BadJson { line, column } => parts(
                StatusCode::BAD_REQUEST,
                "bad_request",
                t.error_bad_json(line, column),
            ),
            AppError::Invalid { field, detail } => {
                let mut p = parts(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    detail.message(field, lang),
                );
                p.extra.insert("field".into(), json!(field));
                p
            }
            AppError::Csrf => parts(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                t.error_csrf().to_owned(),
            ),
            AppError::NotJson => parts(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                t.error_not_json().to_owned(),
            ),
            AppError::TooLarge { max } => {
                let mut p = parts(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    t.error_file_too_large(mebibytes(*max), max),
                );
                p.extra.insert("field".into(), json!("file"));
                p
            }
            AppError::FormTooLarge { max } => parts(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                t.error_form_too_large(mebibytes(*max)),
            ),
            // The reader's detail is English and technical: logged only.
            AppError::BadMultipart(detail) => {
                tracing::info!(%detail, "unreadable multipart body");
                parts(
                    StatusCode::BAD_REQUEST,
                    "bad_request",
                    t.error_bad_multipart().to_owned(),
                )
            }
            AppError::Status(status) => status_parts(*status, lang),
        }
    }
}

/// A size in MiB with one decimal, as the size errors quote it.
fn mebibytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl AppError {
    /// What a web page shows of the error: the status, the message in
    /// `lang` and the field at fault. A server error's cause is logged
    /// here, as for the JSON answer.
    pub(crate) fn shown(&self, lang: Lang) -> (StatusCode, String, Option<String>) {
        let p = self.parts(lang);
        if p.status.is_server_error() {
            tracing::error!(code = p.code, error = %self, "page request failed");
        }
        let field = p
            .extra
            .get("field")
            .and_then(Value::as_str)
            .map(str::to_owned);
        (p.status, p.message, field)
    }
}

/// The answer for a bare framework status (unknown route, wrong method,
/// body too large…).
fn status_parts(status: StatusCode, lang: Lang) -> Parts {
    let t = Tr(lang);
    let (code, message) = match status {
        StatusCode::NOT_FOUND => ("not_found", t.error_no_such_path()),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", t.error_method_not_allowed()),
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", t.error_body_too_large()),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", t.error_unsupported_type())
        }
        StatusCode::REQUEST_TIMEOUT => ("timeout", t.error_timeout()),
        s if s.is_server_error() => ("internal", t.error_internal()),
        _ => ("bad_request", t.error_bad_request()),
    };
    parts(status, code, message.to_owned())
}

fn store_parts(err: &StoreError, lang: Lang) -> Parts {
    let t = Tr(lang);
    match err {
        StoreError::NotFound { thing, key } => parts(
            StatusCode::NOT_FOUND,
            "not_found",
            t.error_not_found(thing.label(lang), key),
        ),
        StoreError::VersionConflict { given, current } => {
            let mut p = parts(
                StatusCode::CONFLICT,
                "version_conflict",
                t.error_version_conflict(given, current),
            );
            p.extra.insert("current_version".into(), json!(current));
            p
        }
        StoreError::Duplicate { field, value } => {
            let mut p = parts(
                StatusCode::CONFLICT,
                "duplicate",
                t.error_duplicate(value, field),
            );
            p.extra.insert("field".into(), json!(field));
            p
        }
        StoreError::Refused(refusal) => {
            let status = if refusal.is_forbidden() {
                StatusCode::FORBIDDEN
            } else if refusal.is_conflict() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut p = parts(status, refusal.code(), refusal.message(lang));
            if let Some(field) = refusal.field() {
                p.extra.insert("field".into(), json!(field));
            }
            p
        }
        StoreError::OpinionRefused(refusal) => {
            let status = if refusal.is_forbidden() {
                StatusCode::FORBIDDEN
            } else if refusal.is_conflict() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut p = parts(status, refusal.code(), refusal.message(lang));
            if let Some(field) = refusal.field() {
                p.extra.insert("field".into(), json!(field));
            }
            p
        }
        StoreError::Invalid { field, reason } => {
            let mut p = parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                t.error_invalid_reason(field, reason.message(lang)),
            );
            p.extra.insert("field".into(), json!(field));
            p
        }
        StoreError::BadRow { line, error } => {
            // The row's own error, in the reader's language, after its line.
            let inner = store_parts(error, lang).message;
            parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                t.error_bad_row(line, inner.trim_end_matches('.')),
            )
        }
        StoreError::Unauthenticated => parts(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            t.error_unauthenticated().to_owned(),
        ),
        StoreError::BadCredentials => parts(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            t.error_bad_credentials().to_owned(),
        ),
        StoreError::Throttled { retry_after_secs } => retry_later(
            "too_many_attempts",
            t.error_sign_in_throttled(retry_after_secs),
            *retry_after_secs,
        ),
        StoreError::PasswordGuessesThrottled { retry_after_secs } => retry_later(
            "too_many_attempts",
            t.error_password_guesses(retry_after_secs),
            *retry_after_secs,
        ),
        StoreError::TooManyResetRequests { retry_after_secs } => retry_later(
            "too_many_requests",
            t.error_reset_requests(retry_after_secs),
            *retry_after_secs,
        ),
        StoreError::KeyReused => {
            let mut p = parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                t.error_key_reused().to_owned(),
            );
            p.extra.insert("field".into(), json!("Idempotency-Key"));
            p
        }
        StoreError::Db(_) | StoreError::Io(_) => {
            status_parts(StatusCode::INTERNAL_SERVER_ERROR, lang)
        }
    }
}

/// The JSON answer for `status` with `code` and `message`, the shape every
/// error has.
pub(crate) fn body(code: &str, message: &str, extra: Map<String, Value>) -> Value {
    let mut error = Map::new();
    error.insert("code".into(), json!(code));
    error.insert("message".into(), json!(message));
    error.extend(extra);
    json!({ "error": error })
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let Parts {
            status,
            code,
            message,
            extra,
        } = self.parts(lang::current());
        if status.is_server_error() {
            // The cause may name hosts or queries: it goes to the log only.
            tracing::error!(code, error = %self, "request failed");
        }
        let retry_after = match &self {
            AppError::Store(
                StoreError::Throttled { retry_after_secs }
                | StoreError::PasswordGuessesThrottled { retry_after_secs }
                | StoreError::TooManyResetRequests { retry_after_secs },
            ) => Some(*retry_after_secs),
            _ => None,
        };
        let mut response = (status, Json(body(code, &message, extra))).into_response();
        if let Some(secs) = retry_after
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}
