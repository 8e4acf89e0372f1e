//! Nothing from a file drives the terminal, and the terminal is restored on every way out.
//!
//! The real binary runs in a pseudo-terminal and its output goes through a vt100 emulator.
//! A file full of escape sequences must draw exactly the screen that the same article without
//! them draws, cell by cell with colours and attributes, at every scroll position; the window
//! title, bell, clipboard and hyperlinks are never touched.

#![cfg(unix)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const BAO: &str = env!("CARGO_BIN_EXE_bao");
const ROWS: u16 = 30;
const COLS: u16 = 100;
/// Generous: the machine running the tests may be busy.
const DEADLINE: Duration = Duration::from_secs(30);

/// What the emulator was asked to do besides drawing.
#[derive(Default)]
struct Recorder {
    titles: Vec<Vec<u8>>,
    icon_names: Vec<Vec<u8>>,
    bells: usize,
    clipboard: usize,
    unhandled_osc: Vec<String>,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.icon_names.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard += 1;
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.unhandled_osc.push(
            params
                .iter()
                .map(|p| String::from_utf8_lossy(p).into_owned())
                .collect::<Vec<_>>()
                .join(";"),
        );
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Cell {
    row: u16,
    col: u16,
    text: String,
    fg: vt100::Color,
    bg: vt100::Color,
    attrs: [bool; 5],
}

/// The screen's text, for failure messages.
fn show(cells: &[Cell]) -> String {
    let mut out = String::new();
    for c in cells {
        if c.col == 0 && c.row > 0 {
            out.push('\n');
        }
        out.push_str(if c.text.is_empty() { " " } else { &c.text });
    }
    out
}

struct Session {
    parser: Arc<Mutex<vt100::Parser<Recorder>>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(file: &Path, panic_key: bool) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BAO);
        cmd.arg(file);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Keep reading positions out of the home folder of whoever runs the tests.
        cmd.env("BAO_NO_STATE", "1");
        if panic_key {
            cmd.env("BAO_TEST_PANIC", "1");
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn bao");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            ROWS,
            COLS,
            0,
            Recorder::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            parser,
            raw,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn screen_text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every cell with its colours and attributes (the cursor, which the reader parks
    /// wherever its last write ended, is left out).
    fn screen_formatted(&self) -> Vec<Cell> {
        let p = self.parser.lock().unwrap();
        let sc = p.screen();
        let mut cells = Vec::with_capacity(ROWS as usize * COLS as usize);
        for row in 0..ROWS {
            for col in 0..COLS {
                let c = sc.cell(row, col).expect("cell in range");
                cells.push(Cell {
                    row,
                    col,
                    text: c.contents().to_owned(),
                    fg: c.fgcolor(),
                    bg: c.bgcolor(),
                    attrs: [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()],
                });
            }
        }
        cells
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if pred(self.parser.lock().unwrap().screen()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {what}; screen:\n{}",
            self.screen_text()
        );
    }

    /// Waits until the screen has not changed for a while: the frame after a key is complete.
    fn settle(&self) -> Vec<Cell> {
        let start = Instant::now();
        let mut last = self.screen_formatted();
        let mut stable_since = Instant::now();
        while start.elapsed() < DEADLINE {
            thread::sleep(Duration::from_millis(40));
            let now = self.screen_formatted();
            if now != last {
                last = now;
                stable_since = Instant::now();
            } else if stable_since.elapsed() > Duration::from_millis(400) {
                return last;
            }
        }
        last
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("bao did not exit; screen:\n{}", self.screen_text());
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("child pid");
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig} {pid}");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Each hostile line and what it must read as. Every kind of sequence a file could use to
/// recolour, move the cursor, clear the screen, set the title, link, ring or overwrite.
const PAIRS: &[(&str, &str)] = &[
    (
        "Tin \x1b[31mđỏ\x1b[0m và\x1b[2J\x1b[H sạch",
        "Tin đỏ và sạch",
    ),
    (
        "Đoạn mở đầu\x1b]0;pwned-title\x07 có tiêu đề giả\x1b]2;pwned-title\x1b\\ ở giữa.",
        "Đoạn mở đầu có tiêu đề giả ở giữa.",
    ),
    (
        "Một \x1b]8;;http://pwned.example/\x1b\\liên kết\x1b]8;;\x1b\\ ẩn trong câu.",
        "Một liên kết ẩn trong câu.",
    ),
    (
        "Ký tự C1\u{9b}2J\u{9b}10;10H không xóa màn hình.",
        "Ký tự C1 không xóa màn hình.",
    ),
    (
        "Chuông\x07 lùi\x08 xóa\x7f không có tác dụng.",
        "Chuông lùi xóa không có tác dụng.",
    ),
    (
        "Dòng an toàn\rDÒNG ĐÈ LÊN không che chữ.",
        "Dòng an toàn DÒNG ĐÈ LÊN không che chữ.",
    ),
    (
        "\x1b[1;4;5;7mĐậm gạch nháy đảo\x1b[m và \x1b[38;5;196mmàu 256\x1b[0m.",
        "Đậm gạch nháy đảo và màu 256.",
    ),
    (
        "Con trỏ\x1b[5A\x1b[20C\x1b7\x1b8 đứng yên\x1b[?25l\x1b[?1049l\x1b[?1000h.",
        "Con trỏ đứng yên.",
    ),
    (
        "Chữ \u{202E}ngược\u{202C} và \u{2066}cô lập\u{2069} không đảo\u{200B}.",
        "Chữ ngược và cô lập không đảo.",
    ),
];

/// The article: the hostile (or clean) lines spread between ordinary paragraphs, long enough
/// to scroll several pages.
fn article(hostile: bool) -> String {
    let pick = |i: usize| if hostile { PAIRS[i].0 } else { PAIRS[i].1 };
    let mut out = format!("{}\n\n", pick(0));
    for i in 1..PAIRS.len() {
        for j in 0..4 {
            out.push_str(&format!(
                "Đoạn văn {i}.{j} kể về thời tiết miền Bắc trong tuần: trời nhiều mây, có \
                 mưa rào và dông rải rác, nhiệt độ thấp nhất khoảng hai mươi độ.\n\n"
            ));
        }
        out.push_str(pick(i));
        out.push_str("\n\n");
    }
    out.push_str("Lan Anh\n");
    out
}

/// Screens of a session: the first frame, then after each of a series of scroll keys.
fn screens(file: &Path) -> (Vec<Vec<Cell>>, Session) {
    let mut s = Session::start(file, false);
    s.wait_for("the article", |sc| sc.contents().contains("Tin đỏ và sạch"));
    let mut shots = vec![s.settle()];
    for key in [
        &b"j"[..],
        b"j",
        b"j",
        b" ",
        b" ",
        b"d",
        b" ",
        b"G",
        b"k",
        b"g",
    ] {
        s.send(key);
        shots.push(s.settle());
    }
    (shots, s)
}

#[test]
fn escape_sequences_in_a_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bài.txt");

    std::fs::write(&file, article(false)).unwrap();
    let (clean, mut s) = screens(&file);
    s.send(b"q");
    s.wait_exit();

    std::fs::write(&file, article(true)).unwrap();
    let (hostile, mut s) = screens(&file);

    // Scrolling really moved the text, so positions past the sequences were compared.
    assert!(clean.windows(2).filter(|w| w[0] != w[1]).count() >= 5);
    for (i, (c, h)) in clean.iter().zip(&hostile).enumerate() {
        let diff: Vec<(&Cell, &Cell)> = c.iter().zip(h).filter(|(a, b)| a != b).collect();
        assert!(
            diff.is_empty(),
            "screen {i}: {} cells differ, first {:?}\nclean:\n{}\nhostile:\n{}",
            diff.len(),
            diff.first(),
            show(c),
            show(h)
        );
    }

    {
        let p = s.parser.lock().unwrap();
        let rec = p.callbacks();
        assert!(rec.titles.is_empty(), "window title set: {:?}", rec.titles);
        assert!(rec.icon_names.is_empty(), "icon name set");
        assert_eq!(rec.bells, 0, "the bell rang");
        assert_eq!(rec.clipboard, 0, "clipboard written");
        assert!(
            rec.unhandled_osc.is_empty(),
            "OSC reached the terminal: {:?}",
            rec.unhandled_osc
        );
        let screen = p.screen();
        assert!(screen.alternate_screen());
    }
    let raw = s.raw.lock().unwrap().clone();
    for needle in [
        &b"pwned"[..],
        b"\x1b]0;",
        b"\x1b]2;",
        b"\x1b]8;",
        b"\x07",
        b"\x08",
        b"\x7f",
        "\u{9b}".as_bytes(),
        "\u{202E}".as_bytes(),
    ] {
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle),
            "the output holds {needle:?}"
        );
    }
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

/// After the reader is gone: main screen, no mouse reporting, cursor visible.
fn assert_restored(s: &Session) {
    let p = s.parser.lock().unwrap();
    let screen = p.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting left on"
    );
    assert!(!screen.hide_cursor(), "cursor left hidden");
}

fn started(panic_key: bool) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bài.txt");
    std::fs::write(&file, article(false)).unwrap();
    let s = Session::start(&file, panic_key);
    s.wait_for("the reader", |sc| {
        sc.alternate_screen()
            && sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && sc.contents().contains("Tin đỏ và sạch")
    });
    (dir, s)
}

#[test]
fn panic_restores_the_terminal_and_says_so() {
    // The trigger key exists only in debug builds of bao (`cargo test` without --release).
    if !cfg!(debug_assertions) {
        eprintln!("release build: bao has no panic trigger, skipped");
        return;
    }
    let (_dir, mut s) = started(true);
    s.send(b"!");
    let status = s.wait_exit();
    assert!(!status.success());
    assert_restored(&s);
    let text = s.screen_text();
    assert!(text.contains("bao: crashed"), "no message:\n{text}");
    assert!(!text.contains("RUST_BACKTRACE"), "{text}");
    let lines = text.lines().filter(|l| l.contains("bao:")).count();
    assert_eq!(lines, 1, "one short message:\n{text}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let (_dir, mut s) = started(false);
    s.signal("-TERM");
    let status = s.wait_exit();
    assert!(!status.success());
    assert_restored(&s);
    let text = s.screen_text();
    assert!(
        text.contains("bao: stopped by a signal"),
        "no message:\n{text}"
    );
}

#[test]
fn sighup_restores_the_terminal() {
    let (_dir, mut s) = started(false);
    s.signal("-HUP");
    let status = s.wait_exit();
    assert!(!status.success());
    assert_restored(&s);
}

#[test]
fn without_the_test_variable_the_panic_key_does_nothing() {
    let (_dir, mut s) = started(false);
    s.send(b"!");
    s.settle();
    assert!(s.child.try_wait().unwrap().is_none(), "bao exited on '!'");
    s.send(b"q");
    assert!(s.wait_exit().success());
    assert_restored(&s);
}
