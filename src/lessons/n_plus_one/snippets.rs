//! The ORM code that sends the SQL in the query log: one snippet per strategy and page shape,
//! filled in with the current N and batch size. Rails Active Record for the three loading
//! styles (its guide documents the exact queries of each) and DataLoader for batching.
use scalelab_sim::nplus1::{NPlusOneParams, Shape, Strategy};

/// Which library the snippet is written for, and the code.
pub struct Snippet {
    pub library: &'static str,
    pub code: String,
}

pub fn snippet(p: &NPlusOneParams) -> Snippet {
    let n = p.posts;
    let nested = p.shape == Shape::Nested;
    let rails = |load: &str, comment: &str| {
        let body = if nested {
            "  post.comments.each { |c| show(c.body, c.author.name) }\n"
        } else {
            ""
        };
        format!(
            "posts = Post.order(created_at: :desc).limit({n}){load}\n\
             posts.each do |post|\n  show(post.title, post.author.name)  # {comment}\n{body}end"
        )
    };
    let assoc = if nested {
        "(:author, comments: :author)"
    } else {
        "(:author)"
    };
    match p.strategy {
        Strategy::Lazy => Snippet {
            library: "Rails Active Record — lazy loading (the N+1 problem)",
            code: rails("", "each author: one more query"),
        },
        Strategy::Eager => Snippet {
            library: "Rails Active Record — preload (like Django's prefetch_related)",
            code: rails(&format!(".preload{assoc}"), "already loaded"),
        },
        Strategy::Join => Snippet {
            library: "Rails Active Record — eager_load (one LEFT OUTER JOIN)",
            code: rails(&format!(".eager_load{assoc}"), "already loaded"),
        },
        Strategy::Batched => Snippet {
            library: "JavaScript with DataLoader — batched loading",
            code: dataloader(p.batch_size, n, nested),
        },
    }
}

fn dataloader(batch: u32, n: u32, nested: bool) -> String {
    let comments = if nested {
        format!(
            "const comments = new DataLoader(loadCommentsByPost, {{ maxBatchSize: {batch} }});\n"
        )
    } else {
        String::new()
    };
    let per_post = if nested {
        "  const [author, list] = await Promise.all([\n    \
         users.load(post.authorId), comments.load(post.id)]);\n  \
         await Promise.all(list.map((c) => users.load(c.authorId)));\n"
    } else {
        "  const author = await users.load(post.authorId);  // batched per tick\n"
    };
    format!(
        "const users = new DataLoader(loadUsersByIds, {{ maxBatchSize: {batch} }});\n{comments}\
         const posts = await Post.findAll({{ limit: {n} }});\n\
         await Promise.all(posts.map(async (post) => {{\n{per_post}}}));"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_follow_the_parameters() {
        let mut p = NPlusOneParams {
            posts: 25,
            ..NPlusOneParams::default()
        };
        p.strategy = Strategy::Eager;
        assert!(snippet(&p).code.contains("limit(25).preload(:author)"));
        p.shape = Shape::Nested;
        p.strategy = Strategy::Join;
        assert!(snippet(&p)
            .code
            .contains(".eager_load(:author, comments: :author)"));
        p.strategy = Strategy::Batched;
        p.batch_size = 7;
        let code = snippet(&p).code;
        assert!(code.contains("maxBatchSize: 7 }"), "{code}");
    }
}
