//! The lesson registry is the one list of lessons: the static build's route file, the
//! end-to-end tests' routes and every built lesson's presets are checked against it here.
#![cfg(not(target_arch = "wasm32"))]
use scalelab::lessons::{static_routes, LESSONS};
use scalelab_sim::params::query::DEFAULT_SEED;
use std::collections::BTreeSet;

/// The routes `scripts/routes.txt` lists (the static build copies index.html to each).
fn routes_file() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/routes.txt"))
        .unwrap();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// With every lesson built in (the default features), the route file is the registry's.
#[test]
#[cfg(all(
    feature = "queues",
    feature = "caching",
    feature = "n-plus-one",
    feature = "rate-limiting"
))]
fn routes_file_lists_every_static_route() {
    assert_eq!(
        routes_file(),
        static_routes(),
        "scripts/routes.txt must list exactly the registry's routes"
    );
}

/// Whatever lessons are built in, each of their routes is in the route file.
#[test]
fn routes_file_covers_the_built_lessons() {
    let listed = routes_file();
    for route in static_routes() {
        assert!(listed.contains(&route), "scripts/routes.txt lacks {route}");
    }
}

#[test]
fn every_built_lesson_has_its_routes_text_demo_and_presets() {
    let routes = static_routes();
    for lesson in LESSONS.iter().filter(|l| l.ready()) {
        for kind in ["lessons", "embed"] {
            let route = format!("{kind}/{}", lesson.slug);
            assert!(
                routes.contains(&route),
                "{} has no route {route}",
                lesson.slug
            );
        }
        let content = lesson.content.unwrap();
        let presets = (content.presets)();
        assert!(!presets.is_empty(), "{} has no presets", lesson.slug);
        for p in presets {
            assert!(
                p.notices.is_empty(),
                "{}: preset '{}' is not valid as written: {:?}",
                lesson.slug,
                p.name,
                p.notices
            );
            assert!(
                p.query.contains(&format!("seed={DEFAULT_SEED}")),
                "{}",
                p.query
            );
            assert!(
                p.round_trips,
                "{}: preset '{}' does not survive its link",
                lesson.slug, p.name
            );
        }
    }
}

#[test]
fn slugs_are_unique_url_safe_and_titled() {
    let mut seen = BTreeSet::new();
    for lesson in LESSONS {
        assert!(seen.insert(lesson.slug), "duplicate slug {}", lesson.slug);
        assert!(
            lesson
                .slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}",
            lesson.slug
        );
        assert!(!lesson.title.is_empty() && !lesson.pitch.is_empty() && !lesson.icon.is_empty());
    }
}
