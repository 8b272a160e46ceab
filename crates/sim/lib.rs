//! The simulation core of ScaleLab, built as its own crate (see Cargo.toml here for why).
//!
//! ```text
//! sim/      pure discrete-event models, one per lesson, and what they share
//! params/   one Params type per demo: field specs, clamping, URL codec
//! ```
//! The app re-exports both (`scalelab::sim`, `scalelab::params`), so paths read the same
//! everywhere.
#[path = "../../src/params/mod.rs"]
pub mod params;
#[path = "../../src/sim/mod.rs"]
pub mod sim;
