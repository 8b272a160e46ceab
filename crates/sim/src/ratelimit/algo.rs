//! The algorithm list, and [`Limiter`], which dispatches one request to whichever algorithm
//! a row runs.
//!
//! ```text
//!  request (t, client) ──▶ Limiter::decide ──▶ Verdict { Accept | Reject | Delay(d),
//!                                                        remaining, retry_after_s, reset_s }
//! ```
use super::bucket::{Gcra, TokenBucket};
use super::nginx::LeakyBucket;
use super::verdict::Verdict;
use super::window::{FixedWindow, SlidingCounter, SlidingLog};
use crate::engine::SimTime;
use serde::Serialize;

/// The algorithms, in the order rows are drawn and reports list them.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Algo {
    /// Fixed window per client, as express-rate-limit's `MemoryStore`.
    Fixed,
    /// Sliding window log: one timestamp per accepted request.
    SlidingLog,
    /// Sliding window counter (Cloudflare): weighted previous + current window counts.
    SlidingCounter,
    /// Token bucket: capacity and refill rate.
    TokenBucket,
    /// GCRA (redis-cell): one theoretical arrival time; same decisions as the token bucket.
    Gcra,
    /// Leaky bucket as nginx `limit_req`: rate, burst, delay / nodelay.
    Leaky,
}

impl Algo {
    pub const ALL: [Algo; 6] = [
        Algo::Fixed,
        Algo::SlidingLog,
        Algo::SlidingCounter,
        Algo::TokenBucket,
        Algo::Gcra,
        Algo::Leaky,
    ];

    /// Position in [`Algo::ALL`] (index into per-algorithm arrays of the report).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Algo::Fixed => "Fixed window (express-rate-limit)",
            Algo::SlidingLog => "Sliding window log",
            Algo::SlidingCounter => "Sliding window counter",
            Algo::TokenBucket => "Token bucket",
            Algo::Gcra => "GCRA",
            Algo::Leaky => "Leaky bucket (nginx limit_req)",
        }
    }

    /// What the state level of this algorithm means (for chart legends).
    pub fn level_label(self) -> &'static str {
        match self {
            Algo::Fixed => "hits in the window",
            Algo::SlidingLog => "timestamps in the log",
            Algo::SlidingCounter => "weighted count",
            Algo::TokenBucket | Algo::Gcra => "tokens",
            Algo::Leaky => "excess (requests)",
        }
    }

    /// The documented per-client state estimate, in bytes (see [`Limiter::state_bytes`]).
    pub fn bytes_note(self) -> &'static str {
        match self {
            Algo::Fixed => "16 B per client: totalHits + resetTime (MemoryStore's Client)",
            Algo::SlidingLog => "8 B per stored timestamp (up to the limit per client)",
            Algo::SlidingCounter => "16 B per client: window start + two 4-byte counters",
            Algo::TokenBucket => "16 B per client: tokens (f64) + last refill time",
            Algo::Gcra => "8 B per client: the theoretical arrival time (TAT)",
            Algo::Leaky => {
                "128 B per client: nginx's rbtree node + limit_req node (64-bit, binary IPv4 key)"
            }
        }
    }
}

/// One limiter of any algorithm.
#[derive(Clone, Debug)]
pub enum Limiter {
    Fixed(FixedWindow),
    SlidingLog(SlidingLog),
    SlidingCounter(SlidingCounter),
    TokenBucket(TokenBucket),
    Gcra(Gcra),
    Leaky(LeakyBucket),
}

macro_rules! each {
    ($self:expr, $l:ident => $e:expr) => {
        match $self {
            Limiter::Fixed($l) => $e,
            Limiter::SlidingLog($l) => $e,
            Limiter::SlidingCounter($l) => $e,
            Limiter::TokenBucket($l) => $e,
            Limiter::Gcra($l) => $e,
            Limiter::Leaky($l) => $e,
        }
    };
}

impl Limiter {
    pub fn algo(&self) -> Algo {
        match self {
            Limiter::Fixed(_) => Algo::Fixed,
            Limiter::SlidingLog(_) => Algo::SlidingLog,
            Limiter::SlidingCounter(_) => Algo::SlidingCounter,
            Limiter::TokenBucket(_) => Algo::TokenBucket,
            Limiter::Gcra(_) => Algo::Gcra,
            Limiter::Leaky(_) => Algo::Leaky,
        }
    }

    /// Decides one request of `client` arriving at `now` (times never go backwards).
    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        each!(self, l => l.decide(now, client))
    }

    /// The client's state level at `now`, in thousandths (hits, timestamps, weighted count,
    /// tokens or nginx excess × 1000); 0 for a client never seen.
    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        each!(self, l => l.level_milli(now, client))
    }

    /// The level at which requests start to be refused (× 1000), for gauges.
    pub fn capacity_milli(&self) -> u64 {
        each!(self, l => l.capacity_milli())
    }

    /// The estimated state memory of all clients now, bytes ([`Algo::bytes_note`]).
    pub fn state_bytes(&self) -> u64 {
        each!(self, l => l.state_bytes())
    }
}
