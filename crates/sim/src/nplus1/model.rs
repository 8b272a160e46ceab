//! The load test: `users` virtual users load the page over and over. Every query of a page
//! takes a pool connection, crosses the network, waits for a database slot, executes and
//! comes back.
//!
//! ```text
//!  user ─ think ─▶ page ─▶ [pool wait, FIFO] ─▶ rtt/2 ─▶ [DB queue, FIFO] ─▶ execute ─▶ rtt/2 ─┐
//!   ▲                ▲                                   at most db_slots                       │
//!   │                └──── next query (sequential) or next level (concurrent) ◀── release ◀────┘
//!   └──────────────────────────────────── page done: record latency ◀──────────────────────────┘
//! ```
//!
//! Events: `PageStart`, `AtDb`, `ExecDone`, `Back`. A page sends its queries in *steps*: one
//! query per step (sequential) or one dependency level per step (concurrent). A step waits
//! for connections as one FIFO block (its queries arrive at the same instant, so they are
//! adjacent in the line anyway); memory is O(users + pool), whatever the number of queries.
use super::params::NPlusOneParams;
use super::plan::Plan;
use super::view::RECENT_PAGES;
use crate::dist::{ServiceDist, ServiceSampler};
use crate::engine::{from_secs, Clock, SimTime};
use crate::rng::{stream, Stream};
use crate::stats::{LatencyHistogram, TimeAverage, TimeSeries};
use rand_chacha::ChaCha8Rng;
use std::collections::VecDeque;
use std::sync::Arc;

/// Safety nets for parameters that skipped validation (validated runs stay far below).
const HARD_USERS: u32 = 10_000;
const HARD_POOL: u32 = 1_000;
/// No new page starts once this many queries have been sent (validated runs expect ≤ 2·10^6).
const HARD_QUERY_CAP: u64 = 4_000_000;

/// Chart levels and counters (indices into the time series).
pub(super) const LEVEL_PAGES: usize = 0;
pub(super) const LEVEL_IN_USE: usize = 1;
pub(super) const LEVEL_WAITING: usize = 2;
pub(super) const COUNT_EXECUTED: usize = 0;

#[derive(Clone, Copy, Debug)]
pub(super) struct Page {
    pub id: u64,
    pub started: SimTime,
    pub step: usize,
    /// The next query (index into `Plan::rows`) to get a connection.
    pub next: usize,
    /// Queries of the current step not back yet.
    pub outstanding: usize,
}

/// Queries of one step waiting for connections: ids `first_id + taken ..` are still waiting.
#[derive(Clone, Copy, Debug)]
pub(super) struct Block {
    pub user: usize,
    pub page: u64,
    pub first_id: u64,
    pub taken: usize,
    pub count: usize,
    pub since: SimTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    ToDb,
    DbQueued,
    Executing,
    FromDb,
}

/// A query holding a connection.
#[derive(Clone, Copy, Debug)]
pub(super) struct InFlight {
    pub id: u64,
    pub page: u64,
    pub user: usize,
    pub rows: u32,
    pub stage: Stage,
}

/// What the N+1 load model schedules on its clock (`conn` indexes the connection pool).
#[derive(Clone, Debug)]
pub enum Event {
    PageStart { user: usize },
    AtDb { conn: usize },
    ExecDone { conn: usize },
    Back { conn: usize },
}

#[derive(Clone, Debug, Default)]
pub(super) struct Counters {
    pub pages_started: u64,
    pub pages_completed: u64,
    pub queries_sent: u64,
    pub queries_executed: u64,
    pub queries_completed: u64,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Levels {
    pub pages: TimeAverage,
    pub in_use: TimeAverage,
    pub waiting: TimeAverage,
}

/// The load test of one page under many users.
#[derive(Clone, Debug)]
pub struct NPlusOneSim {
    pub(super) params: NPlusOneParams,
    pub(super) clock: Clock<Event>,
    pub(super) plan: Arc<Plan>,
    half_rtt: SimTime,
    think: Option<ServiceSampler>,
    rng_think: ChaCha8Rng,
    pub(super) pages: Vec<Option<Page>>,
    pub(super) waiting: VecDeque<Block>,
    pub(super) waiting_total: usize,
    pub(super) conns: Vec<Option<InFlight>>,
    free: Vec<usize>,
    pub(super) db_queue: VecDeque<usize>,
    pub(super) executing: usize,
    next_page: u64,
    next_query: u64,
    pub(super) recent: VecDeque<(SimTime, f64)>,
    pub(super) counts: Counters,
    pub(super) levels: Levels,
    pub(super) page_latency: LatencyHistogram,
    pub(super) pool_wait: LatencyHistogram,
    pub(super) series: TimeSeries<3, 1>,
}

impl NPlusOneSim {
    /// A run of `params` (assumed validated; anything else still never panics) with `seed`;
    /// the page's dataset comes from the same seed as [`super::page_queries`].
    pub fn new(params: &NPlusOneParams, seed: u64) -> Self {
        let horizon = from_secs(params.duration_s);
        let users = params.users.clamp(1, HARD_USERS) as usize;
        let pool = params.pool.clamp(1, HARD_POOL) as usize;
        let think = (params.think_ms > 0.0)
            .then(|| ServiceSampler::new(ServiceDist::Exponential, params.think_ms / 1000.0, 1.0));
        let mut sim = NPlusOneSim {
            params: params.clone(),
            clock: Clock::new(horizon),
            plan: Arc::new(Plan::new(params, seed)),
            half_rtt: from_secs(params.rtt_ms / 2000.0).max(1),
            think,
            rng_think: stream(seed, Stream::Arrivals),
            pages: vec![None; users],
            waiting: VecDeque::new(),
            waiting_total: 0,
            conns: vec![None; pool],
            free: (0..pool).rev().collect(),
            db_queue: VecDeque::new(),
            executing: 0,
            next_page: 0,
            next_query: 0,
            recent: VecDeque::with_capacity(RECENT_PAGES),
            counts: Counters::default(),
            levels: Levels::default(),
            page_latency: LatencyHistogram::new(),
            pool_wait: LatencyHistogram::new(),
            series: TimeSeries::new(horizon, [0; 3]),
        };
        // Staggered start: each user first thinks.
        for user in 0..users {
            let at = sim.think_time();
            sim.clock.schedule(at, Event::PageStart { user });
        }
        sim
    }

    fn think_time(&mut self) -> SimTime {
        match &self.think {
            Some(s) => s.sample(&mut self.rng_think),
            None => 0,
        }
    }

    /// Database time of a query returning `rows` rows: query cost + rows × per-row cost.
    fn exec_time(&self, rows: u32) -> SimTime {
        let ms = self.params.query_ms + f64::from(rows) * self.params.row_us / 1000.0;
        from_secs(ms / 1000.0)
    }

    pub(super) fn apply(&mut self, event: Event) {
        match event {
            Event::PageStart { user } => self.start_page(user),
            Event::AtDb { conn } => self.at_db(conn),
            Event::ExecDone { conn } => self.exec_done(conn),
            Event::Back { conn } => self.back(conn),
        }
        self.assign_connections();
        self.record_levels();
    }

    fn start_page(&mut self, user: usize) {
        if self.counts.queries_sent >= HARD_QUERY_CAP || self.plan.rows.is_empty() {
            return;
        }
        let page = Page {
            id: self.next_page,
            started: self.clock.now(),
            step: 0,
            next: 0,
            outstanding: 0,
        };
        self.next_page += 1;
        self.counts.pages_started += 1;
        if let Some(slot) = self.pages.get_mut(user) {
            *slot = Some(page);
            self.send_step(user);
        }
    }

    /// Queues the current step of `user`'s page for connections.
    fn send_step(&mut self, user: usize) {
        let Some(page) = self.pages.get_mut(user).and_then(Option::as_mut) else {
            return;
        };
        let (start, end) = self.plan.step_range(page.step);
        page.next = start;
        page.outstanding = end - start;
        self.waiting.push_back(Block {
            user,
            page: page.id,
            first_id: self.next_query,
            taken: 0,
            count: end - start,
            since: self.clock.now(),
        });
        self.next_query += (end - start) as u64;
        self.waiting_total += end - start;
        self.counts.queries_sent += (end - start) as u64;
    }

    /// Hands free connections to the queries at the front of the line.
    fn assign_connections(&mut self) {
        while let (Some(conn), Some(block)) = (self.free.last().copied(), self.waiting.front_mut())
        {
            self.free.pop();
            let id = block.first_id + block.taken as u64;
            let (user, page_id, since) = (block.user, block.page, block.since);
            block.taken += 1;
            if block.taken >= block.count {
                self.waiting.pop_front();
            }
            self.waiting_total -= 1;
            let Some(page) = self.pages.get_mut(user).and_then(Option::as_mut) else {
                continue;
            };
            let rows = self.plan.rows.get(page.next).copied().unwrap_or(0);
            page.next += 1;
            let wait = self.clock.now().saturating_sub(since);
            self.pool_wait.record(wait);
            self.conns[conn] = Some(InFlight {
                id,
                page: page_id,
                user,
                rows,
                stage: Stage::ToDb,
            });
            self.clock.schedule_in(self.half_rtt, Event::AtDb { conn });
        }
    }

    fn set_stage(&mut self, conn: usize, stage: Stage) -> Option<InFlight> {
        let q = self.conns.get_mut(conn)?.as_mut()?;
        q.stage = stage;
        Some(*q)
    }

    fn at_db(&mut self, conn: usize) {
        if self.executing < self.params.db_slots.max(1) as usize {
            self.execute(conn);
        } else {
            self.set_stage(conn, Stage::DbQueued);
            self.db_queue.push_back(conn);
        }
    }

    fn execute(&mut self, conn: usize) {
        if let Some(q) = self.set_stage(conn, Stage::Executing) {
            self.executing += 1;
            let at = self.clock.now().saturating_add(self.exec_time(q.rows));
            self.clock.schedule(at, Event::ExecDone { conn });
        }
    }

    fn exec_done(&mut self, conn: usize) {
        self.executing = self.executing.saturating_sub(1);
        self.counts.queries_executed += 1;
        self.series.count(self.clock.now(), COUNT_EXECUTED);
        self.set_stage(conn, Stage::FromDb);
        self.clock.schedule_in(self.half_rtt, Event::Back { conn });
        if let Some(next) = self.db_queue.pop_front() {
            self.execute(next);
        }
    }

    fn back(&mut self, conn: usize) {
        let Some(q) = self.conns.get_mut(conn).and_then(Option::take) else {
            return;
        };
        self.free.push(conn);
        self.counts.queries_completed += 1;
        let Some(page) = self.pages.get_mut(q.user).and_then(Option::as_mut) else {
            return;
        };
        page.outstanding = page.outstanding.saturating_sub(1);
        if page.outstanding > 0 {
            return;
        }
        page.step += 1;
        if page.step < self.plan.step_ends.len() {
            self.send_step(q.user);
        } else {
            let page = *page;
            self.finish_page(q.user, page);
        }
    }

    fn finish_page(&mut self, user: usize, page: Page) {
        self.pages[user] = None;
        let latency = self.clock.now().saturating_sub(page.started);
        self.counts.pages_completed += 1;
        self.page_latency.record(latency);
        self.series.record_wait(self.clock.now(), latency);
        if self.recent.len() == RECENT_PAGES {
            self.recent.pop_front();
        }
        self.recent
            .push_back((self.clock.now(), latency as f64 / 1000.0));
        let at = self.clock.now().saturating_add(self.think_time());
        self.clock.schedule(at, Event::PageStart { user });
    }

    pub(super) fn pages_in_flight(&self) -> usize {
        (self.counts.pages_started - self.counts.pages_completed) as usize
    }

    pub(super) fn pool_in_use(&self) -> usize {
        self.conns.len() - self.free.len()
    }

    fn record_levels(&mut self) {
        let t = self.clock.now();
        let pages = self.pages_in_flight() as u64;
        let in_use = self.pool_in_use() as u64;
        let waiting = self.waiting_total as u64;
        self.levels.pages.set(t, pages);
        self.levels.in_use.set(t, in_use);
        self.levels.waiting.set(t, waiting);
        let mut chart = [0; 3];
        chart[LEVEL_PAGES] = pages;
        chart[LEVEL_IN_USE] = in_use;
        chart[LEVEL_WAITING] = waiting;
        self.series.set_levels(t, chart);
    }

    /// The parameters this run was built from.
    pub fn params(&self) -> &NPlusOneParams {
        &self.params
    }
}
