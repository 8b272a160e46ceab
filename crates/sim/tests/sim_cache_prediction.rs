//! The summary's theory column (`sim::cache::predict`) against full simulated runs: the
//! outermost cache layer, fed by 10^6 reads through the whole model (arrivals, servers,
//! latencies, database), hits as often as single-cache theory says, and the prediction is
//! withheld exactly when its assumptions fail.
//!
//! References (as in `tests/sim_cache_theory.rs`): [Che] Che, Tung, Wang, IEEE JSAC 2002
//! (LRU); [MGL] Martina, Garetto, Leonardi, INFOCOM 2014 (FIFO/RANDOM); [FNNT] Fofack, Nain,
//! Neglia, Towsley, VALUETOOLS 2012 (TTL caches with Poisson requests).
//!
//! Tolerance 0.01: the run includes the cold start (at most one miss per key, ≤ 0.001 of
//! 10^6 reads) and misses in flight (the database answers in 0.1 ms, so a key is rarely read
//! again before its copy lands); the rest is the approximation error measured in
//! `sim_cache_theory.rs` (≤ 0.006).
use scalelab_sim::arrivals::ArrivalPattern;
use scalelab_sim::cache::theory::{hit_ratio, ttl_after_write, ttl_refresh, Popularity};
use scalelab_sim::cache::{
    predict, CacheParams, CacheSim, Invalidation, KeyDist, Layer, LayerParams, Policy, TtlMode,
};
use scalelab_sim::params::Params;
use scalelab_sim::Simulation;

fn fast_db(mut p: CacheParams) -> CacheParams {
    p.db_ms = 0.1;
    p.db_dist = scalelab_sim::dist::ServiceDist::Deterministic;
    p.db_slots = 256;
    p.write_rate = 0.0;
    p.origin_ms = 1.0;
    p
}

fn run(p: &CacheParams) -> scalelab_sim::cache::CacheReport {
    let (p, notices) = p.clone().validate();
    assert!(notices.is_empty(), "{notices:?}");
    CacheSim::new(&p, 11).run_to_end()
}

fn redis_only(policy: Policy, size: u32, ttl_s: f64) -> CacheParams {
    let mut p = fast_db(CacheParams {
        rate: 10_000.0,
        duration_s: 100.0,
        keys: 1000,
        alpha: 0.9,
        ..CacheParams::default()
    });
    p.cdn.on = false;
    p.l1.on = false;
    p.redis = LayerParams {
        on: true,
        size,
        policy,
        ttl_s,
        ms: 0.01,
    };
    p
}

#[test]
fn capacity_limited_layer_hits_as_theory_predicts() {
    let pop = Popularity::new(KeyDist::Zipf, 1000, 0.9);
    for policy in [Policy::Lru, Policy::Fifo, Policy::Random] {
        let p = redis_only(policy, 100, 0.0);
        let predicted = predict(&p).expect("a cache is on");
        assert_eq!(predicted.layer, Layer::Redis);
        let h = predicted.hit_ratio.expect("IRM, no TTL: a formula applies");
        assert_eq!(h, hit_ratio(policy, &pop, 100));
        let r = run(&p);
        let measured = r.layers[0].hit_ratio;
        assert!(
            (measured - h).abs() < 0.01,
            "{policy:?}: measured {measured:.4}, theory {h:.4}"
        );
        assert_eq!(r.theory.as_ref(), Some(&predicted));
    }
}

#[test]
fn ttl_layer_per_server_hits_as_theory_predicts() {
    // Four app servers, each L1 holding every key for 2 s: each sees a quarter of the
    // Poisson reads, so the formula uses λ = 10,000 / 4 per second.
    let pop = Popularity::new(KeyDist::Zipf, 1000, 0.9);
    for (mode, formula) in [
        (
            TtlMode::AfterWrite,
            ttl_after_write as fn(&Popularity, f64, f64) -> f64,
        ),
        (TtlMode::Refresh, ttl_refresh),
    ] {
        let mut p = redis_only(Policy::Lru, 1000, 0.0);
        p.redis.on = false;
        p.servers = 4;
        p.ttl_mode = mode;
        p.l1 = LayerParams {
            on: true,
            size: 1000,
            policy: Policy::Lru,
            ttl_s: 0.2,
            ms: 0.01,
        };
        let predicted = predict(&p).unwrap();
        assert_eq!(predicted.layer, Layer::L1);
        let h = predicted.hit_ratio.unwrap();
        assert!((h - formula(&pop, 2500.0, 0.2)).abs() < 1e-12);
        let measured = run(&p).layers[0].hit_ratio;
        assert!(
            (measured - h).abs() < 0.01,
            "{mode:?}: measured {measured:.4}, theory {h:.4}"
        );
    }
}

#[test]
fn no_formula_where_the_assumptions_fail() {
    let base = redis_only(Policy::Lru, 100, 0.0);
    let none = |p: &CacheParams| predict(p).unwrap().hit_ratio;
    assert_eq!(predict(&base.without_caches()), None);

    let hot = CacheParams {
        hot_pct: 30.0,
        ..base.clone()
    };
    assert_eq!(none(&hot), None);

    let deleting = CacheParams {
        write_rate: 5.0,
        invalidation: Invalidation::Delete,
        ..base.clone()
    };
    assert_eq!(none(&deleting), None);
    // TTL-only writes leave entries in place: the hit ratio is unchanged.
    let ttl_writes = CacheParams {
        write_rate: 5.0,
        invalidation: Invalidation::Ttl,
        ..base.clone()
    };
    assert!(none(&ttl_writes).is_some());

    let mut both = base.clone();
    both.redis.ttl_s = 30.0;
    assert_eq!(none(&both), None);

    let mut daily_ttl = base.clone();
    daily_ttl.redis.size = 1000;
    daily_ttl.redis.ttl_s = 30.0;
    assert!(none(&daily_ttl).is_some());
    daily_ttl.arrival = ArrivalPattern::Daily;
    assert_eq!(none(&daily_ttl), None);

    let mut fits = base;
    fits.redis.size = 5000;
    assert_eq!(none(&fits), Some(1.0));
}
