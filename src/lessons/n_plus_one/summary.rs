//! The N+1 demo's summary table: what one page costs, and what the load test measured.
use crate::ui::demo::Runs;
use crate::ui::kit::format::{count, duration, number, percent, percentiles};
use crate::ui::kit::summary::{runs_table, Metric};
use crate::ui::widgets::table::DataTable;
use scalelab_sim::nplus1::{NPlusOneReport, SeriesPoint};

const METRICS: &[Metric<NPlusOneReport>] = &[
    ("Queries per page", |r| count(u64::from(r.queries_per_page))),
    ("Rows per page", |r| count(r.rows_per_page)),
    ("One page on an idle system", |r| {
        duration(r.single_page_ms / 1000.0)
    }),
    ("Pages completed", |r| count(r.pages_completed)),
    ("Pages per second", |r| number(r.pages_per_s)),
    ("Database queries per second", |r| number(r.db_qps)),
    ("Page latency p50 / p95 / p99", |r| {
        percentiles(&r.page_latency)
    }),
    ("Wait for a connection p50 / p95 / p99", |r| {
        percentiles(&r.pool_wait)
    }),
    ("Connection pool in use", |r| percent(r.pool_utilisation)),
];

pub fn build(runs: &Runs<NPlusOneReport>) -> DataTable {
    runs_table(runs, METRICS, None)
}

pub fn series(report: &NPlusOneReport) -> DataTable {
    crate::ui::kit::charts::series_table(
        &report.series,
        &[
            "time (s)",
            "pages in flight",
            "connections in use",
            "waiting for a connection",
            "db queries/s",
            "page p50 (ms)",
            "page p95 (ms)",
            "page p99 (ms)",
        ],
        |p: &SeriesPoint| {
            vec![
                Some(p.pages_in_flight),
                Some(p.pool_in_use),
                Some(p.waiting_for_connection),
                Some(p.db_qps),
                p.page_p50,
                p.page_p95,
                p.page_p99,
            ]
        },
    )
}
