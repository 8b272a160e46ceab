//! The rate-limiter parameters as the URL codec and the generated controls see them: key,
//! label, help sentence, group, range, and how to read and write each field; and the demo's
//! [`Params`] impl, which joins this list to the rules between fields in `params`.
use super::params::{Pattern, RateLimitParams, RateUnit};
use super::timeline::MAX_TIMELINE_CHARS;
use crate::params::kit::{number, to_bool, to_u32, whole};
use crate::params::{always, ChoiceEnum, Field, FieldKind, FieldValue, Notice, Params};

const ALGOS: &str = "Limiters";
const WINDOW: &str = "Window limits";
const BUCKET: &str = "Token bucket / GCRA";
const NGINX: &str = "nginx limit_req";
const TRAFFIC: &str = "Traffic";

fn text(v: FieldValue) -> String {
    match v {
        FieldValue::Text(s) | FieldValue::Choice(s) => s,
        other => other.text(),
    }
}

fn generated(p: &RateLimitParams) -> bool {
    matches!(
        p.traffic,
        Pattern::Steady | Pattern::Poisson | Pattern::Bursty
    )
}

macro_rules! toggle {
    ($key:literal, $label:literal, $help:literal, $f:ident) => {
        Field {
            key: $key,
            label: $label,
            help: $help,
            group: ALGOS,
            kind: FieldKind::Toggle,
            get: |p| FieldValue::Bool(p.$f),
            set: |p, v| p.$f = to_bool(v),
            shown: always,
        }
    };
}

impl Params for RateLimitParams {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn check(&mut self, notices: &mut Vec<Notice>) {
        self.apply_rules(notices);
    }
}

static FIELDS: &[Field<RateLimitParams>] = &[
    toggle!("fixed", "Fixed window", "express-rate-limit: counts a client's requests from its first one and starts again when the window ends.", fixed),
    toggle!("slog", "Sliding log", "Keeps the time of every accepted request and counts those in the last window.", sliding_log),
    toggle!("scount", "Sliding counter", "Cloudflare's estimate: the previous window's count, weighted by its overlap, plus the current window's.", sliding_counter),
    toggle!("token", "Token bucket", "Tokens refill at a steady rate up to the capacity; each request takes one.", token_bucket),
    toggle!("gcra", "GCRA", "redis-cell's Generic Cell Rate Algorithm: the token bucket's decisions from one stored time.", gcra),
    toggle!("leaky", "Leaky bucket (nginx)", "nginx limit_req: requests drain at a fixed rate; up to burst wait (or pass at once with nodelay), the rest are refused.", leaky),
    Field {
        key: "limit",
        label: "Limit",
        help: "Requests each client may make per window (express-rate-limit's limit).",
        group: WINDOW,
        kind: whole(1.0, 10_000.0, "requests", true),
        get: |p| FieldValue::Num(f64::from(p.limit)),
        set: |p, v| p.limit = to_u32(v),
        shown: |p| p.fixed || p.sliding_log || p.sliding_counter || p.traffic == Pattern::Boundary,
    },
    Field {
        key: "window",
        label: "Window",
        help: "The window the limit applies to (windowMs); 900 s is 15 minutes.",
        group: WINDOW,
        kind: number(0.1, 86_400.0, 0.1, "s", true),
        get: |p| FieldValue::Num(p.window_s),
        set: |p, v| p.window_s = v.num(),
        shown: |p| p.fixed || p.sliding_log || p.sliding_counter || p.traffic == Pattern::Boundary,
    },
    Field {
        key: "cap",
        label: "Bucket capacity",
        help: "Tokens a full bucket holds: the largest burst a rested client can send.",
        group: BUCKET,
        kind: whole(1.0, 10_000.0, "tokens", true),
        get: |p| FieldValue::Num(f64::from(p.capacity)),
        set: |p, v| p.capacity = to_u32(v),
        shown: |p| p.token_bucket || p.gcra,
    },
    Field {
        key: "refill",
        label: "Refill rate",
        help: "Tokens added per second; the long-run rate a client may keep up.",
        group: BUCKET,
        kind: number(0.001, 10_000.0, 0.001, "tokens/s", true),
        get: |p| FieldValue::Num(p.refill_per_s),
        set: |p, v| p.refill_per_s = v.num(),
        shown: |p| p.token_bucket || p.gcra,
    },
    Field {
        key: "nrate",
        label: "rate=",
        help: "nginx's drain rate, a whole number of requests per second or per minute.",
        group: NGINX,
        kind: whole(1.0, 10_000.0, "requests", true),
        get: |p| FieldValue::Num(f64::from(p.nginx_rate)),
        set: |p, v| p.nginx_rate = to_u32(v),
        shown: |p| p.leaky,
    },
    Field {
        key: "nunit",
        label: "Rate unit",
        help: "r/s or r/m, as in rate=10r/s or rate=30r/m.",
        group: NGINX,
        kind: FieldKind::Choice(RateUnit::CHOICES),
        get: |p| p.nginx_unit.to_field(),
        set: |p, v| p.nginx_unit = RateUnit::from_field(v, p.nginx_unit),
        shown: |p| p.leaky,
    },
    Field {
        key: "burst",
        label: "burst=",
        help: "Requests beyond the rate that may wait their turn; more than that are refused (503).",
        group: NGINX,
        kind: whole(0.0, 10_000.0, "requests", false),
        get: |p| FieldValue::Num(f64::from(p.burst)),
        set: |p, v| p.burst = to_u32(v),
        shown: |p| p.leaky,
    },
    Field {
        key: "nodelay",
        label: "nodelay",
        help: "Serve requests within the burst at once instead of spacing them out; they still use up the burst.",
        group: NGINX,
        kind: FieldKind::Toggle,
        get: |p| FieldValue::Bool(p.nodelay),
        set: |p, v| p.nodelay = to_bool(v),
        shown: |p| p.leaky,
    },
    Field {
        key: "delay",
        label: "delay=",
        help: "Two-stage limiting: this many excess requests pass at once, the rest of the burst waits; 0 leaves it unset.",
        group: NGINX,
        kind: whole(0.0, 10_000.0, "requests", false),
        get: |p| FieldValue::Num(f64::from(p.delay)),
        set: |p, v| p.delay = to_u32(v),
        shown: |p| p.leaky && !p.nodelay,
    },
    Field {
        key: "traffic",
        label: "Traffic",
        help: "The requests every limiter receives, the same for all of them.",
        group: TRAFFIC,
        kind: FieldKind::Choice(Pattern::CHOICES),
        get: |p| p.traffic.to_field(),
        set: |p, v| p.traffic = Pattern::from_field(v, p.traffic),
        shown: always,
    },
    Field {
        key: "rate",
        label: "Request rate",
        help: "Requests per second from each ordinary client (while on, for bursty traffic).",
        group: TRAFFIC,
        kind: number(0.01, 10_000.0, 0.01, "req/s", true),
        get: |p| FieldValue::Num(p.rate),
        set: |p, v| p.rate = v.num(),
        shown: generated,
    },
    Field {
        key: "clients",
        label: "Clients",
        help: "Distinct clients (keys such as IP addresses), each limited separately.",
        group: TRAFFIC,
        kind: whole(1.0, 1000.0, "clients", true),
        get: |p| FieldValue::Num(f64::from(p.clients)),
        set: |p, v| p.clients = to_u32(v),
        shown: generated,
    },
    Field {
        key: "abuse",
        label: "Noisy client",
        help: "Client 0 sends this many times the ordinary rate; 1 makes it ordinary.",
        group: TRAFFIC,
        kind: number(1.0, 1000.0, 0.1, "×", true),
        get: |p| FieldValue::Num(p.abuse),
        set: |p, v| p.abuse = v.num(),
        shown: generated,
    },
    Field {
        key: "on",
        label: "Burst length",
        help: "Seconds of traffic in each on/off cycle.",
        group: TRAFFIC,
        kind: number(0.1, 3600.0, 0.1, "s", true),
        get: |p| FieldValue::Num(p.on_s),
        set: |p, v| p.on_s = v.num(),
        shown: |p| p.traffic == Pattern::Bursty,
    },
    Field {
        key: "off",
        label: "Pause",
        help: "Seconds of silence after each burst.",
        group: TRAFFIC,
        kind: number(0.0, 3600.0, 0.1, "s", false),
        get: |p| FieldValue::Num(p.off_s),
        set: |p, v| p.off_s = v.num(),
        shown: |p| p.traffic == Pattern::Bursty,
    },
    Field {
        key: "timeline",
        label: "Timeline",
        help: "Request times in seconds, e.g. 0, 0.5, 10x@59.9, 10x@60.1; Nx@a..b spreads N over a to b; 2:1.5 is client 2 at 1.5 s.",
        group: TRAFFIC,
        kind: FieldKind::Text {
            max_len: MAX_TIMELINE_CHARS,
            placeholder: "0, 0.5, 1.2, 10x@59.9, 10x@60.1",
        },
        get: |p| FieldValue::Text(p.timeline.clone()),
        set: |p, v| p.timeline = text(v),
        shown: |p| p.traffic == Pattern::Custom,
    },
    Field {
        key: "duration",
        label: "Duration",
        help: "Simulated seconds of traffic.",
        group: TRAFFIC,
        kind: whole(1.0, 86_400.0, "s", true),
        get: |p| FieldValue::Num(p.duration_s),
        set: |p, v| p.duration_s = v.num(),
        shown: always,
    },
];
