//! The animated queue diagram. Each dot is one simulated job, keyed by its id, so when the
//! simulation moves a job (queue → worker → sink) the same SVG element glides there (a CSS
//! transition, switched off under prefers-reduced-motion).
use super::layout::{
    layout, Rect, Scene, HEIGHT, PRODUCER_BOX, QUEUE_BOX, SINKS, WIDTH, WORKERS_BOX,
};
use crate::ui::kit::dots::{dot_layer, DotPos};
use leptos::prelude::*;
use scalelab_sim::engine::secs;
use scalelab_sim::queue::QueueView;
use std::collections::HashMap;

pub fn queue_diagram(frame: Signal<QueueView>) -> impl IntoView {
    let scene = Memo::new(move |_| frame.with(layout));
    let dots = Memo::new(move |_| {
        scene.with(|s| {
            s.dots
                .iter()
                .map(|d| {
                    (
                        d.id,
                        DotPos {
                            x: d.x,
                            y: d.y,
                            class: d.state.class(),
                        },
                    )
                })
                .collect::<HashMap<_, _>>()
        })
    });
    let description = Memo::new(move |_| frame.with(describe));

    let sinks = SINKS
        .iter()
        .map(|(_, rect, label)| view! { {boxed(*rect, "sink")} <text x=rect.x + 8.0 y=rect.y + 16.0 class="box-label">{*label}</text> })
        .collect_view();

    view! {
        <svg
            class="diagram"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=move || description.get()
        >
            <title>"Queue and worker pool"</title>
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                </marker>
            </defs>
            {boxed(PRODUCER_BOX, "producer")}
            <text x=PRODUCER_BOX.x + 8.0 y=PRODUCER_BOX.y + 22.0 class="box-label">"Producers"</text>
            <text x=PRODUCER_BOX.x + 8.0 y=PRODUCER_BOX.y + 42.0 class="box-note">
                {move || frame.with(|f| format!("t = {:.1} s", secs(f.now)))}
            </text>
            {arrow(PRODUCER_BOX.x + PRODUCER_BOX.w, QUEUE_BOX.x, QUEUE_BOX.y + QUEUE_BOX.h / 2.0)}
            {boxed(QUEUE_BOX, "queue-box")}
            <text x=QUEUE_BOX.x y=QUEUE_BOX.y - 8.0 class="box-label">
                {move || frame.with(|f| format!("Queue: {} waiting", f.queue_len))}
            </text>
            <text x=QUEUE_BOX.x + 6.0 y=QUEUE_BOX.y + QUEUE_BOX.h + 16.0 class="box-note">
                {move || scene.with(|s| if s.queued_hidden > 0 { format!("+{} more not drawn", s.queued_hidden) } else { String::new() })}
            </text>
            {arrow(QUEUE_BOX.x + QUEUE_BOX.w, WORKERS_BOX.x, QUEUE_BOX.y + QUEUE_BOX.h / 2.0)}
            {boxed(WORKERS_BOX, "workers-box")}
            <text x=WORKERS_BOX.x y=WORKERS_BOX.y - 6.0 class="box-label">
                {move || frame.with(|f| format!("Workers: {} busy of {}", f.workers.iter().filter(|w| w.job.is_some()).count(), f.workers.len()))}
            </text>
            {move || scene.with(slots_view)}
            {arrow(WORKERS_BOX.x + WORKERS_BOX.w, SINKS[0].1.x, WORKERS_BOX.y + WORKERS_BOX.h / 2.0)}
            {sinks}
            <text x=SINKS[2].1.x + 8.0 y=SINKS[2].1.y + 32.0 class="box-note">
                {move || frame.with(|f| format!("{} in total", f.dlq))}
            </text>
            <text x=SINKS[1].1.x + 8.0 y=SINKS[1].1.y + 32.0 class="box-note">
                {move || frame.with(|f| if f.retry_pending > 0 { format!("{} backing off", f.retry_pending) } else { String::new() })}
            </text>
            {dot_layer(dots)}
        </svg>
        <p class="diagram-legend" aria-hidden="true">
            <span class="key waiting">"waiting"</span>
            <span class="key serving">"in service"</span>
            <span class="key done">"done"</span>
            <span class="key retry">"retrying"</span>
            <span class="key dead">"dead letter"</span>
            <span class="key dropped">"dropped"</span>
        </p>
    }
}

fn boxed(r: Rect, class: &'static str) -> impl IntoView {
    view! { <rect x=r.x y=r.y width=r.w height=r.h rx="6" class=class></rect> }
}

fn arrow(x1: f64, x2: f64, y: f64) -> impl IntoView {
    view! { <line x1=x1 y1=y x2=x2 - 2.0 y2=y class="flow" marker-end="url(#arrow)"></line> }
}

fn slots_view(scene: &Scene) -> impl IntoView {
    let extra = (scene.workers_hidden > 0).then(|| {
        let note = format!("+{} workers ({} busy)", scene.workers_hidden, scene.busy_hidden);
        view! { <text x=WORKERS_BOX.x + 8.0 y=WORKERS_BOX.y + WORKERS_BOX.h - 4.0 class="box-note">{note}</text> }
    });
    let slots = scene
        .slots
        .iter()
        .map(|s| {
            let class = if s.starting {
                "slot starting"
            } else if s.retiring {
                "slot retiring"
            } else if s.busy {
                "slot busy"
            } else {
                "slot"
            };
            view! { <rect x=s.rect.x y=s.rect.y width=s.rect.w height=s.rect.h rx="3" class=class></rect> }
        })
        .collect_view();
    view! { {slots} {extra} }
}

/// The diagram's text alternative: the state in one sentence.
pub fn describe(f: &QueueView) -> String {
    let busy = f.workers.iter().filter(|w| w.job.is_some()).count();
    format!(
        "At {:.1} s: {} jobs waiting, {} of {} workers busy, {} retries backing off, {} in the dead-letter queue.",
        secs(f.now),
        f.queue_len,
        busy,
        f.workers.len(),
        f.retry_pending,
        f.dlq
    )
}
