//! Rate limiters side by side on the same traffic: fixed window (express-rate-limit),
//! sliding log, sliding counter, token bucket / GCRA, and leaky bucket (nginx `limit_req`).
