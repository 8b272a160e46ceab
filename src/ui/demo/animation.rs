//! The playback run: the same model on the same seed as the statistics run, stepped by the
//! clock (~30 frames a second at the chosen speed), so the dots on screen are the very
//! requests the charts count. Play, Step and Reset drive it; a live edit replays the new run
//! up to the animation's time instead of starting again from zero.
use super::url_state::DemoState;
use super::{Demo, LiveEdit};
use crate::ui::dom;
use leptos::prelude::*;
use scalelab_sim::engine::{from_secs, secs, SimTime};
use scalelab_sim::Simulation;
use std::time::Duration;

/// Animation tick: ~30 frames per second.
const TICK: Duration = Duration::from_millis(33);
/// Charts follow the animation cursor at most this often.
const CURSOR_EVERY_MS: f64 = 250.0;
/// Events a live edit may replay at most; past that the animation resumes where it got to.
const FAST_FORWARD_EVENTS: u64 = 200_000;
/// Events the reduced-motion still may take at most (a short pause on each change).
const STILL_EVENTS: u64 = 50_000;

/// What the panel shows of the playback run.
#[derive(Clone, Copy)]
pub struct Animation<F: Send + Sync + 'static, P: Send + Sync + 'static> {
    /// The diagram's instant.
    pub frame: RwSignal<F>,
    /// "t = 12.3 s of 300 s".
    pub clock: RwSignal<String>,
    /// The animation's time, for the charts' cursor line (`None` before it moves).
    pub cursor: RwSignal<Option<f64>>,
    pub live: LiveEdit<P>,
}

/// The playback run of `state`'s parameters. Under reduced motion a new run shows a still
/// from the middle of the run instead of an empty t = 0.
pub fn use_animation<D: Demo>(
    state: DemoState<D::Params>,
    reduced_motion: Signal<bool>,
) -> Animation<D::Frame, D::Params> {
    let playback = state.playback;
    let play: StoredValue<Option<D::Sim>, LocalStorage> = StoredValue::new_local(None);
    let first = D::simulate(&state.params.get_untracked(), playback.seed.get_untracked());
    let frame = RwSignal::new(D::frame(&first));
    let cursor = RwSignal::new(None::<f64>);
    let clock = RwSignal::new(String::new());
    let now_secs = StoredValue::new(0.0f64);
    let show_frame = move |sim: &D::Sim| {
        now_secs.set_value(secs(sim.now()));
        frame.set(D::frame(sim));
        clock.set(format!(
            "t = {:.1} s of {:.0} s",
            secs(sim.now()),
            secs(sim.horizon())
        ));
    };
    let resume_at = StoredValue::new(None::<f64>);
    let live = LiveEdit {
        now_secs,
        apply: Callback::new(move |p: D::Params| {
            resume_at.set_value(Some(now_secs.get_value()));
            state.set_params(p);
        }),
    };
    Effect::new(move |_| {
        let mut sim = D::simulate(&state.params.get(), playback.seed.get());
        playback.reset.track();
        let resume = resume_at.try_update_value(Option::take).flatten();
        if let Some(t) = resume {
            fast_forward(&mut sim, from_secs(t), FAST_FORWARD_EVENTS);
        } else if reduced_motion.get_untracked() {
            let middle = sim.horizon() / 2;
            fast_forward(&mut sim, middle, STILL_EVENTS);
        }
        show_frame(&sim);
        // Only a moved cursor redraws the charts (the new run's charts come with its report).
        let at = resume.map(|_| secs(sim.now()));
        if cursor.get_untracked() != at {
            cursor.set(at);
        }
        play.set_value(Some(sim));
    });
    Effect::new(move |previous: Option<u64>| {
        let n = playback.step.get();
        if previous.is_some() {
            play.update_value(|s| {
                if let Some(s) = s {
                    s.step();
                    show_frame(s);
                }
            });
        }
        n
    });
    start_ticker::<D>(play, state, show_frame, cursor);
    Animation {
        frame,
        clock,
        cursor,
        live,
    }
}

/// Advances the playback run on a timer while Play is on; cleared when the page goes.
fn start_ticker<D: Demo>(
    play: StoredValue<Option<D::Sim>, LocalStorage>,
    state: DemoState<D::Params>,
    show_frame: impl Fn(&D::Sim) + 'static,
    cursor: RwSignal<Option<f64>>,
) {
    let playback = state.playback;
    let last_tick = StoredValue::new(None::<f64>);
    let last_cursor = StoredValue::new(0.0f64);
    let ticker = set_interval_with_handle(
        move || {
            if !playback.playing.get_untracked() {
                last_tick.set_value(None);
                return;
            }
            let now = dom::now_ms();
            let dt_ms = last_tick.get_value().map_or(0.0, |t| (now - t).min(100.0));
            last_tick.set_value(Some(now));
            let advance = from_secs(dt_ms / 1000.0 * playback.speed.get_untracked());
            play.update_value(|s| {
                let Some(s) = s else { return };
                s.step_until(s.now().saturating_add(advance));
                show_frame(s);
                if s.is_done() {
                    playback.playing.set(false);
                }
                if now - last_cursor.get_value() > CURSOR_EVERY_MS || s.is_done() {
                    last_cursor.set_value(now);
                    cursor.set(Some(secs(s.now())));
                }
            });
        },
        TICK,
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = ticker {
            t.clear();
        }
    });
}

/// Steps `sim` to time `t` in 100 slices, stopping early after `max_events`.
fn fast_forward<S: Simulation>(sim: &mut S, t: SimTime, max_events: u64) {
    for i in 1..=100u64 {
        sim.step_until(t.saturating_mul(i) / 100);
        if sim.events() > max_events {
            break;
        }
    }
}
