//! ScaleLab: interactive, deterministic simulations of how systems scale.
//!
//! ```text
//! sim/      pure discrete-event models (no web crates), tested natively  ┐ built as the crate
//! params/   one Params type per demo: field specs, clamping, URL codec   ┘ scalelab-sim
//! lessons/  lesson text, presets, and which demo each lesson uses
//! demos/    the view of each model: diagram layout, charts, summary rows
//! ui/       app shell, routes and the widgets every demo shares
//! ```
pub mod demos;
pub mod lessons;
pub mod ui;

pub use scalelab_sim::{params, sim};
