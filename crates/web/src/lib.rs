//! The HTTP server of noicom (axum): for now the health endpoints, the
//! request-id and trace layers, the error type every handler will answer
//! with, and a server loop with graceful shutdown. The API and the pages are
//! later issues; they will add routers that [`router`] merges.

mod error;
mod health;
mod serve;
mod state;

pub use error::AppError;
pub use serve::{serve, shutdown_signal};
pub use state::{AppState, WebConfig};

use axum::Router;
use axum::http::Request;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

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
                tracing::info_span!(
                    "request",
                    method = %request.method(),
                    path = %request.uri().path(),
                    request_id,
                )
            }),
        )
        .layer(PropagateRequestIdLayer::x_request_id());
    health::router().with_state(state).layer(layers)
}
