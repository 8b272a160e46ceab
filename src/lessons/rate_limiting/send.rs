//! "Send a request now": adds a request from client 0 at the animation's current time to the
//! custom timeline, and the animation carries on from there, so the reader sees each limiter
//! answer it live.
use crate::ui::demo::LiveEdit;
use leptos::prelude::*;
use scalelab_sim::ratelimit::{Pattern, RateLimitParams};

/// `timeline` with one more request at `t` seconds.
pub fn with_request_at(timeline: &str, t: f64) -> String {
    let t = format!("{:.3}", t.max(0.0));
    let t = t.trim_end_matches('0').trim_end_matches('.');
    let t = if t.is_empty() { "0" } else { t };
    match timeline.trim() {
        "" => t.to_string(),
        rest => format!("{rest}, {t}"),
    }
}

pub fn send_button(
    params: Signal<RateLimitParams>,
    live: LiveEdit<RateLimitParams>,
) -> impl IntoView {
    let send = move |_| {
        let mut p = params.get_untracked();
        if p.traffic != Pattern::Custom {
            p.traffic = Pattern::Custom;
            p.timeline.clear();
        }
        p.timeline = with_request_at(&p.timeline, live.now_secs.get_value());
        live.apply.run(p);
    };
    view! {
        <p class="send-request">
            <button type="button" on:click=send>"Send a request now"</button>
            <span class="box-note">
                {move || {
                    if params.with(|p| p.traffic == Pattern::Custom) {
                        "Adds a request from client 0 at the current time to your timeline."
                    } else {
                        "Switches the traffic to your own timeline, starting with this request."
                    }
                }}
            </span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::with_request_at;

    #[test]
    fn appends_times_tersely() {
        assert_eq!(with_request_at("", 1.5), "1.5");
        assert_eq!(with_request_at(" 0, 1 ", 2.0), "0, 1, 2");
        assert_eq!(with_request_at("3x@5", 0.0), "3x@5, 0");
        assert_eq!(with_request_at("", 12.3456), "12.346");
    }
}
