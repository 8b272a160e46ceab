//! Lesson: caching layers. Reads walk through CDN, app memory (L1), Redis and the database
//! (`scalelab_sim::cache`), drawn as dots that stop where they are answered; charts of hit
//! ratio per layer, the database load against the same reads with no cache, and latency;
//! the hit-ratio-against-size curve with its theory; a summary with the single-cache theory.
//!
//! ```text
//! text       the lesson in our own words         presets    "Try this" scenarios
//! scenarios  the parameter sets presets use       diagram    layers, fill bars, dots
//! charts     hit ratio, DB load, latency          curve      hit ratio vs cache size
//! summary    metrics and theory; CSV series
//! ```
mod charts;
mod curve;
mod diagram;
mod presets;
pub mod scenarios;
mod summary;
mod text;

use super::{Group, Lesson, LessonContent};
use crate::ui::demo::{Demo, LiveEdit, Preset, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use scalelab_sim::cache::{CacheParams, CacheReport, CacheSim, CacheView};

pub const LESSON: Lesson = Lesson {
    slug: "caching",
    title: "Caching layers",
    pitch: "CDN → memory → Redis → database: where each request is answered.",
    group: Group::DataLayer,
    icon: "M4 5h16v4H4zM4 10h16v4H4zM4 15h16v4H4z",
    content: Some(LessonContent::of::<CacheDemo>()),
};

pub struct CacheDemo;

impl Demo for CacheDemo {
    type Params = CacheParams;
    type Sim = CacheSim;
    type Report = CacheReport;
    type Frame = CacheView;

    const CHARTS: &'static [&'static str] = charts::KEYS;

    fn text() -> AnyView {
        text::lesson_text().into_any()
    }
    fn presets() -> Vec<Preset<CacheParams>> {
        presets::presets()
    }
    fn simulate(params: &CacheParams, seed: u64) -> CacheSim {
        CacheSim::new(params, seed)
    }
    fn frame(sim: &CacheSim) -> CacheView {
        sim.view()
    }
    fn diagram(frame: Signal<CacheView>) -> AnyView {
        diagram::cache_diagram(frame).into_any()
    }
    fn charts(runs: &Runs<CacheReport>, cursor_secs: Option<f64>) -> Vec<ChartSpec> {
        charts::build(runs, cursor_secs)
    }
    fn summary(runs: &Runs<CacheReport>) -> DataTable {
        summary::build(runs)
    }
    fn series(report: &CacheReport) -> DataTable {
        summary::series(report)
    }
    fn extra(params: Signal<CacheParams>, seed: Signal<u64>, _: LiveEdit<CacheParams>) -> AnyView {
        curve::curve_view(params, seed).into_any()
    }
}
