//! Reading positions remembered across runs, in one small JSON file.
//!
//! A position is keyed by the file's canonical path, size and modification time, so an edited
//! file starts at the top again. The file holds at most [`CAP`] entries (the least recently
//! left go first) and is replaced atomically: written to a temporary file in the same folder,
//! synced, then renamed over the old one. Nothing here touches the articles themselves.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Entries kept; the least recently saved are dropped beyond it.
pub const CAP: usize = 1000;
/// The file's name inside the state folder.
pub const FILE_NAME: &str = "positions.json";
/// A state file bigger than this is not ours (1,000 entries take well under 1 MB).
const MAX_FILE_BYTES: u64 = 16 << 20;
const VERSION: u32 = 1;

/// Where in an article the view was: the anchor offset of the top line and its rank among the
/// lines sharing that anchor (see `Layout::position`), which survive a change of width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub offset: usize,
    pub rank: usize,
}

/// What identifies one version of one file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileKey {
    pub path: String,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown or earlier).
    pub mtime_ns: u64,
}

impl FileKey {
    /// The key of the file at `path` as it is now: None when it cannot be resolved or its
    /// canonical path is not UTF-8 (such a file is simply not remembered).
    pub fn of(path: &Path) -> Option<FileKey> {
        let canon = fs::canonicalize(path).ok()?;
        let meta = fs::metadata(&canon).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Some(FileKey {
            path: canon.to_str()?.to_owned(),
            size: meta.len(),
            mtime_ns,
        })
    }
}

/// Why the state file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PositionsError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error("{} is too big ({size} bytes)", path.display())]
    TooBig { path: PathBuf, size: u64 },
    #[error("{} is corrupt: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{} has unknown version {version}", path.display())]
    Version { path: PathBuf, version: u32 },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    path: String,
    size: u64,
    mtime_ns: u64,
    offset: usize,
    rank: usize,
    /// When it was saved, as a counter: larger is more recent.
    used: u64,
}

#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    entries: Vec<Entry>,
}

/// The remembered positions, one per file path.
#[derive(Clone, Debug, Default)]
pub struct Positions {
    by_path: HashMap<String, Entry>,
    clock: u64,
}

impl Positions {
    /// Reads the state file; a missing one is an empty set.
    pub fn load(file: &Path) -> Result<Positions, PositionsError> {
        let meta = match fs::metadata(file) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Positions::default()),
            Err(source) => {
                return Err(PositionsError::Read {
                    path: file.to_owned(),
                    source,
                })
            }
        };
        // A FIFO or device there would block or flood the read.
        if !meta.is_file() {
            return Err(PositionsError::NotAFile {
                path: file.to_owned(),
            });
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(PositionsError::TooBig {
                path: file.to_owned(),
                size: meta.len(),
            });
        }
        let bytes = fs::read(file).map_err(|source| PositionsError::Read {
            path: file.to_owned(),
            source,
        })?;
        Positions::parse(&bytes).map_err(|e| match e {
            ParseError::Json(source) => PositionsError::Corrupt {
                path: file.to_owned(),
                source,
            },
            ParseError::Version(version) => PositionsError::Version {
                path: file.to_owned(),
                version,
            },
        })
    }

    fn parse(bytes: &[u8]) -> Result<Positions, ParseError> {
        let f: FileFormat = serde_json::from_slice(bytes).map_err(ParseError::Json)?;
        if f.version != VERSION {
            return Err(ParseError::Version(f.version));
        }
        let mut p = Positions::default();
        for e in f.entries {
            p.clock = p.clock.max(e.used);
            match p.by_path.get(&e.path) {
                Some(old) if old.used >= e.used => {}
                _ => {
                    p.by_path.insert(e.path.clone(), e);
                }
            }
        }
        p.trim();
        Ok(p)
    }

    /// Writes the set to `file` atomically, creating its folder if needed. On failure the old
    /// file is untouched and no temporary file is left behind.
    pub fn save(&self, file: &Path) -> Result<(), PositionsError> {
        let err = |source| PositionsError::Write {
            path: file.to_owned(),
            source,
        };
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir).map_err(err)?;
        let name = file
            .file_name()
            .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = write_synced(&tmp, &self.to_json()).and_then(|()| fs::rename(&tmp, file));
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            return Err(err(e));
        }
        // Make the rename itself durable; not every system lets a folder be synced.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    fn to_json(&self) -> Vec<u8> {
        let mut entries: Vec<Entry> = self.by_path.values().cloned().collect();
        entries.sort_by(|a, b| a.used.cmp(&b.used).then_with(|| a.path.cmp(&b.path)));
        let f = FileFormat {
            version: VERSION,
            entries,
        };
        serde_json::to_vec(&f).expect("plain data serialises")
    }

    /// The position saved for this very version of the file.
    pub fn get(&self, key: &FileKey) -> Option<Position> {
        self.by_path
            .get(&key.path)
            .filter(|e| e.size == key.size && e.mtime_ns == key.mtime_ns)
            .map(|e| Position {
                offset: e.offset,
                rank: e.rank,
            })
    }

    /// Remembers `pos` for the file, replacing whatever its path had, as the most recent entry.
    pub fn set(&mut self, key: &FileKey, pos: Position) {
        self.clock += 1;
        self.by_path.insert(
            key.path.clone(),
            Entry {
                path: key.path.clone(),
                size: key.size,
                mtime_ns: key.mtime_ns,
                offset: pos.offset,
                rank: pos.rank,
                used: self.clock,
            },
        );
        self.trim();
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Drops the least recently saved entries beyond [`CAP`].
    fn trim(&mut self) {
        let over = self.by_path.len().saturating_sub(CAP);
        if over == 0 {
            return;
        }
        let mut used: Vec<u64> = self.by_path.values().map(|e| e.used).collect();
        used.sort_unstable();
        let cut = used[over - 1];
        self.by_path.retain(|_, e| e.used > cut);
    }
}

enum ParseError {
    Json(serde_json::Error),
    Version(u32),
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    // Which articles someone reads is their business: readable by them alone.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The state file from the environment: None when `BAO_NO_STATE` is set (to anything but
/// "0" or empty) or no folder can be found. `BAO_STATE_DIR` wins, then `$XDG_STATE_HOME/bao`,
/// then `~/.local/state/bao`.
pub fn state_file_from_env() -> Option<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    state_file(
        var("BAO_NO_STATE").is_some_and(|v| v != "0"),
        var("BAO_STATE_DIR").map(PathBuf::from),
        var("XDG_STATE_HOME").map(PathBuf::from),
        var("HOME").map(PathBuf::from),
    )
}

/// [`state_file_from_env`] over given values. Relative XDG paths are invalid by the spec.
pub fn state_file(
    disabled: bool,
    state_dir: Option<PathBuf>,
    xdg_state_home: Option<PathBuf>,
    home: Option<PathBuf>,
) -> Option<PathBuf> {
    if disabled {
        return None;
    }
    let dir = state_dir
        .or_else(|| {
            xdg_state_home
                .filter(|p| p.is_absolute())
                .map(|p| p.join("bao"))
        })
        .or_else(|| home.map(|h| h.join(".local/state/bao")))?;
    Some(dir.join(FILE_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, size: u64, mtime_ns: u64) -> FileKey {
        FileKey {
            path: path.into(),
            size,
            mtime_ns,
        }
    }

    fn pos(offset: usize) -> Position {
        Position { offset, rank: 0 }
    }

    fn dir_names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/positions.json");
        let mut p = Positions::default();
        p.set(
            &key("/a.txt", 10, 5),
            Position {
                offset: 42,
                rank: 1,
            },
        );
        p.set(&key("/b.txt", 20, 6), pos(7));
        p.save(&file).unwrap();
        let q = Positions::load(&file).unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(
            q.get(&key("/a.txt", 10, 5)),
            Some(Position {
                offset: 42,
                rank: 1
            })
        );
        assert_eq!(q.get(&key("/b.txt", 20, 6)), Some(pos(7)));
    }

    #[test]
    fn a_changed_file_has_no_position() {
        let mut p = Positions::default();
        p.set(&key("/a.txt", 10, 5), pos(42));
        assert_eq!(p.get(&key("/a.txt", 11, 5)), None, "size changed");
        assert_eq!(p.get(&key("/a.txt", 10, 6)), None, "mtime changed");
        assert_eq!(p.get(&key("/b.txt", 10, 5)), None);
        // The new version replaces the old one rather than adding an entry.
        p.set(&key("/a.txt", 11, 6), pos(1));
        assert_eq!(p.len(), 1);
        assert_eq!(p.get(&key("/a.txt", 11, 6)), Some(pos(1)));
    }

    #[test]
    fn missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = Positions::load(&dir.path().join("positions.json")).unwrap();
        assert!(p.is_empty());
    }

    #[test]
    fn corrupt_files_are_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("positions.json");
        for bad in [
            &b"{not json"[..],
            b"",
            b"\xff\xfe\x00garbage",
            b"[1,2,3]",
            br#"{"version":1,"entries":[{"path":"/a","size":-1}]}"#,
        ] {
            fs::write(&file, bad).unwrap();
            let e = Positions::load(&file).unwrap_err();
            assert!(matches!(e, PositionsError::Corrupt { .. }), "{e}");
            // One line, naming the file.
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            assert!(msg.contains("positions.json"), "{msg}");
        }
        fs::write(&file, br#"{"version":99,"entries":[]}"#).unwrap();
        assert!(matches!(
            Positions::load(&file),
            Err(PositionsError::Version { version: 99, .. })
        ));
        // A folder where the file should be.
        let d = dir.path().join("d.json");
        fs::create_dir(&d).unwrap();
        assert!(matches!(
            Positions::load(&d),
            Err(PositionsError::NotAFile { .. })
        ));
    }

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("positions.json");
        fs::write(&file, b"old and corrupt").unwrap();
        let mut p = Positions::default();
        p.set(&key("/a.txt", 1, 1), pos(3));
        p.save(&file).unwrap();
        p.set(&key("/b.txt", 1, 1), pos(4));
        p.save(&file).unwrap();
        assert_eq!(dir_names(dir.path()), ["positions.json"]);
        assert_eq!(Positions::load(&file).unwrap().len(), 2);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "private to its owner: {mode:o}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("positions.json");
        let mut p = Positions::default();
        p.set(&key("/a.txt", 1, 1), pos(3));
        p.save(&file).unwrap();
        let before = fs::read(&file).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        p.set(&key("/b.txt", 1, 1), pos(4));
        let r = p.save(&file);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        // Root may write anyway; then the save simply succeeded.
        if let Err(e) = r {
            assert!(matches!(e, PositionsError::Write { .. }), "{e}");
            assert_eq!(fs::read(&file).unwrap(), before);
        }
        assert_eq!(dir_names(dir.path()), ["positions.json"]);
    }

    #[test]
    fn capped_dropping_the_oldest() {
        let mut p = Positions::default();
        for i in 0..CAP + 5 {
            p.set(&key(&format!("/f{i}.txt"), 1, 1), pos(i));
        }
        assert_eq!(p.len(), CAP);
        for i in 0..5 {
            assert_eq!(p.get(&key(&format!("/f{i}.txt"), 1, 1)), None);
        }
        assert_eq!(p.get(&key("/f5.txt", 1, 1)), Some(pos(5)));
        // Saving again makes an old entry recent: it survives the next drops.
        p.set(&key("/f5.txt", 1, 1), pos(55));
        p.set(&key("/new.txt", 1, 1), pos(0));
        assert_eq!(p.get(&key("/f5.txt", 1, 1)), Some(pos(55)));
        assert_eq!(p.get(&key("/f6.txt", 1, 1)), None);
        // The order survives a round trip.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("positions.json");
        p.save(&file).unwrap();
        let mut q = Positions::load(&file).unwrap();
        assert_eq!(q.len(), CAP);
        q.set(&key("/newer.txt", 1, 1), pos(0));
        assert_eq!(q.get(&key("/f7.txt", 1, 1)), None);
        assert_eq!(q.get(&key("/f5.txt", 1, 1)), Some(pos(55)));
    }

    #[test]
    fn file_keys_follow_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("bài.txt");
        fs::write(&f, "Tiêu đề\n\nMột đoạn.").unwrap();
        let k = FileKey::of(&f).unwrap();
        assert_eq!(k.size, fs::metadata(&f).unwrap().len());
        assert!(Path::new(&k.path).is_absolute());
        // Another spelling of the same path is the same key.
        let other = dir.path().join(".").join("bài.txt");
        assert_eq!(FileKey::of(&other), Some(k.clone()));
        fs::write(&f, "Tiêu đề\n\nMột đoạn khác hẳn.").unwrap();
        assert_ne!(FileKey::of(&f).unwrap().size, k.size);
        assert_eq!(FileKey::of(&dir.path().join("none.txt")), None);
    }

    #[test]
    fn the_state_file_from_the_environment() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(state_file(true, p("/s"), p("/x"), p("/h")), None);
        assert_eq!(
            state_file(false, p("/s"), p("/x"), p("/h")),
            p("/s/positions.json")
        );
        assert_eq!(
            state_file(false, None, p("/x"), p("/h")),
            p("/x/bao/positions.json")
        );
        assert_eq!(
            state_file(false, None, p("relative"), p("/h")),
            p("/h/.local/state/bao/positions.json")
        );
        assert_eq!(state_file(false, None, None, None), None);
    }
}
