//! A snapshot of the cache model for the animation: the most recent requests (the simulated
//! requests themselves) with where each one is, plus how full every layer is. The types
//! only; `snapshot` reads them off a running model.
//!
//! ```text
//!  ● ─▶ [CDN 312/1000] ─▶ [L1 ×3  40/50 each] ─▶ [Redis 280/300] ─▶ [DB ●● running, ●●● queued]
//!  a dot is Travelling to its layer, Queued / InService / Waiting (coalesced) at the DB,
//!  or Done (answered_by says which layer answered) or Rejected
//! ```
use super::policy::Layer;
use crate::engine::SimTime;
use serde::Serialize;

/// The most recent requests listed by the view.
pub const MAX_DOTS: usize = 64;

/// What a request is doing at its current layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// On its way to `layer` (that layer's latency), then looks the key up.
    Travelling,
    /// Waiting for a database slot.
    Queued,
    /// Its query is running.
    InService,
    /// Coalesced: waiting for another request's query for the same key.
    Waiting,
    /// Answered by `answered_by`.
    Done,
    /// Turned away by a full database queue (or the in-flight limit).
    Rejected,
}

/// One request as drawn. Ids are unique per run and increase with arrival time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RequestDot {
    pub id: u64,
    pub key: u32,
    pub server: u32,
    /// The layer it is at or travelling to; once done, the layer that answered.
    pub layer: Layer,
    pub stage: Stage,
    /// When it arrived, and when it entered its current stage.
    pub arrived: SimTime,
    pub since: SimTime,
    pub answered_by: Option<Layer>,
    /// Answered with an out-of-date version.
    pub stale: bool,
}

/// One cache layer's state (L1: all servers together).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerFill {
    pub layer: Layer,
    pub entries: u64,
    pub capacity: u64,
    /// entries / capacity, 0..=1.
    pub fill: f64,
    pub evictions: u64,
    pub expirations: u64,
    pub lookups: u64,
    pub hits: u64,
    /// L1 only: entries per server (empty otherwise).
    pub per_server: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CacheView {
    pub now: SimTime,
    /// The last ≤ 64 requests that arrived, oldest first (finished ones included).
    pub dots: Vec<RequestDot>,
    /// The enabled cache layers, outermost first.
    pub layers: Vec<LayerFill>,
    pub servers: u32,
    pub db_in_service: usize,
    pub db_queued: usize,
    /// Requests waiting for a coalesced query.
    pub db_waiting: usize,
    pub db_slots: u32,
    pub db_queue_limit: u32,
    pub in_flight: usize,
}
