//! Answering a read: every cache layer the request missed on its way in stores the answer
//! (with the layer's TTL, jittered), then the latency is recorded and the slot freed.
use super::model::{CacheSim, C_CACHE, C_DONE, C_STALE};
use super::policy::Layer;
use super::view::Stage;
use crate::engine::SimTime;
use rand::Rng;

impl CacheSim {
    /// A TTL for a new entry of cache layer `l`, with jitter.
    pub(super) fn ttl_for(&mut self, l: usize) -> Option<SimTime> {
        let base = self.ttl[l]?;
        let j = (self.params.jitter_pct / 100.0).clamp(0.0, 0.5);
        if j > 0.0 {
            let f = 1.0 + j * (2.0 * self.rng_evict.random::<f64>() - 1.0);
            Some(((base as f64 * f).round() as SimTime).max(1))
        } else {
            Some(base)
        }
    }

    /// Stores `version` of `key` in cache layer `layer` (L1 of `server`).
    pub(super) fn fill(&mut self, layer: Layer, server: u32, key: u32, version: u32) {
        let now = self.clock.now();
        let ttl = match layer {
            Layer::Db => return,
            l => self.ttl_for(l as usize),
        };
        let store = match layer {
            Layer::Cdn => self.cdn.as_mut(),
            Layer::L1 => self.l1.get_mut(server as usize),
            _ => self.redis.as_mut(),
        };
        if let Some(s) = store {
            s.insert(key, version, ttl, now, &mut self.rng_evict);
        }
    }

    /// Answers request `slot` from `by`: fills the layers it missed, records its latency.
    pub(super) fn finish(&mut self, slot: u32, by: Layer, version: u32, stale: bool) {
        let now = self.clock.now();
        let (id, key, server, missed, start) = {
            let r = &self.reqs[slot as usize];
            (r.id, r.key, r.server, r.missed, r.start)
        };
        for layer in Layer::CACHES {
            if missed & layer.bit() != 0 {
                self.fill(layer, server, key, version);
            }
        }
        let latency = now.saturating_sub(start);
        self.latency_hist.record(latency);
        self.series.record_wait(now, latency);
        self.series.count(now, C_DONE);
        self.counts.answered[by as usize] += 1;
        if by != Layer::Db {
            self.series.count(now, C_CACHE);
        }
        if stale {
            self.counts.stale += 1;
            self.series.count(now, C_STALE);
        }
        self.set_stage(slot, by, Stage::Done);
        if let Some(dot) = self.dot_mut(id) {
            (dot.answered_by, dot.stale) = (Some(by), stale);
        }
        self.release(slot);
    }

    pub(super) fn release(&mut self, slot: u32) {
        self.free.push(slot);
        self.in_flight -= 1;
    }
}
