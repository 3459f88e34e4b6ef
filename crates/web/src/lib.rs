//! The HTTP server of noicom (axum): the JSON API of SPEC §6.2 under
//! `/api/v1` with its OpenAPI document, the health endpoints, the
//! request-id and trace layers, the one error type every handler answers
//! with, and a server loop with graceful shutdown.

mod auth;
mod client_ip;
mod error;
mod health;
mod idempotency;
mod json;
mod lang;
mod metrics;
mod openapi;
mod pages;
mod routes;
mod serve;
mod state;
mod thumbnails;
pub(crate) mod views;

pub use auth::{CSRF_HEADER, Caller};
pub use client_ip::TrustedProxies;
pub use error::AppError;
pub use metrics::HttpMetrics;
pub use serve::{serve, shutdown_signal};
pub use state::{AppState, WebConfig};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// The largest JSON body accepted (attachments have their own limit).
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// The whole application: every route with its layers.
pub fn router(state: AppState) -> Router {
    // Order matters: the id is set before the trace span is made, so the
    // span carries it, and copied onto the response on the way out.
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let request_id = request
                    .headers()
                    .get("x-request-id")
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("-");
                // The path only: a query string may carry search words.
                tracing::info_span!(
                    "request",
                    method = %request.method(),
                    path = %request.uri().path(),
                    request_id,
                )
            }),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn(lang::scope))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(refuse_nul_in_path));
    let api = routes::router()
        .route("/openapi.json", get(openapi::document))
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        // Refuses a too large `Content-Length` before reading any of it.
        .layer(RequestBodyLimitLayer::new(MAX_JSON_BYTES))
        // Uploads have their own, larger limit.
        .merge(routes::attachments::router(
            state.config.max_attachment_bytes,
        ))
        .merge(routes::cases::filing_router(
            state.config.max_attachment_bytes,
        ))
        .merge(routes::duties::submission_router(
            state.config.max_attachment_bytes,
        ));
    let metrics = state.metrics.clone();
    Router::new()
        .nest("/api/v1", api)
        .merge(openapi::docs())
        .merge(health::router())
        .merge(pages::router())
        .route("/metrics", get(metrics::metrics))
        // The route template is known only once routing matched; `track`
        // sits outside so that unmatched requests are counted as well.
        .route_layer(middleware::from_fn(metrics::tag_route))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(metrics, metrics::track))
        .with_state(state)
        .layer(layers)
}

/// A path with an encoded NUL character (`%00`) is a bad request before
/// any handler looks a code up with it: no code holds one, and PostgreSQL
/// cannot even compare text with it.
async fn refuse_nul_in_path(request: Request, next: Next) -> Response {
    if request.uri().path().to_ascii_lowercase().contains("%00") {
        return AppError::Status(axum::http::StatusCode::BAD_REQUEST).into_response();
    }
    next.run(request).await
}

async fn not_found() -> AppError {
    AppError::Status(axum::http::StatusCode::NOT_FOUND)
}

/// Whether a path belongs to the JSON API (and the probes), whose errors
/// are JSON; every other path is a page, whose errors are pages.
pub(crate) fn is_api(path: &str) -> bool {
    path.starts_with("/api/") || matches!(path, "/healthz" | "/readyz" | "/metrics")
}

/// Gives every error answer the JSON shape under the API and the error
/// page elsewhere, including those the framework makes itself (wrong
/// method, a bad path parameter, …), and every answer the security
/// headers of SPEC §9.
async fn json_errors(request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let made_here = content_type.starts_with(if api { "application/json" } else { "text/html" });
    let mut response = if (status.is_client_error() || status.is_server_error()) && !made_here {
        if api {
            AppError::Status(status).into_response()
        } else {
            let mut page = pages::status_page(status);
            pages::set_page_headers(&mut page);
            page
        }
    } else {
        response
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers
            .entry(*name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

/// No sniffing, no framing, no scripts or styles from elsewhere (the API
/// answers JSON; the pages set their own policy), no referrer leaks.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    (
        "content-security-policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("referrer-policy", "no-referrer"),
];
