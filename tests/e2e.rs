//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100), driven by
//! keys: what a person would see, and that the terminal is given back intact on every exit.

#![cfg(unix)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 35;
const COLS: u16 = 120;
/// Generous: the machine is shared; nothing here measures speed.
const DEADLINE: Duration = Duration::from_secs(20);
const TITLE: &str = "Tổng kết Chương trình phối hợp";

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bao"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Reading positions stay out of the person's home; the tests about them turn them on.
        cmd.env("BAO_NO_STATE", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn bao");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => p.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `what`, or fails showing the screen.
    fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.contents().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {what:?}; the screen:\n{}", self.contents());
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end; returns whether it ended on its own.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("bao did not exit; the screen:\n{}", self.contents());
    }

    /// The terminal is back to normal: main screen, no mouse reporting, cursor shown.
    fn assert_restored(&self) {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        assert!(!s.alternate_screen(), "the alternate screen was left");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is off"
        );
        assert!(!s.hide_cursor(), "the cursor is shown");
    }

    /// The top row of the screen, without trailing blanks.
    fn first_row(&self) -> String {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        s.contents_between(0, 0, 0, s.size().1)
            .trim_end()
            .to_owned()
    }

    /// Waits until the top row is `want`, or fails showing the screen.
    fn wait_first_row(&self, want: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.first_row() == want {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the top row never was {want:?}; the screen:\n{}",
            self.contents()
        );
    }

    fn in_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn search_then_quit() {
    let mut s = Session::start(&["seeds"], &[]);
    s.wait_for(TITLE);
    assert!(s.in_alternate_screen());
    assert_ne!(
        s.parser.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting is on while reading"
    );
    s.send("/tran thi loc\r");
    s.wait_for("/tran thi loc match 1/");
    s.send("n");
    s.wait_for("/tran thi loc match 2/");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_at_once() {
    let mut s = Session::start(&["seeds"], &[]);
    s.wait_for(TITLE);
    // Even in the middle of typing a search.
    s.send("/tra");
    s.wait_for("/tra");
    s.send("\x03");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn sighup_and_sigterm_restore_the_terminal() {
    let mut s = Session::start(&["seeds"], &[]);
    s.wait_for(TITLE);
    s.child.clone_killer().kill().unwrap(); // SIGHUP
    s.wait_exit();
    s.assert_restored();

    let mut s = Session::start(&["seeds"], &[]);
    s.wait_for(TITLE);
    let pid = s.child.process_id().expect("a pid");
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    s.wait_exit();
    s.assert_restored();
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start(&["seeds"], &[("BAO_TEST_PANIC", "1")]);
    s.wait_for(TITLE);
    s.send("!");
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let screen = s.contents();
    assert!(screen.contains("bao: crashed: test panic"), "{screen}");
    assert_eq!(
        screen.lines().filter(|l| l.contains("panic")).count(),
        1,
        "one line: {screen}"
    );
}

/// Whether the extractor (built in parallel by others) finds people in the seed yet.
fn extractor_finds_people() -> bool {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_c0b6449328fbf434.txt");
    let a = bao::open_article(&path).expect("the seed loads");
    !a.people.is_empty()
}

#[test]
fn people_and_selecting_a_person() {
    if !extractor_finds_people() {
        eprintln!("skipped: the extractor finds no people yet");
        return;
    }
    let mut s = Session::start(&["seeds"], &[]);
    s.wait_for(TITLE);
    for name in ["Trần Thị Lộc", "Hoàng Thu Trang", "Phạm Duy Hưng"] {
        s.wait_for(name);
    }
    // Tab to the list, `/` to filter to her, Enter to keep the filter, Enter to select.
    s.send("\t/tran");
    s.wait_for("filter: tran");
    s.send("\r");
    s.wait_for("Enter select");
    s.send("\r");
    s.wait_for("Trần Thị Lộc mention 1/");
    s.send("\tn");
    s.wait_for("Trần Thị Lộc mention 2/");
    s.send("q");
    s.wait_exit();
    s.assert_restored();
}

const SEED: &str = "seeds/000_c0b6449328fbf434.txt";

/// The seed's bytes and modification time: bao never writes to what it reads.
fn seed_state() -> (Vec<u8>, std::time::SystemTime) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    (
        std::fs::read(&p).unwrap(),
        std::fs::metadata(&p).unwrap().modified().unwrap(),
    )
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_reading_position_is_kept_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().to_str().unwrap();
    let env = [("BAO_STATE_DIR", state), ("BAO_NO_STATE", "0")];
    let seed = seed_state();

    let mut s = Session::start(&[SEED], &env);
    s.wait_for(TITLE);
    let title_row = s.first_row();
    // To the end, then a little back up: a place in the middle of a line list.
    s.send("G");
    s.wait_for("100%");
    std::thread::sleep(Duration::from_millis(200));
    let end_row = s.first_row();
    s.send("kkkkk");
    let start = Instant::now();
    while s.first_row() == end_row && start.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let row = s.first_row();
    assert_ne!(row, end_row, "scrolled up from the end");
    assert_ne!(row, title_row, "scrolled away from the top");
    assert!(!row.is_empty());
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    assert_eq!(
        names_in(dir.path()),
        ["positions.json"],
        "no temporary file left"
    );

    let s = Session::start(&[SEED], &env);
    s.wait_first_row(&row);
    drop(s);

    // Without state the same file opens at the top.
    let s = Session::start(&[SEED], &[("BAO_STATE_DIR", state)]);
    s.wait_first_row(&title_row);
    drop(s);
    assert_eq!(seed_state(), seed, "the article is never written to");
}

#[test]
fn a_corrupt_positions_file_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("positions.json");
    std::fs::write(&file, "{\"version\": 1, \"entries\": [tru").unwrap();
    let state = dir.path().to_str().unwrap();
    let mut s = Session::start(&[SEED], &[("BAO_STATE_DIR", state), ("BAO_NO_STATE", "0")]);
    s.wait_for(TITLE);
    s.send("jjj");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let screen = s.contents();
    let warnings: Vec<&str> = screen.lines().filter(|l| l.contains("bao:")).collect();
    assert_eq!(warnings.len(), 1, "one line: {screen}");
    assert!(
        warnings[0].contains("positions.json") && warnings[0].contains("corrupt"),
        "{screen}"
    );
    // The file was replaced by a good one, atomically.
    assert!(bao::positions::Positions::load(&file).is_ok());
    assert_eq!(names_in(dir.path()), ["positions.json"]);
}
