//! Lesson: the N+1 query problem. Why a loop that loads one row at a time sends 101 queries
//! for 100 posts, and how eager loading, a JOIN or batching bring it back to one or two.
use leptos::prelude::*;

pub fn lesson_text() -> impl IntoView {
    view! {
        <h1>"The N+1 query problem"</h1>
        <p class="lede">
            "A page shows the latest 100 posts, each with its author's name. The code looks "
            "innocent, the page is fast on a laptop — and in production it sends 101 queries "
            "every time it loads."
        </p>
        <h2>"Where the extra queries come from"</h2>
        <p>
            "Most ORMs load an association the first time you touch it. Loop over the posts, "
            "read each author, and every iteration asks the database for one more row:"
        </p>
        <pre class="code"><code>{r#"// Before: lazy loading inside a loop
const posts = await Post.findAll({ order: [['createdAt', 'DESC']], limit: 100 });
for (const post of posts) {
  const author = await post.getAuthor();   // one more query, every time
  render(post.title, author.name);
}"#}</code></pre>
        <p>
            "That is 1 query for the list plus N for the authors: "<strong>"N+1"</strong>". "
            "Each query is cheap, but each one is a separate round trip to the database, and "
            "round trips add up: 101 × 1 ms is a tenth of a second before any real work."
        </p>
        <h2>"The fixes"</h2>
        <pre class="code"><code>{r#"// After: ask for the authors up front
const posts = await Post.findAll({
  order: [['createdAt', 'DESC']], limit: 100,
  include: [{ model: User, as: 'author' }],   // preload: 2 queries, or one JOIN
});"#}</code></pre>
        <ul>
            <li>
                <strong>"Eager loading"</strong>" (preload): one query for the posts, then one "
                "for all their authors with "<code>"WHERE id IN (…)"</code>". Two queries, "
                "whatever N is."
            </li>
            <li>
                <strong>"A JOIN"</strong>": one query returning posts and authors together. "
                "Fewest round trips — but with nested has-many data the joined rows multiply."
            </li>
            <li>
                <strong>"Batching"</strong>" (DataLoader): collect the ids a request asks for and "
                "fetch them in batches. Useful when the code that needs the data cannot see the "
                "whole list, as in GraphQL resolvers."
            </li>
        </ul>
        <h2>"Why it bites under load"</h2>
        <p>
            "Every query holds a connection from the app's pool while it runs. A page that "
            "sends 101 queries holds connections 50 times as often as one that sends 2, so "
            "under peak traffic requests queue for a free connection and the slowest pages "
            "(p99) get much slower long before the database itself is busy. Press "
            <strong>"Peak traffic"</strong>", then compare with B: strategy = eager."
        </p>
        <h2>"Try it"</h2>
        <ul>
            <li>"Switch the strategy and watch the SQL log shrink from 101 statements to 2."</li>
            <li>"Set the round trip to 80 ms (a database in another region) and read the waterfall."</li>
            <li>"Choose the nested page with a JOIN and look at the rows per page: the row explosion."</li>
        </ul>
    }
}
