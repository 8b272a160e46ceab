//! Lesson: queues and worker pools. Why a queue between the request and the work absorbs
//! spikes, why retries need backoff, and why a pool that is 95% busy feels full.
use leptos::prelude::*;

pub fn lesson_text() -> impl IntoView {
    view! {
        <h1>"Queues and worker pools"</h1>
        <p class="lede">
            "Some work does not need to happen while the user waits: sending an email, resizing an "
            "image, charging a card, rebuilding a report. Put it on a queue, answer the request "
            "at once, and let a pool of workers take jobs off the queue as fast as they can."
        </p>
        <h2>"Producers, a queue, workers"</h2>
        <p>
            "The web server becomes a "<em>"producer"</em>": it writes a small job description and "
            "moves on. The queue holds jobs in arrival order. Each "<em>"worker"</em>" repeatedly "
            "takes the job at the front, does it, and takes the next. The two sides are now "
            "decoupled: they can fail, deploy and scale separately."
        </p>
        <h2>"Spikes become waiting, not errors"</h2>
        <p>
            "When traffic briefly exceeds what the workers can do, the surplus waits in the queue "
            "instead of timing out. Once the spike passes, the workers drain the backlog. Press "
            <strong>"A lunch-time spike"</strong>" and watch the queue depth chart rise and fall. "
            "A queue with a "<em>"capacity"</em>" trades waiting for dropping: set one and the "
            "excess is rejected when the queue is full."
        </p>
        <h2>"Busy is not free: the hockey stick"</h2>
        <p>
            "Utilisation ρ is the share of time workers are busy: arrival rate × service time ÷ "
            "workers. With random arrivals and random job sizes, waiting time does not grow in "
            "proportion to ρ — it grows like 1/(1 − ρ). Going from 50% to 90% busy multiplies "
            "the wait many times over, and near 100% it explodes. Queueing theory (the Erlang C "
            "formula for c identical workers) predicts these numbers exactly; the table beside "
            "the demo puts the prediction next to what the simulation measured."
        </p>
        <p>
            <strong>"Little's law"</strong>" ties it together: the average number of jobs in the "
            "system equals their arrival rate times the average time each spends there (L = λW). "
            "It holds for any stable queue, whatever the distributions, and the summary checks "
            "it live."
        </p>
        <h2>"Retries, backoff and dead letters"</h2>
        <p>
            "Jobs fail. A queue makes retrying easy, but every retry is extra work: if 30% of "
            "attempts fail and each failure is retried, the workers do more than 1.4 attempts "
            "per job. Retrying immediately also sends failures straight back while the system "
            "is struggling. Exponential backoff spaces retries out, and "<em>"jitter"</em>" "
            "(a random part of the delay) stops thousands of clients retrying in lockstep. "
            "After the last attempt the job goes to a "<em>"dead-letter queue"</em>" for a human "
            "to inspect, instead of circling forever."
        </p>
        <h2>"Scale the workers, not the website"</h2>
        <p>
            "Because workers only talk to the queue, you can add workers when the backlog grows "
            "and remove them at night. Autoscaling reacts to a measure — worker utilisation or "
            "queue depth — but new workers take time to start, so the queue still absorbs the "
            "first minutes of a peak."
        </p>
        <h2>"Try it"</h2>
        <ul>
            <li>"Raise the arrival rate slowly and watch the wait chart bend upwards near 100%."</li>
            <li>"Switch service time to constant: with less randomness, the same load waits less."</li>
            <li>"Compare with B: set workers = 12 and see how much two extra workers buy at ρ = 0.95."</li>
        </ul>
    }
}
