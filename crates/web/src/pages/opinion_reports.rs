//! The opinion-report pages (SPEC §16): the phone form a collaborator
//! sends a monthly or quick report with (opinions added one by one, kept
//! as a draft and resent when the network is back, by the same script as
//! the filing form); the list is `opinion_report_list`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use store::StoreError;
use store::opinion_reports::{OpinionAnswer, OpinionOnce, OpinionReportView};
use workflow::{Mood, OpinionItemInput, OpinionReach, OpinionRefusal, OpinionReportInput, Source};

use super::directory::Directory;
use super::error::PageError;
use super::form::Fields;
use super::layout::{Layout, form_key};
use super::report::{Opt, valid_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::{AppError, AppState};
use catalogue::{Lang, Tr};

/// The opinions the form has room for (the API takes up to 30).
pub(crate) const FORM_ITEMS: usize = 10;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/opinion-reports/new", get(form).post(send))
}

/// One opinion's inputs as typed.
#[derive(Default, Clone)]
pub(crate) struct ItemValues {
    pub n: usize,
    pub category: String,
    pub summary: String,
    pub mood: String,
    pub reach: String,
    pub source: String,
    pub people: String,
}

impl ItemValues {
    /// Whether nothing of this opinion was typed (the source has a default).
    pub(crate) fn is_blank(&self) -> bool {
        [
            &self.category,
            &self.summary,
            &self.mood,
            &self.reach,
            &self.people,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// The form's inputs as typed.
#[derive(Default)]
struct Values {
    area: String,
    kind: String,
    period: String,
    items: Vec<ItemValues>,
}

impl Values {
    fn from_fields(fields: &Fields) -> Values {
        let items = (1..=FORM_ITEMS)
            .map(|n| {
                let get = |what: &str| fields.get(&format!("item{n}_{what}")).to_owned();
                ItemValues {
                    n,
                    category: get("category"),
                    summary: get("summary"),
                    mood: get("mood"),
                    reach: get("reach"),
                    source: get("source"),
                    people: get("people").trim().to_owned(),
                }
            })
            .collect();
        Values {
            area: fields.get("area").to_owned(),
            kind: fields.get("kind").to_owned(),
            period: fields.get("period").trim().to_owned(),
            items,
        }
    }

    /// The report as the API takes it: the first opinion always, the
    /// others when anything of them was typed.
    fn input(&self) -> Result<OpinionReportInput, AppError> {
        let mut items = Vec::new();
        for item in self.items.iter().filter(|i| i.n == 1 || !i.is_blank()) {
            let people_affected = match item.people.as_str() {
                "" => None,
                text => Some(text.parse::<i64>().map_err(|_| {
                    AppError::from(StoreError::OpinionRefused(OpinionRefusal::Item {
                        position: items.len() + 1,
                        problem: workflow::ItemProblem::BadPeopleAffected,
                    }))
                })?),
            };
            items.push(OpinionItemInput {
                category: item.category.clone(),
                summary: item.summary.clone(),
                mood: item.mood.clone(),
                reach: item.reach.clone(),
                source: item.source.clone(),
                people_affected,
            });
        }
        let quick = self.kind == "quick";
        Ok(OpinionReportInput {
            area: self.area.clone(),
            period: (!quick).then(|| self.period.clone()),
            quick,
            items,
        })
    }
}

/// A refusal shown on the form, beside its field.
struct Shown {
    field: Option<String>,
    message: String,
}

impl Shown {
    /// The form field a refusal names: `items[2].summary` is `item2_summary`.
    fn target(&self) -> Option<String> {
        let field = self.field.as_deref()?;
        Some(match field.strip_prefix("items[") {
            Some(rest) => {
                let (n, what) = rest.split_once("].").unwrap_or((rest, "summary"));
                format!("item{n}_{what}").replace("people_affected", "people")
            }
            None if field == "items" => "item1_summary".to_owned(),
            None => field.to_owned(),
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "opinion_report_new.html")]
struct FormPage {
    l: Layout,
    key: String,
    areas: Vec<Opt>,
    categories: Vec<Opt>,
    moods: Vec<Opt>,
    reaches: Vec<Opt>,
    sources: Vec<Opt>,
    v: Values,
    errors: Vec<Shown>,
}

impl FormPage {
    /// The message about field `what` of opinion `n`.
    fn item_err(&self, n: &usize, what: &str) -> Option<&str> {
        self.err(&format!("item{n}_{what}"))
    }

    /// Whether opinion `n` holds a refused field (its part is opened).
    fn item_refused(&self, n: &usize) -> bool {
        let prefix = format!("item{n}_");
        self.errors
            .iter()
            .any(|e| e.target().is_some_and(|t| t.starts_with(&prefix)))
    }

    fn err(&self, id: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.target().as_deref() == Some(id))
            .map(|e| e.message.as_str())
    }
}

fn opts<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<Opt> {
    all.iter()
        .map(|x| Opt {
            code: code(*x).to_owned(),
            label: label(*x, lang).to_owned(),
        })
        .collect()
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    key: String,
    mut v: Values,
    errors: Vec<Shown>,
) -> Result<FormPage, PageError> {
    let now = Utc::now();
    let lang = visitor.lang;
    let tz = state.policy.calendar.time_zone();
    let areas: Vec<Opt> = state
        .store
        .opinion_areas(visitor.identity.user, now, tz)
        .await?
        .into_iter()
        .map(|(code, label)| Opt { code, label })
        .collect();
    if areas.is_empty() {
        return Err(
            AppError::from(StoreError::OpinionRefused(OpinionRefusal::NotACollaborator)).into(),
        );
    }
    if let [only] = areas.as_slice()
        && v.area.is_empty()
    {
        v.area = only.code.clone();
    }
    if v.period.is_empty() {
        v.period = now.with_timezone(&tz).format("%Y-%m").to_string();
    }
    if v.items.is_empty() {
        v.items = (1..=FORM_ITEMS)
            .map(|n| ItemValues {
                n,
                ..Default::default()
            })
            .collect();
    }
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let t = Tr(lang);
    Ok(FormPage {
        l: Layout::new(
            visitor,
            t.opinion_report_new(),
            "/opinion-reports",
            "/opinion-reports/new",
        ),
        key,
        areas,
        categories: super::report::categories(&dir.categories, lang),
        moods: opts(Mood::ALL, Mood::code, Mood::label, lang),
        reaches: opts(
            OpinionReach::ALL,
            OpinionReach::code,
            OpinionReach::label,
            lang,
        ),
        sources: opts(Source::ALL, Source::code, Source::label, lang),
        v,
        errors,
    })
}

/// The month the form is for, as the monthly duty's reminder links it
/// (`?period=2026-11`); this month when absent.
#[derive(Debug, Default, serde::Deserialize)]
struct FormQuery {
    #[serde(default)]
    period: String,
}

async fn form(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::extract::Query(q): axum::extract::Query<FormQuery>,
) -> Result<FormPage, PageError> {
    let values = Values {
        period: q.period.trim().to_owned(),
        ..Values::default()
    };
    page(&state, &visitor, form_key(), values, Vec::new()).await
}

/// Sends the report through the store call of `POST /opinion-reports`,
/// once per form key; refused, the form again with the message beside its
/// field and everything typed kept.
async fn send(
    State(state): State<AppState>,
    visitor: Visitor,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let v = Values::from_fields(&fields);
    let key = fields.get("key").trim().to_owned();
    let hash = request_hash(&Method::POST, "/opinion-reports/new", &fields.raw);
    let render = |view: &OpinionReportView| view.id.to_string();
    let once = valid_key(&key).map(|key| OpinionOnce {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: &render,
    });
    let tz = state.policy.calendar.time_zone();
    let sent = match v.input() {
        Ok(input) => state
            .store
            .file_opinion_report(visitor.identity.user, input, Utc::now(), tz, once.as_ref())
            .await
            .map_err(AppError::from),
        Err(err) => Err(err),
    };
    let err = match sent {
        Ok(OpinionAnswer::Done(view)) => return Ok(sent_to(&view.id.to_string())),
        Ok(OpinionAnswer::Replay { body, .. }) => return Ok(sent_to(&body)),
        Err(err) => err,
    };
    let (status, message, field) = err.shown(visitor.lang);
    if status.is_server_error() || status == StatusCode::UNAUTHORIZED {
        return Err(err.into());
    }
    let key = if key.is_empty() { form_key() } else { key };
    let page = page(&state, &visitor, key, v, vec![Shown { field, message }]).await?;
    Ok((status, page).into_response())
}

fn sent_to(id: &str) -> Response {
    Redirect::to(&format!("/opinion-reports/{}?sent=1", id.trim())).into_response()
}

/// "Báo cáo tình hình dư luận xã hội — Phường X, tháng 11/2026".
pub(crate) fn report_title(r: &OpinionReportView, lang: Lang) -> String {
    let t = Tr(lang);
    let when = match &r.period {
        Some(period) => {
            let (year, month) = period.split_once('-').unwrap_or((period, ""));
            t.opinion_report_monthly(format!("{month}/{year}"))
        }
        None => t.opinion_report_quick().to_owned(),
    };
    t.opinion_report_title(&r.area_name, when)
}

/// A local day as a reader writes it: 05/12/2026.
pub(crate) fn day(at: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%d/%m/%Y").to_string()
}
