//! The queue parameters as the URL codec and the generated controls see them: key, label,
//! help sentence, group, range, and how to read and write each field; and the queue's
//! [`Params`] impl, which joins this list to the rules between fields in `params`.
use super::params::{Autoscale, Backoff, QueueParams};
use crate::arrivals::ArrivalPattern;
use crate::dist::ServiceDist;
use crate::params::kit::{number, to_bool, to_u32, whole};
use crate::params::{always, ChoiceEnum, Field, FieldKind, FieldValue, Notice, Params};

const ARRIVALS: &str = "Arrivals";
const WORKERS: &str = "Queue & workers";
const FAILURES: &str = "Failures & retries";
const SCALING: &str = "Autoscaling";

fn retries_shown(p: &QueueParams) -> bool {
    p.fail_prob > 0.0
}
fn backoff_shown(p: &QueueParams) -> bool {
    p.fail_prob > 0.0 && p.backoff != Backoff::None
}
fn autoscale_shown(p: &QueueParams) -> bool {
    p.autoscale != Autoscale::Off
}

impl Params for QueueParams {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn check(&mut self, notices: &mut Vec<Notice>) {
        self.apply_rules(notices);
    }
}

static FIELDS: &[Field<QueueParams>] = &[
    Field {
        key: "arrival",
        label: "Arrival pattern",
        help: "How requests arrive over time: randomly at a steady rate, evenly spaced, in bursts, with a spike, or following a daily cycle.",
        group: ARRIVALS,
        kind: FieldKind::Choice(ArrivalPattern::CHOICES),
        get: |p| p.arrival.to_field(),
        set: |p, v| p.arrival = ArrivalPattern::from_field(v, p.arrival),
        shown: always,
    },
    Field {
        key: "rate",
        label: "Arrival rate",
        help: "Average number of new jobs per second (for Daily, the rate before the daily shape is applied).",
        group: ARRIVALS,
        kind: number(0.1, 5000.0, 0.1, "jobs/s", true),
        get: |p| FieldValue::Num(p.rate),
        set: |p, v| p.rate = v.num(),
        shown: always,
    },
    Field {
        key: "on",
        label: "Burst length",
        help: "Seconds of traffic in each on/off cycle.",
        group: ARRIVALS,
        kind: number(0.1, 3600.0, 0.1, "s", true),
        get: |p| FieldValue::Num(p.on_s),
        set: |p, v| p.on_s = v.num(),
        shown: |p| p.arrival == ArrivalPattern::OnOff,
    },
    Field {
        key: "off",
        label: "Pause length",
        help: "Seconds without any traffic in each on/off cycle.",
        group: ARRIVALS,
        kind: number(0.1, 3600.0, 0.1, "s", true),
        get: |p| FieldValue::Num(p.off_s),
        set: |p, v| p.off_s = v.num(),
        shown: |p| p.arrival == ArrivalPattern::OnOff,
    },
    Field {
        key: "k",
        label: "Peak factor",
        help: "How many times the normal rate arrives during the spike (or at the lunch and dinner peaks).",
        group: ARRIVALS,
        kind: number(1.0, 20.0, 0.5, "×", false),
        get: |p| FieldValue::Num(p.spike_factor),
        set: |p, v| p.spike_factor = v.num(),
        shown: |p| matches!(p.arrival, ArrivalPattern::Spike | ArrivalPattern::Daily),
    },
    Field {
        key: "spike_at",
        label: "Spike start",
        help: "When the spike begins, in seconds from the start of the run.",
        group: ARRIVALS,
        kind: whole(0.0, 86400.0, "s", false),
        get: |p| FieldValue::Num(p.spike_start_s),
        set: |p, v| p.spike_start_s = v.num(),
        shown: |p| p.arrival == ArrivalPattern::Spike,
    },
    Field {
        key: "spike_len",
        label: "Spike length",
        help: "How long the spike lasts, in seconds.",
        group: ARRIVALS,
        kind: whole(1.0, 86400.0, "s", true),
        get: |p| FieldValue::Num(p.spike_len_s),
        set: |p, v| p.spike_len_s = v.num(),
        shown: |p| p.arrival == ArrivalPattern::Spike,
    },
    Field {
        key: "duration",
        label: "Duration",
        help: "Simulated seconds to run (Daily squeezes one whole day into this time).",
        group: ARRIVALS,
        kind: whole(1.0, 86400.0, "s", true),
        get: |p| FieldValue::Num(p.duration_s),
        set: |p, v| p.duration_s = v.num(),
        shown: always,
    },
    Field {
        key: "capacity",
        label: "Queue capacity",
        help: "How many jobs may wait (not counting those being served); arrivals to a full queue are dropped. 0 means unlimited.",
        group: WORKERS,
        kind: whole(0.0, 100_000.0, "jobs", false),
        get: |p| FieldValue::Num(f64::from(p.capacity)),
        set: |p, v| p.capacity = to_u32(v),
        shown: always,
    },
    Field {
        key: "workers",
        label: "Workers",
        help: "Jobs served at the same time; with autoscaling, the number to start with.",
        group: WORKERS,
        kind: whole(1.0, 200.0, "workers", false),
        get: |p| FieldValue::Num(f64::from(p.workers)),
        set: |p, v| p.workers = to_u32(v),
        shown: always,
    },
    Field {
        key: "service",
        label: "Service time shape",
        help: "Exponential: mostly short with some long jobs; Constant: every job takes the same time; Log-normal: a long tail you can tune.",
        group: WORKERS,
        kind: FieldKind::Choice(ServiceDist::CHOICES),
        get: |p| p.service.to_field(),
        set: |p, v| p.service = ServiceDist::from_field(v, p.service),
        shown: always,
    },
    Field {
        key: "service_ms",
        label: "Mean service time",
        help: "Average time one worker needs for one job.",
        group: WORKERS,
        kind: number(0.1, 600_000.0, 0.1, "ms", true),
        get: |p| FieldValue::Num(p.service_ms),
        set: |p, v| p.service_ms = v.num(),
        shown: always,
    },
    Field {
        key: "cv",
        label: "Variability (CV)",
        help: "Standard deviation divided by the mean; higher means a longer tail of slow jobs.",
        group: WORKERS,
        kind: number(0.1, 4.0, 0.1, "", false),
        get: |p| FieldValue::Num(p.service_cv),
        set: |p, v| p.service_cv = v.num(),
        shown: |p| p.service == ServiceDist::LogNormal,
    },
    Field {
        key: "fail",
        label: "Failure probability",
        help: "Chance that one attempt fails (0.1 = 10%); failed jobs are retried until they run out of attempts.",
        group: FAILURES,
        kind: number(0.0, 0.95, 0.01, "", false),
        get: |p| FieldValue::Num(p.fail_prob),
        set: |p, v| p.fail_prob = v.num(),
        shown: always,
    },
    Field {
        key: "attempts",
        label: "Max attempts",
        help: "Attempts per job including the first; after the last failure the job goes to the dead-letter queue.",
        group: FAILURES,
        kind: whole(1.0, 10.0, "", false),
        get: |p| FieldValue::Num(f64::from(p.max_attempts)),
        set: |p, v| p.max_attempts = to_u32(v),
        shown: retries_shown,
    },
    Field {
        key: "backoff",
        label: "Back-off",
        help: "How long a failed job waits before retrying: not at all, a growing delay, or a doubling delay.",
        group: FAILURES,
        kind: FieldKind::Choice(Backoff::CHOICES),
        get: |p| p.backoff.to_field(),
        set: |p, v| p.backoff = Backoff::from_field(v, p.backoff),
        shown: retries_shown,
    },
    Field {
        key: "backoff_ms",
        label: "Base delay",
        help: "The first retry's back-off; later retries wait longer.",
        group: FAILURES,
        kind: number(0.0, 60_000.0, 10.0, "ms", false),
        get: |p| FieldValue::Num(p.backoff_ms),
        set: |p, v| p.backoff_ms = v.num(),
        shown: backoff_shown,
    },
    Field {
        key: "jitter",
        label: "Jitter",
        help: "Pick each delay at random between zero and the back-off, so retries spread out instead of arriving together.",
        group: FAILURES,
        kind: FieldKind::Toggle,
        get: |p| FieldValue::Bool(p.jitter),
        set: |p, v| p.jitter = to_bool(v),
        shown: backoff_shown,
    },
    Field {
        key: "autoscale",
        label: "Autoscaling",
        help: "Add and remove workers automatically, watching either utilisation or queue depth (checked every second).",
        group: SCALING,
        kind: FieldKind::Choice(Autoscale::CHOICES),
        get: |p| p.autoscale.to_field(),
        set: |p, v| p.autoscale = Autoscale::from_field(v, p.autoscale),
        shown: always,
    },
    Field {
        key: "target",
        label: "Target",
        help: "Utilisation in % to aim for, or queued jobs per worker when scaling on queue depth.",
        group: SCALING,
        kind: number(0.1, 100.0, 0.1, "", false),
        get: |p| FieldValue::Num(p.target),
        set: |p, v| p.target = v.num(),
        shown: autoscale_shown,
    },
    Field {
        key: "min_workers",
        label: "Min workers",
        help: "The autoscaler never goes below this many workers.",
        group: SCALING,
        kind: whole(1.0, 200.0, "workers", false),
        get: |p| FieldValue::Num(f64::from(p.min_workers)),
        set: |p, v| p.min_workers = to_u32(v),
        shown: autoscale_shown,
    },
    Field {
        key: "max_workers",
        label: "Max workers",
        help: "The autoscaler never goes above this many workers.",
        group: SCALING,
        kind: whole(1.0, 200.0, "workers", false),
        get: |p| FieldValue::Num(f64::from(p.max_workers)),
        set: |p, v| p.max_workers = to_u32(v),
        shown: autoscale_shown,
    },
    Field {
        key: "scale_delay",
        label: "Start-up time",
        help: "Seconds a new worker needs before it can take jobs.",
        group: SCALING,
        kind: number(0.0, 600.0, 1.0, "s", false),
        get: |p| FieldValue::Num(p.scale_delay_s),
        set: |p, v| p.scale_delay_s = v.num(),
        shown: autoscale_shown,
    },
];
