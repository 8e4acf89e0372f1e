//! The `bao` command line: JSON Lines, plain text, or the reader.

use anyhow::Result;
use bao::loader::{self, LoadError};
use bao::Article;
use clap::Parser;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

/// A terminal reader for Vietnamese news articles, with the people and organisations they
/// mention.
#[derive(Parser, Debug)]
#[command(name = "bao", version, about, long_about = None)]
struct Cli {
    /// Article files or folders of articles (a folder opens as a library).
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,

    /// Print one JSON object per article (JSON Lines): blocks, people, organisations.
    #[arg(long, conflicts_with = "print")]
    json: bool,

    /// Print the articles as wrapped plain text (the default when stdout is not a terminal).
    #[arg(long, short = 'p')]
    print: bool,

    /// Column width for --print.
    #[arg(long, short = 'w', default_value_t = 80, value_parser = clap::value_parser!(u16).range(10..))]
    width: u16,
}

fn main() -> ExitCode {
    heap::pad();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => ExitCode::from(shown(e)),
    }
}

/// Reports an error that ends the process and gives its exit status. A reader that closed
/// the pipe early (`bao --json … | head`) is no failure.
fn shown(e: anyhow::Error) -> u8 {
    if is_broken_pipe(&e) {
        return 0;
    }
    eprintln!("bao: {e:#}");
    1
}

/// The main thread's heap: grown in big steps, and its first pages made ready in one call.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod heap {
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Where the heap's pages start (0: unknown).
    static START: AtomicUsize = AtomicUsize::new(0);

    /// The heap grows and is given back in steps of 4 MB instead of the pages each allocation
    /// needs: the second thread's arena was grown by ~100 mprotect calls over the dev set, now
    /// ~10. Untouched pages of a step cost no memory (peak RSS of a 20 MB file did not go up).
    /// The heap takes its first step now, so that [`prefault`] finds it.
    pub fn pad() {
        // SAFETY: mallopt only sets a parameter of the allocator; the blocks are freed once.
        unsafe {
            libc::mallopt(libc::M_TOP_PAD, 4 << 20);
            // Two blocks past the first heap's 132 KB and below the mmap threshold (128 KB):
            // the heap grows by a step. black_box: an unused block would not be allocated.
            let a = std::hint::black_box(libc::malloc(120 << 10));
            let b = std::hint::black_box(libc::malloc(120 << 10));
            if !a.is_null() {
                START.store(a as usize & !4095, Ordering::Relaxed);
            }
            libc::free(b);
            libc::free(a);
        }
    }

    /// Makes the pages the heap will use for `files` files ready in one system call, instead
    /// of one page fault each when first touched (the dev set, one thread: ~500 faults, ~300
    /// with 1 MB ready). Only for many files, whose runs were seen to use more than this
    /// (at most 1 MB): pages made ready and not used cost memory and a clearing, and a run of
    /// one long file keeps its big blocks out of this heap (peak RSS of a 20 MB file went up
    /// ~0.4 MB).
    pub fn prefault(files: usize) {
        let start = START.load(Ordering::Relaxed);
        if start == 0 || files < 16 {
            return;
        }
        let want = ((512 << 10) + files.saturating_mul(2 << 10)).min(1 << 20);
        // SAFETY: sbrk(0) only reads the heap's end; [start, end) is the heap's own memory,
        // mapped readable and writable, and POPULATE_WRITE only faults its pages in (an older
        // kernel refuses the advice, which changes nothing).
        unsafe {
            let end = libc::sbrk(0) as usize;
            if end > start {
                let len = want.min(end - start) & !4095;
                libc::madvise(start as *mut libc::c_void, len, libc::MADV_POPULATE_WRITE);
            }
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod heap {
    pub fn pad() {}
    pub fn prefault(_: usize) {}
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Loads every path in parallel, keeping the given order; failures are reported on stderr.
fn load_all(paths: &[PathBuf]) -> (Vec<Article>, bool) {
    let (files, errors) = loader::list_files(paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report(e);
    }
    // Plain output shows no people or organisations, so nothing is extracted.
    let results: Vec<Result<Article, LoadError>> = (0..files.len())
        .into_par_iter()
        .map(|i| files.load(i))
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    (articles, failed)
}

fn report(e: &LoadError) {
    eprintln!("bao: {e}");
}

fn run(cli: Cli) -> Result<ExitCode> {
    let stdout_tty = io::stdout().is_terminal();
    if cli.json {
        return json(&cli.paths);
    }
    if cli.print || !stdout_tty {
        return print(&cli.paths, cli.width as usize);
    }
    reader(&cli.paths)
}

/// The interactive reader: files are listed at once and load in the background.
fn reader(paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, errors) = loader::expand_paths(paths);
    for e in &errors {
        report(e);
    }
    if files.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let exit = bao::tui::run(files)?;
    if exit == bao::tui::Exit::Signal {
        // The terminal is restored by now; say why the reader went away.
        eprintln!("bao: stopped by a signal");
    }
    Ok(match exit {
        bao::tui::Exit::Quit if errors.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}

/// Articles longer than this (bytes of text) are written out as JSON without building the line.
const STREAM_JSON_ABOVE: usize = 1 << 20;

/// How many files may be taken but not yet written: keeps memory flat on a folder of thousands
/// of files while one worker is held up by a long article.
const IN_FLIGHT: usize = 256;

/// How long a worker with nothing left to take waits for a file another worker holds before
/// doing it again itself. On a VM the host can stall one core for 10+ ms (perf sched: 15% of
/// evaluate.py's runs), and the other core then only waited; an article takes ~0.05 ms.
const REDO_AFTER: Duration = Duration::from_millis(1);

/// Files larger than this are never done twice: their worker is busy, not stalled, and a
/// second copy of a long article would double the memory.
const REDO_MAX: u64 = 64 << 10;

enum JsonLine {
    Text(Vec<u8>),
    Article(Box<Article>),
}

/// The workers' common state for `--json`.
struct Shared {
    /// Set once the files are listed (the helper starts before they are).
    files: OnceLock<loader::Files>,
    /// Whether a worker has started building the extractor's tables.
    warming: AtomicBool,
    /// Whether the extractor's tables are built.
    warm: AtomicBool,
    state: Mutex<State>,
    /// Signalled when the files are listed, when lines are written while a worker waits for
    /// room, and when work stops.
    wake: Condvar,
    /// Locked only by the one worker writing (`State::writing`), outside `state`: the other
    /// workers take and finish files while a write waits for the pipe.
    output: Mutex<Output>,
    /// A path given could not be listed (reported already): the exit status says so.
    unlisted: AtomicBool,
    /// A thread has begun ending the process (see [`Shared::end`]).
    ending: AtomicBool,
}

struct Output {
    /// Lines not yet written to stdout: up to [`OUT_BUFFER`] bytes are gathered first.
    buf: Vec<u8>,
    stdout: io::Stdout,
    error: Option<io::Error>,
    /// A file failed to load (reported on stderr).
    failed: bool,
}

/// How many bytes of lines [`Output`] gathers before it writes them out.
const OUT_BUFFER: usize = 1 << 16;

/// The room [`Output`] keeps: a line may go past [`OUT_BUFFER`] before the buffer is written,
/// and below 128 KB the buffer comes from the heap, not from a mapping of its own.
const OUT_ROOM: usize = 96 << 10;

impl Output {
    /// Adds a line made by `put` (its newline added here). Once the lines gathered would go
    /// past [`OUT_BUFFER`], those before this one are written out first, as `BufWriter`
    /// does: a write then fits in a pipe's 64 KB buffer instead of always waiting for the
    /// reader (a line of that size or more is written out alone).
    fn put_line(&mut self, put: impl FnOnce(&mut Vec<u8>)) -> io::Result<()> {
        let start = self.buf.len();
        put(&mut self.buf);
        self.buf.push(b'\n');
        if self.buf.len() > OUT_BUFFER {
            if start > 0 {
                let written = self.stdout.lock().write_all(&self.buf[..start]);
                self.buf.drain(..start);
                written?;
            }
            if self.buf.len() >= OUT_BUFFER {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        let written = self.stdout.lock().write_all(&self.buf);
        self.buf.clear();
        // A long article's line may have grown the buffer; it goes back to its size.
        self.buf.shrink_to(OUT_ROOM);
        written
    }
}

struct State {
    /// The next file to take.
    next: usize,
    /// How many lines (or failures) are out of `ready`, in file order (being written or
    /// written).
    written: usize,
    /// A worker is writing lines out; others leave theirs in `ready` for it.
    writing: bool,
    /// Finished files from `written` on; `None` where one is still being worked on.
    ready: VecDeque<Option<Result<JsonLine, LoadError>>>,
    /// Files loaded before the tables were built, waiting for extraction, in order.
    loaded: VecDeque<(usize, Result<Article, LoadError>)>,
    /// Workers waiting on `wake`.
    waiting: usize,
    /// Files before this one have been taken a second time, or looked at for it.
    redone: usize,
    /// The main thread is working on a file: a helper that writes the last line then ends
    /// the process itself instead of waiting for it.
    main_busy: bool,
    /// A write failed or a worker panicked: everyone stops.
    stop: bool,
    panicked: bool,
}

/// What a worker does next.
enum Task {
    /// Load only: the tables are still being built.
    Load(usize),
    /// Load, extract and make the line.
    Whole(usize),
    /// Extract from a file loaded earlier.
    Extract(usize, Result<Article, LoadError>),
    /// Load and extract a file another worker holds too long; the first line made is kept.
    Redo(usize),
}

impl State {
    fn new() -> State {
        State {
            next: 0,
            written: 0,
            writing: false,
            ready: VecDeque::new(),
            loaded: VecDeque::new(),
            waiting: 0,
            redone: 0,
            main_busy: false,
            stop: false,
            panicked: false,
        }
    }

    /// Whether file `i`'s line is made (written, or ready to be).
    fn done(&self, i: usize) -> bool {
        i < self.written
            || self
                .ready
                .get(i - self.written)
                .is_some_and(Option::is_some)
    }

    /// The first file held by a worker, not yet made and not yet taken a second time.
    fn stalled(&self) -> Option<usize> {
        (self.redone.max(self.written)..self.next)
            .find(|&i| !self.done(i) && !self.loaded.iter().any(|&(j, _)| j == i))
    }
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    // A worker that panicked has said so already; the others only need to stop.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Builds the extractor's tables unless another worker does: the first one free does,
    /// while the others load files.
    fn warm_up(&self) {
        if !self.warming.swap(true, Ordering::AcqRel) {
            bao::warm_up();
            self.warm.store(true, Ordering::Release);
        }
    }

    fn wait<'a>(&self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        st.waiting += 1;
        let mut st = self.wake.wait(st).unwrap_or_else(PoisonError::into_inner);
        st.waiting -= 1;
        st
    }

    /// [`Shared::wait`] for at most `time`; says whether the time ran out.
    fn wait_for<'a>(
        &self,
        mut st: MutexGuard<'a, State>,
        time: Duration,
    ) -> (MutexGuard<'a, State>, bool) {
        st.waiting += 1;
        let (mut st, out) = self
            .wake
            .wait_timeout(st, time)
            .unwrap_or_else(PoisonError::into_inner);
        st.waiting -= 1;
        (st, out.timed_out())
    }

    /// Flushes the output and says whether a file failed. Called once, by the main thread,
    /// or by a helper that wrote the last line while the main thread was still busy.
    fn end(&self) -> Result<bool> {
        let mut out = self.output.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = out.error.take() {
            return Err(e.into());
        }
        out.flush()?;
        Ok(out.failed || self.unlisted.load(Ordering::Relaxed))
    }

    /// Whether this thread is the one to end the process (the other then waits for it).
    fn first_to_end(&self) -> bool {
        !self.ending.swap(true, Ordering::AcqRel)
    }

    fn wake_all(&self, st: &State) {
        // Waking costs a system call; most of the time nobody waits.
        if st.waiting > 0 {
            self.wake.notify_all();
        }
    }

    /// Takes files and finishes them until none is left. Whoever finishes the next line in
    /// order writes it, and the ready ones after it. `main`: this is the main thread.
    fn work(&self, main: bool) {
        // Stops the others if this worker panics, instead of leaving them waiting for it.
        struct OnPanic<'a>(&'a Shared);
        impl Drop for OnPanic<'_> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    let mut st = lock(&self.0.state);
                    st.stop = true;
                    st.panicked = true;
                    self.0.wake.notify_all();
                }
            }
        }
        let _guard = OnPanic(self);
        let mut st = lock(&self.state);
        let files = loop {
            if st.stop {
                return;
            }
            match self.files.get() {
                Some(f) => break f,
                None => st = self.wait(st),
            }
        };
        loop {
            if main {
                st.main_busy = false;
            }
            if st.stop {
                return;
            }
            let warm = self.warm.load(Ordering::Acquire);
            let room = st.next < files.len() && st.next < st.written + IN_FLIGHT;
            let task = if !st.loaded.is_empty() && (warm || !room) {
                // With nothing else to do, extraction waits for the tables being built.
                let (i, r) = st.loaded.pop_front().expect("not empty");
                Task::Extract(i, r)
            } else if room {
                st.next += 1;
                if warm {
                    Task::Whole(st.next - 1)
                } else {
                    Task::Load(st.next - 1)
                }
            } else if st.written >= files.len() {
                return;
            } else {
                // The files left are held by other workers (or IN_FLIGHT are out): wait for
                // them, and do again one held past REDO_AFTER.
                let (s, timed_out) = self.wait_for(st, REDO_AFTER);
                st = s;
                match st.stalled().filter(|_| timed_out && warm) {
                    Some(i) => {
                        st.redone = i + 1;
                        Task::Redo(i)
                    }
                    None => continue,
                }
            };
            if main {
                st.main_busy = true;
            }
            drop(st);
            let (i, line) = match task {
                Task::Load(i) => {
                    let r = files.load(i);
                    st = lock(&self.state);
                    st.loaded.push_back((i, r));
                    continue;
                }
                Task::Whole(i) => (i, extracted(files.load(i))),
                Task::Extract(i, r) => (i, extracted(r)),
                Task::Redo(i) => {
                    let small = std::fs::metadata(&files.paths[i])
                        .is_ok_and(|m| m.is_file() && m.len() <= REDO_MAX);
                    if !small {
                        st = lock(&self.state);
                        continue;
                    }
                    (i, extracted(files.load(i)))
                }
            };
            st = self.finish_article(lock(&self.state), i, line);
            if !main
                && st.main_busy
                && st.written >= files.len()
                && !st.writing
                && !st.stop
                && self.first_to_end()
            {
                // Every line is out while the main thread still works on a file it took
                // again (or its core stalls): ending here saves waiting for it.
                drop(st);
                std::process::exit(match self.end() {
                    Ok(failed) => i32::from(failed),
                    Err(e) => i32::from(shown(e)),
                });
            }
        }
    }

    /// Stores file `i`'s line and, unless another worker is writing, writes out the lines
    /// ready in order from the next one, with `state` unlocked while it writes.
    fn finish<'a>(
        &'a self,
        mut st: MutexGuard<'a, State>,
        i: usize,
        line: Result<JsonLine, LoadError>,
    ) -> MutexGuard<'a, State> {
        if st.done(i) {
            // The other worker on this file made its line first.
            return st;
        }
        let k = i - st.written;
        if st.ready.len() <= k {
            st.ready.resize_with(k + 1, || None);
        }
        st.ready[k] = Some(line);
        if k > 0 || st.writing {
            return st;
        }
        st.writing = true;
        self.write_ready(st)
    }

    /// Finishes file `i` from its extracted article: when it is the next to write and no
    /// worker is writing, its line is made straight into the output's buffer (no line of its
    /// own to allocate and copy), then the lines ready after it are written; otherwise its
    /// line is made and stored as [`Shared::finish`] does.
    fn finish_article<'a>(
        &'a self,
        mut st: MutexGuard<'a, State>,
        i: usize,
        article: Result<Article, LoadError>,
    ) -> MutexGuard<'a, State> {
        if st.done(i) {
            // The other worker on this file made its line first.
            return st;
        }
        let direct = i == st.written && !st.writing && !st.stop;
        let article = match article {
            Ok(a) if direct && a.text.len() <= STREAM_JSON_ABOVE => a,
            other => {
                drop(st);
                let line = other.map(json_line);
                return self.finish(lock(&self.state), i, line);
            }
        };
        // Its place in `ready`, if a later file made one, is taken now.
        if !st.ready.is_empty() {
            st.ready.pop_front();
        }
        st.written += 1;
        st.writing = true;
        // Room for more files: a worker waiting for it goes on while this one is written.
        self.wake_all(&st);
        drop(st);
        let result = {
            let mut out = self.output.lock().unwrap_or_else(PoisonError::into_inner);
            out.put_line(|buf| article.append_json(buf))
                .map_err(|e| out.error = Some(e))
        };
        // Its text serves this thread's next file.
        article.recycle();
        let mut st = lock(&self.state);
        if result.is_err() {
            st.stop = true;
            st.writing = false;
            self.wake_all(&st);
            return st;
        }
        self.write_ready(st)
    }

    /// Writes out the lines ready in order (the caller has set `writing`), with `state`
    /// unlocked while it writes.
    fn write_ready<'a>(&'a self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        let mut lines = Vec::new();
        loop {
            while matches!(st.ready.front(), Some(Some(_))) {
                lines.push(st.ready.pop_front().flatten().expect("ready"));
                st.written += 1;
            }
            if lines.is_empty() || st.stop {
                break;
            }
            // Room for more files: a worker waiting for it goes on while these are written.
            self.wake_all(&st);
            drop(st);
            let result = {
                let mut out = self.output.lock().unwrap_or_else(PoisonError::into_inner);
                lines
                    .drain(..)
                    .try_for_each(|line| write_line(&mut out, line))
                    .map_err(|e| out.error = Some(e))
            };
            st = lock(&self.state);
            if result.is_err() {
                st.stop = true;
                break;
            }
        }
        st.writing = false;
        self.wake_all(&st);
        st
    }
}

/// Finds the people and organisations of a loaded article.
fn extracted(loaded: Result<Article, LoadError>) -> Result<Article, LoadError> {
    loaded.map(|mut a| {
        bao::add_entities(&mut a);
        a
    })
}

/// Makes the line of an extracted article. A long article is kept and written straight out:
/// its line can be several times its text.
fn json_line(a: Article) -> JsonLine {
    if a.text.len() > STREAM_JSON_ABOVE {
        JsonLine::Article(Box::new(a))
    } else {
        // Sized once: a line is under twice its text (block texts, plus offsets and
        // mentions), so it never grows by copying itself.
        let mut line = Vec::with_capacity(2 * a.text.len() + 1024);
        a.append_json(&mut line);
        a.recycle();
        JsonLine::Text(line)
    }
}

fn write_line(out: &mut Output, line: Result<JsonLine, LoadError>) -> io::Result<()> {
    match line {
        Ok(JsonLine::Text(l)) => out.put_line(|buf| buf.extend_from_slice(&l)),
        Ok(JsonLine::Article(a)) => {
            out.flush()?;
            let mut stdout = out.stdout.lock();
            let mut w = io::BufWriter::with_capacity(OUT_BUFFER, &mut stdout);
            a.write_json(&mut w)?;
            w.write_all(b"\n")?;
            w.flush()
        }
        Err(e) => {
            report(&e);
            out.failed = true;
            Ok(())
        }
    }
}

/// How many threads work on `--json`: one per core, or `RAYON_NUM_THREADS` as elsewhere.
fn workers() -> usize {
    requested_workers()
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// `RAYON_NUM_THREADS`, when it is set to a count.
fn requested_workers() -> Option<usize> {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
}

/// Whether this process may run on more than one core, by one system call: what
/// `available_parallelism` answers first, before it reads the cgroup files (a dozen more).
#[cfg(target_os = "linux")]
fn several_cores() -> bool {
    // SAFETY: a zeroed cpu_set_t is a valid empty set, and the call writes at most its size.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0
            && libc::CPU_COUNT(&set) > 1
    }
}

#[cfg(not(target_os = "linux"))]
fn several_cores() -> bool {
    workers() > 1
}

/// Keeps a helper off the core of the thread that spawned it. Linux puts a new thread on its
/// parent's core when the parent has only just started (its load average is still near
/// zero), and then often leaves the two to share that core in 4 ms slices while the other
/// core idles: perf sched showed it in about half of evaluate.py's runs, which then took as
/// long as one thread (dev set: 20-30 ms instead of 13-16). Narrowing the helper's affinity
/// moves it at once; it keeps every other core this process may use. Returns the core it
/// was kept off, if any.
#[cfg(target_os = "linux")]
fn away_from_here<T>(helper: &std::thread::JoinHandle<T>) -> Option<usize> {
    use std::os::unix::thread::JoinHandleExt;
    // SAFETY: a zeroed cpu_set_t is a valid empty set, the calls read and write at most its
    // size, CPU_CLR checks its index against that size, and the helper has not been joined,
    // so its pthread_t is valid.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        let size = std::mem::size_of::<libc::cpu_set_t>();
        let here = usize::try_from(libc::sched_getcpu()).ok()?;
        if libc::sched_getaffinity(0, size, &mut set) != 0 {
            return None;
        }
        libc::CPU_CLR(here, &mut set);
        // A failure (a cpuset that changed meanwhile) leaves the helper where it is.
        (libc::CPU_COUNT(&set) > 0
            && libc::pthread_setaffinity_np(helper.as_pthread_t(), size, &set) == 0)
            .then_some(here)
    }
}

#[cfg(not(target_os = "linux"))]
fn away_from_here<T>(_: &std::thread::JoinHandle<T>) -> Option<usize> {
    None
}

/// One line per file, in order, made by this thread and helpers. A helper builds the
/// extractor's tables while this thread lists the files and loads the first ones (a thread
/// that extracted meanwhile would only wait for the tables); when no helper has started by
/// the time the files are listed, this thread builds them and the helpers load.
fn json(paths: &[PathBuf]) -> Result<ExitCode> {
    let shared = Shared {
        files: OnceLock::new(),
        warming: AtomicBool::new(false),
        warm: AtomicBool::new(false),
        state: Mutex::new(State::new()),
        wake: Condvar::new(),
        output: Mutex::new(Output {
            buf: Vec::with_capacity(OUT_ROOM),
            stdout: io::stdout(),
            error: None,
            failed: false,
        }),
        unlisted: AtomicBool::new(false),
        ending: AtomicBool::new(false),
    };
    let shared = Arc::new(shared);
    let helper = || {
        let shared = Arc::clone(&shared);
        let handle = std::thread::spawn(move || {
            shared.warm_up();
            shared.work(false);
            // Parked until the process exits: a thread that ends drops its thread-local
            // caches (the extractor's keyed words, ~1M instructions here), which exiting skips.
            loop {
                std::thread::park();
            }
        });
        away_from_here(&handle);
    };
    // The first helper builds the tables every extraction waits for, so it starts as soon as
    // a second core is known to exist, before the count of cores (cgroup files) is asked for.
    let mut helpers = 0;
    if requested_workers().is_none() && several_cores() {
        helper();
        helpers = 1;
    }
    for _ in helpers + 1..workers().max(helpers + 1) {
        helper();
    }
    let (files, errors) = loader::list_files(paths);
    for e in &errors {
        report(e);
    }
    let n = files.len();
    heap::prefault(n);
    widen_pipe();
    shared.unlisted.store(!errors.is_empty(), Ordering::Relaxed);
    let _ = shared.files.set(files);
    shared.wake_all(&lock(&shared.state));
    // A helper that has not started yet leaves the tables to this thread.
    shared.warm_up();
    shared.work(true);
    // The helpers' last lines.
    let mut st = lock(&shared.state);
    // A worker that panicked while writing never clears `writing`.
    while !st.panicked && ((!st.stop && st.written < n) || st.writing) {
        st = shared.wait(st);
    }
    assert!(!st.panicked, "a --json worker panicked");
    drop(st);
    if !shared.first_to_end() {
        // A helper is ending the process.
        loop {
            std::thread::park();
        }
    }
    shared.end().map(exit)
}

/// When stdout is a pipe, its buffer grows from 64 KB to 1 MB (Linux's most for a user): the
/// lines of a few hundred articles go out without the writer waiting for the reader each
/// 64 KB (dev set, read as evaluate.py does: voluntary context switches 24 -> 4 a run). An
/// error (not a pipe, or over the user's pipe quota) leaves the pipe as it was.
fn widen_pipe() {
    #[cfg(target_os = "linux")]
    // SAFETY: F_SETPIPE_SZ only resizes the pipe's buffer, keeping what it holds.
    unsafe {
        libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
    }
}

fn print(paths: &[PathBuf], width: usize) -> Result<ExitCode> {
    let (articles, failed) = load_all(paths);
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(bao::plain::render(a, width).as_bytes())?;
    }
    out.flush()?;
    Ok(exit(failed))
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod state_tests {
    use super::{JsonLine, State};

    fn line() -> Option<Result<JsonLine, bao::loader::LoadError>> {
        Some(Ok(JsonLine::Text(b"{}".to_vec())))
    }

    #[test]
    fn the_first_file_held_is_the_one_done_again() {
        let mut st = State::new();
        // Files 0-1 written; 2 and 4 held by workers; 3 made and waiting for 2; 5 loaded
        // before the tables were built, waiting for a worker.
        st.written = 2;
        st.next = 6;
        st.ready.extend([None, line(), None]);
        st.loaded.push_back((
            5,
            Err(bao::loader::LoadError::EmptyFolder { path: "a".into() }),
        ));
        assert!(st.done(0) && st.done(1) && st.done(3));
        assert!(!st.done(2) && !st.done(4) && !st.done(5));
        assert_eq!(st.stalled(), Some(2));
        // Once 2 is taken a second time, the next held one is 4; a loaded file is nobody's.
        st.redone = 3;
        assert_eq!(st.stalled(), Some(4));
        st.redone = 5;
        assert_eq!(st.stalled(), None);
    }

    #[test]
    fn nothing_is_done_again_when_every_file_taken_is_made() {
        let mut st = State::new();
        assert_eq!(st.stalled(), None);
        st.written = 3;
        st.next = 5;
        st.ready.extend([line(), line()]);
        assert_eq!(st.stalled(), None);
        assert!(st.done(4) && !st.done(5));
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::away_from_here;

    fn affinity() -> libc::cpu_set_t {
        // SAFETY: as in `away_from_here`.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of_val(&set);
            assert_eq!(libc::sched_getaffinity(0, size, &mut set), 0);
            set
        }
    }

    fn cores(set: &libc::cpu_set_t) -> Vec<usize> {
        // SAFETY: indices below CPU_SETSIZE.
        (0..libc::CPU_SETSIZE as usize)
            .filter(|&c| unsafe { libc::CPU_ISSET(c, set) })
            .collect()
    }

    #[test]
    fn a_helper_keeps_every_core_but_its_spawners() {
        let all = cores(&affinity());
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let helper = std::thread::spawn(move || {
            rx.recv().unwrap();
            cores(&affinity())
        });
        let kept_off = away_from_here(&helper);
        tx.send(()).unwrap();
        let helpers = helper.join().unwrap();
        match kept_off {
            Some(here) => {
                let rest: Vec<usize> = all.iter().copied().filter(|&c| c != here).collect();
                assert!(all.contains(&here));
                assert_eq!(helpers, rest);
            }
            // One core: nowhere else to go, and the helper keeps it.
            None => {
                assert_eq!(all.len(), 1);
                assert_eq!(helpers, all);
            }
        }
    }
}
