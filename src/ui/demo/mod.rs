//! What every demo provides, and the panel that shows any demo.
//!
//! A demo is a simulation (`scalelab_sim`) plus its view: the lesson text, the live diagram
//! of one instant, the charts and the summary of a whole run. The panel owns the shared
//! machinery — URL state, controls, playback, the time-sliced statistics run, compare, share
//! and export — so a new lesson only implements [`Demo`].
//!
//! ```text
//!  URL ─▶ Params ─┬─▶ statistics run (time-sliced, to the end) ─▶ charts + summary
//!                 └─▶ playback run (same seed, stepped by the clock) ─▶ diagram dots
//! ```
//! Both runs are the same code on the same seed, so the dots are the very requests the
//! charts count.
//!
//! ```text
//! panel       the panel: composes the parts below and lays them out
//! url_state   parameters, seed, compare and embed flags from the URL, and back
//! stats_run   the statistics run(s): to the end, in slices (runner)
//! animation   the playback run stepped by the clock; live edits
//! embed       an embed's height messages to its host page
//! export      CSV and JSON downloads
//! parts       presets buttons, folded detail tables, the chart grid
//! compare     the A/B choice
//! ```
mod animation;
pub mod compare;
mod embed;
mod export;
pub mod panel;
mod parts;
pub mod runner;
mod stats_run;
mod url_state;

use crate::lessons::Lesson;
use crate::ui::widgets::{chart::ChartSpec, table::DataTable};
use leptos::prelude::*;
use panel::PanelMode;
use scalelab_sim::params::query::{from_query, to_query, DEFAULT_SEED};
use scalelab_sim::params::{Notice, Params};
use scalelab_sim::Simulation;
use serde::Serialize;

pub use panel::demo_panel;

/// The demo of `lesson` as a view (what the registry's [`crate::lessons::LessonContent`] holds).
pub fn demo_view<D: Demo>(lesson: &'static Lesson, mode: PanelMode) -> AnyView {
    demo_panel::<D>(lesson, mode).into_any()
}

/// One preset as a link would carry it.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetQuery {
    pub name: &'static str,
    /// The URL query of the preset's parameters (seed 42), after validation.
    pub query: String,
    /// What validating the preset as written changed (a preset should change nothing).
    pub notices: Vec<Notice>,
    /// The comparison it turns on, as URL `cmp`/`cmpv` values.
    pub compare: Option<(&'static str, &'static str)>,
    /// Whether reading `query` back gives the same parameters, without a notice.
    pub round_trips: bool,
}

/// Every preset of `D` as a [`PresetQuery`].
pub fn preset_queries<D: Demo>() -> Vec<PresetQuery> {
    D::presets()
        .into_iter()
        .map(|p| {
            let (params, notices) = p.params.validate();
            let query = to_query(&params, DEFAULT_SEED);
            let back = from_query::<D::Params>(&query, &[]);
            PresetQuery {
                name: p.name,
                round_trips: back.params == params && back.notices.is_empty(),
                query,
                notices,
                compare: p.compare,
            }
        })
        .collect()
}

pub trait Demo: 'static {
    type Params: Params + Send + Sync;
    type Sim: Simulation<Report = Self::Report> + 'static;
    type Report: Clone + PartialEq + Serialize + Send + Sync + 'static;
    /// What the diagram needs to draw one instant.
    type Frame: Clone + PartialEq + Send + Sync + 'static;

    /// Chart keys in display order; `charts` returns one spec per key.
    const CHARTS: &'static [&'static str];

    /// The lesson text, in our own words.
    fn text() -> AnyView;
    /// The "Try this" buttons.
    fn presets() -> Vec<Preset<Self::Params>>;

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
