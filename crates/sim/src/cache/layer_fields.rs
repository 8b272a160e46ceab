//! The fields of each cache layer (CDN, L1, Redis): on/off, capacity, eviction policy, TTL
//! and lookup latency, with keys `cdn`, `cdn_size`, `cdn_policy`, `cdn_ttl`, `cdn_ms` (and
//! `l1_…`, `redis_…`), plus the CDN's cacheable share.
use super::params::CacheParams;
use super::policy::Policy;
use crate::params::kit::{number, to_bool, to_u32, whole};
use crate::params::{always, ChoiceEnum, Field, FieldKind, FieldValue};

const CDN: &str = "CDN edge";
const L1: &str = "In-process cache (L1)";
const REDIS: &str = "Redis";

/// The five fields of one layer; `$l` is the `CacheParams` field, `$k` the key prefix.
macro_rules! layer {
    ($l:ident, $group:expr, [$on:expr, $size:expr, $policy:expr, $ttl:expr, $ms:expr],
     $name:expr, $max_size:expr, $max_ms:expr, $ms_help:expr) => {
        [
            Field {
                key: $on,
                label: $name,
                help: concat!("Whether requests go through the ", $name, " layer."),
                group: $group,
                kind: FieldKind::Toggle,
                get: |p: &CacheParams| FieldValue::Bool(p.$l.on),
                set: |p: &mut CacheParams, v| p.$l.on = to_bool(v),
                shown: always,
            },
            Field {
                key: $size,
                label: concat!($name, " capacity"),
                help: "The most entries the cache holds; a full cache evicts one entry per new entry.",
                group: $group,
                kind: whole(1.0, $max_size, "entries", true),
                get: |p: &CacheParams| FieldValue::Num(f64::from(p.$l.size)),
                set: |p: &mut CacheParams, v| p.$l.size = to_u32(v),
                shown: |p: &CacheParams| p.$l.on,
            },
            Field {
                key: $policy,
                label: concat!($name, " eviction"),
                help: "Which entry a full cache removes: least recently used, least frequently used, oldest, or a random one.",
                group: $group,
                kind: FieldKind::Choice(Policy::CHOICES),
                get: |p: &CacheParams| p.$l.policy.to_field(),
                set: |p: &mut CacheParams, v| p.$l.policy = Policy::from_field(v, p.$l.policy),
                shown: |p: &CacheParams| p.$l.on,
            },
            Field {
                key: $ttl,
                label: concat!($name, " TTL"),
                help: "How long a stored entry may be served; 0 keeps it until it is evicted.",
                group: $group,
                kind: number(0.0, 86_400.0, 1.0, "s", false),
                get: |p: &CacheParams| FieldValue::Num(p.$l.ttl_s),
                set: |p: &mut CacheParams, v| p.$l.ttl_s = v.num(),
                shown: |p: &CacheParams| p.$l.on,
            },
            Field {
                key: $ms,
                label: concat!($name, " latency"),
                help: $ms_help,
                group: $group,
                kind: number(0.0, $max_ms, 0.01, "ms", false),
                get: |p: &CacheParams| FieldValue::Num(p.$l.ms),
                set: |p: &mut CacheParams, v| p.$l.ms = v.num(),
                shown: |p: &CacheParams| p.$l.on,
            },
        ]
    };
}

/// The per-layer fields, CDN first.
pub(super) fn layer_fields() -> Vec<Field<CacheParams>> {
    let mut out = Vec::new();
    out.extend(layer!(
        cdn,
        CDN,
        ["cdn", "cdn_size", "cdn_policy", "cdn_ttl", "cdn_ms"],
        "CDN",
        1_000_000.0,
        500.0,
        "Time for the user to reach the nearest CDN edge and get an answer from its cache."
    ));
    out.push(Field {
        key: "cacheable",
        label: "Cacheable share",
        help: "The share of responses the CDN may store (say, anonymous GETs); the rest always go to the app servers.",
        group: CDN,
        kind: number(0.0, 100.0, 1.0, "%", false),
        get: |p| FieldValue::Num(p.cacheable_pct),
        set: |p, v| p.cacheable_pct = v.num(),
        shown: |p| p.cdn.on,
    });
    out.extend(layer!(
        l1,
        L1,
        ["l1", "l1_size", "l1_policy", "l1_ttl", "l1_ms"],
        "L1",
        100_000.0,
        50.0,
        "Time to look a key up in the app server's own memory (per server capacity)."
    ));
    out.extend(layer!(
        redis,
        REDIS,
        [
            "redis",
            "redis_size",
            "redis_policy",
            "redis_ttl",
            "redis_ms"
        ],
        "Redis",
        1_000_000.0,
        500.0,
        "Network round trip from an app server to Redis, including the lookup."
    ));
    out
}
