//! Driving a [`QueueSim`] (the `Simulation` trait) and summarising it into a [`QueueReport`].
use super::model::{
    Event, QueueSim, COUNT_ARRIVALS, COUNT_COMPLETIONS, COUNT_DROPS, COUNT_RETRIES,
};
use super::model::{LEVEL_BUSY, LEVEL_QUEUE, LEVEL_WORKERS};
use super::report::{QueueReport, SeriesPoint};
use crate::engine::{secs, Simulation};
use crate::stats::ratio;

impl Simulation for QueueSim {
    type Event = Event;
    type Report = QueueReport;

    crate::clock_and_apply!();

    fn report(&self) -> QueueReport {
        let now = self.clock.now();
        let elapsed = secs(now);
        let c = &self.counts;
        let in_system_at_end = (self.queue.len() + self.busy_count() + self.retry_pending) as u64;
        let admitted_rate = ratio(c.admitted as f64, elapsed);
        let sojourn = self.sojourn.summary();
        let busy = self.levels.busy.integral_at(now) as f64;
        let ready = self.levels.ready.integral_at(now) as f64;
        QueueReport {
            sim_secs: elapsed,
            jobs_arrived: c.arrived,
            attempts: c.attempts,
            completed: c.completed,
            failed_attempts: c.failed_attempts,
            retries: c.retries,
            dropped: c.dropped,
            dead_letter: c.dead_letter,
            in_system_at_end,
            throughput_per_s: ratio(c.completed as f64, elapsed),
            offered_rate: ratio(c.arrived as f64, elapsed),
            admitted_rate,
            retry_amplification: if c.jobs_started > 0 {
                c.attempts as f64 / c.jobs_started as f64
            } else {
                1.0
            },
            utilisation: ratio(busy, ready),
            drop_rate: ratio(c.dropped as f64, c.arrived as f64),
            p_wait: ratio(c.waited as f64, c.attempts as f64),
            wait: self.wait.summary(),
            sojourn,
            wait_mean_ci95: self.wait_ci.ci95_half_width().unwrap_or(0.0),
            sojourn_mean_ci95: self.sojourn_ci.ci95_half_width().unwrap_or(0.0),
            mean_in_system_l: self.levels.in_system.mean_at(now),
            mean_queue_lq: self.levels.queued.mean_at(now),
            little_l_from_law: admitted_rate * sojourn.mean,
            workers_mean: self.levels.provisioned.mean_at(now),
            mu: ratio(1000.0, self.params.service_ms),
            c: self.params.workers,
            series: self.series_points(),
            theory: self.theory.clone(),
        }
    }
}

impl QueueSim {
    fn series_points(&self) -> Vec<SeriesPoint> {
        self.series
            .buckets(self.clock.now())
            .into_iter()
            .map(|b| SeriesPoint {
                t_secs: b.t_secs,
                queue_len: b.levels[LEVEL_QUEUE],
                in_service: b.levels[LEVEL_BUSY],
                workers: b.levels[LEVEL_WORKERS],
                arrivals_per_s: b.rates[COUNT_ARRIVALS],
                completions_per_s: b.rates[COUNT_COMPLETIONS],
                drops_per_s: b.rates[COUNT_DROPS],
                retries_per_s: b.rates[COUNT_RETRIES],
                wait_p50: b.wait_percentiles.map(|p| p[0]),
                wait_p95: b.wait_percentiles.map(|p| p[1]),
                wait_p99: b.wait_percentiles.map(|p| p[2]),
            })
            .collect()
    }
}
