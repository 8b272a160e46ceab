//! The cache demo's time charts: hit ratio per layer, database queries per second against
//! the same reads with no cache, and read latency percentiles — A and B overlaid when
//! comparing (e.g. B: Redis off).
use crate::ui::demo::Runs;
use crate::ui::kit::charts::{ab_time_chart, Plot, Timed};
use crate::ui::kit::format::{count, number, percent, percentiles};
use crate::ui::widgets::chart::ChartSpec;
use scalelab_sim::cache::{CacheReport, Layer, SeriesPoint};

pub const KEYS: &[&str] = &["hit-ratio", "database-load", "latency"];

impl Timed for SeriesPoint {
    fn t_secs(&self) -> f64 {
        self.t_secs
    }
}

fn series(r: &CacheReport) -> &[SeriesPoint] {
    &r.series
}

pub fn build(runs: &Runs<CacheReport>, cursor: Option<f64>) -> Vec<ChartSpec> {
    vec![
        hit_ratio(runs, cursor),
        database(runs, cursor),
        latency(runs, cursor),
    ]
}

fn hit_ratio(runs: &Runs<CacheReport>, cursor: Option<f64>) -> ChartSpec {
    let on = |l: Layer| runs.a.layers.iter().any(|x| x.layer == l);
    let mut plots = vec![Plot::compared("all caches", |p: &SeriesPoint| p.hit_ratio)];
    if on(Layer::Cdn) {
        plots.push(Plot::a_only("CDN", |p: &SeriesPoint| p.cdn_hit_ratio));
    }
    if on(Layer::L1) {
        plots.push(Plot::a_only("L1", |p: &SeriesPoint| p.l1_hit_ratio));
    }
    if on(Layer::Redis) {
        plots.push(Plot::a_only("Redis", |p: &SeriesPoint| p.redis_hit_ratio));
    }
    let (chart, table) = ab_time_chart(runs, series, cursor, "hit ratio", "", &plots);
    let layers: Vec<String> = runs
        .a
        .layers
        .iter()
        .map(|l| format!("{} {}", l.layer.label(), percent(l.hit_ratio)))
        .collect();
    let alt = if layers.is_empty() {
        "Every cache is off, so nothing is a hit.".to_string()
    } else {
        format!(
            "Line chart of the hit ratio over time, overall and per layer. Over the run: all caches {}; {}.",
            percent(runs.a.hit_ratio),
            layers.join(", ")
        )
    };
    ChartSpec::new(KEYS[0], "Hit ratio per layer", chart)
        .alt(alt)
        .table(table)
}

fn database(runs: &Runs<CacheReport>, cursor: Option<f64>) -> ChartSpec {
    let plots = [
        Plot::compared("database queries/s", |p: &SeriesPoint| Some(p.db_qps)),
        Plot::a_only("with no cache (= reads/s)", |p: &SeriesPoint| {
            Some(p.reads_per_s)
        }),
        Plot::a_only("queries waiting", |p: &SeriesPoint| Some(p.db_queue)),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "queries/s", "", &plots);
    let a = &runs.a;
    ChartSpec::new(KEYS[1], "Database load with and without the cache", chart)
        .alt(format!(
            "Line chart of the queries per second the database ran, {} on average, against the reads per second that would all be queries with no cache, {}: {} fewer. At most {} queries waited.",
            number(a.db_qps),
            number(a.db_qps_without_cache),
            percent(a.db_reduction),
            count(a.max_db_queue)
        ))
        .table(table)
}

fn latency(runs: &Runs<CacheReport>, cursor: Option<f64>) -> ChartSpec {
    let ms = |x: Option<f64>| x.map(|s| s * 1000.0);
    let plots = [
        Plot::compared("p50", move |p: &SeriesPoint| ms(p.latency_p50)),
        Plot::a_only("p95", move |p: &SeriesPoint| ms(p.latency_p95)),
        Plot::compared("p99", move |p: &SeriesPoint| ms(p.latency_p99)),
    ];
    let (chart, table) = ab_time_chart(runs, series, cursor, "read latency (ms)", "ms", &plots);
    ChartSpec::new(KEYS[2], "Read latency (percentiles)", chart)
        .alt(format!(
            "Line chart of the 50th, 95th and 99th percentile read latency over time. Over the run p50 / p95 / p99: {}.",
            percentiles(&runs.a.latency)
        ))
        .table(table)
}
