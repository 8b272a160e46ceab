//! ScaleLab: interactive, deterministic simulations of how systems scale.
//!
//! ```text
//! sim/      pure discrete-event models (no web crates), tested natively
//! params/   one Params type per demo: field specs, clamping, URL codec
//! lessons/  lesson text, presets, and which demo each lesson uses
//! demos/    the view of each model: diagram layout, charts, summary rows
//! ui/       app shell, routes and the widgets every demo shares
//! ```
pub mod demos;
pub mod lessons;
pub mod params;
pub mod sim;
pub mod ui;
