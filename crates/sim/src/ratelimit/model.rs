//! `RateLimitSim`: one stream of requests, every enabled limiter deciding each one.
//!
//! ```text
//!  Source ──Arrive{client}──▶ for each row: Limiter::decide ──▶ stats, log, dots, series
//!                                   │ Delay(d)
//!                                   └──▶ Admit{row, client} at now + d (leaves the wait)
//! ```
//!
//! Only client 0 (the watched client: the first, or the noisy one) is charted and measured
//! for the busiest window.
use super::algo::{Algo, Limiter};
use super::bucket::{Gcra, TokenBucket};
use super::log::{DecisionLog, LogEntry};
use super::nginx::{LeakyBucket, RateScale};
use super::params::{RateLimitParams, RateUnit};
use super::traffic::Source;
use super::verdict::Outcome;
use super::window::{FixedWindow, SlidingCounter, SlidingLog};
use crate::engine::{from_secs, Clock, SimTime, MILLI};
use crate::stats::TimeSeries;
use std::collections::VecDeque;

/// Recent requests kept per row for the animation.
pub const MAX_DOTS: usize = 64;
/// The watched client.
pub const WATCHED: u32 = 0;
/// Levels: one per algorithm (× 1000). Counts: accepted, rejected, delayed per algorithm.
pub(super) type Series = TimeSeries<6, 18>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A request of `client` arrives now.
    Arrive { client: u32 },
    /// A delayed request of `client` is let through by row `row`.
    Admit { row: usize, client: u32 },
}

/// A recent request as one row saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Recent {
    pub id: u64,
    pub client: u32,
    pub t: SimTime,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Stats {
    pub accepted: u64,
    pub rejected: u64,
    pub delayed: u64,
    pub delay_sum: u128,
    pub delay_max: SimTime,
    pub waiting: u64,
    pub peak_bytes: u64,
    /// Admission times of the watched client within the last window, and the most seen.
    pub span: VecDeque<SimTime>,
    pub span_max: u64,
}

/// One limiter and everything measured about it.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub limiter: Limiter,
    pub stats: Stats,
    pub log: DecisionLog,
    pub recent: VecDeque<Recent>,
}

impl Row {
    fn admit_watched(&mut self, t: SimTime, window: SimTime) {
        let span = &mut self.stats.span;
        while span.front().is_some_and(|&s| s + window <= t) {
            span.pop_front();
        }
        span.push_back(t);
        self.stats.span_max = self.stats.span_max.max(span.len() as u64);
    }
}

/// Builds the limiter of `algo` from the parameters.
pub fn limiter_for(algo: Algo, p: &RateLimitParams) -> Limiter {
    let window = from_secs(p.window_s).max(MILLI);
    let interval = from_secs(1.0 / p.refill_per_s.max(1e-6)).max(1);
    match algo {
        Algo::Fixed => Limiter::Fixed(FixedWindow::new(p.limit, window)),
        Algo::SlidingLog => Limiter::SlidingLog(SlidingLog::new(p.limit, window)),
        Algo::SlidingCounter => Limiter::SlidingCounter(SlidingCounter::new(p.limit, window)),
        Algo::TokenBucket => Limiter::TokenBucket(TokenBucket::new(p.capacity, interval)),
        Algo::Gcra => Limiter::Gcra(Gcra::new(p.capacity, interval)),
        Algo::Leaky => {
            let scale = match p.nginx_unit {
                RateUnit::Rs => RateScale::PerSecond,
                RateUnit::Rm => RateScale::PerMinute,
            };
            let delay = (!p.nodelay).then_some(p.delay);
            Limiter::Leaky(LeakyBucket::new(p.nginx_rate, scale, p.burst, delay))
        }
    }
}

/// Whether `algo` is switched on.
pub fn enabled(algo: Algo, p: &RateLimitParams) -> bool {
    match algo {
        Algo::Fixed => p.fixed,
        Algo::SlidingLog => p.sliding_log,
        Algo::SlidingCounter => p.sliding_counter,
        Algo::TokenBucket => p.token_bucket,
        Algo::Gcra => p.gcra,
        Algo::Leaky => p.leaky,
    }
}

/// The whole run: the traffic, the limiters side by side, and what they measured.
#[derive(Clone, Debug)]
pub struct RateLimitSim {
    pub(super) clock: Clock<Event>,
    pub(super) params: RateLimitParams,
    source: Source,
    pub(super) rows: Vec<Row>,
    pub(super) window: SimTime,
    pub(super) requests: u64,
    pub(super) clients_seen: u64,
    seen: Vec<bool>,
    pub(super) series: Series,
}

impl RateLimitSim {
    /// A run of `params` (assumed validated; anything else still never panics) with `seed`.
    pub fn new(params: &RateLimitParams, seed: u64) -> Self {
        let horizon = from_secs(params.duration_s);
        let rows = Algo::ALL
            .iter()
            .filter(|&&a| enabled(a, params))
            .map(|&a| Row {
                limiter: limiter_for(a, params),
                stats: Stats::default(),
                log: DecisionLog::default(),
                recent: VecDeque::with_capacity(MAX_DOTS),
            })
            .collect::<Vec<_>>();
        let mut initial = [0; 6];
        for row in &rows {
            initial[row.limiter.algo().index()] = row.limiter.level_milli(0, WATCHED);
        }
        let mut sim = RateLimitSim {
            clock: Clock::new(horizon),
            params: params.clone(),
            source: Source::new(params, seed, horizon),
            rows,
            window: from_secs(params.window_s).max(MILLI),
            requests: 0,
            clients_seen: 0,
            seen: Vec::new(),
            series: Series::new(horizon, initial),
        };
        sim.schedule_next();
        sim
    }

    fn schedule_next(&mut self) {
        if let Some((t, client)) = self.source.next() {
            self.clock.schedule(t, Event::Arrive { client });
        }
    }

    pub(super) fn apply(&mut self, event: Event) {
        let now = self.clock.now();
        match event {
            Event::Arrive { client } => {
                self.arrive(now, client);
                self.schedule_next();
            }
            Event::Admit { row, client } => {
                if let Some(r) = self.rows.get_mut(row) {
                    r.stats.waiting = r.stats.waiting.saturating_sub(1);
                    if client == WATCHED {
                        r.admit_watched(now, self.window);
                    }
                }
            }
        }
    }

    fn arrive(&mut self, now: SimTime, client: u32) {
        let id = self.requests;
        self.requests += 1;
        let i = client as usize;
        if self.seen.len() <= i {
            self.seen.resize(i + 1, false);
        }
        if !self.seen[i] {
            self.seen[i] = true;
            self.clients_seen += 1;
        }
        for (index, row) in self.rows.iter_mut().enumerate() {
            let v = row.limiter.decide(now, client);
            let algo = row.limiter.algo().index();
            let s = &mut row.stats;
            match v.outcome {
                Outcome::Accept => {
                    s.accepted += 1;
                    self.series.count(now, algo * 3);
                    if client == WATCHED {
                        row.admit_watched(now, self.window);
                    }
                }
                Outcome::Reject => {
                    s.rejected += 1;
                    self.series.count(now, algo * 3 + 1);
                }
                Outcome::Delay(d) => {
                    s.delayed += 1;
                    s.delay_sum += u128::from(d);
                    s.delay_max = s.delay_max.max(d);
                    s.waiting += 1;
                    self.series.count(now, algo * 3 + 2);
                    let event = Event::Admit { row: index, client };
                    self.clock.schedule(now.saturating_add(d), event);
                }
            }
            let stats = &mut row.stats;
            stats.peak_bytes = stats.peak_bytes.max(row.limiter.state_bytes());
            row.log.push(LogEntry::new(now, id, client, v));
            if row.recent.len() == MAX_DOTS {
                row.recent.pop_front();
            }
            row.recent.push_back(Recent {
                id,
                client,
                t: now,
                outcome: v.outcome,
            });
            if client == WATCHED {
                let level = row.limiter.level_milli(now, client);
                self.series.set_level(now, algo, level);
            }
        }
    }

    pub fn params(&self) -> &RateLimitParams {
        &self.params
    }

    /// The decision log of `algo`, if it runs.
    pub fn decision_log(&self, algo: Algo) -> Option<&DecisionLog> {
        self.row(algo).map(|r| &r.log)
    }

    /// The limiter of `algo`, if it runs (for reading its state).
    pub fn limiter(&self, algo: Algo) -> Option<&Limiter> {
        self.row(algo).map(|r| &r.limiter)
    }

    /// The algorithms that run, in row order.
    pub fn algos(&self) -> Vec<Algo> {
        self.rows.iter().map(|r| r.limiter.algo()).collect()
    }

    fn row(&self, algo: Algo) -> Option<&Row> {
        self.rows.iter().find(|r| r.limiter.algo() == algo)
    }

    /// Requests that have arrived so far.
    pub fn requests(&self) -> u64 {
        self.requests
    }
}
