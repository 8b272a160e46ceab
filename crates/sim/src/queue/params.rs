//! The queue demo's parameters: one struct and its choice enums (described field by field in
//! `fields`), plus the cross-field rules applied after clamping.
use crate::arrivals::{ArrivalPattern, ArrivalProcess, ArrivalSpec};
use crate::dist::ServiceDist;
use crate::params::kit::thousands;
use crate::params::Notice;
use serde::{Deserialize, Serialize};

/// The most arrivals a validated run may expect; longer runs are shortened.
pub const MAX_EXPECTED_JOBS: f64 = 1_000_000.0;

crate::choices! {
    /// How long a failed job waits before it is queued again.
    pub enum Backoff {
        /// Retry at once.
        None => ("none", "None (retry at once)"),
        /// base × attempt.
        Linear => ("linear", "Linear"),
        /// base × 2^(attempt − 1).
        #[default]
        Exponential => ("exponential", "Exponential"),
    }
}

crate::choices! {
    /// What the autoscaler watches.
    pub enum Autoscale {
        #[default]
        Off => ("off", "Off"),
        /// Keep busy time / available worker time near `target` %.
        Utilization => ("utilization", "Target utilisation"),
        /// Keep queued jobs per worker near `target`.
        QueueDepth => ("queuedepth", "Target queue depth"),
    }
}

/// A FIFO queue feeding a pool of workers. Times are in the unit named by the field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueParams {
    pub arrival: ArrivalPattern,
    /// Mean arrival rate, jobs per second (0.1..=5000).
    pub rate: f64,
    /// On/off: seconds on, seconds off (0.1..=3600).
    pub on_s: f64,
    pub off_s: f64,
    /// Spike: rate multiplier in the spike; Daily: multiplier at the lunch and dinner peaks.
    pub spike_factor: f64,
    pub spike_start_s: f64,
    pub spike_len_s: f64,
    /// Simulated seconds (1..=86400).
    pub duration_s: f64,
    /// Waiting room, not counting jobs in service; 0 = unbounded (0..=100000).
    pub capacity: u32,
    /// Workers (the starting count when autoscaling), 1..=200.
    pub workers: u32,
    pub service: ServiceDist,
    /// Mean service time, milliseconds (0.1..=600000).
    pub service_ms: f64,
    /// Log-normal coefficient of variation (0.1..=4).
    pub service_cv: f64,
    /// Probability that one attempt fails, a fraction 0..=0.95.
    pub fail_prob: f64,
    /// Attempts per job including the first (1..=10).
    pub max_attempts: u32,
    pub backoff: Backoff,
    /// Base back-off delay, milliseconds (0..=60000).
    pub backoff_ms: f64,
    /// Full jitter: the delay is uniform in [0, back-off].
    pub jitter: bool,
    pub autoscale: Autoscale,
    /// Utilisation % (Utilization) or queued jobs per worker (QueueDepth), 0.1..=100.
    pub target: f64,
    pub min_workers: u32,
    pub max_workers: u32,
    /// Seconds for a new worker to become ready (0..=600).
    pub scale_delay_s: f64,
}

impl Default for QueueParams {
    fn default() -> Self {
        QueueParams {
            arrival: ArrivalPattern::Poisson,
            rate: 8.0,
            on_s: 5.0,
            off_s: 5.0,
            spike_factor: 4.0,
            spike_start_s: 60.0,
            spike_len_s: 30.0,
            duration_s: 300.0,
            capacity: 0,
            workers: 10,
            service: ServiceDist::Exponential,
            service_ms: 1000.0,
            service_cv: 1.0,
            fail_prob: 0.0,
            max_attempts: 3,
            backoff: Backoff::Exponential,
            backoff_ms: 500.0,
            jitter: true,
            autoscale: Autoscale::Off,
            target: 70.0,
            min_workers: 2,
            max_workers: 40,
            scale_delay_s: 10.0,
        }
    }
}

impl QueueParams {
    /// The arrival process these parameters describe.
    pub fn arrival_spec(&self) -> ArrivalSpec {
        ArrivalSpec {
            pattern: self.arrival,
            rate_per_s: self.rate,
            on_s: self.on_s,
            off_s: self.off_s,
            spike_factor: self.spike_factor,
            spike_start_s: self.spike_start_s,
            spike_len_s: self.spike_len_s,
            horizon_s: self.duration_s,
        }
    }

    /// Offered utilisation at the base rate: rate × mean service time / workers.
    pub fn offered_utilisation(&self) -> f64 {
        self.rate * self.service_ms / 1000.0 / f64::from(self.workers.max(1))
    }

    fn expected_jobs(&self) -> f64 {
        ArrivalProcess::new(self.arrival_spec()).expected_count()
    }

    /// Keeps the spike window inside the run (only when the pattern is Spike).
    fn fit_spike_window(&mut self, notices: &mut Vec<Notice>) {
        if self.arrival != ArrivalPattern::Spike {
            return;
        }
        if self.spike_start_s >= self.duration_s {
            self.spike_start_s = (self.duration_s * 0.2).floor();
            notices.push(Notice::new(
                "spike_at",
                format!(
                    "Spike start: moved to {} s so the spike happens during the run",
                    self.spike_start_s
                ),
            ));
        }
        let room = self.duration_s - self.spike_start_s;
        if self.spike_len_s > room {
            self.spike_len_s = room;
            notices.push(Notice::new(
                "spike_len",
                format!(
                    "Spike length: shortened to {room} s so the spike ends by the end of the run"
                ),
            ));
        }
    }
}

impl QueueParams {
    /// The rules between fields, applied by [`Params::check`](crate::params::Params::check)
    /// after each field is clamped to its range.
    pub(super) fn apply_rules(&mut self, notices: &mut Vec<Notice>) {
        if self.min_workers > self.max_workers {
            std::mem::swap(&mut self.min_workers, &mut self.max_workers);
            notices.push(Notice::new(
                "min_workers",
                format!(
                    "Min workers: was above the maximum; swapped them (min {}, max {})",
                    self.min_workers, self.max_workers
                ),
            ));
        }
        if self.autoscale != Autoscale::Off {
            let clamped = self.workers.clamp(self.min_workers, self.max_workers);
            if clamped != self.workers {
                self.workers = clamped;
                notices.push(Notice::new(
                    "workers",
                    format!(
                        "Workers: starting with {clamped} to stay within the autoscaling limits"
                    ),
                ));
            }
        }
        self.fit_spike_window(notices);
        // Expected arrivals grow with the duration for every pattern. Shortening the run can
        // move the spike inside it (more jobs), so repeat until both rules hold.
        let mut shortened = false;
        for _ in 0..8 {
            if self.expected_jobs() <= MAX_EXPECTED_JOBS {
                break;
            }
            self.duration_s = self.longest_duration_under_cap();
            self.fit_spike_window(notices);
            shortened = true;
        }
        if shortened {
            notices.push(Notice::new(
                "duration",
                format!(
                    "Duration: shortened to {} s so the run stays under {} jobs",
                    self.duration_s,
                    thousands(MAX_EXPECTED_JOBS as u64)
                ),
            ));
        }
    }

    /// The longest whole number of seconds (at least 1) whose expected arrivals stay under
    /// the cap (binary search; expected arrivals grow with the duration).
    fn longest_duration_under_cap(&self) -> f64 {
        let (mut ok, mut too_long) = (1.0_f64, self.duration_s.floor());
        while too_long - ok > 1.0 {
            let mid = ((ok + too_long) / 2.0).floor();
            let trial = QueueParams {
                duration_s: mid,
                ..self.clone()
            };
            if trial.expected_jobs() <= MAX_EXPECTED_JOBS {
                ok = mid;
            } else {
                too_long = mid;
            }
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::query::{from_query, to_query};
    use crate::params::Params;

    #[test]
    fn default_is_valid_and_round_trips_through_the_url() {
        let (p, notices) = QueueParams::default().validate();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(p, QueueParams::default());
        assert!((p.offered_utilisation() - 0.8).abs() < 1e-12);
        let custom = QueueParams {
            arrival: ArrivalPattern::Spike,
            service: ServiceDist::LogNormal,
            backoff: Backoff::Linear,
            autoscale: Autoscale::QueueDepth,
            jitter: false,
            target: 2.0,
            ..QueueParams::default()
        };
        let back = from_query::<QueueParams>(&to_query(&custom, 7), &[]);
        assert_eq!(back.params, custom);
        assert!(back.notices.is_empty(), "{:?}", back.notices);
    }

    #[test]
    fn cross_field_rules() {
        let p = QueueParams {
            min_workers: 30,
            max_workers: 5,
            workers: 100,
            autoscale: Autoscale::Utilization,
            arrival: ArrivalPattern::Spike,
            spike_start_s: 500.0,
            rate: 5000.0,
            ..QueueParams::default()
        };
        let (p, notices) = p.validate();
        assert_eq!((p.min_workers, p.max_workers, p.workers), (5, 30, 30));
        assert_eq!(p.duration_s, 110.0); // 5000/s × (110 + 3 × 30 s of spike) = 10^6
        assert!(p.spike_start_s + p.spike_len_s <= p.duration_s);
        assert!(ArrivalProcess::new(p.arrival_spec()).expected_count() <= MAX_EXPECTED_JOBS);
        assert!(notices
            .iter()
            .any(|n| n.message
                == "Duration: shortened to 110 s so the run stays under 1,000,000 jobs"));
    }
}
