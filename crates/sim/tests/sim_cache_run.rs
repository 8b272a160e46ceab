//! Whole runs of the cache model: determinism and frame independence, the no-cache A/B
//! baseline, the hot-key event, bounded memory under a pathological
//! load, and validation (any field values validate to a fixed point and run to the end
//! with finite numbers — the same properties `tests/params_props.rs` checks for the other
//! demos). What the lesson's presets show is checked by the app's `tests/lesson_caching.rs`.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use proptest::prelude::*;
use scalelab_sim::cache::{
    CacheParams, CacheReport, CacheSim, KeyDist, KeySampler, Policy, Stage, MAX_DOTS,
    MAX_EXPECTED_REQUESTS,
};
use scalelab_sim::engine::{SimTime, Simulation, SECOND};
use scalelab_sim::params::Params;
use scalelab_sim::rng::{stream, Stream};

/// Every number in the report's JSON is finite (serde_json writes NaN as `null`, so `null`
/// may only appear for the `Option` fields of the series).
fn assert_finite(r: &CacheReport) {
    fn walk(v: &serde_json::Value, in_series: bool) {
        match v {
            serde_json::Value::Number(n) => assert!(n.as_f64().unwrap().is_finite()),
            serde_json::Value::Null => assert!(in_series, "null outside the series and theory"),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, in_series)),
            serde_json::Value::Object(o) => o
                .iter()
                .for_each(|(k, x)| walk(x, in_series || k == "series" || k == "theory")),
            _ => {}
        }
    }
    walk(&serde_json::to_value(r).unwrap(), false);
    assert!((0.0..=1.0).contains(&r.hit_ratio) && r.db_reduction <= 1.0);
    assert!(r.series.len() <= 200);
}

/// Same parameters and seed → the same report (JSON); another seed → a different one;
/// stepping in animation frames gives the same report as running straight through.
#[test]
fn deterministic_and_frame_independent() {
    let mut p = CacheParams {
        write_rate: 5.0,
        jitter_pct: 20.0,
        coalesce: true,
        ..CacheParams::default()
    };
    p.cdn.on = true;
    p.l1.policy = Policy::Random;
    p.redis.policy = Policy::Lfu;
    let a = serde_json::to_string(&CacheSim::new(&p, 3).run_to_end()).unwrap();
    let b = serde_json::to_string(&CacheSim::new(&p, 3).run_to_end()).unwrap();
    assert_eq!(a, b);
    assert_ne!(
        a,
        serde_json::to_string(&CacheSim::new(&p, 4).run_to_end()).unwrap()
    );
    let mut sim = CacheSim::new(&p, 3);
    let mut t = 0;
    while !sim.is_done() {
        t += SECOND / 60;
        sim.step_until(t);
        let v = sim.view();
        assert!(v.dots.len() <= MAX_DOTS);
        assert!(
            v.dots.windows(2).all(|w| w[1].id == w[0].id + 1),
            "consecutive requests"
        );
        assert!(v.layers.iter().all(|l| l.entries <= l.capacity));
    }
    let r = sim.report();
    assert_eq!(serde_json::to_string(&r).unwrap(), a);
    assert_finite(&r);
    let v = sim.view();
    assert!(v
        .dots
        .iter()
        .all(|d| (d.stage == Stage::Done) == d.answered_by.is_some()));
}

/// A/B: `without_caches` keeps the traffic (same reads); every read then queries the DB.
#[test]
fn without_caches_is_the_baseline() {
    let p = CacheParams::default();
    let (with, without) = (
        CacheSim::new(&p, 9).run_to_end(),
        CacheSim::new(&p.without_caches(), 9).run_to_end(),
    );
    assert_eq!(with.reads, without.reads);
    assert_eq!(
        without.db_queries + without.in_flight + without.rejected,
        without.reads
    );
    assert!(without.layers.is_empty() && without.hit_ratio == 0.0);
    assert!(with.db_reduction > 0.4, "{}", with.db_reduction);
    let expected = 1.0 - with.db_queries as f64 / with.reads as f64;
    assert!((with.db_reduction - expected).abs() < 1e-12);
}

/// The hot-key event sends its share of requests to the least popular key, only in its
/// window.
#[test]
fn hot_key_share() {
    let p = CacheParams {
        hot_pct: 30.0,
        hot_at_s: 10.0,
        hot_len_s: 5.0,
        ..CacheParams::default()
    };
    let keys = KeySampler::new(&p);
    let mut rng = stream(2, Stream::Keys);
    let count =
        |t: SimTime, rng: &mut _| (0..100_000).filter(|_| keys.sample(t, rng) == 999).count();
    let during = count(12 * SECOND, &mut rng) as f64 / 1e5;
    assert!((during - 0.3).abs() < 0.01, "{during}");
    assert!(count(15 * SECOND, &mut rng) < 100);
}

/// Pathological: 10^6 keys, uniform, caches of one entry, 20,000 reads/s against a database
/// of one 100 ms slot with a line of 100: state stays bounded (the line, the caches, the
/// in-flight requests) and the overflow is counted as rejections.
#[test]
fn memory_stays_bounded() {
    let mut p = CacheParams {
        rate: 20_000.0,
        duration_s: 1000.0,
        keys: 1_000_000,
        key_dist: KeyDist::Uniform,
        db_ms: 100.0,
        db_slots: 1,
        db_queue: 100,
        write_rate: 5000.0,
        ..CacheParams::default()
    };
    p.cdn.on = true;
    for l in [&mut p.cdn, &mut p.l1, &mut p.redis] {
        l.size = 1;
    }
    let (p, notices) = p.validate();
    assert!(notices.iter().any(|n| n.key == "duration"));
    assert!(p.expected_requests() <= MAX_EXPECTED_REQUESTS);
    let r = CacheSim::new(&p, 1).run_to_end();
    assert!(
        r.max_db_queue <= 100 && r.max_in_flight < 5_000,
        "{}",
        r.max_in_flight
    );
    assert!(r.rejected as f64 > 0.9 * r.reads as f64);
    assert!(r.layers.iter().all(|l| l.entries <= l.capacity));
    assert_finite(&r);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, max_shrink_iters: 10, ..ProptestConfig::default() })]

    /// Any field values validate to a fixed point whose run ends with finite numbers.
    #[test]
    fn any_params_validate_and_run(p in common::props::arbitrary::<CacheParams>(), seed in any::<u64>()) {
        let (valid, _) = p.validate();
        let (again, notices) = valid.clone().validate();
        prop_assert_eq!(&again, &valid);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        let mut sim = CacheSim::new(&valid, seed);
        while sim.step() {
            prop_assert!(sim.events() < 40_000_000);
        }
        assert_finite(&sim.report());
    }
}
