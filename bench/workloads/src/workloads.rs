//! The reference workloads `scripts/bench` times: one per model, the same code natively and
//! in wasm, scaled down for the quick CI variant. The `*_throughput` examples start from the
//! same parameters. Timing is left to the caller (native `Instant`, JavaScript
//! `performance.now()` around the wasm call).
//!
//! ```text
//!  mm2        M/M/2 at ρ = 0.8: 160 jobs/s, 2 workers, exponential 10 ms, 10^6 jobs
//!  cache      10^6 reads, Zipf(0.9) over 10^5 keys, L1 1,000 × 3 servers + Redis 10,000 + DB,
//!             10 writes/s
//!  ratelimit  10^6 decisions: 166,667 Poisson requests over 100 clients, each by all 6 limiters
//!  nplus1     1,000 users, lazy loading of 100 posts, pool of 10, 60 s (quick: 30 s)
//!  mm2_bare   the mm2 workload with no statistics (bare.rs): the engine's own limit
//! ```
use scalelab_sim::cache::{CacheParams, CacheSim};
use scalelab_sim::nplus1::{NPlusOneParams, NPlusOneSim, Strategy};
use scalelab_sim::params::Params;
use scalelab_sim::queue::{QueueParams, QueueSim};
use scalelab_sim::ratelimit::{Pattern, RateLimitParams, RateLimitSim};
use scalelab_sim::Simulation;

/// The workloads, by name.
pub const WORKLOADS: [&str; 5] = ["mm2", "cache", "ratelimit", "nplus1", "mm2_bare"];

/// What one run of a workload did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Done {
    /// Jobs, reads, decisions or pages: what the workload counts.
    pub items: u64,
    pub unit: &'static str,
    /// Events the engine processed.
    pub events: u64,
}

/// `scale` as used by the workloads: 1 = full size, down to 10^-4.
fn clamp_scale(scale: f64) -> f64 {
    if scale.is_finite() {
        scale.clamp(1e-4, 1.0)
    } else {
        1.0
    }
}

/// M/M/2 at ρ = 0.8, 10^6 × `scale` jobs expected.
pub fn mm2(scale: f64) -> QueueParams {
    QueueParams {
        rate: 160.0,
        workers: 2,
        service_ms: 10.0,
        duration_s: (6_250.0 * clamp_scale(scale)).round().max(1.0),
        ..QueueParams::default()
    }
}

/// 10^6 × `scale` reads through L1 + Redis + database.
pub fn cache(scale: f64) -> CacheParams {
    let mut p = CacheParams {
        rate: 10_000.0,
        duration_s: (100.0 * clamp_scale(scale)).round().max(1.0),
        keys: 100_000,
        write_rate: 10.0,
        db_slots: 64,
        db_ms: 5.0,
        ..CacheParams::default()
    };
    p.l1.size = 1_000;
    p.redis.size = 10_000;
    p
}

/// 10^6 × `scale` decisions: Poisson requests over 100 clients, each decided by all six
/// limiters.
pub fn ratelimit(scale: f64) -> RateLimitParams {
    RateLimitParams {
        traffic: Pattern::Poisson,
        rate: 100.0,
        clients: 100,
        duration_s: 100.0 / 6.0 * clamp_scale(scale),
        ..RateLimitParams::default()
    }
}

/// 1,000 users loading the 100-post page with `strategy`; pages take ~11 s under this load
/// when lazy, so the run is never shorter than 30 s.
pub fn nplus1(strategy: Strategy, scale: f64) -> NPlusOneParams {
    NPlusOneParams {
        users: 1000,
        posts: 100,
        strategy,
        duration_s: (60.0 * clamp_scale(scale)).round().max(30.0),
        ..NPlusOneParams::default()
    }
}

fn run<S: Simulation>(mut sim: S) -> (S::Report, u64) {
    while sim.step() {}
    (sim.report(), sim.events())
}

/// Runs workload `name` at `scale` with a fixed seed. `None` for an unknown name.
pub fn run_workload(name: &str, scale: f64) -> Option<Done> {
    let done = match name {
        "mm2" => {
            let (r, events) = run(QueueSim::new(&mm2(scale).validate().0, 1));
            Done {
                items: r.jobs_arrived,
                unit: "jobs",
                events,
            }
        }
        "cache" => {
            let (r, events) = run(CacheSim::new(&cache(scale).validate().0, 1));
            Done {
                items: r.reads,
                unit: "reads",
                events,
            }
        }
        "ratelimit" => {
            let (r, events) = run(RateLimitSim::new(&ratelimit(scale).validate().0, 42));
            Done {
                items: r.requests * r.algos.len() as u64,
                unit: "decisions",
                events,
            }
        }
        "nplus1" => {
            let p = nplus1(Strategy::Lazy, scale).validate().0;
            let (r, events) = run(NPlusOneSim::new(&p, 42));
            Done {
                items: r.pages_completed,
                unit: "pages",
                events,
            }
        }
        "mm2_bare" => crate::bare::bare_mm2(scale, 1),
        _ => return None,
    };
    Some(done)
}
