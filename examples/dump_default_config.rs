//! Print the built-in default configuration as TOML (used to keep `pipeline.toml` in step with the code).
fn main() {
    match toml::to_string_pretty(&cleanalign::config::Config::default()) {
        Ok(text) => print!("{text}"),
        Err(e) => eprintln!("cannot serialise the default config: {e}"),
    }
}
