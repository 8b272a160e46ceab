//! Token bucket and GCRA: the same policy, stored two ways.
//!
//! ```text
//!  token bucket   credit ──(+1 µs per µs, up to C·T)──▶ a request takes T of credit or is refused
//!  GCRA           TAT: allowed iff max(TAT, now) + T − τ ≤ now, then TAT = max(TAT, now) + T
//! ```
//!
//! A bucket of capacity `C` tokens refilled at `r` tokens per second has emission interval
//! `T = 1/r` (whole µs). The token bucket keeps its tokens as *credit* in µs (`tokens × T`),
//! so refilling is integer arithmetic: one µs of credit per µs, capped at `C·T`; a request
//! needs `T` (one token). This is RFC 2697's committed bucket (tokens `Tc` incremented at
//! CIR up to CBS; a packet of size `B = 1` conforms if `Tc − B ≥ 0`).
//!
//! GCRA follows brandur/redis-cell (`redis-cell-impl/src/lib.rs`, `rate_limit`): delay
//! variation tolerance `τ = T × (max_burst + 1)` with `max_burst = C − 1`;
//! `new_tat = max(tat, now) + T`; `allow_at = new_tat − τ`; refused when `now < allow_at`
//! (then `retry_after = allow_at − now`, and the TAT is left alone); `remaining =
//! ⌊(τ − ttl) / T⌋` with `ttl = new_tat − now` (allowed) or `tat − now` (refused).
//!
//! Equivalence: with `credit = C·T − max(0, TAT − now)` both accept exactly the same
//! requests and report the same `remaining` (tests check it on random traffic).
use super::verdict::{ceil_secs, count_u32, slot, Verdict};
use crate::engine::SimTime;

/// Token bucket per client; a new client starts with a full bucket.
#[derive(Clone, Debug)]
pub struct TokenBucket {
    t: SimTime,
    capacity: u64,
    /// (credit µs, last refill) per client.
    clients: Vec<Option<(u64, SimTime)>>,
    seen: u64,
}

impl TokenBucket {
    /// `capacity` tokens, one more every `interval` µs (the emission interval `T`).
    pub fn new(capacity: u32, interval: SimTime) -> Self {
        TokenBucket {
            t: interval.max(1),
            capacity: u64::from(capacity.max(1)),
            clients: Vec::new(),
            seen: 0,
        }
    }

    fn full(&self) -> u64 {
        self.capacity * self.t
    }

    fn credit_at(&self, (credit, last): (u64, SimTime), now: SimTime) -> u64 {
        credit
            .saturating_add(now.saturating_sub(last))
            .min(self.full())
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let (full, t) = (self.full(), self.t);
        let s = slot(&mut self.clients, client);
        if s.is_none() {
            self.seen += 1;
        }
        let state = s.unwrap_or((full, now));
        let mut credit = self.credit_at(state, now);
        let verdict = if credit >= t {
            credit -= t;
            let reset = ceil_secs(full - credit);
            Verdict::accept(Some(count_u32(credit / t)), Some(reset))
        } else {
            let retry = ceil_secs(t - credit);
            Verdict::reject(Some(0), Some(retry), Some(ceil_secs(full - credit)))
        };
        self.clients[client as usize] = Some((credit, now));
        verdict
    }

    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        match self.clients.get(client as usize).copied().flatten() {
            Some(state) => {
                (u128::from(self.credit_at(state, now)) * 1000 / u128::from(self.t)) as u64
            }
            None => self.capacity * 1000,
        }
    }

    pub fn capacity_milli(&self) -> u64 {
        self.capacity * 1000
    }

    pub fn state_bytes(&self) -> u64 {
        16 * self.seen
    }
}

/// GCRA per client (redis-cell): one theoretical arrival time each.
#[derive(Clone, Debug)]
pub struct Gcra {
    t: SimTime,
    tau: SimTime,
    capacity: u64,
    tats: Vec<Option<SimTime>>,
    seen: u64,
}

impl Gcra {
    /// `capacity` = max_burst + 1; `interval` = the emission interval `T` in µs.
    pub fn new(capacity: u32, interval: SimTime) -> Self {
        let t = interval.max(1);
        let capacity = u64::from(capacity.max(1));
        Gcra {
            t,
            tau: t * capacity,
            capacity,
            tats: Vec::new(),
            seen: 0,
        }
    }

    /// redis-cell: `next = τ − ttl`; remaining = next / T when next > −T (else 0).
    fn remaining(&self, ttl: i128) -> u32 {
        let next = i128::from(self.tau) - ttl;
        if next > -i128::from(self.t) {
            count_u32((next / i128::from(self.t)).max(0) as u64)
        } else {
            0
        }
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let (t, tau) = (self.t, self.tau);
        let s = slot(&mut self.tats, client);
        if s.is_none() {
            self.seen += 1;
        }
        let tat = s.unwrap_or(now);
        let new_tat = tat.max(now) + t;
        if new_tat > now + tau {
            // Blocked: allow_at = new_tat − τ is in the future; the TAT is not updated.
            let retry = new_tat - tau - now;
            let ttl = i128::from(tat) - i128::from(now);
            let reset = ceil_secs(ttl.max(0) as u64);
            return Verdict::reject(
                Some(self.remaining(ttl)),
                Some(ceil_secs(retry)),
                Some(reset),
            );
        }
        *s = Some(new_tat);
        let ttl = new_tat - now;
        Verdict::accept(Some(self.remaining(i128::from(ttl))), Some(ceil_secs(ttl)))
    }

    /// Tokens a token bucket would hold: `C − max(0, TAT − now) / T` (× 1000).
    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        let ahead = match self.tats.get(client as usize).copied().flatten() {
            Some(tat) => tat.saturating_sub(now),
            None => 0,
        };
        let credit = self.tau.saturating_sub(ahead);
        (u128::from(credit) * 1000 / u128::from(self.t)) as u64
    }

    pub fn capacity_milli(&self) -> u64 {
        self.capacity * 1000
    }

    pub fn state_bytes(&self) -> u64 {
        8 * self.seen
    }
}
