//! The real `bao` binary: JSON Lines shape, --print wrapping, errors and exit codes.

use serde_json::Value;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BAO: &str = env!("CARGO_BIN_EXE_bao");

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_c0b6449328fbf434.txt")
}

fn bao(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BAO)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run bao")
}

macro_rules! args {
    ($($a:expr),* $(,)?) => { &[$(std::ffi::OsStr::new($a)),*] };
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8(o.stderr.clone())
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn assert_no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE", "thread 'main'"] {
        assert!(!err.contains(bad), "stderr shows {bad:?}: {err}");
    }
}

const OWN: &str = "Đoàn công tác của Bộ Y tế làm việc tại Bệnh viện Đa khoa tỉnh Quảng Nam

10:05, 03/04/2023

Sáng 3/4, đoàn công tác của Bộ Y tế do Thứ trưởng Nguyễn Thị Liên Hương dẫn đầu đã làm việc với \
Bệnh viện Đa khoa tỉnh Quảng Nam.

Ông Trần Văn Hùng, Giám đốc bệnh viện, báo cáo tình hình khám chữa bệnh trong quý I.

Đoàn kiểm tra khu điều trị tích cực.

Bà Nguyễn Thị Liên Hương đề nghị UBND tỉnh Quảng Nam quan tâm đầu tư trang thiết bị.

Hải Yến
";

/// For every block and every mention, `text` is exactly the slice of the article's text at
/// `start..end`, and a mention lies inside its block.
fn assert_offsets_slice(v: &Value, text: &str) {
    let blocks = v["blocks"].as_array().unwrap();
    assert!(!blocks.is_empty());
    let mut prev = 0;
    for b in blocks {
        let (s, e) = (
            b["start"].as_u64().unwrap() as usize,
            b["end"].as_u64().unwrap() as usize,
        );
        assert!(prev <= s && s < e && e <= text.len(), "{b}");
        assert_eq!(text.get(s..e), b["text"].as_str(), "{b}");
        assert!(
            [
                "title",
                "dateline",
                "lead",
                "paragraph",
                "heading",
                "caption",
                "byline"
            ]
            .contains(&b["kind"].as_str().unwrap()),
            "{b}"
        );
        prev = e;
    }
    for list in ["people", "organisations"] {
        for ent in v[list].as_array().unwrap() {
            assert!(ent["name"].is_string(), "{ent}");
            for m in ent["mentions"].as_array().unwrap() {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(text.get(s..e), m["text"].as_str(), "{m}");
                let b = &blocks[m["block"].as_u64().unwrap() as usize];
                assert!(b["start"].as_u64().unwrap() as usize <= s);
                assert!(e <= b["end"].as_u64().unwrap() as usize);
            }
        }
    }
}

#[test]
fn json_shape_on_the_seed() {
    let o = bao(args![OsStr::new("--json"), seed().as_os_str()]);
    assert_no_panic(&o);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object per article");
    let v: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["source"], seed().display().to_string());
    assert_eq!(
        v["title"],
        "Tổng kết Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy với HĐND, UBND tỉnh, VKSND, \
         Tòa án nhân dân và Bộ CHQS tỉnh"
    );
    assert_eq!(v["published"], "2022-02-25T15:15");
    assert_eq!(v["byline"], "Nông Vui");
    assert!(v["people"].is_array() && v["organisations"].is_array());
    let kinds: Vec<&str> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "caption").count(), 1);
    assert!(!lines[0].contains("Ý kiến bạn đọc"));
    let text = bao::decode::decode(&fs::read(seed()).unwrap()).unwrap();
    assert_offsets_slice(&v, &text);
}

#[test]
fn json_lines_in_given_order_with_offsets() {
    let d = tempfile::tempdir().unwrap();
    let own = d.path().join("own.txt");
    fs::write(&own, OWN).unwrap();
    // CRLF and NFD: the offsets are into the normalised text, not the file's bytes.
    let crlf = d.path().join("crlf.txt");
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(OWN).collect();
    fs::write(&crlf, nfd.replace('\n', "\r\n")).unwrap();
    let o = bao(args![
        OsStr::new("--json"),
        own.as_os_str(),
        seed().as_os_str(),
        crlf.as_os_str()
    ]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let vs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(vs.len(), 3);
    assert_eq!(vs[0]["source"], own.display().to_string());
    assert_eq!(vs[1]["byline"], "Nông Vui");
    assert_eq!(vs[2]["source"], crlf.display().to_string());
    assert_offsets_slice(&vs[0], OWN);
    assert_offsets_slice(&vs[2], OWN);
    assert_eq!(vs[0]["blocks"], vs[2]["blocks"]);
    assert_eq!(vs[0]["people"], vs[2]["people"]);
    assert_eq!(vs[0]["published"], "2023-04-03T10:05");
    assert_eq!(vs[0]["byline"], "Hải Yến");
}

#[test]
fn print_wraps_to_width_and_keeps_every_word() {
    for width in ["10", "33", "80"] {
        let o = bao(args![
            OsStr::new("--print"),
            OsStr::new("--width"),
            OsStr::new(width),
            seed().as_os_str()
        ]);
        assert!(o.status.success());
        assert_no_panic(&o);
        let out = String::from_utf8(o.stdout).unwrap();
        let w: usize = width.parse().unwrap();
        for line in out.lines() {
            assert!(bao::wrap::width(line) <= w, "{width}: {line:?}");
        }
        // Every word of the body, in order.
        let a = bao::loader::load_file(&seed()).unwrap();
        let words: Vec<&str> = out.split_whitespace().collect();
        let body: Vec<&str> = a
            .blocks_with_text()
            .filter(|(b, _)| b.kind != bao::BlockKind::Title)
            .flat_map(|(_, t)| t.split_whitespace())
            .collect();
        let mut it = words.iter();
        for want in &body {
            assert!(
                it.any(|w| w == want),
                "{width}: {want:?} missing or out of order"
            );
        }
    }
}

#[test]
fn piped_output_without_flags_is_plain_text() {
    let o = bao(args![seed().as_os_str()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("Tổng kết Chương trình"));
    assert!(out.contains("Nông Vui"));
    assert!(out.lines().all(|l| bao::wrap::width(l) <= 80));
}

#[test]
fn each_bad_input_is_one_line_naming_the_file() {
    let d = tempfile::tempdir().unwrap();
    let good = d.path().join("tốt.txt");
    fs::write(&good, OWN).unwrap();
    let missing = d.path().join("không-có.txt");
    let binary = d.path().join("ảnh.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let empty = d.path().join("rỗng.txt");
    fs::write(&empty, b"").unwrap();
    let blank = d.path().join("trắng.txt");
    fs::write(&blank, "\u{A0}\u{3000}\n\u{2003}").unwrap();
    let empty_dir = d.path().join("thư-mục-rỗng");
    fs::create_dir(&empty_dir).unwrap();
    let bad = [&missing, &binary, &empty, &blank, &empty_dir];

    for mode in ["--json", "--print"] {
        let mut a: Vec<&std::ffi::OsStr> = vec![OsStr::new(mode), missing.as_os_str()];
        a.extend([
            binary.as_os_str(),
            good.as_os_str(),
            empty.as_os_str(),
            blank.as_os_str(),
            empty_dir.as_os_str(),
        ]);
        let o = bao(&a);
        assert_eq!(o.status.code(), Some(1), "{mode}");
        assert_no_panic(&o);
        let err = stderr_lines(&o);
        assert_eq!(err.len(), bad.len(), "{mode}: {err:?}");
        for p in bad {
            let name = p.display().to_string();
            let hits: Vec<&String> = err.iter().filter(|l| l.contains(&name)).collect();
            assert_eq!(hits.len(), 1, "{mode}: {name} in {err:?}");
            assert!(hits[0].starts_with("bao: "), "{}", hits[0]);
        }
        let line_for = |p: &Path| {
            err.iter()
                .find(|l| l.contains(&p.display().to_string()))
                .unwrap()
                .clone()
        };
        assert!(line_for(&missing).contains("No such file"));
        assert!(line_for(&binary).contains("binary"));
        assert!(line_for(&empty).contains("empty"));
        assert!(line_for(&blank).contains("whitespace"));
        assert!(line_for(&empty_dir).contains("no article files"));
        // The good file is still there.
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains("Đoàn công tác của Bộ Y tế"), "{mode}");
        if mode == "--json" {
            assert_eq!(out.lines().count(), 1);
        }
    }
}

#[test]
fn folder_with_one_broken_file() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("2.txt"), "Bài hai\n\nNội dung thứ hai.\n").unwrap();
    fs::write(d.path().join("1.txt"), "Bài một\n\nNội dung thứ nhất.\n").unwrap();
    fs::write(d.path().join("3.txt"), [0u8, 1, 2, 3, 0, 0, 0]).unwrap();
    fs::write(d.path().join(".4.txt"), "Ẩn\n\nẨn.\n").unwrap();
    let o = bao(args![OsStr::new("--json"), d.path().as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    let titles: Vec<String> = String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(titles, ["\"Bài một\"", "\"Bài hai\""]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1);
    assert!(
        err[0].contains("3.txt") && err[0].contains("binary"),
        "{err:?}"
    );
}

#[test]
fn escapes_never_reach_the_output() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("độc.txt");
    fs::write(
        &p,
        "Tiêu đề\x1b]0;pwned\x07 thật\n\n\x1b[2J\x1b[31mĐoạn\u{9b}1;1H một\x1b]8;;http://x/\x1b\\ liên kết\x1b]8;;\x1b\\.\x07\x08\x7f\n",
    )
    .unwrap();
    for mode in ["--print", "--json"] {
        let o = bao(args![OsStr::new(mode), p.as_os_str()]);
        assert!(o.status.success());
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.chars()
                .any(|c| c != '\n' && (c.is_control() || bao::decode::is_unwanted(c))),
            "{mode}: {out:?}"
        );
        assert!(
            !out.contains("\\u00"),
            "{mode}: an escaped control in {out}"
        );
        assert!(out.contains("Tiêu đề thật"), "{mode}: {out}");
        assert!(out.contains("Đoạn một liên kết."), "{mode}: {out}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for a in [
        &args!["--bogus"][..],
        &args!["--width", "5", "x.txt"][..],
        &args!["--width", "abc", "x.txt"][..],
        &args!["--json", "--print", "x.txt"][..],
    ] {
        let o = bao(a);
        assert_eq!(o.status.code(), Some(2), "{a:?}");
        assert_no_panic(&o);
        assert!(!o.stderr.is_empty());
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn help_and_version() {
    let o = bao(args!["--help"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Usage") && out.contains("--json") && out.contains("--print"));
    let o = bao(args!["--version"]);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap().trim(),
        format!("bao {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn closed_pipe_is_not_a_crash() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("dài.txt");
    let para = "Một câu khá dài để lấp đầy bộ đệm của đường ống trước khi đầu đọc đóng lại. ";
    fs::write(&p, format!("Tiêu đề\n\n{}\n", para.repeat(20_000))).unwrap();
    let mut child = Command::new(BAO)
        .args([OsStr::new("--print"), p.as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_no_panic(&o);
    assert!(
        o.status.code().is_some(),
        "killed by a signal: {:?}",
        o.status
    );
}

#[test]
fn files_read_are_never_written() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("chỉ-đọc.txt");
    // CRLF, NFD and a control: everything the loader would "fix" stays as it was on disk.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(OWN).collect();
    let original = format!("{}\x1b[31m\r\n", nfd.replace('\n', "\r\n"));
    fs::write(&p, &original).unwrap();
    let before = fs::metadata(&p).unwrap().modified().unwrap();
    for mode in ["--json", "--print"] {
        let o = bao(args![OsStr::new(mode), p.as_os_str()]);
        assert!(o.status.success());
    }
    assert_eq!(fs::read(&p).unwrap(), original.as_bytes());
    assert_eq!(fs::metadata(&p).unwrap().modified().unwrap(), before);
    let names: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing was written beside the file");
}

/// Permission denied, for real even when the tests run as root: then bao runs as `nobody`
/// through `setpriv` (util-linux). Skipped, saying so, when neither way is available.
#[cfg(unix)]
#[test]
fn permission_denied_is_one_line_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    fs::set_permissions(d.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let locked = d.path().join("khóa.txt");
    let good = d.path().join("mở.txt");
    fs::write(&locked, OWN).unwrap();
    fs::write(&good, OWN).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&good, fs::Permissions::from_mode(0o644)).unwrap();

    let privileged = fs::read(&locked).is_ok();
    let mut cmd = if privileged {
        let setpriv = Path::new("/usr/bin/setpriv");
        if !setpriv.exists() {
            eprintln!("running as root without setpriv: permission denied not testable, skipped");
            return;
        }
        let as_nobody = || {
            let mut c = Command::new(setpriv);
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BAO]);
            c
        };
        // The build may sit where `nobody` cannot reach it (a private checkout).
        let runs = as_nobody()
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !runs {
            eprintln!("running as root and nobody cannot run {BAO}: skipped");
            return;
        }
        as_nobody()
    } else {
        Command::new(BAO)
    };
    let o = cmd
        .args([OsStr::new("--json"), locked.as_os_str(), good.as_os_str()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_no_panic(&o);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].starts_with("bao: "), "{}", err[0]);
    assert!(err[0].contains(&locked.display().to_string()), "{}", err[0]);
    assert!(err[0].contains("Permission denied"), "{}", err[0]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("Đoàn công tác"));
}

#[test]
fn ten_thousand_files_in_one_folder() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        fs::write(
            d.path().join(format!("{i:05}.txt")),
            format!("Bài {i}\n\nÔng Nguyễn Văn An nói ngày {i}.\n"),
        )
        .unwrap();
    }
    let o = bao(args![OsStr::new("--json"), d.path().as_os_str()]);
    assert!(o.status.success());
    assert_no_panic(&o);
    let out = String::from_utf8(o.stdout).unwrap();
    let titles: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(titles.len(), 10_000);
    assert!(titles
        .iter()
        .enumerate()
        .all(|(i, t)| *t == format!("Bài {i}")));
}

#[test]
fn json_lines_are_the_library_articles_across_chunks() {
    // More files than one parallel chunk (256), with failures among them: each line is
    // exactly what the library gives for that file, in order, and each failure is one
    // stderr line in order.
    let d = tempfile::tempdir().unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(OWN).collect();
    let mut paths = Vec::new();
    for i in 0..300 {
        let p = d.path().join(format!("{i:03}.txt"));
        let body = match i % 5 {
            0 => OWN.to_owned(),
            1 => nfd.replace('\n', "\r\n"),
            2 => format!("Tin số {i}\n\nÔng Lò Văn Sáng, \"Giám đốc\" Sở Y tế, nói.\tHết.\n"),
            3 if i % 3 == 0 => String::new(),
            _ => OWN.replace("Hải Yến", &format!("Phóng viên {i}")),
        };
        fs::write(&p, body).unwrap();
        paths.push(p);
    }
    let mut cmd: Vec<&OsStr> = vec![OsStr::new("--json")];
    cmd.extend(paths.iter().map(|p| p.as_os_str()));
    let o = bao(&cmd);
    assert_no_panic(&o);
    assert!(!o.status.success(), "empty files are failures");
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    let mut lines = out.lines();
    let mut failures = Vec::new();
    for p in &paths {
        match bao::open_article(p) {
            Ok(a) => assert_eq!(lines.next(), Some(a.to_json().unwrap().as_str()), "{p:?}"),
            Err(e) => failures.push(format!("bao: {e}")),
        }
    }
    assert_eq!(lines.next(), None);
    assert_eq!(failures.len(), 20);
    assert_eq!(stderr_lines(&o), failures);
}

/// Files of every kind for the `--json` workers: short and long articles, failures among them,
/// more than can be in flight at once.
fn mixed_files(d: &Path, n: usize) -> Vec<PathBuf> {
    let para = "Ông Lò Văn Sáng, Giám đốc Sở Y tế tỉnh Hòa Bình, cho biết như vậy. ";
    (0..n)
        .map(|i| {
            let p = d.join(format!("{i:04}.txt"));
            let body = match i % 7 {
                0 => String::new(),
                1 => format!("Bài dài {i}\n\n{}\n", para.repeat(200 + i)),
                2 => OWN.replace('\n', "\r\n"),
                _ => OWN.replace("Hải Yến", &format!("Phóng viên {i}")),
            };
            fs::write(&p, body).unwrap();
            p
        })
        .collect()
}

#[test]
fn json_is_the_same_whatever_the_number_of_workers() {
    // One worker does everything in order; with more, lines finish out of order and are
    // written by whichever worker finishes the next one.
    let d = tempfile::tempdir().unwrap();
    let paths = mixed_files(d.path(), 600);
    let mut args: Vec<&OsStr> = vec![OsStr::new("--json")];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let run = |workers: &str| {
        Command::new(BAO)
            .args(&args)
            .env("RAYON_NUM_THREADS", workers)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let one = run("1");
    assert_no_panic(&one);
    assert_eq!(one.status.code(), Some(1), "empty files are failures");
    assert_eq!(
        String::from_utf8_lossy(&one.stdout).lines().count(),
        600 - 86
    );
    assert_eq!(stderr_lines(&one).len(), 86);
    for workers in ["2", "5"] {
        let o = run(workers);
        assert_eq!(o.status, one.status, "{workers} workers");
        assert!(o.stdout == one.stdout, "{workers} workers: other lines");
        assert_eq!(o.stderr, one.stderr, "{workers} workers");
    }
}

#[test]
fn json_into_a_closed_pipe_stops_quietly() {
    let d = tempfile::tempdir().unwrap();
    let paths = mixed_files(d.path(), 400);
    let mut child = Command::new(BAO)
        .arg("--json")
        .args(&paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    // Files that failed before the pipe closed may be named; nothing else is said.
    assert!(stderr_lines(&o).iter().all(|l| l.ends_with(": empty file")));
}
