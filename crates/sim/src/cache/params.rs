//! The cache demo's parameters: traffic and key popularity, the three optional cache layers,
//! the database, and writes. Described field by field in `fields`; the cross-field rules
//! (at most [`MAX_EXPECTED_REQUESTS`] requests and [`MAX_ENTRIES`] cached entries per run)
//! are applied after clamping.
use super::policy::{Invalidation, KeyDist, Policy, TtlMode};
use crate::arrivals::{ArrivalPattern, ArrivalProcess, ArrivalSpec};
use crate::dist::ServiceDist;
use crate::params::kit::thousands;
use crate::params::Notice;
use serde::{Deserialize, Serialize};

/// The most requests (reads + writes) a validated run may expect; longer runs are shortened.
pub const MAX_EXPECTED_REQUESTS: f64 = 2_000_000.0;
/// The most entries all caches of a validated run may hold together (L1 counted per
/// server; a layer never holds more entries than there are keys).
pub const MAX_ENTRIES: u64 = 1_000_000;

/// One cache layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayerParams {
    pub on: bool,
    /// Capacity in entries (per app server for L1).
    pub size: u32,
    pub policy: Policy,
    /// Time to live, seconds; 0 = entries never expire.
    pub ttl_s: f64,
    /// Time to reach the layer and look the key up, ms (for Redis: the network round trip).
    pub ms: f64,
}

impl Default for LayerParams {
    fn default() -> Self {
        LayerParams {
            on: true,
            size: 100,
            policy: Policy::Lru,
            ttl_s: 60.0,
            ms: 1.0,
        }
    }
}

/// Requests for keys, answered by the first layer that holds a fresh copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CacheParams {
    /// Poisson, constant or daily (one day compressed into the run).
    pub arrival: ArrivalPattern,
    /// Read requests per second (the daily pattern's base rate), 0.1..=20000.
    pub rate: f64,
    /// Daily: rate multiplier at the lunch and dinner peaks (night is 0.3×), 1..=10.
    pub peak: f64,
    /// Simulated seconds, 1..=86400.
    pub duration_s: f64,
    /// Distinct keys, 1..=10^6.
    pub keys: u32,
    pub key_dist: KeyDist,
    /// Zipf exponent α, 0..=2 (0 is uniform).
    pub alpha: f64,
    /// Hot-key event: this % of requests go to one normally cold key (the least popular),
    /// from `hot_at_s` for `hot_len_s` seconds; 0 = no event.
    pub hot_pct: f64,
    pub hot_at_s: f64,
    pub hot_len_s: f64,
    /// App servers, each with its own L1; requests are spread round-robin, 1..=32.
    pub servers: u32,
    /// Network round trip between the user (or the CDN edge) and the app servers, ms.
    pub origin_ms: f64,
    pub cdn: LayerParams,
    /// % of responses the CDN may cache (e.g. anonymous GETs); the rest bypass it.
    pub cacheable_pct: f64,
    pub l1: LayerParams,
    pub redis: LayerParams,
    pub ttl_mode: TtlMode,
    /// Each entry's TTL is multiplied by a uniform factor in [1 − j%, 1 + j%], 0..=50.
    pub jitter_pct: f64,
    /// Single flight: concurrent misses for a key wait for one database query.
    pub coalesce: bool,
    /// Size of one cached value, bytes (for the memory readout), 1..=10^7.
    pub entry_bytes: u32,
    pub db_dist: ServiceDist,
    /// Mean database query time, ms (0.1..=10000); coefficient of variation (log-normal).
    pub db_ms: f64,
    pub db_cv: f64,
    /// Queries the database runs at once, 1..=256.
    pub db_slots: u32,
    /// Queries that may wait for a slot; more are rejected (an error), 0..=100000.
    pub db_queue: u32,
    /// Writes per second (Poisson; keys as popular as for reads), 0..=5000.
    pub write_rate: f64,
    pub invalidation: Invalidation,
}

impl Default for CacheParams {
    fn default() -> Self {
        CacheParams {
            arrival: ArrivalPattern::Poisson,
            rate: 50.0,
            peak: 4.0,
            duration_s: 60.0,
            keys: 1000,
            key_dist: KeyDist::Zipf,
            alpha: 0.9,
            hot_pct: 0.0,
            hot_at_s: 20.0,
            hot_len_s: 20.0,
            servers: 3,
            origin_ms: 20.0,
            cdn: LayerParams {
                on: false,
                size: 1000,
                ttl_s: 60.0,
                ms: 10.0,
                ..LayerParams::default()
            },
            cacheable_pct: 80.0,
            l1: LayerParams {
                size: 50,
                ttl_s: 10.0,
                ms: 0.05,
                ..LayerParams::default()
            },
            redis: LayerParams {
                size: 300,
                ttl_s: 30.0,
                ms: 1.0,
                ..LayerParams::default()
            },
            ttl_mode: TtlMode::AfterWrite,
            jitter_pct: 0.0,
            coalesce: false,
            entry_bytes: 2048,
            db_dist: ServiceDist::LogNormal,
            db_ms: 20.0,
            db_cv: 1.0,
            db_slots: 4,
            db_queue: 1000,
            write_rate: 1.0,
            invalidation: Invalidation::Ttl,
        }
    }
}

impl CacheParams {
    /// The same traffic, database and writes with every cache layer off (the A/B baseline).
    pub fn without_caches(&self) -> CacheParams {
        let mut p = self.clone();
        p.cdn.on = false;
        p.l1.on = false;
        p.redis.on = false;
        p
    }

    /// The read arrival process these parameters describe.
    pub fn arrival_spec(&self) -> ArrivalSpec {
        ArrivalSpec {
            pattern: self.arrival,
            rate_per_s: self.rate,
            on_s: 0.0,
            off_s: 0.0,
            spike_factor: self.peak,
            spike_start_s: 0.0,
            spike_len_s: 0.0,
            horizon_s: self.duration_s,
        }
    }

    /// Expected reads + writes over the run.
    pub fn expected_requests(&self) -> f64 {
        ArrivalProcess::new(self.arrival_spec()).expected_count()
            + self.write_rate * self.duration_s
    }

    /// The layer's parameters.
    pub fn layer(&self, layer: super::Layer) -> Option<&LayerParams> {
        match layer {
            super::Layer::Cdn => Some(&self.cdn),
            super::Layer::L1 => Some(&self.l1),
            super::Layer::Redis => Some(&self.redis),
            super::Layer::Db => None,
        }
    }

    /// Entries all enabled caches can hold together (each layer at most one per key).
    pub fn max_entries(&self) -> u64 {
        let keys = u64::from(self.keys);
        let one = |l: &LayerParams, copies: u32| {
            if l.on {
                u64::from(l.size).min(keys) * u64::from(copies)
            } else {
                0
            }
        };
        one(&self.cdn, 1) + one(&self.l1, self.servers.max(1)) + one(&self.redis, 1)
    }

    /// The rules between fields, applied by [`Params::check`](crate::params::Params::check)
    /// after each field is clamped to its range.
    pub(super) fn apply_rules(&mut self, notices: &mut Vec<Notice>) {
        self.shorten_to_cap(notices);
        self.shrink_to_entry_cap(notices);
    }

    fn shorten_to_cap(&mut self, notices: &mut Vec<Notice>) {
        if self.expected_requests() <= MAX_EXPECTED_REQUESTS {
            return;
        }
        let (mut ok, mut too_long) = (1.0_f64, self.duration_s.floor());
        while too_long - ok > 1.0 {
            let mid = ((ok + too_long) / 2.0).floor();
            let trial = CacheParams {
                duration_s: mid,
                ..self.clone()
            };
            if trial.expected_requests() <= MAX_EXPECTED_REQUESTS {
                ok = mid;
            } else {
                too_long = mid;
            }
        }
        self.duration_s = ok;
        notices.push(Notice::new(
            "duration",
            format!(
                "Duration: shortened to {ok} s so the run stays under {} requests",
                thousands(MAX_EXPECTED_REQUESTS as u64)
            ),
        ));
    }

    fn shrink_to_entry_cap(&mut self, notices: &mut Vec<Notice>) {
        let before = [self.cdn.size, self.l1.size, self.redis.size];
        // Scale every enabled layer down by the same factor; sizes of 1 cannot shrink, so
        // repeat until the total fits (validated parameters then need no second pass).
        while self.max_entries() > MAX_ENTRIES {
            let f = MAX_ENTRIES as f64 / self.max_entries() as f64;
            let keys = self.keys;
            for l in [&mut self.cdn, &mut self.l1, &mut self.redis] {
                if l.on {
                    l.size = ((f64::from(l.size.min(keys)) * f).floor() as u32).max(1);
                }
            }
        }
        let after = [self.cdn.size, self.l1.size, self.redis.size];
        let labels = [
            ("cdn_size", "CDN capacity"),
            ("l1_size", "L1 capacity"),
            ("redis_size", "Redis capacity"),
        ];
        for ((key, label), (b, a)) in labels.into_iter().zip(before.into_iter().zip(after)) {
            if a != b {
                notices.push(Notice::new(
                    key,
                    format!(
                        "{label}: reduced to {} entries so all caches together hold at most {}",
                        thousands(u64::from(a)),
                        thousands(MAX_ENTRIES)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::query::{from_query, to_query};
    use crate::params::Params;

    #[test]
    fn default_is_valid_and_round_trips_through_the_url() {
        let (p, notices) = CacheParams::default().validate();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(p, CacheParams::default());
        let mut custom = CacheParams {
            arrival: ArrivalPattern::Daily,
            key_dist: KeyDist::Uniform,
            ttl_mode: TtlMode::Refresh,
            invalidation: Invalidation::WriteThrough,
            db_dist: ServiceDist::Deterministic,
            coalesce: true,
            ..CacheParams::default()
        };
        custom.cdn.on = true;
        custom.redis.policy = Policy::Random;
        let back = from_query::<CacheParams>(&to_query(&custom, 7), &[]);
        assert_eq!(back.params, custom);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
        let keys: Vec<_> = CacheParams::fields().iter().map(|f| f.key).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "duplicate URL keys");
    }

    #[test]
    fn cross_field_rules() {
        let mut p = CacheParams {
            rate: 20_000.0,
            duration_s: 3600.0,
            keys: 1_000_000,
            servers: 32,
            ..CacheParams::default()
        };
        p.l1.size = 100_000;
        p.redis.size = 1_000_000;
        let (p, notices) = p.validate();
        assert_eq!(p.duration_s, 99.0); // (20,000 reads + 1 write) × 99 s ≤ 2·10^6
        assert!(notices.iter().any(|n| n.message
            == "Duration: shortened to 99 s so the run stays under 2,000,000 requests"));
        assert!(p.max_entries() <= MAX_ENTRIES);
        assert!(notices.iter().any(|n| n.key == "l1_size"));
    }
}
