//! Lesson: caching layers. Where a read is answered (edge, process memory, Redis or the
//! database), why a small cache catches most reads, and how TTLs, writes and a hot key's
//! expiry bite.
use leptos::prelude::*;

pub fn lesson_text() -> impl IntoView {
    view! {
        <h1>"Caching layers"</h1>
        <p class="lede">
            "Most reads ask for the same few things. Keep a copy of them close to the reader and "
            "the database only sees what is new or rare — that is the whole trick, and also where "
            "every caching bug comes from."
        </p>
        <h2>"A read walks down the layers"</h2>
        <p>
            "A request first tries the "<strong>"CDN edge"</strong>" (only for responses that "
            "may be shared), then the app server's "<strong>"own memory"</strong>", then a "
            "shared "<strong>"Redis"</strong>" one network hop away, and only then the "
            <strong>"database"</strong>". Each layer is slower and bigger than the one above it. "
            "A miss falls through to the next layer, and the answer is copied back into the "
            "layers it passed on the way up."
        </p>
        <pre class="code"><code>{r#"async function menu(restaurantId) {
  const key = `menu:${restaurantId}`;
  const hit = memory.get(key) ?? await redis.get(key);   // L1, then L2
  if (hit) return hit;
  const menu = await db.loadMenu(restaurantId);           // the slow path
  await redis.set(key, menu, { EX: 300 });                // keep it 5 minutes
  memory.set(key, menu, 60_000);                          // and 1 minute locally
  return menu;
}"#}</code></pre>
        <h2>"Why a small cache is enough"</h2>
        <p>
            "Popularity is lopsided: a few restaurants' menus get most of the views. With a "
            "Zipf-like spread, a cache holding 10% of the keys can answer about half of the "
            "reads. The demo prints what theory predicts for one cache under such traffic — "
            "Che's approximation for LRU, the top-C sum for LFU, and the formulas for FIFO, "
            "random eviction and TTL caches — next to what the simulation measured, and draws "
            "the whole hit-ratio-against-size curve for each policy."
        </p>
        <p>
            "Theory describes one cache in its steady state, fed by independent requests. The "
            "simulation also counts the cold start, while the cache is still filling, and a "
            "miss takes time to refill the entry — so short runs sit a little below the line."
        </p>
        <h2>"Expiry, writes and stale reads"</h2>
        <ul>
            <li>
                <strong>"TTL"</strong>": an entry expires a fixed time after it was written, or "
                "(refresh on hit) after it was last read. Longer TTLs hit more often and serve "
                "older data."
            </li>
            <li>
                <strong>"Invalidation"</strong>": on a write you can wait for the TTL, delete the "
                "cached copy, or write the new value through to the cache. Only the last two keep "
                "readers from seeing the old value; the demo counts the stale reads."
            </li>
            <li>
                <strong>"Stampede"</strong>": when a hot key expires, every request that misses at "
                "that moment goes to the database at once. Let one request refill the entry while "
                "the others wait for it (single flight), and add a little jitter to TTLs so keys "
                "do not expire together."
            </li>
        </ul>
        <h2>"The menu at lunchtime"</h2>
        <p>
            "A food-delivery service saw lunch and dinner peaks send its database past what it "
            "could handle: pages that took a tenth of a second at night took most of a second at "
            "noon. Caching each menu in Redis for five minutes cut database queries by about 70% "
            "and brought the peak latency back down. Press "<strong>"Menu cache at lunch peak"</strong>
            " — B is the same traffic on the same seed with Redis off. Watch the latency "
            "chart: without the cache the database passes what it can run at each peak, a queue "
            "builds, and reads wait behind it."
        </p>
        <h2>"Try it"</h2>
        <ul>
            <li>"Halve the cache size and watch the hit ratio fall far less than half."</li>
            <li>"Switch the eviction policy and read the hit ratio against the theory."</li>
            <li>"Run the stampede preset with and without request coalescing (B)."</li>
            <li>"Turn on writes with a long TTL and read the stale-read count; then delete on write."</li>
        </ul>
    }
}
