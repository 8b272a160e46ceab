//! Where requests come from: a generated arrival process with a client drawn per request, or
//! a fixed list (the boundary bursts and the custom timeline).
//!
//! ```text
//!  steady / poisson / bursty ─▶ ArrivalProcess (Stream::Arrivals) ─▶ time
//!                               client: 0 with weight `abuse`, 1‥n−1 with weight 1 each
//!                               (Stream::Clients)
//!  boundary                  ─▶ 1 request at 0, then `limit` in [kW − d, kW) and `limit` in
//!                               [kW, kW + d) for every boundary kW, d = min(W/10, 1 s)
//!  custom                    ─▶ the parsed timeline
//! ```
use super::params::{Pattern, RateLimitParams};
use super::timeline::{parse_timeline, TimelineRequests};
use crate::arrivals::{ArrivalPattern, ArrivalProcess, ArrivalSpec};
use crate::engine::{from_secs, SimTime, SECOND};
use crate::rng::{stream, Stream};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Generated traffic: arrival times and, per request, its client.
#[derive(Clone, Debug)]
pub(super) struct Generated {
    process: ArrivalProcess,
    rng: ChaCha8Rng,
    clients_rng: ChaCha8Rng,
    clients: u32,
    abuse: f64,
}

impl Generated {
    fn next(&mut self) -> Option<(SimTime, u32)> {
        let t = self.process.next_arrival(&mut self.rng)?;
        let (clients, abuse) = (self.clients, self.abuse);
        let client = if clients == 1 {
            0
        } else {
            let u = self.clients_rng.random::<f64>() * (f64::from(clients - 1) + abuse);
            if u < abuse {
                0
            } else {
                (1 + ((u - abuse) as u32)).min(clients - 1)
            }
        };
        Some((t, client))
    }
}

#[derive(Clone, Debug)]
pub(super) enum Source {
    Generated(Box<Generated>),
    List {
        requests: Vec<(SimTime, u32)>,
        next: usize,
    },
    /// The custom timeline, merged lazily; requests at or after `horizon` are not sent.
    Timeline {
        requests: TimelineRequests,
        horizon: SimTime,
    },
}

/// The boundary-burst schedule of client 0 over `[0, horizon)`.
pub fn boundary_requests(limit: u32, window: SimTime, horizon: SimTime) -> Vec<(SimTime, u32)> {
    let window = window.max(1);
    let d = (window / 10).clamp(1, SECOND);
    let n = u64::from(limit.max(1));
    let mut out = vec![(0, 0)];
    let mut k = 1;
    while k * window < horizon {
        let b = k * window;
        let before = b.saturating_sub(d);
        let span = b - before;
        out.extend((0..n).map(|i| (before + span * i / n, 0)));
        out.extend((0..n).map(|i| (b + d * i / n, 0)));
        k += 1;
    }
    out.retain(|&(t, _)| t < horizon);
    out.sort_by_key(|&(t, _)| t);
    out
}

impl Source {
    pub(super) fn new(p: &RateLimitParams, seed: u64, horizon: SimTime) -> Self {
        let list = |requests: Vec<(SimTime, u32)>| Source::List {
            requests: requests.into_iter().filter(|&(t, _)| t < horizon).collect(),
            next: 0,
        };
        let pattern = match p.traffic {
            Pattern::Boundary => {
                return list(boundary_requests(p.limit, from_secs(p.window_s), horizon))
            }
            Pattern::Custom => {
                return Source::Timeline {
                    requests: parse_timeline(&p.timeline).requests(),
                    horizon,
                }
            }
            Pattern::Steady => ArrivalPattern::Constant,
            Pattern::Poisson => ArrivalPattern::Poisson,
            Pattern::Bursty => ArrivalPattern::OnOff,
        };
        let clients = p.clients.max(1);
        let abuse = if p.abuse.is_finite() {
            p.abuse.max(0.0)
        } else {
            1.0
        };
        let spec = ArrivalSpec {
            pattern,
            rate_per_s: p.rate * (f64::from(clients - 1) + abuse),
            on_s: p.on_s,
            off_s: p.off_s,
            spike_factor: 1.0,
            spike_start_s: 0.0,
            spike_len_s: 0.0,
            horizon_s: p.duration_s,
        };
        Source::Generated(Box::new(Generated {
            process: ArrivalProcess::new(spec),
            rng: stream(seed, Stream::Arrivals),
            clients_rng: stream(seed, Stream::Clients),
            clients,
            abuse,
        }))
    }

    /// The next request (time, client), or `None` when the traffic is over.
    pub(super) fn next(&mut self) -> Option<(SimTime, u32)> {
        match self {
            Source::Generated(g) => g.next(),
            Source::List { requests, next } => {
                let r = requests.get(*next).copied();
                *next += 1;
                r
            }
            Source::Timeline { requests, horizon } => {
                requests.next().filter(|&(t, _)| t < *horizon)
            }
        }
    }
}
