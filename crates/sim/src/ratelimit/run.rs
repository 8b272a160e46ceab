//! Driving a [`RateLimitSim`] (the `Simulation` trait) and summarising it into a
//! [`RateLimitReport`].
use super::model::{Event, RateLimitSim, Row, WATCHED};
use super::report::{AlgoReport, RateLimitReport, SeriesPoint, LOG_IN_REPORT};
use crate::engine::{secs, Simulation};
use crate::stats::{finite, ratio};

impl Simulation for RateLimitSim {
    type Event = Event;
    type Report = RateLimitReport;

    crate::clock_and_apply!();

    fn report(&self) -> RateLimitReport {
        RateLimitReport {
            sim_secs: secs(self.clock.now()),
            requests: self.requests,
            clients_seen: self.clients_seen,
            watched_client: WATCHED,
            window_secs: secs(self.window),
            algos: self.rows.iter().map(|r| self.algo_report(r)).collect(),
            series: self.series_points(),
        }
    }
}

impl RateLimitSim {
    fn algo_report(&self, row: &Row) -> AlgoReport {
        let algo = row.limiter.algo();
        let s = &row.stats;
        let bytes = row.limiter.state_bytes();
        AlgoReport {
            algo,
            label: algo.label(),
            accepted: s.accepted,
            rejected: s.rejected,
            delayed: s.delayed,
            mean_delay_ms: finite(ratio(s.delay_sum as f64, s.delayed as f64) / 1000.0),
            max_delay_ms: s.delay_max as f64 / 1000.0,
            waiting_now: s.waiting,
            max_admitted_in_window: s.span_max,
            state_bytes: bytes,
            peak_state_bytes: s.peak_bytes.max(bytes),
            bytes_per_client: ratio(bytes as f64, self.clients_seen as f64),
            bytes_note: algo.bytes_note(),
            level_label: algo.level_label(),
            capacity: row.limiter.capacity_milli() as f64 / 1000.0,
            log: row.log.head().iter().take(LOG_IN_REPORT).copied().collect(),
            log_total: row.log.total(),
            log_omitted: row.log.omitted(),
        }
    }

    fn series_points(&self) -> Vec<SeriesPoint> {
        self.series
            .buckets(self.clock.now())
            .into_iter()
            .map(|b| {
                let pick = |k: usize| std::array::from_fn(|a| finite(b.rates[a * 3 + k]));
                SeriesPoint {
                    t_secs: b.t_secs,
                    accepted_per_s: pick(0),
                    rejected_per_s: pick(1),
                    delayed_per_s: pick(2),
                    level: b.levels.map(|l| finite(l / 1000.0)),
                }
            })
            .collect()
    }
}
