//! Property tests over every demo's `Params` type: whatever a URL or a control sets each
//! field to (NaN, infinities, huge, negative, unknown choices, odd text), `validate` never
//! panics, always yields parameters that validate again without changes, and every model
//! runs those parameters to its horizon within a bounded number of events (the cache model's
//! runs are checked in `sim_cache_run.rs`, which also checks their numbers are finite).
#![cfg(not(target_arch = "wasm32"))]
mod common;

use common::props::arbitrary;
use proptest::prelude::*;
use scalelab_sim::cache::CacheParams;
use scalelab_sim::nplus1::{NPlusOneParams, NPlusOneSim};
use scalelab_sim::params::Params;
use scalelab_sim::queue::{QueueParams, QueueSim};
use scalelab_sim::ratelimit::{RateLimitParams, RateLimitSim};
use scalelab_sim::Simulation;

/// Hard ceiling on events per run: the models' own caps keep runs far below it.
const MAX_EVENTS: u64 = 40_000_000;

fn validates_to_a_fixed_point<P: Params>(p: P) {
    let (valid, _) = p.validate();
    let (again, notices) = valid.clone().validate();
    assert_eq!(again, valid, "validate is not idempotent");
    // A custom timeline is kept as typed (so the reader can fix it); its notices say how it
    // is read, every time. Any other notice means validate changed something.
    let changes: Vec<_> = notices
        .iter()
        .filter(|n| !n.message.starts_with("Custom timeline:"))
        .collect();
    assert!(
        changes.is_empty(),
        "valid parameters got notices: {changes:?}"
    );
}

fn runs_to_the_horizon<S: Simulation>(mut sim: S) {
    while sim.step() {
        assert!(sim.events() <= MAX_EVENTS, "more than {MAX_EVENTS} events");
    }
    assert!(sim.is_done());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn queue_params_validate_to_a_fixed_point(p in arbitrary::<QueueParams>()) {
        validates_to_a_fixed_point(p);
    }

    #[test]
    fn nplus1_params_validate_to_a_fixed_point(p in arbitrary::<NPlusOneParams>()) {
        validates_to_a_fixed_point(p);
    }

    #[test]
    fn ratelimit_params_validate_to_a_fixed_point(p in arbitrary::<RateLimitParams>()) {
        validates_to_a_fixed_point(p);
    }

    #[test]
    fn cache_params_validate_to_a_fixed_point(p in arbitrary::<CacheParams>()) {
        validates_to_a_fixed_point(p);
    }
}

proptest! {
    // Each case may run up to ~2·10^6 requests: few cases, no shrinking marathons.
    #![proptest_config(ProptestConfig { cases: 10, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn queue_runs_any_validated_params(p in arbitrary::<QueueParams>(), seed in any::<u64>()) {
        runs_to_the_horizon(QueueSim::new(&p.validate().0, seed));
    }

    #[test]
    fn nplus1_runs_any_validated_params(p in arbitrary::<NPlusOneParams>(), seed in any::<u64>()) {
        runs_to_the_horizon(NPlusOneSim::new(&p.validate().0, seed));
    }

    #[test]
    fn ratelimit_runs_any_validated_params(p in arbitrary::<RateLimitParams>(), seed in any::<u64>()) {
        runs_to_the_horizon(RateLimitSim::new(&p.validate().0, seed));
    }
}
