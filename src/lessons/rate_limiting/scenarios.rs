//! The lesson's scenarios as parameter sets, which its presets are built on; what each one
//! shows is checked by `tests/lesson_rate_limiting.rs`.
use scalelab_sim::ratelimit::{Pattern, RateLimitParams, RateUnit};

/// express-rate-limit's README example: 100 requests per 15 minutes, over an hour.
pub fn express_example() -> RateLimitParams {
    RateLimitParams {
        limit: 100,
        window_s: 900.0,
        capacity: 100,
        refill_per_s: 0.1,
        nginx_rate: 7,
        nginx_unit: RateUnit::Rm,
        burst: 20,
        rate: 0.2,
        duration_s: 3600.0,
        ..RateLimitParams::default()
    }
}

/// The fixed window's weak spot: the limit just before and just after a reset.
pub fn boundary_double_burst() -> RateLimitParams {
    RateLimitParams {
        traffic: Pattern::Boundary,
        ..RateLimitParams::default()
    }
}

/// nginx `limit_req rate=1r/s burst=5` with or without `nodelay`, on bursty traffic.
pub fn nginx_burst(nodelay: bool) -> RateLimitParams {
    RateLimitParams {
        traffic: Pattern::Bursty,
        rate: 5.0,
        nodelay,
        ..RateLimitParams::default()
    }
}

/// One noisy client among twenty polite ones.
pub fn noisy_client() -> RateLimitParams {
    RateLimitParams {
        clients: 20,
        rate: 0.5,
        abuse: 20.0,
        ..RateLimitParams::default()
    }
}
