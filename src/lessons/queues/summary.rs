//! The queue demo's summary table: one row per metric, a column per run, and the queueing
//! theory prediction where its assumptions hold (Poisson arrivals, exponential service, no
//! retries, fixed workers).
use crate::ui::demo::Runs;
use crate::ui::kit::format::{count, duration, number, percent, percentiles};
use crate::ui::kit::summary::{runs_table, Metric, Reference};
use crate::ui::widgets::table::DataTable;
use scalelab_sim::queue::{QueueReport, SeriesPoint};

type QueueMetric = (
    &'static str,
    fn(&QueueReport) -> String,
    fn(&QueueReport) -> Option<String>,
);

fn no_theory(_: &QueueReport) -> Option<String> {
    None
}

const METRICS: &[QueueMetric] = &[
    ("Jobs arrived", |r| count(r.jobs_arrived), no_theory),
    ("Jobs completed", |r| count(r.completed), no_theory),
    (
        "Throughput (jobs/s)",
        |r| number(r.throughput_per_s),
        no_theory,
    ),
    (
        "Utilisation ρ",
        |r| percent(r.utilisation),
        |r| r.theory.as_ref().map(|t| percent(t.rho)),
    ),
    (
        "P(a job waits)",
        |r| percent(r.p_wait),
        |r| r.theory.as_ref().map(|t| percent(t.p_wait)),
    ),
    (
        "Mean wait Wq (± 95% CI)",
        |r| format!("{} ± {}", duration(r.wait.mean), duration(r.wait_mean_ci95)),
        |r| {
            r.theory
                .as_ref()
                .map(|t| t.wq_secs.map(duration).unwrap_or_default())
        },
    ),
    ("Wait p50 / p95 / p99", |r| percentiles(&r.wait), no_theory),
    (
        "Mean time in system W",
        |r| duration(r.sojourn.mean),
        |r| {
            r.theory
                .as_ref()
                .map(|t| t.w_secs.map(duration).unwrap_or_default())
        },
    ),
    (
        "Time in system p50 / p95 / p99",
        |r| percentiles(&r.sojourn),
        no_theory,
    ),
    (
        "Mean jobs in system L",
        |r| number(r.mean_in_system_l),
        |r| {
            r.theory
                .as_ref()
                .map(|t| t.l.map(number).unwrap_or_default())
        },
    ),
    (
        "Little's law: λ × W",
        |r| number(r.little_l_from_law),
        no_theory,
    ),
    (
        "Dropped (queue full)",
        |r| format!("{} ({})", count(r.dropped), percent(r.drop_rate)),
        |r| {
            r.theory
                .as_ref()
                .filter(|t| t.k.is_some())
                .map(|t| percent(t.p_block))
        },
    ),
    (
        "Retries (attempts per job)",
        |r| format!("{} ({:.2}×)", count(r.retries), r.retry_amplification),
        no_theory,
    ),
    ("Dead-letter queue", |r| count(r.dead_letter), no_theory),
    ("Workers (mean)", |r| number(r.workers_mean), no_theory),
];

pub fn build(runs: &Runs<QueueReport>) -> DataTable {
    let metrics: Vec<Metric<QueueReport>> = METRICS
        .iter()
        .map(|(name, value, _)| (*name, *value))
        .collect();
    let reference = runs.a.theory.as_ref().map(|t| Reference {
        heading: if t.stable {
            format!("{} theory", t.model)
        } else {
            format!("{} theory (unstable: ρ ≥ 1)", t.model)
        },
        cells: METRICS
            .iter()
            .map(|(_, _, predicted)| {
                if t.stable {
                    predicted(&runs.a).unwrap_or_default()
                } else {
                    "—".into()
                }
            })
            .collect(),
    });
    runs_table(runs, &metrics, reference)
}

pub fn series(report: &QueueReport) -> DataTable {
    crate::ui::kit::charts::series_table(
        &report.series,
        &[
            "time (s)",
            "waiting",
            "in service",
            "workers",
            "arrivals/s",
            "completed/s",
            "retries/s",
            "dropped/s",
            "wait p50 (s)",
            "wait p95 (s)",
            "wait p99 (s)",
        ],
        |p: &SeriesPoint| {
            vec![
                Some(p.queue_len),
                Some(p.in_service),
                Some(p.workers),
                Some(p.arrivals_per_s),
                Some(p.completions_per_s),
                Some(p.retries_per_s),
                Some(p.drops_per_s),
                p.wait_p50,
                p.wait_p95,
                p.wait_p99,
            ]
        },
    )
}
