//! The N+1 parameters as the URL codec and the generated controls see them: key, label,
//! help sentence, group, range, and how to read and write each field; and the demo's
//! [`Params`] impl, which joins this list to the query budget rule in `budget`.
use super::params::{Issue, NPlusOneParams, Shape, Strategy};
use crate::params::kit::{number, to_u32, whole};
use crate::params::{always, ChoiceEnum, Field, FieldKind, FieldValue, Notice, Params};

const PAGE: &str = "Page";
const STRATEGY: &str = "Strategy";
const PATH: &str = "Database path";
const LOAD: &str = "Load test";

impl Params for NPlusOneParams {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn check(&mut self, notices: &mut Vec<Notice>) {
        self.apply_rules(notices);
    }
}

static FIELDS: &[Field<NPlusOneParams>] = &[
    Field {
        key: "shape",
        label: "Page shows",
        help: "What each page lists: posts with their authors, or also every post's comments and each comment's author.",
        group: PAGE,
        kind: FieldKind::Choice(Shape::CHOICES),
        get: |p| p.shape.to_field(),
        set: |p, v| p.shape = Shape::from_field(v, p.shape),
        shown: always,
    },
    Field {
        key: "posts",
        label: "Posts per page",
        help: "How many posts the page lists (N in N+1).",
        group: PAGE,
        kind: whole(1.0, 1000.0, "posts", false),
        get: |p| FieldValue::Num(f64::from(p.posts)),
        set: |p, v| p.posts = to_u32(v),
        shown: always,
    },
    Field {
        key: "comments",
        label: "Comments per post",
        help: "How many comments each post shows; each comment also shows its author.",
        group: PAGE,
        kind: whole(0.0, 50.0, "comments", false),
        get: |p| FieldValue::Num(f64::from(p.comments)),
        set: |p, v| p.comments = to_u32(v),
        shown: |p| p.shape == Shape::Nested,
    },
    Field {
        key: "authors",
        label: "Users in the database",
        help: "Authors are drawn at random from this many users; with few users, many posts share an author and deduplicated loading sends fewer ids.",
        group: PAGE,
        kind: whole(1.0, 10_000.0, "users", true),
        get: |p| FieldValue::Num(f64::from(p.users_in_db)),
        set: |p, v| p.users_in_db = to_u32(v),
        shown: always,
    },
    Field {
        key: "strategy",
        label: "Loading strategy",
        help: "Lazy: one query per row accessed. Eager: one query per association with an IN list. JOIN: one statement. Batched: DataLoader collects the ids and sends them in batches.",
        group: STRATEGY,
        kind: FieldKind::Choice(Strategy::CHOICES),
        get: |p| p.strategy.to_field(),
        set: |p, v| p.strategy = Strategy::from_field(v, p.strategy),
        shown: always,
    },
    Field {
        key: "batch",
        label: "Batch size",
        help: "The most ids DataLoader puts in one query (maxBatchSize); more ids are split into several queries.",
        group: STRATEGY,
        kind: whole(1.0, 1000.0, "ids", true),
        get: |p| FieldValue::Num(f64::from(p.batch_size)),
        set: |p, v| p.batch_size = to_u32(v),
        shown: |p| p.strategy == Strategy::Batched,
    },
    Field {
        key: "issue",
        label: "Send queries",
        help: "One after another, or all queries that do not depend on each other at once (each on its own pool connection).",
        group: STRATEGY,
        kind: FieldKind::Choice(Issue::CHOICES),
        get: |p| p.issue.to_field(),
        set: |p, v| p.issue = Issue::from_field(v, p.issue),
        shown: always,
    },
    Field {
        key: "rtt",
        label: "Network round trip",
        help: "Time for a request to reach the database and the answer to come back, paid once per query.",
        group: PATH,
        kind: number(0.05, 300.0, 0.05, "ms", true),
        get: |p| FieldValue::Num(p.rtt_ms),
        set: |p, v| p.rtt_ms = v.num(),
        shown: always,
    },
    Field {
        key: "query_ms",
        label: "Query cost",
        help: "Time the database spends on each query regardless of its size (parsing, planning, locking).",
        group: PATH,
        kind: number(0.01, 100.0, 0.01, "ms", true),
        get: |p| FieldValue::Num(p.query_ms),
        set: |p, v| p.query_ms = v.num(),
        shown: always,
    },
    Field {
        key: "row_us",
        label: "Cost per row",
        help: "Extra database time for every row a query returns.",
        group: PATH,
        kind: number(0.0, 1000.0, 1.0, "µs", false),
        get: |p| FieldValue::Num(p.row_us),
        set: |p, v| p.row_us = v.num(),
        shown: always,
    },
    Field {
        key: "pool",
        label: "Connection pool",
        help: "Connections the app holds to the database; a query needs one for its whole round trip and waits in line when none is free.",
        group: PATH,
        kind: whole(1.0, 200.0, "connections", false),
        get: |p| FieldValue::Num(f64::from(p.pool)),
        set: |p, v| p.pool = to_u32(v),
        shown: always,
    },
    Field {
        key: "db_slots",
        label: "Database concurrency",
        help: "Queries the database executes at the same time (think CPU cores); more queries wait inside the database.",
        group: PATH,
        kind: whole(1.0, 128.0, "queries", false),
        get: |p| FieldValue::Num(f64::from(p.db_slots)),
        set: |p, v| p.db_slots = to_u32(v),
        shown: always,
    },
    Field {
        key: "users",
        label: "Concurrent users",
        help: "Virtual users loading the page over and over, each pausing between loads.",
        group: LOAD,
        kind: whole(1.0, 1000.0, "users", true),
        get: |p| FieldValue::Num(f64::from(p.users)),
        set: |p, v| p.users = to_u32(v),
        shown: always,
    },
    Field {
        key: "think_ms",
        label: "Think time",
        help: "Average pause between one user's page loads (random, exponential); 0 reloads at once.",
        group: LOAD,
        kind: number(0.0, 60_000.0, 10.0, "ms", false),
        get: |p| FieldValue::Num(p.think_ms),
        set: |p, v| p.think_ms = v.num(),
        shown: always,
    },
    Field {
        key: "duration",
        label: "Duration",
        help: "Simulated seconds of load; pages still loading at the end are not counted.",
        group: LOAD,
        kind: whole(1.0, 3600.0, "s", true),
        get: |p| FieldValue::Num(p.duration_s),
        set: |p, v| p.duration_s = v.num(),
        shown: always,
    },
];
