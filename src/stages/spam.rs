//! PLACEHOLDER (replaced by the boilerplate helper's module).
