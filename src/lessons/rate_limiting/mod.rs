//! Lesson: rate limiters. Every enabled limiter (`scalelab_sim::ratelimit`) decides the same
//! seeded requests; the diagram draws one lane per limiter with the requests as dots that
//! pass, wait or bounce, and the charts and decision log read the same run.
//!
//! ```text
//! text       the lesson in our own words         presets    "Try this" scenarios
//! scenarios  the parameter sets presets use       diagram    one lane per limiter
//! send       "send a request now" (a live edit)   decisions  the per-request decision log
//! charts     admitted and rejected over time      summary    metrics; CSV series
//! ```
mod charts;
mod decisions;
mod diagram;
mod presets;
pub mod scenarios;
mod send;
mod summary;
mod text;

use super::{Group, Lesson, LessonContent};
use crate::ui::demo::{Demo, LiveEdit, Preset, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use scalelab_sim::ratelimit::{RateLimitParams, RateLimitReport, RateLimitSim, RateLimitView};

pub const LESSON: Lesson = Lesson {
    slug: "rate-limiting",
    title: "Rate limiters",
    pitch: "Fixed window, sliding log, token and leaky buckets on the same traffic.",
    group: Group::AbsorbingLoad,
    icon: "M12 3a9 9 0 1 0 .01 0M12 12V7M12 12l4 2",
    content: Some(LessonContent::of::<RateLimitDemo>()),
};

pub struct RateLimitDemo;

impl Demo for RateLimitDemo {
    type Params = RateLimitParams;
    type Sim = RateLimitSim;
    type Report = RateLimitReport;
    type Frame = RateLimitView;

    const CHARTS: &'static [&'static str] = charts::KEYS;

    fn text() -> AnyView {
        text::lesson_text().into_any()
    }
    fn presets() -> Vec<Preset<RateLimitParams>> {
        presets::presets()
    }
    fn simulate(params: &RateLimitParams, seed: u64) -> RateLimitSim {
        RateLimitSim::new(params, seed)
    }
    fn frame(sim: &RateLimitSim) -> RateLimitView {
        sim.view()
    }
    fn diagram(frame: Signal<RateLimitView>) -> AnyView {
        diagram::ratelimit_diagram(frame).into_any()
    }
    fn charts(runs: &Runs<RateLimitReport>, cursor_secs: Option<f64>) -> Vec<ChartSpec> {
        charts::build(runs, cursor_secs)
    }
    fn summary(runs: &Runs<RateLimitReport>) -> DataTable {
        summary::build(runs)
    }
    fn series(report: &RateLimitReport) -> DataTable {
        summary::series(report)
    }
    fn extra(
        params: Signal<RateLimitParams>,
        _seed: Signal<u64>,
        live: LiveEdit<RateLimitParams>,
    ) -> AnyView {
        send::send_button(params, live).into_any()
    }
    fn details(runs: &Runs<RateLimitReport>) -> Vec<(String, DataTable)> {
        decisions::tables(&runs.a)
    }
}
