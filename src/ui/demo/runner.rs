//! Runs simulations to the end without freezing the tab: work is cut into slices of a few
//! milliseconds with a yield to the browser in between, progress is published as it goes, and
//! a newer run (or Cancel) makes the older one stop at its next slice.
use crate::ui::dom::now_ms;
use crate::ui::yielding::yield_to_browser;
use leptos::{prelude::*, task::spawn_local};
use scalelab_sim::Simulation;

/// Wall-clock budget of one slice; well under a 16 ms frame.
const SLICE_MS: f64 = 10.0;
/// Events processed between clock checks.
const BATCH: usize = 512;
/// How often partial results are published during a long run.
const PUBLISH_MS: f64 = 500.0;

/// A cancellable generation counter: starting a run or cancelling bumps it.
#[derive(Clone, Copy)]
pub struct RunToken(StoredValue<u64>);

impl Default for RunToken {
    fn default() -> Self {
        RunToken(StoredValue::new(0))
    }
}

impl RunToken {
    fn begin(&self) -> u64 {
        let next = self.0.try_get_value().unwrap_or(0) + 1;
        self.0.try_set_value(next);
        next
    }
    pub fn cancel(&self) {
        self.begin();
    }
    fn is_current(&self, generation: u64) -> bool {
        self.0.try_get_value() == Some(generation)
    }
}

/// Calls `slice` (a few milliseconds of work; it returns false when nothing is left) again
/// and again, yielding to the browser in between. Starting another run on the same token
/// stops this one before its next slice.
fn spawn_slices(token: RunToken, mut slice: impl FnMut() -> bool + 'static) {
    let generation = token.begin();
    spawn_local(async move {
        while token.is_current(generation) && slice() {
            yield_to_browser().await;
        }
    });
}

/// Steps every simulation in `sims` to its end in slices. `on_update(reports, done)` gets
/// partial reports every ~0.5 s and the final ones once; `progress` is `Some` while running.
pub fn run_sliced<S, F>(
    mut sims: Vec<S>,
    token: RunToken,
    progress: RwSignal<Option<f64>>,
    on_update: F,
) where
    S: Simulation + 'static,
    F: Fn(Vec<S::Report>, bool) + 'static,
{
    let mut last_publish = now_ms();
    spawn_slices(token, move || {
        let start = now_ms();
        let mut all_done = false;
        while !all_done && now_ms() - start < SLICE_MS {
            all_done = true;
            for sim in sims.iter_mut() {
                for _ in 0..BATCH {
                    if !sim.step() {
                        break;
                    }
                }
                all_done &= sim.is_done();
            }
        }
        if all_done {
            on_update(sims.iter().map(|s| s.report()).collect(), true);
            progress.try_set(None);
            return false;
        }
        let fraction = sims.iter().map(|s| s.progress()).sum::<f64>() / sims.len().max(1) as f64;
        progress.try_set(Some(fraction));
        if now_ms() - last_publish > PUBLISH_MS {
            on_update(sims.iter().map(|s| s.report()).collect(), false);
            last_publish = now_ms();
        }
        true
    });
}

/// Calls `unit` (one small piece of work; it returns false when nothing is left) in slices
/// like [`run_sliced`]. Starting another run on the same token stops this one.
pub fn run_units(token: RunToken, mut unit: impl FnMut() -> bool + 'static) {
    spawn_slices(token, move || {
        let start = now_ms();
        while now_ms() - start < SLICE_MS {
            if !unit() {
                return false;
            }
        }
        true
    });
}
