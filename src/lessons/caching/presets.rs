//! The lesson's "Try this" buttons: named parameter sets, each with one sentence on what
//! to look for and, where it teaches by contrast, the comparison run it turns on.
use super::scenarios::{
    eviction_preset, menu_cache_preset, stale_writes_preset, stampede_preset, two_layer_preset,
};
use crate::ui::demo::Preset;
use scalelab_sim::cache::{CacheParams, Invalidation, Policy};

pub fn presets() -> Vec<Preset<CacheParams>> {
    vec![
        Preset {
            name: "Menu cache at lunch peak",
            hint: "One day in an hour: menus in Redis for 5 minutes. B is the same traffic with Redis off.",
            params: menu_cache_preset(),
            compare: Some(("redis", "0")),
        },
        Preset {
            name: "Two layers: L1 1 min + Redis 1 h",
            hint: "Each app server keeps a minute's copy in memory in front of Redis; writes delete the Redis copy only.",
            params: two_layer_preset(),
            compare: Some(("l1", "0")),
        },
        Preset {
            name: "Cache stampede",
            hint: "Half the reads go to one key whose copy lives 10 s; B lets one query answer them all.",
            params: stampede_preset(false),
            compare: Some(("coalesce", "1")),
        },
        Preset {
            name: "Eviction policies compared",
            hint: "Redis holds 10% of the keys and nothing expires: LRU here, LFU in B; the curve shows all four.",
            params: eviction_preset(Policy::Lru),
            compare: Some(("redis_policy", "lfu")),
        },
        Preset {
            name: "Stale data after writes",
            hint: "5 writes a second and a 60 s TTL: count the stale reads, then B deletes the copy on write.",
            params: stale_writes_preset(Invalidation::Ttl),
            compare: Some(("inval", "delete")),
        },
    ]
}
