//! The lesson's "Try this" buttons: named parameter sets, each with one sentence on what
//! to look for and, where it teaches by contrast, the comparison run it turns on.
use crate::ui::demo::Preset;
use scalelab_sim::arrivals::ArrivalPattern;
use scalelab_sim::queue::{Autoscale, Backoff, QueueParams};

pub fn presets() -> Vec<Preset<QueueParams>> {
    let base = QueueParams::default();
    vec![
        Preset {
            name: "Comfortably under capacity",
            hint: "Half the workers are idle on average: jobs almost never wait.",
            compare: None,
            params: QueueParams {
                rate: 5.0,
                workers: 10,
                ..base.clone()
            },
        },
        Preset {
            name: "Near saturation (ρ = 0.95)",
            hint: "Only 5% spare capacity: waits become long and erratic.",
            compare: None,
            params: QueueParams {
                rate: 9.5,
                workers: 10,
                duration_s: 600.0,
                ..base.clone()
            },
        },
        Preset {
            name: "A lunch-time spike",
            hint: "Three times the traffic for a minute: the queue soaks it up, then drains.",
            compare: None,
            params: QueueParams {
                arrival: ArrivalPattern::Spike,
                rate: 6.0,
                spike_factor: 3.0,
                spike_start_s: 90.0,
                spike_len_s: 60.0,
                duration_s: 300.0,
                workers: 10,
                ..base.clone()
            },
        },
        Preset {
            name: "A retry storm",
            hint:
                "30% of jobs fail and are retried at once: every failure comes back as more load.",
            compare: None,
            params: QueueParams {
                rate: 7.5,
                workers: 10,
                fail_prob: 0.3,
                max_attempts: 5,
                backoff: Backoff::None,
                jitter: false,
                ..base.clone()
            },
        },
        Preset {
            name: "Autoscaling to the rescue",
            hint: "A day with lunch and dinner peaks: the pool grows and shrinks with the load.",
            compare: None,
            params: QueueParams {
                arrival: ArrivalPattern::Daily,
                rate: 4.0,
                spike_factor: 3.0,
                duration_s: 900.0,
                workers: 4,
                autoscale: Autoscale::Utilization,
                target: 70.0,
                min_workers: 2,
                max_workers: 30,
                scale_delay_s: 10.0,
                ..base
            },
        },
    ]
}
