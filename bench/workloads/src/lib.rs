//! The reference workloads `scripts/bench` times, one per model: the same simulation code
//! natively (`examples/bench.rs`, the `*_throughput` examples) and, built for wasm32, as a
//! module whose two functions JavaScript calls under Node.
mod bare;
mod workloads;

pub use bare::bare_mm2;

pub use workloads::*;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// Runs workload `name` at `scale`; returns `[items, events]`, or an empty array for an
    /// unknown name.
    #[wasm_bindgen]
    pub fn run_workload(name: &str, scale: f64) -> Vec<f64> {
        super::run_workload(name, scale)
            .map(|d| vec![d.items as f64, d.events as f64])
            .unwrap_or_default()
    }

    /// The workload names, in the order `scripts/bench` reports them.
    #[wasm_bindgen]
    pub fn workloads() -> Vec<String> {
        super::WORKLOADS.iter().map(|w| w.to_string()).collect()
    }
}
