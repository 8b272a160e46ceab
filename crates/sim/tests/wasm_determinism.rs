//! Browser-side checks (run by scripts/test in headless Chromium through wasm-bindgen-test):
//! the wasm build of the simulation produces byte-for-byte the same report as the native build,
//! and the URL codec round-trips there too.
//!
//! Run alone: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p scalelab-sim --target wasm32-unknown-unknown --test wasm_determinism`
#![cfg(target_arch = "wasm32")]

mod common;

use common::golden::golden_queue_report_json;
use scalelab_sim::params::query::{from_query, to_query};
use scalelab_sim::queue::QueueParams;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Same golden file as the native test: f64 math, RNG streams and JSON formatting must agree.
#[wasm_bindgen_test]
fn queue_report_matches_native_golden() {
    let golden = include_str!("golden/queue_default.json");
    let actual = golden_queue_report_json();
    assert_eq!(
        actual.trim_end(),
        golden.trim_end(),
        "wasm queue report differs from tests/golden/queue_default.json"
    );
}

#[wasm_bindgen_test]
fn queue_params_round_trip_through_the_query() {
    let params = QueueParams::default();
    let seed = 123_456_789;
    let query = to_query(&params, seed);
    let parsed = from_query::<QueueParams>(&query, &[]);
    assert_eq!(parsed.params, params);
    assert_eq!(parsed.seed, seed);
    assert!(
        parsed.notices.is_empty(),
        "unexpected notices: {:?}",
        parsed.notices
    );
    assert_eq!(to_query(&parsed.params, parsed.seed), query);
    // And with the leading '?' a URL's search string has.
    let again = from_query::<QueueParams>(&format!("?{query}"), &[]);
    assert_eq!(again.params, params);
    assert_eq!(again.seed, seed);
}
