//! The rate-limiter demo's parameters: which limiters run, each one's settings (as their
//! references spell them), and the traffic they all receive. Described field by field in
//! `fields`; cross-field rules (at least one limiter, a readable timeline, a bounded run) are
//! applied after clamping.
use super::timeline::{parse_timeline, MAX_TIMELINE_REQUESTS};
use crate::params::kit::thousands;
use crate::params::Notice;
use serde::{Deserialize, Serialize};

/// The most requests a validated run may expect; longer runs are shortened.
pub const MAX_EXPECTED_REQUESTS: f64 = 2_000_000.0;

crate::choices! {
    /// The traffic every limiter receives.
    pub enum Pattern {
        /// Exactly evenly spaced.
        Steady => ("steady", "Steady (evenly spaced)"),
        /// Random (Poisson) arrivals.
        #[default]
        Poisson => ("poisson", "Poisson (random)"),
        /// Poisson during "on" phases, nothing during "off" phases.
        Bursty => ("bursty", "Bursty (on/off)"),
        /// Client 0 sends `limit` just before and `limit` just after every window boundary.
        Boundary => ("boundary", "Bursts at window boundaries"),
        /// The hand-written timeline.
        Custom => ("custom", "Custom timeline"),
    }
}

crate::choices! {
    /// nginx's rate unit (`rate=10r/s` or `rate=30r/m`).
    pub enum RateUnit {
        #[default]
        Rs => ("rs", "r/s (per second)"),
        Rm => ("rm", "r/m (per minute)"),
    }
}

/// Every limiter's settings and the shared traffic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateLimitParams {
    pub fixed: bool,
    pub sliding_log: bool,
    pub sliding_counter: bool,
    pub token_bucket: bool,
    pub gcra: bool,
    pub leaky: bool,
    /// Requests per window per client (fixed window, sliding log, sliding counter; 1..=10000).
    pub limit: u32,
    /// Window length, seconds (0.1..=86400; express's `windowMs` / 1000).
    pub window_s: f64,
    /// Token bucket / GCRA capacity, tokens (1..=10000).
    pub capacity: u32,
    /// Token bucket / GCRA refill, tokens per second (0.001..=10000).
    pub refill_per_s: f64,
    /// nginx `rate=` number (1..=10000) and unit.
    pub nginx_rate: u32,
    pub nginx_unit: RateUnit,
    /// nginx `burst=` (0..=10000).
    pub burst: u32,
    /// nginx `nodelay`.
    pub nodelay: bool,
    /// nginx `delay=` (0..=10000; 0 = not given, nginx's default).
    pub delay: u32,
    pub traffic: Pattern,
    /// Requests per second of each ordinary client (0.01..=10000).
    pub rate: f64,
    /// Clients, each with its own key (1..=1000); client 0 is the watched one.
    pub clients: u32,
    /// Client 0 sends this many times the ordinary rate (1..=1000).
    pub abuse: f64,
    /// Bursty traffic: seconds on and off (0.1..=3600, 0..=3600).
    pub on_s: f64,
    pub off_s: f64,
    /// Custom traffic (see `timeline`); at most 4000 characters.
    pub timeline: String,
    /// Simulated seconds (1..=86400).
    pub duration_s: f64,
}

impl Default for RateLimitParams {
    fn default() -> Self {
        RateLimitParams {
            fixed: true,
            sliding_log: true,
            sliding_counter: true,
            token_bucket: true,
            gcra: true,
            leaky: true,
            limit: 10,
            window_s: 10.0,
            capacity: 10,
            refill_per_s: 1.0,
            nginx_rate: 1,
            nginx_unit: RateUnit::Rs,
            burst: 5,
            nodelay: false,
            delay: 0,
            traffic: Pattern::Poisson,
            rate: 2.0,
            clients: 1,
            abuse: 1.0,
            on_s: 2.0,
            off_s: 8.0,
            timeline: "0, 0.5, 1.2, 10x@9.9, 10x@10.1".to_string(),
            duration_s: 60.0,
        }
    }
}

impl RateLimitParams {
    /// Whether any limiter is on.
    pub fn any_enabled(&self) -> bool {
        self.fixed
            || self.sliding_log
            || self.sliding_counter
            || self.token_bucket
            || self.gcra
            || self.leaky
    }

    /// The expected number of requests per simulated second (generated traffic), or `None`
    /// for traffic whose count does not grow with a rate.
    fn expected_per_s(&self) -> f64 {
        let base = self.rate * (f64::from(self.clients.max(1) - 1) + self.abuse);
        match self.traffic {
            Pattern::Steady | Pattern::Poisson => base,
            Pattern::Bursty => base * self.on_s / (self.on_s + self.off_s).max(1e-9),
            // 2 × limit per window.
            Pattern::Boundary => 2.0 * f64::from(self.limit) / self.window_s.max(1e-9),
            Pattern::Custom => 0.0,
        }
    }

    fn check_timeline(&self, notices: &mut Vec<Notice>) {
        let t = parse_timeline(&self.timeline);
        if !t.skipped.is_empty() {
            let shown: Vec<String> = t.skipped.iter().take(5).map(|s| quote(s)).collect();
            let more = t.skipped.len().saturating_sub(5);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            notices.push(Notice::new(
                "timeline",
                format!(
                    "Custom timeline: skipped {}{tail} (not understood)",
                    shown.join(", ")
                ),
            ));
        }
        if t.truncated {
            notices.push(Notice::new(
                "timeline",
                format!(
                    "Custom timeline: kept the first {} requests",
                    thousands(MAX_TIMELINE_REQUESTS as u64)
                ),
            ));
        }
        let horizon = crate::engine::from_secs(self.duration_s);
        let late = t.count_from(horizon);
        if late > 0 {
            notices.push(Notice::new(
                "duration",
                format!(
                    "Custom timeline: {late} requests at or after the end of the run ({} s) are not sent",
                    self.duration_s
                ),
            ));
        }
    }
}

/// Quotes user text back safely and briefly.
fn quote(s: &str) -> String {
    let cut: String = s.chars().filter(|c| !c.is_control()).take(24).collect();
    if s.chars().count() > 24 {
        format!("'{cut}…'")
    } else {
        format!("'{cut}'")
    }
}

impl RateLimitParams {
    /// The rules between fields, applied by [`Params::check`](crate::params::Params::check)
    /// after each field is clamped to its range.
    pub(super) fn apply_rules(&mut self, notices: &mut Vec<Notice>) {
        if !self.any_enabled() {
            self.fixed = true;
            notices.push(Notice::new(
                "fixed",
                "Limiters: none was on; turned on the fixed window",
            ));
        }
        if self.traffic == Pattern::Custom {
            self.check_timeline(notices);
            return;
        }
        let per_s = self.expected_per_s();
        // A relative tolerance: a rate reduced to fit the cap may compute a hair above it.
        if per_s * self.duration_s <= MAX_EXPECTED_REQUESTS * (1.0 + 1e-9) {
            return;
        }
        let cap = thousands(MAX_EXPECTED_REQUESTS as u64);
        let longest = (MAX_EXPECTED_REQUESTS / per_s).floor().max(1.0);
        self.duration_s = longest;
        notices.push(Notice::new(
            "duration",
            format!("Duration: shortened to {longest} s so the run stays under {cap} requests"),
        ));
        if per_s > MAX_EXPECTED_REQUESTS {
            // Only generated traffic gets here (boundary needs limit / window > 10^6 / s).
            let factor = MAX_EXPECTED_REQUESTS / per_s;
            self.rate = (self.rate * factor * 100.0).floor().max(1.0) / 100.0;
            notices.push(Notice::new(
                "rate",
                format!(
                    "Request rate: reduced to {} /s so the run stays under {cap} requests",
                    self.rate
                ),
            ));
        }
    }
}
