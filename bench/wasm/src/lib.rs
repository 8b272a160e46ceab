//! The reference workloads (`scalelab_sim::sim::reference`) exported to JavaScript, so
//! `scripts/bench` can time the very same simulation code in wasm under Node.
use wasm_bindgen::prelude::*;

/// Runs workload `name` at `scale`; returns `[items, events]`, or an empty array for an
/// unknown name.
#[wasm_bindgen]
pub fn run_workload(name: &str, scale: f64) -> Vec<f64> {
    scalelab_sim::sim::reference::run_workload(name, scale)
        .map(|d| vec![d.items as f64, d.events as f64])
        .unwrap_or_default()
}

/// The workload names, in the order `scripts/bench` reports them.
#[wasm_bindgen]
pub fn workloads() -> Vec<String> {
    scalelab_sim::sim::reference::WORKLOADS
        .iter()
        .map(|w| w.to_string())
        .collect()
}
