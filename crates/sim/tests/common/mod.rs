//! What several test files share: the golden run (native and wasm) and, natively, the
//! proptest strategies for parameters.
#![allow(dead_code)]
pub mod golden;
#[cfg(not(target_arch = "wasm32"))]
pub mod props;
