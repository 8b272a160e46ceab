//! ScaleLab's models: pure, deterministic discrete-event simulations and the parameters that
//! describe them. Nothing here touches the browser: every model is compiled and tested
//! natively (`cargo test -p scalelab-sim`), and the web app drives the very same code.
//!
//! ```text
//! params   one Params type per demo: field specs, clamping and notices, the URL codec
//! engine   clock (integer µs) + event queue (FIFO on ties) + the Simulation trait
//! rng      seeded, platform-stable random streams
//! dist     service-time and other distributions (rand_distr)
//! stats    latency histograms (hdrhistogram) and time series for charts
//! arrivals arrival processes shared by the models
//! queue    queue + worker pool with retries and autoscaling
//! nplus1   N+1 queries: the SQL each loading strategy sends, and a load test of it
//! cache    caching layers with eviction, TTLs, invalidation and stampedes
//! ratelimit rate-limiting algorithms as their reference implementations behave
//! theory   closed forms (Erlang C, M/M/c/K) shown beside the simulation
//! ```
pub mod arrivals;
pub mod cache;
pub mod dist;
pub mod engine;
pub mod nplus1;
pub mod params;
pub mod queue;
pub mod ratelimit;
pub mod rng;
pub mod stats;
pub mod theory;

pub use engine::{SimTime, Simulation};
