//! The queue demo's summary table: one row per metric, a column per run, and the queueing
//! theory prediction where its assumptions hold (Poisson arrivals, exponential service, no
//! retries, fixed workers).
use crate::demos::format::{count, duration, number, percent};
use crate::sim::queue::{QueueReport, SeriesPoint};
use crate::sim::stats::Percentiles;
use crate::ui::demo::Runs;
use crate::ui::widgets::table::DataTable;

/// "p50 / p95 / p99" of a latency summary.
fn percentiles(p: &Percentiles) -> String {
    format!(
        "{} / {} / {}",
        duration(p.p50),
        duration(p.p95),
        duration(p.p99)
    )
}

type Metric = (
    &'static str,
    fn(&QueueReport) -> String,
    fn(&QueueReport) -> Option<String>,
);

fn no_theory(_: &QueueReport) -> Option<String> {
    None
}

const METRICS: &[Metric] = &[
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
    let theory = runs.a.theory.as_ref();
    let mut columns = vec!["Metric".to_string(), "A: this run".to_string()];
    if let Some((_, label)) = &runs.b {
        columns.push(format!("B: {label}"));
    }
    if let Some(t) = theory {
        columns.push(if t.stable {
            format!("{} theory", t.model)
        } else {
            format!("{} theory (unstable: ρ ≥ 1)", t.model)
        });
    }
    let mut table = DataTable {
        columns,
        rows: Vec::new(),
    };
    for (name, value, predicted) in METRICS {
        let mut row = vec![name.to_string(), value(&runs.a)];
        if let Some((b, _)) = &runs.b {
            row.push(value(b));
        }
        if let Some(t) = theory {
            row.push(if t.stable {
                predicted(&runs.a).unwrap_or_default()
            } else {
                "—".into()
            });
        }
        table.push(row);
    }
    if !runs.done {
        table.push(vec!["(run still in progress)".into()]);
    }
    table
}

pub fn series(report: &QueueReport) -> DataTable {
    let mut t = DataTable::new(&[
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
    ]);
    for p in &report.series {
        let SeriesPoint {
            t_secs,
            queue_len,
            in_service,
            workers,
            arrivals_per_s,
            completions_per_s,
            retries_per_s,
            drops_per_s,
            wait_p50,
            wait_p95,
            wait_p99,
        } = p;
        t.push(
            [
                Some(*t_secs),
                Some(*queue_len),
                Some(*in_service),
                Some(*workers),
                Some(*arrivals_per_s),
                Some(*completions_per_s),
                Some(*retries_per_s),
                Some(*drops_per_s),
                *wait_p50,
                *wait_p95,
                *wait_p99,
            ]
            .iter()
            .map(|v| v.map(|v| format!("{v:.4}")).unwrap_or_default())
            .collect(),
        );
    }
    t
}
