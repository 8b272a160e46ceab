//! Every limiter replays hand-made timelines and must give exactly the decisions (and the
//! headers) its reference computes. Sources:
//! - express-rate-limit v8 (github.com/express-rate-limit/express-rate-limit):
//!   `source/memory-store.ts` `increment` (reset when `resetTime <= now`, then
//!   `totalHits++`; a new client's `resetTime = now + windowMs`), `source/rate-limit.ts`
//!   (`remaining: Math.max(limit - totalHits, 0)`; refused when `totalHits > limit`),
//!   `source/headers.ts` `getResetSeconds` (`Math.ceil((resetTime - Date.now()) / 1000)`,
//!   at least 0) used for `RateLimit-Reset` and `Retry-After`.
//! - nginx `src/http/modules/ngx_http_limit_req_module.c`: `ngx_http_limit_req_lookup`
//!   (`excess = lr->excess - ctx->rate * ms / 1000 + 1000`, refused when `excess > burst`
//!   without updating the node, new node `excess = 0`), `ngx_http_limit_req_account`
//!   (`delay = (excess - limit->delay) * 1000 / ctx->rate` ms when `excess > delay`),
//!   `ngx_http_limit_req` config (`ctx->rate = rate * 1000 / scale`, `burst * 1000`,
//!   `delay * 1000`, `nodelay` = `NGX_MAX_INT_T_VALUE / 1000`).
//! - brandur/redis-cell `redis-cell-impl/src/lib.rs` `rate_limit` and its `it_rate_limits`
//!   test table (GCRA).
//! - Cloudflare, "How we built rate limiting capable of scaling to millions of domains"
//!   (2017): `rate = prev × (window − elapsed) / window + current`.
use scalelab_sim::ratelimit::{
    FixedWindow, Gcra, LeakyBucket, Outcome, RateScale, SlidingCounter, SlidingLog, TokenBucket,
    Verdict,
};
use scalelab_sim::SimTime;

const A: Outcome = Outcome::Accept;
const R: Outcome = Outcome::Reject;
fn d(ms: u64) -> Outcome {
    Outcome::Delay(ms * 1000)
}
fn s(x: f64) -> SimTime {
    (x * 1e6).round() as SimTime
}

/// Replays (time µs, client) through `decide`.
fn replay(
    mut decide: impl FnMut(SimTime, u32) -> Verdict,
    reqs: &[(SimTime, u32)],
) -> Vec<Verdict> {
    reqs.iter().map(|&(t, c)| decide(t, c)).collect()
}
fn outcomes(v: &[Verdict]) -> Vec<Outcome> {
    v.iter().map(|v| v.outcome).collect()
}
fn at(times: &[f64]) -> Vec<(SimTime, u32)> {
    times.iter().map(|&t| (s(t), 0)).collect()
}

#[test]
fn express_fixed_window_counts_from_the_first_hit_and_resets_at_reset_time() {
    let mut l = FixedWindow::new(3, s(10.0));
    let v = replay(
        |t, c| l.decide(t, c),
        &at(&[0.0, 1.0, 2.0, 3.0, 9.999, 10.0, 10.5, 19.999, 20.0]),
    );
    assert_eq!(outcomes(&v), [A, A, A, R, R, A, A, A, A]);
    // RateLimit-Remaining = max(limit − totalHits, 0); refused requests count too.
    let remaining: Vec<_> = v.iter().map(|v| v.remaining.unwrap()).collect();
    assert_eq!(remaining, [2, 1, 0, 0, 0, 2, 1, 0, 2]);
    // RateLimit-Reset = ceil((resetTime − now) / 1000 ms).
    let reset: Vec<_> = v.iter().map(|v| v.reset_s.unwrap()).collect();
    assert_eq!(reset, [10, 9, 8, 7, 1, 10, 10, 1, 10]);
    // Retry-After only on the 429s: 7 s at t = 3 s, 1 s at 9.999 s (1 ms rounds up).
    let retry: Vec<_> = v.iter().map(|v| v.retry_after_s).collect();
    assert_eq!(retry[3], Some(7));
    assert_eq!(retry[4], Some(1));
    let with_retry: Vec<usize> = (0..retry.len()).filter(|&i| retry[i].is_some()).collect();
    assert_eq!(with_retry, [3, 4]);
}

#[test]
fn express_uses_whole_milliseconds_and_per_client_windows() {
    let mut l = FixedWindow::new(1, s(10.0));
    // Date.now() is whole ms: 9.9999995 s is still 9999 ms, before resetTime = 10000.
    let v = replay(
        |t, c| l.decide(t, c),
        &[(0, 0), (9_999_999, 0), (10_000_000, 0)],
    );
    assert_eq!(outcomes(&v), [A, R, A]);
    assert_eq!(v[1].retry_after_s, Some(1));
    // Client 1's window starts at its own first hit (5 s), not at client 0's.
    let mut l = FixedWindow::new(3, s(10.0));
    let reqs = [
        (s(0.0), 0),
        (s(5.0), 1),
        (s(5.0), 1),
        (s(5.0), 1),
        (s(5.0), 1),
        (s(10.0), 0),
    ];
    let v = replay(|t, c| l.decide(t, c), &reqs);
    assert_eq!(outcomes(&v), [A, A, A, A, R, A]);
    assert_eq!(v[4].retry_after_s, Some(10));
    let v = replay(|t, c| l.decide(t, c), &[(s(14.999), 1), (s(15.0), 1)]);
    assert_eq!(outcomes(&v), [R, A]);
    assert_eq!(v[0].retry_after_s, Some(1));
    assert_eq!(l.state_bytes(), 32, "16 B per client");
}

#[test]
fn sliding_log_counts_accepted_requests_in_the_last_window() {
    let mut l = SlidingLog::new(3, s(10.0));
    let v = replay(
        |t, c| l.decide(t, c),
        &at(&[0.0, 1.0, 2.0, 3.0, 9.999, 10.0, 10.5, 11.0, 12.0]),
    );
    // The entry at 0 leaves exactly at 10 (entries at or before now − window are dropped);
    // refused requests are not logged, so they never extend the wait.
    assert_eq!(outcomes(&v), [A, A, A, R, R, A, R, A, A]);
    let remaining: Vec<_> = v.iter().map(|v| v.remaining.unwrap()).collect();
    assert_eq!(remaining, [2, 1, 0, 0, 0, 0, 0, 0, 0]);
    // Retry-After: until the oldest entry leaves: 0 + 10 − 3 = 7 s; 1 + 10 − 10.5 → 1 s.
    assert_eq!(v[3].retry_after_s, Some(7));
    assert_eq!(v[4].retry_after_s, Some(1));
    assert_eq!(v[6].retry_after_s, Some(1));
    assert_eq!(l.state_bytes(), 8 * 3);
}

#[test]
fn sliding_counter_weighs_the_previous_window() {
    let mut l = SlidingCounter::new(4, s(10.0));
    let times = [
        2.0, 4.0, 6.0, 8.0, 9.0, 10.0, 12.5, 13.0, 14.0, 15.0, 15.000_001, 25.0, 45.0,
    ];
    let v = replay(|t, c| l.decide(t, c), &at(&times));
    // 10.0: 4 × 10/10 + 0 = 4, not < 4. 12.5: 4 × 0.75 = 3 < 4. 13.0: 4 × 0.7 + 1 = 3.8.
    // 14.0: 4 × 0.6 + 2 = 4.4. 15.0: 4 × 0.5 + 2 = 4 exactly: refused; 1 µs later: allowed.
    // 25.0: prev = 3, 3 × 0.5 = 1.5. 45.0: window 3 was empty, so prev = 0.
    assert_eq!(outcomes(&v), [A, A, A, A, R, R, A, A, R, R, A, A, A]);
    let remaining: Vec<_> = v.iter().map(|v| v.remaining.unwrap()).collect();
    assert_eq!(remaining, [3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3]);
    // At 14.0 the estimate drops below 4 just after 15.0: Retry-After ⌈1.000001⌉ = 2 s.
    assert_eq!(v[8].retry_after_s, Some(2));
    // At 9.0 (cur = limit) it waits for the next window: 4 × (10 − e)/10 < 4 ⇒ e > 0.
    assert_eq!(v[4].retry_after_s, Some(2));
}

/// brandur/redis-cell `it_rate_limits` (limit 5 = max_burst 4 + 1, 1 per second), the cases
/// with quantity 1: (ms since start, limited, remaining, reset_after ms).
#[test]
fn gcra_matches_redis_cell_test_table() {
    let cases: [(u64, bool, u32, u64); 11] = [
        (0, false, 4, 1000),
        (0, false, 3, 2000),
        (0, false, 2, 3000),
        (0, false, 1, 4000),
        (0, false, 0, 5000),
        (0, true, 0, 5000),
        (3000, false, 2, 3000),
        (3100, false, 1, 3900),
        (4000, false, 1, 4000),
        (8000, false, 4, 1000),
        (9500, false, 4, 1000),
    ];
    let mut g = Gcra::new(5, s(1.0));
    for (i, &(ms, limited, remaining, reset_ms)) in cases.iter().enumerate() {
        let v = g.decide(ms * 1000, 0);
        assert_eq!(v.outcome == R, limited, "case {i}");
        assert_eq!(v.remaining, Some(remaining), "case {i}");
        assert_eq!(v.reset_s, Some(reset_ms.div_ceil(1000)), "case {i}");
        // retry_after = 1 s for the one limited case (−1 = none otherwise).
        assert_eq!(v.retry_after_s, limited.then_some(1), "case {i}");
    }
}

#[test]
fn token_bucket_refills_exactly_on_time() {
    let mut l = TokenBucket::new(2, s(1.0));
    let v = replay(
        |t, c| l.decide(t, c),
        &at(&[0.0, 0.0, 0.0, 0.5, 1.0, 1.999_999, 2.0, 10.0]),
    );
    // A token is back exactly 1 s after it was taken; 1 µs earlier is too soon.
    assert_eq!(outcomes(&v), [A, A, R, R, A, R, A, A]);
    let remaining: Vec<_> = v.iter().map(|v| v.remaining.unwrap()).collect();
    assert_eq!(remaining, [1, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(v[2].retry_after_s, Some(1));
    assert_eq!(v[3].retry_after_s, Some(1)); // 0.5 s rounds up
    assert_eq!(v[5].retry_after_s, Some(1)); // 1 µs rounds up
}

#[test]
fn nginx_burst_zero_and_millisecond_rounding() {
    // rate=1r/s, no burst: 1000 − 999 = 1 > 0 at 999 ms; refused requests leave `last`.
    let mut l = LeakyBucket::new(1, RateScale::PerSecond, 0, Some(0));
    let reqs = [0, 999_999, 1_000_000, 1_000_500, 2_000_900];
    let v = replay(|t, c| l.decide(t, c), &reqs.map(|t| (t, 0)));
    assert_eq!(outcomes(&v), [A, R, A, R, A]);
    // nginx sends no RateLimit headers and no Retry-After.
    assert!(v
        .iter()
        .all(|v| v.remaining.is_none() && v.retry_after_s.is_none()));
}

#[test]
fn nginx_per_minute_rate_truncates() {
    // rate=2r/m → ctx->rate = 2000 / 60 = 33. burst=1.
    let mut l = LeakyBucket::new(2, RateScale::PerMinute, 1, Some(0));
    let v = replay(|t, c| l.decide(t, c), &[(0, 0), (0, 0)]);
    // The second has excess 1000: it waits 1000 × 1000 / 33 = 30303 ms.
    assert_eq!(outcomes(&v), [A, d(30_303)]);
    // After 30.303 s only 33 × 30303 / 1000 = 999 has leaked: 1000 − 999 + 1000 > 1000.
    // One ms later 1000 has leaked.
    let v = replay(|t, c| l.decide(t, c), &[(30_303_000, 0), (30_304_000, 0)]);
    assert_eq!(outcomes(&v), [R, d(30_303)]);
}

#[test]
fn nginx_delay_nodelay_and_two_stage() {
    let five_at_once = [(0, 0); 5];
    // burst=3: the burst waits in line 1, 2, 3 s; the fifth is refused.
    let mut l = LeakyBucket::new(1, RateScale::PerSecond, 3, Some(0));
    let v = replay(|t, c| l.decide(t, c), &five_at_once);
    assert_eq!(outcomes(&v), [A, d(1000), d(2000), d(3000), R]);
    // At 0.5 s: 3000 − 500 + 1000 = 3500 > 3000; at 1.0 s: 3000 → waits 3 s.
    let v = replay(|t, c| l.decide(t, c), &[(500_000, 0), (1_000_000, 0)]);
    assert_eq!(outcomes(&v), [R, d(3000)]);
    // nodelay: the same burst passes at once, and still uses it up.
    let mut l = LeakyBucket::new(1, RateScale::PerSecond, 3, None);
    assert_eq!(
        outcomes(&replay(|t, c| l.decide(t, c), &five_at_once)),
        [A, A, A, A, R]
    );
    // delay=2: two excess pass at once, the third waits (3000 − 2000) × 1000 / 1000 ms.
    let mut l = LeakyBucket::new(1, RateScale::PerSecond, 3, Some(2));
    assert_eq!(
        outcomes(&replay(|t, c| l.decide(t, c), &five_at_once)),
        [A, A, A, d(1000), R]
    );
    // rate=10r/s burst=2: waits are excess / 10 ms-per-milli-request.
    let mut l = LeakyBucket::new(10, RateScale::PerSecond, 2, Some(0));
    let v = replay(
        |t, c| l.decide(t, c),
        &[(0, 0), (0, 0), (50_000, 0), (50_000, 0)],
    );
    // 0: new; 0: 1000 → 100 ms; 50 ms: 1000 − 500 + 1000 = 1500 → 150 ms; 2500 > 2000.
    assert_eq!(outcomes(&v), [A, d(100), d(150), R]);
}

/// Token bucket and GCRA make the same decisions and report the same headers on random
/// traffic from many clients, for several capacities and rates.
#[test]
fn token_bucket_and_gcra_are_equivalent() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    for &(cap, interval) in &[(1, 1_000_000), (5, 200_000), (10, 333_333), (100, 7_919)] {
        let mut tb = TokenBucket::new(cap, interval);
        let mut g = Gcra::new(cap, interval);
        let mut t: SimTime = 0;
        let (mut accepted, mut rejected) = (0, 0);
        for _ in 0..200_000 {
            // Mix simultaneous requests, short gaps and long pauses.
            t += match rng.random_range(0..50) {
                0..=4 => 0,
                5 => rng.random_range(0..5 * interval),
                _ => rng.random_range(0..interval / 8 + 1),
            };
            let client = rng.random_range(0..3);
            let (a, b) = (tb.decide(t, client), g.decide(t, client));
            assert_eq!(a, b, "cap {cap}, T {interval} µs, t {t}, client {client}");
            if a.outcome == A {
                accepted += 1;
            } else {
                rejected += 1;
            }
            assert_eq!(tb.level_milli(t, client), g.level_milli(t, client));
        }
        assert!(
            accepted > 1000 && rejected > 1000,
            "{accepted} / {rejected}"
        );
    }
}
