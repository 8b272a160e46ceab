//! The statements one page load sends, exactly: a seeded dataset (post `i` is written by a
//! random user, and so is every comment) and, for each strategy, the SQL an ORM issues for it.
//!
//! ```text
//!                 flat                         nested (+ comments, their authors)
//!  lazy     1 + N                        1 + N + N + N·C        one query per row accessed
//!  eager    2                            4                      one IN (…) per association
//!  join     1                            1                      rows = Σ max(1, C): explosion
//!  batched  1 + ⌈D/b⌉                    1 + ⌈Dp/b⌉ + ⌈N/b⌉ + ⌈Dc/b⌉   DataLoader chunks
//! ```
//!
//! `level` is the dependency level: a level-k query needs the rows of level k − 1 (the posts
//! before their authors, the comments before theirs). Queries of one level may run at once.
//! Ids: posts 1..=N; post `i`'s comments are `(i−1)·C+1 ..= i·C`; users 1..=`users_in_db`.
use super::params::{NPlusOneParams, Shape, Strategy};
use crate::rng::{stream, Stream};
use rand::Rng;
use std::collections::BTreeSet;

/// Posts per page at most, whatever the parameters say (validated runs have at most 1000).
pub(super) const MAX_POSTS: u32 = 1000;
/// Comments per post at most (validated runs have at most 50).
pub(super) const MAX_COMMENTS: u32 = 50;

/// One statement of a page load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub sql: String,
    /// Rows the statement returns.
    pub rows: u32,
    /// Dependency level (0 = the posts query).
    pub level: u32,
}

/// Who wrote what: post `i` (1-based) by `post_authors[i−1]`; its comment `j` (0-based) by
/// `comment_authors[(i−1)·C + j]`.
struct Dataset {
    nested: bool,
    posts: u32,
    comments: u32,
    post_authors: Vec<u32>,
    comment_authors: Vec<u32>,
}

impl Dataset {
    /// Post authors are drawn first, so the number of comments does not change them.
    fn new(p: &NPlusOneParams, seed: u64) -> Self {
        let posts = p.posts.clamp(1, MAX_POSTS);
        let comments = match p.shape {
            Shape::Flat => 0,
            Shape::Nested => p.comments.min(MAX_COMMENTS),
        };
        let users = p.users_in_db.max(1);
        let mut rng = stream(seed, Stream::Dataset);
        let post_authors = (0..posts).map(|_| rng.random_range(1..=users)).collect();
        let comment_authors = (0..posts * comments)
            .map(|_| rng.random_range(1..=users))
            .collect();
        Dataset {
            nested: p.shape == Shape::Nested,
            posts,
            comments,
            post_authors,
            comment_authors,
        }
    }

    fn post_ids(&self) -> Vec<u32> {
        (1..=self.posts).collect()
    }
}

/// Collects queries; without SQL (for the load test and estimates) the text stays empty.
struct Out {
    /// Statements after this many get no SQL text (a page can send 50,000).
    sql_limit: usize,
    queries: Vec<Query>,
}

impl Out {
    fn push(&mut self, level: u32, rows: u32, sql: impl FnOnce() -> String) {
        let sql = if self.queries.len() < self.sql_limit {
            sql()
        } else {
            String::new()
        };
        self.queries.push(Query { sql, rows, level });
    }

    /// `SELECT * FROM {table} WHERE {column} IN (…)`, one statement per chunk of `chunk` ids;
    /// each returns `rows_per_id` rows per id.
    fn in_lists(
        &mut self,
        level: u32,
        table: &str,
        column: &str,
        ids: &[u32],
        chunk: usize,
        rows_per_id: u32,
    ) {
        for part in ids.chunks(chunk.max(1)) {
            let rows = (part.len() as u32).saturating_mul(rows_per_id);
            self.push(level, rows, || {
                let mut sorted = part.to_vec();
                sorted.sort_unstable();
                let list: Vec<String> = sorted.iter().map(u32::to_string).collect();
                format!(
                    "SELECT * FROM {table} WHERE {column} IN ({})",
                    list.join(", ")
                )
            });
        }
    }
}

/// Distinct ids in order of first appearance (DataLoader's key order).
fn first_seen(ids: &[u32]) -> Vec<u32> {
    let mut seen = BTreeSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// Distinct ids, ascending (an ORM's preload collects them into a set).
fn distinct_sorted(ids: &[u32]) -> Vec<u32> {
    ids.iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// One query per row accessed: each post's author, each post's comments, each comment's
/// author, in the order a template touches them. Nothing is deduplicated.
fn lazy(d: &Dataset, out: &mut Out) {
    let c = d.comments as usize;
    for (i, author) in d.post_authors.iter().enumerate() {
        out.push(1, 1, || format!("SELECT * FROM users WHERE id = {author}"));
        if !d.nested {
            continue;
        }
        let post = i + 1;
        out.push(1, d.comments, || {
            format!("SELECT * FROM comments WHERE post_id = {post}")
        });
        for author in d.comment_authors.iter().skip(i * c).take(c) {
            out.push(2, 1, || format!("SELECT * FROM users WHERE id = {author}"));
        }
    }
}

/// One query per association with all the keys (`chunk` = usize::MAX, sorted distinct ids)
/// or DataLoader batches (first-seen order, `chunk` = maxBatchSize).
fn keyed(d: &Dataset, out: &mut Out, chunk: usize, keys: fn(&[u32]) -> Vec<u32>) {
    out.in_lists(1, "users", "id", &keys(&d.post_authors), chunk, 1);
    if !d.nested {
        return;
    }
    out.in_lists(1, "comments", "post_id", &d.post_ids(), chunk, d.comments);
    if d.comments > 0 {
        out.in_lists(2, "users", "id", &keys(&d.comment_authors), chunk, 1);
    }
}

fn join(d: &Dataset, out: &mut Out) {
    let n = d.posts;
    if !d.nested {
        out.push(0, n, || {
            format!(
                "SELECT posts.*, users.* FROM posts LEFT OUTER JOIN users ON users.id = posts.author_id ORDER BY posts.created_at DESC LIMIT {n}"
            )
        });
        return;
    }
    // LIMIT would cut joined rows, not posts, so the posts are limited in a subquery first.
    out.push(0, n.saturating_mul(d.comments.max(1)), || {
        format!(
            "SELECT posts.*, users.*, comments.*, commenters.* FROM (SELECT * FROM posts ORDER BY created_at DESC LIMIT {n}) AS posts LEFT OUTER JOIN users ON users.id = posts.author_id LEFT OUTER JOIN comments ON comments.post_id = posts.id LEFT OUTER JOIN users AS commenters ON commenters.id = comments.author_id ORDER BY posts.created_at DESC"
        )
    });
}

fn build(p: &NPlusOneParams, seed: u64, sql_limit: usize) -> Vec<Query> {
    let d = Dataset::new(p, seed);
    let mut out = Out {
        sql_limit,
        queries: Vec::new(),
    };
    if p.strategy == Strategy::Join {
        join(&d, &mut out);
        return out.queries;
    }
    let n = d.posts;
    out.push(0, n, || {
        format!("SELECT * FROM posts ORDER BY created_at DESC LIMIT {n}")
    });
    match p.strategy {
        Strategy::Lazy => lazy(&d, &mut out),
        Strategy::Eager => keyed(&d, &mut out, usize::MAX, distinct_sorted),
        Strategy::Batched => keyed(&d, &mut out, p.batch_size.max(1) as usize, first_seen),
        Strategy::Join => {}
    }
    out.queries
}

/// The statements ONE page load sends, in issue order, with the ids of the dataset `seed`
/// generates (authors drawn uniformly from `users_in_db` users).
pub fn page_queries(params: &NPlusOneParams, seed: u64) -> Vec<Query> {
    build(params, seed, usize::MAX)
}

/// [`page_queries`] with the SQL text of the first `listed` statements only (the rest have
/// an empty `sql`): what a view that lists a few hundred needs, without formatting them all.
pub fn page_queries_listed(params: &NPlusOneParams, seed: u64, listed: usize) -> Vec<Query> {
    build(params, seed, listed)
}

/// [`page_queries`] without the SQL text: rows and levels only.
pub(super) fn plan(params: &NPlusOneParams, seed: u64) -> Vec<Query> {
    build(params, seed, 0)
}
