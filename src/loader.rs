//! Text → [`Article`]; files and folders → articles.
//!
//! The parser reads the layout Vietnamese news pages are saved in: a title line, an optional
//! time line, the lead, paragraphs (one per line), short headings, photo captions (often printed
//! twice in a row), a short byline at the end and the site's footer, which is dropped.

use crate::decode::{self, DecodeError};
use crate::document::{Article, Block, BlockKind, Published};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Files above this size are refused: no news article is this long.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// A title longer than this is not a headline but a paragraph (a file that is one long line).
const MAX_TITLE_CHARS: usize = 300;

/// Why a path did not give an article.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {source}")]
    Decode {
        path: PathBuf,
        #[source]
        source: DecodeError,
    },
    #[error("{path}: file is too large ({size} bytes; the limit is {} MB)", limit / (1024 * 1024))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: no article files in this folder")]
    EmptyFolder { path: PathBuf },
    #[error("{path}: not a file or folder")]
    NotAFile { path: PathBuf },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Decode { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::EmptyFolder { path }
            | LoadError::NotAFile { path } => path,
        }
    }
}

/// Footers that sites print after the article; they and all after them are dropped.
const FOOTERS: &[&str] = &[
    "ý kiến bạn đọc",
    "ý kiến của bạn",
    "bình luận",
    "gửi bình luận",
    "tin liên quan",
    "bài viết liên quan",
];

/// Reads one file into an article (no entities yet).
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    let file = open(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    load_open(path, file)
}

/// [`load_file`] of `path`, already open as `file`.
fn load_open(path: &Path, file: fs::File) -> Result<Article, LoadError> {
    load_read(path, file, false)
}

/// [`load_open`], with `file` read from its start again when `rewind`.
fn load_read(path: &Path, mut file: fs::File, rewind: bool) -> Result<Article, LoadError> {
    use std::io::Seek;
    let io_err = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // Asked of the open file: a second look-up of the path costs as much as the open itself.
    let meta = file.metadata().map_err(io_err)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_SIZE,
        });
    }
    if rewind {
        file.rewind().map_err(io_err)?;
    }
    let too_large = |size: usize| LoadError::TooLarge {
        path: path.to_owned(),
        size: size as u64,
        limit: MAX_FILE_SIZE,
    };
    let decoded = if meta.len() < REUSED_READ_BUFFER as u64 {
        READ_BUFFER.with_borrow_mut(|buf| {
            Ok(match read_small(file, meta.len(), buf).map_err(io_err)? {
                Ok(bytes) => decode::decode(bytes),
                Err(bytes) if bytes.len() as u64 > MAX_FILE_SIZE => {
                    return Err(too_large(bytes.len()))
                }
                Err(bytes) => decode::decode_vec(bytes),
            })
        })?
    } else {
        let bytes = read_all(file, meta.len()).map_err(io_err)?;
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(too_large(bytes.len()));
        }
        decode::decode_vec(bytes)
    };
    let text = decoded.map_err(|source| LoadError::Decode {
        path: path.to_owned(),
        source,
    })?;
    // What `path.display()` shows (invalid UTF-8 as U+FFFD), without the formatting machinery.
    Ok(parse(text, &path.to_string_lossy()))
}

/// Opens `path` for reading without waiting: a FIFO opened for reading would block until a
/// writer came, and a terminal must not become ours. What is not a regular file is refused
/// after the open, from its metadata.
fn open(path: &Path) -> io::Result<fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(path)
    }
    #[cfg(not(unix))]
    {
        fs::File::open(path)
    }
}

/// Files smaller than this are read into the thread's [`READ_BUFFER`].
const REUSED_READ_BUFFER: usize = 1 << 20;

thread_local! {
    /// The buffer small files are read into, kept for the thread's next file: a file's bytes
    /// are copied into its text anyway, and a buffer allocated and zeroed for every file cost
    /// as much as checking its text. Never larger than [`REUSED_READ_BUFFER`].
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`read_all`] into `buf` for a file of `size` bytes (below [`REUSED_READ_BUFFER`]): its
/// bytes in `buf` when the one read gives exactly `size` of them, else (the file changed)
/// all of it in a new vector.
fn read_small(file: fs::File, size: u64, buf: &mut Vec<u8>) -> io::Result<Result<&[u8], Vec<u8>>> {
    let want = size as usize + 1;
    if buf.len() < want {
        // Grown (and zeroed) only past the largest file yet.
        buf.resize(want.next_power_of_two().min(REUSED_READ_BUFFER), 0);
    }
    let mut file = file.take(MAX_FILE_SIZE + 1);
    let got = loop {
        match file.read(&mut buf[..want]) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => break r?,
        }
    };
    if got as u64 == size {
        return Ok(Ok(&buf[..got]));
    }
    let mut bytes = buf[..got].to_vec();
    file.read_to_end(&mut bytes)?;
    Ok(Err(bytes))
}

/// Reads a file that had `size` bytes when it was looked at. Reads at most one byte past the
/// limit: a file that grows after the size check is still refused, and a device or FIFO
/// disguised as a file cannot make us read forever.
fn read_all(file: fs::File, size: u64) -> io::Result<Vec<u8>> {
    let mut file = file.take(MAX_FILE_SIZE + 1);
    // One read asks for a byte more than the file had: getting exactly its size back is its
    // end, and the second read that `read_to_end` spends to see the end is saved (a system
    // call per file, for files of a few kilobytes). A file that changed is read to its end.
    // (A read of 0 bytes is the end too, so an empty file needs no second look either.)
    let mut bytes = vec![0; size as usize + 1];
    let got = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => break r?,
        }
    };
    bytes.truncate(got);
    if got as u64 != size {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Files in a folder that are articles: visible, with no extension or a text one, and not the
/// folder's own README or licence (a folder of articles often explains itself in one).
fn is_article_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') {
        return false;
    }
    let stem = name.split('.').next().unwrap_or("").to_ascii_lowercase();
    if matches!(stem.as_str(), "readme" | "license" | "licence" | "copying") {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => matches!(
            ext.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "markdown"
        ),
    }
}

/// Expands folders (their article files, sorted, hidden ones skipped) and keeps files as given.
/// A path that fails is reported in the second list; the rest still load.
pub fn expand_paths<P: AsRef<Path>>(paths: &[P]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let (files, errors) = list_files(paths);
    (files.paths, errors)
}

/// The files [`list_files`] found, with what listing their folder told: such a file is
/// opened by its name in the folder, held open, instead of by its whole path (a look-up of
/// every folder on the way, for each file).
pub struct Files {
    pub paths: Vec<PathBuf>,
    /// The folders listed paths are in, open.
    folders: Vec<Folder>,
    /// For each path listed as a regular file, the index of its folder in `folders`
    /// ([`NOT_LISTED`] for the others).
    listed: Vec<u32>,
}

/// [`Files::listed`] of a path that is looked up and opened by its whole path.
const NOT_LISTED: u32 = u32::MAX;

impl Files {
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// [`load_file`] of file `i`.
    pub fn load(&self, i: usize) -> Result<Article, LoadError> {
        let path = &self.paths[i];
        #[cfg(unix)]
        if let Some(folder) = self.folders.get(self.listed[i] as usize) {
            use std::os::fd::AsFd;
            let file = open_in(folder.as_fd(), path).map_err(|source| LoadError::Io {
                path: path.to_owned(),
                source,
            })?;
            return load_listed(path, file);
        }
        load_file(path)
    }
}

/// [`load_open`] of a file its folder listed as a regular file, without asking the file for
/// its metadata (a system call per file): one read into the thread's buffer that stops short
/// of filling it is the whole file, as reads of regular files stop short only at their end.
/// Anything else (an empty read, a full buffer, an error: a file grown large, or replaced
/// by something else since the listing) goes the way of [`load_open`], from the start.
#[cfg(unix)]
fn load_listed(path: &Path, file: fs::File) -> Result<Article, LoadError> {
    let text = READ_BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        buf.reserve(FIRST_READ);
        let room = buf.capacity();
        // Into the buffer's spare room, not zeroed first; the read sets its length.
        let got = loop {
            match rustix::io::read(&file, rustix::buffer::spare_capacity(buf)) {
                Err(rustix::io::Errno::INTR) => continue,
                r => break r,
            }
        };
        if !matches!(got, Ok(n) if n > 0 && n < room) {
            return None;
        }
        Some(decode::decode(buf))
    });
    match text {
        Some(decoded) => {
            let text = decoded.map_err(|source| LoadError::Decode {
                path: path.to_owned(),
                source,
            })?;
            Ok(parse(text, &path.to_string_lossy()))
        }
        None => load_read(path, file, true),
    }
}

/// How much [`load_listed`] reads at first: more than news articles have.
#[cfg(unix)]
const FIRST_READ: usize = 64 << 10;

/// [`expand_paths`], keeping what the listing of the paths' folder told for [`Files::load`].
pub fn list_files<P: AsRef<Path>>(paths: &[P]) -> (Files, Vec<LoadError>) {
    let mut files = Vec::with_capacity(paths.len());
    let mut errors = Vec::new();
    let listing = listed_files(paths);
    let mut folders = Vec::new();
    let mut listed = Vec::with_capacity(paths.len());
    let in_folder = listing.folder.is_some();
    folders.extend(listing.folder);
    for (i, p) in paths.iter().enumerate() {
        let p = p.as_ref();
        if in_folder && listing.listed.get(i) == Some(&true) {
            listed.resize(files.len(), NOT_LISTED);
            listed.push(0);
            files.push(p.to_owned());
            continue;
        }
        match fs::metadata(p) {
            Err(source) => errors.push(LoadError::Io {
                path: p.to_owned(),
                source,
            }),
            Ok(m) if m.is_dir() => match fs::read_dir(p) {
                Err(source) => errors.push(LoadError::Io {
                    path: p.to_owned(),
                    source,
                }),
                Ok(entries) => {
                    let mut found: Vec<(PathBuf, bool)> = entries
                        .filter_map(|e| e.ok())
                        .filter_map(|e| {
                            // A regular file by the listing (its type comes with it where the
                            // file system gives it) needs no look-up, and opens by its name in
                            // the folder. Others are looked up: this follows symlinks; one
                            // that cannot be followed is kept so that loading it reports why.
                            let regular = e.file_type().is_ok_and(|t| t.is_file());
                            let path = e.path();
                            (regular || !path.is_dir()).then_some((path, regular))
                        })
                        .filter(|(p, _)| is_article_file(p))
                        .collect();
                    if found.is_empty() {
                        errors.push(LoadError::EmptyFolder { path: p.to_owned() });
                    }
                    found.sort();
                    let folder = u32::try_from(folders.len())
                        .ok()
                        .filter(|_| found.iter().any(|&(_, regular)| regular))
                        .and_then(|k| open_folder(p).ok().map(|f| (k, f)));
                    listed.resize(files.len(), NOT_LISTED);
                    match folder {
                        Some((k, f)) => {
                            folders.push(f);
                            listed
                                .extend(found.iter().map(|&(_, r)| if r { k } else { NOT_LISTED }));
                        }
                        None => listed.resize(files.len() + found.len(), NOT_LISTED),
                    }
                    files.extend(found.into_iter().map(|(p, _)| p));
                }
            },
            Ok(_) => files.push(p.to_owned()),
        }
    }
    listed.resize(files.len(), NOT_LISTED);
    let files = Files {
        paths: files,
        folders,
        listed,
    };
    (files, errors)
}

/// Opens the file of `path`, a plain `folder/name`, by its name in `folder` (open): as
/// [`open`] does, without looking up every folder of the path again.
#[cfg(unix)]
fn open_in(folder: std::os::fd::BorrowedFd, path: &Path) -> io::Result<fs::File> {
    use rustix::fs::{Mode, OFlags};
    use std::os::unix::ffi::OsStrExt;
    let b = path.as_os_str().as_bytes();
    let name = std::ffi::OsStr::from_bytes(&b[memchr::memrchr(b'/', b).map_or(0, |i| i + 1)..]);
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    loop {
        match rustix::fs::openat(folder, name, flags, Mode::empty()) {
            Ok(fd) => return Ok(fs::File::from(fd)),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// What [`listed_files`] found out.
#[derive(Default)]
struct Listing {
    /// For each path, `true` when it is a regular file of `folder` by its listing.
    listed: Vec<bool>,
    /// The folder the listed files are in, open.
    folder: Option<Folder>,
}

/// An open folder, to open files in by their names.
#[cfg(unix)]
type Folder = std::os::fd::OwnedFd;
#[cfg(not(unix))]
type Folder = std::convert::Infallible;

/// From this many paths on, [`listed_files`] reads their folder instead of looking each up.
const LIST_FOLDER_FROM: usize = 16;

/// For each of `paths`, `true` when the listing of the folder most of them name shows a regular
/// file by that name: what `fs::metadata` would say of it, for many files at the cost of one
/// look-up and a folder read instead of a look-up each (a shell glob passes hundreds of files of
/// one folder). `false` means "look it up": another folder, a symlink, a folder, a name not
/// listed, a path not of the plain form `folder/name`. Empty below [`LIST_FOLDER_FROM`] paths.
/// The folder is kept open for [`open_in`].
#[cfg(unix)]
fn listed_files<P: AsRef<Path>>(paths: &[P]) -> Listing {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    // `folder/name` split at the last slash, the name a plain one; what Path::parent would
    // normalise ("a/./b", "a/b/") is left to the look-up.
    fn split(p: &Path) -> Option<(&[u8], &OsStr)> {
        let b = p.as_os_str().as_bytes();
        let (folder, name) = match memchr::memrchr(b'/', b) {
            Some(0) => (&b[..1], &b[1..]),
            Some(i) => (&b[..i], &b[i + 1..]),
            None => (&b"."[..], b),
        };
        let plain = !name.is_empty() && name != b"." && name != b"..";
        plain.then_some((folder, OsStr::from_bytes(name)))
    }
    if paths.len() < LIST_FOLDER_FROM {
        return Listing::default();
    }
    let Some((folder, _)) = split(paths[0].as_ref()) else {
        return Listing::default();
    };
    let names: Vec<Option<&OsStr>> = paths
        .iter()
        .map(|p| split(p.as_ref()).and_then(|(f, n)| (f == folder).then_some(n)))
        .collect();
    let wanted: hashbrown::HashSet<&OsStr, foldhash::fast::FixedState> =
        names.iter().flatten().copied().collect();
    let folder = OsStr::from_bytes(folder);
    // Opened first: it is listed through, and kept for `open_in`.
    let Ok(open) = open_folder(Path::new(folder)) else {
        return Listing::default();
    };
    // A folder far larger than the list costs more to read than the look-ups it saves.
    let most = 4 * paths.len() + 256;
    let mut found: hashbrown::HashSet<&OsStr, foldhash::fast::FixedState> =
        hashbrown::HashSet::with_capacity_and_hasher(wanted.len(), Default::default());
    // The file type comes with the listing (no look-up) where the file system gives it.
    let mut listed = |name: &OsStr, regular: bool| {
        if let Some(&n) = wanted.get(name) {
            if regular {
                found.insert(n);
            }
        }
    };
    #[cfg(target_os = "linux")]
    {
        // Read with getdents into one buffer: no allocation per entry, as std's listing makes
        // (its entries' names, twice).
        let mut buf = Vec::<u8>::with_capacity(32 << 10);
        let mut dir = rustix::fs::RawDir::new(&open, buf.spare_capacity_mut());
        let mut seen = 0;
        while seen < most {
            let Some(Ok(e)) = dir.next() else { break };
            let name = e.file_name().to_bytes();
            // std's listing leaves these out.
            if name == b"." || name == b".." {
                continue;
            }
            seen += 1;
            listed(
                OsStr::from_bytes(name),
                e.file_type() == rustix::fs::FileType::RegularFile,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let Ok(entries) = fs::read_dir(folder) else {
            return Listing::default();
        };
        for e in entries.take(most) {
            let Ok(e) = e else { break };
            listed(&e.file_name(), e.file_type().is_ok_and(|t| t.is_file()));
        }
    }
    // A folder that can be read but not searched lists names that cannot be opened: one look-up
    // through it tells.
    let reachable = names
        .iter()
        .zip(paths)
        .find(|(n, _)| n.is_some_and(|n| found.contains(n)))
        .is_some_and(|(_, p)| fs::metadata(p.as_ref()).is_ok_and(|m| m.is_file()));
    if !reachable {
        return Listing::default();
    }
    Listing {
        listed: names
            .iter()
            .map(|n| n.is_some_and(|n| found.contains(n)))
            .collect(),
        folder: Some(open),
    }
}

#[cfg(not(unix))]
fn open_folder(_: &Path) -> io::Result<Folder> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Opens a folder for [`open_in`].
#[cfg(unix)]
fn open_folder(path: &Path) -> io::Result<Folder> {
    use std::os::unix::fs::OpenOptionsExt;
    let folder = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(path)?;
    Ok(folder.into())
}

#[cfg(not(unix))]
fn listed_files<P: AsRef<Path>>(_: &[P]) -> Listing {
    Listing::default()
}

/// A line of the text: its trimmed byte range.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    // Sized once, from a count of the line feeds (a fast pass): a list of a few hundred bytes
    // comes from the allocator's per-thread cache, where room for 128 lines did not.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', b).count() + 1);
    let mut pos = 0;
    for end in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        let (start, stop) = trimmed(text, pos, end);
        if start < stop {
            out.push(Line { start, end: stop });
        }
        pos = end + 1;
    }
    out
}

/// `text[start..end].trim()` as a byte range of `text`: ASCII spaces by their byte, the
/// other chars decoded only at the ends, where they are (`char::is_whitespace`).
fn trimmed(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while start < end {
        match b[start] {
            b'\t'..=b'\r' | b' ' => start += 1,
            0..=0x7F => break,
            _ => match text[start..end].chars().next() {
                Some(c) if c.is_whitespace() => start += c.len_utf8(),
                _ => break,
            },
        }
    }
    while start < end {
        match b[end - 1] {
            b'\t'..=b'\r' | b' ' => end -= 1,
            0..=0x7F => break,
            _ => match text[start..end].chars().next_back() {
                Some(c) if c.is_whitespace() => end -= c.len_utf8(),
                _ => break,
            },
        }
    }
    (start, end)
}

/// Parses clean text into an article. `source` names where it came from.
pub fn parse(text: String, source: &str) -> Article {
    let lines = lines(&text);
    let s = |l: &Line| {
        debug_assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
        // SAFETY: `lines` gives ranges of `text` on char boundaries (its line feeds' places
        // and trimmed whole chars), and nothing changes `text` meanwhile. Every line is
        // sliced many times: the checks cost more than the rest of the closure.
        unsafe { text.get_unchecked(l.start..l.end) }
    };
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut published = None;
    let mut title = String::new();

    let mut rest = &lines[..];
    if let Some((first, after)) = rest.split_first() {
        let t = s(first);
        if t.len() <= MAX_TITLE_CHARS || t.chars().nth(MAX_TITLE_CHARS).is_none() {
            title = t.to_owned();
            blocks.push(block(BlockKind::Title, first));
            rest = after;
        } else {
            title = shorten(t, 12);
        }
    }
    // The time line comes right after the title, sometimes after a short sub-line.
    for (i, l) in rest.iter().take(2).enumerate() {
        if let Some(p) = parse_dateline(s(l)) {
            blocks.extend(rest[..i].iter().map(|l| block(BlockKind::Paragraph, l)));
            blocks.push(block(BlockKind::Dateline, l));
            published = Some(p);
            rest = &rest[i + 1..];
            break;
        }
    }
    // Cut the footer and everything after it.
    if let Some(i) = rest.iter().position(|l| is_footer(s(l))) {
        rest = &rest[..i];
    }

    let body_start = blocks.len();
    let mut i = 0;
    while i < rest.len() {
        let l = &rest[i];
        let t = s(l);
        if let Some(next) = rest.get(i + 1) {
            // A photo caption printed twice in a row (the site's alt text and its caption).
            if same_line(t, s(next)) {
                blocks.push(block(BlockKind::Caption, l));
                i += 2;
                continue;
            }
            // A caption whose credit fell onto the next line: "… nạn nhân. Ảnh:" "Otofun."
            // (Lowercasing keeps a colon last, so only lines ending in one are lowercased.)
            let credit_label = t.ends_with(':') && {
                let tail = t.char_indices().rev().nth(5).map_or(t, |(i, _)| &t[i..]);
                let low_end = tail.to_lowercase();
                low_end.ends_with("ảnh:") || low_end.ends_with("ảnh :")
            };
            if credit_label && count_words(s(next), 5) <= 4 {
                blocks.push(block(BlockKind::Caption, l));
                blocks.push(block(BlockKind::Caption, next));
                i += 2;
                continue;
            }
        }
        blocks.push(block(classify(t), l));
        i += 1;
    }
    demote_heading_runs(&mut blocks[body_start..]);

    // The byline: the last short line that reads like a name or a credit, with the name above
    // it when the last line is only the source ("Văn Đức" then "(TTXVN)").
    let mut byline = None;
    let n = blocks.len();
    // The credit of a caption split over two lines ("Ảnh:" then "Tư liệu") is no byline.
    let caption_credit = n >= 2
        && blocks[n - 2].kind == BlockKind::Caption
        && text[blocks[n - 2].range()].ends_with(':');
    if n > body_start + 1 && !caption_credit && looks_like_byline(&text[blocks[n - 1].range()]) {
        let last = clean_byline(&text[blocks[n - 1].range()]);
        let above = (n > body_start + 2)
            .then(|| clean_byline(&text[blocks[n - 2].range()]))
            .filter(|t| looks_like_byline(t) && !is_source_credit(t));
        byline = Some(match above {
            // "Phương Nhi (theo" / "Independent)"
            Some(name) if paren_balance(name) > 0 && paren_balance(last) < 0 => {
                blocks[n - 2].kind = BlockKind::Byline;
                format!("{name} {last}")
            }
            // "Văn Đức" / "(TTXVN)"
            Some(name) if is_source_credit(last) => {
                blocks[n - 2].kind = BlockKind::Byline;
                if last.starts_with('(') {
                    format!("{name} {last}")
                } else {
                    format!("{name} ({last})")
                }
            }
            _ => last.to_owned(),
        });
        blocks[n - 1].kind = BlockKind::Byline;
    }
    // The lead: the first paragraph of the body.
    if let Some(b) = blocks[body_start..]
        .iter_mut()
        .find(|b| b.kind == BlockKind::Paragraph)
    {
        b.kind = BlockKind::Lead;
    }
    if title.is_empty() {
        title = "(untitled)".to_owned();
    }
    Article {
        source: source.to_owned(),
        title,
        published,
        byline,
        text,
        blocks,
        people: Vec::new(),
        organisations: Vec::new(),
    }
}

fn block(kind: BlockKind, l: &Line) -> Block {
    Block {
        kind,
        start: l.start,
        end: l.end,
    }
}

/// The first `words` words of a very long line, as a stand-in title.
fn shorten(t: &str, words: usize) -> String {
    let mut out: String = t
        .split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ");
    if out.chars().count() > 100 {
        out = out.chars().take(100).collect();
    }
    out.push('…');
    out
}

fn same_line(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.chars().count() > 3 && (a == b || same_lowercase(a, b))
}

/// `a.to_lowercase() == b.to_lowercase()`, char by char up to the first difference, without
/// making either. Only 'Σ' lowercases by its place in a word (σ or ς): a string holding one is
/// lowercased whole.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `t` holds `word` (ASCII lowercase letters) in any case, as `t.to_lowercase()`
/// would: no other char lowercases to an ASCII letter but 'K' (KELVIN SIGN, to 'k') and 'İ'
/// (to 'i' and a combining dot, which no letter of a word can follow).
fn contains_ascii_word(t: &str, word: &[u8]) -> bool {
    debug_assert!(!word.contains(&b'k') && !word.is_empty());
    let b = t.as_bytes();
    let first = word[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), b).any(|i| {
        b[i..]
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

fn is_footer(t: &str) -> bool {
    // Every footer starts with 'b', 'g', 't' or 'ý' in either case (no other char lowercases
    // to one of these), so most short lines are never lowercased.
    t.len() < 40
        && matches!(
            t.as_bytes().first(),
            Some(b'b' | b'B' | b'g' | b'G' | b't' | b'T' | 0xC3)
        )
        && {
            // Compared lowercased char by char, not lowercased whole first (no footer holds
            // a sigma, whose lowercase depends on its place).
            let t = t.trim_end_matches([':', '.', ' ']);
            FOOTERS
                .iter()
                .any(|f| t.chars().flat_map(char::to_lowercase).eq(f.chars()))
        }
}

/// Whether a line ends like a sentence. A closing quote counts only after sentence
/// punctuation: `Dự toán thu “tùy tiện”` is a heading, `Ông nói: “Đúng.”` a paragraph.
fn ends_sentence(t: &str) -> bool {
    const STOPS: [char; 7] = ['.', '!', '?', '…', ':', ';', ','];
    let core = t.trim_end_matches(['"', '”', '\'', '’', '»']);
    if core.len() < t.len() {
        core.ends_with(STOPS)
    } else {
        t.ends_with(STOPS) || t.ends_with([')', ']'])
    }
}

/// A photo caption by its wording: a credit label ("Ảnh:", "(Ảnh …)", "Nguồn:", "ảnh minh
/// họa") followed by a few words at most, at the start or at the end of a short line.
/// `low` is the line lowercased.
#[cfg(test)]
fn is_caption_text(low: &str) -> bool {
    label_opens(low) || label_closes_by_rfind(low)
}

/// The labels a caption starts with, of at most [`OPENING_CHARS`] chars.
const OPENINGS: [&str; 5] = ["ảnh:", "ảnh :", "(ảnh", "ảnh minh họa", "ảnh minh hoạ"];
const OPENING_CHARS: usize = 12;

/// The labels a caption ends with, and how many words may follow them.
const CLOSINGS: [(&str, usize); 6] = [
    ("ảnh:", 6),
    ("ảnh :", 6),
    ("(ảnh", 6),
    ("nguồn:", 4),
    ("ảnh minh họa", 2),
    ("ảnh minh hoạ", 2),
];

/// Words at the end of a line that hold every closing label with few enough words after it:
/// a label's words (three at most), the word it may start inside of, and six after it.
const CLOSING_WORDS: usize = 12;

fn label_opens(low: &str) -> bool {
    OPENINGS.iter().any(|p| low.starts_with(p))
}

/// Whether a closing label has few enough words after its last occurrence in `low`. Each
/// label holds one 'ả' or 'ồ' at a fixed place, so its occurrences are found from those
/// vowels, last first, instead of by a substring search per label.
fn label_closes(low: &str) -> bool {
    let b = low.as_bytes();
    CLOSINGS.iter().any(|&(label, max_words)| {
        let back = if label.starts_with('(') {
            1
        } else if label.starts_with('n') {
            3 // "ngu"
        } else {
            0
        };
        memchr::memrchr_iter(0xE1, b)
            .filter_map(|i| i.checked_sub(back))
            .find(|&start| b[start..].starts_with(label.as_bytes()))
            .is_some_and(|pos| low[pos + label.len()..].split_whitespace().count() <= max_words)
    })
}

/// [`label_closes`] by a substring search per label, for the tests.
#[cfg(test)]
fn label_closes_by_rfind(low: &str) -> bool {
    CLOSINGS.iter().any(|(label, max_words)| {
        low.rfind(label)
            .is_some_and(|pos| low[pos + label.len()..].split_whitespace().count() <= *max_words)
    })
}

/// [`is_caption_text`] of `t.to_lowercase()`, lowercasing only the line's first chars and
/// last words: lowercasing maps each char on its own (a final sigma aside, in no label), so
/// an opening label shows in the first [`OPENING_CHARS`] chars, and the last occurrence of a
/// closing label with few words after it lies in the last [`CLOSING_WORDS`] words (an
/// occurrence found there is the line's last one). "ảnh hưởng" puts a label's letters in many
/// long lines, which were lowercased whole.
fn is_caption_line(t: &str) -> bool {
    // Every label holds "ảnh" or "nguồn"; only 'ả' and 'Ả' lowercase to 'ả', 'ồ' and 'Ồ' to
    // 'ồ', 'n' and 'N' to 'n', and so on: a part without them is not lowercased.
    let opens = {
        let b = t.as_bytes();
        let first = usize::from(b.first() == Some(&b'('));
        b.len() >= first + 3
            && b[first] == 0xE1
            && b[first + 1] == 0xBA
            && b[first + 2] & 0xFE == 0xA2
    };
    if opens {
        let head_end = t
            .char_indices()
            .nth(OPENING_CHARS)
            .map_or(t.len(), |(i, _)| i);
        if label_opens(&t[..head_end].to_lowercase()) {
            return true;
        }
    }
    // A closing label's vowel has at most nine words from it to the end (three of the label,
    // six after it): when the line's last vowel has more, so have all the others ("ảnh hưởng"
    // mid-sentence).
    match label_vowel_in(t, memchr::memrchr_iter(0xE1, t.as_bytes())) {
        Some(v) if count_words(&t[v..], 11) <= 10 => {}
        _ => return false,
    }
    let tail_start = t
        .split_whitespace()
        .nth_back(CLOSING_WORDS - 1)
        .map_or(0, |w| w.as_ptr() as usize - t.as_ptr() as usize);
    let tail = &t[tail_start..];
    // A label starts at most three chars before its vowel ("nguồn"): what comes before the
    // first vowel's three chars holds no label.
    label_vowel(tail).is_some_and(|v| {
        let from = tail[..v].char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        label_closes(&tail[from..].to_lowercase())
    })
}

/// Where `t` first holds 'ả' or 'Ả' before "nh" in any case, or 'ồ' or 'Ồ' before 'n' or
/// 'N': what lowercases to the "ảnh" or "ồn" of a label.
fn label_vowel(t: &str) -> Option<usize> {
    label_vowel_in(t, memchr::memchr_iter(0xE1, t.as_bytes()))
}

/// The first of the 0xE1 bytes `leads` (of `t`) that leads such a vowel.
fn label_vowel_in(t: &str, mut leads: impl Iterator<Item = usize>) -> Option<usize> {
    let b = t.as_bytes();
    let at = |k: usize| b.get(k).map_or(0, |x| x | 0x20);
    leads.find(|&i| match (at(i + 1), at(i + 2) & 0xFE) {
        (0xBA, 0xA2) => at(i + 3) == b'n' && at(i + 4) == b'h',
        (0xBB, 0xB2) => at(i + 3) == b'n',
        _ => false,
    })
}

/// Paragraph, heading or caption, from the line alone.
fn classify(t: &str) -> BlockKind {
    let (words, label) = words_and_label(t, 41);
    if words > 40 {
        // Long lines are paragraphs, whatever they start with (and a 20 MB line is never
        // lowercased whole).
        return BlockKind::Paragraph;
    }
    // Lowercase only the lines that can hold a credit label.
    if label && is_caption_line(t) {
        return BlockKind::Caption;
    }
    if ends_sentence(t) {
        return BlockKind::Paragraph;
    }
    // List items ("- Hà Nội FC: 5") belong to the text around them.
    if t.starts_with(['-', '–', '—', '•', '*', '+']) {
        return BlockKind::Paragraph;
    }
    if words <= 10 && t.chars().next().is_some_and(|c| !c.is_lowercase()) {
        BlockKind::Heading
    } else {
        // A longer line without a full stop, set between paragraphs: a photo caption.
        BlockKind::Caption
    }
}

/// Whether `t` holds one of the spellings of a credit label that make a line worth
/// lowercasing ("ảnh", "Ảnh", "ẢNH", "guồn", "GUỒN"): the reference for [`find_label`], which
/// finds them by the 0xE1 lead of their vowel ([`label_at`]).
#[cfg(test)]
fn has_label(t: &str) -> bool {
    ["ảnh", "Ảnh", "ẢNH", "guồn", "GUỒN"]
        .iter()
        .any(|p| t.contains(p))
}

/// `(count_words(t, limit), has_label(t))`; the second only when the first is below `limit`
/// (false otherwise): most lines are long paragraphs, and only short ones are searched.
fn words_and_label(t: &str, limit: usize) -> (usize, bool) {
    let words = count_words(t, limit);
    (words, words < limit && find_label(t.as_bytes()))
}

/// [`has_label`] by the 0xE1 leads of ả, Ả, ồ and Ồ, sixteen bytes a step (thirty-two while
/// they last, with AVX2).
#[cfg(target_arch = "x86_64")]
fn find_label(b: &[u8]) -> bool {
    let mut i = 0;
    if std::is_x86_feature_detected!("avx2") {
        while let Some(chunk) = b.get(i..i + 34) {
            // SAFETY: the CPU has AVX2 (just checked).
            let mask = unsafe { label_mask_avx2(chunk.try_into().expect("34 bytes")) };
            if labels_at(b, i, mask) {
                return true;
            }
            i += 32;
        }
    }
    // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
    unsafe { find_label_sse2(b, i) }
}

/// [`label_mask`] of thirty-two bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn label_mask_avx2(chunk: &[u8; 34]) -> u32 {
    use std::arch::x86_64::*;
    let load = |k: usize| {
        let s = &chunk[k..k + 32];
        // SAFETY: `s` holds the thirty-two bytes read (an unaligned load).
        unsafe { _mm256_loadu_si256(s.as_ptr().cast()) }
    };
    let splat = |x: u8| _mm256_set1_epi8(x as i8);
    let (v, n1, n2) = (load(0), load(1), load(2));
    let tone = _mm256_and_si256(n2, splat(0xFE));
    let lead = _mm256_and_si256(
        _mm256_cmpeq_epi8(v, splat(0xE1)),
        _mm256_cmpeq_epi8(_mm256_and_si256(n1, splat(0xFE)), splat(0xBA)),
    );
    let vowel = _mm256_or_si256(
        _mm256_cmpeq_epi8(tone, splat(0xA2)),
        _mm256_cmpeq_epi8(tone, splat(0x92)),
    );
    _mm256_movemask_epi8(_mm256_and_si256(lead, vowel)) as u32
}

#[cfg(not(target_arch = "x86_64"))]
fn find_label(b: &[u8]) -> bool {
    memchr::memchr_iter(0xE1, b).any(|i| label_at(b, i))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn find_label_sse2(b: &[u8], mut i: usize) -> bool {
    while let Some(chunk) = b.get(i..i + 18) {
        if labels_at(b, i, label_mask(chunk.try_into().expect("18 bytes"))) {
            return true;
        }
        i += 16;
    }
    // The last bytes, padded with spaces.
    let rest = &b[i.min(b.len())..];
    let mut padded = [b' '; 18];
    padded[..rest.len()].copy_from_slice(rest);
    !rest.is_empty() && labels_at(b, i, label_mask(&padded))
}

/// Whether a candidate of [`label_mask`] (`maybe`, for the sixteen bytes at `i` of `b`)
/// starts a label or ends its "gu".
#[cfg(target_arch = "x86_64")]
#[inline]
fn labels_at(b: &[u8], i: usize, mut maybe: u32) -> bool {
    while maybe != 0 {
        if label_at(b, i + maybe.trailing_zeros() as usize) {
            return true;
        }
        maybe &= maybe - 1;
    }
    false
}

/// The 0xE1 bytes among the first sixteen of `chunk` that come before 0xBA or 0xBB, then
/// 0xA2/0xA3 or 0x92/0x93: ả, Ả, ồ, Ồ and a few neighbours.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn label_mask(chunk: &[u8; 18]) -> u32 {
    use std::arch::x86_64::*;
    let load = |k: usize| {
        let s = &chunk[k..k + 16];
        // SAFETY: `s` holds the sixteen bytes read (an unaligned load).
        unsafe { _mm_loadu_si128(s.as_ptr().cast()) }
    };
    let splat = |x: u8| _mm_set1_epi8(x as i8);
    let (v, n1, n2) = (load(0), load(1), load(2));
    let tone = _mm_and_si128(n2, splat(0xFE));
    let lead = _mm_and_si128(
        _mm_cmpeq_epi8(v, splat(0xE1)),
        _mm_cmpeq_epi8(_mm_and_si128(n1, splat(0xFE)), splat(0xBA)),
    );
    let vowel = _mm_or_si128(
        _mm_cmpeq_epi8(tone, splat(0xA2)),
        _mm_cmpeq_epi8(tone, splat(0x92)),
    );
    _mm_movemask_epi8(_mm_and_si128(lead, vowel)) as u32
}

/// `t.split_whitespace().take(limit).count()`: every line of every file is counted.
fn count_words(t: &str, limit: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
        // SAFETY: the CPU has AVX2 and POPCNT (just checked; every AVX2 CPU has POPCNT).
        unsafe { scan_line_avx2(t.as_bytes(), limit) }
    } else {
        // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
        unsafe { scan_line_sse2(t.as_bytes(), limit) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    count_words_bytes(t, limit)
}

/// Whether byte `i` of `b` (a 0xE1 lead) starts one of the labels of [`has_label`] or ends
/// the "gu" before the vowel of "guồn".
fn label_at(b: &[u8], i: usize) -> bool {
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let before = |s: &[u8; 2]| i >= 2 && &b[i - 2..i] == s;
    match (at(i + 1), at(i + 2)) {
        // ả, then "nh"
        (0xBA, 0xA3) => at(i + 3) == b'n' && at(i + 4) == b'h',
        // Ả, then "nh" or "NH"
        (0xBA, 0xA2) => matches!((at(i + 3), at(i + 4)), (b'n', b'h') | (b'N', b'H')),
        // ồ in "guồn"
        (0xBB, 0x93) => before(b"gu") && at(i + 3) == b'n',
        // Ồ in "GUỒN"
        (0xBB, 0x92) => before(b"GU") && at(i + 3) == b'N',
        _ => false,
    }
}

/// Words (up to `limit`), sixty-four bytes a step. Each step marks the whitespace chars
/// (`char::is_whitespace`: ASCII spaces, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000) by their lead byte and the one or two after it, and the other bytes
/// that follow a space: each starts a word.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn scan_line_sse2(b: &[u8], limit: usize) -> usize {
    let mut st = LineScan {
        words: 0,
        after_space: 1,
        spill: 0,
    };
    let mut i = 0;
    // A step reads two bytes past its end.
    while let Some(chunk) = b.get(i..i + STEP + 2) {
        if st.words >= limit {
            break;
        }
        st.step(chunk.try_into().expect("a step's bytes"));
        i += STEP;
    }
    // The last bytes (up to a step and two), padded with spaces, which start no word.
    while i < b.len() && st.words < limit {
        let mut padded = [b' '; STEP + 2];
        let n = (b.len() - i).min(STEP + 2);
        padded[..n].copy_from_slice(&b[i..i + n]);
        st.step(&padded);
        i += STEP;
    }
    st.words.min(limit)
}

/// [`scan_line_sse2`] with the test for rare bytes and the space marks of plain steps made
/// thirty-two bytes at a time, on CPUs with AVX2; with POPCNT, a step's word starts are
/// counted in one instruction, not a dozen.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn scan_line_avx2(b: &[u8], limit: usize) -> usize {
    let mut st = LineScan {
        words: 0,
        after_space: 1,
        spill: 0,
    };
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + STEP + 2) {
        if st.words >= limit {
            break;
        }
        st.step_avx2(chunk.try_into().expect("a step's bytes"));
        i += STEP;
    }
    while i < b.len() && st.words < limit {
        let mut padded = [b' '; STEP + 2];
        let n = (b.len() - i).min(STEP + 2);
        padded[..n].copy_from_slice(&b[i..i + n]);
        st.step_avx2(&padded);
        i += STEP;
    }
    st.words.min(limit)
}

/// Bytes a step of [`scan_line_sse2`] reads: four times sixteen.
#[cfg(target_arch = "x86_64")]
const STEP: usize = 64;

/// The state of [`scan_line_sse2`] between steps.
#[cfg(target_arch = "x86_64")]
struct LineScan {
    words: usize,
    /// Whether the byte before the step is whitespace (a line starts after one).
    after_space: u64,
    /// The marks of a space char's bytes that spill past the step.
    spill: u64,
}

#[cfg(target_arch = "x86_64")]
impl LineScan {
    /// The [`STEP`] bytes at the start of `chunk`, which has two more after them.
    #[target_feature(enable = "sse2")]
    #[inline]
    fn step(&mut self, chunk: &[u8; STEP + 2]) {
        use std::arch::x86_64::*;
        let load = |k: usize| {
            let s = &chunk[k..k + 16];
            // SAFETY: `s` holds the sixteen bytes read (an unaligned load).
            unsafe { _mm_loadu_si128(s.as_ptr().cast()) }
        };
        let v = [load(0), load(16), load(32), load(48)];
        let splat = |x: u8| _mm_set1_epi8(x as i8);
        let eq = |x: __m128i, y: u8| _mm_cmpeq_epi8(x, splat(y));
        let (and, or) = (|x, y| _mm_and_si128(x, y), |x, y| _mm_or_si128(x, y));
        let mask = |x: __m128i| _mm_movemask_epi8(x) as u32;
        // A superset of the bytes that start a space char other than ' ' (rare in news text;
        // 0xE2 also leads quotes and dashes): bytes below 0x0E, 0xC2 and 0xE2 (the ones that
        // are 0xE2 with bit 5 set), 0xE3, and 0x9A (after 0xE1 in U+1680; the byte after the
        // step too, for a lead at its end).
        let low = _mm_min_epu8(_mm_min_epu8(v[0], v[1]), _mm_min_epu8(v[2], v[3]));
        let lead = |x: __m128i| or(eq(_mm_or_si128(x, splat(0x20)), 0xE2), eq(x, 0xE3));
        let ogham = |x: __m128i| eq(x, 0x9A);
        let rare = or(
            or(
                _mm_cmpeq_epi8(_mm_min_epu8(low, splat(0x0D)), low),
                or(or(lead(v[0]), lead(v[1])), or(lead(v[2]), lead(v[3]))),
            ),
            or(
                or(ogham(v[0]), ogham(v[1])),
                or(or(ogham(v[2]), ogham(v[3])), ogham(load(49))),
            ),
        );
        let space = if mask(rare) == 0 {
            let m = |k: usize| u64::from(mask(eq(v[k], b' ')));
            self.spill | m(0) | m(1) << 16 | m(2) << 32 | m(3) << 48
        } else {
            // The bytes of the space chars among sixteen at `k`, and those of the two after
            // them that belong to one.
            let spaces = |k: usize| {
                let (v, n1, n2) = (load(k), load(k + 1), load(k + 2));
                let tab_cr = {
                    let t = _mm_sub_epi8(v, splat(b'\t'));
                    _mm_cmpeq_epi8(_mm_min_epu8(t, splat(b'\r' - b'\t')), t)
                };
                let two = and(eq(v, 0xC2), or(eq(n1, 0x85), eq(n1, 0xA0)));
                // 0x80..=0x8A (after 0xE2 0x80).
                let n2_low = _mm_cmpeq_epi8(_mm_min_epu8(n2, splat(0x8A)), n2);
                let e2 = and(
                    eq(v, 0xE2),
                    or(
                        and(
                            eq(n1, 0x80),
                            or(or(n2_low, eq(n2, 0xA8)), or(eq(n2, 0xA9), eq(n2, 0xAF))),
                        ),
                        and(eq(n1, 0x81), eq(n2, 0x9F)),
                    ),
                );
                let e1_e3 = and(
                    or(
                        and(eq(v, 0xE1), eq(n1, 0x9A)),
                        and(eq(v, 0xE3), eq(n1, 0x80)),
                    ),
                    eq(n2, 0x80),
                );
                let (one, two, three) = (
                    mask(or(eq(v, b' '), tab_cr)),
                    mask(two),
                    mask(or(e2, e1_e3)),
                );
                u64::from(one | two | two << 1 | three | three << 1 | three << 2)
            };
            let last = spaces(48);
            let space = self.spill | spaces(0) | spaces(16) << 16 | spaces(32) << 32 | last << 48;
            // Bits past the step: the bytes after it that belong to a space char.
            self.spill = last >> 16;
            self.words += self.starts(space);
            return;
        };
        self.spill = 0;
        self.words += self.starts(space);
    }

    /// [`Self::step`] on CPUs with AVX2: a step without rare bytes is marked in two halves of
    /// thirty-two; the others go the SSE2 way.
    #[target_feature(enable = "avx2,popcnt")]
    #[inline]
    fn step_avx2(&mut self, chunk: &[u8; STEP + 2]) {
        use std::arch::x86_64::*;
        let load = |k: usize| {
            let s = &chunk[k..k + 32];
            // SAFETY: `s` holds the thirty-two bytes read (an unaligned load).
            unsafe { _mm256_loadu_si256(s.as_ptr().cast()) }
        };
        let (v0, v1) = (load(0), load(32));
        let splat = |x: u8| _mm256_set1_epi8(x as i8);
        let eq = |x: __m256i, y: u8| _mm256_cmpeq_epi8(x, splat(y));
        let or = |x, y| _mm256_or_si256(x, y);
        // As in `step`: bytes below 0x0E, 0xC2, 0xE2, 0xE3, and 0x9A up to the byte after.
        let low = _mm256_min_epu8(v0, v1);
        let lead = |x: __m256i| or(eq(_mm256_or_si256(x, splat(0x20)), 0xE2), eq(x, 0xE3));
        let rare = or(
            or(
                _mm256_cmpeq_epi8(_mm256_min_epu8(low, splat(0x0D)), low),
                or(lead(v0), lead(v1)),
            ),
            or(or(eq(v0, 0x9A), eq(v1, 0x9A)), eq(load(33), 0x9A)),
        );
        if _mm256_movemask_epi8(rare) != 0 {
            self.step_rare_avx2(chunk);
            return;
        }
        let m = |x: __m256i| u64::from(_mm256_movemask_epi8(eq(x, b' ')) as u32);
        let space = self.spill | m(v0) | m(v1) << 32;
        self.spill = 0;
        self.words += self.starts(space);
    }

    /// The rare steps of [`Self::step_avx2`]: the space chars marked as [`Self::step`] marks
    /// them, thirty-two bytes at a time.
    #[target_feature(enable = "avx2,popcnt")]
    #[inline(never)]
    fn step_rare_avx2(&mut self, chunk: &[u8; STEP + 2]) {
        use std::arch::x86_64::*;
        let load = |k: usize| {
            let s = &chunk[k..k + 32];
            // SAFETY: `s` holds the thirty-two bytes read (an unaligned load).
            unsafe { _mm256_loadu_si256(s.as_ptr().cast()) }
        };
        let splat = |x: u8| _mm256_set1_epi8(x as i8);
        let eq = |x: __m256i, y: u8| _mm256_cmpeq_epi8(x, splat(y));
        let (and, or) = (|x, y| _mm256_and_si256(x, y), |x, y| _mm256_or_si256(x, y));
        let mask = |x: __m256i| u64::from(_mm256_movemask_epi8(x) as u32);
        // The bytes of the space chars among thirty-two at `k`, and those of the two after
        // them that belong to one.
        let spaces = |k: usize| {
            let (v, n1, n2) = (load(k), load(k + 1), load(k + 2));
            let tab_cr = {
                let t = _mm256_sub_epi8(v, splat(b'\t'));
                _mm256_cmpeq_epi8(_mm256_min_epu8(t, splat(b'\r' - b'\t')), t)
            };
            let two = and(eq(v, 0xC2), or(eq(n1, 0x85), eq(n1, 0xA0)));
            // 0x80..=0x8A (after 0xE2 0x80).
            let n2_low = _mm256_cmpeq_epi8(_mm256_min_epu8(n2, splat(0x8A)), n2);
            let e2 = and(
                eq(v, 0xE2),
                or(
                    and(
                        eq(n1, 0x80),
                        or(or(n2_low, eq(n2, 0xA8)), or(eq(n2, 0xA9), eq(n2, 0xAF))),
                    ),
                    and(eq(n1, 0x81), eq(n2, 0x9F)),
                ),
            );
            let e1_e3 = and(
                or(
                    and(eq(v, 0xE1), eq(n1, 0x9A)),
                    and(eq(v, 0xE3), eq(n1, 0x80)),
                ),
                eq(n2, 0x80),
            );
            let (one, two, three) = (
                mask(or(eq(v, b' '), tab_cr)),
                mask(two),
                mask(or(e2, e1_e3)),
            );
            one | two | two << 1 | three | three << 1 | three << 2
        };
        let last = spaces(32);
        let space = self.spill | spaces(0) | last << 32;
        // Bits past the step: the bytes after it that belong to a space char.
        self.spill = last >> 32;
        self.words += self.starts(space);
    }

    /// Counts the word starts of a step whose whitespace bytes are `space`, and keeps
    /// whether its last byte is one.
    #[inline]
    fn starts(&mut self, space: u64) -> usize {
        let starts = !space & (space << 1 | self.after_space);
        self.after_space = space >> (STEP - 1);
        starts.count_ones() as usize
    }
}

/// `t.split_whitespace().take(limit).count()` by a byte scan, for targets without SSE2 (and
/// a second reference in the tests). Blocks in which only b' ' can be a space (no other ASCII
/// control or space, no lead byte of a non-ASCII space) are counted by a branch-free test the
/// compiler runs on many bytes at once; the others byte by byte.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn count_words_bytes(t: &str, limit: usize) -> usize {
    const BLOCK: usize = 32;
    let b = t.as_bytes();
    let (mut words, mut after_space, mut i) = (0, true, 0);
    // The last block is padded with spaces, which start no word and end any.
    let mut padded = [b' '; BLOCK + 1];
    while i < b.len() && words < limit {
        // A block reads one byte past its end: the byte after a lead, the byte after a space.
        let w = match b[i..].first_chunk::<{ BLOCK + 1 }>() {
            Some(w) => w,
            None => {
                let rest = &b[i..];
                padded[..rest.len()].copy_from_slice(rest);
                &padded
            }
        };
        let other_spaces = (0..BLOCK).fold(false, |any, j| {
            let (x, y) = (w[j], w[j + 1]);
            any | (x < 0x20) | (x == 0xC2) | (x == 0xE2) | (x == 0xE3) | ((x == 0xE1) & (y == 0x9A))
        });
        if !other_spaces {
            let spaces = (0..BLOCK).fold(0u32, |m, j| m | (u32::from(w[j] == b' ') << j));
            // A word starts at each non-space byte after a space (continuation bytes never
            // follow one); the start just past the block is the next block's.
            let next = (spaces >> 1) | (u32::from(w[BLOCK] == b' ') << (BLOCK - 1));
            let starts = spaces & !next & !(1 << (BLOCK - 1));
            words += starts.count_ones() as usize + usize::from(after_space & (w[0] != b' '));
            after_space = w[BLOCK - 1] == b' ';
            i += BLOCK;
            continue;
        }
        let end = (i + BLOCK).min(b.len());
        while i < end {
            let len = space_len(b, i);
            if len > 0 {
                after_space = true;
                i += len;
            } else {
                // Continuation bytes belong to the character before them, never a space.
                words += usize::from(after_space);
                after_space = false;
                i += 1;
            }
        }
    }
    words.min(limit)
}

/// The length of the whitespace character at byte `i` of `b`, or 0: the UTF-8 forms of
/// `char::is_whitespace`, ASCII, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F,
/// U+205F and U+3000.
fn space_len(b: &[u8], i: usize) -> usize {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    match b[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xC2 if matches!(at(i + 1), 0x85 | 0xA0) => 2,
        0xE1 if at(i + 1) == 0x9A && at(i + 2) == 0x80 => 3,
        0xE2 if matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
        ) =>
        {
            3
        }
        0xE3 if at(i + 1) == 0x80 && at(i + 2) == 0x80 => 3,
        _ => 0,
    }
}

/// A heading stands alone between paragraphs; a run of heading-like lines is verse or a list.
fn demote_heading_runs(blocks: &mut [Block]) {
    let heading = |b: Option<&Block>| b.is_some_and(|b| b.kind == BlockKind::Heading);
    let demote: Vec<usize> = (0..blocks.len())
        .filter(|&j| {
            heading(blocks.get(j))
                && (heading(j.checked_sub(1).and_then(|k| blocks.get(k)))
                    || heading(blocks.get(j + 1)))
        })
        .collect();
    for j in demote {
        blocks[j].kind = BlockKind::Paragraph;
    }
}

/// The source line under a byline: "(TTXVN)", "Theo VnExpress", "Tổng hợp".
fn is_source_credit(t: &str) -> bool {
    let low = t.to_lowercase();
    (t.starts_with('(') && t.ends_with(')')) || low.starts_with("theo ") || low == "tổng hợp"
}

fn looks_like_byline(t: &str) -> bool {
    let t = clean_byline(t);
    let words = count_words(t, 8);
    if words == 0 || words > 7 || t.chars().count() > 60 {
        return false;
    }
    // Contact lines of the site's footer: "Hotline: 0914…", "Email: …@…".
    if t.contains('@')
        || contains_ascii_word(t, b"hotline")
        || contains_ascii_word(t, b"email")
        || has_long_number(t)
    {
        return false;
    }
    if t.ends_with(['.', '!', '?', '…', ':', ';', ',']) && !t.ends_with(".vn") {
        // "V.H." style initials still count.
        let initials = t.split(['.', ' ']).all(|w| w.chars().count() <= 2);
        if !initials {
            return false;
        }
    }
    // A name or a credit: most words capitalised ("Nông Vui", "THÀNH ĐỒNG", "Theo TTXVN").
    let caps = t
        .split_whitespace()
        .filter(|w| {
            w.trim_start_matches(['(', '"', '“'])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
        })
        .count();
    caps * 2 >= words
}

/// Five digits or more in a row: a phone number, not a name.
fn has_long_number(t: &str) -> bool {
    let mut run = 0;
    for c in t.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 5 {
            return true;
        }
    }
    false
}

/// More closing than opening parentheses, or the reverse: half of a credit split over two
/// lines, "Phương Nhi (theo" then "Independent)".
fn paren_balance(t: &str) -> i32 {
    t.chars()
        .map(|c| match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        })
        .sum()
}

fn clean_byline(t: &str) -> &str {
    t.trim().trim_end_matches(['-', '–', '—', ' '])
}

/// `HH:MM, DD/MM/YYYY` (also `DD/MM/YYYY HH:MM`, `DD/MM/YYYY - HH:MM`, weekday prefixes).
pub fn parse_dateline(t: &str) -> Option<Published> {
    if t.len() > 64 {
        return None;
    }
    let mut time = None;
    let mut date = None;
    for tok in t.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '|') {
        if tok.is_empty() {
            continue;
        }
        if let Some((h, m)) = tok.split_once([':', 'h', 'g']) {
            if let (Ok(h), Ok(m)) = (h.parse::<u8>(), m.parse::<u8>()) {
                if h < 24 && m < 60 && !h.to_string().is_empty() {
                    time = time.or(Some((h, m)));
                    continue;
                }
            }
        }
        let parts: Vec<&str> = tok.split('/').collect();
        if parts.len() == 3 {
            if let (Ok(d), Ok(mo), Ok(y)) = (
                parts[0].parse::<u8>(),
                parts[1].parse::<u8>(),
                parts[2].parse::<u16>(),
            ) {
                if parts[2].len() == 4 {
                    date = date.or(Some((d, mo, y)));
                    continue;
                }
            }
        }
        // Anything else must be a word like a weekday ("Thứ", "sáu", "GMT+7"), not a sentence.
        if tok.chars().any(|c| c.is_ascii_digit()) && !tok.starts_with("GMT") {
            return None;
        }
    }
    let (h, m) = time?;
    let (d, mo, y) = date?;
    // Only lines that are mostly the time itself: at most a few other words.
    if t.split_whitespace().count() > 7 {
        return None;
    }
    Published::new(y, mo, d, h, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count_words`, after checking that every way of counting (SSE2, AVX2 where the CPU has
    /// it, bytes) agrees with it.
    fn counted(t: &str, limit: usize) -> usize {
        let words = count_words(t, limit);
        assert_eq!(count_words_bytes(t, limit), words, "bytes: {t:?} {limit}");
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: SSE2 is part of the x86_64 baseline.
            let sse2 = unsafe { scan_line_sse2(t.as_bytes(), limit) };
            assert_eq!(sse2, words, "SSE2: {t:?} {limit}");
            if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt") {
                // SAFETY: the CPU has AVX2 and POPCNT (just checked).
                let avx2 = unsafe { scan_line_avx2(t.as_bytes(), limit) };
                assert_eq!(avx2, words, "AVX2: {t:?} {limit}");
            }
        }
        words
    }

    #[test]
    fn dateline_forms() {
        let p = Published::new(2022, 2, 25, 15, 15);
        assert_eq!(parse_dateline("15:15, 25/02/2022"), p);
        assert_eq!(parse_dateline("25/02/2022 15:15"), p);
        assert_eq!(parse_dateline("Thứ sáu, 25/02/2022 - 15:15"), p);
        assert_eq!(parse_dateline("Thứ sáu, 25/02/2022 - 15:15 GMT+7"), p);
        assert_eq!(parse_dateline("15:15, 31/02/2022"), None);
        assert_eq!(
            parse_dateline("Sáng 25/02/2022, lúc 15:15 tại hội trường số 3"),
            None
        );
        assert_eq!(parse_dateline("25/02/2022"), None);
    }

    #[test]
    fn read_all_reads_to_the_end_whatever_size_was_seen() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.txt");
        let body = "Hà Nội mùa thu\n".repeat(700);
        fs::write(&p, &body).unwrap();
        let len = body.len() as u64;
        // The size seen, a file that grew since (size seen smaller) and one that shrank.
        for seen in [len, 0, 1, len - 1, len + 1, 2 * len] {
            let got = read_all(fs::File::open(&p).unwrap(), seen).unwrap();
            assert_eq!(got, body.as_bytes(), "seen {seen}");
        }
        fs::write(&p, "").unwrap();
        assert!(read_all(fs::File::open(&p).unwrap(), 0).unwrap().is_empty());
    }

    #[test]
    fn read_small_reads_to_the_end_whatever_size_was_seen() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.txt");
        let body = "Hà Nội mùa thu\n".repeat(700);
        fs::write(&p, &body).unwrap();
        let len = body.len() as u64;
        // A buffer left with another file's bytes, longer and shorter than this one.
        let mut buf = vec![b'x'; 3 * body.len()];
        for seen in [len, 0, 1, len - 1, len + 1, 2 * len] {
            let got = read_small(fs::File::open(&p).unwrap(), seen, &mut buf).unwrap();
            assert_eq!(got.is_ok(), seen == len, "seen {seen}");
            let got = got.map_or_else(|v| v, |b| b.to_vec());
            assert_eq!(got, body.as_bytes(), "seen {seen}");
        }
        let mut small = Vec::new();
        let got = read_small(fs::File::open(&p).unwrap(), len, &mut small).unwrap();
        assert_eq!(got, Ok(body.as_bytes()));
        assert!(small.len() <= REUSED_READ_BUFFER);
        fs::write(&p, "").unwrap();
        let got = read_small(fs::File::open(&p).unwrap(), 0, &mut buf).unwrap();
        assert_eq!(got, Ok(&b""[..]));
    }

    #[test]
    fn classify_lines() {
        assert_eq!(classify("Sử dụng vốn tràn lan"), BlockKind::Heading);
        assert_eq!(classify("Ông Minh nói."), BlockKind::Paragraph);
        assert_eq!(classify("Ảnh: Reuters"), BlockKind::Caption);
        assert_eq!(
            classify("Trận đấu giữa hai đội bóng diễn ra dưới cơn mưa nặng hạt chiều qua"),
            BlockKind::Caption
        );
    }

    #[test]
    fn count_words_agrees_with_split_whitespace() {
        let spaces: Vec<char> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        // Each space between words, and next to characters that share its lead byte.
        for &sp in &spaces {
            for t in [
                format!("Hà{sp}Nội  {sp}x{sp}"),
                format!("{sp}\u{1680}\u{1681}{sp}\u{2000}\u{200B}\u{3000}\u{3001}a"),
                format!("\u{85}\u{86}{sp}\u{A0}\u{A1}\u{205F}\u{2060}{sp}"),
            ] {
                for limit in [0, 1, 2, 3, 41] {
                    let want = t.split_whitespace().take(limit).count();
                    assert_eq!(counted(&t, limit), want, "{t:?} {limit}");
                }
            }
        }
        for n in 0x80..0x3100u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let t = format!("a {c} b{c}c {c}");
            assert_eq!(counted(&t, 9), t.split_whitespace().count(), "U+{n:04X}");
        }
        // Long lines cross blocks: put each space at every position of a line of words.
        let line = "Ông Nguyễn Văn Hùng, “Giám đốc” Sở Y tế – nói:\tsẽ  kiểm tra. ".repeat(6);
        for &sp in &spaces {
            for (at, _) in line.char_indices().step_by(3) {
                let mut t = line.clone();
                t.insert(at, sp);
                for limit in [7, 41, usize::MAX] {
                    let want = t.split_whitespace().take(limit).count();
                    assert_eq!(counted(&t, limit), want, "{t:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn count_words_of_every_length() {
        // Every prefix of a long line, so the last bytes fall at every place of a step.
        let line = "Khoảnh khắc Hà Nội “mùa thu” – 2 ".repeat(12);
        for (end, _) in line.char_indices() {
            let t = &line[..end];
            for limit in [41, usize::MAX] {
                let want = t.split_whitespace().take(limit).count();
                assert_eq!(counted(t, limit), want, "{end} {limit}");
            }
        }
    }

    #[test]
    fn count_words_with_a_wide_space_at_every_byte() {
        // The lead of a space char at every place of a step, its last bytes in the next.
        let lines = [
            "ab cde f ghij k lm nopq r st uvw xy z ".repeat(5),
            "abcdefghij".repeat(20),
        ];
        for (line, sp) in lines.iter().flat_map(|l| {
            ['\u{1680}', '\u{2009}', '\u{3000}', '\u{A0}', '\u{85}'].map(|sp| (l, sp))
        }) {
            for at in 0..line.len() {
                let mut t = line.clone();
                t.insert(at, sp);
                for limit in [41, usize::MAX] {
                    let want = t.split_whitespace().take(limit).count();
                    assert_eq!(counted(&t, limit), want, "{sp:?} at {at}, {limit}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn count_words_on_mixed_text(
            parts in proptest::collection::vec(
                "(Nguyễn|Văn|a|ạ|ᚁ|“x”|…|–| |  |\t|\u{B}|\u{85}|\u{A0}|\u{1680}|\u{2000}|\u{200A}|\u{200B}|\u{2028}|\u{202F}|\u{205F}|\u{3000})",
                0..120,
            ),
            limit in 0usize..60,
        ) {
            let t: String = parts.concat();
            let want = t.split_whitespace().take(limit).count();
            proptest::prop_assert_eq!(counted(&t, limit), want);
            proptest::prop_assert_eq!(count_words_bytes(&t, limit), want);
        }

        #[test]
        fn one_pass_finds_words_and_labels(
            parts in proptest::collection::vec(
                "(ảnh|Ảnh|ẢNH|ẢNh|ảNH|ẳnh|Ẩnh|ả|Ả|nh|NH|n|N|h|guồn|GUỒN|Guồn|gUỒN|gu|GU|ồn|ỒN|ồ|Ồ|ổ|Ổ|ẫ|ậ|Đ|x| |\u{A0}|\u{2009}|“|”|:|\n)",
                0..80,
            ),
            limit in 0usize..60,
        ) {
            let t: String = parts.concat();
            let (words, label) = words_and_label(&t, limit);
            let want = t.split_whitespace().take(limit).count();
            proptest::prop_assert_eq!(words, want);
            if want < limit {
                proptest::prop_assert_eq!(label, has_label(&t), "{:?}", t);
            }
        }

        #[test]
        fn lowercase_shortcuts_answer_as_lowercasing_does(
            a in proptest::collection::vec(
                "(hotline|HotLine|email|EMAIL|emaİl|hotlİne|İ|K|Σ|σ|ς|ΑΣ|ας|Ý kiến bạn đọc|Ý KIẾN BẠN ĐỌC|ý|Ý|bình luận|BÌNH|x|h|E| |:|\\.)",
                0..12,
            ),
            b in proptest::collection::vec(
                "(hotline|HOTLINE|Σ|σ|ς|ΑΣ|ας|Ý|ý|x|X| )",
                0..12,
            ),
        ) {
            let (a, b) = (a.concat(), b.concat());
            let low = a.to_lowercase();
            proptest::prop_assert_eq!(contains_ascii_word(&a, b"hotline"), low.contains("hotline"));
            proptest::prop_assert_eq!(contains_ascii_word(&a, b"email"), low.contains("email"));
            proptest::prop_assert_eq!(same_lowercase(&a, &b), low == b.to_lowercase());
            proptest::prop_assert_eq!(same_lowercase(&a, &a.to_uppercase()), low == a.to_uppercase().to_lowercase());
            let core = a.trim_end_matches([':', '.', ' ']).to_lowercase();
            let footer = a.len() < 40
                && matches!(a.as_bytes().first(), Some(b'b' | b'B' | b'g' | b'G' | b't' | b'T' | 0xC3))
                && FOOTERS.contains(&core.as_str());
            proptest::prop_assert_eq!(is_footer(&a), footer, "{:?}", a);
        }

        #[test]
        fn lines_split_and_trim_like_str(
            parts in proptest::collection::vec(
                "(Hà Nội|x|\n|\n\n| |\t|\u{A0}|\u{3000}|\u{2028}|\r|ế|“)",
                0..120,
            ),
        ) {
            let t: String = parts.concat();
            let want: Vec<&str> = t.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
            let got: Vec<&str> = lines(&t).iter().map(|l| &t[l.start..l.end]).collect();
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn caption_test_lowercases_only_what_it_needs(
            parts in proptest::collection::vec(
                "(ảnh|Ảnh|ẢNH|ảNh| minh | họa|hoạ|HỌA|nguồn|NGUỒN|Nguồn|:| :|\\(|\\)|Reuters|TTXVN| |  |\u{A0}|x|Σ|İ|hưởng|ông)",
                0..40,
            ),
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(is_caption_line(&t), is_caption_text(&t.to_lowercase()), "{:?}", t);
        }
    }

    #[test]
    fn lines_are_trimmed_like_str_trim() {
        let text = " \u{3000}Tiêu đề\u{A0}\n\n\t\u{2009}\n  Đoạn một.  \r\n\u{85}x\u{2028}\n\u{B}y\u{C}\nz";
        let want: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let got: Vec<&str> = lines(text).iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn footers_are_found_in_any_case() {
        assert!(is_footer("Ý kiến bạn đọc"));
        assert!(is_footer("BÌNH LUẬN:"));
        assert!(is_footer("Tin liên quan."));
        assert!(!is_footer("Ảnh: Reuters"));
        assert!(!is_footer("Bình luận viên thể thao"));
    }

    #[test]
    fn captions_by_their_label() {
        assert_eq!(classify("Ảnh: Reuters"), BlockKind::Caption);
        assert_eq!(
            classify("Cầu mới bắc qua sông Hồng. Ảnh: Hoàng Hà"),
            BlockKind::Caption
        );
        assert_eq!(
            classify("Bến cảng lúc bình minh (ẢNH: MINH ANH)"),
            BlockKind::Caption
        );
        assert_eq!(
            classify("Số liệu chính thức. Nguồn: Tổng cục Thống kê"),
            BlockKind::Caption
        );
        // A label far from the end, with many words after it, is no credit.
        assert_eq!(
            classify("Mưa lớn ảnh hưởng tới giao thông của nhiều tỉnh miền núi phía Bắc trong ba ngày liền."),
            BlockKind::Paragraph
        );
    }

    #[test]
    fn bylines() {
        assert!(looks_like_byline("Nông Vui"));
        assert!(looks_like_byline("THÀNH ĐỒNG"));
        assert!(looks_like_byline("Xuân Thắng -"));
        assert!(looks_like_byline("(TTXVN)"));
        assert!(looks_like_byline("V.H"));
        assert!(!looks_like_byline("Ông Salzberg nói."));
        assert!(!looks_like_byline("tăng 27,2% so với trung bình"));
        assert_eq!(clean_byline("Xuân Thắng -"), "Xuân Thắng");
        assert!(!looks_like_byline("Hotline: 0914926900"));
        assert!(!looks_like_byline("Email: banbientap@bao.vn"));
    }

    /// Many paths of one folder are sorted out from its listing; the answer must be what a
    /// look-up of each path gives: files kept, folders expanded, symlinks followed, FIFOs kept
    /// (loading refuses them), missing names and odd forms reported.
    #[cfg(unix)]
    #[test]
    fn paths_listed_from_their_folder_match_one_look_up_each() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path();
        let mut paths = Vec::new();
        for i in 0..LIST_FOLDER_FROM + 4 {
            let p = dir.join(format!("a{i}.txt"));
            fs::write(&p, "Tiêu đề\nMột đoạn.\n").unwrap();
            paths.push(p);
        }
        fs::create_dir(dir.join("sub")).unwrap();
        fs::write(dir.join("sub").join("b.txt"), "x\n").unwrap();
        std::os::unix::fs::symlink(dir.join("a0.txt"), dir.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("gone"), dir.join("dangling.txt")).unwrap();
        let fifo =
            std::ffi::CString::new(dir.join("pipe").into_os_string().into_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        for extra in [
            "sub",
            "link.txt",
            "dangling.txt",
            "pipe",
            "missing.txt",
            "a1.txt/",
            "sub/.",
            "sub/..",
            "a2.txt/.",
        ] {
            paths.push(dir.join(extra));
        }
        paths.push(dir.join("sub").join("b.txt"));
        paths.push(paths[3].clone());
        let listed = listed_files(&paths).listed;
        assert_eq!(listed.len(), paths.len());
        assert!(listed[..LIST_FOLDER_FROM + 4].iter().all(|&l| l));
        let show = |(files, errors): (Vec<PathBuf>, Vec<LoadError>)| {
            let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            (files, errors)
        };
        let one_by_one = paths.iter().fold((Vec::new(), Vec::new()), |mut acc, p| {
            let (f, e) = expand_paths(std::slice::from_ref(p));
            acc.0.extend(f);
            acc.1.extend(e);
            acc
        });
        assert_eq!(show(expand_paths(&paths)), show(one_by_one));
    }

    /// Files opened by their name in their listed folder load as by their path, including
    /// when they changed since the listing (removed, or replaced by a FIFO or a folder).
    #[cfg(unix)]
    #[test]
    fn files_opened_in_their_folder_load_as_by_their_path() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path();
        let mut paths = Vec::new();
        for i in 0..LIST_FOLDER_FROM + 4 {
            let p = dir.join(format!("a{i}.txt"));
            fs::write(&p, format!("Tiêu đề {i}\nMột đoạn về Hà Nội.\n")).unwrap();
            paths.push(p);
        }
        let (files, errors) = list_files(&paths);
        assert!(errors.is_empty());
        assert_eq!(files.folders.len(), 1);
        assert!(files.listed.iter().all(|&l| l == 0));
        fs::remove_file(&paths[1]).unwrap();
        fs::remove_file(&paths[2]).unwrap();
        let fifo =
            std::ffi::CString::new(paths[2].clone().into_os_string().into_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        fs::remove_file(&paths[3]).unwrap();
        fs::create_dir(&paths[3]).unwrap();
        // Longer than the first read, and empty: both read again from the start.
        fs::write(&paths[4], "Tiêu đề\nMột đoạn về Hà Nội.\n".repeat(4000)).unwrap();
        fs::write(&paths[5], "").unwrap();
        for (i, p) in paths.iter().enumerate() {
            let show = |r: Result<Article, LoadError>| r.map_err(|e| e.to_string());
            assert_eq!(show(files.load(i)), show(load_file(p)), "{i}");
        }
        assert!(files.load(0).is_ok());
        assert!(files.load(1).is_err() && files.load(2).is_err() && files.load(3).is_err());
        assert!(files.load(4).unwrap().text.len() > 100_000);
    }

    /// A folder given as a path: its regular files open by their names in it, and load as by
    /// their paths; symlinks, FIFOs and subfolders are looked up as before.
    #[cfg(unix)]
    #[test]
    fn files_of_a_folder_given_load_as_by_their_path() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path();
        for i in 0..3 {
            fs::write(
                dir.join(format!("b{i}.txt")),
                format!("Tiêu đề {i}\nMột đoạn.\n"),
            )
            .unwrap();
        }
        fs::write(dir.join("README.md"), "x\n").unwrap();
        fs::create_dir(dir.join("sub.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("b0.txt"), dir.join("a-link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("sub.txt"), dir.join("c-dir-link.txt")).unwrap();
        let fifo = std::ffi::CString::new(dir.join("d.txt").into_os_string().into_encoded_bytes())
            .unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let (files, errors) = list_files(&[dir]);
        assert!(errors.is_empty());
        let names: Vec<_> = files.paths.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["a-link.txt", "b0.txt", "b1.txt", "b2.txt", "d.txt"]);
        assert_eq!(files.folders.len(), 1);
        assert_eq!(files.listed, [NOT_LISTED, 0, 0, 0, NOT_LISTED]);
        for (i, p) in files.paths.iter().enumerate() {
            let show = |r: Result<Article, LoadError>| r.map_err(|e| e.to_string());
            assert_eq!(show(files.load(i)), show(load_file(p)), "{i}");
        }
        assert!(files.load(4).is_err());
    }
}
