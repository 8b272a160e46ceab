//! "Hit ratio against cache size": one cache under the demo's key popularity, each eviction
//! policy simulated at a few sizes (points) beside its theory curve (lines), with the sizes
//! of the enabled layers marked. It depends only on the popularity (keys, distribution, α)
//! and the seed, and is computed in slices of a few milliseconds after those change.
use crate::ui::demo::runner::{run_units, RunToken};
use crate::ui::kit::charts::{chart_frame, round3};
use crate::ui::kit::format;
use crate::ui::widgets::{
    chart::{ChartSpec, ChartView},
    table::DataTable,
};
use charming::{
    component::Axis,
    element::{AxisType, ItemStyle, LineStyle, LineStyleType, NameLocation, Symbol},
    series::{Line, Scatter},
    Chart,
};
use leptos::prelude::*;
use scalelab_sim::cache::{
    curve_sizes, simulate_hit_ratio, theory, CacheParams, KeyDist, KeySampler, Layer, Policy,
};
use scalelab_sim::params::ChoiceEnum;

/// Sizes simulated per policy, and sizes the theory lines are drawn at.
const SIM_POINTS: usize = 8;
const THEORY_POINTS: usize = 24;
/// Requests per simulated point (after a warm-up that fills the cache). ~10 ms of work in
/// wasm each; the sampling error of a hit ratio is then about ±0.005.
pub const REQUESTS: u64 = 40_000;
pub const WARMUP: u64 = 10_000;

const COLOURS: [&str; 4] = ["#0072b2", "#e69f00", "#009e73", "#cc79a7"];

/// What the curve depends on.
#[derive(Clone, Debug, PartialEq)]
struct Popularity {
    dist: KeyDist,
    keys: u32,
    alpha: f64,
}

/// The computed points: theory at many sizes (LRU, LFU, FIFO/random), simulation at a few.
#[derive(Clone, Debug, Default, PartialEq)]
struct Curve {
    theory: Vec<(u32, [f64; 3])>,
    simulated: Vec<(Policy, u32, f64)>,
}

/// The pieces of work behind a [`Curve`]: each theory size, then each (policy, size) to
/// simulate, in the order they are computed.
enum Piece {
    Theory(u32),
    Simulate(Policy, u32),
}

fn pieces(keys: u32) -> Vec<Piece> {
    let sim_sizes = curve_sizes(keys, SIM_POINTS);
    curve_sizes(keys, THEORY_POINTS)
        .into_iter()
        .map(Piece::Theory)
        .chain(
            Policy::ALL
                .into_iter()
                .flat_map(|p| sim_sizes.iter().map(move |&c| Piece::Simulate(p, c))),
        )
        .collect()
}

impl Curve {
    fn compute(&mut self, piece: &Piece, pop: &theory::Popularity, keys: &KeySampler, seed: u64) {
        match *piece {
            Piece::Theory(c) => self.theory.push((
                c,
                [
                    theory::lru(pop, c),
                    theory::lfu(pop, c),
                    theory::fifo_random(pop, c),
                ],
            )),
            Piece::Simulate(policy, c) => {
                let h = simulate_hit_ratio(keys, policy, c, WARMUP, REQUESTS, seed);
                self.simulated.push((policy, c, h));
            }
        }
    }
}

fn chart(curve: &Curve, marks: &[(Layer, u32)], keys: u32) -> ChartSpec {
    let x_axis = Axis::new()
        .type_(AxisType::Log)
        .name("cache size (entries, log scale)")
        .name_location(NameLocation::Middle)
        .name_gap(26)
        .min(1)
        .max(f64::from(keys.max(2)));
    let y_axis = Axis::new()
        .type_(AxisType::Value)
        .name("hit ratio")
        .min(0)
        .max(1);
    let mut c = chart_frame(x_axis, y_axis, false);
    let theory_lines = [
        ("LRU theory (Che)", 0, COLOURS[0]),
        ("LFU theory (top-C)", 1, COLOURS[1]),
        ("FIFO / random theory", 2, COLOURS[2]),
    ];
    for (name, i, colour) in theory_lines {
        let data: Vec<Vec<f64>> = curve
            .theory
            .iter()
            .map(|(c, h)| vec![f64::from(*c), round3(h[i])])
            .collect();
        c = c.series(
            Line::new()
                .name(name)
                .show_symbol(false)
                .symbol(Symbol::None)
                .item_style(ItemStyle::new().color(colour))
                .line_style(LineStyle::new().type_(LineStyleType::Dashed).color(colour))
                .data(data),
        );
    }
    for (k, policy) in Policy::ALL.into_iter().enumerate() {
        let data: Vec<Vec<f64>> = curve
            .simulated
            .iter()
            .filter(|(p, ..)| *p == policy)
            .map(|(_, c, h)| vec![f64::from(*c), round3(*h)])
            .collect();
        let name = format!("{} simulated", policy.value().to_uppercase());
        let mut s = Scatter::new()
            .name(name)
            .symbol_size(9)
            .item_style(ItemStyle::new().color(COLOURS[k]))
            .data(data);
        if policy == Policy::Random {
            s = s.symbol(Symbol::Diamond);
        }
        c = c.series(s);
    }
    for (layer, size) in marks {
        c = c.series(
            Line::new()
                .name(format!("{} size", layer.label()))
                .show_symbol(false)
                .symbol(Symbol::None)
                .line_style(
                    LineStyle::new()
                        .type_(LineStyleType::Dotted)
                        .color("#888888"),
                )
                .item_style(ItemStyle::new().color("#888888"))
                .data(vec![
                    vec![f64::from(*size), 0.0],
                    vec![f64::from(*size), 1.0],
                ]),
        );
    }
    let mut table = DataTable::new(&[
        "cache size (entries)",
        "policy",
        "simulated hit ratio",
        "theory",
    ]);
    let pop_theory = |policy: Policy, size: u32| {
        curve
            .theory
            .iter()
            .find(|(c, _)| *c == size)
            .map(|(_, h)| match policy {
                Policy::Lru => h[0],
                Policy::Lfu => h[1],
                Policy::Fifo | Policy::Random => h[2],
            })
    };
    for (policy, size, h) in &curve.simulated {
        table.push(vec![
            format::count(u64::from(*size)),
            policy.value().to_uppercase(),
            format!("{h:.3}"),
            pop_theory(*policy, *size)
                .map(|t| format!("{t:.3}"))
                .unwrap_or_default(),
        ]);
    }
    let at = |size: u32| {
        curve
            .theory
            .iter()
            .min_by_key(|(c, _)| c.abs_diff(size))
            .map(|(c, h)| {
                format!(
                    "{} entries: LRU {}, LFU {}",
                    format::count(u64::from(*c)),
                    format::percent(h[0]),
                    format::percent(h[1])
                )
            })
            .unwrap_or_default()
    };
    ChartSpec::new("hit-ratio-vs-size", "Hit ratio against cache size, one cache", c)
        .alt(format!(
            "Hit ratio of a single cache against its size on a log scale, for LRU, LFU, FIFO and random eviction: simulated points beside theory lines. The curve rises steeply at small sizes and flattens; at {}.",
            at((keys / 10).max(1))
        ))
        .table(table)
}

/// The curve's chart card (shown once computed; recomputed when the popularity changes).
pub fn curve_view(params: Signal<CacheParams>, seed: Signal<u64>) -> impl IntoView {
    let popularity = Memo::new(move |_| {
        params.with(|p| Popularity {
            dist: p.key_dist,
            keys: p.keys.max(1),
            alpha: p.alpha,
        })
    });
    let marks = Memo::new(move |_| {
        params.with(|p| {
            Layer::CACHES
                .into_iter()
                .filter_map(|l| {
                    p.layer(l)
                        .filter(|lp| lp.on)
                        .map(|lp| (l, lp.size.min(p.keys).max(1)))
                })
                .collect::<Vec<_>>()
        })
    });
    let curve = RwSignal::new(None::<Curve>);
    let token = RunToken::default();
    Effect::new(move |_| {
        let pop = popularity.get();
        let seed = seed.get();
        curve.set(None);
        let p = CacheParams {
            key_dist: pop.dist,
            keys: pop.keys,
            alpha: pop.alpha,
            ..CacheParams::default()
        };
        let keys = KeySampler::stationary(&p);
        let theory_pop = theory::Popularity::new(pop.dist, pop.keys, pop.alpha);
        let mut work = Curve::default();
        let mut todo = pieces(pop.keys).into_iter();
        run_units(token, move || match todo.next() {
            Some(piece) => {
                work.compute(&piece, &theory_pop, &keys, seed);
                true
            }
            None => {
                curve.try_set(Some(std::mem::take(&mut work)));
                false
            }
        });
    });
    on_cleanup(move || token.cancel());
    // A memo: the chart is built once per new curve or marks, not on every read.
    let spec = Memo::new(move |_| {
        curve.with(|c| {
            c.as_ref()
                .map(|c| chart(c, &marks.get(), popularity.with(|p| p.keys)))
                .unwrap_or_else(|| {
                    ChartSpec::new(
                        "hit-ratio-vs-size",
                        "Hit ratio against cache size (computing…)",
                        Chart::new(),
                    )
                })
        })
    });
    view! {
        <div class="charts curve">
            <ChartView spec=spec />
        </div>
    }
}
