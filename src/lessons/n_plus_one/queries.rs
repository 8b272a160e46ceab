//! What one page load sends: the ORM code beside the SQL log it emits (in order), and the
//! waterfall on an idle system, so 101 little bars against 2 is visible at a glance. All
//! follow from the parameters alone.
use super::snippets::snippet;
use crate::ui::kit::format;
use crate::ui::widgets::chart::{ChartSpec, ChartView};
use crate::ui::widgets::table::DataTable;
use charming::{
    component::{Axis, Grid},
    element::{AxisType, ItemStyle, NameLocation, Tooltip, Trigger},
    series::Bar as BarSeries,
    Chart,
};
use leptos::prelude::*;
use scalelab_sim::nplus1::{page_queries_listed, waterfall_of, Bar, NPlusOneParams, Query};

/// Statements listed in the log at most; the rest are counted.
pub const LOG_MAX: usize = 200;
/// Bars drawn in the waterfall at most.
pub const WATERFALL_MAX: usize = 300;

pub fn page_queries_view(params: Signal<NPlusOneParams>, seed: Signal<u64>) -> impl IntoView {
    let queries = Memo::new(move |_| {
        page_queries_listed(&params.get(), seed.get(), LOG_MAX.max(WATERFALL_MAX))
    });
    let spec =
        Memo::new(move |_| queries.with(|q| waterfall_chart(&params.with(|p| waterfall_of(p, q)))));
    let summary = move || {
        queries.with(|q| {
            let rows: u64 = q.iter().map(|q| u64::from(q.rows)).sum();
            format!(
                "{} queries, {} rows for one page",
                format::count(q.len() as u64),
                format::count(rows)
            )
        })
    };
    view! {
        <section class="query-log" aria-label="The code and the SQL it sends for one page">
            <div class="code-vs-sql">
            <figure class="orm-code">
                <figcaption>{move || params.with(|p| snippet(p).library)}</figcaption>
                <pre class="code"><code>{move || params.with(|p| snippet(p).code)}</code></pre>
            </figure>
            <div>
            <h3>"SQL for one page load: " <span class="query-count">{summary}</span></h3>
            <ol class="sql-log" tabindex="0" aria-label="SQL statements in the order they are sent">
                {move || {
                    queries.with(|q| {
                        q.iter()
                            .take(LOG_MAX)
                            .map(|Query { sql, rows, .. }| {
                                view! { <li><code>{sql.clone()}</code> <span class="rows">{format!("→ {rows} rows")}</span></li> }
                            })
                            .collect_view()
                    })
                }}
            </ol>
            <p class="box-note">
                {move || queries.with(|q| (q.len() > LOG_MAX).then(|| format!("…and {} more statements", format::count((q.len() - LOG_MAX) as u64))))}
            </p>
            </div>
            </div>
        </section>
        <div class="charts single">
            <ChartView spec=spec />
        </div>
    }
}

/// A Gantt chart of one page's queries: an invisible bar up to each query's start, stacked
/// with a visible bar for its duration.
pub fn waterfall_chart(bars: &[Bar]) -> ChartSpec {
    let shown = &bars[..bars.len().min(WATERFALL_MAX)];
    let labels: Vec<String> = (1..=shown.len()).map(|i| format!("#{i}")).collect();
    let starts: Vec<f64> = shown.iter().map(|b| round(b.start_ms)).collect();
    let lengths: Vec<f64> = shown.iter().map(|b| round(b.end_ms - b.start_ms)).collect();
    let total = bars.last().map_or(0.0, |b| {
        bars.iter().map(|x| x.end_ms).fold(b.end_ms, f64::max)
    });
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left("48").right("16").top("16").bottom("40"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name("ms since the page started")
                .name_location(NameLocation::Middle)
                .name_gap(26),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(labels),
        )
        .series(
            BarSeries::new()
                .name("waiting")
                .stack("page")
                .item_style(ItemStyle::new().color("transparent"))
                .data(starts),
        )
        .series(BarSeries::new().name("query").stack("page").data(lengths));
    let mut table = DataTable::new(&["#", "start (ms)", "end (ms)", "rows", "SQL"]);
    for (i, b) in shown.iter().enumerate() {
        table.push(vec![
            format!("{}", i + 1),
            format!("{:.3}", b.start_ms),
            format!("{:.3}", b.end_ms),
            b.rows.to_string(),
            b.sql.clone(),
        ]);
    }
    let more = if bars.len() > shown.len() {
        format!(" (first {} of {} drawn)", shown.len(), bars.len())
    } else {
        String::new()
    };
    ChartSpec::new(
        "waterfall",
        format!("One page load, query by query{more}"),
        chart,
    )
    .alt(format!(
        "Waterfall of {} queries for one page on an idle system; the page is done after {}.",
        bars.len(),
        format::duration(total / 1000.0)
    ))
    .table(table)
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
