//! The rate-limiter summary: one row per limiter (and per limiter of run B when comparing)
//! with what it admitted, refused and delayed, the largest burst it let through in one
//! window, and the state it keeps.
use crate::ui::demo::Runs;
use crate::ui::kit::charts::series_table;
use crate::ui::kit::format::{count, duration, number};
use crate::ui::widgets::table::DataTable;
use scalelab_sim::ratelimit::{AlgoReport, RateLimitReport, SeriesPoint};

const COLUMNS: &[&str] = &[
    "Limiter",
    "Passed",
    "Refused",
    "Delayed (mean / longest wait)",
    "Most admitted in any one window (client 0)",
    "State memory (per client)",
];

fn row(run: &str, a: &AlgoReport) -> Vec<String> {
    let name = if run.is_empty() {
        a.label.to_string()
    } else {
        format!("{} ({run})", a.label)
    };
    let delayed = if a.delayed == 0 {
        "0".to_string()
    } else {
        format!(
            "{} ({} / {})",
            count(a.delayed),
            duration(a.mean_delay_ms / 1000.0),
            duration(a.max_delay_ms / 1000.0)
        )
    };
    vec![
        name,
        count(a.accepted),
        count(a.rejected),
        delayed,
        count(a.max_admitted_in_window),
        format!(
            "{} B ({} B)",
            count(a.state_bytes),
            number(a.bytes_per_client)
        ),
    ]
}

pub fn build(runs: &Runs<RateLimitReport>) -> DataTable {
    let mut table = DataTable::new(COLUMNS);
    let a_label = if runs.b.is_some() { "A" } else { "" };
    for a in &runs.a.algos {
        table.push(row(a_label, a));
    }
    if let Some((b, label)) = &runs.b {
        for algo in &b.algos {
            table.push(row(&format!("B: {label}"), algo));
        }
    }
    if !runs.done {
        table.push(vec!["(run still in progress)".into()]);
    }
    table
}

/// The time series for CSV export: per-second rates and the level, per running limiter.
pub fn series(report: &RateLimitReport) -> DataTable {
    let mut columns = vec!["time (s)".to_string()];
    for a in &report.algos {
        for what in ["passed/s", "refused/s", "delayed/s", "level"] {
            columns.push(format!("{} {what}", a.label));
        }
    }
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    series_table(&report.series, &columns, |p: &SeriesPoint| {
        report
            .algos
            .iter()
            .flat_map(|a| {
                let i = a.algo.index();
                [
                    p.accepted_per_s[i],
                    p.rejected_per_s[i],
                    p.delayed_per_s[i],
                    p.level[i],
                ]
                .map(Some)
            })
            .collect()
    })
}
