//! What every demo provides, and the panel that shows any demo.
//!
//! A demo is a simulation (`crate::sim`) plus its view: the live diagram of one instant,
//! the charts and the summary of a whole run. The panel owns the shared machinery — URL
//! state, controls, playback, the time-sliced statistics run, compare, share and export —
//! so a new lesson only implements [`Demo`].
//!
//! ```text
//!  URL ─▶ Params ─┬─▶ statistics run (time-sliced, to the end) ─▶ charts + summary
//!                 └─▶ playback run (same seed, stepped by the clock) ─▶ diagram dots
//! ```
//! Both runs are the same code on the same seed, so the dots are the very requests the
//! charts count.
pub mod compare;
pub mod panel;
pub mod runner;

use crate::params::Params;
use crate::sim::Simulation;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use serde::Serialize;

pub use panel::demo_panel;

pub trait Demo: 'static {
    type Params: Params + Send + Sync;
    type Sim: Simulation<Report = Self::Report> + 'static;
    type Report: Clone + PartialEq + Serialize + Send + Sync + 'static;
    /// What the diagram needs to draw one instant.
    type Frame: Clone + PartialEq + Send + Sync + 'static;

    /// The URL slug (`/lessons/<slug>`, `/embed/<slug>`).
    const SLUG: &'static str;
    /// Human title, used for the embed snippet and exported files.
    const TITLE: &'static str;
    /// Chart keys in display order; `charts` returns one spec per key.
    const CHARTS: &'static [&'static str];

    fn simulate(params: &Self::Params, seed: u64) -> Self::Sim;
    fn frame(sim: &Self::Sim) -> Self::Frame;
    fn diagram(frame: Signal<Self::Frame>) -> AnyView;
    fn charts(runs: &Runs<Self::Report>, cursor_secs: Option<f64>) -> Vec<ChartSpec>;
    /// Metric rows, with a column per run (and theory, where it applies).
    fn summary(runs: &Runs<Self::Report>) -> DataTable;
    /// The run's time series, for CSV export.
    fn series(report: &Self::Report) -> DataTable;
    /// Anything else the demo shows that follows from the parameters alone (e.g. the SQL a
    /// page sends); shown between the summary and the charts. `live` lets it change the
    /// parameters without restarting the animation (e.g. "send a request now").
    fn extra(
        _params: Signal<Self::Params>,
        _seed: Signal<u64>,
        _live: LiveEdit<Self::Params>,
    ) -> AnyView {
        ().into_any()
    }
    /// Further tables read from the run (e.g. a per-request decision log), each shown folded
    /// under its title below the summary.
    fn details(_runs: &Runs<Self::Report>) -> Vec<(String, DataTable)> {
        Vec::new()
    }
}

/// Changing the parameters while the animation plays: `apply` sets new parameters and the
/// animation carries on from `now_secs` (the new run replayed up to that time) instead of
/// starting again from zero.
pub struct LiveEdit<P: Send + Sync + 'static> {
    /// The animation's simulated time, seconds.
    pub now_secs: StoredValue<f64>,
    pub apply: Callback<P>,
}

impl<P: Send + Sync + 'static> Clone for LiveEdit<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: Send + Sync + 'static> Copy for LiveEdit<P> {}

/// The statistics of the run being shown, and of the comparison run if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Runs<R> {
    pub a: R,
    /// The "B" run and its label, e.g. "workers = 12".
    pub b: Option<(R, String)>,
    /// False while a long run is still being computed (the reports are partial).
    pub done: bool,
}

/// A "Try this" button: a named set of parameters.
#[derive(Clone, Debug)]
pub struct Preset<P> {
    pub name: &'static str,
    /// One sentence on what to look for.
    pub hint: &'static str,
    pub params: P,
    /// A comparison the preset turns on, as URL `cmp`/`cmpv` values (e.g. the same traffic
    /// with caching off); `None` keeps whatever comparison the reader chose.
    pub compare: Option<(&'static str, &'static str)>,
}
