//! The words a thread has keyed, by their spelling in the text, so that a word seen before
//! costs one hash of its bytes and one comparison (the people pass keys tens of thousands of
//! words per MB of text, most of them seen before).

use hashbrown::HashTable;
use std::cell::RefCell;
use std::rc::Rc;

/// A word's matching key, its table bits, the bits of its shape (0 if left to be found when
/// asked) and its key's id in the tables (0 if none), shared by the tokens spelling the word
/// the same.
pub type Keyed = (Key, u32, u8, u16);

/// A key written in an [`Arena`]'s chunk, shared (as an `Rc<str>` is, and of its size): the
/// keys of a thousand words cost one allocation, not one each.
#[derive(Clone)]
pub struct Key {
    chunk: Rc<Chunk>,
    at: u32,
    len: u32,
}

/// Bytes written once each, never moved: a [`Key`] reads its own while later keys are
/// written after them.
struct Chunk {
    ptr: std::ptr::NonNull<u8>,
    cap: usize,
    len: std::cell::Cell<usize>,
}

impl Drop for Chunk {
    fn drop(&mut self) {
        // SAFETY: `ptr` and `cap` are a `Vec<u8>`'s, taken apart in `Chunk::new`.
        drop(unsafe { Vec::from_raw_parts(self.ptr.as_ptr(), 0, self.cap) });
    }
}

impl Chunk {
    fn new(cap: usize) -> Rc<Chunk> {
        let mut v = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(cap));
        Rc::new(Chunk {
            ptr: std::ptr::NonNull::new(v.as_mut_ptr()).unwrap_or(std::ptr::NonNull::dangling()),
            cap: v.capacity(),
            len: std::cell::Cell::new(0),
        })
    }
}

/// Where [`Key`]s are written, a chunk at a time.
#[derive(Default)]
pub struct Arena {
    chunk: Option<Rc<Chunk>>,
}

impl Arena {
    /// Bytes of a chunk (a longer key gets a chunk of its own).
    const CHUNK: usize = 1 << 13;

    /// `s` as a key in the arena.
    pub fn alloc(&mut self, s: &str) -> Key {
        let n = s.len();
        let fits = |c: &Rc<Chunk>| c.cap - c.len.get() >= n;
        let chunk = match &self.chunk {
            Some(c) if fits(c) => c,
            _ => self.chunk.insert(Chunk::new(Self::CHUNK.max(n))),
        };
        let at = chunk.len.get();
        // SAFETY: `at..at + n` is within the chunk's room and written by no key yet (a key
        // reads only the bytes before `len`), and `s` is not in the chunk.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), chunk.ptr.as_ptr().add(at), n);
        }
        chunk.len.set(at + n);
        Key {
            chunk: Rc::clone(chunk),
            at: at as u32,
            len: n as u32,
        }
    }
}

impl std::ops::Deref for Key {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: the key's bytes were copied from a `str` into the chunk, which lives while
        // the key holds it, and are never written again.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                self.chunk.ptr.as_ptr().add(self.at as usize),
                self.len as usize,
            ))
        }
    }
}

impl From<&str> for Key {
    /// A key alone in a chunk of its own.
    fn from(s: &str) -> Key {
        Arena::default().alloc(s)
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self
    }
}

impl std::hash::Hash for Key {
    /// As its `str` hashes: a map of keys is asked with a `&str`.
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (**self).hash(h);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        **self == **other
    }
}

impl Eq for Key {}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A thread's cache or spare buffers, not freed when the thread ends: a thread most often ends
/// with the process (the main thread's too, at `exit`), and freeing thousands of keys and
/// buffers one by one then costs for nothing. Only the first [`KEPT_AT_END`] of these in a
/// process are left so (a few MB each at most): a program whose threads come and go frees the
/// others.
pub struct Kept<T: Default>(RefCell<T>);

/// How many [`Kept`] values a process leaves unfreed as their threads end.
const KEPT_AT_END: usize = 48;

impl<T: Default> Kept<T> {
    pub fn new(value: T) -> Self {
        Kept(RefCell::new(value))
    }

    /// The value, an empty one left in its place.
    pub fn take(&self) -> T {
        std::mem::take(&mut *self.0.borrow_mut())
    }

    pub fn put(&self, value: T) {
        *self.0.borrow_mut() = value;
    }
}

impl<T: Default> Drop for Kept<T> {
    fn drop(&mut self) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // One count for every `T`: a static in a generic function is one static.
        static LEFT: AtomicUsize = AtomicUsize::new(KEPT_AT_END);
        let leave = LEFT
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
            .is_ok();
        if leave {
            std::mem::forget(std::mem::take(self.0.get_mut()));
        }
    }
}

/// Spelling → [`Keyed`].
///
/// The entries lie in one list in the order they were made, and the hash table holds only
/// their indices: a table of four-byte slots is rehashed as it grows, not one of forty-byte
/// entries, and the list is filled in order, so few pages are touched (the pages a growing
/// table of entries touched were a sixth of the process's page faults).
#[derive(Default)]
pub struct Words {
    table: HashTable<u32>,
    entries: Vec<Entry>,
    /// Every word's spelling, one after another: one buffer, not one allocation a word.
    spellings: String,
    hasher: foldhash::fast::FixedState,
    /// Where the words' keys are written (given to `make`).
    arena: Arena,
    /// The entry last found or made for a short word, by a few bits of its bytes (one slot
    /// each, [`Words::FRONT`] of them, made at the first word): a word seen again is most
    /// often found there, by one multiply and one comparison, without hashing its bytes and
    /// probing the table.
    front: Vec<Front>,
}

/// A [`Words::front`] slot: the bytes of a word of 1 to 16 bytes as [`short_word`] reads them
/// (`len` 0: empty), and its entry.
#[derive(Clone, Copy, Default)]
struct Front {
    lo: u64,
    hi: u64,
    len: u32,
    entry: u32,
}

/// A word of 1 to 16 bytes as two numbers that together with its length tell it from any
/// other: its first and last eight (or four) bytes, overlapping, or for one to three bytes
/// the first, middle and last (which are all of them).
#[inline]
fn short_word(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or([0; 4]));
    match n {
        8..=16 => Some((u64_at(0), u64_at(n - 8))),
        4..=7 => Some((u64::from(u32_at(0)), u64::from(u32_at(n - 4)))),
        1..=3 => Some((
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        )),
        _ => None,
    }
}

struct Entry {
    hash: u64,
    /// Where its spelling lies in `spellings`.
    at: u32,
    len: u32,
    keyed: Keyed,
}

impl Words {
    /// Words held at most (a few MB): past that the table starts afresh.
    pub const MAX: usize = 1 << 15;
    /// Words the table has room for before it first grows.
    const FIRST_ROOM: usize = 1 << 12;
    /// Slots of [`Words::front`] (24 bytes each).
    const FRONT: usize = 1 << 12;

    /// The [`Words::front`] slot of a short word.
    #[inline]
    fn front_at(lo: u64, hi: u64, len: usize) -> usize {
        let mix = (lo ^ (len as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (mix >> (64 - Self::FRONT.trailing_zeros())) as usize
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// The key of `spelling`, made by `make` if the table has none.
    pub fn get_or_make(
        &mut self,
        spelling: &str,
        make: impl FnOnce(&str, &mut Arena) -> Keyed,
    ) -> Keyed {
        let short = short_word(spelling.as_bytes());
        let mut slot = usize::MAX;
        if let Some((lo, hi)) = short {
            slot = Self::front_at(lo, hi, spelling.len());
            if let Some(f) = self.front.get(slot) {
                if f.lo == lo && f.hi == hi && f.len as usize == spelling.len() {
                    // SAFETY: a slot holds the index of an entry (the slots are emptied with
                    // the entries).
                    return unsafe { self.entries.get_unchecked(f.entry as usize) }
                        .keyed
                        .clone();
                }
            }
        }
        let keyed = self.find_or_make(spelling, make);
        if let Some((lo, hi)) = short {
            if self.front.is_empty() {
                self.front = vec![Front::default(); Self::FRONT];
            }
            self.front[slot] = Front {
                lo,
                hi,
                len: spelling.len() as u32,
                entry: keyed,
            };
        }
        // SAFETY: `find_or_make` gives an entry's index.
        unsafe { self.entries.get_unchecked(keyed as usize) }
            .keyed
            .clone()
    }

    /// The index of the entry of `spelling`, made by `make` if the table has none.
    fn find_or_make(
        &mut self,
        spelling: &str,
        make: impl FnOnce(&str, &mut Arena) -> Keyed,
    ) -> u32 {
        let h = crate::lexicon::people::bytes_hash(&self.hasher, spelling.as_bytes());
        let spellings = self.spellings.as_bytes();
        let entries = &self.entries[..];
        // Bytes, not a str slice: no char-boundary checks on a hit.
        // SAFETY (both unchecked reads): the table holds only indices of entries, and an
        // entry's spelling lies in `spellings` (written there as the entry was made).
        let same = |&i: &u32| {
            let e = unsafe { entries.get_unchecked(i as usize) };
            e.hash == h
                && e.len as usize == spelling.len()
                && same_bytes(
                    unsafe {
                        spellings.get_unchecked(e.at as usize..e.at as usize + spelling.len())
                    },
                    spelling.as_bytes(),
                )
        };
        if let Some(&i) = self.table.find(h, same) {
            return i;
        }
        let keyed = make(spelling, &mut self.arena);
        // Past MAX words, or offsets that no longer fit: afresh.
        if self.table.len() >= Self::MAX
            || self.spellings.len() + spelling.len() > u32::MAX as usize
        {
            self.table.clear();
            self.entries.clear();
            self.spellings.clear();
            self.front.fill(Front::default());
        }
        if self.entries.capacity() == 0 {
            // Room for the words of a few hundred articles, made at the first word (an empty
            // list, as `take` leaves in the thread's cell, holds none): the list and the
            // table's four-byte slots are not grown at every doubling before. (Past it the
            // list grows in place: at that size `realloc` remaps its pages, and a list reserved
            // for `MAX` words at once raised the peak memory of a long article.)
            self.entries.reserve_exact(Self::FIRST_ROOM);
            let entries = &self.entries[..];
            self.table
                .reserve(Self::FIRST_ROOM, |&i| entries[i as usize].hash);
        }
        let i = self.entries.len() as u32;
        self.entries.push(Entry {
            hash: h,
            at: self.spellings.len() as u32,
            len: spelling.len() as u32,
            keyed,
        });
        self.spellings.push_str(spelling);
        let entries = &self.entries[..];
        self.table
            .insert_unique(h, i, |&i| entries[i as usize].hash);
        i
    }
}

/// `a == b` for slices of one length, a word's few bytes compared by two loads each, not
/// by a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    debug_assert_eq!(n, b.len());
    let u64_at = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |s: &[u8], i: usize| u32::from_le_bytes(s[i..i + 4].try_into().unwrap_or([0; 4]));
    match n {
        // The first and the last eight (or four) bytes, overlapping: every byte is compared.
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        4..=7 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::{Arena, Keyed, Words};
    use std::collections::HashMap;

    fn make(w: &str, a: &mut Arena) -> Keyed {
        (
            a.alloc(&w.to_uppercase()),
            w.len() as u32,
            0,
            w.len() as u16,
        )
    }

    proptest::proptest! {
        #[test]
        fn words_is_a_map(ws in proptest::collection::vec("[a-eàđ.]{0,11}", 0..3000)) {
            let mut t = Words::default();
            let mut m: HashMap<String, Keyed> = HashMap::new();
            let mut made: HashMap<String, usize> = HashMap::new();
            for w in &ws {
                let want = m
                    .entry(w.clone())
                    .or_insert_with(|| make(w, &mut Arena::default()))
                    .clone();
                let got = t.get_or_make(w, |w, a| {
                    *made.entry(w.to_owned()).or_default() += 1;
                    make(w, a)
                });
                proptest::prop_assert_eq!(&got, &want);
            }
            proptest::prop_assert_eq!(t.len(), m.len());
            // Each word is made once only.
            proptest::prop_assert!(made.values().all(|&n| n == 1));
            proptest::prop_assert_eq!(made.len(), m.len());
        }
    }

    proptest::proptest! {
        #[test]
        fn short_words_are_told_apart(a in "[ab\u{300}]{0,7}", b in "[ab\u{300}]{0,7}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let (sa, sb) = (super::short_word(a), super::short_word(b));
            proptest::prop_assert_eq!(sa.is_some(), (1..=16).contains(&a.len()));
            if sa.is_some() && a.len() == b.len() {
                proptest::prop_assert_eq!(sa == sb, a == b);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn keys_are_their_strings(ws in proptest::collection::vec("[a-eàđ.]{0,40}", 0..400)) {
            let mut arena = Arena::default();
            let keys: Vec<_> = ws.iter().map(|w| arena.alloc(w)).collect();
            for (k, w) in keys.iter().zip(&ws) {
                proptest::prop_assert_eq!(&**k, w.as_str());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn same_bytes_is_equality(a in proptest::collection::vec(0u8..3, 0..40), flip in 0usize..40) {
            let mut b = a.clone();
            proptest::prop_assert!(super::same_bytes(&a, &b));
            if flip < b.len() {
                b[flip] ^= 1;
                proptest::prop_assert!(!super::same_bytes(&a, &b));
            }
        }
    }

    #[test]
    fn starts_afresh_past_its_size() {
        let mut t = Words::default();
        for n in 0..Words::MAX + 10 {
            let w = n.to_string();
            assert_eq!(t.get_or_make(&w, make).1, w.len() as u32);
        }
        assert!(t.len() <= Words::MAX);
        let last = (Words::MAX + 5).to_string();
        assert_eq!(t.get_or_make(&last, |_, _| unreachable!()).1, 5);
    }
}
