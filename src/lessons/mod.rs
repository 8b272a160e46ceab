//! The lesson registry. A lesson is one entry in [`LESSONS`]: its slug, title, pitch, group
//! and icon, and — once it is built — its text and demo. The routes, the home page's cards,
//! the embed routes, `scripts/routes.txt` and the end-to-end tests' route list all come from
//! this list (`tests/registry.rs` checks the files against it); nothing else matches on slugs.
//!
//! ```text
//! mod.rs            this registry: groups, the Lesson entry, the coming-soon cards
//! <lesson>/mod.rs   one lesson: its entry (LESSON) and its Demo impl
//! <lesson>/text.rs  the lesson in our own words       <lesson>/presets.rs  "Try this"
//! <lesson>/…        its diagram, charts and summary (the view of its model in scalelab_sim)
//! ```
//! Each built lesson sits behind a Cargo feature of the same name (all on by default), so a
//! build with one lesson's feature holds only that lesson's code.
use crate::ui::demo::panel::PanelMode;
use crate::ui::demo::{demo_view, preset_queries, Demo, PresetQuery};
use leptos::prelude::*;

#[cfg(feature = "caching")]
pub mod caching;
#[cfg(feature = "n-plus-one")]
pub mod n_plus_one;
#[cfg(feature = "queues")]
pub mod queues;
#[cfg(feature = "rate-limiting")]
pub mod rate_limiting;

/// A section of the home page, as the source posts group their ideas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Growing,
    DataLayer,
    AbsorbingLoad,
    Measuring,
}

impl Group {
    /// In the order the home page shows them.
    pub const ALL: [Group; 4] = [
        Group::Growing,
        Group::DataLayer,
        Group::AbsorbingLoad,
        Group::Measuring,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Growing => "Growing the system",
            Group::DataLayer => "The data layer",
            Group::AbsorbingLoad => "Absorbing load and failure",
            Group::Measuring => "Measuring",
        }
    }

    pub fn blurb(self) -> &'static str {
        match self {
            Group::Growing => {
                "Scaling up, scaling out and scaling on demand — and what each costs."
            }
            Group::DataLayer => {
                "Most slow systems are slow at the database. Cache, batch, replicate, shard."
            }
            Group::AbsorbingLoad => {
                "Queues, rate limits and circuit breakers keep a busy system standing."
            }
            Group::Measuring => {
                "Percentiles, load tests and the numbers that tell you where to look."
            }
        }
    }
}

/// One lesson: a card on the home page and, once built, a lesson page and an embed.
#[derive(Clone, Copy, Debug)]
pub struct Lesson {
    /// The URL slug: `/lessons/<slug>`, `/embed/<slug>`.
    pub slug: &'static str,
    pub title: &'static str,
    pub pitch: &'static str,
    pub group: Group,
    /// A small picture for the card: SVG path data in a 24×24 box, drawn as strokes.
    pub icon: &'static str,
    /// The text and the demo; `None` while the lesson is coming soon.
    pub content: Option<LessonContent>,
}

/// What a built lesson shows. Made from the lesson's [`Demo`] by [`LessonContent::of`].
#[derive(Clone, Copy, Debug)]
pub struct LessonContent {
    pub text: fn() -> AnyView,
    pub demo: fn(&'static Lesson, PanelMode) -> AnyView,
    /// Every preset as the URL query it sets (for the registry's tests).
    pub presets: fn() -> Vec<PresetQuery>,
}

impl LessonContent {
    pub const fn of<D: Demo>() -> LessonContent {
        LessonContent {
            text: D::text,
            demo: demo_view::<D>,
            presets: preset_queries::<D>,
        }
    }
}

impl Lesson {
    /// A card for a lesson that is not built yet.
    const fn coming_soon(
        slug: &'static str,
        title: &'static str,
        pitch: &'static str,
        group: Group,
        icon: &'static str,
    ) -> Lesson {
        Lesson {
            slug,
            title,
            pitch,
            group,
            icon,
            content: None,
        }
    }

    pub fn ready(&self) -> bool {
        self.content.is_some()
    }
}

/// Every lesson, in the home page's order within each group.
pub const LESSONS: &[Lesson] = &[
    Lesson::coming_soon(
        "scaling",
        "Up, out or elastic",
        "Vertical, horizontal and automatic scaling, with the bill beside each.",
        Group::Growing,
        "M3 20h18M5 20v-4M10 20v-8M15 20v-12M20 20V4",
    ),
    Lesson::coming_soon(
        "load-balancing",
        "Load balancing",
        "Spread requests over stateless servers and watch the tail shrink.",
        Group::Growing,
        "M3 12h5M8 12l8-7M8 12h8M8 12l8 7M16 5h4M16 12h4M16 19h4",
    ),
    #[cfg(feature = "caching")]
    caching::LESSON,
    #[cfg(feature = "n-plus-one")]
    n_plus_one::LESSON,
    Lesson::coming_soon(
        "replicas-sharding",
        "Replicas and sharding",
        "Read replicas first; shard by key when writes outgrow one primary.",
        Group::DataLayer,
        "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
    ),
    #[cfg(feature = "queues")]
    queues::LESSON,
    #[cfg(feature = "rate-limiting")]
    rate_limiting::LESSON,
    Lesson::coming_soon(
        "circuit-breakers",
        "Circuit breakers and retries",
        "Fail fast instead of piling onto a struggling dependency.",
        Group::AbsorbingLoad,
        "M2 12h6M16 12h6M8 12l7-5M8 12a1 1 0 1 0 .01 0",
    ),
    Lesson::coming_soon(
        "load-testing",
        "Percentiles and load tests",
        "p50, p95, p99 under a k6-style load test with a budget to meet.",
        Group::Measuring,
        "M3 20h18M4 16l5-5 4 3 7-8",
    ),
];

/// The built lesson with this slug.
pub fn find(slug: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.slug == slug && l.ready())
}

/// Every path the static build must answer with 200 (besides `/`), without the base path.
/// `scripts/routes.txt` lists exactly these; `tests/registry.rs` checks it.
pub fn static_routes() -> Vec<String> {
    let mut routes = vec!["about".to_string()];
    for lesson in LESSONS.iter().filter(|l| l.ready()) {
        routes.push(format!("lessons/{}", lesson.slug));
        routes.push(format!("embed/{}", lesson.slug));
    }
    routes
}
