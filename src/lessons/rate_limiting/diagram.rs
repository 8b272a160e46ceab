//! The live rate-limiter diagram: one lane per limiter. Each dot is a simulated request
//! (the same request in every lane): it passes the gate to the right, waits in front of it
//! (nginx delay), or bounces below it. A gauge shows the watched client's state level.
use crate::ui::kit::dots::{dot_layer, DotPos};
use leptos::prelude::*;
use scalelab_sim::engine::secs;
use scalelab_sim::ratelimit::{DotState, RateLimitView, RowView};
use std::collections::HashMap;

const W: f64 = 720.0;
const LANE: f64 = 56.0;
const TOP: f64 = 8.0;
/// x of each lane's gate (the limiter).
const GATE: f64 = 330.0;
const STEP: f64 = 11.0;
/// Dots of each kind drawn per lane at most.
const PASSED: usize = 22;
const WAITING: usize = 14;
const BOUNCED: usize = 22;

fn height(lanes: usize) -> f64 {
    TOP * 2.0 + LANE * lanes.max(1) as f64
}

/// Newest first: passed dots stream right of the gate, waiting ones queue left of it,
/// bounced ones drop into a pile below it.
fn place(out: &mut HashMap<u64, DotPos>, lane: usize, row: &RowView) {
    let y = TOP + LANE * lane as f64 + 24.0;
    let (mut passed, mut waiting, mut bounced) = (0, 0, 0);
    for d in row.dots.iter().rev() {
        let key = d.id * 8 + row.algo.index() as u64;
        let pos = match d.state {
            DotState::Passed if passed < PASSED => {
                passed += 1;
                let class = if d.delayed { "dot delayed" } else { "dot done" };
                DotPos {
                    x: GATE + 14.0 + STEP * passed as f64,
                    y,
                    class,
                }
            }
            DotState::Waiting { .. } if waiting < WAITING => {
                waiting += 1;
                DotPos {
                    x: GATE - 6.0 - STEP * waiting as f64,
                    y,
                    class: "dot waiting",
                }
            }
            DotState::Bounced if bounced < BOUNCED => {
                bounced += 1;
                DotPos {
                    x: GATE + 14.0 + STEP * bounced as f64,
                    y: y + 16.0,
                    class: "dot dropped",
                }
            }
            _ => continue,
        };
        out.insert(key, pos);
    }
}

fn layout(v: &RateLimitView) -> HashMap<u64, DotPos> {
    let mut out = HashMap::new();
    for (lane, row) in v.rows.iter().enumerate() {
        place(&mut out, lane, row);
    }
    out
}

fn lane_view(lane: usize, frame: Signal<RateLimitView>) -> impl IntoView {
    let y = TOP + LANE * lane as f64;
    // Reads one thing from this lane's row without cloning the row (it runs every frame).
    let read = move |f: fn(&RowView) -> String| {
        move || frame.with(|v| v.rows.get(lane).map(f).unwrap_or_default())
    };
    let fill = move || {
        frame.with(|v| {
            v.rows.get(lane).map_or(0.0, |r| {
                if r.capacity > 0.0 {
                    (r.level / r.capacity).clamp(0.0, 1.0) * 120.0
                } else {
                    0.0
                }
            })
        })
    };
    view! {
        <text x="8" y=y + 18.0 class="box-label">{read(|r| r.label.to_string())}</text>
        <text x="8" y=y + 34.0 class="box-note">
            {read(|r| format!("{} passed · {} refused · {} delayed", r.accepted, r.rejected, r.delayed))}
        </text>
        <line x1=GATE y1=y + 10.0 x2=GATE y2=y + 48.0 class="gate"></line>
        <rect x=W - 150.0 y=y + 8.0 width="120" height="8" rx="3" class="gauge"></rect>
        <rect x=W - 150.0 y=y + 8.0 height="8" rx="3" class="gauge-fill" width=move || format!("{:.1}", fill())></rect>
        <text x=W - 150.0 y=y + 30.0 class="box-note">
            {read(|r| format!("{:.1} of {:.0}", r.level, r.capacity))}
        </text>
        <text x=W - 150.0 y=y + 44.0 class="box-note">{read(|r| r.level_label.to_string())}</text>
    }
}

pub fn ratelimit_diagram(frame: Signal<RateLimitView>) -> impl IntoView {
    let placed = Memo::new(move |_| frame.with(layout));
    let lanes = Memo::new(move |_| frame.with(|v| v.rows.len()));
    let describe = move || {
        frame.with(|v| {
            let rows: Vec<String> = v
                .rows
                .iter()
                .map(|r| {
                    format!(
                        "{}: {} passed, {} refused, {} delayed",
                        r.label, r.accepted, r.rejected, r.delayed
                    )
                })
                .collect();
            format!("At {:.1} s. {}.", secs(v.now), rows.join("; "))
        })
    };
    view! {
        <svg class="diagram" viewBox=move || format!("0 0 {W} {}", height(lanes.get())) role="img" aria-label=describe>
            <title>"Requests passing, waiting at or bouncing off each rate limiter"</title>
            {move || (0..lanes.get()).map(|lane| lane_view(lane, frame)).collect_view()}
            {dot_layer(placed)}
        </svg>
        <p class="diagram-legend" aria-hidden="true">
            <span class="key done">"passed"</span>
            <span class="key delayed">"passed after a wait"</span>
            <span class="key waiting">"waiting (nginx delay)"</span>
            <span class="key refused">"refused (below the lane)"</span>
            <span class="box-note">{move || frame.with(|v| format!("Gauges: client {}", v.watched_client))}</span>
        </p>
    }
}
