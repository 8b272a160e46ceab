//! The queue demo's charts, one builder per chart, all reading the same run(s): queue depth,
//! wait percentiles, throughput over time, and mean wait against utilisation beside the
//! M/M/c curve (the "hockey stick").
use crate::demos::chart_kit::{line, points, round3, series_table, time_chart, with_cursor, Timed};
use crate::demos::format;
use crate::sim::queue::{QueueReport, SeriesPoint};
use crate::sim::theory::wait_curve;
use crate::ui::demo::Runs;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use charming::{
    component::{Axis, Grid, Legend},
    element::{AxisType, NameLocation, Symbol, Tooltip, Trigger},
    series::{Line, Scatter},
    Chart,
};

pub const KEYS: &[&str] = &[
    "queue-depth",
    "wait-percentiles",
    "throughput",
    "wait-vs-utilisation",
];

impl Timed for SeriesPoint {
    fn t_secs(&self) -> f64 {
        self.t_secs
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
            line("waiting (A)", points(a, |p| Some(p.queue_len)), false),
            cursor,
        ))
        .series(line(
            "in service (A)",
            points(a, |p| Some(p.in_service)),
            false,
        ))
        .series(line("workers (A)", points(a, |p| Some(p.workers)), false));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("waiting (B: {label})"),
            points(&b.series, |p| Some(p.queue_len)),
            true,
        ));
    }
    let peak = a.iter().map(|p| p.queue_len).fold(0.0, f64::max);
    ChartSpec::new(KEYS[0], "Queue depth over time", chart)
        .alt(format!(
            "Line chart of jobs waiting, jobs in service and workers over {:.0} seconds. The queue peaks at about {:.0} waiting jobs.",
            runs.a.sim_secs, peak
        ))
        .table(series_table(a, &["time (s)", "waiting", "in service", "workers"], |p| vec![Some(p.queue_len), Some(p.in_service), Some(p.workers)]))
}

fn wait_percentiles(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let a = &runs.a.series;
    let mut chart = time_chart("wait (s)")
        .series(with_cursor(
            line("p50 (A)", points(a, |p| p.wait_p50), false),
            cursor,
        ))
        .series(line("p95 (A)", points(a, |p| p.wait_p95), false))
        .series(line("p99 (A)", points(a, |p| p.wait_p99), false));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("p95 (B: {label})"),
            points(&b.series, |p| p.wait_p95),
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
        .table(series_table(a, &["time (s)", "p50 (s)", "p95 (s)", "p99 (s)"], |p| vec![p.wait_p50, p.wait_p95, p.wait_p99]))
}

fn throughput(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let a = &runs.a.series;
    let mut chart = time_chart("jobs/s")
        .series(with_cursor(
            line("arrivals (A)", points(a, |p| Some(p.arrivals_per_s)), false),
            cursor,
        ))
        .series(line(
            "completed (A)",
            points(a, |p| Some(p.completions_per_s)),
            false,
        ))
        .series(line(
            "retries (A)",
            points(a, |p| Some(p.retries_per_s)),
            false,
        ))
        .series(line(
            "dropped (A)",
            points(a, |p| Some(p.drops_per_s)),
            false,
        ));
    if let Some((b, label)) = &runs.b {
        chart = chart.series(line(
            &format!("completed (B: {label})"),
            points(&b.series, |p| Some(p.completions_per_s)),
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
            vec![Some(p.arrivals_per_s), Some(p.completions_per_s), Some(p.retries_per_s), Some(p.drops_per_s)]
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
