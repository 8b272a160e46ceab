//! The N+1 demo's load-test charts: page latency percentiles, the connection pool, and the
//! query rate the database sees — A and B overlaid when comparing.
use crate::ui::demo::Runs;
use crate::ui::kit::charts::{ab_time_chart, Plot, Timed};
use crate::ui::kit::format;
use crate::ui::widgets::chart::ChartSpec;
use scalelab_sim::nplus1::{NPlusOneReport, SeriesPoint};

pub const KEYS: &[&str] = &["page-latency", "connection-pool", "database-load"];

impl Timed for SeriesPoint {
    fn t_secs(&self) -> f64 {
        self.t_secs
    }
}

pub fn build(runs: &Runs<NPlusOneReport>, cursor: Option<f64>) -> Vec<ChartSpec> {
    vec![
        page_latency(runs, cursor),
        pool(runs, cursor),
        database(runs, cursor),
    ]
}

fn series(r: &NPlusOneReport) -> &[SeriesPoint] {
    &r.series
}

fn page_latency(runs: &Runs<NPlusOneReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::compared("p50", |p: &SeriesPoint| p.page_p50),
        Plot::a_only("p95", |p: &SeriesPoint| p.page_p95),
        Plot::compared("p99", |p: &SeriesPoint| p.page_p99),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "page load (ms)", "ms", &plots);
    let l = &runs.a.page_latency;
    ChartSpec::new(KEYS[0], "Page load time under load (percentiles)", chart)
        .alt(format!(
            "Line chart of the 50th, 95th and 99th percentile page load time over the load test. Overall: p50 {}, p95 {}, p99 {}.",
            format::duration(l.p50),
            format::duration(l.p95),
            format::duration(l.p99)
        ))
        .table(table)
}

fn pool(runs: &Runs<NPlusOneReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::a_only("connections in use", |p: &SeriesPoint| Some(p.pool_in_use)),
        Plot::compared("waiting for a connection", |p: &SeriesPoint| {
            Some(p.waiting_for_connection)
        }),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "connections / queries", "", &plots);
    ChartSpec::new(KEYS[1], "Connection pool", chart)
        .alt(format!(
            "Line chart of connections in use and queries waiting for a connection. The pool is in use {} of the time.",
            format::percent(runs.a.pool_utilisation)
        ))
        .table(table)
}

fn database(runs: &Runs<NPlusOneReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::compared("database queries/s", |p: &SeriesPoint| Some(p.db_qps)),
        Plot::a_only("pages in flight", |p: &SeriesPoint| Some(p.pages_in_flight)),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "queries/s", "", &plots);
    ChartSpec::new(KEYS[2], "Load on the database", chart)
        .alt(format!(
            "Line chart of the queries per second the database receives, {} on average, and the page loads in flight.",
            format::number(runs.a.db_qps)
        ))
        .table(table)
}
