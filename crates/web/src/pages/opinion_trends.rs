//! The trend charts of the dashboards (SPEC §16): the last twelve weeks'
//! opinion items stacked by mood, and the cases filed each week, drawn as
//! the other dashboard charts are (server-side SVG with their tables),
//! over what the visitor may read.

use chrono::{DateTime, Utc};
use store::opinion_reports::{TrendQuery, TrendStep, Trends};
use workflow::{Lang, Mood, UserId};

use super::charts::BarChart;
use crate::{AppError, AppState};
use catalogue::Tr;

/// The two charts: items by mood, and cases filed.
pub(crate) struct TrendCharts {
    /// Items per week, stacked by mood.
    pub moods: BarChart,
    /// Cases filed per week.
    pub cases: BarChart,
}

/// The charts of the twelve weeks up to today, in `area`'s subtree if
/// one is chosen.
pub(crate) async fn trend_charts(
    state: &AppState,
    user: UserId,
    area: Option<String>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<TrendCharts, AppError> {
    let query = TrendQuery {
        area,
        by: TrendStep::Week,
        ..TrendQuery::default()
    };
    let tz = state.policy.calendar.time_zone();
    let trends = state.store.opinion_trends(user, &query, now, tz).await?;
    Ok(charts(&trends, lang))
}

fn charts(trends: &Trends, lang: Lang) -> TrendCharts {
    let t = Tr(lang);
    let comma = lang == Lang::Vi;
    let label = |p: &store::opinion_reports::TrendBucket| p.start.format("%d/%m/%Y").to_string();
    let moods = BarChart::new(
        "opinion-by-mood",
        t.opinion_trends_items_by_mood().to_owned(),
        t.opinion_trends_period_start().to_owned(),
        Mood::ALL.iter().map(|m| m.label(lang).to_owned()).collect(),
        trends
            .periods
            .iter()
            .map(|p| {
                (
                    p.start.to_string(),
                    label(p),
                    Mood::ALL
                        .iter()
                        .map(|m| Some(p.by_mood.get(*m) as f64))
                        .collect(),
                )
            })
            .collect(),
        comma,
    )
    .with_classes(&[
        "mood-supportive",
        "mood-neutral",
        "mood-concerned",
        "mood-angry",
    ]);
    let cases = BarChart::new(
        "opinion-cases-filed",
        t.opinion_trends_cases_filed().to_owned(),
        t.opinion_trends_period_start().to_owned(),
        vec![t.cases_count().to_owned()],
        trends
            .periods
            .iter()
            .map(|p| {
                (
                    p.start.to_string(),
                    label(p),
                    vec![Some(p.cases_filed as f64)],
                )
            })
            .collect(),
        comma,
    );
    TrendCharts { moods, cases }
}
