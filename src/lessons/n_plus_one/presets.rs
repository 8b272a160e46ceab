//! The lesson's "Try this" buttons: named parameter sets, each with one sentence on what
//! to look for and, where it teaches by contrast, the comparison run it turns on.
use crate::ui::demo::Preset;
use scalelab_sim::nplus1::{NPlusOneParams, Shape, Strategy};

pub fn presets() -> Vec<Preset<NPlusOneParams>> {
    let base = NPlusOneParams::default();
    vec![
        Preset {
            name: "100 posts",
            hint: "The classic: 1 query for the posts, then 1 per post for its author.",
            compare: None,
            params: NPlusOneParams {
                posts: 100,
                shape: Shape::Flat,
                strategy: Strategy::Lazy,
                ..base.clone()
            },
        },
        Preset {
            name: "Nested comments",
            hint: "Posts, their comments and every comment's author: the queries multiply.",
            compare: None,
            params: NPlusOneParams {
                posts: 20,
                comments: 5,
                shape: Shape::Nested,
                strategy: Strategy::Lazy,
                ..base.clone()
            },
        },
        Preset {
            name: "Cross-region database",
            hint: "80 ms between app and database: every extra round trip now hurts.",
            compare: None,
            params: NPlusOneParams {
                rtt_ms: 80.0,
                users: 5,
                ..base.clone()
            },
        },
        Preset {
            name: "Fast LAN",
            hint: "0.2 ms round trips: N+1 hides on a fast network until load arrives.",
            compare: None,
            params: NPlusOneParams {
                rtt_ms: 0.2,
                ..base.clone()
            },
        },
        Preset {
            name: "Peak traffic",
            hint: "200 users share 10 connections: queries queue for the pool and p99 climbs.",
            compare: None,
            params: NPlusOneParams {
                users: 200,
                pool: 10,
                think_ms: 500.0,
                ..base
            },
        },
    ]
}
