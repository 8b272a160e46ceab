//! The SQL of one page load and its waterfall, checked exactly against what the ORMs document.
//!
//! Sources for the expected query counts:
//! - Sequelize docs, "Eager Loading" and "Lazy loading" (<https://sequelize.org/docs/v6/core-concepts/assocs/>):
//!   a lazy getter such as `post.getAuthor()` runs one query each time it is called; `include`
//!   loads the association up front (`separate: true` loads it in its own query with `IN`).
//! - Rails Guides, "Active Record Query Interface", §"Eager Loading Associations"
//!   (<https://guides.rubyonrails.org/active_record_querying.html#eager-loading-associations>):
//!   `Book.limit(10).each { |b| b.author.last_name }` runs 11 queries (the N+1 problem);
//!   `preload` loads each association with one separate query and an `IN` list;
//!   `eager_load` uses a single `LEFT OUTER JOIN`.
//! - Django docs, `prefetch_related`
//!   (<https://docs.djangoproject.com/en/stable/ref/models/querysets/#prefetch-related>):
//!   "does a separate lookup for each relationship" and joins them in Python.
//! - graphql/dataloader README (<https://github.com/graphql/dataloader#batching>): all keys
//!   requested in one tick of the event loop are batched, deduplicated by the cache, and split
//!   into several requests of at most `maxBatchSize` keys.
//! - The lesson's source post: "100 posts = 101 queries" with lazy loading vs 2 with eager
//!   loading.
use scalelab_sim::nplus1::{
    page_latency_ms, page_queries, waterfall, Issue, NPlusOneParams, Query, Shape, Strategy,
};
use std::collections::BTreeSet;

const SEED: u64 = 7;

fn params(
    shape: Shape,
    strategy: Strategy,
    posts: u32,
    comments: u32,
    batch: u32,
) -> NPlusOneParams {
    NPlusOneParams {
        shape,
        strategy,
        posts,
        comments,
        batch_size: batch,
        ..NPlusOneParams::default()
    }
}

/// The ids of `SELECT * FROM users WHERE id = X` queries at `level`, in order.
fn single_user_ids(queries: &[Query], level: u32) -> Vec<u32> {
    queries
        .iter()
        .filter(|q| q.level == level)
        .filter_map(|q| q.sql.strip_prefix("SELECT * FROM users WHERE id = "))
        .map(|id| id.parse().unwrap())
        .collect()
}

/// The ids of an `… IN (a, b, c)` query.
fn in_list(sql: &str) -> Vec<u32> {
    let inner = sql.split(" IN (").nth(1).unwrap().trim_end_matches(')');
    inner.split(", ").map(|id| id.parse().unwrap()).collect()
}

fn distinct(ids: &[u32]) -> usize {
    ids.iter().collect::<BTreeSet<_>>().len()
}

fn ceil_div(a: usize, b: u32) -> usize {
    a.div_ceil(b as usize)
}

/// The post and comment authors of the seeded dataset, read from the lazy page (the dataset
/// does not depend on the strategy).
fn authors(shape: Shape, posts: u32, comments: u32) -> (Vec<u32>, Vec<u32>) {
    let lazy = page_queries(&params(shape, Strategy::Lazy, posts, comments, 1), SEED);
    (single_user_ids(&lazy, 1), single_user_ids(&lazy, 2))
}

fn expected_count(p: &NPlusOneParams) -> usize {
    let n = p.posts as usize;
    let c = if p.shape == Shape::Nested {
        p.comments as usize
    } else {
        0
    };
    let (post_authors, comment_authors) = authors(p.shape, p.posts, p.comments);
    let (dp, dc) = (distinct(&post_authors), distinct(&comment_authors));
    let b = p.batch_size;
    match (p.shape, p.strategy) {
        (_, Strategy::Join) => 1,
        (Shape::Flat, Strategy::Lazy) => 1 + n,
        (Shape::Flat, Strategy::Eager) => 2,
        (Shape::Flat, Strategy::Batched) => 1 + ceil_div(dp, b),
        (Shape::Nested, Strategy::Lazy) => 1 + n + n + n * c,
        (Shape::Nested, Strategy::Eager) => 3 + usize::from(c > 0),
        (Shape::Nested, Strategy::Batched) => {
            1 + ceil_div(dp, b) + ceil_div(n, b) + if c > 0 { ceil_div(dc, b) } else { 0 }
        }
    }
}

const STRATEGIES: [Strategy; 4] = [
    Strategy::Lazy,
    Strategy::Eager,
    Strategy::Join,
    Strategy::Batched,
];

#[test]
fn the_source_posts_example_100_posts_101_queries_vs_2() {
    let p = NPlusOneParams::default();
    assert_eq!(page_queries(&p, SEED).len(), 101);
    let eager = NPlusOneParams {
        strategy: Strategy::Eager,
        ..p.clone()
    };
    let q = page_queries(&eager, SEED);
    assert_eq!(q.len(), 2);
    assert_eq!(
        q[0].sql,
        "SELECT * FROM posts ORDER BY created_at DESC LIMIT 100"
    );
    assert!(q[1].sql.starts_with("SELECT * FROM users WHERE id IN ("));
    let join = NPlusOneParams {
        strategy: Strategy::Join,
        ..p
    };
    assert_eq!(
        page_queries(&join, SEED)[0].sql,
        "SELECT posts.*, users.* FROM posts LEFT OUTER JOIN users ON users.id = posts.author_id ORDER BY posts.created_at DESC LIMIT 100"
    );
}

#[test]
fn query_counts_match_the_formulas_for_every_strategy_and_shape() {
    for shape in [Shape::Flat, Shape::Nested] {
        for strategy in STRATEGIES {
            for posts in [1, 10, 100, 1000] {
                for batch in [1, 7, 25, 1000] {
                    for comments in [0, 3] {
                        let p = params(shape, strategy, posts, comments, batch);
                        let q = page_queries(&p, SEED);
                        assert_eq!(q.len(), expected_count(&p), "{p:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn rows_are_exact() {
    for shape in [Shape::Flat, Shape::Nested] {
        for posts in [1, 10, 100, 1000] {
            for comments in [0, 4] {
                let c = if shape == Shape::Nested { comments } else { 0 };
                let (pa, ca) = authors(shape, posts, comments);
                let (dp, dc) = (distinct(&pa) as u32, distinct(&ca) as u32);
                for strategy in STRATEGIES {
                    let q = page_queries(&params(shape, strategy, posts, comments, 7), SEED);
                    let total: u64 = q.iter().map(|q| u64::from(q.rows)).sum();
                    let expected = match strategy {
                        Strategy::Join if shape == Shape::Nested => posts * c.max(1),
                        Strategy::Join => posts,
                        // posts + one row per author lookup + C rows per post's comments.
                        Strategy::Lazy => posts + posts + posts * c + posts * c,
                        _ if shape == Shape::Nested => posts + dp + posts * c + dc,
                        _ => posts + dp,
                    };
                    assert_eq!(total, u64::from(expected), "{shape:?} {strategy:?} {posts}");
                    for query in &q {
                        if query.sql.contains("FROM users WHERE id = ") {
                            assert_eq!(query.rows, 1);
                        } else if query.sql.contains("IN (") {
                            let ids = in_list(&query.sql).len() as u32;
                            let per_id = if query.sql.contains("comments") { c } else { 1 };
                            assert_eq!(query.rows, ids * per_id, "{}", query.sql);
                        } else if query.sql.contains("FROM comments WHERE post_id = ") {
                            assert_eq!(query.rows, c);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn in_lists_are_distinct_and_sorted_and_lazy_repeats_ids() {
    let few_users = NPlusOneParams {
        users_in_db: 5,
        ..params(Shape::Nested, Strategy::Lazy, 100, 5, 25)
    };
    let lazy = page_queries(&few_users, SEED);
    let ids = single_user_ids(&lazy, 1);
    assert_eq!(ids.len(), 100);
    assert!(distinct(&ids) <= 5, "lazy loading does not deduplicate");
    for strategy in [Strategy::Eager, Strategy::Batched] {
        for batch in [1, 2, 3, 1000] {
            let p = NPlusOneParams {
                strategy,
                batch_size: batch,
                ..few_users.clone()
            };
            for q in page_queries(&p, SEED)
                .iter()
                .filter(|q| q.sql.contains(" IN ("))
            {
                let ids = in_list(&q.sql);
                assert!(ids.windows(2).all(|w| w[0] < w[1]), "{}", q.sql);
                if strategy == Strategy::Batched {
                    assert!(ids.len() <= batch as usize);
                }
            }
        }
    }
    let eager = page_queries(
        &NPlusOneParams {
            strategy: Strategy::Eager,
            ..few_users.clone()
        },
        SEED,
    );
    let post_ids = in_list(&eager[2].sql);
    assert_eq!(post_ids, (1..=100).collect::<Vec<_>>());
    assert_eq!(
        in_list(&eager[1].sql),
        ids.iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn levels_say_what_depends_on_what() {
    let p = params(Shape::Nested, Strategy::Lazy, 10, 3, 25);
    let q = page_queries(&p, SEED);
    let count = |l: u32| q.iter().filter(|q| q.level == l).count();
    assert_eq!((count(0), count(1), count(2)), (1, 20, 30));
    assert_eq!(
        q[1].sql.split(" = ").next(),
        Some("SELECT * FROM users WHERE id")
    );
    assert_eq!(q[2].sql, "SELECT * FROM comments WHERE post_id = 1");
    let no_comments = page_queries(&params(Shape::Nested, Strategy::Batched, 10, 0, 25), SEED);
    assert!(no_comments.iter().all(|q| q.level < 2));
    assert!(no_comments
        .iter()
        .any(|q| q.sql.contains("comments") && q.rows == 0));
}

#[test]
fn same_seed_same_dataset_other_seed_other_authors() {
    let p = NPlusOneParams::default();
    assert_eq!(page_queries(&p, 1), page_queries(&p, 1));
    assert_ne!(page_queries(&p, 1), page_queries(&p, 2));
}

fn sequential_sum(p: &NPlusOneParams) -> f64 {
    page_queries(p, SEED)
        .iter()
        .map(|q| p.rtt_ms + p.query_ms + f64::from(q.rows) * p.row_us / 1000.0)
        .sum()
}

#[test]
fn sequential_waterfall_is_the_sum_of_the_queries() {
    for shape in [Shape::Flat, Shape::Nested] {
        for strategy in STRATEGIES {
            let p = NPlusOneParams {
                shape,
                strategy,
                rtt_ms: 3.0,
                ..NPlusOneParams::default()
            };
            let bars = waterfall(&p, SEED);
            assert_eq!(page_latency_ms(&p, SEED), sequential_sum(&p));
            assert_eq!(bars.last().unwrap().end_ms, sequential_sum(&p));
            assert!(bars.windows(2).all(|w| w[0].end_ms == w[1].start_ms));
        }
    }
}

#[test]
fn only_round_trips_left_101_of_them() {
    let p = NPlusOneParams {
        query_ms: 0.0,
        row_us: 0.0,
        rtt_ms: 2.0,
        ..NPlusOneParams::default()
    };
    assert_eq!(page_latency_ms(&p, SEED), 101.0 * 2.0);
    let eager = NPlusOneParams {
        strategy: Strategy::Eager,
        ..p
    };
    assert_eq!(page_latency_ms(&eager, SEED), 2.0 * 2.0);
}

#[test]
fn concurrent_lazy_takes_two_round_trips_with_enough_connections() {
    let base = NPlusOneParams {
        query_ms: 0.0,
        row_us: 0.0,
        rtt_ms: 5.0,
        issue: Issue::Concurrent,
        pool: 200,
        db_slots: 128,
        ..NPlusOneParams::default()
    };
    assert_eq!(page_latency_ms(&base, SEED), 2.0 * 5.0);
    for pool in [1, 7, 10, 99, 100] {
        let p = NPlusOneParams {
            pool,
            ..base.clone()
        };
        let trips = 1 + 100_u32.div_ceil(pool);
        assert_eq!(
            page_latency_ms(&p, SEED),
            f64::from(trips) * 5.0,
            "pool {pool}"
        );
        let bars = waterfall(&p, SEED);
        // At most `pool` queries at any instant.
        for b in &bars {
            let overlapping = bars
                .iter()
                .filter(|o| o.start_ms <= b.start_ms && b.start_ms < o.end_ms)
                .count();
            assert!(overlapping <= pool as usize);
        }
    }
    let slots = NPlusOneParams {
        db_slots: 10,
        ..base
    };
    assert_eq!(
        page_latency_ms(&slots, SEED),
        11.0 * 5.0,
        "the DB's limit applies too"
    );
}
