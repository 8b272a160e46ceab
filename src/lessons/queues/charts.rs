//! The queue demo's charts, one builder per chart, all reading the same run(s): queue depth,
//! wait percentiles, throughput over time, and mean wait against utilisation beside the
//! M/M/c curve (the "hockey stick").
use crate::ui::demo::Runs;
use crate::ui::kit::charts::{ab_time_chart, round3, xy_chart, Plot, Timed};
use crate::ui::kit::format;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use charming::{
    element::Symbol,
    series::{Line, Scatter},
};
use scalelab_sim::queue::{QueueReport, SeriesPoint};
use scalelab_sim::theory::wait_curve;

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

fn series(r: &QueueReport) -> &[SeriesPoint] {
    &r.series
}

fn queue_depth(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::compared("waiting", |p: &SeriesPoint| Some(p.queue_len)),
        Plot::a_only("in service", |p: &SeriesPoint| Some(p.in_service)),
        Plot::a_only("workers", |p: &SeriesPoint| Some(p.workers)),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "jobs", "", &plots);
    let peak = runs
        .a
        .series
        .iter()
        .map(|p| p.queue_len)
        .fold(0.0, f64::max);
    ChartSpec::new(KEYS[0], "Queue depth over time", chart)
        .alt(format!(
            "Line chart of jobs waiting, jobs in service and workers over {:.0} seconds. The queue peaks at about {:.0} waiting jobs.",
            runs.a.sim_secs, peak
        ))
        .table(table)
}

fn wait_percentiles(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::a_only("p50", |p: &SeriesPoint| p.wait_p50),
        Plot::compared("p95", |p: &SeriesPoint| p.wait_p95),
        Plot::a_only("p99", |p: &SeriesPoint| p.wait_p99),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "wait (s)", "s", &plots);
    let w = &runs.a.wait;
    ChartSpec::new(KEYS[1], "Time waiting in the queue (percentiles)", chart)
        .alt(format!(
            "Line chart of the 50th, 95th and 99th percentile wait over time. Over the whole run: p50 {}, p95 {}, p99 {}.",
            format::duration(w.p50),
            format::duration(w.p95),
            format::duration(w.p99)
        ))
        .table(table)
}

fn throughput(runs: &Runs<QueueReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::a_only("arrivals", |p: &SeriesPoint| Some(p.arrivals_per_s)),
        Plot::compared("completed", |p: &SeriesPoint| Some(p.completions_per_s)),
        Plot::a_only("retries", |p: &SeriesPoint| Some(p.retries_per_s)),
        Plot::a_only("dropped", |p: &SeriesPoint| Some(p.drops_per_s)),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "jobs/s", "/s", &plots);
    ChartSpec::new(KEYS[2], "Throughput over time", chart)
        .alt(format!(
            "Line chart of arrivals, completions, retries and drops per second. Average throughput {} jobs/s for {} jobs/s offered.",
            format::number(runs.a.throughput_per_s),
            format::number(runs.a.offered_rate)
        ))
        .table(table)
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
    let chart = xy_chart("utilisation ρ", "mean wait (s)", false, Some((0.0, 1.0)))
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
