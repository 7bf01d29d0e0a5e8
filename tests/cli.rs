//! The command line: every subcommand, its help, and the exit codes 0/1/2 (DESIGN.md 2.2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cleanalign"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait");
    // A process that refuses its arguments exits before reading: a broken pipe here is expected.
    let _ = writer.join();
    out
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn help_for_every_subcommand() {
    let top = bin().arg("--help").output().expect("runs");
    assert!(top.status.success());
    for word in ["run", "fix", "align", "check", "Exit codes"] {
        assert!(stdout(&top).contains(word), "top-level help lacks {word}");
    }
    for (sub, flags) in [
        ("run", &["--config", "--raw", "--out", "--jobs"][..]),
        ("fix", &["--stages", "--to"][..]),
        ("align", &["--src-lang", "--tgt-lang"][..]),
        ("check", &["--config"][..]),
    ] {
        let o = bin().args([sub, "--help"]).output().expect("runs");
        assert!(o.status.success(), "{sub} --help");
        for flag in flags {
            assert!(stdout(&o).contains(flag), "{sub} --help lacks {flag}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let o = bin().arg("no-such-command").output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let o = with_stdin(&["fix", "--stages", "mojibake,nonsense"], b"x\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nonsense"), "{}", stderr(&o));
    let o = with_stdin(&["fix", "--to", "zh-XX"], b"x\n");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_accepts_the_shipped_config() {
    let o = run_in(&repo_root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn check_reports_every_error_with_position() {
    let dir = tempfile::tempdir().expect("tmp");
    let cfg = dir.path().join("bad.toml");
    std::fs::write(
        &cfg,
        "[input]\nraw_dri = \"raw\"\n\n[output]\njobs = \"many\"\n\n[script]\ntarget = \"zh-XX\"\n",
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", "--config", "bad.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.toml:2:1"), "{err}");
    assert!(err.contains("did you mean `raw_dir`"), "{err}");
    assert!(err.contains("bad.toml:5:"), "{err}");
    // Value errors are reported in the same run as the structural ones, each at its place.
    assert!(
        err.contains("bad.toml:8:1") && err.contains("zh-XX"),
        "{err}"
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn check_on_a_missing_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let o = run_in(dir.path(), &["check", "--config", "nope.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.toml"));
}

#[test]
fn fix_preserves_lines_from_stdin() {
    let input = "數(shù)字經濟,,發展\n\nplain English line\nlast line without newline";
    let o = with_stdin(&["fix"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.split('\n').count(), input.split('\n').count());
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines[0], "数字经济，发展");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "plain English line");
    assert!(!out.ends_with('\n'));
}

#[test]
fn fix_reads_files_and_respects_stages_and_target() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("in.txt");
    std::fs::write(&f, "软件,开发\n").expect("write");
    let o = bin()
        .args(["fix", "--stages", "script", "--to", "zh-TW"])
        .arg(&f)
        .output()
        .expect("runs");
    assert!(o.status.success());
    // Only the script stage ran: the comma stays ASCII, the words become Taiwan usage.
    assert_eq!(stdout(&o), "軟體,開發\n");
    let o = bin()
        .args(["fix", "--stages", "punct", "--to", "none"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(stdout(&o), "软件，开发\n");
}

#[test]
fn fix_decodes_legacy_input() {
    let (gbk, _, _) =
        encoding_rs::GBK.encode("数字领域国际合作是指各国在数字经济方面进行的交流。\n第二行。\n");
    let o = with_stdin(&["fix", "--to", "none"], &gbk);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "数字领域国际合作是指各国在数字经济方面进行的交流。\n第二行。\n"
    );
}

#[test]
fn fix_missing_file_exits_1_but_processes_the_rest() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "中文,测试\n").expect("write");
    let o = bin()
        .arg("fix")
        .arg(dir.path().join("missing.txt"))
        .arg(&good)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "中文，测试\n");
    assert!(stderr(&o).contains("missing.txt"));
}

#[test]
fn align_covers_every_line_in_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let zh = dir.path().join("a.zh");
    let en = dir.path().join("a.en");
    std::fs::write(&zh, "我们明天去北京。\n天气很好。\n他们在2019年结婚了。\n").expect("write");
    std::fs::write(
        &en,
        "We will go to Beijing tomorrow.\nThe weather is good.\nThey got married in 2019.\n",
    )
    .expect("write");
    let o = bin().arg("align").arg(&zh).arg(&en).output().expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let mut next_src = 0;
    let mut next_tgt = 0;
    for line in stdout(&o).lines() {
        let mut parts = line.splitn(3, ':');
        let parse = |s: &str| -> Vec<usize> {
            s.trim_matches(['[', ']'])
                .split(", ")
                .filter(|x| !x.is_empty())
                .map(|x| x.parse().expect("id"))
                .collect()
        };
        let src = parse(parts.next().expect("src"));
        let tgt = parse(parts.next().expect("tgt"));
        if let Some(score) = parts.next() {
            let s: f64 = score.parse().expect("score");
            assert!((0.0..=1.0).contains(&s));
        }
        for i in src {
            assert_eq!(i, next_src);
            next_src += 1;
        }
        for j in tgt {
            assert_eq!(j, next_tgt);
            next_tgt += 1;
        }
    }
    assert_eq!((next_src, next_tgt), (3, 3));
}

#[test]
fn align_missing_input_is_an_error() {
    let o = bin()
        .args(["align", "/nonexistent/a", "/nonexistent/b"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/a"));
}

/// Bad inputs get a per-file error; the good ones are still cleaned, and the exit code is 1.
#[test]
fn run_survives_bad_inputs() {
    let dir = tempfile::tempdir().expect("tmp");
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    std::fs::write(
        raw.join("good.txt"),
        "这是一篇正常的文章，内容完整。\n第二段也很正常。\n",
    )
    .expect("write");
    // A GBK page whose second line has a lone lead byte: decoded, with the bad byte on record.
    let mut gbk = encoding_rs::GBK
        .encode("数字领域国际合作是指各国在数字经济方面进行的交流与共同发展。\n坏")
        .0
        .into_owned();
    gbk.push(0x81);
    gbk.extend_from_slice(b"\n");
    std::fs::write(raw.join("legacy.txt"), &gbk).expect("write");
    std::fs::write(
        raw.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .expect("write");
    std::fs::write(raw.join("empty.txt"), b"").expect("write");
    std::fs::write(raw.join("nul.txt"), b"text with a \x00 NUL byte in it").expect("write");
    let mut state = 0x9E3779B9u32;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 255 + 1) as u8
        })
        .collect();
    std::fs::write(raw.join("noise.txt"), noise).expect("write");
    // A folder is walked, whatever its name.
    std::fs::create_dir(raw.join("folder.txt")).expect("mkdir");
    std::fs::write(
        raw.join("folder.txt/inner.txt"),
        "子文件夹里的文章也会被读取。\n",
    )
    .expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere"), raw.join("dangling.txt"))
        .expect("symlink");
    // 50 MB on one line: bounded memory and time, removed with a reason rather than kept as a "paragraph".
    let big = "数字".repeat(50 * 1024 * 1024 / 6);
    std::fs::write(raw.join("huge.txt"), big).expect("write");

    let out = dir.path().join("out");
    let o = bin()
        .current_dir(dir.path())
        .args(["run", "--raw", "raw", "--out", "out", "--quiet"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for (name, evidence) in [
        ("image.txt", "PNG"),
        ("empty.txt", "empty"),
        ("nul.txt", "NUL"),
        ("noise.txt", "control characters"),
        ("dangling.txt", "cannot read"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error for {name}: {err}"));
        assert!(line.contains(evidence), "{line}");
    }
    assert!(out.join("docs/good.txt").exists());
    assert!(out.join("docs/folder.txt/inner.txt").exists());
    assert!(out.join("docs/huge.txt").exists());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    assert_eq!(report["failed"].as_array().map(Vec::len), Some(5));
    let rejected = std::fs::read_to_string(out.join("rejected.jsonl")).expect("rejected");
    assert!(rejected
        .lines()
        .any(|l| l.contains("\"doc\":\"huge\"") && l.contains("line-too-long")));
    assert!(rejected
        .lines()
        .any(|l| l.contains("\"doc\":\"image\"") && l.contains("input-failed")));
    let offset = gbk.len() - 2;
    assert!(
        rejected.lines().any(|l| l.contains("\"doc\":\"legacy\"")
            && l.contains("undecodable-bytes")
            && l.contains(&format!("\"byte_offset\":{offset}"))),
        "{rejected}"
    );
    assert!(out.join("docs/legacy.txt").exists());
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn run_with_a_bad_config_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("pipeline.toml"),
        "[output]\nout_dri = \"x\"\n",
    )
    .expect("write");
    let o = run_in(dir.path(), &["run"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("out_dir"), "{}", stderr(&o));
    assert!(!dir.path().join("cleaned").exists());
}

#[test]
fn run_on_a_missing_raw_folder_exits_2() {
    let dir = tempfile::tempdir().expect("tmp");
    let o = run_in(dir.path(), &["run", "--raw", "nowhere", "--quiet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nowhere"));
}

/// The exact wording users see for a broken config (reviewed by hand; update with `INSTA_UPDATE=always`).
#[test]
fn check_messages_snapshot() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("pipeline.toml"),
        "[input]\nraw_dri = \"pages\"\n\n[output]\njobs = \"many\"\n\n[aligner]\nmin_bead_score = 0.5\n\n[script]\ntarget = \"zh-CN\"\n",
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", "--config", "pipeline.toml"]);
    insta::assert_snapshot!(stderr(&o));
}

#[test]
fn value_error_messages_snapshot() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("pipeline.toml"),
        "[script]\ntarget = \"zh-CN\"\n\n[normalize]\nform = \"nfkd\"\n\n[decode]\nforce_encoding = \"latin-9000\"\n",
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", "--config", "pipeline.toml"]);
    insta::assert_snapshot!(stderr(&o));
}

#[test]
fn fix_leaves_overlong_lines_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("small.toml"),
        "[input]\nmax_line_chars = 4\n",
    )
    .expect("write");
    let input = "短,行\n这一行很长,超过了上限\n";
    let o = bin()
        .current_dir(dir.path())
        .args(["fix", "--config", "small.toml", "--to", "none", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .expect("runs");
    assert_eq!(stdout(&o), "短，行\n这一行很长,超过了上限\n");
}

#[test]
fn fix_follows_the_config_unless_a_flag_says_otherwise() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "软件,开发\n").expect("write");
    let config = dir.path().join("taiwan.toml");
    std::fs::write(&config, "[script]\ntarget = \"zh-TW\"\n").expect("write");
    let fix = |extra: &[&str], config: &Path| {
        let o = bin()
            .arg("fix")
            .arg("--config")
            .arg(config)
            .args(extra)
            .arg(&input)
            .output()
            .expect("runs");
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    // `script.target` from the config, not zh-Hans.
    assert_eq!(fix(&[], &config), "軟體，開發\n");
    // A flag wins over the config.
    assert_eq!(fix(&["--to", "none"], &config), "软件，开发\n");
    // `[pipeline] skip` switches stages off in `fix` as in `run`.
    let skipping = dir.path().join("skip.toml");
    std::fs::write(
        &skipping,
        "[script]\ntarget = \"zh-TW\"\n[pipeline]\nskip = [\"punct\", \"normalize\"]\n",
    )
    .expect("write");
    assert_eq!(fix(&[], &skipping), "軟體,開發\n");
    assert_eq!(fix(&["--stages", "punct"], &skipping), "软件，开发\n");
}

#[test]
fn fix_keeps_crlf_line_endings() {
    let input = "中文,测试\r\nsecond line\r\n\r\nlast\nno ending";
    let o = with_stdin(&["fix", "--to", "none"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "中文，测试\r\nsecond line\r\n\r\nlast\nno ending"
    );
    // Input read whole (a legacy encoding) keeps its endings too.
    let (gbk, _, _) =
        encoding_rs::GBK.encode("数字领域国际合作是指各国在数字经济方面的交流。\r\n第二行。\r\n");
    let o = with_stdin(&["fix", "--to", "none"], &gbk);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "数字领域国际合作是指各国在数字经济方面的交流。\r\n第二行。\r\n"
    );
}

#[test]
fn align_reads_its_inputs_with_the_configs_decode_settings() {
    let dir = tempfile::tempdir().expect("tmp");
    let zh = dir.path().join("a.zh");
    let en = dir.path().join("a.en");
    // UTF-16LE without a byte-order mark: detection cannot know it, `[decode] force` does.
    let utf16: Vec<u8> = "我们明天去北京。\n天气很好。\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&zh, utf16).expect("write");
    std::fs::write(
        &en,
        "We will go to Beijing tomorrow.\nThe weather is good.\n",
    )
    .expect("write");
    let o = bin().arg("align").arg(&zh).arg(&en).output().expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let config = dir.path().join("utf16.toml");
    std::fs::write(
        &config,
        "[decode]\nforce = [{ glob = \"*.zh\", encoding = \"utf-16le\" }]\n",
    )
    .expect("write");
    let o = bin()
        .arg("align")
        .arg("--config")
        .arg(&config)
        .arg(&zh)
        .arg(&en)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn align_exits_1_when_its_output_cannot_be_written() {
    let dir = tempfile::tempdir().expect("tmp");
    let zh = dir.path().join("a.zh");
    let en = dir.path().join("a.en");
    std::fs::write(&zh, "我们明天去北京。\n天气很好。\n").expect("write");
    std::fs::write(
        &en,
        "We will go to Beijing tomorrow.\nThe weather is good.\n",
    )
    .expect("write");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let o = bin()
        .arg("align")
        .arg(&zh)
        .arg(&en)
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("writing to stdout"), "{}", stderr(&o));
}
