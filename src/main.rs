//! The `cleanalign` binary: argument parsing and exit codes only; the library does the work.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use cleanalign::config::{self, Config};
use cleanalign::engine::progress::ProgressMode;
use cleanalign::engine::{self, with_jobs};
use cleanalign::fix::{FixChain, FIX_STAGES};
use cleanalign::pipeline::Pipeline;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code: the run finished but some inputs failed.
const EXIT_SOME_FAILED: u8 = 1;
/// Exit code: usage or configuration error (also used by clap for bad arguments).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "cleanalign",
    version,
    about = "Clean scraped Chinese/English web text and align zh↔en passages into a corpus (CSV, TMX, Moses, JSONL).",
    long_about = "Clean scraped Chinese (Simplified and Traditional) and English web text, and align parallel \
zh↔en passages into a corpus: CSV, TMX 1.4b, Moses parallel text and Hugging Face JSONL.\n\nWith no subcommand, \
`cleanalign` runs the whole batch like `cleanalign run`: raw/ → cleaned/ with ./pipeline.toml.",
    after_help = "Exit codes: 0 success; 1 the run finished but some inputs failed; 2 usage or configuration error."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole batch: decode, repair, strip boilerplate, unify script, segment, align, write outputs.
    #[command(
        long_about = "Run the whole batch over every file in the raw folder and its sub-folders (text, HTML, WARC, \
JSONL, each also gzipped) and write, into the output folder: docs/<doc id>.txt (cleaned documents, in the raw \
folder's layout), the corpus of aligned zh↔en beads (corpus.csv, corpus.tmx, corpus.zh + corpus.en, \
corpus.jsonl: see output.formats), rejected.jsonl (every removed line or span with stage and reason), \
metadata.csv (title, date, source, author per document), report.json (counts, config hash, timings) and \
report.html (the same for people, with charts).\n\nFlags override pipeline.toml. A file that cannot be \
processed gets an error on stderr and in report.json; the run goes on and exits with 1."
    )]
    Run(RunArgs),
    /// Repair lines from FILEs or stdin to stdout; never drops, merges or splits a line.
    #[command(
        long_about = "Line-preserving repair filter: reads FILEs (or stdin when none are given, or for `-`) and \
writes the repaired text to stdout. Line N of the output is line N of the input, repaired. Nothing is removed: \
spans that cannot be repaired are left as they are, and so are lines longer than input.max_line_chars.",
        after_help = "Examples:\n  cleanalign fix page.txt > page.fixed.txt\n  cat scraped.txt | cleanalign fix --stages mojibake,punct --to none\n  cleanalign fix --to zh-TW notes.txt"
    )]
    Fix(FixArgs),
    /// Align two files of sentences (one per line) and print beads `[i, j]:[k]:score`.
    #[command(
        long_about = "Align SRC and TGT, each holding one sentence per line, and print one bead per line: \
`[i, j]:[k]:score` with 0-based line numbers, `[]` for an empty side, and a score in [0,1]. Every line of both \
files appears in exactly one bead, in order.",
        after_help = "Example:\n  cleanalign align chapter.zh chapter.en --src-lang zh --tgt-lang en > chapter.align"
    )]
    Align(AlignArgs),
    /// Validate a configuration file and report every error with line and column.
    Check(CheckArgs),
    /// Print a shell completion script to stdout.
    #[command(
        after_help = "Examples:\n  cleanalign completions bash > ~/.local/share/bash-completion/completions/cleanalign\n  cleanalign completions zsh > ~/.zfunc/_cleanalign\n  cleanalign completions fish > ~/.config/fish/completions/cleanalign.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff) to stdout, or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  cleanalign man | man -l -\n  cleanalign man --dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
}

#[derive(Args)]
struct CompletionsArgs {
    /// Shell to complete for
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args)]
struct ManArgs {
    /// Write cleanalign.1 and cleanalign-<command>.1 into this folder instead of printing cleanalign.1
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// `--progress`: how progress is shown on stderr.
#[derive(Clone, Copy, ValueEnum)]
enum ProgressArg {
    /// A bar when stderr is a terminal, JSON lines when it is not
    Auto,
    /// A bar (nothing when stderr is not a terminal)
    Bar,
    /// One JSON object per line: phase, done, total, elapsed_s
    Json,
    /// Nothing (the same as --quiet)
    None,
}

impl ProgressArg {
    fn name(self) -> &'static str {
        match self {
            ProgressArg::Auto => "auto",
            ProgressArg::Bar => "bar",
            ProgressArg::Json => "json",
            ProgressArg::None => "none",
        }
    }
}

#[derive(Args)]
struct RunArgs {
    /// Configuration file [default: ./pipeline.toml; built-in defaults if it does not exist]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Folder of raw input documents [default: input.raw_dir, "raw"]
    #[arg(long, value_name = "DIR")]
    raw: Option<PathBuf>,
    /// Output folder [default: output.out_dir, "cleaned"]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Worker threads; 0 = one per core [default: output.jobs]
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Progress on stderr [default: output.progress, "auto"]
    #[arg(long, value_enum, value_name = "MODE")]
    progress: Option<ProgressArg>,
    /// Show no progress (the same as --progress none)
    #[arg(long, conflicts_with = "progress")]
    quiet: bool,
}

#[derive(Args)]
struct FixArgs {
    /// Comma-separated stages to run, in pipeline order regardless of the order given [default: every
    /// stage of mojibake,normalize,ruby,punct,mt,script not in the config's `[pipeline] skip`]
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    stages: Option<Vec<String>>,
    /// Target script: zh-Hans, zh-Hant, zh-TW, zh-HK or none [default: the config's `script.target`,
    /// zh-Hans without one]
    #[arg(long, value_name = "VARIANT")]
    to: Option<String>,
    /// Configuration file for stage settings (glossary, thresholds) [default: ./pipeline.toml if present]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Input files; stdin when none or `-`
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Args)]
struct AlignArgs {
    /// Source file, one sentence per line
    #[arg(value_name = "SRC")]
    src: PathBuf,
    /// Target file, one sentence per line
    #[arg(value_name = "TGT")]
    tgt: PathBuf,
    /// Language of SRC
    #[arg(long, default_value = "zh")]
    src_lang: String,
    /// Language of TGT
    #[arg(long, default_value = "en")]
    tgt_lang: String,
    /// Configuration file for aligner settings [default: ./pipeline.toml if present]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// Configuration file to validate
    #[arg(long, value_name = "FILE", default_value = "pipeline.toml")]
    config: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Run(RunArgs {
        config: None,
        raw: None,
        out: None,
        jobs: None,
        progress: None,
        quiet: false,
    }));
    match command {
        Command::Run(args) => run(args),
        Command::Fix(args) => fix(args),
        Command::Align(args) => align(args),
        Command::Check(args) => check(args),
        Command::Completions(args) => completions(args),
        Command::Man(args) => man(args),
    }
}

fn completions(args: CompletionsArgs) -> ExitCode {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "cleanalign", &mut out);
    write_stdout(&out)
}

fn man(args: ManArgs) -> ExitCode {
    let command = Cli::command();
    let Some(dir) = args.dir else {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(command).render(&mut page) {
            Ok(()) => write_stdout(&page),
            Err(e) => {
                eprintln!("error: rendering the man page: {e}");
                ExitCode::from(EXIT_SOME_FAILED)
            }
        };
    };
    match std::fs::create_dir_all(&dir).and_then(|_| clap_mangen::generate_to(command, &dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing the man pages to {}: {e}", dir.display());
            ExitCode::from(EXIT_SOME_FAILED)
        }
    }
}

/// Write `bytes` to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing to stdout: {e}");
            ExitCode::from(EXIT_SOME_FAILED)
        }
    }
}

/// Load the config named by a flag, or ./pipeline.toml when it exists.
fn load_config(flag: Option<&Path>) -> Result<Config, ExitCode> {
    let (path, explicit) = match flag {
        Some(p) => (p.to_path_buf(), true),
        None => (PathBuf::from("pipeline.toml"), false),
    };
    config::load(&path, explicit).map_err(|errors| {
        eprintln!("{errors}");
        ExitCode::from(EXIT_USAGE)
    })
}

fn report_field_errors(context: &str, errors: &[cleanalign::validate::FieldError]) -> ExitCode {
    for e in errors {
        eprintln!("error: {context}`{}`: {}", e.key, e.message);
    }
    ExitCode::from(EXIT_USAGE)
}

fn run(args: RunArgs) -> ExitCode {
    let mut config = match load_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(raw) = args.raw {
        config.input.raw_dir = raw;
    }
    if let Some(out) = args.out {
        config.output.out_dir = out;
    }
    if let Some(jobs) = args.jobs {
        config.output.jobs = jobs;
    }
    if let Some(mode) = args.progress {
        config.output.progress = mode.name().to_string();
    }
    if args.quiet {
        config.output.progress = "none".to_string();
    }
    // Validation has refused any other name by now.
    let progress = ProgressMode::parse(&config.output.progress).unwrap_or(ProgressMode::Auto);
    let (raw_dir, out_dir, jobs) = (
        config.input.raw_dir.clone(),
        config.output.out_dir.clone(),
        config.output.jobs,
    );
    let pipeline = match Pipeline::from_config(config) {
        Ok(p) => p,
        Err(errors) => return report_field_errors("invalid configuration value ", &errors),
    };
    let result = with_jobs(jobs, || {
        engine::run(&pipeline, &raw_dir, &out_dir, progress)
    })
    .and_then(|r| r);
    match result {
        Ok(summary) => {
            for failure in &summary.failed {
                eprintln!("error: {}: {}", failure.file, failure.error);
            }
            eprintln!(
                "cleanalign: {} document{} cleaned, {} failed, {} corpus row{} → {}",
                summary.documents,
                if summary.documents == 1 { "" } else { "s" },
                summary.failed.len(),
                summary.corpus_rows,
                if summary.corpus_rows == 1 { "" } else { "s" },
                summary.out_dir.display()
            );
            if summary.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_SOME_FAILED)
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn fix(args: FixArgs) -> ExitCode {
    let config = match load_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // Flags override the config, as in `run`; without them the config decides.
    let stages: Vec<String> = match &args.stages {
        Some(list) => list
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        None => FIX_STAGES
            .iter()
            .filter(|s| config.runs(s))
            .map(|s| s.to_string())
            .collect(),
    };
    let to = args.to.as_deref().unwrap_or(&config.script.target);
    let chain = match FixChain::new(&config, &stages, to) {
        Ok(c) => c,
        Err(errors) => {
            let code = report_field_errors("", &errors);
            eprintln!("  = help: stages are {}", FIX_STAGES.join(","));
            return code;
        }
    };
    let decoder = match config.decode.build() {
        Ok(d) => d,
        Err(errors) => return report_field_errors("decode.", &errors),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    for file in files {
        let result = if file.as_os_str() == "-" {
            fix_stream(&chain, &decoder, std::io::stdin().lock(), &mut out)
        } else {
            match std::fs::File::open(&file) {
                Ok(f) => fix_stream(&chain, &decoder, std::io::BufReader::new(f), &mut out),
                Err(e) => Err(e),
            }
        };
        if let Err(e) = result {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}: {e}", file.display());
            failed = true;
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: writing output: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

/// Stream UTF-8 input line by line; anything else (a BOM, UTF-16, a legacy encoding) is read whole and decoded
/// with the pipeline's decoder, since those cannot be split on the newline byte safely.
fn fix_stream(
    chain: &FixChain,
    decoder: &cleanalign::stages::decode::Decoder,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut first = true;
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        let starts_unusual = first
            && (buf.starts_with(b"\xEF\xBB\xBF")
                || buf.starts_with(b"\xFF\xFE")
                || buf.starts_with(b"\xFE\xFF"));
        first = false;
        let valid = std::str::from_utf8(&buf).ok().filter(|_| !starts_unusual);
        let Some(line) = valid else {
            // Fall back to whole-input decoding from here on.
            let mut rest = std::mem::take(&mut buf);
            input.read_to_end(&mut rest)?;
            let decoded = cleanalign::stages::decode::decode_for_filter(decoder, &rest);
            return write_fixed(chain, &decoded.text, out);
        };
        // The line ending goes out as it came in: CRLF stays CRLF.
        let (body, ending) = match line.strip_suffix('\n') {
            Some(b) => match b.strip_suffix('\r') {
                Some(b) => (b, "\r\n"),
                None => (b, "\n"),
            },
            None => (line, ""),
        };
        out.write_all(chain.fix_line(body).as_bytes())?;
        out.write_all(ending.as_bytes())?;
    }
}

fn write_fixed(chain: &FixChain, text: &str, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(chain.fix_text(text).as_bytes())
}

fn read_sentences(
    path: &Path,
    decoder: &cleanalign::stages::decode::Decoder,
) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let decoded = decoder
        .decode_named(&name, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(cleanalign::text::split_lines(&decoded.text)
        .map(str::to_string)
        .collect())
}

fn align(args: AlignArgs) -> ExitCode {
    let config = match load_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let aligner = match config.align.build() {
        Ok(a) => a,
        Err(errors) => return report_field_errors("align.", &errors),
    };
    let decoder = match config.decode.build() {
        Ok(d) => d,
        Err(errors) => return report_field_errors("decode.", &errors),
    };
    let (src, tgt) = match (
        read_sentences(&args.src, &decoder),
        read_sentences(&args.tgt, &decoder),
    ) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_SOME_FAILED);
        }
    };
    let beads = aligner.align(&src, &tgt, &args.src_lang, &args.tgt_lang);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = beads
        .iter()
        .try_for_each(|bead| writeln!(out, "{}", cleanalign::align::format_bead(bead)))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice; any other failure truncated the output.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing to stdout: {e}");
            ExitCode::from(EXIT_SOME_FAILED)
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    match config::load(&args.config, true) {
        Ok(config) => {
            // Where the official OpenCC library reads its dictionaries, when the config chooses it.
            let engine_note = if config.runs("script") {
                config.script.engine_note()
            } else {
                None
            };
            match Pipeline::from_config(config) {
                Ok(_) => {
                    println!("{}: OK", args.config.display());
                    if let Some(note) = engine_note {
                        println!("{note}");
                    }
                    ExitCode::SUCCESS
                }
                Err(errors) => report_field_errors("", &errors),
            }
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
