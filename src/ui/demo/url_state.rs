//! The demo's state as the URL carries it: parameters, seed, the A/B comparison and the
//! embed flags are read once from the address, and every later change is written back to it
//! (`history.replaceState`, once the settings rest), so a copied link restores the run.
use super::compare::Compare;
use crate::ui::dom;
use crate::ui::widgets::playback::Playback;
use leptos::prelude::*;
use scalelab_sim::params::query::{from_query, to_query};
use scalelab_sim::params::{Notice, Params};

/// Query keys the panel itself understands (besides the demo's parameters and `seed`).
pub const PANEL_KEYS: &[&str] = &["controls", "autoplay", "cmp", "cmpv"];
/// The address bar is updated this long after the last settings change.
const URL_DELAY_MS: u32 = 150;

/// Everything a demo's settings are, as signals the panel's parts share.
pub struct DemoState<P: Params + Send + Sync> {
    pub params: RwSignal<P>,
    /// What was changed to keep the input runnable (shown above the demo).
    pub notices: RwSignal<Vec<Notice>>,
    pub compare: RwSignal<Option<Compare>>,
    pub playback: Playback,
    /// The query string of the current settings (share link, embed code, address bar).
    pub query: Memo<String>,
    /// `controls=0`: an embed without its controls.
    pub controls_hidden: bool,
    /// `autoplay=1`.
    pub autoplay: bool,
}

impl<P: Params + Send + Sync> Clone for DemoState<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: Params + Send + Sync> Copy for DemoState<P> {}

impl<P: Params + Send + Sync> DemoState<P> {
    /// Sets new parameters (validated, with their notices).
    pub fn set_params(&self, p: P) {
        let (p, changed) = p.validate();
        self.notices.set(changed);
        self.params.set(p);
    }
}

/// Reads the demo's state from the current URL and keeps the address bar in step with it.
/// `embed` decides whether `controls=0` may hide the controls.
pub fn use_url_state<P: Params + Send + Sync>(embed: bool) -> DemoState<P> {
    let parsed = from_query::<P>(&dom::current_query(), PANEL_KEYS);
    let mut notices = parsed.notices;
    let compare = RwSignal::new(Compare::from_extras::<P>(&parsed.extras, &mut notices));
    let flag = |k: &str| parsed.extras.get(k).map(String::as_str);
    let embed_flags: Vec<(&'static str, String)> = ["controls", "autoplay"]
        .into_iter()
        .filter_map(|k| flag(k).map(|v| (k, v.to_string())))
        .collect();
    let controls_hidden = embed && flag("controls") == Some("0");
    let autoplay = flag("autoplay") == Some("1");
    let params = RwSignal::new(parsed.params);
    let playback = Playback::new(parsed.seed);
    let query = Memo::new(move |_| {
        let mut q = to_query(&params.get(), playback.seed.get());
        let mut extra: Vec<(&str, String)> = compare
            .get()
            .map(|c| c.to_pairs().to_vec())
            .unwrap_or_default();
        extra.extend(embed_flags.iter().cloned());
        if !extra.is_empty() {
            q.push('&');
            q.push_str(&serde_urlencoded::to_string(extra).unwrap_or_default());
        }
        q
    });
    follow_in_address_bar(query);
    DemoState {
        params,
        notices: RwSignal::new(notices),
        compare,
        playback,
        query,
        controls_hidden,
        autoplay,
    }
}

/// The address bar follows `query` once the settings rest: a slider drag fires dozens of
/// input events, each `history.replaceState` costs milliseconds, and Chrome throttles pages
/// that call it too often. The share link and embed code read `query` directly.
fn follow_in_address_bar(query: Memo<String>) {
    let pending: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |_| {
        let q = query.get();
        // Replacing the timer drops (cancels) the previous one.
        pending.set_value(Some(gloo_timers::callback::Timeout::new(
            URL_DELAY_MS,
            move || dom::replace_query(&q),
        )));
    });
    // Leaving the page cancels a pending update (it would rewrite the next page's address).
    on_cleanup(move || {
        let _ = pending.try_set_value(None);
    });
}
