//! The lessons: their titles and pitches for the home page, grouped as the source posts
//! group their ideas, the lesson text in our own words, and which demo each one runs.
pub mod caching;
pub mod nplus1;
pub mod queues;
pub mod rate_limiting;

/// A section of the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub title: &'static str,
    pub blurb: &'static str,
}

pub const GROUPS: &[Group] = &[
    Group {
        title: "Growing the system",
        blurb: "Scaling up, scaling out and scaling on demand — and what each costs.",
    },
    Group {
        title: "The data layer",
        blurb: "Most slow systems are slow at the database. Cache, batch, replicate, shard.",
    },
    Group {
        title: "Absorbing load and failure",
        blurb: "Queues, rate limits and circuit breakers keep a busy system standing.",
    },
    Group {
        title: "Measuring",
        blurb: "Percentiles, load tests and the numbers that tell you where to look.",
    },
];

/// One lesson card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub slug: &'static str,
    pub title: &'static str,
    pub pitch: &'static str,
    /// Index into [`GROUPS`].
    pub group: usize,
    /// Whether the lesson and its demo are built yet.
    pub ready: bool,
    /// A small picture for the card: SVG path data in a 24×24 box, drawn as strokes.
    pub icon: &'static str,
}

pub const LESSONS: &[Lesson] = &[
    Lesson {
        slug: "scaling",
        title: "Up, out or elastic",
        pitch: "Vertical, horizontal and automatic scaling, with the bill beside each.",
        group: 0,
        ready: false,
        icon: "M3 20h18M5 20v-4M10 20v-8M15 20v-12M20 20V4",
    },
    Lesson {
        slug: "load-balancing",
        title: "Load balancing",
        pitch: "Spread requests over stateless servers and watch the tail shrink.",
        group: 0,
        ready: false,
        icon: "M3 12h5M8 12l8-7M8 12h8M8 12l8 7M16 5h4M16 12h4M16 19h4",
    },
    Lesson {
        slug: "caching",
        title: "Caching layers",
        pitch: "CDN → memory → Redis → database: where each request is answered.",
        group: 1,
        ready: true,
        icon: "M4 5h16v4H4zM4 10h16v4H4zM4 15h16v4H4z",
    },
    Lesson {
        slug: "n-plus-one",
        title: "The N+1 query problem",
        pitch: "101 queries or 2: lazy loading, eager loading and joins.",
        group: 1,
        ready: true,
        icon: "M4 6h4M4 12h4M4 18h4M12 6h8M12 9h8M12 12h8M12 15h8M12 18h8",
    },
    Lesson {
        slug: "replicas-sharding",
        title: "Replicas and sharding",
        pitch: "Read replicas first; shard by key when writes outgrow one primary.",
        group: 1,
        ready: false,
        icon: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
    },
    Lesson {
        slug: "queues",
        title: "Queues and worker pools",
        pitch: "Absorb spikes, retry failures, and see why 95% busy feels like 100%.",
        group: 2,
        ready: true,
        icon: "M2 12h4M7 9h3v6H7zM11 9h3v6h-3zM15 9h3v6h-3zM19 12h3",
    },
    Lesson {
        slug: "rate-limiting",
        title: "Rate limiters",
        pitch: "Fixed window, sliding log, token and leaky buckets on the same traffic.",
        group: 2,
        ready: true,
        icon: "M12 3a9 9 0 1 0 .01 0M12 12V7M12 12l4 2",
    },
    Lesson {
        slug: "circuit-breakers",
        title: "Circuit breakers and retries",
        pitch: "Fail fast instead of piling onto a struggling dependency.",
        group: 2,
        ready: false,
        icon: "M2 12h6M16 12h6M8 12l7-5M8 12a1 1 0 1 0 .01 0",
    },
    Lesson {
        slug: "load-testing",
        title: "Percentiles and load tests",
        pitch: "p50, p95, p99 under a k6-style load test with a budget to meet.",
        group: 3,
        ready: false,
        icon: "M3 20h18M4 16l5-5 4 3 7-8",
    },
];

pub fn find(slug: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.slug == slug && l.ready)
}

/// Every path the static build must answer with 200 (besides `/`), without the base path.
/// `scripts/routes.txt` must list exactly these; a native test checks it.
pub fn static_routes() -> Vec<String> {
    let mut routes = vec!["about".to_string()];
    for lesson in LESSONS.iter().filter(|l| l.ready) {
        routes.push(format!("lessons/{}", lesson.slug));
        routes.push(format!("embed/{}", lesson.slug));
    }
    routes
}
