//! Fast single-cache experiments without timing: a plain stream of independent requests
//! (IRM) through one [`Store`], for the "hit ratio vs cache size" chart and the theory
//! tests. Each point runs a warm-up (not counted) and then the measured requests.
use super::keys::KeySampler;
use super::params::CacheParams;
use super::policy::{Policy, TtlMode};
use super::store::{Lookup, Store};
use super::theory::{hit_ratio, Popularity};
use crate::engine::from_secs;
use crate::rng::{stream, Stream};
use rand::Rng;
use rand_distr::Exp1;

/// Measured requests per point of [`hit_ratio_curve`].
pub const CURVE_REQUESTS: u64 = 200_000;
/// Warm-up requests per point (the cache starts empty; steady state is what theory gives).
pub const CURVE_WARMUP: u64 = 50_000;

/// The hit ratio of one cache of `capacity` entries under `policy` (no TTL), measured over
/// `requests` after `warmup` requests drawn from `keys`' popularity.
pub fn simulate_hit_ratio(
    keys: &KeySampler,
    policy: Policy,
    capacity: u32,
    warmup: u64,
    requests: u64,
    seed: u64,
) -> f64 {
    let mut rng = stream(seed, Stream::Keys);
    let mut rng_evict = stream(seed, Stream::Eviction);
    let mut store = Store::new(policy, capacity as usize, TtlMode::AfterWrite);
    let mut hits = 0u64;
    for i in 0..warmup + requests {
        let key = keys.popular(&mut rng);
        match store.get(key, 0) {
            Lookup::Hit { .. } => hits += u64::from(i >= warmup),
            _ => {
                store.insert(key, 0, None, 0, &mut rng_evict);
            }
        }
    }
    hits as f64 / requests.max(1) as f64
}

/// The hit ratio of a TTL cache with room for every key: Poisson requests at `rate` per
/// second, entries valid for `ttl_s` seconds with the given semantics.
pub fn simulate_ttl_hit_ratio(
    keys: &KeySampler,
    rate: f64,
    ttl_s: f64,
    mode: TtlMode,
    warmup: u64,
    requests: u64,
    seed: u64,
) -> f64 {
    let mut rng = stream(seed, Stream::Keys);
    let mut rng_arrivals = stream(seed, Stream::Arrivals);
    let mut rng_evict = stream(seed, Stream::Eviction);
    let mut store = Store::new(Policy::Lru, keys.keys() as usize, mode);
    let ttl = from_secs(ttl_s);
    let (mut t, mut hits) = (0.0_f64, 0u64);
    for i in 0..warmup + requests {
        let gap: f64 = rng_arrivals.sample(Exp1);
        t += gap / rate;
        let now = from_secs(t);
        let key = keys.popular(&mut rng);
        match store.get(key, now) {
            Lookup::Hit { .. } => hits += u64::from(i >= warmup),
            _ => {
                store.insert(key, 0, Some(ttl), now, &mut rng_evict);
            }
        }
    }
    hits as f64 / requests.max(1) as f64
}

/// For each size: (size, simulated hit ratio, theory) of one cache with `policy` and the
/// key popularity of `params` (no TTL, no hot key). [`CURVE_REQUESTS`] measured requests
/// per point, seeded by `seed`, so the curve is reproducible.
pub fn hit_ratio_curve(
    params: &CacheParams,
    seed: u64,
    sizes: &[u32],
    policy: Policy,
) -> Vec<(u32, f64, f64)> {
    let keys = KeySampler::stationary(params);
    let pop = Popularity::new(params.key_dist, params.keys, params.alpha);
    sizes
        .iter()
        .map(|&c| {
            let sim = simulate_hit_ratio(&keys, policy, c, CURVE_WARMUP, CURVE_REQUESTS, seed);
            (c, sim, hit_ratio(policy, &pop, c))
        })
        .collect()
}

/// Sizes for the chart: about `points` sizes from 1 to the number of keys, evenly spaced on
/// a log scale, without duplicates.
pub fn curve_sizes(keys: u32, points: usize) -> Vec<u32> {
    let keys = keys.max(1);
    let n = points.max(2);
    let mut out: Vec<u32> = (0..n)
        .map(|i| {
            let f = i as f64 / (n - 1) as f64;
            (f64::from(keys).powf(f).round() as u32).clamp(1, keys)
        })
        .collect();
    out.dedup();
    out
}
