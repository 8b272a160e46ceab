//! Lesson: rate limiting. Five algorithms that all claim "N requests per window" and admit
//! different traffic: fixed window, sliding log, sliding counter, token bucket / GCRA and
//! nginx's leaky bucket.
use leptos::prelude::*;

pub fn lesson_text() -> impl IntoView {
    view! {
        <h1>"Rate limiters"</h1>
        <p class="lede">
            "A rate limit protects a service from any one client — a buggy retry loop, a "
            "scraper, an attacker — so that everyone else still gets served. Put one in front "
            "of a public API on day one. Which algorithm you pick decides what "
            "\"100 requests per 15 minutes\" actually lets through."
        </p>
        <pre class="code"><code>{r#"import rateLimit from 'express-rate-limit';

app.use('/api/', rateLimit({
  windowMs: 15 * 60 * 1000,   // a 15-minute window per client
  limit: 100,                 // the 101st request gets 429 Too Many Requests
}));"#}</code></pre>
        <h2>"Five ways to count"</h2>
        <ul>
            <li>
                <strong>"Fixed window"</strong>" (express-rate-limit's memory store): count a "
                "client's requests from its first one; at the end of the window the count starts "
                "again. Simple and tiny — but a client can send the limit just before the reset "
                "and the limit again just after it: twice the limit in a moment."
            </li>
            <li>
                <strong>"Sliding log"</strong>": remember the time of every accepted request and "
                "allow a new one only if fewer than the limit fall in the last window. Exact, "
                "but it stores one timestamp per request."
            </li>
            <li>
                <strong>"Sliding counter"</strong>": keep this window's and the previous window's "
                "counts, and weigh the previous one by how much of it still overlaps the last "
                "window. Two numbers per client, and close to the sliding log."
            </li>
            <li>
                <strong>"Token bucket"</strong>": tokens drip in at a steady rate up to a "
                "capacity; each request takes one or is refused. Bursts up to the capacity, then "
                "the steady rate. GCRA gives the same answers storing a single timestamp."
            </li>
            <li>
                <strong>"Leaky bucket"</strong>" (nginx "<code>"limit_req"</code>"): requests "
                "drain at a fixed rate; up to "<code>"burst"</code>" may wait their turn and the "
                "rest are refused. With "<code>"nodelay"</code>" the waiting ones are served at "
                "once but still use up the burst."
            </li>
        </ul>
        <h2>"What the client sees"</h2>
        <p>
            "A refused request gets "<code>"429"</code>" (nginx answers "<code>"503"</code>" "
            "unless told otherwise) and, from express-rate-limit, a "<code>"Retry-After"</code>
            " header and "<code>"RateLimit-*"</code>" headers saying how many requests remain "
            "and when the window resets. The decision log below the demo shows exactly that, "
            "request by request."
        </p>
        <h2>"Try it"</h2>
        <ul>
            <li>"Run the window-boundary double burst and compare the fixed window with the others."</li>
            <li>"Turn nginx's nodelay on and off: same admissions, very different waiting."</li>
            <li>"Type your own timeline of request times and read each algorithm's answer."</li>
        </ul>
    }
}
