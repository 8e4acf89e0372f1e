//! The terminal shell: the only module doing terminal I/O.
//!
//! It sets the terminal up (raw mode, alternate screen, mouse on, bracketed paste off), loads the
//! articles on background threads, turns events into actions and draws. The terminal is restored
//! on every way out: quit, Ctrl-C (a key in raw mode), an error (a Drop guard), a panic (a hook
//! installed before ratatui's own) and SIGTERM/SIGHUP (a flag the loop checks).
//!
//! It also keeps the reading positions: read from the state file before the terminal is taken,
//! handed to the app as actions, and written back (atomically) once the terminal is restored;
//! a state file that cannot be used is reported in one line then, never in the way of reading.

use crate::app::{Action, App};
use crate::positions::{self, FileKey, Positions};
use crate::{keymap, ui};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableMouseCapture, Event, KeyEvent,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, stdout};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// How long the loop waits for input before looking at loaded articles and signals again.
const TICK: Duration = Duration::from_millis(50);
/// Articles above this size are shown before their people and organisations are found.
const SHOW_BEFORE_EXTRACTING: usize = 1 << 20;
/// Loaded articles taken per turn of the loop, so keys never wait behind a flood of them.
const LOADS_PER_TURN: usize = 1024;

/// Why the reader stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal,
}

/// Restores the terminal when dropped: the path out on errors and unwinding.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was; safe to call more than once.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(stdout(), cursor::Show);
}

/// Our panic hook: ratatui's hook (installed after, so it runs first) has left raw mode and the
/// alternate screen; this turns mouse reporting off, shows the cursor and prints one line.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("bao: crashed: {msg}{place}");
    }));
}

/// Runs the reader over `files` until the person quits, then saves where each article was left.
pub fn run(files: Vec<PathBuf>) -> io::Result<Exit> {
    let state = positions::state_file_from_env();
    let mut warnings = Vec::new();
    let remembered = state.as_deref().map(|f| {
        Positions::load(f).unwrap_or_else(|e| {
            warnings.push(format!("ignored the saved reading positions: {e}"));
            Positions::default()
        })
    });
    let (keys_tx, keys_rx) = mpsc::channel();
    let result = session(files, remembered.map(Arc::new), keys_tx);
    // Already done by the session's guard; the warnings must come after it.
    restore();
    let result = result.map(|(exit, app)| {
        if let Some(file) = &state {
            let keys: HashMap<usize, FileKey> = keys_rx.try_iter().collect();
            if let Err(e) = save_positions(file, &app, &keys) {
                warnings.push(format!("could not save reading positions: {e}"));
            }
        }
        exit
    });
    for w in warnings {
        eprintln!("bao: {w}");
    }
    result
}

/// Writes the positions the person left in this run into the state file, over what is there
/// now (another bao may have saved meanwhile; an unusable file was reported at start).
fn save_positions(
    file: &Path,
    app: &App,
    keys: &HashMap<usize, FileKey>,
) -> Result<(), positions::PositionsError> {
    let left: Vec<(&FileKey, positions::Position)> = app
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.left)
        .filter_map(|(i, m)| Some((keys.get(&i)?, m.at?)))
        .collect();
    if left.is_empty() {
        return Ok(());
    }
    let mut all = Positions::load(file).unwrap_or_default();
    for (k, at) in left {
        all.set(k, at);
    }
    all.save(file)
}

/// The terminal part of [`run`]: returns the app as it was at the end.
fn session(
    files: Vec<PathBuf>,
    remembered: Option<Arc<Positions>>,
    keys: mpsc::Sender<(usize, FileKey)>,
) -> io::Result<(Exit, App)> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let _guard = Guard;
    execute!(stdout(), EnableMouseCapture, DisableBracketedPaste)?;

    let (tx, rx) = mpsc::channel::<Action>();
    let mut app = App::loading(files.clone());
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    spawn_loader(files, tx, remembered, keys);

    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let test_panic =
        cfg!(debug_assertions) && std::env::var("BAO_TEST_PANIC").as_deref() == Ok("1");
    let mut dirty = true;
    loop {
        for a in rx.try_iter().take(LOADS_PER_TURN) {
            app.update(a);
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| ui::render(&app, f))?;
            dirty = false;
        }
        if stop.load(Ordering::Relaxed) {
            app.leave();
            return Ok((Exit::Signal, app));
        }
        // With background work to do, only look for input; without, wait for it.
        let idle = app.has_idle_work();
        if !event::poll(if idle { Duration::ZERO } else { TICK })? {
            if idle {
                app.update(Action::Idle);
                dirty = true;
            }
            continue;
        }
        // Take every pending event before drawing again, so held keys never queue up frames.
        loop {
            let ev = event::read()?;
            if let Event::Key(k) = &ev {
                if test_panic && is_bang(k) {
                    panic!("test panic (BAO_TEST_PANIC=1)");
                }
            }
            if let Some(a) = action_for(&app, ev) {
                app.update(a);
                dirty = true;
            }
            if app.quit {
                return Ok((Exit::Quit, app));
            }
            if stop.load(Ordering::Relaxed) || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// SIGTERM, SIGHUP and SIGINT (in raw mode Ctrl-C is a key, but `kill -INT` is a signal) set
/// `stop`, which the loop checks every turn. When the terminal has hung up, crossterm's poll can
/// spin without returning, so if the loop has not ended shortly after, this thread restores the
/// terminal and exits itself.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(500));
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

fn is_bang(k: &KeyEvent) -> bool {
    k.code == event::KeyCode::Char('!')
}

/// Loads and extracts every file on rayon's threads; each result arrives as an action, after
/// where the file was left last time (when positions are kept) and its key goes to `keys`.
fn spawn_loader(
    files: Vec<PathBuf>,
    tx: mpsc::Sender<Action>,
    remembered: Option<Arc<Positions>>,
    keys: mpsc::Sender<(usize, FileKey)>,
) {
    std::thread::spawn(move || {
        files
            .par_iter()
            .enumerate()
            .for_each_with((tx, keys), |(tx, keys), (index, path)| {
                // The app may have quit; nobody listens then, so sends are not checked.
                if let Some(p) = &remembered {
                    if let Some(k) = FileKey::of(path) {
                        let at = p.get(&k);
                        let _ = keys.send((index, k));
                        let _ = tx.send(Action::Resume { index, at });
                    }
                }
                match crate::loader::load_file(path) {
                    Err(e) => {
                        let _ = tx.send(Action::Loaded {
                            index,
                            result: Err(e.to_string()),
                        });
                    }
                    Ok(a) if a.text.len() > SHOW_BEFORE_EXTRACTING => {
                        // A big article is readable before its entities are found; the app
                        // and this thread share it meanwhile.
                        let a = Arc::new(a);
                        let _ = tx.send(Action::Parsed {
                            index,
                            article: Arc::clone(&a),
                        });
                        let entities = crate::extract::extract(&a);
                        drop(a);
                        let _ = tx.send(Action::Entities { index, entities });
                    }
                    Ok(mut a) => {
                        let entities = crate::extract::extract(&a);
                        a.set_entities(entities);
                        let _ = tx.send(Action::Loaded {
                            index,
                            result: Ok(Box::new(a)),
                        });
                    }
                }
            });
    });
}

fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for(app, &k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}
