//! The playback bar: play/pause, step, reset, speed (0.25× to 64×) and the seed, with
//! keyboard shortcuts (Space, →, R) that work while focus is inside the demo.
use leptos::prelude::*;
use scalelab_sim::params::query::{parse_seed, SEED_MAX};

/// Speeds offered, as multiples of real time.
pub const SPEEDS: &[f64] = &[0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0];

/// The playback state a demo panel owns and the bar edits.
#[derive(Clone, Copy)]
pub struct Playback {
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<f64>,
    pub seed: RwSignal<u64>,
    /// Incremented to ask the panel to rebuild the animation from t = 0.
    pub reset: RwSignal<u64>,
    /// Incremented to ask the panel to process exactly one more event.
    pub step: RwSignal<u64>,
}

impl Playback {
    pub fn new(seed: u64) -> Self {
        Playback {
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            seed: RwSignal::new(seed),
            reset: RwSignal::new(0),
            step: RwSignal::new(0),
        }
    }
    pub fn toggle(&self) {
        self.playing.update(|p| *p = !*p);
    }
    pub fn step_once(&self) {
        self.playing.set(false);
        self.step.update(|n| *n += 1);
    }
    pub fn restart(&self) {
        self.reset.update(|n| *n += 1);
    }
    /// Handles the demo's keyboard shortcuts; returns true when the key was used.
    pub fn on_key(&self, key: &str) -> bool {
        match key {
            " " | "k" => self.toggle(),
            "ArrowRight" | "." => self.step_once(),
            "r" | "R" => self.restart(),
            _ => return false,
        }
        true
    }
}

/// A new seed: small enough to read and type.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 999_999.0) as u64 + 1
}

#[component]
pub fn PlaybackBar(playback: Playback, #[prop(into)] clock: Signal<String>) -> impl IntoView {
    let Playback {
        playing,
        speed,
        seed,
        ..
    } = playback;
    view! {
        <div class="playback" role="group" aria-label="Playback">
            <button
                type="button"
                class="primary"
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| playback.toggle()
                title="Play or pause (Space)"
            >
                {move || if playing.get() { "❚❚ Pause" } else { "▶ Play" }}
            </button>
            <button type="button" on:click=move |_| playback.step_once() title="Process the next event (→)">
                "Step"
            </button>
            <button type="button" on:click=move |_| playback.restart() title="Back to t = 0 (R)">
                "Reset"
            </button>
            <label class="inline">
                "Speed "
                <select on:change=move |ev| {
                    if let Ok(s) = event_target_value(&ev).parse::<f64>() {
                        speed.set(s);
                    }
                }>
                    {SPEEDS
                        .iter()
                        .map(|s| {
                            let s = *s;
                            view! {
                                <option value=s.to_string() selected=move || speed.get() == s>
                                    {format!("{s}×")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <span class="clock" aria-live="off">{move || clock.get()}</span>
            <label class="inline seed">
                "Seed "
                <input
                    type="number"
                    min="0"
                    max=SEED_MAX.to_string()
                    step="1"
                    prop:value=move || seed.get().to_string()
                    on:change=move |ev| {
                        if let Some(s) = parse_seed(event_target_value(&ev).trim()) {
                            seed.set(s);
                        }
                    }
                />
            </label>
            <button type="button" on:click=move |_| seed.set(random_seed())>
                "New seed"
            </button>
            <p class="shortcuts">"Keys: Space play/pause · → step · R reset"</p>
        </div>
    }
}
