//! The engine: runs a [`Pipeline`](crate::pipeline::Pipeline) over a whole batch of inputs.

pub mod batch;
pub mod output;
