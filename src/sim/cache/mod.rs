//! Caching layers (CDN → in-process memory → Redis → database): eviction, TTLs, invalidation
//! and stampedes, with the single-cache theory (Che, top-C, TTL formulas) beside it.
