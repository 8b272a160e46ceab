//! The statistics run: the demo's parameters (and the B run's, when comparing) simulated to
//! the end in time slices, so the tab never freezes; partial reports arrive while it runs.
use super::runner::{run_sliced, RunToken};
use super::url_state::DemoState;
use super::{Demo, Runs};
use leptos::prelude::*;

/// The runs being shown and the progress of the one being computed.
#[derive(Clone, Copy)]
pub struct StatsRun<R: Send + Sync + 'static> {
    pub runs: RwSignal<Option<Runs<R>>>,
    /// `Some(fraction)` while a run is being computed.
    pub progress: RwSignal<Option<f64>>,
    pub cancel: Callback<()>,
}

/// Starts a new statistics run whenever the parameters, the seed or the comparison change;
/// a newer run stops the older one. Leaving the page cancels it.
pub fn use_statistics_run<D: Demo>(state: DemoState<D::Params>) -> StatsRun<D::Report> {
    let runs = RwSignal::new(None::<Runs<D::Report>>);
    let progress = RwSignal::new(None::<f64>);
    let token = RunToken::default();
    Effect::new(move |_| {
        let a = state.params.get();
        let seed = state.playback.seed.get();
        let b = state.compare.get().and_then(|c| c.apply(&a));
        let mut sims = vec![D::simulate(&a, seed)];
        let b_label = b.as_ref().map(|(p, label)| {
            sims.push(D::simulate(p, seed));
            label.clone()
        });
        run_sliced(sims, token, progress, move |mut reports, done| {
            let b = b_label
                .clone()
                .and_then(|label| reports.pop().map(|r| (r, label)));
            if let Some(a) = reports.pop() {
                runs.try_set(Some(Runs { a, b, done }));
            }
        });
    });
    on_cleanup(move || token.cancel());
    let cancel = Callback::new(move |_| {
        token.cancel();
        progress.set(None);
    });
    StatsRun {
        runs,
        progress,
        cancel,
    }
}
