//! Rate limiters side by side on the same traffic: fixed window (express-rate-limit),
//! sliding log, sliding counter, token bucket / GCRA, and leaky bucket (nginx `limit_req`).
//! Each request is decided by every enabled limiter, each exactly as its reference computes.
//!
//! ```text
//! params    RateLimitParams, Pattern, RateUnit, and the rules between fields
//! fields    the URL keys, ranges and help of each parameter; the Params impl
//! timeline  parse_timeline: the custom "0, 0.5, 10x@59.9" syntax
//! traffic   the request source: generated arrivals + clients, boundary bursts, timeline
//! verdict   Outcome, Verdict: a decision as the client sees it; helpers for limiters
//! algo      Algo, Limiter (dispatch)
//! window    FixedWindow (express-rate-limit), SlidingLog, SlidingCounter (Cloudflare)
//! bucket    TokenBucket, Gcra (redis-cell): the same decisions
//! nginx     LeakyBucket: ngx_http_limit_req_module's integer arithmetic
//! log       DecisionLog: the first 1,000 and last 1,000 decisions per limiter
//! model     RateLimitSim: the events and what they do
//! run       the Simulation trait and the report
//! report    RateLimitReport, AlgoReport, SeriesPoint
//! view      RateLimitView, RowView, RequestDot: the snapshot types for the animation
//! snapshot  RateLimitSim::view: the snapshot read off a running model
//! ```
mod algo;
mod bucket;
mod fields;
mod log;
mod model;
mod nginx;
mod params;
mod report;
mod run;
mod snapshot;
mod timeline;
mod traffic;
mod verdict;
mod view;
mod window;

pub use algo::{Algo, Limiter};
pub use bucket::{Gcra, TokenBucket};
pub use log::{DecisionLog, LogEntry, LOG_HEAD, LOG_TAIL};
pub use model::{enabled, limiter_for, Event, RateLimitSim, MAX_DOTS, WATCHED};
pub use nginx::{LeakyBucket, RateScale, NODELAY};
pub use params::{Pattern, RateLimitParams, RateUnit, MAX_EXPECTED_REQUESTS};
pub use report::{AlgoReport, RateLimitReport, SeriesPoint, LOG_IN_REPORT};
pub use timeline::{
    parse_timeline, Run, Timeline, TimelineRequests, MAX_CLIENTS, MAX_TIMELINE_CHARS,
    MAX_TIMELINE_REQUESTS,
};
pub use traffic::boundary_requests;
pub use verdict::{ceil_secs, Outcome, Verdict};
pub use view::{DotState, RateLimitView, RequestDot, RowView};
pub use window::{FixedWindow, SlidingCounter, SlidingLog};
