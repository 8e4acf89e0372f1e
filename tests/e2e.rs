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
    // Tab to the list, filter to her, select.
    s.send("\ttran");
    s.wait_for("filter: tran");
    s.send("\r");
    s.wait_for("Trần Thị Lộc mention 1/");
    s.send("\tn");
    s.wait_for("Trần Thị Lộc mention 2/");
    s.send("q");
    s.wait_exit();
    s.assert_restored();
}
