//! Driving an [`NPlusOneSim`] (the `Simulation` trait) and summarising it into an
//! [`NPlusOneReport`].
use super::model::{Event, NPlusOneSim, COUNT_EXECUTED, LEVEL_IN_USE, LEVEL_PAGES, LEVEL_WAITING};
use super::report::{NPlusOneReport, SeriesPoint};
use crate::engine::{secs, Simulation};
use crate::stats::{finite, ratio};

impl Simulation for NPlusOneSim {
    type Event = Event;
    type Report = NPlusOneReport;

    crate::clock_and_apply!();

    fn report(&self) -> NPlusOneReport {
        let now = self.clock.now();
        let elapsed = secs(now);
        let c = &self.counts;
        let in_use = self.levels.in_use.integral_at(now) as f64;
        let capacity = self.conns.len() as f64 * now as f64;
        NPlusOneReport {
            sim_secs: elapsed,
            queries_per_page: u32::try_from(self.plan.rows.len()).unwrap_or(u32::MAX),
            rows_per_page: self.plan.total_rows,
            single_page_ms: finite(self.plan.single_page_ms),
            pages_completed: c.pages_completed,
            queries_completed: c.queries_completed,
            page_latency: self.page_latency.summary(),
            pool_wait: self.pool_wait.summary(),
            db_qps: ratio(c.queries_executed as f64, elapsed),
            pages_per_s: ratio(c.pages_completed as f64, elapsed),
            pool_utilisation: ratio(in_use, capacity),
            mean_pages_in_flight: self.levels.pages.mean_at(now),
            mean_waiting_for_connection: self.levels.waiting.mean_at(now),
            series: self.series_points(),
        }
    }
}

impl NPlusOneSim {
    fn series_points(&self) -> Vec<SeriesPoint> {
        let ms = |p: Option<[f64; 3]>, i: usize| p.map(|p| p[i] * 1000.0);
        self.series
            .buckets(self.clock.now())
            .into_iter()
            .map(|b| SeriesPoint {
                t_secs: b.t_secs,
                pages_in_flight: b.levels[LEVEL_PAGES],
                pool_in_use: b.levels[LEVEL_IN_USE],
                waiting_for_connection: b.levels[LEVEL_WAITING],
                db_qps: b.rates[COUNT_EXECUTED],
                page_p50: ms(b.wait_percentiles, 0),
                page_p95: ms(b.wait_percentiles, 1),
                page_p99: ms(b.wait_percentiles, 2),
            })
            .collect()
    }
}
