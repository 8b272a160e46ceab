//! Driving a [`CacheSim`] (the `Simulation` trait) and summarising it into a [`CacheReport`].
use super::model::{
    CacheSim, Event, C_CACHE, C_DB, C_DONE, C_LOOKUP, C_READS, C_REJECT, C_STALE, L_DB_BUSY,
    L_DB_QUEUE,
};
use super::policy::Layer;
use super::report::{AnsweredBy, CacheReport, LayerReport, SeriesPoint};
use crate::engine::{secs, Simulation};
use crate::stats::{finite, ratio};

impl Simulation for CacheSim {
    type Event = Event;
    type Report = CacheReport;

    crate::clock_and_apply!();

    fn report(&self) -> CacheReport {
        let now = self.clock.now();
        let elapsed = secs(now);
        let c = &self.counts;
        let completed: u64 = c.answered.iter().sum();
        let cached = completed - c.answered[Layer::Db as usize];
        let bytes = f64::from(self.params.entry_bytes);
        let layers: Vec<LayerReport> = self
            .layer_fills()
            .into_iter()
            .map(|f| {
                let stores = self.stores(f.layer);
                LayerReport {
                    layer: f.layer,
                    lookups: f.lookups,
                    hits: f.hits,
                    hit_ratio: ratio(f.hits as f64, f.lookups as f64),
                    stale_hits: self.layers[f.layer as usize].stale,
                    entries: f.entries,
                    capacity: f.capacity,
                    memory_bytes: f.entries as f64 * bytes,
                    capacity_bytes: f.capacity as f64 * bytes,
                    evictions: f.evictions,
                    expirations: f.expirations,
                    invalidations: stores.iter().map(|s| s.invalidations).sum(),
                }
            })
            .collect();
        let slots = f64::from(self.params.db_slots.max(1));
        CacheReport {
            sim_secs: elapsed,
            reads: c.reads,
            writes: c.writes,
            completed,
            answered_by: AnsweredBy {
                cdn: c.answered[Layer::Cdn as usize],
                l1: c.answered[Layer::L1 as usize],
                redis: c.answered[Layer::Redis as usize],
                db: c.answered[Layer::Db as usize],
            },
            rejected: c.rejected,
            rejection_rate: ratio(c.rejected as f64, c.reads as f64),
            in_flight: self.in_flight as u64,
            hit_ratio: ratio(cached as f64, completed as f64),
            memory_bytes: layers.iter().map(|l| l.memory_bytes).sum(),
            layers,
            db_queries: c.db_queries,
            db_qps: ratio(c.db_queries as f64, elapsed),
            db_queries_without_cache: c.reads,
            db_qps_without_cache: ratio(c.reads as f64, elapsed),
            db_reduction: if c.reads > 0 {
                finite(1.0 - c.db_queries as f64 / c.reads as f64)
            } else {
                0.0
            },
            db_utilisation: ratio(self.db_busy_avg.mean_at(now), slots),
            mean_db_queue: self.db_queue_avg.mean_at(now),
            max_db_queue: c.max_db_queue as u64,
            latency: self.latency_hist.summary(),
            stale_reads: c.stale,
            stale_rate: ratio(c.stale as f64, completed as f64),
            coalesced: c.coalesced,
            max_in_flight: c.max_in_flight as u64,
            theory: self
                .prediction
                .get_or_init(|| super::predict(&self.params))
                .clone(),
            series: self.series_points(),
        }
    }
}

impl CacheSim {
    /// The stores of one cache layer (several for L1).
    pub(super) fn stores(&self, layer: Layer) -> Vec<&super::Store> {
        match layer {
            Layer::Cdn => self.cdn.iter().collect(),
            Layer::L1 => self.l1.iter().collect(),
            Layer::Redis => self.redis.iter().collect(),
            Layer::Db => Vec::new(),
        }
    }

    fn series_points(&self) -> Vec<SeriesPoint> {
        let hit = |r: &[f64], l: Layer| {
            let i = C_LOOKUP + 2 * l as usize;
            (r[i] > 0.0).then(|| r[i + 1] / r[i])
        };
        self.series
            .buckets(self.clock.now())
            .into_iter()
            .map(|b| {
                let r = &b.rates;
                SeriesPoint {
                    t_secs: b.t_secs,
                    reads_per_s: r[C_READS],
                    db_qps: r[C_DB],
                    hit_ratio: (r[C_DONE] > 0.0).then(|| r[C_CACHE] / r[C_DONE]),
                    cdn_hit_ratio: hit(r, Layer::Cdn),
                    l1_hit_ratio: hit(r, Layer::L1),
                    redis_hit_ratio: hit(r, Layer::Redis),
                    stale_per_s: r[C_STALE],
                    rejected_per_s: r[C_REJECT],
                    db_queue: b.levels[L_DB_QUEUE],
                    db_busy: b.levels[L_DB_BUSY],
                    latency_p50: b.wait_percentiles.map(|p| p[0]),
                    latency_p95: b.wait_percentiles.map(|p| p[1]),
                    latency_p99: b.wait_percentiles.map(|p| p[2]),
                }
            })
            .collect()
    }
}
