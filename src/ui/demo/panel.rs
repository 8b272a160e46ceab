//! The demo panel: one per lesson page or embed. It reads the URL, owns the parameters,
//! keeps the URL in step, runs the statistics run and the animation, and lays out the
//! shared widgets around the demo's own diagram and charts.
use super::compare::{compare_controls, Compare};
use super::runner::{run_sliced, RunToken};
use super::{Demo, LiveEdit, Preset, Runs};
use crate::params::query::{from_query, to_query};
use crate::params::Params;
use crate::sim::engine::{from_secs, secs, SimTime};
use crate::sim::Simulation;
use crate::ui::dom;
use crate::ui::widgets::{
    chart::{ChartSpec, ChartView},
    controls::param_controls,
    notices::NoticeList,
    playback::{Playback, PlaybackBar},
    progress::RunProgress,
    share::{embed_snippet, SharePanel},
    table::DataTableView,
};
use leptos::{html::Section, prelude::*};
use leptos_use::use_resize_observer;
use std::time::Duration;

/// Query keys the panel itself understands (besides the demo's parameters and `seed`).
pub const PANEL_KEYS: &[&str] = &["controls", "autoplay", "cmp", "cmpv"];
/// Animation tick: ~30 frames per second.
const TICK: Duration = Duration::from_millis(33);
/// The address bar is updated this long after the last settings change.
const URL_DELAY_MS: u32 = 150;
/// Charts follow the animation cursor at most this often.
const CURSOR_EVERY_MS: f64 = 250.0;

/// Where the panel is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelMode {
    Lesson,
    Embed,
}

pub fn demo_panel<D: Demo>(presets: Vec<Preset<D::Params>>, mode: PanelMode) -> impl IntoView {
    crate::ui::widgets::echarts::warm_up_once();
    let parsed = from_query::<D::Params>(&dom::current_query(), PANEL_KEYS);
    let mut first_notices = parsed.notices;
    let compare = RwSignal::new(Compare::from_extras::<D::Params>(
        &parsed.extras,
        &mut first_notices,
    ));
    let embed_flags: Vec<(&'static str, String)> = ["controls", "autoplay"]
        .into_iter()
        .filter_map(|k| parsed.extras.get(k).map(|v| (k, v.clone())))
        .collect();
    let hide_controls =
        mode == PanelMode::Embed && parsed.extras.get("controls").map(String::as_str) == Some("0");
    let autoplay = parsed.extras.get("autoplay").map(String::as_str) == Some("1");

    // Under prefers-reduced-motion nothing starts moving by itself (autoplay, presets); the
    // diagram instead shows a still of the run part-way through, which Play or Step advance.
    let reduced_motion = crate::ui::theme::use_display().reduced_motion;
    let params = RwSignal::new(parsed.params);
    let notices = RwSignal::new(first_notices);
    let playback = Playback::new(parsed.seed);

    // Keep the URL in step with every setting (replaceState: no history spam).
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
    // The address bar follows once the settings rest: a slider drag fires dozens of input
    // events, and each `history.replaceState` costs milliseconds (Chrome also throttles
    // pages that call it too often). The share link and embed code read `query` directly.
    let pending_url: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |_| {
        let q = query.get();
        // Replacing the timer drops (cancels) the previous one.
        pending_url.set_value(Some(gloo_timers::callback::Timeout::new(
            URL_DELAY_MS,
            move || dom::replace_query(&q),
        )));
    });
    // Leaving the page cancels a pending update (it would rewrite the next page's address).
    on_cleanup(move || {
        let _ = pending_url.try_set_value(None);
    });

    // The statistics run(s): to the end, time-sliced.
    let runs = RwSignal::new(None::<Runs<D::Report>>);
    let progress = RwSignal::new(None::<f64>);
    let token = RunToken::default();
    Effect::new(move |_| {
        let a = params.get();
        let seed = playback.seed.get();
        let b = compare.get().and_then(|c| c.apply(&a));
        let mut sims = vec![D::simulate(&a, seed)];
        let b_label = b.as_ref().map(|(p, label)| {
            sims.push(D::simulate(p, seed));
            label.clone()
        });
        run_sliced(sims, token, progress, move |mut reports, done| {
            let b = b_label
                .clone()
                .and_then(|label| reports.pop().map(|r| (r, label)));
            if let Some(a) = reports.pop() {
                runs.try_set(Some(Runs { a, b, done }));
            }
        });
    });
    let cancel = Callback::new(move |_| {
        token.cancel();
        progress.set(None);
    });

    // The playback run: same parameters and seed, stepped by the clock.
    let play: StoredValue<Option<D::Sim>, LocalStorage> = StoredValue::new_local(None);
    let frame = RwSignal::new(D::frame(&D::simulate(&params.get_untracked(), parsed.seed)));
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
    // Live edits replay the new run up to the animation's time (bounded work per edit).
    let resume_at = StoredValue::new(None::<f64>);
    let live = LiveEdit {
        now_secs,
        apply: Callback::new(move |p: D::Params| {
            resume_at.set_value(Some(now_secs.get_value()));
            let (p, changed) = p.validate();
            notices.set(changed);
            params.set(p);
        }),
    };
    Effect::new(move |_| {
        let mut sim = D::simulate(&params.get(), playback.seed.get());
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
        token.cancel();
    });
    if autoplay && !reduced_motion.get_untracked() {
        playback.playing.set(true);
    }

    let charts = Memo::new(move |_| {
        runs.with(|r| {
            r.as_ref()
                .map(|r| D::charts(r, cursor.get()))
                .unwrap_or_default()
        })
    });
    let summary = Memo::new(move |_| runs.with(|r| r.as_ref().map(D::summary).unwrap_or_default()));
    let details = Memo::new(move |_| runs.with(|r| r.as_ref().map(D::details).unwrap_or_default()));

    let link =
        Signal::derive(move || dom::absolute_url(&format!("/lessons/{}?{}", D::SLUG, query.get())));
    let embed_src =
        Signal::derive(move || dom::absolute_url(&format!("/embed/{}?{}", D::SLUG, query.get())));
    let embed_code =
        Signal::derive(move || embed_snippet(&embed_src.get(), &format!("ScaleLab: {}", D::TITLE)));
    let on_csv = Callback::new(move |_| {
        runs.with_untracked(|r| {
            if let Some(r) = r {
                let csv = format!("{}\r\n{}", D::summary(r).to_csv(), D::series(&r.a).to_csv());
                dom::download_text(&format!("scalelab-{}.csv", D::SLUG), "text/csv", &csv);
            }
        })
    });
    let on_json = Callback::new(move |_| {
        runs.with_untracked(|r| {
            if let Some(r) = r {
                let json = serde_json::json!({
                    "demo": D::SLUG,
                    "seed": playback.seed.get_untracked(),
                    "params": params.get_untracked(),
                    "report": r.a,
                    "compare": r.b.as_ref().map(|(b, label)| serde_json::json!({ "label": label, "report": b })),
                });
                let text = serde_json::to_string_pretty(&json).unwrap_or_default();
                dom::download_text(&format!("scalelab-{}.json", D::SLUG), "application/json", &text);
            }
        })
    });

    // Embeds tell their host page how tall they are, so the iframe can fit its content: on
    // every resize, and after each new run is drawn (a timer, because a cross-origin iframe
    // that is not being painted never gets resize callbacks). Only changes are sent.
    let root = NodeRef::<Section>::new();
    if mode == PanelMode::Embed {
        let last_height = StoredValue::new(0);
        // May run from a timer after the page is gone: every access is a `try_`.
        let post_height = move || {
            let Some(el) = root.try_get_untracked().flatten() else {
                return;
            };
            let height = el.scroll_height();
            if last_height.try_get_value() == Some(height) {
                return;
            }
            last_height.try_set_value(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"scalelab:height".into());
            let _ = js_sys::Reflect::set(&message, &"demo".into(), &D::SLUG.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            dom::post_to_parent(&message);
        };
        use_resize_observer(root, move |_, _| post_height());
        Effect::new(move |_| {
            runs.track();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(50).await;
                post_height();
            });
        });
    }

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| {
                matches!(
                    el.tag_name().as_str(),
                    "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
                )
            })
            .unwrap_or(false);
        if !typing
            && !ev.ctrl_key()
            && !ev.meta_key()
            && !ev.alt_key()
            && playback.on_key(&ev.key())
        {
            ev.prevent_default();
        }
    };

    let preset_buttons = presets
        .into_iter()
        .map(|preset| {
            let Preset {
                name,
                hint,
                params: preset_params,
                compare: preset_compare,
            } = preset;
            view! {
                <button
                    type="button"
                    class="preset"
                    title=hint
                    on:click=move |_| {
                        let (p, changed) = preset_params.clone().validate();
                        notices.set(changed);
                        params.set(p);
                        if let Some((key, value)) = preset_compare {
                            compare.set(Compare::from_pair::<D::Params>(key, value));
                        }
                        if !reduced_motion.get_untracked() {
                            playback.playing.set(true);
                        }
                    }
                >
                    {name}
                </button>
            }
        })
        .collect_view();

    view! {
        <section class="demo" class:embed=mode == PanelMode::Embed node_ref=root on:keydown=on_keydown aria-label=D::TITLE tabindex="-1">
            <NoticeList notices=notices />
            <div class="presets" role="group" aria-label="Try this">
                <span class="presets-label">"Try this:"</span>
                {preset_buttons}
            </div>
            <div class="diagram-wrap" tabindex="0">{D::diagram(frame.into())}</div>
            <PlaybackBar playback=playback clock=clock />
            <Show when=move || reduced_motion.get()>
                <p class="motion-note">
                    "Reduced motion is on: nothing moves by itself. The diagram shows the run part-way through ("
                    {move || clock.get()}
                    "); Play or Step advance it."
                </p>
            </Show>
            <RunProgress progress=progress on_cancel=cancel />
            <Show when=move || !hide_controls>
                {param_controls(params, notices)}
                {compare_controls(params, compare)}
            </Show>
            <Show when=move || runs.with(|r| r.is_some())>
                <DataTableView table=summary caption=Signal::derive(|| "Summary of the run".to_string()) />
                {move || {
                    details
                        .get()
                        .into_iter()
                        .map(|(title, table)| {
                            let caption = title.clone();
                            // Built only once opened: a folded log of hundreds of rows costs
                            // nothing until the reader asks for it.
                            let open = RwSignal::new(false);
                            let table = StoredValue::new(table);
                            view! {
                                <details class="detail-table" on:toggle=move |ev| {
                                    let el: web_sys::HtmlDetailsElement = event_target(&ev);
                                    open.set(el.open());
                                }>
                                    <summary>{title}</summary>
                                    <Show when=move || open.get()>
                                        <DataTableView table=Signal::derive(move || table.get_value()) caption=Signal::derive({ let caption = caption.clone(); move || caption.clone() }) />
                                    </Show>
                                </details>
                            }
                        })
                        .collect_view()
                }}
                {D::extra(params.into(), playback.seed.into(), live)}
                <div class="charts">
                    {D::CHARTS
                        .iter()
                        .enumerate()
                        .map(|(i, _)| {
                            // A memo: one copy per new run (a derived signal copied the
                            // whole option and table on every read), and an unchanged chart
                            // is not redrawn.
                            let spec = Memo::new(move |_| charts.with(|c| c.get(i).cloned().unwrap_or_else(empty_chart)));
                            view! { <ChartView spec=spec /> }
                        })
                        .collect_view()}
                </div>
            </Show>
            <SharePanel link=link embed=embed_code on_csv=on_csv on_json=on_json />
            {(mode == PanelMode::Embed)
                .then(|| {
                    view! {
                        <p class="open-in">
                            <a href=move || link.get() target="_blank" rel="noopener">"Open in ScaleLab ↗"</a>
                        </p>
                    }
                })}
        </section>
    }
}

/// Events a live edit may replay at most; past that the animation resumes where it got to.
const FAST_FORWARD_EVENTS: u64 = 200_000;
/// Events the reduced-motion still may take at most (a short pause on each change).
const STILL_EVENTS: u64 = 50_000;

/// Steps `sim` to time `t` in 100 slices, stopping early after `max_events`.
fn fast_forward<S: Simulation>(sim: &mut S, t: SimTime, max_events: u64) {
    for i in 1..=100u64 {
        sim.step_until(t.saturating_mul(i) / 100);
        if sim.events() > max_events {
            break;
        }
    }
}

fn empty_chart() -> ChartSpec {
    ChartSpec::new("empty", "", charming::Chart::new())
}
