//! The small enums of the cache demo (each with the choices controls offer; the values equal
//! the serde names): eviction policy, TTL semantics, invalidation on write, key popularity,
//! and the layers a request can be answered by.
use crate::params::Choice;
use serde::{Deserialize, Serialize};

/// Which entry a full cache removes to make room.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Least recently used.
    #[default]
    Lru,
    /// Least frequently used (hits while cached; ties: least recently used).
    Lfu,
    /// First in, first out (oldest insertion).
    Fifo,
    /// A uniformly random entry.
    Random,
}

impl Policy {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "lru",
            label: "LRU (least recently used)",
        },
        Choice {
            value: "lfu",
            label: "LFU (least frequently used)",
        },
        Choice {
            value: "fifo",
            label: "FIFO (oldest first)",
        },
        Choice {
            value: "random",
            label: "Random",
        },
    ];
    pub const ALL: [Policy; 4] = [Policy::Lru, Policy::Lfu, Policy::Fifo, Policy::Random];

    pub fn as_str(self) -> &'static str {
        Self::CHOICES[self as usize].value
    }
}

/// What a hit does to an entry's time to live.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum TtlMode {
    /// The entry expires TTL after it was written, however often it is read (Redis `SETEX`,
    /// Caffeine `expireAfterWrite`).
    #[default]
    AfterWrite,
    /// Every hit restarts the TTL (Caffeine `expireAfterAccess`, sliding expiration).
    Refresh,
}

impl TtlMode {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "afterwrite",
            label: "Expire after write",
        },
        Choice {
            value: "refresh",
            label: "Refresh on every hit",
        },
    ];
    pub const ALL: [TtlMode; 2] = [TtlMode::AfterWrite, TtlMode::Refresh];
}

/// What a write to the database does to the shared cache (Redis).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Invalidation {
    /// Nothing: cached copies are served until their TTL runs out.
    #[default]
    Ttl,
    /// The writer deletes the key from Redis; the next read refills it.
    Delete,
    /// The writer stores the new value in Redis too.
    WriteThrough,
}

impl Invalidation {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "ttl",
            label: "TTL only",
        },
        Choice {
            value: "delete",
            label: "Delete on write",
        },
        Choice {
            value: "writethrough",
            label: "Write-through",
        },
    ];
    pub const ALL: [Invalidation; 3] = [
        Invalidation::Ttl,
        Invalidation::Delete,
        Invalidation::WriteThrough,
    ];
}

/// How popular each key is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum KeyDist {
    /// Key of rank i (1-based) is requested with probability ∝ 1 / i^α.
    #[default]
    Zipf,
    /// Every key equally likely.
    Uniform,
}

impl KeyDist {
    pub const CHOICES: &'static [Choice] = &[
        Choice {
            value: "zipf",
            label: "Zipf (a few keys are popular)",
        },
        Choice {
            value: "uniform",
            label: "Uniform",
        },
    ];
    pub const ALL: [KeyDist; 2] = [KeyDist::Zipf, KeyDist::Uniform];
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
