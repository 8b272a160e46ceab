//! The cache demo's summary: where reads were answered, each layer's hit ratio, what the
//! database saw against the same traffic with no cache, latency, staleness and memory —
//! with the single-cache theory beside the outermost layer's hit ratio.
use crate::ui::demo::Runs;
use crate::ui::kit::charts::series_table;
use crate::ui::kit::format::{bytes, count, number, percent, percentiles};
use crate::ui::kit::summary::{runs_table, Metric, Reference};
use crate::ui::widgets::table::DataTable;
use scalelab_sim::cache::{CacheReport, Layer, SeriesPoint};

fn layer_hits(r: &CacheReport, layer: Layer) -> String {
    match r.layers.iter().find(|l| l.layer == layer) {
        None => "off".into(),
        Some(l) => format!(
            "{} ({} of {} lookups)",
            percent(l.hit_ratio),
            count(l.hits),
            count(l.lookups)
        ),
    }
}

fn layer_memory(r: &CacheReport, layer: Layer) -> String {
    match r.layers.iter().find(|l| l.layer == layer) {
        None => "off".into(),
        Some(l) => format!(
            "{} of {} ({} evicted, {} expired)",
            bytes(l.memory_bytes),
            bytes(l.capacity_bytes),
            count(l.evictions),
            count(l.expirations)
        ),
    }
}

/// Rows; the hit-ratio rows of the layers are at `HIT_ROWS[layer]`, where theory goes.
const METRICS: &[Metric<CacheReport>] = &[
    ("Reads", |r| count(r.reads)),
    ("Answered by CDN / L1 / Redis / database", |r| {
        let a = &r.answered_by;
        format!(
            "{} / {} / {} / {}",
            count(a.cdn),
            count(a.l1),
            count(a.redis),
            count(a.db)
        )
    }),
    ("Hit ratio, all caches", |r| percent(r.hit_ratio)),
    ("CDN hit ratio", |r| layer_hits(r, Layer::Cdn)),
    ("App memory (L1) hit ratio", |r| layer_hits(r, Layer::L1)),
    ("Redis hit ratio", |r| layer_hits(r, Layer::Redis)),
    ("Database queries", |r| {
        format!("{} ({}/s)", count(r.db_queries), number(r.db_qps))
    }),
    ("Database queries with no cache (one per read)", |r| {
        format!(
            "{} ({}/s)",
            count(r.db_queries_without_cache),
            number(r.db_qps_without_cache)
        )
    }),
    ("Database queries saved by caching", |r| {
        percent(r.db_reduction)
    }),
    ("Database busy / longest queue", |r| {
        format!("{} / {}", percent(r.db_utilisation), count(r.max_db_queue))
    }),
    ("Read latency p50 / p95 / p99", |r| percentiles(&r.latency)),
    ("Stale reads", |r| {
        format!("{} ({})", count(r.stale_reads), percent(r.stale_rate))
    }),
    ("Reads that shared another read's query", |r| {
        count(r.coalesced)
    }),
    ("Reads rejected (database queue full)", |r| {
        format!("{} ({})", count(r.rejected), percent(r.rejection_rate))
    }),
    ("CDN memory", |r| layer_memory(r, Layer::Cdn)),
    ("L1 memory (all servers)", |r| layer_memory(r, Layer::L1)),
    ("Redis memory", |r| layer_memory(r, Layer::Redis)),
];

/// The metric row holding a layer's hit ratio.
fn hit_row(layer: Layer) -> usize {
    3 + layer as usize
}

/// The theory column: the predicted hit ratio (or why there is none) beside the outermost
/// layer's measured one.
fn theory(r: &CacheReport) -> Option<Reference> {
    let t = r.theory.as_ref()?;
    let mut cells = vec![String::new(); METRICS.len()];
    cells[hit_row(t.layer)] = match t.hit_ratio {
        Some(h) => format!("{} — {}", percent(h), t.note),
        None => t.note.to_string(),
    };
    Some(Reference {
        heading: "Theory (one cache, steady state)".into(),
        cells,
    })
}

pub fn build(runs: &Runs<CacheReport>) -> DataTable {
    runs_table(runs, METRICS, theory(&runs.a))
}

pub fn series(report: &CacheReport) -> DataTable {
    series_table(
        &report.series,
        &[
            "time (s)",
            "reads/s",
            "db queries/s",
            "hit ratio",
            "CDN hit ratio",
            "L1 hit ratio",
            "Redis hit ratio",
            "stale reads/s",
            "rejected/s",
            "db queue",
            "db busy slots",
            "latency p50 (ms)",
            "latency p95 (ms)",
            "latency p99 (ms)",
        ],
        |p: &SeriesPoint| {
            let ms = |x: Option<f64>| x.map(|s| s * 1000.0);
            vec![
                Some(p.reads_per_s),
                Some(p.db_qps),
                p.hit_ratio,
                p.cdn_hit_ratio,
                p.l1_hit_ratio,
                p.redis_hit_ratio,
                Some(p.stale_per_s),
                Some(p.rejected_per_s),
                Some(p.db_queue),
                Some(p.db_busy),
                ms(p.latency_p50),
                ms(p.latency_p95),
                ms(p.latency_p99),
            ]
        },
    )
}
