//! The cache model on hand-made timelines: TTL semantics and eviction order (exact),
//! invalidation and stale reads, stampedes with and without coalescing. Whole runs are in
//! `sim_cache_run.rs`, the theory in `sim_cache_theory.rs`.
//!
//! Sources for the semantics checked here: Redis `SET … EX` (a key expires TTL after it was
//! set; reads do not extend it) and Caffeine's `expireAfterWrite` vs `expireAfterAccess`
//! (github.com/ben-manes/caffeine/wiki/Eviction); cache-aside with delete-on-write and the
//! read/write race it leaves (Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013,
//! §3.2.1 "stale sets"); request coalescing / single flight (Go's
//! `golang.org/x/sync/singleflight`; the "thundering herd" of §3.2.1 ibid.); the eviction
//! orders are the textbook definitions of LRU, FIFO, LFU and RANDOM replacement.
use rand::Rng;
use scalelab_sim::cache::{
    CacheParams, CacheReport, CacheSim, Invalidation, LayerParams, Lookup, Policy, ScriptItem,
    Store, TtlMode,
};
use scalelab_sim::dist::ServiceDist;
use scalelab_sim::engine::{SimTime, Simulation, SECOND};
use scalelab_sim::rng::{stream, Stream};

const T: SimTime = 10 * SECOND;
/// Database time in the hand-made timelines (deterministic): 1 ms.
const Q: SimTime = 1_000;

/// Redis only (TTL 10 s, no latency anywhere), a 1 ms constant-time database.
fn timeline_params(mode: TtlMode, inval: Invalidation) -> CacheParams {
    CacheParams {
        duration_s: 100.0,
        origin_ms: 0.0,
        ttl_mode: mode,
        invalidation: inval,
        db_dist: ServiceDist::Deterministic,
        db_ms: 1.0,
        db_slots: 64,
        cdn: LayerParams {
            on: false,
            ..LayerParams::default()
        },
        l1: LayerParams {
            on: false,
            ..LayerParams::default()
        },
        redis: LayerParams {
            on: true,
            size: 100,
            policy: Policy::Lru,
            ttl_s: 10.0,
            ms: 0.0,
        },
        ..CacheParams::default()
    }
}

fn read(at: SimTime, key: u32) -> ScriptItem {
    ScriptItem::Read { at, key, server: 0 }
}

fn run_script(p: &CacheParams, script: &[ScriptItem]) -> CacheReport {
    CacheSim::scripted(p, 1, script).run_to_end()
}

/// Redis `SET key value EX ttl`: valid for t < set + TTL, reads do not extend it.
#[test]
fn store_ttl_semantics_exact() {
    let mut rng = stream(1, Stream::Eviction);
    let mut s = Store::new(Policy::Lru, 10, TtlMode::AfterWrite);
    assert_eq!(s.get(7, 0), Lookup::Miss);
    s.insert(7, 3, Some(T), 0, &mut rng);
    assert_eq!(s.get(7, T - 1), Lookup::Hit { version: 3 });
    assert_eq!(s.get(7, T), Lookup::Expired);
    assert_eq!((s.expirations, s.len()), (1, 0));
    // Refresh on hit (expireAfterAccess): every hit restarts the TTL.
    let mut s = Store::new(Policy::Lru, 10, TtlMode::Refresh);
    s.insert(7, 0, Some(T), 0, &mut rng);
    assert_eq!(s.get(7, T - 1), Lookup::Hit { version: 0 });
    assert_eq!(s.get(7, 2 * T - 2), Lookup::Hit { version: 0 });
    assert_eq!(s.get(7, 3 * T - 2), Lookup::Expired);
    // No TTL: never expires; invalidation removes.
    s.insert(8, 1, None, 0, &mut rng);
    assert_eq!(s.get(8, SimTime::MAX - 1), Lookup::Hit { version: 1 });
    assert!(s.invalidate(8) && !s.invalidate(8));
    assert_eq!(s.invalidations, 1);
}

fn insert(s: &mut Store, key: u32, rng: &mut impl Rng) -> Option<u32> {
    s.insert(key, 0, None, 0, rng)
}

/// LRU evicts the least recently used, FIFO the oldest insertion (hits do not count), LFU
/// the fewest hits (ties: least recently used).
#[test]
fn eviction_order_exact() {
    let mut rng = stream(1, Stream::Eviction);
    let mut lru = Store::new(Policy::Lru, 3, TtlMode::AfterWrite);
    for k in 1..=3 {
        assert_eq!(insert(&mut lru, k, &mut rng), None);
    }
    lru.get(1, 0);
    assert_eq!(insert(&mut lru, 4, &mut rng), Some(2));
    lru.get(3, 0);
    assert_eq!(insert(&mut lru, 5, &mut rng), Some(1));
    assert_eq!(insert(&mut lru, 6, &mut rng), Some(4));

    let mut fifo = Store::new(Policy::Fifo, 3, TtlMode::AfterWrite);
    for k in 1..=3 {
        insert(&mut fifo, k, &mut rng);
    }
    fifo.get(1, 0);
    assert_eq!(insert(&mut fifo, 4, &mut rng), Some(1));
    assert_eq!(insert(&mut fifo, 5, &mut rng), Some(2));

    let mut lfu = Store::new(Policy::Lfu, 3, TtlMode::AfterWrite);
    for k in 1..=3 {
        insert(&mut lfu, k, &mut rng);
    }
    lfu.get(1, 0);
    lfu.get(1, 0);
    lfu.get(2, 0);
    assert_eq!(insert(&mut lfu, 4, &mut rng), Some(3)); // 3 has no hits
    lfu.get(4, 0);
    assert_eq!(insert(&mut lfu, 5, &mut rng), Some(2)); // 2 and 4 have one hit; 2 is older
    assert_eq!(lfu.evictions, 2);
}

/// RANDOM picks a uniformly random entry with the seeded eviction stream: replaying the
/// same draws on a model of the slot vector (swap-remove) predicts every victim.
#[test]
fn random_eviction_is_seeded_and_exact() {
    let mut rng = stream(5, Stream::Eviction);
    let mut replay = stream(5, Stream::Eviction);
    let mut s = Store::new(Policy::Random, 4, TtlMode::AfterWrite);
    let mut model: Vec<u32> = Vec::new();
    for k in 0..200 {
        let evicted = insert(&mut s, k, &mut rng);
        if model.len() == 4 {
            let i = replay.random_range(0..model.len());
            assert_eq!(evicted, Some(model.swap_remove(i)));
        } else {
            assert_eq!(evicted, None);
        }
        model.push(k);
    }
}

/// Through the whole model: a miss at 0 fills Redis at Q (the query's end); a read at
/// Q + T − 1 µs hits, one at Q + T misses (expired). Refresh on hit keeps it alive.
#[test]
fn ttl_timelines_through_the_model() {
    let p = timeline_params(TtlMode::AfterWrite, Invalidation::Ttl);
    let r = run_script(&p, &[read(0, 1), read(Q + T - 1, 1), read(Q + T, 1)]);
    assert_eq!((r.answered_by.redis, r.db_queries), (1, 2));
    assert_eq!(r.layers[0].expirations, 1);
    assert_eq!(r.latency.max, 0.001);
    let p = timeline_params(TtlMode::Refresh, Invalidation::Ttl);
    let r = run_script(
        &p,
        &[read(0, 1), read(Q + T - 1, 1), read(Q + 2 * T - 2, 1)],
    );
    assert_eq!(
        (r.answered_by.redis, r.db_queries, r.layers[0].expirations),
        (2, 1, 0)
    );
}

/// Writes: TTL-only serves the old version (a stale read); delete-on-write makes the next
/// read miss; write-through stores the new version (a fresh hit).
#[test]
fn invalidation_strategies() {
    let script = [
        read(0, 1),
        ScriptItem::Write { at: 2 * Q, key: 1 },
        read(3 * Q, 1),
    ];
    let ttl = run_script(
        &timeline_params(TtlMode::AfterWrite, Invalidation::Ttl),
        &script,
    );
    assert_eq!(
        (ttl.answered_by.redis, ttl.stale_reads, ttl.db_queries),
        (1, 1, 1)
    );
    let del = run_script(
        &timeline_params(TtlMode::AfterWrite, Invalidation::Delete),
        &script,
    );
    assert_eq!(
        (del.answered_by.redis, del.stale_reads, del.db_queries),
        (0, 0, 2)
    );
    assert_eq!(del.layers[0].invalidations, 1);
    let wt = timeline_params(TtlMode::AfterWrite, Invalidation::WriteThrough);
    let wt = run_script(&wt, &script);
    assert_eq!(
        (wt.answered_by.redis, wt.stale_reads, wt.db_queries),
        (1, 0, 1)
    );
    assert_eq!(wt.writes, 1);
}

/// The cache-aside race (Facebook's "stale set"): a query reads version 0, a write lands
/// (deleting nothing yet cached) before the query's answer fills Redis with version 0.
/// The next read hits that old version. And delete-on-write does not reach L1 copies.
#[test]
fn stale_reads_from_races_and_l1() {
    let p = timeline_params(TtlMode::AfterWrite, Invalidation::Delete);
    let r = run_script(
        &p,
        &[
            read(0, 1),
            ScriptItem::Write { at: Q / 2, key: 1 },
            read(2 * Q, 1),
        ],
    );
    assert_eq!(
        (r.answered_by.redis, r.stale_reads, r.stale_rate),
        (1, 1, 0.5)
    );
    let mut p = timeline_params(TtlMode::AfterWrite, Invalidation::Delete);
    p.l1 = LayerParams {
        on: true,
        size: 10,
        ttl_s: 60.0,
        ms: 0.0,
        ..LayerParams::default()
    };
    let r = run_script(
        &p,
        &[
            read(0, 1),
            ScriptItem::Write { at: 2 * Q, key: 1 },
            read(3 * Q, 1),
        ],
    );
    assert_eq!((r.answered_by.l1, r.stale_reads), (1, 1));
    assert_eq!(r.layers[1].invalidations, 1, "Redis copy deleted");
}

/// Stampede: N concurrent misses for one key send N queries; with single flight, one query
/// answers all N (N − 1 coalesced). Also when a cached hot key expires.
#[test]
fn stampede_and_coalescing() {
    let n = 50;
    let mut p = timeline_params(TtlMode::AfterWrite, Invalidation::Ttl);
    p.db_ms = 100.0;
    let burst: Vec<_> = (0..n).map(|i| read(i * 10, 9)).collect();
    let off = run_script(&p, &burst);
    assert_eq!((off.db_queries, off.coalesced, off.completed), (n, 0, n));
    p.coalesce = true;
    let on = run_script(&p, &burst);
    assert_eq!((on.db_queries, on.coalesced, on.completed), (1, n - 1, n));
    // Expiry of a cached key: reads just after the TTL runs out.
    let fill = 100 * Q;
    let mut script = vec![read(0, 9)];
    script.extend((0..n).map(|i| read(fill + T + i * 10, 9)));
    p.coalesce = false;
    assert_eq!(run_script(&p, &script).db_queries, n + 1);
    p.coalesce = true;
    assert_eq!(run_script(&p, &script).db_queries, 2);
}
