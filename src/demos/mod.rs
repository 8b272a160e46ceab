//! The view of each model: how its runs are drawn (diagram, charts, summary). Models live
//! in `crate::sim`; this maps a lesson slug to its demo.
pub mod cache;
pub mod chart_kit;
pub mod dots;
pub mod format;
pub mod nplus1;
pub mod queue;
pub mod ratelimit;
pub mod summary_kit;

use crate::ui::demo::{demo_panel, panel::PanelMode};
use leptos::prelude::*;

/// The live demo for a lesson, if the lesson has one.
pub fn demo_view(slug: &str, mode: PanelMode) -> Option<AnyView> {
    match slug {
        "queues" => {
            Some(demo_panel::<queue::QueueDemo>(crate::lessons::queues::presets(), mode).into_any())
        }
        "n-plus-one" => Some(
            demo_panel::<nplus1::NPlusOneDemo>(crate::lessons::nplus1::presets(), mode).into_any(),
        ),
        "caching" => Some(
            demo_panel::<cache::CacheDemo>(crate::lessons::caching::presets(), mode).into_any(),
        ),
        "rate-limiting" => Some(
            demo_panel::<ratelimit::RateLimitDemo>(crate::lessons::rate_limiting::presets(), mode)
                .into_any(),
        ),
        _ => None,
    }
}

/// The lesson text for a slug.
pub fn lesson_text(slug: &str) -> Option<AnyView> {
    match slug {
        "queues" => Some(crate::lessons::queues::lesson_text().into_any()),
        "n-plus-one" => Some(crate::lessons::nplus1::lesson_text().into_any()),
        "rate-limiting" => Some(crate::lessons::rate_limiting::lesson_text().into_any()),
        "caching" => Some(crate::lessons::caching::lesson_text().into_any()),
        _ => None,
    }
}
