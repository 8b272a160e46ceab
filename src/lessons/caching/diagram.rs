//! The live read path: users → CDN → app servers (L1) → Redis → database. Each dot is one
//! simulated read (the most recent 64): on the link before a layer while it travels there,
//! then inside the box of the layer that answered it — a hit stops early, a miss goes all
//! the way to the database, where it queues, runs, or waits for a coalesced query. Each
//! cache box shows its hit ratio so far, evictions and how full it is.
use crate::ui::kit::dots::{dot_layer, DotPos};
use crate::ui::kit::format::{count, percent};
use leptos::prelude::*;
use scalelab_sim::cache::{CacheView, Layer, LayerFill, RequestDot, Stage};
use scalelab_sim::engine::secs;
use std::collections::HashMap;

const W: f64 = 720.0;
const H: f64 = 250.0;
const TOP: f64 = 24.0;
const BOX_H: f64 = 176.0;
const STEP: f64 = 12.0;
/// Dot grid rows inside a box.
const ROWS: usize = 7;

/// One column of the diagram: x and width of its box.
#[derive(Clone, Copy)]
struct Column {
    x: f64,
    w: f64,
}

const USERS: Column = Column { x: 6.0, w: 74.0 };

fn column(layer: Layer) -> Column {
    match layer {
        Layer::Cdn => Column { x: 104.0, w: 112.0 },
        Layer::L1 => Column { x: 240.0, w: 124.0 },
        Layer::Redis => Column { x: 388.0, w: 112.0 },
        Layer::Db => Column { x: 524.0, w: 190.0 },
    }
}

impl Column {
    fn cols(self) -> usize {
        ((self.w - 16.0) / STEP) as usize
    }
    /// The i-th place of the box's dot grid (row by row from the top).
    fn slot(self, i: usize) -> Option<(f64, f64)> {
        let cols = self.cols();
        (i < cols * ROWS).then(|| {
            (
                self.x + 14.0 + (i % cols) as f64 * STEP,
                TOP + 56.0 + (i / cols) as f64 * STEP,
            )
        })
    }
}

fn class(d: &RequestDot) -> &'static str {
    match d.stage {
        Stage::Travelling => "dot moving",
        Stage::Queued => "dot waiting",
        Stage::InService => "dot serving",
        Stage::Waiting => "dot retry",
        Stage::Done if d.stale => "dot stale",
        Stage::Done => "dot done",
        Stage::Rejected => "dot refused",
    }
}

/// Database dots in the order the box lists them: running, coalesced, queued, answered.
fn db_rank(stage: Stage) -> u8 {
    match stage {
        Stage::InService => 0,
        Stage::Waiting => 1,
        Stage::Queued => 2,
        _ => 3,
    }
}

fn layout(v: &CacheView) -> HashMap<u64, DotPos> {
    let mut out = HashMap::new();
    let mut filled: HashMap<Layer, usize> = HashMap::new();
    let mut on_link: HashMap<Layer, usize> = HashMap::new();
    let mut rejected = 0usize;
    // Newest first, so the newest dots always find a place.
    let mut dots: Vec<&RequestDot> = v.dots.iter().rev().collect();
    dots.sort_by_key(|d| {
        (d.layer == Layer::Db && d.stage != Stage::Travelling).then(|| db_rank(d.stage))
    });
    for d in dots {
        let pos = match d.stage {
            Stage::Travelling => {
                let n = on_link.entry(d.layer).or_default();
                *n += 1;
                let x = column(d.layer).x - 12.0;
                (*n <= ROWS + 3).then_some((x, TOP + 40.0 + *n as f64 * STEP))
            }
            Stage::Rejected => {
                rejected += 1;
                let c = column(Layer::Db);
                (rejected <= c.cols())
                    .then_some((c.x + 2.0 + rejected as f64 * STEP, TOP + BOX_H + 16.0))
            }
            // A read a cache answered keeps one place (by its id) while it stays on screen,
            // so the box fills like a tally instead of every dot shifting on each arrival.
            Stage::Done if d.answered_by.is_some_and(|l| l != Layer::Db) => {
                let c = column(d.answered_by.unwrap_or(d.layer));
                c.slot(d.id as usize % (c.cols() * ROWS))
            }
            _ => {
                let layer = d.answered_by.unwrap_or(d.layer);
                let n = filled.entry(layer).or_default();
                *n += 1;
                column(layer).slot(*n - 1)
            }
        };
        if let Some((x, y)) = pos {
            out.insert(
                d.id,
                DotPos {
                    x,
                    y,
                    class: class(d),
                },
            );
        }
    }
    out
}

fn fill_of(v: &CacheView, layer: Layer) -> Option<&LayerFill> {
    v.layers.iter().find(|f| f.layer == layer)
}

fn hit_note(f: &LayerFill) -> String {
    if f.lookups == 0 {
        "no lookups yet".into()
    } else {
        format!("hit {}", percent(f.hits as f64 / f.lookups as f64))
    }
}

fn lookups_note(f: &LayerFill) -> String {
    match f.lookups {
        0 => String::new(),
        1 => "of 1 lookup".into(),
        n => format!("of {} lookups", count(n)),
    }
}

/// A cache layer's box: label, hit ratio, evictions, and a fill gauge (or "off").
fn cache_box(layer: Layer, frame: Signal<CacheView>) -> impl IntoView {
    let c = column(layer);
    let on = move || frame.with(|v| fill_of(v, layer).is_some());
    let read = move |f: fn(&LayerFill, &CacheView) -> String| {
        move || frame.with(|v| fill_of(v, layer).map(|x| f(x, v)).unwrap_or_default())
    };
    let gauge_w = c.w - 16.0;
    let label = match layer {
        Layer::L1 => "App servers (L1)",
        other => other.label(),
    };
    view! {
        <rect x=c.x y=TOP width=c.w height=BOX_H rx="6" class="sink" class:off=move || !on()></rect>
        <text x=c.x + 8.0 y=TOP + 16.0 class="box-label">{label}</text>
        <text x=c.x + 8.0 y=TOP + 32.0 class="box-note">
            {move || if on() { String::new() } else { "off".to_string() }}
            {read(|f, _| hit_note(f))}
        </text>
        <text x=c.x + 8.0 y=TOP + 44.0 class="box-note">{read(|f, _| lookups_note(f))}</text>
        <Show when=on>
            <text x=c.x + 8.0 y=TOP + BOX_H - 32.0 class="box-note">
                {read(|f, v| if f.layer == Layer::L1 { format!("{} servers · {} evicted", v.servers, count(f.evictions)) } else { format!("{} evicted", count(f.evictions)) })}
            </text>
            <rect x=c.x + 8.0 y=TOP + BOX_H - 24.0 width=gauge_w height="8" rx="3" class="gauge"></rect>
            <rect x=c.x + 8.0 y=TOP + BOX_H - 24.0 height="8" rx="3" class="gauge-fill"
                width=move || frame.with(|v| format!("{:.1}", fill_of(v, layer).map_or(0.0, |f| f.fill) * gauge_w))></rect>
            <text x=c.x + 8.0 y=TOP + BOX_H - 4.0 class="box-note">
                {read(|f, _| format!("{} / {} entries", count(f.entries), count(f.capacity)))}
            </text>
        </Show>
    }
}

fn describe(v: &CacheView) -> String {
    let layers: Vec<String> = Layer::CACHES
        .into_iter()
        .map(|l| match fill_of(v, l) {
            None => format!("{} off", l.label()),
            Some(f) => format!(
                "{}: {} {}, {} of {} entries",
                l.label(),
                hit_note(f),
                lookups_note(f),
                count(f.entries),
                count(f.capacity)
            ),
        })
        .collect();
    format!(
        "At {:.1} s. {}. Database: {} of {} slots running, {} queued, {} waiting for a coalesced query.",
        secs(v.now),
        layers.join("; "),
        v.db_in_service,
        v.db_slots,
        v.db_queued,
        v.db_waiting
    )
}

pub fn cache_diagram(frame: Signal<CacheView>) -> impl IntoView {
    let placed = Memo::new(move |_| frame.with(layout));
    let db = column(Layer::Db);
    let links = [USERS.x + USERS.w, 216.0, 364.0, 500.0]
        .into_iter()
        .zip([104.0, 240.0, 388.0, 524.0])
        .map(
            |(x1, x2)| view! { <line x1=x1 y1=TOP + 30.0 x2=x2 y2=TOP + 30.0 class="flow"></line> },
        )
        .collect_view();
    view! {
        <svg class="diagram" viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || frame.with(describe)>
            <title>"Reads walking through the cache layers to the database"</title>
            <rect x=USERS.x y=TOP width=USERS.w height=BOX_H rx="6" class="sink"></rect>
            <text x=USERS.x + 8.0 y=TOP + 16.0 class="box-label">"Users"</text>
            <text x=USERS.x + 8.0 y=TOP + 32.0 class="box-note">{move || frame.with(|v| format!("t = {:.1} s", secs(v.now)))}</text>
            <text x=USERS.x + 8.0 y=TOP + 48.0 class="box-note">{move || frame.with(|v| format!("{} in flight", count(v.in_flight as u64)))}</text>
            {links}
            {cache_box(Layer::Cdn, frame)}
            {cache_box(Layer::L1, frame)}
            {cache_box(Layer::Redis, frame)}
            <rect x=db.x y=TOP width=db.w height=BOX_H rx="6" class="sink"></rect>
            <text x=db.x + 8.0 y=TOP + 16.0 class="box-label">"Database"</text>
            <text x=db.x + 8.0 y=TOP + 32.0 class="box-note">
                {move || frame.with(|v| format!("{} of {} slots busy · {} queued", v.db_in_service, v.db_slots, count(v.db_queued as u64)))}
            </text>
            <text x=db.x + 8.0 y=TOP + BOX_H - 4.0 class="box-note">
                {move || frame.with(|v| if v.db_waiting > 0 { format!("{} waiting for a shared query", count(v.db_waiting as u64)) } else { String::new() })}
            </text>
            {dot_layer(placed)}
        </svg>
        <p class="diagram-legend" aria-hidden="true">
            <span class="key moving">"on its way to the next layer"</span>
            <span class="key done">"answered (in the box that answered)"</span>
            <span class="key stale">"answered with stale data (ring)"</span>
            <span class="key waiting">"queued at the database"</span>
            <span class="key serving">"query running"</span>
            <span class="key retry">"waiting for another read's query"</span>
            <span class="key refused">"rejected (database queue full)"</span>
        </p>
    }
}
