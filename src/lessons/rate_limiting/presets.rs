//! The lesson's "Try this" buttons: named parameter sets, each with one sentence on what
//! to look for and, where it teaches by contrast, the comparison run it turns on.
use super::scenarios;
use crate::ui::demo::Preset;
use scalelab_sim::ratelimit::RateLimitParams;

pub fn presets() -> Vec<Preset<RateLimitParams>> {
    vec![
        Preset {
            name: "100 per 15 minutes",
            hint: "express-rate-limit's example: one client over an hour, 100 requests per 15-minute window.",
            params: scenarios::express_example(),
            compare: None,
        },
        Preset {
            name: "Window-boundary double burst",
            hint: "The limit just before a reset and again just after: the fixed window lets both through.",
            params: scenarios::boundary_double_burst(),
            compare: None,
        },
        Preset {
            name: "nginx burst, delayed",
            hint: "limit_req with burst: excess requests wait their turn; compare B with nodelay.",
            params: scenarios::nginx_burst(false),
            compare: Some(("nodelay", "1")),
        },
        Preset {
            name: "One noisy client",
            hint: "Twenty polite clients and one sending twenty times as much: only the noisy one is refused.",
            params: scenarios::noisy_client(),
            compare: None,
        },
    ]
}
