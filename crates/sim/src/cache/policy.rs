//! The small enums of the cache demo: the choice fields (eviction policy, TTL semantics,
//! invalidation on write, key popularity) and the layers a request can be answered by.
use serde::{Deserialize, Serialize};

crate::choices! {
    /// Which entry a full cache removes to make room.
    #[derive(Hash)]
    pub enum Policy {
        /// Least recently used.
        #[default]
        Lru => ("lru", "LRU (least recently used)"),
        /// Least frequently used (hits while cached; ties: least recently used).
        Lfu => ("lfu", "LFU (least frequently used)"),
        /// First in, first out (oldest insertion).
        Fifo => ("fifo", "FIFO (oldest first)"),
        /// A uniformly random entry.
        Random => ("random", "Random"),
    }
}

crate::choices! {
    /// What a hit does to an entry's time to live.
    pub enum TtlMode {
        /// The entry expires TTL after it was written, however often it is read (Redis `SETEX`,
        /// Caffeine `expireAfterWrite`).
        #[default]
        AfterWrite => ("afterwrite", "Expire after write"),
        /// Every hit restarts the TTL (Caffeine `expireAfterAccess`, sliding expiration).
        Refresh => ("refresh", "Refresh on every hit"),
    }
}

crate::choices! {
    /// What a write to the database does to the shared cache (Redis).
    pub enum Invalidation {
        /// Nothing: cached copies are served until their TTL runs out.
        #[default]
        Ttl => ("ttl", "TTL only"),
        /// The writer deletes the key from Redis; the next read refills it.
        Delete => ("delete", "Delete on write"),
        /// The writer stores the new value in Redis too.
        WriteThrough => ("writethrough", "Write-through"),
    }
}

crate::choices! {
    /// How popular each key is.
    pub enum KeyDist {
        /// Key of rank i (1-based) is requested with probability ∝ 1 / i^α.
        #[default]
        Zipf => ("zipf", "Zipf (a few keys are popular)"),
        /// Every key equally likely.
        Uniform => ("uniform", "Uniform"),
    }
}

/// Where a request is, or which layer answered it, from the user inwards.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// The CDN edge (shared by all users; only cacheable responses).
    Cdn,
    /// The in-process memory cache of the app server handling the request.
    L1,
    /// The shared Redis.
    Redis,
    /// The database (the source of truth).
    Db,
}

impl Layer {
    /// The cache layers, outermost first.
    pub const CACHES: [Layer; 3] = [Layer::Cdn, Layer::L1, Layer::Redis];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Cdn => "CDN",
            Layer::L1 => "App memory (L1)",
            Layer::Redis => "Redis",
            Layer::Db => "Database",
        }
    }

    pub(super) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}
