//! `/metrics` in the Prometheus (OpenMetrics) text format: HTTP requests
//! and their latency by method, matched route template and status, kept in
//! this process; cases by state and the outbox by status, counted in the
//! database at scrape time. No listener of its own: the route is served by
//! the application's router, unauthenticated like `/healthz` (it holds
//! counts only, no case data); restrict it at the reverse proxy if the
//! counts themselves are sensitive (docs/design.md).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use workflow::CaseState;

use crate::{AppError, AppState};

/// The content type of the OpenMetrics text format.
const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// The route label of a request that matched no route: the raw path would
/// let any client create a new series per URL.
const UNMATCHED: &str = "unmatched";

/// The labels of a request.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

/// One label set, for the database gauges.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: String,
}

type LatencyFamily = Family<RequestLabels, Histogram, fn() -> Histogram>;

/// The HTTP metrics of this process; cheap to clone.
#[derive(Debug, Clone)]
pub struct HttpMetrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Default for HttpMetrics {
    fn default() -> HttpMetrics {
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        let mut registry = Registry::default();
        registry.register(
            "noicom_http_requests",
            "HTTP requests by method, route template and status",
            requests.clone(),
        );
        registry.register(
            "noicom_http_request_duration_seconds",
            "Time to answer an HTTP request, by method, route template and status",
            latency.clone(),
        );
        HttpMetrics {
            registry: Arc::new(registry),
            requests,
            latency,
        }
    }
}

/// The route template a request matched, carried on the response from the
/// routing layer to [`track`] (which sits outside the routing, so that
/// requests no route matched are counted too).
#[derive(Debug, Clone)]
struct RouteTemplate(String);

/// Route layer: notes the matched route template on the response.
pub(crate) async fn tag_route(request: Request, next: Next) -> Response {
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| RouteTemplate(path.as_str().to_owned()));
    let mut response = next.run(request).await;
    if let Some(template) = template {
        response.extensions_mut().insert(template);
    }
    response
}

/// Counts every request and times it.
pub(crate) async fn track(
    State(metrics): State<HttpMetrics>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<RouteTemplate>()
        .map_or(UNMATCHED.to_owned(), |t| t.0.clone());
    let labels = RequestLabels {
        method,
        route,
        status: response.status().as_u16(),
    };
    metrics.requests.get_or_create(&labels).inc();
    metrics
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics`.
pub(crate) async fn metrics(State(state): State<AppState>) -> Result<Response, AppError> {
    let cases = state.store.case_counts_by_state().await?;
    let outbox = state.store.outbox_counts().await?;
    let unreachable = state.store.count_unreachable_units(Utc::now()).await?;
    let mut text = String::new();
    let gauges = database_gauges(&cases, &outbox, unreachable);
    let written = encode_registry(&mut text, &state.metrics.registry)
        .and_then(|()| encode_registry(&mut text, &gauges))
        .and_then(|()| encode_eof(&mut text));
    if written.is_err() {
        return Err(AppError::Status(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        ));
    }
    Ok(([(CONTENT_TYPE, OPENMETRICS)], text).into_response())
}

/// Gauges of what the database holds now. Every state and status is
/// reported, with 0 when there is none, so a series never vanishes; so is
/// the number of active units e-mail cannot reach (SPEC §14).
fn database_gauges(
    cases: &[(String, i64)],
    outbox: &[(String, i64)],
    unreachable: u64,
) -> Registry {
    let by_state = Family::<StateLabel, Gauge>::default();
    for state in CaseState::ALL {
        by_state
            .get_or_create(&StateLabel {
                state: state.code().to_owned(),
            })
            .set(0);
    }
    for (state, n) in cases {
        by_state
            .get_or_create(&StateLabel {
                state: state.clone(),
            })
            .set(*n);
    }
    let by_status = Family::<StatusLabel, Gauge>::default();
    for known in store::outbox_admin::STATUSES {
        by_status
            .get_or_create(&StatusLabel {
                status: known.to_owned(),
            })
            .set(0);
    }
    for (status, n) in outbox {
        by_status
            .get_or_create(&StatusLabel {
                status: status.clone(),
            })
            .set(*n);
    }
    let mut registry = Registry::default();
    registry.register("noicom_cases", "Cases by state", by_state);
    registry.register(
        "noicom_outbox",
        "E-mails in the outbox by status",
        by_status,
    );
    let without_address = Gauge::<i64>::default();
    without_address.set(i64::try_from(unreachable).unwrap_or(i64::MAX));
    registry.register(
        "noicom_units_without_address",
        "Active units with no e-mail address and no liaison with one: what is sent to them reaches nobody",
        without_address,
    );
    registry
}
