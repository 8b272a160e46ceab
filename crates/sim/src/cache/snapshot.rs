//! Reading a [`CacheView`] off a running [`CacheSim`]: the recent requests and how full
//! every cache layer is.
use super::model::CacheSim;
use super::policy::Layer;
use super::store::Store;
use super::view::{CacheView, LayerFill};
use crate::stats::ratio;

impl CacheSim {
    /// A snapshot for the animation.
    pub fn view(&self) -> CacheView {
        CacheView {
            now: self.clock.now(),
            dots: self.recent.iter().copied().collect(),
            layers: self.layer_fills(),
            servers: self.params.servers,
            db_in_service: self.db_busy,
            db_queued: self.db_queue.len(),
            db_waiting: self.pending.values().map(Vec::len).sum(),
            db_slots: self.params.db_slots,
            db_queue_limit: self.params.db_queue,
            in_flight: self.in_flight,
        }
    }

    /// Fill and counters of every enabled cache layer, outermost first.
    pub fn layer_fills(&self) -> Vec<LayerFill> {
        let mut out = Vec::new();
        for layer in Layer::CACHES {
            let stores = self.stores(layer);
            if stores.is_empty() {
                continue;
            }
            let sum = |f: &dyn Fn(&Store) -> u64| stores.iter().map(|s| f(s)).sum::<u64>();
            let entries = sum(&|s| s.len() as u64);
            let capacity = sum(&|s| s.capacity() as u64);
            let c = self.layers[layer as usize];
            out.push(LayerFill {
                layer,
                entries,
                capacity,
                fill: ratio(entries as f64, capacity as f64),
                evictions: sum(&|s| s.evictions),
                expirations: sum(&|s| s.expirations),
                lookups: c.lookups,
                hits: c.hits,
                per_server: if layer == Layer::L1 {
                    stores.iter().map(|s| s.len() as u64).collect()
                } else {
                    Vec::new()
                },
            });
        }
        out
    }
}
