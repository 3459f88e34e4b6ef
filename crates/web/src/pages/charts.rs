//! Bar charts drawn on the server as inline SVG (no script, nothing
//! fetched): horizontal bars, one row per label, one or more series
//! stacked in a row. The geometry is worked out here so the template only
//! places numbers; every chart is shown with its figures as a table too,
//! for screen readers and for reading exact values.

/// Width of the drawing (SVG user units; it scales to the page).
const WIDTH: f64 = 640.0;
/// Where bars start: the labels sit to the left of it.
const BARS_X: f64 = 250.0;
/// Room kept right of the longest bar for its total.
const VALUE_ROOM: f64 = 60.0;
/// Height of a row and of a bar in it.
const ROW: f64 = 30.0;
const BAR: f64 = 20.0;
/// Longest label drawn; the table beside the chart has the whole text.
const LABEL_CHARS: usize = 34;

/// One series: its name and the CSS class of its colour (`s0`…`s4`).
#[derive(Debug, Clone)]
pub(crate) struct Series {
    /// What it counts.
    pub name: String,
    /// Its colour's class.
    pub class: &'static str,
}

/// A chart and the table of its figures.
#[derive(Debug, Clone)]
pub(crate) struct BarChart {
    /// The element id (also the table's, with `-table`).
    pub id: String,
    /// Heading and accessible name.
    pub title: String,
    /// The first column of the table.
    pub label_heading: String,
    /// The series (a legend is drawn when there are several).
    pub series: Vec<Series>,
    /// The rows, with their drawing.
    pub rows: Vec<Row>,
    /// The SVG's height.
    pub height: f64,
    /// The SVG's width.
    pub width: f64,
    /// A summary for `aria-label`: every label with its total.
    pub described: String,
}

/// One row: a label, its values per series, and where they are drawn.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The full label (the table's).
    pub label: String,
    /// The label as drawn (shortened when too long).
    pub short: String,
    /// An optional code for tests and links (`data-code`).
    pub code: String,
    /// The values as the table shows them, one per series.
    pub values: Vec<String>,
    /// The total as drawn right of the bar.
    pub total: String,
    /// Baseline of the texts.
    pub text_y: f64,
    /// Top of the bar.
    pub bar_y: f64,
    /// The drawn pieces, one per non-zero value.
    pub pieces: Vec<Piece>,
    /// Where the total is written.
    pub total_x: f64,
}

/// One stacked piece of a bar.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// Colour class.
    pub class: &'static str,
}

/// The classes of the series colours, in order (app.css gives them
/// colours that differ in lightness too, for contrast and grey print).
const CLASSES: [&str; 5] = ["s0", "s1", "s2", "s3", "s4"];

/// A figure as people read it: whole numbers bare, others with one
/// decimal (Vietnamese writes a decimal comma).
pub(crate) fn figure(x: f64, comma: bool) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        let text = format!("{x:.1}");
        if comma { text.replace('.', ",") } else { text }
    }
}

impl BarChart {
    /// A chart of `rows` (code, label, one value per series; `None` when
    /// there is nothing to measure, shown as a dash and no bar).
    pub(crate) fn new(
        id: impl Into<String>,
        title: String,
        label_heading: String,
        series: Vec<String>,
        rows: Vec<(String, String, Vec<Option<f64>>)>,
        comma: bool,
    ) -> BarChart {
        let series: Vec<Series> = series
            .into_iter()
            .zip(CLASSES.iter().cycle())
            .map(|(name, &class)| Series { name, class })
            .collect();
        let max = rows
            .iter()
            .map(|(_, _, values)| values.iter().flatten().sum::<f64>())
            .fold(0.0_f64, f64::max);
        let span = WIDTH - BARS_X - VALUE_ROOM;
        let scale = if max > 0.0 { span / max } else { 0.0 };
        let legend = if series.len() > 1 { ROW } else { 0.0 };
        let mut described = Vec::new();
        let rows: Vec<Row> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (code, label, values))| {
                let top = legend + i as f64 * ROW;
                let mut x = BARS_X;
                let mut pieces = Vec::new();
                for (value, s) in values.iter().zip(&series) {
                    let w = value.unwrap_or(0.0) * scale;
                    if w > 0.0 {
                        pieces.push(Piece {
                            x,
                            w,
                            class: s.class,
                        });
                    }
                    x += w;
                }
                let total = if values.iter().all(Option::is_none) {
                    "—".to_owned()
                } else {
                    figure(values.iter().flatten().sum(), comma)
                };
                described.push(format!("{label}: {total}"));
                let short = if label.chars().count() > LABEL_CHARS {
                    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
                    format!("{cut}…")
                } else {
                    label.clone()
                };
                Row {
                    short,
                    code,
                    values: values
                        .iter()
                        .map(|v| v.map_or_else(|| "—".to_owned(), |v| figure(v, comma)))
                        .collect(),
                    total,
                    text_y: top + ROW / 2.0 + 5.0,
                    bar_y: top + (ROW - BAR) / 2.0,
                    total_x: x + 6.0,
                    pieces,
                    label,
                }
            })
            .collect();
        BarChart {
            id: id.into(),
            described: format!("{}. {}", title, described.join("; ")),
            title,
            label_heading,
            height: legend + (rows.len().max(1)) as f64 * ROW,
            width: WIDTH,
            series,
            rows,
        }
    }

    /// Where the legend entry of series `i` starts: after the labels'
    /// column for up to three series, across the whole width for more (so
    /// that a fourth one is not cut off at the right edge).
    pub(crate) fn legend_x(&self, i: usize) -> f64 {
        match self.series.len() {
            0..=3 => BARS_X + i as f64 * 130.0,
            n => 10.0 + i as f64 * (WIDTH - 10.0) / n as f64,
        }
    }

    /// The same chart with the series coloured by `classes` (in series
    /// order) instead of the default palette: colours that mean something,
    /// as a mood's do.
    pub(crate) fn with_classes(mut self, classes: &[&'static str]) -> BarChart {
        let by_default: Vec<&'static str> = self.series.iter().map(|s| s.class).collect();
        for (s, class) in self.series.iter_mut().zip(classes) {
            s.class = class;
        }
        for row in &mut self.rows {
            for piece in &mut row.pieces {
                if let Some(i) = by_default.iter().position(|c| *c == piece.class) {
                    piece.class = classes.get(i).copied().unwrap_or(piece.class);
                }
            }
        }
        self
    }

    /// The x where labels end (they are right-aligned to it).
    pub(crate) fn label_x(&self) -> f64 {
        BARS_X - 8.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_bar_fills_the_span_and_the_others_scale_with_it() {
        let chart = BarChart::new(
            "c",
            "Vụ việc".into(),
            "Lĩnh vực".into(),
            vec!["Số vụ".into()],
            vec![
                ("land".into(), "Đất đai".into(), vec![Some(4.0)]),
                ("other".into(), "Khác".into(), vec![Some(1.0)]),
                ("none".into(), "Không".into(), vec![Some(0.0)]),
            ],
            true,
        );
        let span = WIDTH - BARS_X - VALUE_ROOM;
        assert_eq!(chart.rows[0].pieces[0].w, span);
        assert_eq!(chart.rows[1].pieces[0].w, span / 4.0);
        assert!(chart.rows[2].pieces.is_empty(), "no bar for a zero");
        assert_eq!(chart.rows[1].values, vec!["1"]);
        assert!(chart.described.contains("Đất đai: 4"));
    }

    #[test]
    fn stacked_series_follow_each_other_and_a_legend_takes_a_row() {
        let chart = BarChart::new(
            "c",
            "Quá hạn".into(),
            "Cơ quan".into(),
            vec!["Trả lời".into(), "Giải quyết".into()],
            vec![("U".into(), "UBND".into(), vec![Some(1.0), Some(2.0)])],
            true,
        );
        let row = &chart.rows[0];
        assert_eq!(row.pieces[1].x, row.pieces[0].x + row.pieces[0].w);
        assert_eq!(row.total, "3");
        assert_eq!(chart.height, 2.0 * ROW);
    }

    #[test]
    fn nothing_measured_is_a_dash_and_no_bar_not_a_zero() {
        let chart = BarChart::new(
            "c",
            "t".into(),
            "l".into(),
            vec!["n".into()],
            vec![("x".into(), "Trả lời".into(), vec![None])],
            true,
        );
        assert_eq!(chart.rows[0].values, vec!["—"]);
        assert_eq!(chart.rows[0].total, "—");
        assert!(chart.rows[0].pieces.is_empty());
    }

    #[test]
    fn figures_use_a_decimal_comma_in_vietnamese() {
        assert_eq!(figure(2.5, true), "2,5");
        assert_eq!(figure(2.5, false), "2.5");
        assert_eq!(figure(3.0, true), "3");
    }

    #[test]
    fn long_labels_are_shortened_in_the_drawing_only() {
        let long = "Trật tự xây dựng, đô thị và các vấn đề khác liên quan";
        let chart = BarChart::new(
            "c",
            "t".into(),
            "l".into(),
            vec!["n".into()],
            vec![("x".into(), long.into(), vec![Some(1.0)])],
            true,
        );
        assert_eq!(chart.rows[0].label, long);
        assert!(chart.rows[0].short.ends_with('…'));
        assert_eq!(chart.rows[0].short.chars().count(), LABEL_CHARS);
    }
}
