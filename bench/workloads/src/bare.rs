//! The yardstick for the models' own cost: the M/M/2 reference workload on the same engine
//! (`Clock`), arrival process, service sampler and random streams as the queue model, with
//! no statistics, chart series, percentiles or animation state at all. It is what this design
//! can do at best; the benchmark reports the full model's throughput as a share of it. Both
//! see the same arrivals (same seed and stream), so they count the same jobs.
//!
//! ```text
//!  Arrival ─▶ idle worker? ─▶ Done(worker) at now + service ─▶ next queued job, if any
//!                 └─ else FIFO line (the arrival time only)
//! ```
use crate::workloads::{mm2, Done};
use scalelab_sim::arrivals::ArrivalProcess;
use scalelab_sim::dist::ServiceSampler;
use scalelab_sim::engine::{from_secs, Clock, SimTime};
use scalelab_sim::params::Params;
use scalelab_sim::rng::{stream, Stream};
use std::collections::VecDeque;

enum Event {
    Arrival,
    Done(usize),
}

/// The bare M/M/2 run at `scale` with `seed` (the full workload uses seed 1).
pub fn bare_mm2(scale: f64, seed: u64) -> Done {
    let p = mm2(scale).validate().0;
    let horizon = from_secs(p.duration_s);
    let mut clock = Clock::new(horizon);
    let mut arrivals = ArrivalProcess::new(p.arrival_spec());
    let service = ServiceSampler::new(p.service, p.service_ms / 1000.0, p.service_cv);
    let mut rng_arrivals = stream(seed, Stream::Arrivals);
    let mut rng_service = stream(seed, Stream::Service);
    let mut idle = vec![true; p.workers as usize];
    let mut line: VecDeque<SimTime> = VecDeque::new();
    let mut arrived = 0u64;
    if let Some(t) = arrivals.next_arrival(&mut rng_arrivals) {
        clock.schedule(t, Event::Arrival);
    }
    while let Some(event) = clock.next_until(horizon) {
        match event {
            Event::Arrival => {
                arrived += 1;
                if let Some(t) = arrivals.next_arrival(&mut rng_arrivals) {
                    clock.schedule(t, Event::Arrival);
                }
                match idle.iter().position(|&i| i) {
                    Some(w) => {
                        idle[w] = false;
                        clock.schedule_in(service.sample(&mut rng_service), Event::Done(w));
                    }
                    None => line.push_back(clock.now()),
                }
            }
            Event::Done(w) => match line.pop_front() {
                Some(_) => clock.schedule_in(service.sample(&mut rng_service), Event::Done(w)),
                None => idle[w] = true,
            },
        }
    }
    Done {
        items: arrived,
        unit: "jobs",
        events: clock.processed(),
    }
}

#[cfg(test)]
mod tests {
    use crate::run_workload;

    /// The yardstick runs the same workload: the same jobs arrive and the engine processes
    /// the same number of events as in the full model.
    #[test]
    fn the_bare_run_sees_the_same_jobs_as_the_full_model() {
        let full = run_workload("mm2", 0.01).unwrap();
        let bare = run_workload("mm2_bare", 0.01).unwrap();
        assert_eq!((bare.items, bare.events), (full.items, full.events));
        assert!(full.items > 5_000, "{full:?}");
    }
}
