//! The queue model: jobs arrive, wait in one FIFO queue, and are served by a pool of workers;
//! failed attempts are retried after a back-off or dead-lettered.
//!
//! ```text
//!            full? ──▶ Dropped
//!              │
//!  Arrival ──▶ queue ──▶ worker ──▶ ok ───────────────────────▶ Done
//!              ▲                    └─ fail ─┬─ attempts left ─▶ back-off ─┐
//!              │                             └─ none left ─────▶ DeadLetter │
//!              └────────────────────── RetryReady ◀────────────────────────┘
//! ```
//!
//! Events: `Arrival`, `ServiceEnd`, `RetryReady`, `AutoscaleTick`, `WorkerReady`. Every
//! random choice draws from its own stream (see `sim::rng`), so e.g. changing the number of
//! workers leaves the arrival times unchanged.
use super::job::Job;
use super::params::{Backoff, QueueParams};
use super::pool::{Pool, SlotState};
use super::report::QueueTheory;
use super::view::{Exit, Outcome, RECENT_EXITS};
use crate::arrivals::ArrivalProcess;
use crate::dist::ServiceSampler;
use crate::engine::{from_secs, secs, Clock, SimTime};
use crate::rng::{stream, Stream};
use crate::stats::{BatchMeans, LatencyHistogram, TimeAverage, TimeSeries};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::VecDeque;

/// A safety net for parameters that skipped validation: no more arrivals after this many
/// (validated runs expect at most 10^6, so they never reach it).
const HARD_ARRIVAL_CAP: u64 = 2_000_000;
/// Likewise, at most this many workers (validated runs have at most 200).
pub(super) const HARD_WORKER_CAP: usize = 1_000;

/// Chart levels and counters (indices into the time series).
pub(super) const LEVEL_QUEUE: usize = 0;
pub(super) const LEVEL_BUSY: usize = 1;
pub(super) const LEVEL_WORKERS: usize = 2;
pub(super) const COUNT_ARRIVALS: usize = 0;
pub(super) const COUNT_COMPLETIONS: usize = 1;
pub(super) const COUNT_DROPS: usize = 2;
pub(super) const COUNT_RETRIES: usize = 3;

/// What the queue model schedules on its clock.
#[derive(Clone, Debug)]
pub enum Event {
    Arrival,
    ServiceEnd {
        slot: usize,
    },
    RetryReady(Job),
    AutoscaleTick,
    /// `generation` tells a cancelled start-up from a current one.
    WorkerReady {
        slot: usize,
        generation: u64,
    },
}

/// Counters reported as-is.
#[derive(Clone, Debug, Default)]
pub(super) struct Counters {
    pub arrived: u64,
    pub admitted: u64,
    pub attempts: u64,
    pub jobs_started: u64,
    pub waited: u64,
    pub completed: u64,
    pub failed_attempts: u64,
    pub retries: u64,
    pub dropped: u64,
    pub dead_letter: u64,
}

/// Time-weighted levels.
#[derive(Clone, Debug, Default)]
pub(super) struct Levels {
    pub in_system: TimeAverage,
    pub queued: TimeAverage,
    pub busy: TimeAverage,
    /// Workers able to take jobs (idle or busy).
    pub ready: TimeAverage,
    /// Ready + starting.
    pub provisioned: TimeAverage,
}

#[derive(Clone, Debug)]
pub struct QueueSim {
    pub(super) params: QueueParams,
    pub(super) clock: Clock<Event>,
    arrivals: ArrivalProcess,
    service: ServiceSampler,
    backoff_base: SimTime,
    rng_arrivals: ChaCha8Rng,
    rng_service: ChaCha8Rng,
    rng_failures: ChaCha8Rng,
    rng_jitter: ChaCha8Rng,
    pub(super) queue: VecDeque<Job>,
    pub(super) slots: Pool,
    next_id: u64,
    pub(super) retry_pending: usize,
    pub(super) recent: VecDeque<Exit>,
    pub(super) counts: Counters,
    pub(super) levels: Levels,
    pub(super) wait: LatencyHistogram,
    pub(super) sojourn: LatencyHistogram,
    pub(super) wait_ci: BatchMeans,
    pub(super) sojourn_ci: BatchMeans,
    pub(super) series: TimeSeries<3, 4>,
    pub(super) theory: Option<QueueTheory>,
    /// Integrals at the previous autoscale tick (busy, provisioned, queued), for windowed
    /// metrics.
    pub(super) last_tick: (u128, u128, u128),
    /// The autoscaler's recent recommendations (time, desired workers), at most 31 s' worth.
    pub(super) recommendations: VecDeque<(SimTime, usize)>,
}

impl QueueSim {
    /// A run of `params` (assumed validated; anything else still never panics) with `seed`.
    pub fn new(params: &QueueParams, seed: u64) -> Self {
        let horizon = from_secs(params.duration_s);
        let workers = (params.workers as usize).min(HARD_WORKER_CAP);
        let mut sim = QueueSim {
            params: params.clone(),
            clock: Clock::new(horizon),
            arrivals: ArrivalProcess::new(params.arrival_spec()),
            service: ServiceSampler::new(
                params.service,
                params.service_ms / 1000.0,
                params.service_cv,
            ),
            backoff_base: from_secs(params.backoff_ms / 1000.0),
            rng_arrivals: stream(seed, Stream::Arrivals),
            rng_service: stream(seed, Stream::Service),
            rng_failures: stream(seed, Stream::Failures),
            rng_jitter: stream(seed, Stream::Jitter),
            queue: VecDeque::new(),
            slots: Pool::new(workers),
            next_id: 0,
            retry_pending: 0,
            recent: VecDeque::with_capacity(RECENT_EXITS),
            counts: Counters::default(),
            levels: Levels {
                ready: TimeAverage::new(workers as u64),
                provisioned: TimeAverage::new(workers as u64),
                ..Levels::default()
            },
            wait: LatencyHistogram::new(),
            sojourn: LatencyHistogram::new(),
            wait_ci: BatchMeans::new(),
            sojourn_ci: BatchMeans::new(),
            series: TimeSeries::new(horizon, [0, 0, workers as u64]),
            theory: QueueTheory::for_params(params),
            last_tick: (0, 0, 0),
            recommendations: VecDeque::new(),
        };
        sim.schedule_next_arrival();
        sim.schedule_first_tick();
        sim
    }

    fn schedule_next_arrival(&mut self) {
        if self.counts.arrived >= HARD_ARRIVAL_CAP {
            return;
        }
        if let Some(t) = self.arrivals.next_arrival(&mut self.rng_arrivals) {
            self.clock.schedule(t, Event::Arrival);
        }
    }

    pub(super) fn apply(&mut self, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(),
            Event::ServiceEnd { slot } => self.on_service_end(slot),
            Event::RetryReady(job) => {
                self.retry_pending = self.retry_pending.saturating_sub(1);
                self.enqueue(Job {
                    enqueued_at: self.clock.now(),
                    ..job
                });
            }
            Event::AutoscaleTick => self.on_autoscale_tick(),
            Event::WorkerReady { slot, generation } => self.on_worker_ready(slot, generation),
        }
        self.dispatch();
        self.record_levels();
    }

    fn on_arrival(&mut self) {
        self.counts.arrived += 1;
        self.series.count(self.clock.now(), COUNT_ARRIVALS);
        let job = Job {
            id: self.next_id,
            attempt: 1,
            first_arrival: self.clock.now(),
            enqueued_at: self.clock.now(),
        };
        self.next_id += 1;
        if self.enqueue(job) {
            self.counts.admitted += 1;
        }
        self.schedule_next_arrival();
    }

    /// Adds `job` to the back of the queue, or drops it if the waiting room is full.
    fn enqueue(&mut self, job: Job) -> bool {
        let capacity = self.params.capacity as usize;
        if capacity > 0 && self.queue.len() >= capacity {
            self.counts.dropped += 1;
            self.series.count(self.clock.now(), COUNT_DROPS);
            if job.attempt > 1 {
                self.leave(&job); // it had been in the system since its first arrival
            }
            self.exit(job, Outcome::Dropped);
            return false;
        }
        self.queue.push_back(job);
        true
    }

    /// Starts queued jobs on ready, idle workers (lowest slot first).
    fn dispatch(&mut self) {
        while !self.queue.is_empty() {
            let Some(slot) = self.slots.first_idle() else {
                return;
            };
            let Some(job) = self.queue.pop_front() else {
                return;
            };
            self.start_service(slot, job);
        }
    }

    fn start_service(&mut self, slot: usize, job: Job) {
        let wait = self.clock.now().saturating_sub(job.enqueued_at);
        self.wait.record(wait);
        self.wait_ci.add(secs(wait));
        self.series.record_wait(self.clock.now(), wait);
        self.counts.attempts += 1;
        if wait > 0 {
            self.counts.waited += 1;
        }
        if job.attempt == 1 {
            self.counts.jobs_started += 1;
        }
        let service = self.service.sample(&mut self.rng_service);
        self.clock.schedule_in(service, Event::ServiceEnd { slot });
        self.slots.set_state(slot, SlotState::Busy(job));
    }

    fn on_service_end(&mut self, slot: usize) {
        let Some(&s) = self.slots.get(slot) else {
            return;
        };
        let SlotState::Busy(job) = s.state else {
            return;
        };
        let next = if s.retiring {
            SlotState::Vacant
        } else {
            SlotState::Idle
        };
        self.slots.set_state(slot, next);
        self.slots.set_retiring(slot, false);
        // One draw per attempt whenever failures are possible, so with any p > 0 the n-th
        // attempt always meets the n-th number. With p = 0 nothing else reads this stream
        // and no draw could fail, so skipping the draw changes no result.
        let failed = self.params.fail_prob > 0.0
            && self.rng_failures.random::<f64>() < self.params.fail_prob;
        if !failed {
            self.counts.completed += 1;
            self.series.count(self.clock.now(), COUNT_COMPLETIONS);
            self.leave(&job);
            self.exit(job, Outcome::Done);
            return;
        }
        self.counts.failed_attempts += 1;
        if job.attempt < self.params.max_attempts {
            self.counts.retries += 1;
            self.series.count(self.clock.now(), COUNT_RETRIES);
            self.exit(job, Outcome::Retry);
            let delay = self.backoff_delay(job.attempt);
            self.retry_pending += 1;
            let retry = Job {
                attempt: job.attempt + 1,
                ..job
            };
            self.clock.schedule_in(delay, Event::RetryReady(retry));
        } else {
            self.counts.dead_letter += 1;
            self.leave(&job);
            self.exit(job, Outcome::DeadLetter);
        }
    }

    /// The back-off after failed attempt number `attempt` (1-based): none → 0, linear →
    /// base × attempt, exponential → base × 2^(attempt − 1); with jitter, uniform in
    /// [0, that] (to the microsecond).
    pub(super) fn backoff_delay(&mut self, attempt: u32) -> SimTime {
        let base = self.backoff_base;
        let delay = match self.params.backoff {
            Backoff::None => 0,
            Backoff::Linear => base.saturating_mul(u64::from(attempt)),
            Backoff::Exponential => base.saturating_mul(1u64 << attempt.saturating_sub(1).min(40)),
        };
        if self.params.jitter && delay > 0 {
            self.rng_jitter.random_range(0..=delay)
        } else {
            delay
        }
    }

    /// A job leaves the system: record its time in system.
    fn leave(&mut self, job: &Job) {
        let sojourn = self.clock.now().saturating_sub(job.first_arrival);
        self.sojourn.record(sojourn);
        self.sojourn_ci.add(secs(sojourn));
    }

    fn exit(&mut self, job: Job, outcome: Outcome) {
        if self.recent.len() == RECENT_EXITS {
            self.recent.pop_front();
        }
        self.recent.push_back(Exit {
            job: job.dot(),
            at: self.clock.now(),
            outcome,
        });
    }

    pub(super) fn busy_count(&self) -> usize {
        self.slots.busy()
    }

    /// Updates every time-weighted level to the state after the current event.
    fn record_levels(&mut self) {
        let t = self.clock.now();
        let queued = self.queue.len() as u64;
        let busy = self.busy_count() as u64;
        let ready = busy + self.slots.idle() as u64;
        let provisioned = ready + self.slots.starting() as u64;
        let l = &mut self.levels;
        l.in_system
            .set(t, queued + busy + self.retry_pending as u64);
        l.queued.set(t, queued);
        l.busy.set(t, busy);
        l.ready.set(t, ready);
        l.provisioned.set(t, provisioned);
        let mut chart = [0; 3];
        chart[LEVEL_QUEUE] = queued;
        chart[LEVEL_BUSY] = busy;
        chart[LEVEL_WORKERS] = provisioned;
        self.series.set_levels(t, chart);
    }

    /// The parameters this run was built from.
    pub fn params(&self) -> &QueueParams {
        &self.params
    }
}
