//! The caching lesson's scenarios show what its text says they show (seed 42): the menu
//! cache cuts database queries by ~70% and keeps the peak's latency down, coalescing tames a
//! stampede, LFU beats FIFO on skewed keys, TTL-only invalidation serves stale reads that
//! deleting on write avoids, and an L1 in front of Redis serves stale copies.
#![cfg(all(not(target_arch = "wasm32"), feature = "caching"))]
use scalelab::lessons::caching::scenarios::{
    eviction_preset, menu_cache_preset, stale_writes_preset, stampede_preset, two_layer_preset,
};
use scalelab_sim::cache::{CacheReport, CacheSim, Invalidation, Layer, Policy};
use scalelab_sim::params::Params;
use scalelab_sim::Simulation;

fn worst_p50(r: &CacheReport) -> f64 {
    r.series
        .iter()
        .filter_map(|s| s.latency_p50)
        .fold(0.0, f64::max)
}

/// The presets say what they show (numbers in `presets.rs`, seed 42).
#[test]
fn presets_show_their_lesson() {
    let menu = menu_cache_preset();
    assert!(menu.clone().validate().1.is_empty());
    let (c, u) = (
        CacheSim::new(&menu, 42).run_to_end(),
        CacheSim::new(&menu.without_caches(), 42).run_to_end(),
    );
    assert!((0.65..0.8).contains(&c.db_reduction), "{}", c.db_reduction);
    assert!(
        worst_p50(&u) > 0.4 && worst_p50(&c) < 0.25,
        "{} {}",
        worst_p50(&u),
        worst_p50(&c)
    );
    let (off, on) = (
        CacheSim::new(&stampede_preset(false), 42).run_to_end(),
        CacheSim::new(&stampede_preset(true), 42).run_to_end(),
    );
    assert!(off.db_queries > on.db_queries * 3 / 2 && on.coalesced > 0);
    assert!(off.max_db_queue > 4 * on.max_db_queue);
    let lfu = CacheSim::new(&eviction_preset(Policy::Lfu), 42).run_to_end();
    let fifo = CacheSim::new(&eviction_preset(Policy::Fifo), 42).run_to_end();
    assert!(lfu.hit_ratio > fifo.hit_ratio);
    let ttl = CacheSim::new(&stale_writes_preset(Invalidation::Ttl), 42).run_to_end();
    let del = CacheSim::new(&stale_writes_preset(Invalidation::Delete), 42).run_to_end();
    assert!(ttl.stale_reads > 100 * del.stale_reads.max(1));
    let two = CacheSim::new(&two_layer_preset(), 42).run_to_end();
    assert!(two
        .layers
        .iter()
        .any(|l| l.layer == Layer::L1 && l.stale_hits > 0));
    for p in [
        two_layer_preset(),
        stale_writes_preset(Invalidation::WriteThrough),
    ] {
        assert!(p.validate().1.is_empty());
    }
}
