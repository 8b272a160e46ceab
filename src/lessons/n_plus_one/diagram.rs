//! The live N+1 diagram: each dot is one simulated query, keyed by id, moving from the app
//! (waiting for a connection) over the network to the database (queued or executing).
use crate::ui::kit::dots::{dot_layer, DotPos};
use leptos::prelude::*;
use scalelab_sim::engine::secs;
use scalelab_sim::nplus1::{NPlusOneView, QueryDot};
use std::collections::HashMap;

const W: f64 = 640.0;
const H: f64 = 226.0;
/// Dots drawn per stage at most.
const PER_STAGE: usize = 24;

/// Lays dots out in a grid inside a stage's box, 6 per row.
fn place(out: &mut HashMap<u64, DotPos>, dots: &[QueryDot], x0: f64, y0: f64, class: &'static str) {
    for (i, d) in dots.iter().take(PER_STAGE).enumerate() {
        let (col, row) = ((i % 6) as f64, (i / 6) as f64);
        out.entry(d.id).or_insert(DotPos {
            x: x0 + 12.0 + col * 13.0,
            y: y0 + 40.0 + row * 13.0,
            class,
        });
    }
}

fn layout(v: &NPlusOneView) -> HashMap<u64, DotPos> {
    let mut out = HashMap::new();
    place(&mut out, &v.executing, 500.0, 40.0, "dot serving");
    place(&mut out, &v.db_queue, 500.0, 120.0, "dot waiting");
    place(&mut out, &v.in_network, 290.0, 60.0, "dot done");
    place(
        &mut out,
        &v.waiting_for_connection,
        120.0,
        60.0,
        "dot retry",
    );
    out
}

fn count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 query".into(),
        n => format!("{n} queries"),
    }
}

pub fn nplus1_diagram(frame: Signal<NPlusOneView>) -> impl IntoView {
    let placed = Memo::new(move |_| frame.with(layout));
    let describe = move || {
        frame.with(|v| {
            format!(
                "At {:.1} s: {} page loads in flight, {} queries waiting for a connection, {} of {} connections in use, {} queries executing in the database and {} queued there.",
                secs(v.now),
                v.pages_in_flight,
                v.waiting_for_connection.len(),
                v.pool_in_use,
                v.pool_size,
                v.executing.len(),
                v.db_queue.len()
            )
        })
    };
    let boxes = [
        (10.0, 40.0, 90.0, 140.0, "App servers"),
        (120.0, 40.0, 100.0, 140.0, "Wait for connection"),
        (280.0, 40.0, 100.0, 140.0, "Network"),
        (500.0, 20.0, 130.0, 90.0, "DB executing"),
        (500.0, 120.0, 130.0, 90.0, "DB queue"),
    ]
    .into_iter()
    .map(|(x, y, w, h, label)| {
        view! {
            <rect x=x y=y width=w height=h rx="6" class="sink"></rect>
            <text x=x + 8.0 y=y + 16.0 class="box-label">{label}</text>
        }
    })
    .collect_view();
    view! {
        <svg class="diagram" viewBox=format!("0 0 {W} {H}") role="img" aria-label=describe>
            <title>"Queries flowing through the connection pool to the database"</title>
            {boxes}
            <text x="18" y="80" class="box-note">{move || frame.with(|v| format!("{} pages", v.pages_in_flight))}</text>
            <text x="18" y="98" class="box-note">{move || frame.with(|v| format!("t = {:.1} s", secs(v.now)))}</text>
            <text x="128" y="172" class="box-note">{move || frame.with(|v| count(v.waiting_total))}</text>
            <text x="288" y="172" class="box-note">{move || frame.with(|v| count(v.in_network_total))}</text>
            <text x="508" y="102" class="box-note">{move || frame.with(|v| count(v.executing_total))}</text>
            <text x="508" y="202" class="box-note">{move || frame.with(|v| count(v.db_queue_total))}</text>
            <rect x="120" y="194" width="260" height="10" rx="3" class="gauge"></rect>
            <rect x="120" y="194" height="10" rx="3" class="gauge-fill"
                width=move || frame.with(|v| format!("{:.1}", 260.0 * v.pool_in_use as f64 / v.pool_size.max(1) as f64))></rect>
            <text x="120" y="218" class="box-note">
                {move || frame.with(|v| format!("Connection pool: {} of {} in use", v.pool_in_use, v.pool_size))}
            </text>
            <line x1="100" y1="110" x2="118" y2="110" class="flow"></line>
            <line x1="220" y1="110" x2="278" y2="110" class="flow"></line>
            <line x1="380" y1="110" x2="498" y2="110" class="flow"></line>
            {dot_layer(placed)}
        </svg>
        <p class="diagram-legend" aria-hidden="true">
            <span class="key retry">"waiting for a connection"</span>
            <span class="key done">"on the network"</span>
            <span class="key waiting">"queued in the database"</span>
            <span class="key serving">"executing"</span>
        </p>
    }
}
