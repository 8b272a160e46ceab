//! The leaky bucket exactly as nginx's `limit_req` computes it
//! (`src/http/modules/ngx_http_limit_req_module.c`, nginx 1.2x).
//!
//! ```text
//!  excess (1/1000 requests, whole ms):
//!    excess = max(0, node.excess − rate × ms / 1000 + 1000)      ngx_http_limit_req_lookup
//!    excess > burst            → refused; the node is NOT updated
//!    else node.excess = excess; node.last = now (only if ms ≠ 0)
//!    excess ≤ delay            → passes now                       ngx_http_limit_req_account
//!    else                      → waits (excess − delay) × 1000 / rate ms
//! ```
//!
//! `rate` is `N × 1000 / scale` (scale 1 for `r/s`, 60 for `r/m`, integer division: `1r/m` is
//! 16), `burst` and `delay` are × 1000; `nodelay` sets `delay` to `NGX_MAX_INT_T_VALUE / 1000`.
//! A key's first request creates its node with `excess = 0` and passes. All arithmetic is
//! integer, on `ngx_current_msec` (whole milliseconds), as in nginx.
//!
//! Not modelled: nginx's zone may expire idle nodes (idle ≥ 60 s and fully drained) when it
//! allocates a node for a new key; a recreated node starts at excess 0 instead of
//! `max(0, 1000 − leak)`, which differs only for rates below 1000/60 (i.e. `1r/m`).
use super::verdict::{slot, Outcome, Verdict};
use crate::engine::{SimTime, MILLI};

/// `nodelay`: every request within the burst passes at once.
pub const NODELAY: u64 = (i64::MAX as u64) / 1000;

/// How nginx spells a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateScale {
    PerSecond,
    PerMinute,
}

/// One `limit_req_zone` + `limit_req` pair, keyed per client.
#[derive(Clone, Debug)]
pub struct LeakyBucket {
    /// Requests per 1000 s (`ctx->rate`).
    rate: u64,
    burst: u64,
    delay: u64,
    /// (excess, last ms) per client.
    nodes: Vec<Option<(u64, u64)>>,
    seen: u64,
}

impl LeakyBucket {
    /// `rate=N r/s|r/m burst=B` with `delay=D` (`None`: `nodelay`; `Some(0)`: the default).
    pub fn new(rate: u32, scale: RateScale, burst: u32, delay: Option<u32>) -> Self {
        let scale = match scale {
            RateScale::PerSecond => 1,
            RateScale::PerMinute => 60,
        };
        LeakyBucket {
            rate: (u64::from(rate.max(1)) * 1000 / scale).max(1),
            burst: u64::from(burst) * 1000,
            delay: delay.map_or(NODELAY, |d| u64::from(d) * 1000),
            nodes: Vec::new(),
            seen: 0,
        }
    }

    /// `excess − rate × ms / 1000 + add`, clamped at 0 (signed, as nginx's `ngx_int_t`).
    fn leak(&self, excess: u64, ms: u64, add: i128) -> u64 {
        let leaked = i128::from(self.rate) * i128::from(ms) / 1000;
        (i128::from(excess) - leaked + add).max(0) as u64
    }

    pub fn decide(&mut self, now: SimTime, client: u32) -> Verdict {
        let now_ms = now / MILLI;
        let pass = Verdict {
            outcome: Outcome::Accept,
            remaining: None,
            retry_after_s: None,
            reset_s: None,
        };
        let Some((old, last)) = *slot(&mut self.nodes, client) else {
            self.seen += 1;
            self.nodes[client as usize] = Some((0, now_ms));
            return pass;
        };
        let ms = now_ms.saturating_sub(last);
        let excess = self.leak(old, ms, 1000);
        if excess > self.burst {
            return Verdict {
                outcome: Outcome::Reject,
                ..pass
            };
        }
        let last = if ms != 0 { now_ms } else { last };
        self.nodes[client as usize] = Some((excess, last));
        if excess <= self.delay {
            return pass;
        }
        let delay_ms = (excess - self.delay) * 1000 / self.rate;
        Verdict {
            outcome: Outcome::Delay(delay_ms * MILLI),
            ..pass
        }
    }

    /// The excess now (after leaking), × 1000 as nginx keeps it.
    pub fn level_milli(&self, now: SimTime, client: u32) -> u64 {
        match self.nodes.get(client as usize).copied().flatten() {
            Some((excess, last)) => self.leak(excess, (now / MILLI).saturating_sub(last), 0),
            None => 0,
        }
    }

    pub fn capacity_milli(&self) -> u64 {
        self.burst
    }

    pub fn state_bytes(&self) -> u64 {
        128 * self.seen
    }
}
