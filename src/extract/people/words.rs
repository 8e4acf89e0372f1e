//! The words a thread has keyed, by their spelling in the text: an open-addressing table, so
//! that a word seen before costs one hash of its bytes, a probe or two and one comparison (the
//! people pass keys tens of thousands of words per MB of text, most of them seen before).

use std::rc::Rc;

/// A word's matching key, its table bits and the bits of its shape, shared by the tokens
/// spelling the word the same.
pub type Keyed = (Rc<str>, u32, u8);

/// Spelling → [`Keyed`].
#[derive(Default)]
pub struct Words {
    /// Index plus one into `words` (0: empty), at the top bits of the hash, then onwards.
    slots: Vec<u32>,
    words: Vec<Entry>,
    /// Every word's spelling, one after another: one buffer, not one allocation a word.
    spellings: String,
    /// log2 of `slots.len()`.
    bits: u32,
}

struct Entry {
    hash: u64,
    /// Where its spelling lies in `spellings`.
    at: u32,
    len: u32,
    keyed: Keyed,
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A multiply-rotate hash of a short word, read eight bytes at a time.
#[inline]
fn hash(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // The tail from at most two overlapping loads: no copy into a buffer.
    let r = chunks.remainder();
    let n = r.len();
    let word = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
    let v = if n >= 4 {
        u64::from(word(0)) | u64::from(word(n - 4)) << 32
    } else if n > 0 {
        u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16
    } else {
        0
    };
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

impl Words {
    /// Words held at most (a few MB): past that the table starts afresh.
    pub const MAX: usize = 1 << 15;

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The key of `spelling`, made by `make` if the table has none.
    pub fn get_or_make(&mut self, spelling: &str, make: impl FnOnce(&str) -> Keyed) -> Keyed {
        if self.slots.is_empty() {
            self.bits = 10;
            self.slots = vec![0; 1 << self.bits];
        }
        let h = hash(spelling.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        loop {
            let s = self.slots[i];
            if s == 0 {
                break;
            }
            let e = &self.words[(s - 1) as usize];
            let at = e.at as usize;
            if e.hash == h && self.spellings.get(at..at + e.len as usize) == Some(spelling) {
                return e.keyed.clone();
            }
            i = (i + 1) & mask;
        }
        let keyed = make(spelling);
        // Past MAX words, or offsets that no longer fit: afresh.
        if self.words.len() >= Self::MAX
            || self.spellings.len() + spelling.len() > u32::MAX as usize
        {
            self.words.clear();
            self.spellings.clear();
            self.slots.iter_mut().for_each(|s| *s = 0);
            i = (h >> (64 - self.bits)) as usize;
        }
        self.words.push(Entry {
            hash: h,
            at: self.spellings.len() as u32,
            len: spelling.len() as u32,
            keyed: keyed.clone(),
        });
        self.spellings.push_str(spelling);
        self.slots[i] = self.words.len() as u32;
        // At most half full, so probes stay short.
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        keyed
    }

    fn grow(&mut self) {
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        let mask = self.slots.len() - 1;
        for (n, e) in self.words.iter().enumerate() {
            let mut i = (e.hash >> (64 - self.bits)) as usize;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = n as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Keyed, Words};
    use std::collections::HashMap;
    use std::rc::Rc;

    fn make(w: &str) -> Keyed {
        (Rc::from(w.to_uppercase().as_str()), w.len() as u32, 0)
    }

    proptest::proptest! {
        #[test]
        fn words_is_a_map(ws in proptest::collection::vec("[a-eàđ.]{0,11}", 0..3000)) {
            let mut t = Words::default();
            let mut m: HashMap<String, Keyed> = HashMap::new();
            let mut made: HashMap<String, usize> = HashMap::new();
            for w in &ws {
                let want = m.entry(w.clone()).or_insert_with(|| make(w)).clone();
                let got = t.get_or_make(w, |w| {
                    *made.entry(w.to_owned()).or_default() += 1;
                    make(w)
                });
                proptest::prop_assert_eq!(&got, &want);
            }
            proptest::prop_assert_eq!(t.len(), m.len());
            // Each word is made once only.
            proptest::prop_assert!(made.values().all(|&n| n == 1));
            proptest::prop_assert_eq!(made.len(), m.len());
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
        assert_eq!(t.get_or_make(&last, |_| unreachable!()).1, 5);
    }
}
