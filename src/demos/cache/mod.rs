//! The caching demo: reads walking through CDN, app memory (L1), Redis and the database,
//! drawn as dots that stop where they are answered; charts of hit ratio per layer, the
//! database load against the same reads with no cache, and latency; the hit-ratio-against-
//! size curve with its theory; and a summary with the single-cache theory beside it.
pub mod charts;
pub mod curve;
pub mod diagram;
pub mod summary;

use crate::sim::cache::{CacheParams, CacheReport, CacheSim, CacheView};
use crate::ui::demo::{Demo, LiveEdit, Runs};
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;

pub struct CacheDemo;

impl Demo for CacheDemo {
    type Params = CacheParams;
    type Sim = CacheSim;
    type Report = CacheReport;
    type Frame = CacheView;

    const SLUG: &'static str = "caching";
    const TITLE: &'static str = "Caching layers";
    const CHARTS: &'static [&'static str] = charts::KEYS;

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
