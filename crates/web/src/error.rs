//! The one error type of the HTTP edge and its mapping to a status and the
//! JSON body `{"error": {"code", "message"}}` of SPEC §6.2. Internal causes
//! are logged here and never shown to the caller.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use store::StoreError;
use thiserror::Error;

/// Why a request failed; each variant is one HTTP outcome.
#[derive(Debug, Error)]
pub enum AppError {
    /// The database does not answer: the replica is not ready (503).
    #[error("cơ sở dữ liệu chưa sẵn sàng")]
    NotReady(#[source] StoreError),
    /// A store operation failed; the status depends on why.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppError {
    /// The status, the stable code and the message the caller reads.
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            AppError::NotReady(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "not_ready",
                self.to_string(),
            ),
            AppError::Store(err) => match err {
                StoreError::NotFound { .. } => {
                    (StatusCode::NOT_FOUND, "not_found", err.to_string())
                }
                StoreError::VersionConflict { .. } => {
                    (StatusCode::CONFLICT, "version_conflict", err.to_string())
                }
                StoreError::Duplicate { .. } => {
                    (StatusCode::CONFLICT, "duplicate", err.to_string())
                }
                // The HTTP issue splits refusals into 403/409/422 by kind.
                StoreError::Refused(refusal) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    refusal.code(),
                    err.to_string(),
                ),
                StoreError::Invalid { .. } | StoreError::BadRow { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    err.to_string(),
                ),
                StoreError::Db(_) | StoreError::Io(_) => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "lỗi hệ thống; xin thử lại sau".to_owned(),
                ),
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        if status.is_server_error() {
            // The cause may name hosts or queries: it goes to the log only.
            let cause = match &self {
                AppError::NotReady(source) => source,
                AppError::Store(source) => source,
            };
            tracing::error!(code, error = %cause, "request failed");
        }
        let body = json!({ "error": { "code": code, "message": message } });
        (status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(error: AppError) -> (StatusCode, serde_json::Value) {
        let response = error.into_response();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn a_database_that_does_not_answer_is_503_not_ready_without_the_cause() {
        let cause = StoreError::Io("connection refused to 10.0.0.7".to_owned());
        let (status, body) = body_of(AppError::NotReady(cause)).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body["error"]["code"], "not_ready");
        assert!(!body.to_string().contains("10.0.0.7"), "{body}");
    }

    #[tokio::test]
    async fn not_found_is_404_with_the_vietnamese_message() {
        let err = StoreError::NotFound {
            what: "vụ việc HN-2026-000001".to_owned(),
        };
        let (status, body) = body_of(err.into()).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["error"]["code"], "not_found");
        assert_eq!(
            body["error"]["message"],
            "không tìm thấy vụ việc HN-2026-000001"
        );
    }

    #[tokio::test]
    async fn a_database_failure_is_an_opaque_500() {
        let err = StoreError::Db(sea_orm::DbErr::Custom("secret table detail".to_owned()));
        let (status, body) = body_of(err.into()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!body.to_string().contains("secret table detail"), "{body}");
    }
}
