//! Rate limiters side by side on the same traffic: fixed window (express-rate-limit),
//! sliding log, sliding counter, token bucket / GCRA, and leaky bucket (nginx `limit_req`).
//! Each request is decided by every enabled limiter, each exactly as its reference computes.
//!
//! ```text
//! params    RateLimitParams, Pattern, RateUnit (+ fields: URL keys, ranges, help)
//! timeline  parse_timeline: the custom "0, 0.5, 10x@59.9" syntax
//! traffic   the request source: generated arrivals + clients, boundary bursts, timeline
//! algo      Algo, Outcome, Verdict, Limiter (dispatch)
//! window    FixedWindow (express-rate-limit), SlidingLog, SlidingCounter (Cloudflare)
//! bucket    TokenBucket, Gcra (redis-cell): the same decisions
//! nginx     LeakyBucket: ngx_http_limit_req_module's integer arithmetic
//! log       DecisionLog: the first 1,000 and last 1,000 decisions per limiter
//! model     RateLimitSim: the events and what they do
//! run       the Simulation trait and the report
//! report    RateLimitReport, AlgoReport, SeriesPoint
//! view      RateLimitView, RowView, RequestDot: a snapshot for the animation
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
mod timeline;
mod traffic;
mod view;
mod window;

pub use algo::{ceil_secs, Algo, Limiter, Outcome, Verdict};
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
pub use view::{DotState, RateLimitView, RequestDot, RowView};
pub use window::{FixedWindow, SlidingCounter, SlidingLog};
