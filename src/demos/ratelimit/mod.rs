//! The rate-limiter demo: every enabled limiter decides the same seeded requests; the
//! diagram draws one lane per limiter with the requests as dots that pass, wait or bounce,
//! and the charts and decision log read the same run.
pub mod charts;
pub mod decisions;
pub mod diagram;
pub mod send;
pub mod summary;

use crate::sim::ratelimit::{RateLimitParams, RateLimitReport, RateLimitSim, RateLimitView};
use crate::ui::demo::{Demo, LiveEdit, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;

pub struct RateLimitDemo;

impl Demo for RateLimitDemo {
    type Params = RateLimitParams;
    type Sim = RateLimitSim;
    type Report = RateLimitReport;
    type Frame = RateLimitView;

    const SLUG: &'static str = "rate-limiting";
    const TITLE: &'static str = "Rate limiters";
    const CHARTS: &'static [&'static str] = charts::KEYS;

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
