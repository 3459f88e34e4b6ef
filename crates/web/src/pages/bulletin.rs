//! The monthly opinion bulletin as a page (SPEC §16): the same body as the
//! document the board signs (`GET /api/v1/opinion/bulletin`), in the
//! site's frame, with a month and area to choose and the download link.
//! A page view takes no number from the register; the download does.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use catalogue::Tr;
use chrono::Utc;
use documents::Block;
use store::bulletins::BulletinOf;
use store::reports::Reader;

use super::dashboard::area_options;
use super::directory::Directory;
use super::error::PageError;
use super::layout::{Layout, local_time};
use super::report::Opt;
use super::session::Visitor;
use crate::routes::bulletin::BulletinQuery;
use crate::{AppError, AppState};

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/bulletin", get(bulletin))
}

/// One piece of the body as the page shows it.
struct Shown {
    /// `h2`, `h3`, `p`, `to-write` or `table`.
    kind: &'static str,
    text: String,
    table: Option<documents::Table>,
}

impl Shown {
    fn new(block: Block) -> Shown {
        let (kind, text, table) = match block {
            Block::Heading(text) => ("h2", text, None),
            Block::Subheading(text) => ("h3", text, None),
            Block::Paragraph(text) => ("p", text, None),
            Block::ToWrite(text) => ("to-write", text, None),
            Block::Table(table) => ("table", String::new(), Some(table)),
        };
        Shown { kind, text, table }
    }
}

/// The bulletin page.
#[derive(Template, WebTemplate)]
#[template(path = "bulletin.html")]
struct BulletinPage {
    l: Layout,
    title: String,
    made_at: String,
    month: String,
    area: String,
    areas: Vec<Opt>,
    body: Vec<Shown>,
    download: String,
}

async fn bulletin(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<BulletinQuery>,
) -> Result<BulletinPage, PageError> {
    let now = Utc::now();
    let calendar = &state.policy.calendar;
    let tz = calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let month = q.month(now.with_timezone(&tz).date_naive())?;
    let of = BulletinOf {
        reader: Reader::User(visitor.identity.user),
        month,
        area: q.area(),
        lang,
        issued: false,
    };
    let bulletin = (state.store.bulletin(of, calendar, now).await).map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let area = q.area().unwrap_or_default().to_owned();
    let query = format!("month={month}&area={area}");
    Ok(BulletinPage {
        l: Layout::new(
            &visitor,
            t.bulletin_nav(),
            "/dashboard",
            &format!("/bulletin?{query}"),
        ),
        title: t.bulletin_title(report::bulletin_month_words(&bulletin)),
        made_at: local_time(now, tz),
        month: month.to_string(),
        areas: area_options(&dir),
        area,
        body: report::bulletin_body(&bulletin, lang)
            .into_iter()
            .map(Shown::new)
            .collect(),
        download: format!("/api/v1/opinion/bulletin?{query}&format=docx"),
    })
}
