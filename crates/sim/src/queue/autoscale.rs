//! The autoscaler: every second it compares a metric with its target and adds or removes
//! workers, following the Kubernetes Horizontal Pod Autoscaler's rule.
//!
//! ```text
//!   every 1 s:  observed = busy time / provisioned worker time, %, last second (Utilization)
//!                        | mean queued jobs per worker, last second            (QueueDepth)
//!               ratio    = observed / target
//!               |ratio − 1| ≤ 10%  → desired = current (tolerance band)
//!               otherwise desired = ceil(current × ratio), clamped to [min, max]
//!   up:   at once. Busy workers marked to retire stay instead; then new workers start and
//!         are ready after the start-up delay
//!   down: only to the highest `desired` of the last 30 s (stabilisation window), then:
//!         cancel workers still starting, retire idle ones, mark busy ones to retire when
//!         their job ends
//! ```
//! `current` counts workers that are ready or starting and not retiring. Workers still
//! starting count as idle in the utilisation (as the HPA treats pods that are not ready when
//! scaling up); otherwise every tick of the start-up delay would see the same overload and
//! add workers again. The stabilisation window (the HPA's default is 5 minutes; 30 s suits
//! runs of a few minutes) keeps noise in a one-second metric from flapping the pool.
use super::model::{Event, QueueSim, HARD_WORKER_CAP};
use super::params::Autoscale;
use super::pool::SlotState;
use crate::engine::{from_secs, SimTime, SECOND};

/// How often the autoscaler evaluates its metric.
pub const AUTOSCALE_INTERVAL: SimTime = SECOND;
/// Ratios within this distance of 1 cause no change.
const TOLERANCE: f64 = 0.1;
/// Scale-down never goes below the highest recommendation of this long ago.
pub const SCALE_DOWN_WINDOW: SimTime = 30 * SECOND;

impl QueueSim {
    pub(super) fn schedule_first_tick(&mut self) {
        if self.params.autoscale != Autoscale::Off {
            self.clock
                .schedule(AUTOSCALE_INTERVAL, Event::AutoscaleTick);
        }
    }

    /// Workers that count towards the autoscaler's current size.
    fn current_workers(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| {
                !s.retiring
                    && matches!(
                        s.state,
                        SlotState::Starting | SlotState::Idle | SlotState::Busy(_)
                    )
            })
            .count()
    }

    /// The metric divided by its target, over the interval since the last tick; `None` when
    /// it cannot be measured (no worker at all during the interval).
    fn observed_ratio(&mut self) -> Option<f64> {
        let t = self.clock.now();
        let now = (
            self.levels.busy.integral_at(t),
            self.levels.provisioned.integral_at(t),
            self.levels.queued.integral_at(t),
        );
        let (busy, provisioned, queued) = (
            now.0 - self.last_tick.0,
            now.1 - self.last_tick.1,
            now.2 - self.last_tick.2,
        );
        self.last_tick = now;
        let target = self.params.target;
        if target.is_nan() || target <= 0.0 {
            return None;
        }
        match self.params.autoscale {
            Autoscale::Off => None,
            Autoscale::Utilization => {
                (provisioned > 0).then(|| 100.0 * busy as f64 / provisioned as f64 / target)
            }
            Autoscale::QueueDepth => {
                let current = self.current_workers().max(1) as f64;
                let mean_queued = queued as f64 / AUTOSCALE_INTERVAL as f64;
                Some(mean_queued / current / target)
            }
        }
    }

    pub(super) fn on_autoscale_tick(&mut self) {
        self.clock
            .schedule_in(AUTOSCALE_INTERVAL, Event::AutoscaleTick);
        let Some(ratio) = self.observed_ratio() else {
            return;
        };
        let max = (self.params.max_workers as usize).min(HARD_WORKER_CAP);
        let min = (self.params.min_workers as usize).min(max);
        let current = self.current_workers();
        let desired = if (ratio - 1.0).abs() <= TOLERANCE {
            current
        } else {
            ((current as f64 * ratio).ceil().max(0.0) as usize).clamp(min, max)
        };
        let oldest = self.clock.now().saturating_sub(SCALE_DOWN_WINDOW);
        while self
            .recommendations
            .front()
            .is_some_and(|&(t, _)| t < oldest)
        {
            self.recommendations.pop_front();
        }
        self.recommendations.push_back((self.clock.now(), desired));
        if desired > current {
            self.scale_up(desired - current);
        } else {
            let floor = self
                .recommendations
                .iter()
                .map(|&(_, d)| d)
                .max()
                .unwrap_or(desired);
            if floor < current {
                self.scale_down(current - floor);
            }
        }
    }

    fn scale_up(&mut self, mut n: usize) {
        for i in 0..self.slots.len() {
            if n == 0 {
                return;
            }
            if self.slots.get(i).is_some_and(|s| s.retiring) {
                self.slots.set_retiring(i, false);
                n -= 1;
            }
        }
        let delay = from_secs(self.params.scale_delay_s);
        for _ in 0..n {
            let (slot, generation) = self.slots.start_one();
            self.clock
                .schedule_in(delay, Event::WorkerReady { slot, generation });
        }
    }

    fn scale_down(&mut self, mut n: usize) {
        // Highest slots first, so the remaining workers stay packed at the front.
        for wanted in [SlotState::Starting, SlotState::Idle] {
            for i in (0..self.slots.len()).rev() {
                if n > 0 && self.slots.get(i).is_some_and(|s| s.state == wanted) {
                    self.slots.set_state(i, SlotState::Vacant);
                    n -= 1;
                }
            }
        }
        for i in (0..self.slots.len()).rev() {
            let busy = self
                .slots
                .get(i)
                .is_some_and(|s| matches!(s.state, SlotState::Busy(_)) && !s.retiring);
            if n > 0 && busy {
                self.slots.set_retiring(i, true);
                n -= 1;
            }
        }
    }

    pub(super) fn on_worker_ready(&mut self, slot: usize, generation: u64) {
        if self
            .slots
            .get(slot)
            .is_some_and(|s| s.state == SlotState::Starting && s.generation == generation)
        {
            self.slots.set_state(slot, SlotState::Idle);
        }
    }
}
