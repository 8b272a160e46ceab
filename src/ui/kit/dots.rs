//! The moving dots every diagram draws: one SVG circle per simulated request, keyed by its
//! id, so when the simulation moves a request the same element glides to its new place (a
//! CSS transition, off under prefers-reduced-motion).
use leptos::prelude::*;
use std::collections::HashMap;

/// Where a dot stands and how it looks (a CSS class naming its state).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DotPos {
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
}

pub fn dot_layer(dots: Memo<HashMap<u64, DotPos>>) -> impl IntoView {
    let ids = Memo::new(move |_| {
        let mut ids: Vec<u64> = dots.with(|d| d.keys().copied().collect());
        ids.sort_unstable();
        ids
    });
    view! {
        <g class="dots">
            <For each=move || ids.get() key=|id| *id let:id>
                <circle
                    r="5"
                    class=move || dots.with(|d| d.get(&id).map_or("dot", |p| p.class))
                    style:transform=move || {
                        dots.with(|d| d.get(&id).map(|p| format!("translate({:.1}px, {:.1}px)", p.x, p.y)).unwrap_or_default())
                    }
                ></circle>
            </For>
        </g>
    }
}
