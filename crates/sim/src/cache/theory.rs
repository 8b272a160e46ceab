//! Hit ratios of one cache under the independent reference model (IRM): every request picks
//! key i with probability p_i, independently of the past.
//!
//! ```text
//!  LRU          Che's approximation: T solves Σ (1 − e^{−p_i T}) = C;  h = Σ p_i (1 − e^{−p_i T})
//!  FIFO, RANDOM h_i = p_i T / (1 + p_i T) with Σ h_i = C;  h = Σ p_i h_i
//!  LFU          perfect LFU keeps the C most popular keys: h = p_1 + … + p_C
//!  TTL, Poisson requests at rate λ_i = λ p_i, no capacity limit:
//!    expire after write (not reset on hit)  h_i = λ_i T / (1 + λ_i T)
//!    refresh on hit (reset on hit)          h_i = 1 − e^{−λ_i T}
//! ```
//!
//! Sources: H. Che, Y. Tung, Z. Wang, "Hierarchical Web caching systems: modeling, design
//! and experimental results", IEEE JSAC 20(7), 2002 (LRU); V. Martina, M. Garetto,
//! E. Leonardi, "A unified approach to the performance analysis of caching systems",
//! IEEE INFOCOM 2014 (FIFO/RANDOM); E. Gelenbe, "A unified approach to the evaluation of a
//! class of replacement algorithms", IEEE Trans. Computers 22(6), 1973 (FIFO and RANDOM
//! have the same hit ratio under IRM); N. C. Fofack, P. Nain, G. Neglia, D. Towsley,
//! "Analysis of TTL-based cache networks", VALUETOOLS 2012 (TTL caches).
//!
//! **Cost cap.** Popularities are kept exactly for the [`EXACT_RANKS`] most popular keys;
//! the rest are grouped into bins of ranks growing by 0.5% (about 1,100 bins for 10^6 keys),
//! each with its exact total probability and the mean probability of its keys. Building the
//! popularity costs one pass over the N keys (N ≤ 10^6 in validated parameters); each
//! fixed-point solve then costs O(100 × groups) whatever N is. Within a bin the keys'
//! probabilities differ by at most 1% (α ≤ 2), which moves the hit ratios by far less
//! than the approximations themselves (checked against the exact sums in the unit tests).
use super::policy::{KeyDist, Policy};

/// Keys kept one by one; beyond this rank keys are grouped.
pub const EXACT_RANKS: u32 = 4096;
/// Each bin beyond [`EXACT_RANKS`] spans ranks [r, 1.005·r).
const BIN_GROWTH: f64 = 1.005;

/// Key probabilities, most popular first, as (probability of one key, number of such keys).
#[derive(Clone, Debug, PartialEq)]
pub struct Popularity {
    pub groups: Vec<(f64, f64)>,
    pub keys: u32,
}

impl Popularity {
    /// Zipf(α) over `keys` keys (α = 0 or `Uniform`: every key 1/N).
    pub fn new(dist: KeyDist, keys: u32, alpha: f64) -> Popularity {
        let keys = keys.max(1);
        let alpha = if alpha.is_finite() {
            alpha.max(0.0)
        } else {
            0.0
        };
        if dist == KeyDist::Uniform || alpha == 0.0 {
            return Popularity {
                groups: vec![(1.0 / f64::from(keys), f64::from(keys))],
                keys,
            };
        }
        let weight = |i: u32| f64::from(i).powf(-alpha);
        let mut groups = Vec::new();
        let mut total = 0.0;
        let mut rank = 1u32;
        while rank <= keys {
            let end = if rank <= EXACT_RANKS {
                rank
            } else {
                ((f64::from(rank) * BIN_GROWTH) as u32).clamp(rank, keys)
            };
            // Sum the smallest terms first for accuracy.
            let mass: f64 = (rank..=end).rev().map(weight).sum();
            let count = f64::from(end - rank + 1);
            groups.push((mass / count, count));
            total += mass;
            rank = end + 1;
        }
        for g in &mut groups {
            g.0 /= total;
        }
        Popularity { groups, keys }
    }

    /// Σ count · f(p) over the groups.
    fn sum(&self, f: impl Fn(f64) -> f64) -> f64 {
        self.groups.iter().map(|&(p, n)| n * f(p)).sum()
    }
}

/// The T with Σ occupancy(p_i, T) = c, for an occupancy increasing in T from 0 towards 1
/// (bisection on [0, hi], hi doubled until it brackets the root).
fn solve(pop: &Popularity, c: f64, occupancy: impl Fn(f64, f64) -> f64) -> f64 {
    let filled = |t: f64| pop.sum(|p| occupancy(p, t));
    let mut hi = 1.0;
    while filled(hi) < c && hi < 1e300 {
        hi *= 2.0;
    }
    let mut lo = 0.0;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if filled(mid) < c {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-13 * hi {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// LRU hit ratio for a cache of `c` entries (Che's approximation).
pub fn lru(pop: &Popularity, c: u32) -> f64 {
    if c == 0 {
        return 0.0;
    }
    if c >= pop.keys {
        return 1.0;
    }
    let lru_occ = |p: f64, t: f64| -(-p * t).exp_m1();
    let t = solve(pop, f64::from(c), lru_occ);
    pop.sum(|p| p * lru_occ(p, t))
}

/// FIFO and RANDOM hit ratio (equal under IRM) for a cache of `c` entries.
pub fn fifo_random(pop: &Popularity, c: u32) -> f64 {
    if c == 0 {
        return 0.0;
    }
    if c >= pop.keys {
        return 1.0;
    }
    let occ = |p: f64, t: f64| p * t / (1.0 + p * t);
    let t = solve(pop, f64::from(c), occ);
    pop.sum(|p| p * occ(p, t))
}

/// Perfect-LFU hit ratio: the total probability of the `c` most popular keys.
pub fn lfu(pop: &Popularity, c: u32) -> f64 {
    let mut left = f64::from(c);
    let mut hit = 0.0;
    for &(p, n) in &pop.groups {
        let take = n.min(left);
        hit += take * p;
        left -= take;
        if left <= 0.0 {
            break;
        }
    }
    hit.min(1.0)
}

/// The hit ratio of `policy` for a cache of `c` entries.
pub fn hit_ratio(policy: Policy, pop: &Popularity, c: u32) -> f64 {
    match policy {
        Policy::Lru => lru(pop, c),
        Policy::Lfu => lfu(pop, c),
        Policy::Fifo | Policy::Random => fifo_random(pop, c),
    }
}

/// TTL cache without a capacity limit, expire-after-write: Poisson requests at `rate` per
/// second, TTL `ttl_s` seconds.
pub fn ttl_after_write(pop: &Popularity, rate: f64, ttl_s: f64) -> f64 {
    pop.sum(|p| {
        let x = rate * p * ttl_s;
        p * x / (1.0 + x)
    })
}

/// TTL cache without a capacity limit, refreshed on every hit.
pub fn ttl_refresh(pop: &Popularity, rate: f64, ttl_s: f64) -> f64 {
    pop.sum(|p| -p * (-rate * p * ttl_s).exp_m1())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binned popularity gives the same hit ratios as the exact per-key sums.
    #[test]
    fn binning_matches_exact_sums() {
        let n = 50_000u32;
        for alpha in [0.6, 1.0, 1.4] {
            let pop = Popularity::new(KeyDist::Zipf, n, alpha);
            assert!(pop.groups.len() < EXACT_RANKS as usize + 1200);
            let total: f64 = (1..=n).map(|i| f64::from(i).powf(-alpha)).sum();
            let exact = Popularity {
                groups: (1..=n)
                    .map(|i| (f64::from(i).powf(-alpha) / total, 1.0))
                    .collect(),
                keys: n,
            };
            for c in [10, 1000, 10_000] {
                let (a, b) = (lru(&pop, c), lru(&exact, c));
                assert!((a - b).abs() < 1e-5, "α {alpha} C {c}: {a} vs {b}");
                let (a, b) = (fifo_random(&pop, c), fifo_random(&exact, c));
                assert!((a - b).abs() < 1e-5, "α {alpha} C {c}: {a} vs {b}");
                assert!((lfu(&pop, c) - lfu(&exact, c)).abs() < 1e-5);
            }
            let s: f64 = pop.groups.iter().map(|g| g.0 * g.1).sum();
            assert!((s - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn edge_cases() {
        let pop = Popularity::new(KeyDist::Uniform, 100, 1.0);
        assert!((lru(&pop, 10) - 0.1).abs() < 1e-9);
        assert!((fifo_random(&pop, 10) - 0.1).abs() < 1e-9);
        assert!((lfu(&pop, 10) - 0.1).abs() < 1e-12);
        assert_eq!(lru(&pop, 100), 1.0);
        assert_eq!(lfu(&pop, 1000), 1.0);
        assert_eq!(lru(&Popularity::new(KeyDist::Zipf, 0, 1.0), 0), 0.0);
    }
}
