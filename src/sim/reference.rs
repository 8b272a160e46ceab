//! The reference workloads `scripts/bench` times: one per model, the same code natively and
//! in wasm, scaled down for the quick CI variant. Timing is left to the caller (native
//! `Instant`, JavaScript `performance.now()` around the wasm call).
//!
//! ```text
//!  mm2        M/M/2 at ρ = 0.8: 160 jobs/s, 2 workers, exponential 10 ms, 10^6 jobs
//!  cache      10^6 reads, Zipf(0.9) over 10^5 keys, L1 1,000 × 3 servers + Redis 10,000 + DB
//!  ratelimit  10^6 decisions: 166,667 Poisson requests over 100 clients, each by all 6 limiters
//!  nplus1     1,000 users, lazy loading of 100 posts, pool of 10, 60 s (quick: 30 s)
//! ```
use super::cache::{CacheParams, CacheSim};
use super::nplus1::{NPlusOneParams, NPlusOneSim, Strategy};
use super::queue::{QueueParams, QueueSim};
use super::ratelimit::{Pattern, RateLimitParams, RateLimitSim};
use super::Simulation;
use crate::params::Params;

/// The workloads, by name.
pub const WORKLOADS: [&str; 4] = ["mm2", "cache", "ratelimit", "nplus1"];

/// What one run of a workload did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Done {
    /// Jobs, reads, decisions or pages: what the workload counts.
    pub items: u64,
    pub unit: &'static str,
    /// Events the engine processed.
    pub events: u64,
}

fn run<S: Simulation>(mut sim: S) -> (S, u64) {
    while sim.step() {}
    let events = sim.events();
    (sim, events)
}

/// Runs workload `name` at `scale` (1 = the full size above; 0.1 for the quick variant) with
/// a fixed seed. `None` for an unknown name.
pub fn run_workload(name: &str, scale: f64) -> Option<Done> {
    let scale = if scale.is_finite() {
        scale.clamp(1e-4, 1.0)
    } else {
        1.0
    };
    let done = match name {
        "mm2" => {
            let p = QueueParams {
                rate: 160.0,
                workers: 2,
                service_ms: 10.0,
                duration_s: (6_250.0 * scale).round(),
                ..QueueParams::default()
            }
            .validate()
            .0;
            let (sim, events) = run(QueueSim::new(&p, 1));
            Done {
                items: sim.report().jobs_arrived,
                unit: "jobs",
                events,
            }
        }
        "cache" => {
            let mut p = CacheParams {
                rate: 10_000.0,
                duration_s: (100.0 * scale).round().max(1.0),
                keys: 100_000,
                write_rate: 0.0,
                db_slots: 64,
                db_ms: 5.0,
                ..CacheParams::default()
            };
            p.l1.size = 1_000;
            p.redis.size = 10_000;
            let p = p.validate().0;
            let (sim, events) = run(CacheSim::new(&p, 1));
            Done {
                items: sim.report().reads,
                unit: "reads",
                events,
            }
        }
        "ratelimit" => {
            let p = RateLimitParams {
                traffic: Pattern::Poisson,
                rate: 100.0,
                clients: 100,
                duration_s: 100.0 / 6.0 * scale,
                ..RateLimitParams::default()
            }
            .validate()
            .0;
            let (sim, events) = run(RateLimitSim::new(&p, 42));
            let r = sim.report();
            Done {
                items: r.requests * r.algos.len() as u64,
                unit: "decisions",
                events,
            }
        }
        "nplus1" => {
            let p = NPlusOneParams {
                users: 1000,
                posts: 100,
                strategy: Strategy::Lazy,
                // Pages take ~11 s under this load: never shorter than 30 s.
                duration_s: (60.0 * scale).round().max(30.0),
                ..NPlusOneParams::default()
            }
            .validate()
            .0;
            let (sim, events) = run(NPlusOneSim::new(&p, 42));
            Done {
                items: sim.report().pages_completed,
                unit: "pages",
                events,
            }
        }
        _ => return None,
    };
    Some(done)
}
