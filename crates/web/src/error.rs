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
use workflow::Lang;

use crate::lang;

#[cfg(test)]
mod tests;

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
    #[error("nội dung không phải JSON hợp lệ: {0}")]
    BadJson(String),
    /// A field of the body or the query is missing, unknown or of the
    /// wrong type (422).
    #[error("trường {field} không hợp lệ: {detail}")]
    Invalid {
        /// The field, as the client named it.
        field: String,
        /// What serde said, in English (a technical detail).
        detail: String,
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
        let t = |vi: &str, en: &str| lang.pick(vi, en).to_owned();
        match self {
            AppError::NotReady(_) => parts(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_ready",
                t("Cơ sở dữ liệu chưa sẵn sàng.", "The database is not ready."),
            ),
            AppError::Store(err) => store_parts(err, lang),
            AppError::BadJson(detail) => parts(
                StatusCode::BAD_REQUEST,
                "bad_request",
                match lang {
                    Lang::Vi => format!("Nội dung gửi lên không phải JSON hợp lệ ({detail})."),
                    Lang::En => format!("The body is not valid JSON ({detail})."),
                },
            ),
            AppError::Invalid { field, detail } => {
                let mut p = parts(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    match lang {
                        Lang::Vi => format!("Trường “{field}” không hợp lệ ({detail})."),
                        Lang::En => format!("The field “{field}” is not valid ({detail})."),
                    },
                );
                p.extra.insert("field".into(), json!(field));
                p
            }
            AppError::Csrf => parts(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                t(
                    "Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token).",
                    "Missing or wrong anti-forgery token (X-CSRF-Token).",
                ),
            ),
            AppError::NotJson => parts(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                t(
                    "Nội dung phải là application/json.",
                    "The body must be application/json.",
                ),
            ),
            AppError::TooLarge { max } => {
                let mib = *max as f64 / (1024.0 * 1024.0);
                let mut p = parts(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    match lang {
                        Lang::Vi => format!("Tệp quá lớn: tối đa {mib:.1} MiB ({max} byte)."),
                        Lang::En => {
                            format!("The file is too large: at most {mib:.1} MiB ({max} bytes).")
                        }
                    },
                );
                p.extra.insert("field".into(), json!("file"));
                p
            }
            AppError::FormTooLarge { max } => {
                let mib = *max as f64 / (1024.0 * 1024.0);
                parts(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    match lang {
                        Lang::Vi => format!(
                            "Nội dung gửi lên quá lớn: cả biểu mẫu cùng các tệp đính kèm chỉ được tối đa {mib:.1} MiB. Xin bớt tệp hoặc chọn tệp nhỏ hơn rồi gửi lại."
                        ),
                        Lang::En => format!(
                            "What was sent is too large: the form with its files may be at most {mib:.1} MiB. Remove some files or choose smaller ones and send it again."
                        ),
                    },
                )
            }
            AppError::BadMultipart(detail) => parts(
                StatusCode::BAD_REQUEST,
                "bad_request",
                match lang {
                    Lang::Vi => format!("Nội dung multipart/form-data không hợp lệ ({detail})."),
                    Lang::En => format!("The multipart/form-data body is not valid ({detail})."),
                },
            ),
            AppError::Status(status) => status_parts(*status, lang),
        }
    }
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
    let t = |vi: &str, en: &str| lang.pick(vi, en).to_owned();
    let (code, message) = match status {
        StatusCode::NOT_FOUND => ("not_found", t("Không có đường dẫn này.", "No such path.")),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            t(
                "Đường dẫn này không nhận phương thức đó.",
                "This path does not take that method.",
            ),
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            t("Nội dung gửi lên quá lớn.", "The body is too large."),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "unsupported_media_type",
            t(
                "Kiểu nội dung không được hỗ trợ.",
                "Unsupported content type.",
            ),
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "timeout",
            t("Yêu cầu quá thời gian.", "The request timed out."),
        ),
        s if s.is_server_error() => (
            "internal",
            t(
                "Lỗi hệ thống; xin thử lại sau.",
                "Internal error; please try again later.",
            ),
        ),
        _ => ("bad_request", t("Yêu cầu không hợp lệ.", "Bad request.")),
    };
    parts(status, code, message)
}

fn store_parts(err: &StoreError, lang: Lang) -> Parts {
    let t = |vi: &str, en: &str| lang.pick(vi, en).to_owned();
    match err {
        StoreError::NotFound { what } => parts(
            StatusCode::NOT_FOUND,
            "not_found",
            match lang {
                Lang::Vi => format!("Không tìm thấy {what}."),
                Lang::En => "Not found.".to_owned(),
            },
        ),
        StoreError::VersionConflict { given, current } => {
            let mut p = parts(
                StatusCode::CONFLICT,
                "version_conflict",
                match lang {
                    Lang::Vi => format!(
                        "Vụ việc đã được cập nhật: bạn gửi phiên bản {given}, phiên bản hiện tại là {current}. Hãy tải lại rồi thử lại."
                    ),
                    Lang::En => format!(
                        "The case changed: you sent version {given}, the current version is {current}. Reload and try again."
                    ),
                },
            );
            p.extra.insert("current_version".into(), json!(current));
            p
        }
        StoreError::Duplicate { field, value } => {
            let mut p = parts(
                StatusCode::CONFLICT,
                "duplicate",
                match lang {
                    Lang::Vi => format!("“{value}” đã tồn tại ({field})."),
                    Lang::En => format!("“{value}” already exists ({field})."),
                },
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
        StoreError::Invalid { field, reason } => {
            let mut p = parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                match lang {
                    Lang::Vi => format!("Trường “{field}”: {}.", reason.message(lang)),
                    Lang::En => format!("The field “{field}”: {}.", reason.message(lang)),
                },
            );
            p.extra.insert("field".into(), json!(field));
            p
        }
        StoreError::BadRow { line, error } => {
            // The row's own error, in the reader's language, after its line.
            let inner = store_parts(error, lang).message;
            let inner = inner.trim_end_matches('.');
            parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                match lang {
                    Lang::Vi => format!("Dòng {line}: {inner}."),
                    Lang::En => format!("Line {line}: {inner}."),
                },
            )
        }
        StoreError::Unauthenticated => parts(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            t(
                "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.",
                "You are not signed in, or your session has expired.",
            ),
        ),
        StoreError::BadCredentials => parts(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            t(
                "E-mail hoặc mật khẩu không đúng.",
                "Wrong e-mail or password.",
            ),
        ),
        StoreError::Throttled { retry_after_secs } => retry_later(
            "too_many_attempts",
            match lang {
                Lang::Vi => {
                    format!("Đăng nhập sai quá nhiều lần. Hãy thử lại sau {retry_after_secs} giây.")
                }
                Lang::En => {
                    format!("Too many failed sign-ins. Try again in {retry_after_secs} seconds.")
                }
            },
            *retry_after_secs,
        ),
        StoreError::PasswordGuessesThrottled { retry_after_secs } => retry_later(
            "too_many_attempts",
            match lang {
                Lang::Vi => format!(
                    "Đã nhập sai mật khẩu hiện tại quá nhiều lần. Hãy thử lại sau {retry_after_secs} giây."
                ),
                Lang::En => format!(
                    "Too many wrong current passwords. Try again in {retry_after_secs} seconds."
                ),
            },
            *retry_after_secs,
        ),
        StoreError::TooManyResetRequests { retry_after_secs } => retry_later(
            "too_many_requests",
            match lang {
                Lang::Vi => format!(
                    "Đã có quá nhiều yêu cầu đặt lại mật khẩu. Hãy thử lại sau {retry_after_secs} giây."
                ),
                Lang::En => format!(
                    "Too many password reset requests. Try again in {retry_after_secs} seconds."
                ),
            },
            *retry_after_secs,
        ),
        StoreError::KeyReused => {
            let mut p = parts(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                t(
                    "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.",
                    "This Idempotency-Key was already used for a different request.",
                ),
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
