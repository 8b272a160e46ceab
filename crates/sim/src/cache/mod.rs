//! Caching layers (CDN → in-process memory → Redis → database): eviction, TTLs, invalidation
//! and stampedes, with the single-cache theory (Che, top-C, TTL formulas) beside it.
//!
//! ```text
//! params        CacheParams, LayerParams, and the rules between fields
//! fields        the URL keys, ranges and help of each parameter; the Params impl
//! layer_fields  the fields of one cache layer (CDN, L1, Redis)
//! policy        Policy (LRU/LFU/FIFO/RANDOM), TtlMode, Invalidation, KeyDist, Layer
//! store         Store: one cache (slab + key map + the policy's eviction order), O(1)/O(log n)
//! keys          KeySampler: Zipf/uniform popularity and the hot-key event
//! model         CacheSim: requests walking through the layers; the events
//! answer        filling the missed layers and recording an answered read
//! db            the database: version per key, limited slots, bounded FIFO line, coalescing
//! run           the Simulation trait and the report
//! report        CacheReport, LayerReport, SeriesPoint
//! view          CacheView, RequestDot, LayerFill: the snapshot types for the animation
//! snapshot      CacheSim::view, layer_fills: the snapshot read off a running model
//! theory        hit ratios of one cache under IRM: Che (LRU), FIFO/RANDOM, top-C, TTL
//! prediction    the theory line for the outermost enabled layer, or why none applies
//! curve         hit ratio vs cache size: a fast request stream through one Store
//! ```
mod answer;
mod curve;
mod db;
mod fields;
mod keys;
mod layer_fields;
mod model;
mod params;
mod policy;
mod prediction;
mod report;
mod run;
mod snapshot;
mod store;
pub mod theory;
mod view;

pub use curve::{
    curve_sizes, hit_ratio_curve, simulate_hit_ratio, simulate_ttl_hit_ratio, CURVE_REQUESTS,
    CURVE_WARMUP,
};
pub use fields::ARRIVALS;
pub use keys::KeySampler;
pub use model::{CacheSim, Event, ScriptItem, HARD_IN_FLIGHT, HARD_READS};
pub use params::{CacheParams, LayerParams, MAX_ENTRIES, MAX_EXPECTED_REQUESTS};
pub use policy::{Invalidation, KeyDist, Layer, Policy, TtlMode};
pub use prediction::{predict, Prediction};
pub use report::{AnsweredBy, CacheReport, LayerReport, SeriesPoint};
pub use store::{Lookup, Store, HARD_CAPACITY};
pub use view::{CacheView, LayerFill, RequestDot, Stage, MAX_DOTS};
