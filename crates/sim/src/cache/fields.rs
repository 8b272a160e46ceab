//! The cache parameters as the URL codec and the generated controls see them: key, label,
//! help sentence, group, range, and how to read and write each field; and the demo's
//! [`Params`] impl, which joins this list to the rules between fields in `params`. The
//! per-layer fields (CDN, L1, Redis: on, capacity, policy, TTL, latency) come from
//! `layer_fields`.
use super::layer_fields::layer_fields;
use super::params::CacheParams;
use super::policy::{Invalidation, KeyDist, TtlMode};
use crate::arrivals::ArrivalPattern;
use crate::dist::ServiceDist;
use crate::params::kit::{number, to_bool, to_u32, whole};
use crate::params::{always, Choice, ChoiceEnum, Field, FieldKind, FieldValue, Notice, Params};
use std::sync::LazyLock;

pub(super) const TRAFFIC: &str = "Traffic";
pub(super) const CACHES: &str = "Caching";
const DB: &str = "Database";
const WRITES: &str = "Writes";

/// The arrival patterns this demo offers: a subset of [`ArrivalPattern`], with a label of
/// its own for the daily pattern.
pub const ARRIVALS: &[Choice] = &[
    ArrivalPattern::Poisson.choice(),
    ArrivalPattern::Constant.choice(),
    Choice {
        label: "Daily (lunch + dinner peaks)",
        ..ArrivalPattern::Daily.choice()
    },
];

/// Sets the arrival pattern to one of [`ARRIVALS`]; any other value leaves it.
fn set_arrival(p: &mut CacheParams, v: FieldValue) {
    if matches!(&v, FieldValue::Choice(s) if ARRIVALS.iter().any(|c| c.value == s)) {
        p.arrival = ArrivalPattern::from_field(v, p.arrival);
    }
}

impl Params for CacheParams {
    fn fields() -> &'static [Field<Self>] {
        &FIELDS
    }

    fn check(&mut self, notices: &mut Vec<Notice>) {
        self.apply_rules(notices);
    }
}

static TRAFFIC_FIELDS: &[Field<CacheParams>] = &[
    Field {
        key: "arrival",
        label: "Arrival pattern",
        help: "How read requests arrive: randomly at a steady rate, evenly spaced, or one day compressed into the run with lunch and dinner peaks.",
        group: TRAFFIC,
        kind: FieldKind::Choice(ARRIVALS),
        get: |p| p.arrival.to_field(),
        set: set_arrival,
        shown: always,
    },
    Field {
        key: "rate",
        label: "Read rate",
        help: "Read requests per second (for the daily pattern: the rate the daily curve multiplies).",
        group: TRAFFIC,
        kind: number(0.1, 20_000.0, 0.1, "req/s", true),
        get: |p| FieldValue::Num(p.rate),
        set: |p, v| p.rate = v.num(),
        shown: always,
    },
    Field {
        key: "peak",
        label: "Peak multiplier",
        help: "How many times the base rate arrives at the lunch and dinner peaks (at night 0.3 times).",
        group: TRAFFIC,
        kind: number(1.0, 10.0, 0.1, "×", false),
        get: |p| FieldValue::Num(p.peak),
        set: |p, v| p.peak = v.num(),
        shown: |p| p.arrival == ArrivalPattern::Daily,
    },
    Field {
        key: "duration",
        label: "Duration",
        help: "Simulated seconds; the daily pattern compresses one day into this time.",
        group: TRAFFIC,
        kind: whole(1.0, 86_400.0, "s", true),
        get: |p| FieldValue::Num(p.duration_s),
        set: |p, v| p.duration_s = v.num(),
        shown: always,
    },
    Field {
        key: "keys",
        label: "Distinct keys",
        help: "How many different things can be requested (menus, users, products).",
        group: TRAFFIC,
        kind: whole(1.0, 1_000_000.0, "keys", true),
        get: |p| FieldValue::Num(f64::from(p.keys)),
        set: |p, v| p.keys = to_u32(v),
        shown: always,
    },
    Field {
        key: "dist",
        label: "Key popularity",
        help: "Zipf: the key of rank i is requested in proportion to 1/i^α, so a few keys get most requests. Uniform: all keys equally often.",
        group: TRAFFIC,
        kind: FieldKind::Choice(KeyDist::CHOICES),
        get: |p| p.key_dist.to_field(),
        set: |p, v| p.key_dist = KeyDist::from_field(v, p.key_dist),
        shown: always,
    },
    Field {
        key: "alpha",
        label: "Zipf α",
        help: "How skewed popularity is: 0 is uniform, around 1 is typical of web traffic, higher means the top keys dominate.",
        group: TRAFFIC,
        kind: number(0.0, 2.0, 0.05, "", false),
        get: |p| FieldValue::Num(p.alpha),
        set: |p, v| p.alpha = v.num(),
        shown: |p| p.key_dist == KeyDist::Zipf,
    },
    Field {
        key: "hot",
        label: "Hot key share",
        help: "During the hot-key event this share of requests goes to one normally cold key (say, a viral item); 0 turns the event off.",
        group: TRAFFIC,
        kind: number(0.0, 100.0, 1.0, "%", false),
        get: |p| FieldValue::Num(p.hot_pct),
        set: |p, v| p.hot_pct = v.num(),
        shown: always,
    },
    Field {
        key: "hot_at",
        label: "Hot key from",
        help: "When the hot-key event starts.",
        group: TRAFFIC,
        kind: number(0.0, 86_400.0, 1.0, "s", false),
        get: |p| FieldValue::Num(p.hot_at_s),
        set: |p, v| p.hot_at_s = v.num(),
        shown: |p| p.hot_pct > 0.0,
    },
    Field {
        key: "hot_len",
        label: "Hot key for",
        help: "How long the hot-key event lasts.",
        group: TRAFFIC,
        kind: number(0.0, 86_400.0, 1.0, "s", false),
        get: |p| FieldValue::Num(p.hot_len_s),
        set: |p, v| p.hot_len_s = v.num(),
        shown: |p| p.hot_pct > 0.0,
    },
    Field {
        key: "servers",
        label: "App servers",
        help: "Servers behind the load balancer (round-robin); each has its own in-memory L1 cache.",
        group: TRAFFIC,
        kind: whole(1.0, 32.0, "servers", false),
        get: |p| FieldValue::Num(f64::from(p.servers)),
        set: |p, v| p.servers = to_u32(v),
        shown: always,
    },
    Field {
        key: "origin_ms",
        label: "User ↔ app round trip",
        help: "Network time from the user (or the CDN edge) to the app servers and back; a CDN hit saves it.",
        group: TRAFFIC,
        kind: number(0.0, 1000.0, 1.0, "ms", false),
        get: |p| FieldValue::Num(p.origin_ms),
        set: |p, v| p.origin_ms = v.num(),
        shown: always,
    },
];

static SHARED_FIELDS: &[Field<CacheParams>] = &[
    Field {
        key: "ttl_mode",
        label: "TTL semantics",
        help: "Expire after write: an entry lives TTL from when it was stored, however popular. Refresh on hit: every hit restarts the TTL, so popular entries never expire.",
        group: CACHES,
        kind: FieldKind::Choice(TtlMode::CHOICES),
        get: |p| p.ttl_mode.to_field(),
        set: |p, v| p.ttl_mode = TtlMode::from_field(v, p.ttl_mode),
        shown: always,
    },
    Field {
        key: "jitter",
        label: "TTL jitter",
        help: "Each stored entry gets a TTL up to this % shorter or longer at random, so copies stored together do not all expire together.",
        group: CACHES,
        kind: number(0.0, 50.0, 1.0, "%", false),
        get: |p| FieldValue::Num(p.jitter_pct),
        set: |p, v| p.jitter_pct = v.num(),
        shown: always,
    },
    Field {
        key: "coalesce",
        label: "Request coalescing",
        help: "Single flight: when a key is already being fetched from the database, other misses for it wait for that answer instead of sending their own query.",
        group: CACHES,
        kind: FieldKind::Toggle,
        get: |p| FieldValue::Bool(p.coalesce),
        set: |p, v| p.coalesce = to_bool(v),
        shown: always,
    },
    Field {
        key: "entry_bytes",
        label: "Entry size",
        help: "Bytes one cached value takes, for the memory readout.",
        group: CACHES,
        kind: whole(1.0, 10_000_000.0, "bytes", true),
        get: |p| FieldValue::Num(f64::from(p.entry_bytes)),
        set: |p, v| p.entry_bytes = to_u32(v),
        shown: always,
    },
    Field {
        key: "db_dist",
        label: "Query time distribution",
        help: "How database query times vary: exponential, constant, or log-normal (a long tail of slow queries).",
        group: DB,
        kind: FieldKind::Choice(ServiceDist::CHOICES),
        get: |p| p.db_dist.to_field(),
        set: |p, v| p.db_dist = ServiceDist::from_field(v, p.db_dist),
        shown: always,
    },
    Field {
        key: "db_ms",
        label: "Query time",
        help: "Average time the database spends on one read query.",
        group: DB,
        kind: number(0.1, 10_000.0, 0.1, "ms", true),
        get: |p| FieldValue::Num(p.db_ms),
        set: |p, v| p.db_ms = v.num(),
        shown: always,
    },
    Field {
        key: "db_cv",
        label: "Query time variability",
        help: "Standard deviation divided by the mean of the log-normal query time.",
        group: DB,
        kind: number(0.1, 4.0, 0.1, "", false),
        get: |p| FieldValue::Num(p.db_cv),
        set: |p, v| p.db_cv = v.num(),
        shown: |p| p.db_dist == ServiceDist::LogNormal,
    },
    Field {
        key: "db_slots",
        label: "Database concurrency",
        help: "Queries the database runs at the same time; more wait in line, so a burst of misses makes every request slower.",
        group: DB,
        kind: whole(1.0, 256.0, "queries", true),
        get: |p| FieldValue::Num(f64::from(p.db_slots)),
        set: |p, v| p.db_slots = to_u32(v),
        shown: always,
    },
    Field {
        key: "db_queue",
        label: "Database queue limit",
        help: "Queries that may wait for the database; when the line is full, further queries fail at once (counted as rejected).",
        group: DB,
        kind: whole(0.0, 100_000.0, "queries", true),
        get: |p| FieldValue::Num(f64::from(p.db_queue)),
        set: |p, v| p.db_queue = to_u32(v),
        shown: always,
    },
    Field {
        key: "writes",
        label: "Write rate",
        help: "Updates per second to the database (random, with the same key popularity as reads); each makes cached copies out of date.",
        group: WRITES,
        kind: number(0.0, 5000.0, 0.1, "writes/s", false),
        get: |p| FieldValue::Num(p.write_rate),
        set: |p, v| p.write_rate = v.num(),
        shown: always,
    },
    Field {
        key: "inval",
        label: "On write",
        help: "What the writer does to the shared Redis: nothing (copies live until their TTL), delete the key, or store the new value. In-process L1 and CDN copies are not reached and live until their TTL.",
        group: WRITES,
        kind: FieldKind::Choice(Invalidation::CHOICES),
        get: |p| p.invalidation.to_field(),
        set: |p, v| p.invalidation = Invalidation::from_field(v, p.invalidation),
        shown: |p| p.write_rate > 0.0,
    },
];

static FIELDS: LazyLock<Vec<Field<CacheParams>>> = LazyLock::new(|| {
    let mut all: Vec<Field<CacheParams>> = Vec::new();
    all.extend(TRAFFIC_FIELDS.iter().map(copy));
    all.extend(layer_fields());
    all.extend(SHARED_FIELDS.iter().map(copy));
    all
});

fn copy(f: &Field<CacheParams>) -> Field<CacheParams> {
    Field {
        key: f.key,
        label: f.label,
        help: f.help,
        group: f.group,
        kind: f.kind,
        get: f.get,
        set: f.set,
        shown: f.shown,
    }
}
