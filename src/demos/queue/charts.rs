//! The queue demo's charts, one builder per chart, all reading the same run(s): queue depth,
//! wait percentiles, throughput over time, and mean wait against utilisation beside the
//! M/M/c curve (the "hockey stick").
use crate::demos::format;
use crate::sim::queue::{QueueReport, SeriesPoint};
use crate::sim::theory::wait_curve;
use crate::ui::demo::Runs;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use charming::{
    component::{Axis, Grid, Legend},
    element::{
        AxisType, LineStyle, LineStyleType, MarkLine, MarkLineData, NameLocation, Symbol, Tooltip,
        Trigger,
    },
    series::{Line, Scatter},
    Chart,
};

pub const KEYS: &[&str] = &[
    "queue-depth",
    "wait-percentiles",
    "throughput",
    "wait-vs-utilisation",
];

/// A time chart's frame: value x-axis in seconds, legend, tooltip, and the playback cursor.
fn time_chart(y_name: &str) -> Chart {
    Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(
            Legend::new()
                .top("0")
                .type_(charming::component::LegendType::Scroll),
        )
        .grid(Grid::new().left("56").right("16").top("40").bottom("40"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name("time (s)")
                .name_location(NameLocation::Middle)
                .name_gap(26),
        )
        .y_axis(Axis::new().type_(AxisType::Value).name(y_name))
}

fn line(name: &str, points: Vec<Vec<f64>>, dashed: bool) -> Line {
    let mut l = Line::new()
        .name(name)
        .show_symbol(false)
        .symbol(Symbol::None)
        .data(points);
    if dashed {
        l = l.line_style(LineStyle::new().type_(LineStyleType::Dashed));
    }
    l
}

fn cursor_mark(cursor: Option<f64>) -> Option<MarkLine> {
    cursor.map(|x| {
        MarkLine::new()
            .silent(true)
            .symbol(vec![Symbol::None, Symbol::None])
            .data(vec![charming::element::MarkLineVariant::Simple(
                MarkLineData::new().x_axis(x),
            )])
    })
}

fn pts(series: &[SeriesPoint], y: impl Fn(&SeriesPoint) -> f64) -> Vec<Vec<f64>> {
    series
        .iter()
        .map(|p| vec![round3(p.t_secs), round3(y(p))])
        .collect()
}

fn round3(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// Adds a series, and the cursor line to the first series only.
fn with_cursor(first: bool, l: Line, cursor: Option<f64>) -> Line {
    match (first, cursor_mark(cursor)) {
        (true, Some(m)) => l.mark_line(m),
        _ => l,
    }
}

pub fn build(runs: &Runs<QueueReport>, cursor: Option<f64>) -> Vec<ChartSpec> {
    vec![
        queue_depth(runs, cursor),
        wait_percentiles(runs, cursor),
        throughput(runs, cursor),
        wait_vs_utilisation(runs),
    ]
}

fn queue_depth(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let a = &runs.a.series;
    let mut chart = time_chart("jobs")
        .series(with_cursor(
            true,
            line("waiting (A)", pts(a, |p| p.queue_len), false),
            cursor,
        ))
        .series(line("in service (A)", pts(a, |p| p.in_service), false))
        .series(line("workers (A)", pts(a, |p| p.workers), false));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("waiting (B: {label})"),
            pts(&b.series, |p| p.queue_len),
            true,
        ));
    }
    let peak = a.iter().map(|p| p.queue_len).fold(0.0, f64::max);
    ChartSpec::new(KEYS[0], "Queue depth over time", chart)
        .alt(format!(
            "Line chart of jobs waiting, jobs in service and workers over {:.0} seconds. The queue peaks at about {:.0} waiting jobs.",
            runs.a.sim_secs, peak
        ))
        .table(series_table(a, &["time (s)", "waiting", "in service", "workers"], |p| vec![p.queue_len, p.in_service, p.workers]))
}

fn wait_percentiles(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let a = &runs.a.series;
    let mut chart = time_chart("wait (s)")
        .series(with_cursor(
            true,
            line("p50 (A)", pts(a, |p| p.wait_p50.unwrap_or(0.0)), false),
            cursor,
        ))
        .series(line(
            "p95 (A)",
            pts(a, |p| p.wait_p95.unwrap_or(0.0)),
            false,
        ))
        .series(line(
            "p99 (A)",
            pts(a, |p| p.wait_p99.unwrap_or(0.0)),
            false,
        ));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("p95 (B: {label})"),
            pts(&b.series, |p| p.wait_p95.unwrap_or(0.0)),
            true,
        ));
    }
    let w = &runs.a.wait;
    ChartSpec::new(KEYS[1], "Time waiting in the queue (percentiles)", chart)
        .alt(format!(
            "Line chart of the 50th, 95th and 99th percentile wait over time. Over the whole run: p50 {}, p95 {}, p99 {}.",
            format::duration(w.p50),
            format::duration(w.p95),
            format::duration(w.p99)
        ))
        .table(series_table(a, &["time (s)", "p50 (s)", "p95 (s)", "p99 (s)"], |p| vec![p.wait_p50.unwrap_or(0.0), p.wait_p95.unwrap_or(0.0), p.wait_p99.unwrap_or(0.0)]))
}

fn throughput(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let a = &runs.a.series;
    let mut chart = time_chart("jobs/s")
        .series(with_cursor(
            true,
            line("arrivals (A)", pts(a, |p| p.arrivals_per_s), false),
            cursor,
        ))
        .series(line(
            "completed (A)",
            pts(a, |p| p.completions_per_s),
            false,
        ))
        .series(line("retries (A)", pts(a, |p| p.retries_per_s), false))
        .series(line("dropped (A)", pts(a, |p| p.drops_per_s), false));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("completed (B: {label})"),
            pts(&b.series, |p| p.completions_per_s),
            true,
        ));
    }
    ChartSpec::new(KEYS[2], "Throughput over time", chart)
        .alt(format!(
            "Line chart of arrivals, completions, retries and drops per second. Average throughput {} jobs/s for {} jobs/s offered.",
            format::number(runs.a.throughput_per_s),
            format::number(runs.a.offered_rate)
        ))
        .table(series_table(a, &["time (s)", "arrivals/s", "completed/s", "retries/s", "dropped/s"], |p| {
            vec![p.arrivals_per_s, p.completions_per_s, p.retries_per_s, p.drops_per_s]
        }))
}

fn wait_vs_utilisation(runs: &Runs<QueueReport>) -> ChartSpec {
    let params = &runs.a;
    let curve = wait_curve(params.mu, params.c, 60);
    let theory: Vec<Vec<f64>> = curve
        .iter()
        .map(|(rho, wq)| vec![round3(*rho), round3(*wq)])
        .collect();
    let mut measured = vec![vec![round3(params.utilisation), round3(params.wait.mean)]];
    let mut table = DataTable::new(&["run", "utilisation", "mean wait (s)"]);
    table.push(vec![
        "A".into(),
        format::percent(params.utilisation),
        format!("{:.4}", params.wait.mean),
    ]);
    if let Some((b, label)) = &runs.b {
        measured.push(vec![round3(b.utilisation), round3(b.wait.mean)]);
        table.push(vec![
            format!("B: {label}"),
            format::percent(b.utilisation),
            format!("{:.4}", b.wait.mean),
        ]);
    }
    for (rho, wq) in curve.iter().step_by(6) {
        table.push(vec![
            "M/M/c theory".into(),
            format::percent(*rho),
            format!("{wq:.4}"),
        ]);
    }
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(Legend::new().top("0"))
        .grid(Grid::new().left("56").right("16").top("40").bottom("40"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(1)
                .name("utilisation ρ")
                .name_location(NameLocation::Middle)
                .name_gap(26),
        )
        .y_axis(Axis::new().type_(AxisType::Value).name("mean wait (s)"))
        .series(
            Line::new()
                .name(format!("M/M/{} theory", params.c))
                .show_symbol(false)
                .symbol(Symbol::None)
                .data(theory),
        )
        .series(
            Scatter::new()
                .name("simulated")
                .symbol_size(12)
                .data(measured),
        );
    ChartSpec::new(KEYS[3], "Mean wait against utilisation", chart)
        .alt(format!(
            "The M/M/{} curve of mean wait against utilisation stays flat, then climbs steeply towards 100%. This run: {} busy, mean wait {}.",
            params.c,
            format::percent(params.utilisation),
            format::duration(params.wait.mean)
        ))
        .table(table)
}

fn series_table(
    series: &[SeriesPoint],
    columns: &[&str],
    values: impl Fn(&SeriesPoint) -> Vec<f64>,
) -> DataTable {
    let mut t = DataTable::new(columns);
    for p in series {
        let mut row = vec![format!("{:.1}", p.t_secs)];
        row.extend(values(p).into_iter().map(|v| format!("{v:.3}")));
        t.push(row);
    }
    t
}
