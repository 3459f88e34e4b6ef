//! The monthly opinion bulletin (SPEC §16) as the board's numbered report
//! (`GET /opinion/bulletin`), as DOCX to sign (default) or printable HTML,
//! for those who read reports, over the areas they see.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;
use store::bulletins::BulletinOf;
use store::reports::Reader;
use utoipa::IntoParams;
use workflow::Period;

use super::documents::{DocumentQuery, respond};
use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/opinion/bulletin", get(bulletin))
}

/// Which bulletin.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct BulletinQuery {
    /// The month, `2026-11`; the month before this one when absent.
    month: Option<String>,
    /// An area code: that area and every area below it; the caller's whole
    /// scope when absent.
    area: Option<String>,
    /// `docx` (the document to sign, default) or `html` (printable).
    format: Option<String>,
}

impl BulletinQuery {
    /// The month asked for, or the one a bulletin made today is of; a
    /// month that is not `yyyy-mm` is refused naming the field.
    pub(crate) fn month(&self, today: chrono::NaiveDate) -> Result<Period, AppError> {
        match self.month.as_deref().map(str::trim) {
            None | Some("") => Ok(workflow::bulletin_month(today)),
            Some(text) => match text.parse::<Period>() {
                Ok(p @ Period::Month { .. }) => Ok(p),
                _ => Err(AppError::Invalid {
                    field: "month".to_owned(),
                    detail: crate::error::Detail::UnknownValue {
                        value: text.to_owned(),
                        expected: vec!["2026-11".into()],
                    },
                }),
            },
        }
    }

    /// The area code asked for, if any.
    pub(crate) fn area(&self) -> Option<&str> {
        self.area
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }
}

/// The month's opinion bulletin as the board's report, numbered from its
/// register once per month and area.
#[utoipa::path(get, path = "/api/v1/opinion/bulletin", tag = "reports",
    security(("bearer" = []), ("session" = [])),
    params(BulletinQuery),
    responses(
        (status = 200, description = "The bulletin",
            content(
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
            )),
        (status = 403, description = "The caller does not read reports", body = ErrorBody),
        (status = 422, description = "Unknown month, area or format", body = ErrorBody),
    ))]
pub(crate) async fn bulletin(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<BulletinQuery>,
) -> Result<Response, AppError> {
    let html = DocumentQuery::of(query.format.clone()).html()?;
    let now = Utc::now();
    let calendar = &state.policy.calendar;
    let today = now.with_timezone(&calendar.time_zone()).date_naive();
    let month = query.month(today)?;
    let lang = crate::lang::current();
    let of = BulletinOf {
        reader: Reader::User(caller.user),
        month,
        area: query.area(),
        lang,
        issued: true,
    };
    let bulletin = state.store.bulletin(of, calendar, now).await?;
    let Some(head) = &bulletin.letterhead else {
        return Err(AppError::Status(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        ));
    };
    let doc = report::bulletin_document(&bulletin, head, today, lang);
    let name = format!(
        "ban-tin-du-luan-{month}-{}",
        query.area().unwrap_or("tat-ca")
    );
    respond(&doc, &name, html)
}
