//! The lesson's scenarios as honest parameter sets, which its presets are built on. The
//! numbers quoted are checked by `tests/lesson_caching.rs` (seed 42) and hold for other seeds
//! within a few percent.
use scalelab_sim::arrivals::ArrivalPattern;
use scalelab_sim::cache::{CacheParams, Invalidation, LayerParams, Policy};
use scalelab_sim::dist::ServiceDist;

fn redis_only(mut p: CacheParams) -> CacheParams {
    p.cdn.on = false;
    p.l1.on = false;
    p.redis.on = true;
    p
}

/// Menu cache at the lunch peak (Jumia Food: menus in Redis with a 5-minute TTL). One day is
/// compressed into an hour: 26 reads/s at the base rate, 3× at lunch and dinner (the post's
/// "3x traffic during peak hours"), over 5,000 restaurant menus with Zipf(0.7) popularity.
/// Users are a 100 ms round trip away; a menu query takes 100 ms on average (log-normal)
/// and the database runs 8 at once (80 queries/s), so the uncached peak (≈ 78 reads/s)
/// pushes it to ~97% busy. Measured: without the cache the p50 latency of the worst bucket
/// climbs to ~600 ms (p95 ~850 ms); with it Redis answers ~72% of reads (≈ 72% fewer
/// database queries) and the worst bucket's p50 stays ~160 ms.
pub fn menu_cache_preset() -> CacheParams {
    let mut p = redis_only(CacheParams {
        arrival: ArrivalPattern::Daily,
        rate: 26.0,
        peak: 3.0,
        duration_s: 3600.0,
        keys: 5000,
        alpha: 0.7,
        servers: 4,
        origin_ms: 100.0,
        db_dist: ServiceDist::LogNormal,
        db_ms: 100.0,
        db_cv: 1.0,
        db_slots: 8,
        db_queue: 5000,
        write_rate: 0.0,
        ..CacheParams::default()
    });
    p.redis = LayerParams {
        on: true,
        size: 5000,
        policy: Policy::Lru,
        ttl_s: 300.0,
        ms: 1.0,
    };
    p
}

/// Two layers (the post's `getUser`): in-process L1 for 1 minute in front of Redis for 1
/// hour. Writes make L1 copies stale for up to a minute even when Redis is invalidated.
pub fn two_layer_preset() -> CacheParams {
    let base = CacheParams::default();
    CacheParams {
        rate: 100.0,
        duration_s: 300.0,
        write_rate: 0.5,
        invalidation: Invalidation::Delete,
        l1: LayerParams {
            size: 100,
            ttl_s: 60.0,
            ..base.l1.clone()
        },
        redis: LayerParams {
            size: 1000,
            ttl_s: 3600.0,
            ..base.redis.clone()
        },
        ..base
    }
}

/// Cache stampede: from t = 20 s, half of 1,000 reads/s go to one key (200 keys in all)
/// whose Redis copy lives 10 s. Each time it expires, every read arriving during the 100 ms
/// refill query misses too and sends its own query (≈ 50 at once for 16 database slots),
/// unless `coalesce` lets the first query answer them all. Measured (seed 42): without
/// coalescing 2,190 queries, the database line peaks at 404 and the worst bucket's p95 is
/// 2.6 s; with it 1,177 queries, a line of 59 and 0.49 s.
pub fn stampede_preset(coalesce: bool) -> CacheParams {
    let mut p = redis_only(CacheParams {
        rate: 1000.0,
        duration_s: 60.0,
        keys: 200,
        hot_pct: 50.0,
        hot_at_s: 20.0,
        hot_len_s: 40.0,
        coalesce,
        db_dist: ServiceDist::LogNormal,
        db_ms: 100.0,
        db_cv: 0.5,
        db_slots: 16,
        db_queue: 2000,
        write_rate: 0.0,
        ..CacheParams::default()
    });
    p.redis = LayerParams {
        on: true,
        size: 1000,
        policy: Policy::Lru,
        ttl_s: 10.0,
        ms: 1.0,
    };
    p
}

/// Eviction policies compared: Redis alone with room for 10% of 1,000 keys, no expiry, so
/// only `policy` decides what stays.
pub fn eviction_preset(policy: Policy) -> CacheParams {
    let mut p = redis_only(CacheParams {
        rate: 200.0,
        duration_s: 120.0,
        write_rate: 0.0,
        ..CacheParams::default()
    });
    p.redis = LayerParams {
        on: true,
        size: 100,
        policy,
        ttl_s: 0.0,
        ms: 1.0,
    };
    p
}

/// Stale data after writes: Redis with a 60 s TTL and 5 writes/s; `invalidation` decides
/// how long readers see old versions.
pub fn stale_writes_preset(invalidation: Invalidation) -> CacheParams {
    let mut p = redis_only(CacheParams {
        rate: 200.0,
        duration_s: 120.0,
        write_rate: 5.0,
        invalidation,
        ..CacheParams::default()
    });
    p.redis = LayerParams {
        on: true,
        size: 1000,
        policy: Policy::Lru,
        ttl_s: 60.0,
        ms: 1.0,
    };
    p
}
