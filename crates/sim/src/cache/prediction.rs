//! What single-cache theory predicts for a run: the steady-state hit ratio of the outermost
//! enabled cache layer, when the independent-reference assumptions behind the formulas in
//! `theory` hold for it, or why they do not.
//!
//! Only the outermost layer sees an independent stream with the keys' own popularity (an
//! inner layer sees the outer layer's misses). The CDN sees the cacheable share, each L1 a
//! round-robin share of the reads; both keep the popularity. A hot-key event or writes that
//! delete or replace entries break the assumptions.
use super::params::{CacheParams, LayerParams};
use super::policy::{Invalidation, Layer, TtlMode};
use super::theory::{hit_ratio, ttl_after_write, ttl_refresh, Popularity};
use crate::arrivals::ArrivalPattern;
use serde::Serialize;

/// The theory line of the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prediction {
    /// The layer the prediction is for (the outermost enabled cache).
    pub layer: Layer,
    /// Steady-state hit ratio, when the formulas apply.
    pub hit_ratio: Option<f64>,
    /// Which formula gave it, or why none applies.
    pub note: &'static str,
}

/// The prediction for `p`, or `None` when every cache layer is off.
pub fn predict(p: &CacheParams) -> Option<Prediction> {
    let (layer, lp) = Layer::CACHES
        .into_iter()
        .find_map(|l| p.layer(l).filter(|lp| lp.on).map(|lp| (l, lp)))?;
    let (hit_ratio, note) = formula(p, layer, lp);
    Some(Prediction {
        layer,
        hit_ratio,
        note,
    })
}

fn formula(p: &CacheParams, layer: Layer, lp: &LayerParams) -> (Option<f64>, &'static str) {
    if p.hot_pct > 0.0 {
        return (
            None,
            "no formula: the hot-key event changes popularity mid-run",
        );
    }
    if p.write_rate > 0.0 && p.invalidation != Invalidation::Ttl {
        return (None, "no formula: writes delete or replace cached entries");
    }
    let pop = Popularity::new(p.key_dist, p.keys, p.alpha);
    let fits_all = lp.size >= p.keys;
    match (lp.ttl_s > 0.0, fits_all) {
        (false, true) => (Some(1.0), "every key fits and nothing expires"),
        (false, false) => {
            let note = match lp.policy {
                super::Policy::Lru => "Che's approximation (LRU)",
                super::Policy::Lfu => "top-C popularity sum (perfect LFU)",
                super::Policy::Fifo | super::Policy::Random => {
                    "FIFO/random characteristic-time approximation"
                }
            };
            (Some(hit_ratio(lp.policy, &pop, lp.size)), note)
        }
        (true, false) => (
            None,
            "no formula: both the capacity and the TTL limit this layer",
        ),
        (true, true) => {
            if p.arrival != ArrivalPattern::Poisson || p.jitter_pct > 0.0 {
                return (
                    None,
                    "no formula: TTL formulas assume Poisson reads and a fixed TTL",
                );
            }
            let share = match layer {
                Layer::Cdn => p.cacheable_pct / 100.0,
                Layer::L1 => 1.0 / f64::from(p.servers.max(1)),
                Layer::Redis | Layer::Db => 1.0,
            };
            let rate = p.rate * share;
            match p.ttl_mode {
                TtlMode::AfterWrite => (
                    Some(ttl_after_write(&pop, rate, lp.ttl_s)),
                    "TTL cache, expire after write: Σ p·λpT/(1+λpT)",
                ),
                TtlMode::Refresh => (
                    Some(ttl_refresh(&pop, rate, lp.ttl_s)),
                    "TTL cache, refresh on hit: Σ p·(1−e^(−λpT))",
                ),
            }
        }
    }
}
