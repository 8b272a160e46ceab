//! The cache model: read requests walk inwards through the enabled layers until one holds a
//! fresh copy; the answer fills every layer the request missed on its way in.
//!
//! ```text
//!  Arrival ─▶ CDN (cacheable only) ─▶ origin RTT ─▶ L1 of its server ─▶ Redis RTT ─▶ DB
//!               │ hit                                 │ hit                │ hit      │
//!               ▼                                     ▼                    ▼          ▼
//!             answer ◀──────────── fill every missed layer above ◀──────────────── query
//! ```
//!
//! Events: `Arrival`, `Write`, `Reach` (a request reached its next layer after that
//! layer's latency and looks the key up there), `DbDone`, and `Scripted` (hand-made
//! timelines for tests). Each request is one slab entry from arrival to answer, so the
//! animation's dots are the simulated requests themselves. The database and writes live in
//! `db`, answering and filling in `answer`.
use super::keys::KeySampler;
use super::params::CacheParams;
use super::policy::{Layer, TtlMode};
use super::store::{KeyMap, Lookup, Store};
use super::view::{RequestDot, Stage, MAX_DOTS};
use crate::arrivals::ArrivalProcess;
use crate::dist::ServiceSampler;
use crate::engine::{from_secs, Clock, SimTime};
use crate::rng::{stream, Stream};
use crate::stats::{LatencyHistogram, TimeAverage, TimeSeries};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::Exp1;
use serde::Serialize;
use std::collections::VecDeque;

/// Safety nets for parameters that skipped validation (validated runs stay far below):
/// no reads after this many, and new reads are rejected while this many are in flight.
pub const HARD_READS: u64 = 4_000_000;
pub const HARD_IN_FLIGHT: usize = 200_000;

/// Chart counters and levels (indices into the time series).
pub(super) const C_READS: usize = 0;
pub(super) const C_DB: usize = 1;
pub(super) const C_STALE: usize = 2;
pub(super) const C_REJECT: usize = 3;
pub(super) const C_CACHE: usize = 4;
pub(super) const C_DONE: usize = 5;
/// Lookups and hits of cache layer l are counters 6 + 2l and 7 + 2l.
pub(super) const C_LOOKUP: usize = 6;
pub(super) const COUNTS: usize = 12;
pub(super) const L_DB_QUEUE: usize = 0;
pub(super) const L_DB_BUSY: usize = 1;

/// A hand-made request for test timelines ([`CacheSim::scripted`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ScriptItem {
    /// A read of `key` arriving at `at` on app server `server` (cacheable by the CDN).
    Read { at: SimTime, key: u32, server: u32 },
    /// A write of `key` at `at`.
    Write { at: SimTime, key: u32 },
}

/// What the cache model schedules on its clock (`slot` indexes the requests in flight).
#[derive(Clone, Debug)]
pub enum Event {
    Arrival,
    Write,
    Scripted(ScriptItem),
    Reach { slot: u32 },
    DbDone { slot: u32 },
}

/// One read in flight.
#[derive(Clone, Debug)]
pub(super) struct Request {
    pub id: u64,
    pub key: u32,
    pub server: u32,
    pub cacheable: bool,
    pub start: SimTime,
    pub layer: Layer,
    pub stage: Stage,
    /// Layers (bits) that missed, to be filled by the answer.
    pub missed: u8,
    /// The database version read when the query started.
    pub version: u32,
}

impl Request {
    /// The request as the view draws it, just arrived.
    pub(super) fn dot(&self) -> RequestDot {
        RequestDot {
            id: self.id,
            key: self.key,
            server: self.server,
            layer: self.layer,
            stage: self.stage,
            arrived: self.start,
            since: self.start,
            answered_by: None,
            stale: false,
        }
    }
}

/// Per-layer counters (index: `Layer as usize`, caches only).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LayerCounts {
    pub lookups: u64,
    pub hits: u64,
    pub stale: u64,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Counters {
    pub reads: u64,
    pub writes: u64,
    pub answered: [u64; 4],
    pub coalesced: u64,
    pub rejected: u64,
    pub stale: u64,
    pub db_queries: u64,
    pub max_in_flight: usize,
    pub max_db_queue: usize,
}

/// A run of the cache demo.
#[derive(Clone, Debug)]
pub struct CacheSim {
    pub(super) params: CacheParams,
    pub(super) clock: Clock<Event>,
    keys: KeySampler,
    arrivals: ArrivalProcess,
    pub(super) db_time: ServiceSampler,
    rng_arrivals: ChaCha8Rng,
    rng_keys: ChaCha8Rng,
    pub(super) rng_service: ChaCha8Rng,
    rng_writes: ChaCha8Rng,
    pub(super) rng_evict: ChaCha8Rng,
    pub(super) cdn: Option<Store>,
    pub(super) l1: Vec<Store>,
    pub(super) redis: Option<Store>,
    pub(super) ttl: [Option<SimTime>; 3],
    latency: [SimTime; 3],
    origin: SimTime,
    pub(super) reqs: Vec<Request>,
    pub(super) free: Vec<u32>,
    pub(super) in_flight: usize,
    pub(super) db_queue: VecDeque<u32>,
    pub(super) db_busy: usize,
    /// Coalescing: keys with a query in flight, and the requests waiting for its answer.
    pub(super) pending: KeyMap<Vec<u32>>,
    pub(super) versions: KeyMap<u32>,
    next_id: u64,
    next_server: u32,
    pub(super) recent: VecDeque<RequestDot>,
    pub(super) counts: Counters,
    pub(super) layers: [LayerCounts; 3],
    pub(super) latency_hist: LatencyHistogram,
    pub(super) db_busy_avg: TimeAverage,
    pub(super) db_queue_avg: TimeAverage,
    pub(super) series: TimeSeries<2, COUNTS>,
    /// The theory line, computed at the first report (it sums over every key).
    pub(super) prediction: std::cell::OnceCell<Option<super::Prediction>>,
}

fn store(on: bool, size: u32, policy: super::Policy, mode: TtlMode) -> Option<Store> {
    on.then(|| Store::new(policy, size.max(1) as usize, mode))
}

impl CacheSim {
    /// A run of `params` (assumed validated; anything else still never panics) with `seed`.
    pub fn new(params: &CacheParams, seed: u64) -> Self {
        let mut sim = Self::empty(params, seed);
        if let Some(t) = sim.arrivals.next_arrival(&mut sim.rng_arrivals) {
            sim.clock.schedule(t, Event::Arrival);
        }
        sim.schedule_write();
        sim
    }

    /// A run that replays `script` instead of generating traffic (for exact timelines).
    pub fn scripted(params: &CacheParams, seed: u64, script: &[ScriptItem]) -> Self {
        let mut sim = Self::empty(params, seed);
        for item in script {
            let (ScriptItem::Read { at, .. } | ScriptItem::Write { at, .. }) = *item;
            sim.clock.schedule(at, Event::Scripted(*item));
        }
        sim
    }

    fn empty(p: &CacheParams, seed: u64) -> Self {
        let horizon = from_secs(p.duration_s);
        let ttl = |l: &super::LayerParams| (l.ttl_s > 0.0).then(|| from_secs(l.ttl_s).max(1));
        let servers = p.servers.clamp(1, 64);
        CacheSim {
            params: p.clone(),
            clock: Clock::new(horizon),
            keys: KeySampler::new(p),
            arrivals: ArrivalProcess::new(p.arrival_spec()),
            db_time: ServiceSampler::new(p.db_dist, p.db_ms / 1000.0, p.db_cv),
            rng_arrivals: stream(seed, Stream::Arrivals),
            rng_keys: stream(seed, Stream::Keys),
            rng_service: stream(seed, Stream::Service),
            rng_writes: stream(seed, Stream::Writes),
            rng_evict: stream(seed, Stream::Eviction),
            cdn: store(p.cdn.on, p.cdn.size, p.cdn.policy, p.ttl_mode),
            l1: (0..servers)
                .filter_map(|_| store(p.l1.on, p.l1.size, p.l1.policy, p.ttl_mode))
                .collect(),
            redis: store(p.redis.on, p.redis.size, p.redis.policy, p.ttl_mode),
            ttl: [ttl(&p.cdn), ttl(&p.l1), ttl(&p.redis)],
            latency: [p.cdn.ms, p.l1.ms, p.redis.ms].map(|ms| from_secs(ms / 1000.0)),
            origin: from_secs(p.origin_ms / 1000.0),
            reqs: Vec::new(),
            free: Vec::new(),
            in_flight: 0,
            db_queue: VecDeque::new(),
            db_busy: 0,
            pending: KeyMap::default(),
            versions: KeyMap::default(),
            next_id: 0,
            next_server: 0,
            recent: VecDeque::with_capacity(MAX_DOTS + 1),
            counts: Counters::default(),
            layers: [LayerCounts::default(); 3],
            latency_hist: LatencyHistogram::new(),
            db_busy_avg: TimeAverage::default(),
            db_queue_avg: TimeAverage::default(),
            series: TimeSeries::new(horizon, [0; 2]),
            prediction: std::cell::OnceCell::new(),
        }
    }

    fn schedule_write(&mut self) {
        if self.params.write_rate > 0.0 && self.params.write_rate.is_finite() {
            let gap: f64 = self.rng_writes.sample(Exp1);
            let at = self
                .clock
                .now()
                .saturating_add(from_secs(gap / self.params.write_rate));
            if at < self.clock.horizon() {
                self.clock.schedule(at, Event::Write);
            }
        }
    }

    pub(super) fn apply(&mut self, event: Event) {
        let now = self.clock.now();
        match event {
            Event::Arrival => {
                let key = self.keys.sample(now, &mut self.rng_keys);
                let cacheable = self.rng_keys.random::<f64>() * 100.0 < self.params.cacheable_pct;
                let server = self.next_server;
                self.next_server = (self.next_server + 1) % self.params.servers.clamp(1, 64);
                self.start_read(key, server, cacheable);
                if self.counts.reads < HARD_READS {
                    if let Some(t) = self.arrivals.next_arrival(&mut self.rng_arrivals) {
                        self.clock.schedule(t, Event::Arrival);
                    }
                }
            }
            Event::Write => {
                let key = self.keys.sample(now, &mut self.rng_writes);
                self.write(key);
                self.schedule_write();
            }
            Event::Scripted(ScriptItem::Read { key, server, .. }) => {
                self.start_read(key, server % self.params.servers.clamp(1, 64), true)
            }
            Event::Scripted(ScriptItem::Write { key, .. }) => self.write(key),
            Event::Reach { slot } => self.reach(slot),
            Event::DbDone { slot } => self.db_done(slot),
        }
    }

    fn start_read(&mut self, key: u32, server: u32, cacheable: bool) {
        let now = self.clock.now();
        self.counts.reads += 1;
        self.series.count(now, C_READS);
        if self.in_flight >= HARD_IN_FLIGHT {
            self.counts.rejected += 1;
            self.series.count(now, C_REJECT);
            return;
        }
        let req = Request {
            id: self.next_id,
            key,
            server,
            cacheable,
            start: now,
            layer: Layer::Cdn,
            stage: Stage::Travelling,
            missed: 0,
            version: 0,
        };
        self.next_id += 1;
        self.recent.push_back(req.dot());
        if self.recent.len() > MAX_DOTS {
            self.recent.pop_front();
        }
        let slot = match self.free.pop() {
            Some(s) => {
                self.reqs[s as usize] = req;
                s
            }
            None => {
                self.reqs.push(req);
                (self.reqs.len() - 1) as u32
            }
        };
        self.in_flight += 1;
        self.counts.max_in_flight = self.counts.max_in_flight.max(self.in_flight);
        let first = self.next_layer(cacheable, None);
        self.go(slot, first, true);
    }

    /// The first enabled layer after `after` (from the outside) for this request.
    fn next_layer(&self, cacheable: bool, after: Option<Layer>) -> Layer {
        let on = |l: Layer| match l {
            Layer::Cdn => cacheable && self.cdn.is_some(),
            Layer::L1 => !self.l1.is_empty(),
            Layer::Redis => self.redis.is_some(),
            Layer::Db => true,
        };
        [Layer::Cdn, Layer::L1, Layer::Redis, Layer::Db]
            .into_iter()
            .find(|&l| after.is_none_or(|a| l > a) && on(l))
            .unwrap_or(Layer::Db)
    }

    /// Sends request `slot` to `layer`; it arrives after that layer's latency (plus the
    /// user ↔ app round trip when it enters the app servers).
    fn go(&mut self, slot: u32, layer: Layer, first: bool) {
        let from = self.reqs[slot as usize].layer;
        let enters_app = layer != Layer::Cdn && (first || from == Layer::Cdn);
        let mut delay = if enters_app { self.origin } else { 0 };
        if layer != Layer::Db {
            delay += self.latency[layer as usize];
        }
        self.set_stage(slot, layer, Stage::Travelling);
        self.clock.schedule_in(delay, Event::Reach { slot });
    }

    pub(super) fn set_stage(&mut self, slot: u32, layer: Layer, stage: Stage) {
        let now = self.clock.now();
        let r = &mut self.reqs[slot as usize];
        (r.layer, r.stage) = (layer, stage);
        let id = r.id;
        if let Some(dot) = self.dot_mut(id) {
            (dot.layer, dot.stage, dot.since) = (layer, stage, now);
        }
    }

    pub(super) fn dot_mut(&mut self, id: u64) -> Option<&mut RequestDot> {
        let front = self.recent.front()?.id;
        let i = id.checked_sub(front)?;
        self.recent.get_mut(usize::try_from(i).ok()?)
    }

    fn reach(&mut self, slot: u32) {
        let (layer, key, server) = {
            let r = &self.reqs[slot as usize];
            (r.layer, r.key, r.server)
        };
        let now = self.clock.now();
        let found = match layer {
            Layer::Db => return self.db_arrive(slot),
            Layer::Cdn => self.cdn.as_mut().map(|s| s.get(key, now)),
            Layer::L1 => self.l1.get_mut(server as usize).map(|s| s.get(key, now)),
            Layer::Redis => self.redis.as_mut().map(|s| s.get(key, now)),
        };
        let l = layer as usize;
        self.layers[l].lookups += 1;
        self.series.count(now, C_LOOKUP + 2 * l);
        if let Some(Lookup::Hit { version }) = found {
            self.layers[l].hits += 1;
            self.series.count(now, C_LOOKUP + 2 * l + 1);
            let stale = version < self.db_version(key);
            if stale {
                self.layers[l].stale += 1;
            }
            self.finish(slot, layer, version, stale);
        } else {
            let r = &mut self.reqs[slot as usize];
            r.missed |= layer.bit();
            let cacheable = r.cacheable;
            let next = self.next_layer(cacheable, Some(layer));
            self.go(slot, next, false);
        }
    }

    /// The parameters this run was built from.
    pub fn params(&self) -> &CacheParams {
        &self.params
    }
}
