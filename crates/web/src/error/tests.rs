//! The error answers: status, code and message for each kind of failure.

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
        thing: store::Thing::Case,
        key: "HN-2026-000001".to_owned(),
    };
    let (status, body) = body_of(err.into()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
    assert_eq!(
        body["error"]["message"],
        "Không tìm thấy vụ việc HN-2026-000001."
    );
}

#[tokio::test]
async fn a_database_failure_is_an_opaque_500() {
    let err = StoreError::Db(sea_orm::DbErr::Custom("secret table detail".to_owned()));
    let (status, body) = body_of(err.into()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!body.to_string().contains("secret table detail"), "{body}");
}

#[tokio::test]
async fn a_refusal_about_the_caller_is_403_with_its_code() {
    let refusal = workflow::Refusal::NotTheReporter;
    let (status, body) = body_of(StoreError::Refused(refusal).into()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "not_the_reporter");
}

#[tokio::test]
async fn a_stale_version_is_409_with_the_current_version() {
    let err = StoreError::VersionConflict {
        given: 1,
        current: 3,
    };
    let (status, body) = body_of(err.into()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["current_version"], 3);
}

#[tokio::test]
async fn a_missing_input_is_422_naming_the_field() {
    let err = StoreError::Refused(workflow::Refusal::MissingInput { field: "title" });
    let (status, body) = body_of(err.into()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "title");
}

#[tokio::test]
async fn a_form_over_the_whole_request_limit_is_413_saying_the_limit_in_vietnamese() {
    let (status, body) = body_of(AppError::FormTooLarge { max: 3 << 20 }).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "payload_too_large");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("quá lớn") && message.contains("3.0 MiB"),
        "{message}"
    );
}

#[test]
fn an_invalid_input_gives_its_reason_in_each_language() {
    let err = || {
        AppError::Store(StoreError::Invalid {
            field: "to",
            reason: store::Invalid::EndNotAfterStart,
        })
    };
    let (status, vi, field) = err().shown(Lang::Vi);
    let (_, en, _) = err().shown(Lang::En);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field.as_deref(), Some("to"));
    assert_eq!(vi, "Trường “to”: phải sau thời điểm bắt đầu (from).");
    assert_eq!(en, "The field “to”: must be after the start (from).");
}

#[test]
fn a_bad_row_gives_the_rows_own_error_in_each_language() {
    let err = || {
        AppError::Store(StoreError::BadRow {
            line: 4,
            error: Box::new(StoreError::Invalid {
                field: "email",
                reason: store::Invalid::NotAnEmail("x".to_owned()),
            }),
        })
    };
    assert_eq!(
        err().shown(Lang::Vi).1,
        "Dòng 4: Trường “email”: «x» không phải địa chỉ e-mail hợp lệ."
    );
    assert_eq!(
        err().shown(Lang::En).1,
        "Line 4: The field “email”: «x» is not a valid e-mail address."
    );
}
