//! The demo panel: one per lesson page or embed. It composes the shared parts — URL state,
//! the statistics run, the animation, embed height, exports — around the lesson's own
//! diagram, charts and summary, and lays them out.
use super::animation::use_animation;
use super::compare::compare_controls;
use super::embed::use_embed_height;
use super::export::exports;
use super::parts::{chart_grid, detail_tables, on_demo_key, preset_buttons};
use super::stats_run::use_statistics_run;
use super::url_state::use_url_state;
use super::Demo;
use crate::lessons::Lesson;
use crate::ui::dom;
use crate::ui::widgets::{
    controls::param_controls,
    notices::NoticeList,
    playback::PlaybackBar,
    progress::RunProgress,
    share::{embed_snippet, SharePanel},
    table::DataTableView,
};
use leptos::{html::Section, prelude::*};

pub use super::url_state::PANEL_KEYS;

/// Where the panel is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelMode {
    Lesson,
    Embed,
}

pub fn demo_panel<D: Demo>(lesson: &'static Lesson, mode: PanelMode) -> impl IntoView {
    crate::ui::widgets::echarts::warm_up_once();
    let embed = mode == PanelMode::Embed;
    let state = use_url_state::<D::Params>(embed);
    // Under prefers-reduced-motion nothing starts moving by itself (autoplay, presets); the
    // diagram instead shows a still of the run part-way through, which Play or Step advance.
    let reduced_motion = crate::ui::theme::use_display().reduced_motion;
    let stats = use_statistics_run::<D>(state);
    let anim = use_animation::<D>(state, reduced_motion);
    if state.autoplay && !reduced_motion.get_untracked() {
        state.playback.playing.set(true);
    }
    let runs = stats.runs;
    let charts = Memo::new(move |_| {
        runs.with(|r| {
            r.as_ref()
                .map(|r| D::charts(r, anim.cursor.get()))
                .unwrap_or_default()
        })
    });
    let summary = Memo::new(move |_| runs.with(|r| r.as_ref().map(D::summary).unwrap_or_default()));
    let details = Memo::new(move |_| runs.with(|r| r.as_ref().map(D::details).unwrap_or_default()));

    let slug = lesson.slug;
    let query = state.query;
    let link =
        Signal::derive(move || dom::absolute_url(&format!("/lessons/{slug}?{}", query.get())));
    let embed_src =
        Signal::derive(move || dom::absolute_url(&format!("/embed/{slug}?{}", query.get())));
    let title = format!("ScaleLab: {}", lesson.title);
    let embed_code = Signal::derive(move || embed_snippet(&embed_src.get(), &title));
    let downloads = exports::<D>(slug, state, runs);
    let root = NodeRef::<Section>::new();
    if embed {
        use_embed_height(root, slug, runs);
    }
    let hide_controls = state.controls_hidden;

    view! {
        <section class="demo" class:embed=embed node_ref=root on:keydown=on_demo_key(state.playback) aria-label=lesson.title tabindex="-1">
            <NoticeList notices=state.notices />
            {preset_buttons(D::presets(), state, reduced_motion)}
            <div class="diagram-wrap" tabindex="0">{D::diagram(anim.frame.into())}</div>
            <PlaybackBar playback=state.playback clock=anim.clock />
            <Show when=move || reduced_motion.get()>
                <p class="motion-note">
                    "Reduced motion is on: nothing moves by itself. The diagram shows the run part-way through ("
                    {move || anim.clock.get()}
                    "); Play or Step advance it."
                </p>
            </Show>
            <RunProgress progress=stats.progress on_cancel=stats.cancel />
            <Show when=move || !hide_controls>
                {param_controls(state.params, state.notices)}
                {compare_controls(state.params, state.compare)}
            </Show>
            <Show when=move || runs.with(|r| r.is_some())>
                <DataTableView table=summary caption=Signal::derive(|| "Summary of the run".to_string()) />
                {detail_tables(details)}
                {D::extra(state.params.into(), state.playback.seed.into(), anim.live)}
                {chart_grid::<D>(charts)}
            </Show>
            <SharePanel link=link embed=embed_code on_csv=downloads.csv on_json=downloads.json />
            {embed.then(|| view! {
                <p class="open-in">
                    <a href=move || link.get() target="_blank" rel="noopener">"Open in ScaleLab ↗"</a>
                </p>
            })}
        </section>
    }
}
