//! The database: the source of truth (a version per key, bumped by every write) and a real
//! bottleneck: at most `db_slots` queries run at once, the rest wait in one FIFO line of at
//! most `db_queue` queries, and a query arriving at a full line is rejected (an error).
//!
//! ```text
//!  miss ─▶ coalescing on and the key already being fetched? ─▶ wait for that answer
//!     └──▶ free slot? ─▶ execute (reads the key's version) ─▶ DbDone: answer + waiters
//!          └─ line full? ─▶ rejected          └─ else wait in line (FIFO)
//! ```
//!
//! A query reads the key's version when it *starts*; a write that lands while it runs (or
//! before its answer fills the caches) leaves an old version in the caches: the classic
//! cache-aside race, counted as stale reads later.
use super::model::{CacheSim, Event, C_DB, C_REJECT, L_DB_BUSY, L_DB_QUEUE};
use super::policy::Layer;
use super::view::Stage;

impl CacheSim {
    pub(super) fn db_arrive(&mut self, slot: u32) {
        let key = self.reqs[slot as usize].key;
        if self.params.coalesce {
            if let Some(waiters) = self.pending.get_mut(&key) {
                waiters.push(slot);
                self.counts.coalesced += 1;
                self.set_stage(slot, Layer::Db, Stage::Waiting);
                return;
            }
        }
        if self.db_busy < self.params.db_slots.max(1) as usize {
            self.execute(slot);
        } else if self.db_queue.len() < self.params.db_queue as usize {
            self.db_queue.push_back(slot);
            self.counts.max_db_queue = self.counts.max_db_queue.max(self.db_queue.len());
            self.set_stage(slot, Layer::Db, Stage::Queued);
        } else {
            self.reject(slot);
            return;
        }
        if self.params.coalesce {
            self.pending.insert(key, Vec::new());
        }
        self.record_db_levels();
    }

    fn execute(&mut self, slot: u32) {
        self.db_busy += 1;
        let key = self.reqs[slot as usize].key;
        self.reqs[slot as usize].version = self.db_version(key);
        self.set_stage(slot, Layer::Db, Stage::InService);
        let t = self.db_time.sample(&mut self.rng_service);
        self.clock.schedule_in(t, Event::DbDone { slot });
    }

    pub(super) fn db_done(&mut self, slot: u32) {
        let now = self.clock.now();
        self.db_busy = self.db_busy.saturating_sub(1);
        self.counts.db_queries += 1;
        self.series.count(now, C_DB);
        let (key, version) = {
            let r = &self.reqs[slot as usize];
            (r.key, r.version)
        };
        self.finish(slot, Layer::Db, version, false);
        if self.params.coalesce {
            for w in self.pending.remove(&key).unwrap_or_default() {
                self.finish(w, Layer::Db, version, false);
            }
        }
        if let Some(next) = self.db_queue.pop_front() {
            self.execute(next);
        }
        self.record_db_levels();
    }

    fn reject(&mut self, slot: u32) {
        let now = self.clock.now();
        self.counts.rejected += 1;
        self.series.count(now, C_REJECT);
        self.set_stage(slot, Layer::Db, Stage::Rejected);
        self.release(slot);
    }

    fn record_db_levels(&mut self) {
        let now = self.clock.now();
        let (busy, queued) = (self.db_busy as u64, self.db_queue.len() as u64);
        self.db_busy_avg.set(now, busy);
        self.db_queue_avg.set(now, queued);
        self.series.set_level(now, L_DB_BUSY, busy);
        self.series.set_level(now, L_DB_QUEUE, queued);
    }

    pub(super) fn db_version(&self, key: u32) -> u32 {
        self.versions.get(&key).copied().unwrap_or(0)
    }

    pub(super) fn write(&mut self, key: u32) {
        let now = self.clock.now();
        self.counts.writes += 1;
        let v = self.versions.entry(key).or_insert(0);
        *v = v.saturating_add(1);
        let version = *v;
        match self.params.invalidation {
            super::Invalidation::Ttl => {}
            super::Invalidation::Delete => {
                if let Some(r) = self.redis.as_mut() {
                    r.invalidate(key);
                }
            }
            super::Invalidation::WriteThrough => {
                if self.redis.is_some() {
                    let ttl = self.ttl_for(Layer::Redis as usize);
                    if let Some(r) = self.redis.as_mut() {
                        r.insert(key, version, ttl, now, &mut self.rng_evict);
                    }
                }
            }
        }
    }
}
