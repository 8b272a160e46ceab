//! Window limiters: "at most `limit` requests per `window`", counted three ways.
//!
//! ```text
//!  fixed    |■■■■■·····|■■■■■·····|   count since the client's first hit; reset after a window
//!  log      ···[■ ■ ■  ■ ■]          the accepted times in (now − window, now]
//!  counter  |prev |cur··|            prev × (window − elapsed)/window + cur
//! ```
//!
//! * **Fixed window** follows express-rate-limit v7/v8 (`source/memory-store.ts`,
//!   `source/rate-limit.ts`): a client's record is created at its first hit with
//!   `resetTime = now + windowMs`; `increment` resets it when `resetTime <= now`; every request
//!   is counted, refused ones included (the default `skipFailedRequests: false`); a request is
//!   refused when `totalHits > limit`; `remaining = max(limit − totalHits, 0)`; `Retry-After`
//!   and `RateLimit-Reset` are `max(0, ceil((resetTime − now) / 1000))` seconds. Time is
//!   `Date.now()`: whole milliseconds.
//! * **Sliding log** keeps the time of each *accepted* request; entries at or before
//!   `now − window` are dropped, and a request is accepted when fewer than `limit` remain.
//! * **Sliding counter** follows Cloudflare's description ("How we built rate limiting
//!   capable of scaling to millions of domains", 2017): windows are aligned to multiples of
//!   the window length; `rate = prev × (window − elapsed) / window + current`; a request is
//!   accepted when `rate < limit` and then counted. Evaluated exactly in integers.
use super::verdict::{ceil_secs, count_u32, slot, Verdict};
use crate::engine::{SimTime, MILLI};
use std::collections::VecDeque;

/// express-rate-limit's per-client record (`Client` in memory-store.ts).
#[derive(Clone, Copy, Debug)]
struct Hits {
    total: u64,
    reset_ms: u64,
}

/// Fixed window per client, as express-rate-limit with its default `MemoryStore`.
#[derive(Clone, Debug)]
pub struct FixedWindow {
    limit: u64,
    window_ms: u64,
    clients: Vec<Option<Hits>>,
    seen: u64,
}

impl FixedWindow {
    /// `limit` requests per `window` (µs, used in whole milliseconds like `windowMs`).
    pub fn new(limit: u32, window: SimTime) -> Self {
        FixedWindow {
            limit: u64::from(limit),
            window_ms: (window / MILLI).max(1),
            clients: Vec::new(),
            seen: 0,
        }
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let now_ms = now / MILLI;
        let window_ms = self.window_ms;
        let s = slot(&mut self.clients, client);
        if s.is_none() {
            self.seen += 1;
        }
        // getClient: a new client starts a window now; increment: reset when due.
        let hits = s.get_or_insert(Hits {
            total: 0,
            reset_ms: now_ms + window_ms,
        });
        if hits.reset_ms <= now_ms {
            hits.total = 0;
            hits.reset_ms = now_ms + window_ms;
        }
        hits.total += 1;
        let remaining = Some(count_u32(self.limit.saturating_sub(hits.total)));
        let reset = Some(ceil_secs((hits.reset_ms - now_ms) * MILLI));
        if hits.total > self.limit {
            Verdict::reject(remaining, reset, reset)
        } else {
            Verdict::accept(remaining, reset)
        }
    }

    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        match self.clients.get(client as usize).copied().flatten() {
            Some(h) if h.reset_ms > now / MILLI => h.total * 1000,
            _ => 0,
        }
    }

    pub fn capacity_milli(&self) -> u64 {
        self.limit * 1000
    }

    pub fn state_bytes(&self) -> u64 {
        16 * self.seen
    }
}

/// Sliding window log: the accepted times of each client within the last window.
#[derive(Clone, Debug)]
pub struct SlidingLog {
    limit: u64,
    window: SimTime,
    clients: Vec<Option<VecDeque<SimTime>>>,
    entries: u64,
}

impl SlidingLog {
    pub fn new(limit: u32, window: SimTime) -> Self {
        SlidingLog {
            limit: u64::from(limit),
            window: window.max(1),
            clients: Vec::new(),
            entries: 0,
        }
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let window = self.window;
        let log = slot(&mut self.clients, client).get_or_insert_with(VecDeque::new);
        while log.front().is_some_and(|&t| t + window <= now) {
            log.pop_front();
            self.entries -= 1;
        }
        let n = log.len() as u64;
        if n < self.limit {
            log.push_back(now);
            self.entries += 1;
            let reset = log.front().map(|&t| ceil_secs(t + window - now));
            Verdict::accept(Some(count_u32(self.limit - n - 1)), reset)
        } else {
            // The oldest entry leaves the window at oldest + window.
            let retry = log.front().map(|&t| ceil_secs(t + window - now));
            Verdict::reject(Some(0), retry, retry)
        }
    }

    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        match self.clients.get(client as usize).and_then(Option::as_ref) {
            Some(log) => log.iter().filter(|&&t| t + self.window > now).count() as u64 * 1000,
            None => 0,
        }
    }

    pub fn capacity_milli(&self) -> u64 {
        self.limit * 1000
    }

    pub fn state_bytes(&self) -> u64 {
        8 * self.entries
    }
}

/// Cloudflare's two counters per client.
#[derive(Clone, Copy, Debug)]
struct Counts {
    index: u64,
    prev: u64,
    cur: u64,
}

impl Counts {
    /// Moves to window `index` (the previous count survives only from the window just before).
    fn roll(&mut self, index: u64) {
        if index != self.index {
            self.prev = if index == self.index + 1 { self.cur } else { 0 };
            self.cur = 0;
            self.index = index;
        }
    }
}

/// Sliding window counter (Cloudflare), windows aligned to multiples of the window length.
#[derive(Clone, Debug)]
pub struct SlidingCounter {
    limit: u64,
    window: SimTime,
    clients: Vec<Option<Counts>>,
    seen: u64,
}

impl SlidingCounter {
    pub fn new(limit: u32, window: SimTime) -> Self {
        SlidingCounter {
            limit: u64::from(limit),
            window: window.max(1),
            clients: Vec::new(),
            seen: 0,
        }
    }

    /// `rate × window` = prev × (window − elapsed) + cur × window, exact.
    fn weighted(&self, c: &Counts, now: SimTime) -> u128 {
        let w = u128::from(self.window);
        let elapsed = u128::from(now - c.index * self.window);
        u128::from(c.prev) * (w - elapsed) + u128::from(c.cur) * w
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let index = now / self.window;
        let s = slot(&mut self.clients, client);
        if s.is_none() {
            self.seen += 1;
        }
        let mut c = s.unwrap_or(Counts {
            index,
            prev: 0,
            cur: 0,
        });
        c.roll(index);
        let w = u128::from(self.window);
        let cap = u128::from(self.limit) * w;
        let verdict = if self.weighted(&c, now) < cap {
            c.cur += 1;
            let left = cap.saturating_sub(self.weighted(&c, now)) / w;
            Verdict::accept(Some(count_u32(left as u64)), None)
        } else {
            let retry = Some(ceil_secs(self.wait(&c, now)));
            Verdict::reject(Some(0), retry, None)
        };
        self.clients[client as usize] = Some(c);
        verdict
    }

    /// The shortest wait after which `rate < limit` again (no other requests meanwhile).
    fn wait(&self, c: &Counts, now: SimTime) -> SimTime {
        let w = u128::from(self.window);
        let start = c.index * self.window;
        let elapsed = u128::from(now - start);
        // Within this window: prev × (w − e) < (limit − cur) × w  ⇔  e ≥ w − ⌈q / prev⌉ + 1.
        if c.cur < self.limit && c.prev > 0 {
            let q = u128::from(self.limit - c.cur) * w;
            let e = (w + 1).saturating_sub(q.div_ceil(u128::from(c.prev)));
            if e < w {
                return (e.max(elapsed) - elapsed) as SimTime;
            }
        }
        // In the next window: cur × (w − e) < limit × w.
        let q = u128::from(self.limit) * w;
        let e = (w + 1).saturating_sub(q.div_ceil(u128::from(c.cur.max(1))));
        (w - elapsed + e) as SimTime
    }

    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        match self.clients.get(client as usize).copied().flatten() {
            Some(mut c) => {
                c.roll(now / self.window);
                (self.weighted(&c, now) * 1000 / u128::from(self.window)) as u64
            }
            None => 0,
        }
    }

    pub fn capacity_milli(&self) -> u64 {
        self.limit * 1000
    }

    pub fn state_bytes(&self) -> u64 {
        16 * self.seen
    }
}
