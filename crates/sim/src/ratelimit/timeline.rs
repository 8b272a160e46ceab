//! The custom timeline: requests written out by hand, e.g. `0, 0.5, 1.2, 10x@59.9, 10x@60.1`.
//!
//! ```text
//!  item      [client:] time | [client:] Nx@time | [client:] Nx@from..to
//!  time      seconds (0.25, 60) or with a unit: 250ms, 1.5s
//!  Nx@t      N requests at the same instant t
//!  Nx@a..b   N requests spread evenly over [a, b)
//!  client    a number 0‥999 (optionally "c3:"); without it, client 0
//! ```
//!
//! Items are separated by commas, semicolons, line breaks or spaces (spaces next to `@`, `:`,
//! `x` or `..` are ignored). Malformed items are skipped and reported; at most
//! [`MAX_TIMELINE_REQUESTS`] requests are kept. Each item stays one [`Run`] (a million
//! requests at one instant cost a few bytes); [`Timeline::requests`] merges the runs lazily
//! into time order (items at the same time keep their written order).
use crate::engine::{from_secs, SimTime};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The most requests a timeline may expand to.
pub const MAX_TIMELINE_REQUESTS: usize = 1_000_000;
/// The longest timeline text, in characters.
pub const MAX_TIMELINE_CHARS: usize = 4000;
/// Client ids are `0..MAX_CLIENTS`.
pub const MAX_CLIENTS: u32 = 1000;
/// Times beyond this many seconds are rejected (more than 11 days).
const MAX_TIME_S: f64 = 1_000_000.0;

/// One item: `count` requests of `client` spread evenly over `[from, to)` (all at `from`
/// when `to == from`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub client: u32,
    pub count: u64,
    pub from: SimTime,
    pub to: SimTime,
}

impl Run {
    /// The time of the run's `i`-th request.
    fn at(&self, i: u64) -> SimTime {
        self.from
            + ((u128::from(self.to - self.from) * u128::from(i)) / u128::from(self.count.max(1)))
                as SimTime
    }
}

/// A parsed timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The items that were understood, as written (at most [`MAX_TIMELINE_REQUESTS`] requests
    /// in all).
    pub runs: Vec<Run>,
    /// The items that could not be read, as written.
    pub skipped: Vec<String>,
    /// Whether requests beyond [`MAX_TIMELINE_REQUESTS`] were dropped.
    pub truncated: bool,
}

fn is_op(c: char) -> bool {
    matches!(c, '@' | ':' | 'x' | 'X' | '.')
}

/// Splits the text into items (see the module doc for the separator rules).
fn items(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let prev = cur.chars().last();
            let next = chars.get(j).copied();
            if !(prev.is_some_and(is_op) || next.is_some_and(is_op)) {
                out.push(std::mem::take(&mut cur));
            }
            i = j;
            continue;
        }
        if c == ',' || c == ';' {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
        i += 1;
    }
    out.push(cur);
    out.retain(|s| !s.is_empty());
    out
}

/// A time in seconds ("1.5", "1.5s", "250ms").
fn time(s: &str) -> Option<SimTime> {
    let (num, scale) = if let Some(ms) = s.strip_suffix("ms") {
        (ms, 0.001)
    } else {
        (s.strip_suffix('s').unwrap_or(s), 1.0)
    };
    let x: f64 = num.parse().ok()?;
    let secs = x * scale;
    (secs.is_finite() && (0.0..=MAX_TIME_S).contains(&secs)).then(|| from_secs(secs))
}

/// One item as (client, count, from, to); `to == from` for a single instant.
fn item(s: &str) -> Option<(u32, u64, SimTime, SimTime)> {
    let (client, rest) = match s.split_once(':') {
        Some((c, rest)) => {
            let c = c.strip_prefix(['c', 'C']).unwrap_or(c);
            (c.parse::<u32>().ok().filter(|&c| c < MAX_CLIENTS)?, rest)
        }
        None => (0, s),
    };
    let Some((n, at)) = rest.split_once('@') else {
        let t = time(rest)?;
        return Some((client, 1, t, t));
    };
    let n: u64 = n
        .strip_suffix(['x', 'X'])?
        .parse()
        .ok()
        .filter(|&n| n >= 1)?;
    match at.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (time(a)?, time(b)?);
            (b > a).then_some((client, n, a, b))
        }
        None => time(at).map(|t| (client, n, t, t)),
    }
}

/// Parses `text`; never fails (see [`Timeline::skipped`] and [`Timeline::truncated`]).
pub fn parse_timeline(text: &str) -> Timeline {
    let mut out = Timeline::default();
    let mut total = 0u64;
    for raw in items(text) {
        let Some((client, n, from, to)) = item(&raw) else {
            out.skipped.push(raw);
            continue;
        };
        let room = MAX_TIMELINE_REQUESTS as u64 - total;
        if n > room {
            out.truncated = true;
        }
        let count = n.min(room);
        if count > 0 {
            total += count;
            out.runs.push(Run {
                client,
                count,
                from,
                to,
            });
        }
    }
    out
}

impl Timeline {
    /// How many requests the timeline sends.
    pub fn len(&self) -> u64 {
        self.runs.iter().map(|r| r.count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Requests at or after `t`.
    pub fn count_from(&self, t: SimTime) -> u64 {
        self.runs
            .iter()
            .map(|r| {
                if r.from >= t {
                    r.count
                } else if r.to < t {
                    0
                } else {
                    (0..r.count).filter(|&i| r.at(i) >= t).count() as u64
                }
            })
            .sum()
    }

    /// (time, client) of every request in time order; ties keep the written order.
    pub fn requests(&self) -> TimelineRequests {
        let heap = (0..self.runs.len())
            .map(|r| Reverse((self.runs[r].at(0), r, 0)))
            .collect();
        TimelineRequests {
            runs: self.runs.clone(),
            heap,
        }
    }
}

/// The requests of a [`Timeline`], merged from its runs one at a time (memory: one heap
/// entry per run).
#[derive(Clone, Debug)]
pub struct TimelineRequests {
    runs: Vec<Run>,
    /// (next time, run, index in the run), smallest first.
    heap: BinaryHeap<Reverse<(SimTime, usize, u64)>>,
}

impl Iterator for TimelineRequests {
    type Item = (SimTime, u32);

    fn next(&mut self) -> Option<(SimTime, u32)> {
        let Reverse((t, r, i)) = self.heap.pop()?;
        let run = self.runs[r];
        if i + 1 < run.count {
            self.heap.push(Reverse((run.at(i + 1), r, i + 1)));
        }
        Some((t, run.client))
    }
}
