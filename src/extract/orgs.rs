//! Organisations: party and state bodies, courts, army and police units, companies, schools …
//!
//! Three sources of spans, in order: head rules ([`scan`]), well-known bodies written bare
//! (the gazetteer in [`crate::lexicon::orgs`]), and brand-shaped words ("OceanBank"). Every
//! string found is then looked for again in the whole article (the same string in one article
//! names the same body), and mentions are grouped into organisations by a canonical key that
//! expands abbreviations and ignores case and tone placement.

mod scan;
mod words;

use crate::document::{Article, BlockKind, Mention, Organisation};
use crate::extract::tokens::{is_all_caps, is_alpha, is_alphanumeric};
use crate::extract::Source;
use crate::lexicon::orgs::{FastMap, HeadKind, EXPANSIONS, LEXICON};
use hashbrown::HashTable;
use scan::{Entry, Strength};
use std::hash::BuildHasher;

/// One found span with what the rules know about it.
#[derive(Clone, Debug)]
struct Found {
    block: usize,
    start: usize,
    end: usize,
    strength: Strength,
    /// For an abbreviation given in parentheses: the start of the full name it abbreviates.
    abbr_of: Option<usize>,
}

/// The most entries the per-string maps and lists of [`propagate`] and [`group`] are sized
/// for up front.
const MAP_SIZE: usize = 1024;

/// Articles up to this size (bytes of text) keep their word list for the later-mention search.
const KEEP_WORDS_UP_TO: usize = 4 << 20;

/// The organisations `article` mentions, each with all its mentions.
pub fn find(article: &Article) -> Vec<Organisation> {
    find_in(&Source::of(article))
}

/// [`find`] on any text and blocks.
pub fn find_in(article: &Source) -> Vec<Organisation> {
    let text = article.text;
    // The lists kept by the thread from article to article (see [`Spare`]), empty.
    let Spare {
        mut found,
        mut heads,
        window_bufs,
        mut known,
        mut brands,
        mut taken,
        mut batch,
        mut picked,
        mut runs,
    } = SPARE.with(|c| std::mem::replace(&mut *c.borrow_mut(), Spare::empty()));
    let mut window_bufs = window_bufs.recycle();
    let table = &*scan::TABLE;
    // Keeping every word saves walking the text again when later mentions are searched, but
    // costs ~8 bytes per word: past a few megabytes memory matters more, and the walk gives
    // the same words.
    let keep_words = text.len() <= KEEP_WORDS_UP_TO;
    // News text has a word per ~6 bytes (5.3 at the densest): room for all of them saves
    // copying the list when it outgrows a smaller guess.
    if keep_words {
        runs.spans.reserve(2 * (text.len() / 5));
    }
    runs.by_block.resize(article.blocks.len(), None);
    for (bi, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Dateline {
            continue;
        }
        let Some(src) = text.get(block.range()) else {
            continue;
        };
        let base = block.start;
        heads.clear();
        known.clear();
        brands.clear();
        let bytes = src.as_bytes();
        let first_run = runs.spans.len() / 2;
        let mut spans = words::WordSpans::new(src);
        loop {
            // The words in batches: a few hundred at a time, whatever the block's size.
            batch.clear();
            spans.fill(&mut batch, 0, 256);
            if batch.is_empty() {
                break;
            }
            // u32 halves the list, which holds every word of the article; texts are far
            // below 4 GB (the loader refuses files over 256 MB).
            if keep_words {
                let base = base as u32;
                runs.spans.extend(batch.iter().map(|&x| base + x));
            }
            // Most words are lowercase and open no phrase of the table: one tight walk drops
            // them and the capitalised words that can be no brand, police code or squad.
            picked.clear();
            // SAFETY: the batch is words of `src` from `WordSpans::fill` with base 0.
            unsafe { table.pick_words(bytes, &batch, &mut picked) };
            for w in picked.chunks_exact(2) {
                let starts = w[1] & words::MAY_START != 0;
                let (a, b) = (w[0] as usize, (w[1] & !words::MAY_START) as usize);
                let mut head = false;
                let w = &bytes[a..b];
                // Brands, police codes and squads start with an ASCII capital: most words skip
                // all three tests on this one.
                let upper = w[0].is_ascii_uppercase();
                if upper
                    && could_be_brand(w)
                    && w.iter().all(u8::is_ascii_alphabetic)
                    && (a == 0 || !is_word_byte(bytes[a - 1]))
                    && (b == bytes.len() || !is_word_byte(bytes[b]))
                {
                    brands.push((a, b));
                }
                // Some phrase may start with the word (see [`words::MAY_START`]).
                if starts {
                    let mut bare = false;
                    for (e, entry) in table.matches_at(src, a, b) {
                        match entry {
                            Entry::Head(k) if !head => {
                                heads.push((a, e, Some(k)));
                                head = true;
                            }
                            Entry::Known if !bare => {
                                known.push((a, e));
                                bare = true;
                            }
                            _ => {}
                        }
                    }
                }
                if upper {
                    // Police departments go by codes: "PC67", "PA83", "PK02".
                    if is_police_code(w) {
                        known.push((a, b));
                    }
                    // Squads: "U16 Việt Nam", "U.23 Thái Lan".
                    if !head && w[0] == b'U' && scan::is_u_squad(scan::squad_word(src, a)) {
                        heads.push((a, b, None));
                    }
                }
            }
        }
        // Without `_` or combining marks (the chars where a word of letters, digits and marks
        // and a run of letters, digits and `_` differ), the words are exactly the runs
        // of word characters that propagation looks for (see [`word_hits`]).
        if keep_words && !spans.saw_mark && !spans.saw_underscore {
            runs.by_block[bi] = Some((first_run, runs.spans.len() / 2));
        }
        let spans = scan::scan(src, &heads, &mut window_bufs);
        taken.clear();
        for s in spans {
            found.push(Found {
                block: bi,
                start: base + s.start,
                end: base + s.end,
                strength: s.strength,
                abbr_of: None,
            });
            taken.push((s.start, s.end));
            if let Some((a, b)) = s.abbr {
                found.push(Found {
                    block: bi,
                    start: base + a,
                    end: base + b,
                    strength: Strength::Strong,
                    abbr_of: Some(base + s.start),
                });
                taken.push((a, b));
            }
        }
        // Well-known bodies written bare.
        for &(a, b) in &known {
            if is_product(src, a, b) {
                continue;
            }
            if is_word_bounded(src, a, b) && !taken.overlaps(a, b) {
                take_strong(&mut found, &mut taken, bi, base, (a, b));
            }
        }
        // Brand-shaped words: an inner capital after a lowercase letter ("OceanBank").
        debug_assert!(brands
            .iter()
            .copied()
            .eq(ascii_words(src).filter(|&(a, b)| could_be_brand(&bytes[a..b]))));
        for &(a, b) in &brands {
            let w = &src[a..b];
            if is_brand_shaped(w) && !LEXICON.not_orgs.contains(w) && !taken.overlaps(a, b) {
                take_strong(&mut found, &mut taken, bi, base, (a, b));
            }
        }
    }
    propagate(article, &mut found, &runs, &mut taken);
    let orgs = group(article, &mut found);
    // A long article's lists are freed with it.
    found.clear();
    heads.clear();
    known.clear();
    brands.clear();
    taken.clear();
    runs.spans.clear();
    runs.by_block.clear();
    let kept = found.capacity().max(heads.capacity()).max(known.capacity());
    let kept = kept.max(brands.capacity()).max(runs.by_block.capacity());
    if kept <= SPARE_MAX && runs.spans.capacity() <= SPARE_WORDS && window_bufs.is_small() {
        let spare = Spare {
            found,
            heads,
            window_bufs: window_bufs.recycle(),
            known,
            brands,
            taken,
            batch,
            picked,
            runs,
        };
        let _ = SPARE.try_with(|c| *c.borrow_mut() = spare);
    }
    orgs
}

/// The lists of [`find_in`] that outlive an article, empty: grown once per thread, not in
/// every article.
struct Spare {
    found: Vec<Found>,
    /// One lookup per word: heads open names, well-known bodies are names. Reused from block
    /// to block.
    heads: Vec<(usize, usize, Option<HeadKind>)>,
    /// The buffers of the window rules.
    window_bufs: scan::Buffers<'static>,
    known: Vec<(usize, usize)>,
    /// Brand-shaped candidates: the words that [`ascii_words`] would give that are long
    /// enough and end like a brand (see [`could_be_brand`]).
    brands: Vec<(usize, usize)>,
    /// The spans taken in a block.
    taken: Taken,
    /// The words of a block, a batch at a time, as flat (start, end) pairs.
    batch: Vec<u32>,
    /// The words of a batch worth a look (see [`words::ByFirstWord::pick_words`]).
    picked: Vec<u32>,
    runs: Runs,
}

impl Spare {
    /// Room for a usual article: growing from empty copies the lists several times.
    fn with_room() -> Self {
        Spare {
            found: Vec::with_capacity(64),
            heads: Vec::with_capacity(32),
            window_bufs: scan::Buffers::with_room(),
            known: Vec::with_capacity(16),
            brands: Vec::with_capacity(16),
            taken: Taken::default(),
            batch: Vec::with_capacity(2 * 256 + 64),
            picked: Vec::with_capacity(2 * 256 + 64),
            runs: Runs {
                spans: Vec::new(),
                by_block: Vec::with_capacity(64),
            },
        }
    }

    /// No room at all, for the thread's slot while an article uses its lists.
    fn empty() -> Self {
        Spare {
            found: Vec::new(),
            heads: Vec::new(),
            window_bufs: scan::Buffers::default(),
            known: Vec::new(),
            brands: Vec::new(),
            taken: Taken::default(),
            batch: Vec::new(),
            picked: Vec::new(),
            runs: Runs {
                spans: Vec::new(),
                by_block: Vec::new(),
            },
        }
    }
}

/// Room a kept list may have, in entries.
const SPARE_MAX: usize = 1 << 12;

/// Room the kept word list may have: the words of an article of ~160 KB.
const SPARE_WORDS: usize = 1 << 16;

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::new(Spare::with_room());
}

/// Records a strong mention at `a..b` of block `bi` (block-relative offsets from `base`).
fn take_strong(
    found: &mut Vec<Found>,
    taken: &mut Taken,
    bi: usize,
    base: usize,
    (a, b): (usize, usize),
) {
    found.push(Found {
        block: bi,
        start: base + a,
        end: base + b,
        strength: Strength::Strong,
        abbr_of: None,
    });
    taken.push((a, b));
}

/// Maximal runs of ASCII letters that start with a capital and touch no other letter.
fn ascii_words(src: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = src.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if b[i].is_ascii_uppercase() && (i == 0 || !is_word_byte(b[i - 1])) {
                let start = i;
                i += 1;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i == b.len() || !is_word_byte(b[i]) {
                    return Some((start, i));
                }
            }
            i += 1;
        }
        None
    })
}

/// What [`is_brand_shaped`] asks of a word's length and last byte first: words without it
/// are never brands.
#[inline]
fn could_be_brand(w: &[u8]) -> bool {
    w.len() >= 6 && w[w.len() - 1].is_ascii_lowercase()
}

/// A byte that can be part of a word: ASCII alphanumeric or any non-ASCII (UTF-8) byte.
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80 || c == b'_'
}

/// "OceanBank", "VietinBank", "VISecurities": a company word glued to a capitalised business
/// suffix.
pub(crate) fn is_brand_shaped(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "Bank",
        "Group",
        "Corp",
        "Land",
        "Tech",
        "Telecom",
        "Steel",
        "Soft",
        "Mart",
        "Pharma",
        "Petro",
        "Securities",
        "Holdings",
        "Capital",
        "Invest",
        "Media",
        "Food",
        "Foods",
        "Airways",
        "Express",
        "Logistics",
        "Insurance",
        "Energy",
        "Power",
        "Motors",
        "Sport",
        "Sports",
        "Studio",
        "Entertainment",
    ];
    // A head of two bytes or more, a suffix of four or more ending in a lowercase letter:
    // acronyms and plain capitalised words stop here.
    if w.len() < 6 || !w.as_bytes()[w.len() - 1].is_ascii_lowercase() {
        return false;
    }
    // Every suffix is one ASCII capital and lowercase letters: a word ending in one has it
    // from its last ASCII capital on, after a head of two chars or more.
    let Some(at) = w.bytes().rposition(|b| b.is_ascii_uppercase()) else {
        return false;
    };
    at >= 2 && SUFFIXES.contains(&&w[at..]) && w[..at].chars().count() >= 2 && camel(w)
}

/// Letters only, starting with a capital.
fn camel(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(is_alpha)
}

/// Byte ranges already taken, for overlap checks in O(log n): a long article has hundreds of
/// thousands of mentions, and a linear scan per candidate made extraction quadratic. The few
/// ranges of a usual block are kept in a short list instead, read in a few steps.
#[derive(Default)]
struct Taken {
    /// The ranges while they are few (and `ranges` is empty).
    few: Vec<(usize, usize)>,
    /// start → end; ranges may nest or overlap, so `max_len` bounds the backward walk.
    ranges: std::collections::BTreeMap<usize, usize>,
    max_len: usize,
}

/// The most ranges [`Taken`] keeps in its short list.
const TAKEN_FEW: usize = 64;

impl Taken {
    fn push(&mut self, (a, b): (usize, usize)) {
        self.max_len = self.max_len.max(b.saturating_sub(a));
        if self.ranges.is_empty() {
            if self.few.len() < TAKEN_FEW {
                self.few.push((a, b));
                return;
            }
            for (x, y) in self.few.drain(..) {
                let e = self.ranges.entry(x).or_insert(y);
                *e = (*e).max(y);
            }
        }
        let e = self.ranges.entry(a).or_insert(b);
        *e = (*e).max(b);
    }

    /// Whether `a..b` overlaps a taken range. Only ranges starting within `max_len` before
    /// `b` can reach past `a`.
    fn overlaps(&self, a: usize, b: usize) -> bool {
        if self.ranges.is_empty() {
            return self.few.iter().any(|&(x, y)| x < b && a < y);
        }
        let from = a.saturating_sub(self.max_len);
        self.ranges.range(from..b).any(|(_, &y)| a < y)
    }

    /// Empty again, keeping the short list's room.
    fn clear(&mut self) {
        self.few.clear();
        self.ranges.clear();
        self.max_len = 0;
    }
}

/// No letter or digit glued to either side of `a..b`.
pub(crate) fn is_word_bounded(src: &str, a: usize, b: usize) -> bool {
    // Most mentions have a space or a plain punctuation mark (or the text's edge) on each
    // side: ASCII bytes that neither glue nor join, told without decoding a char.
    let bytes = src.as_bytes();
    let plain = |x: Option<&u8>| {
        x.is_none_or(|&x| x.is_ascii() && !x.is_ascii_alphanumeric() && !b"_.-&'".contains(&x))
    };
    let at_a = a.checked_sub(1).map(|p| &bytes[p]);
    if src.is_char_boundary(a) && plain(at_a) && plain(bytes.get(b)) {
        // Slicing below checks the char boundary at `b` as the slow path does.
        let _ = &src[b..];
        return true;
    }
    is_word_bounded_by_chars(src, a, b)
}

/// [`is_word_bounded`] by the chars around the span.
fn is_word_bounded_by_chars(src: &str, a: usize, b: usize) -> bool {
    let before = src[..a].chars().next_back();
    let after = src[b..].chars().next();
    let glue = |c: Option<char>| c.is_some_and(|c| is_alphanumeric(c) || c == '_');
    let joined_after = src[b..]
        .strip_prefix(['.', '-', '&', '\''])
        .and_then(|r| r.chars().next())
        .is_some_and(is_alphanumeric);
    let joined_before = src[..a]
        .strip_suffix(['.', '-', '&', '\''])
        .and_then(|r| r.chars().next_back())
        .is_some_and(is_alphanumeric);
    !glue(before) && !glue(after) && !joined_after && !joined_before
}

/// The code of a police department: P, a letter of the branch, two digits.
fn is_police_code(b: &[u8]) -> bool {
    b.len() == 4
        && b[0] == b'P'
        && matches!(b[1], b'A' | b'C' | b'K' | b'V' | b'X' | b'H')
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit()
}

/// A brand used as a product's name: "Boeing 737", "Google Maps", "máy bay Boeing".
fn is_product(src: &str, a: usize, b: usize) -> bool {
    let next = src[b..]
        .strip_prefix(' ')
        .map(|r| r.split(' ').next().unwrap_or(""));
    let model = next.is_some_and(|w| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || (w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphanumeric())
                && !matches!(w, "FC" | "CF" | "AFC")
                && src[a..b].is_ascii()
                && !src[a..b].contains(' '))
    });
    if model {
        return true;
    }
    let mut from = a.saturating_sub(24);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    const CLASSIFIERS: [&str; 6] = ["máy bay", "điện thoại", "dòng", "mẫu", "chiếc", "xe"];
    // The lowercase text before ends with a classifier when the lowercase of its last ten
    // chars does (no classifier is longer, and a char lowercases to one char or more).
    let before = src[from..a].trim_end();
    let last = before.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
    // Lowercase char by char: only the final sigma of `str::to_lowercase` differs, and no
    // product word holds a sigma. Ten chars lowercase to thirty at most, of four bytes at most.
    let lower = &LOWER[..];
    let (mut buf, mut n) = ([0u8; 120], 0);
    let mut put = |l: char| n += l.encode_utf8(&mut buf[n..]).len();
    for c in before[last..].chars() {
        match lower_of(lower, c) {
            Some(l) => put(l),
            None => c.to_lowercase().for_each(&mut put),
        }
    }
    let before = &buf[..n];
    CLASSIFIERS.iter().any(|p| before.ends_with(p.as_bytes()))
}

/// Table abbreviations that name a body ("UBND tỉnh" has the abbreviation UBND); the rules
/// ask [`is_body_abbreviation`].
#[cfg(test)]
const BODY_ABBREVIATIONS: &[&str] = &[
    "UBND", "HĐND", "VKSND", "TAND", "CHQS", "BCHQS", "BTV", "MTTQ", "BCH", "BĐBP", "LHQ", "BQP",
    "BCA", "BYT", "ĐHQG", "LHPN", "TNCS",
];

/// One of [`BODY_ABBREVIATIONS`]: a match on the word compares its length first, and most
/// words of a name have another.
fn is_body_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "UBND"
            | "HĐND"
            | "VKSND"
            | "TAND"
            | "CHQS"
            | "BCHQS"
            | "BTV"
            | "MTTQ"
            | "BCH"
            | "BĐBP"
            | "LHQ"
            | "BQP"
            | "BCA"
            | "BYT"
            | "ĐHQG"
            | "LHPN"
            | "TNCS"
    )
}

/// First words that are the usual short name of a club whose full name has two words.
const SHORT_NAMES: &[&str] = &["Real", "Atletico", "Borussia"];

/// The acronym that names a body in a short span ("Công ty BSC", "phòng PC67"), if any: not a
/// known abbreviation ("Sở GTVT") nor a generic one.
fn own_acronym(s: &str) -> Option<&str> {
    let mut words = s.split_whitespace();
    let first = words.next()?;
    let (mut last, mut count) = (first, 1);
    for w in words {
        (last, count) = (w, count + 1);
        if count > 3 {
            return None;
        }
    }
    // The last word's tests first: most names end in no acronym, and need no canonical
    // first word (an allocation for a capitalised one).
    if count < 2 || !is_all_caps(last) || last.chars().count() < 3 {
        return None;
    }
    let head = canonical_word(first);
    let company_or_unit = matches!(
        &*head,
        "công"
            | "cty"
            | "ctcp"
            | "tập"
            | "ngân"
            | "tổng"
            | "nhà"
            | "phòng"
            | "đội"
            | "clb"
            | "hãng"
    );
    (company_or_unit
        && !LEXICON.expansions.contains_key(last)
        && !LEXICON.generic_acronyms.contains(last))
    .then_some(last)
}

/// Looks for every strong string again in the whole article: a later bare "Công ty BSC" or
/// "NHNN" is a mention of the body introduced earlier.
fn propagate(article: &Source, found: &mut Vec<Found>, runs: &Runs, taken: &mut Taken) {
    let text = article.text;
    // Per string: its strength as first found (a propagated copy keeps it), whether a strong
    // mention of it was read already (a repeated string adds no pattern), and whether it is
    // a pattern already. One map for the three: each string is hashed once.
    // Sized once for an article's few strings (growing rehashes them all); a long text,
    // whose mentions repeat, grows it as needed.
    let mut read: FastMap<&str, Read> =
        FastMap::with_capacity_and_hasher(found.len().min(MAP_SIZE) + 8, Default::default());
    let mut pats: Vec<&str> = Vec::with_capacity(found.len().min(MAP_SIZE));
    for f in found.iter() {
        let s = &text[f.start..f.end];
        let r = read.entry(s).or_default();
        r.strength.get_or_insert(f.strength);
        if f.strength == Strength::Bare || std::mem::replace(&mut r.done, true) {
            continue;
        }
        if !std::mem::replace(&mut r.pattern, true) {
            pats.push(s);
        }
        // "Công ty BSC" … "BSC": a body named by an acronym is also written bare.
        if let Some(last) = own_acronym(s) {
            if !std::mem::replace(&mut read.entry(last).or_default().pattern, true) {
                pats.push(last);
            }
        }
        // "Real Madrid" … "Real": a club's short name, once its full name has been seen.
        if let Some(short) = SHORT_NAMES.iter().find(|p| {
            s.strip_prefix(**p)
                .is_some_and(|r| r.starts_with(' ') && !r[1..].contains(' '))
        }) {
            if !std::mem::replace(&mut read.entry(short).or_default().pattern, true) {
                pats.push(short);
            }
        }
    }
    if pats.is_empty() {
        return;
    }
    // Longest first, so "Công an tỉnh Nghệ An" is not cut short by "Công an tỉnh".
    pats.sort_by_key(|p| std::cmp::Reverse(p.len()));
    // The hits in (longest string, text) order.
    let mut hits = word_hits(article, &pats, runs);
    hits.sort_unstable();
    // The blocks' list, emptied: its room is kept from article to article.
    taken.clear();
    for f in found.iter() {
        taken.push((f.start, f.end));
    }
    // The later mentions go after the found ones (grouping sorts them all).
    for (pi, a) in hits {
        let p = pats[pi];
        let b = a + p.len();
        let Some(bi) = article.block_at(a) else {
            continue;
        };
        let block = &article.blocks[bi];
        if block.kind == BlockKind::Dateline || b > block.end {
            continue;
        }
        if is_word_bounded(text, a, b) && !taken.overlaps(a, b) {
            found.push(Found {
                block: bi,
                start: a,
                end: b,
                strength: read
                    .get(p)
                    .and_then(|r| r.strength)
                    .unwrap_or(Strength::Strong),
                abbr_of: None,
            });
            taken.push((a, b));
        }
    }
    // A long article's ranges are freed before grouping makes its lists.
    taken.clear();
}

/// What [`propagate`] knows of a string.
#[derive(Default)]
struct Read {
    /// The strength of its first found mention, if it was found.
    strength: Option<Strength>,
    /// A strong mention of it was read.
    done: bool,
    /// It is one of the patterns searched for.
    pattern: bool,
}

/// ASCII letters, digits and `_`: the ASCII chars of [`is_glue`].
const ASCII_GLUE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i == b'_' as usize;
        i += 1;
    }
    t
};

/// A char that glues to a word on either side (see [`is_word_bounded`]).
fn is_glue(c: char) -> bool {
    is_alphanumeric(c) || c == '_'
}

/// The char at byte `i` of `text` and its length, with the Latin and Vietnamese letters decided
/// from their lead bytes.
#[inline]
fn glue_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    match bytes[i] {
        b @ 0..=0x7F => (b.is_ascii_alphanumeric() || b == b'_', 1),
        0xC4..=0xC9 => (true, 2),
        0xC3 => (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2),
        0xE1 if matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) => (true, 3),
        _ => {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_glue(c), c.len_utf8())
        }
    }
}

/// Every occurrence of each pattern in a non-dateline block that can be word-bounded, as
/// (pattern index, start). A word-bounded occurrence of a pattern that starts with a word
/// character starts a run of word characters, and that run is exactly the pattern's first run;
/// so only run starts are looked up, by their run. Other patterns are searched plainly.
fn word_hits(article: &Source, pats: &[&str], runs: &Runs) -> Vec<(usize, usize)> {
    let text = article.text;
    // The patterns of a first run, as a chain: the last one by the run, each one the one
    // before it (`usize::MAX` ends a chain). No list per run.
    let mut by_run: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(pats.len(), Default::default());
    let mut before = vec![usize::MAX; pats.len()];
    let mut first_bytes = words::ByteSet::default();
    // A bit per (last byte, length) of the runs looked up: most runs that start like one
    // differ there, and skip the hash.
    let mut run_bits = [0u64; 64];
    let mut odd: Vec<usize> = Vec::new();
    for (pi, p) in pats.iter().enumerate() {
        let mut k = 0;
        while k < p.len() {
            let (g, len) = glue_at(p, k);
            if !g {
                break;
            }
            k += len;
        }
        if k == 0 {
            odd.push(pi);
        } else {
            first_bytes.insert(p.as_bytes()[0]);
            let bit = run_bit(&p.as_bytes()[..k]);
            run_bits[bit / 64] |= 1 << (bit % 64);
            let last = by_run.entry(&p[..k]).or_insert(usize::MAX);
            before[pi] = std::mem::replace(last, pi);
        }
    }
    let mut hits = Vec::with_capacity(64);
    let bytes = text.as_bytes();
    // The end of the run of word characters that goes on at `j`.
    let run_end = |mut j: usize| {
        while j < text.len() {
            let c = bytes[j];
            if c < 0x80 {
                if !ASCII_GLUE[c as usize] {
                    break;
                }
                j += 1;
                continue;
            }
            let (g, len) = glue_at(text, j);
            if !g {
                break;
            }
            j += len;
        }
        j
    };
    // Callers test the first byte first: most runs start no pattern.
    let look_up = |i: usize, j: usize, hits: &mut Vec<(usize, usize)>| {
        let bit = run_bit(&bytes[i..j]);
        if run_bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        // The hits are sorted afterwards: the chain's order does not matter.
        let mut pi = by_run.get(&text[i..j]).copied().unwrap_or(usize::MAX);
        while pi != usize::MAX {
            if text[i..].starts_with(pats[pi]) {
                hits.push((pi, i));
            }
            pi = before[pi];
        }
    };
    for (bi, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Dateline {
            continue;
        }
        let (start, end) = (block.start, block.end.min(text.len()));
        if !text.is_char_boundary(start) {
            continue;
        }
        let prev_glue = start > 0 && {
            let mut p = start - 1;
            while p > 0 && bytes[p] & 0xC0 == 0x80 {
                p -= 1;
            }
            glue_at(text, p).0
        };
        if let Some((from, to)) = runs.by_block[bi] {
            // The block's words, recorded by the first pass: a word at the block's start
            // continues a run begun before it when the char before is a word character, and
            // the last word's run may go on past the block's end.
            let words = &runs.spans[2 * from..2 * to];
            // Only the first word can start at the block's start.
            let glued = prev_glue && words.first().is_some_and(|&i| i as usize == start);
            let words = &words[2 * usize::from(glued)..];
            // SAFETY: the words of the first pass, of this text.
            unsafe {
                words::words_starting_with(bytes, words, &first_bytes, |i, j| {
                    let j = if j == end { run_end(j) } else { j };
                    look_up(i, j, &mut hits);
                });
            }
            odd_hits(text, pats, &odd, start, end, &mut hits);
            continue;
        }
        // Walk the maximal runs of word characters that start in the block (a run may go on
        // past its end); a run starts where the char before is no word character.
        let mut i = start;
        let mut prev_glue = prev_glue;
        while i < end {
            let b = bytes[i];
            let (g, len) = if b < 0x80 {
                (ASCII_GLUE[b as usize], 1)
            } else {
                glue_at(text, i)
            };
            if !g {
                prev_glue = false;
                i += len;
                continue;
            }
            let j = run_end(i + len);
            if !prev_glue && first_bytes.contains(b) {
                look_up(i, j, &mut hits);
            }
            // The run's end is no word character (or the text's end).
            prev_glue = false;
            i = j;
        }
        odd_hits(text, pats, &odd, start, end, &mut hits);
    }
    hits
}

/// The bit of a run in the filter of [`word_hits`]: its last byte and length.
#[inline]
fn run_bit(run: &[u8]) -> usize {
    let last = run.last().copied().unwrap_or(0) as usize;
    (last.wrapping_mul(31) ^ run.len().wrapping_mul(0x9E5)) & 0xFFF
}

/// Occurrences in `start..end` of the patterns that start with no word character.
fn odd_hits(
    text: &str,
    pats: &[&str],
    odd: &[usize],
    start: usize,
    end: usize,
    hits: &mut Vec<(usize, usize)>,
) {
    for &pi in odd {
        let p = pats[pi];
        let mut from = start;
        while let Some(off) = text[from..end].find(p) {
            hits.push((pi, from + off));
            from += off + text[from + off..].chars().next().map_or(1, char::len_utf8);
            if from >= end {
                break;
            }
        }
    }
}

/// The words of each block, found once by the first pass, for the search of propagated
/// strings.
struct Runs {
    /// Byte ranges (in the article's text) of the words of the blocks, in order, as flat
    /// (start, end) pairs.
    spans: Vec<u32>,
    /// Per block, its range in `spans`; `None` when the block's words may differ from its
    /// runs of word characters.
    by_block: Vec<Option<(usize, usize)>>,
}

/// Groups mentions into organisations by canonical key; abbreviations in parentheses join
/// their full name; a bare local abbreviation joins the one body it can stand for.
fn group(article: &Source, found: &mut [Found]) -> Vec<Organisation> {
    GROUP_BUFS.with(|bufs| match bufs.try_borrow_mut() {
        Ok(mut bufs) => {
            let orgs = group_in(article, found, &mut bufs);
            // A long article's buffers are not kept.
            if !bufs.is_small() {
                *bufs = GroupBufs::with_room();
            }
            orgs
        }
        Err(_) => group_in(article, found, &mut GroupBufs::with_room()),
    })
}

/// The buffers of [`group`], kept by the thread from article to article: nothing in them
/// borrows an article (strings are byte ranges of its text, keys ranges of `key_text`).
struct GroupBufs {
    /// A string with its abbreviations expanded (see [`key_into`]).
    expanded: String,
    /// A string's key.
    key: String,
    /// Scratch space of [`name_org`].
    name: String,
    /// Each distinct key once, one after another.
    key_text: String,
    /// Per key id: its range in `key_text`, whether a mention of it is not bare, and its
    /// organisation.
    keys: Vec<(usize, usize, bool, usize)>,
    /// Key ids by their text.
    key_ids: HashTable<usize>,
    /// Each distinct string once: its range in the text, its key's id, what its words say
    /// and whether a mention of it was taken yet.
    strs: Vec<(usize, usize, usize, Abbrs, bool)>,
    /// Indices of `strs` by their text.
    str_ids: HashTable<usize>,
    /// Per mention: its string's index, its key's id, and whether it is kept (u32s: a long
    /// article has hundreds of thousands of mentions, and indices are far below 2^32).
    per_found: Vec<(u32, u32, bool)>,
    /// (organisation, string) of each distinct string of a kept mention.
    distinct_of: Vec<(usize, usize)>,
    hasher: crate::lexicon::FastBuild,
}

impl GroupBufs {
    /// Room for a long name and its expansion: the buffers never grow in most articles.
    fn with_room() -> Self {
        GroupBufs {
            expanded: String::with_capacity(256),
            key: String::with_capacity(256),
            name: String::with_capacity(64),
            key_text: String::with_capacity(1024),
            keys: Vec::with_capacity(64),
            key_ids: HashTable::with_capacity(64),
            strs: Vec::with_capacity(64),
            str_ids: HashTable::with_capacity(64),
            per_found: Vec::with_capacity(128),
            distinct_of: Vec::with_capacity(64),
            hasher: Default::default(),
        }
    }

    /// Whether the buffers are no bigger than a usual article needs, to be kept.
    fn is_small(&self) -> bool {
        const MAX: usize = 1 << 12;
        self.expanded
            .capacity()
            .max(self.key.capacity())
            .max(self.name.capacity())
            <= MAX
            && self.key_text.capacity() <= 4 * MAX
            && self.keys.capacity().max(self.key_ids.capacity()) <= MAX
            && self.strs.capacity().max(self.str_ids.capacity()) <= MAX
            && self.per_found.capacity().max(self.distinct_of.capacity()) <= MAX
    }
}

thread_local! {
    static GROUP_BUFS: std::cell::RefCell<GroupBufs> =
        std::cell::RefCell::new(GroupBufs::with_room());
}

/// [`group`] with the thread's buffers.
fn group_in(article: &Source, found: &mut [Found], bufs: &mut GroupBufs) -> Vec<Organisation> {
    found.sort_by_key(|f| (f.start, f.end));
    let text = article.text;
    let GroupBufs {
        expanded,
        key: k,
        name: buf,
        key_text,
        keys,
        key_ids,
        strs,
        str_ids,
        per_found,
        distinct_of,
        hasher,
    } = bufs;
    key_text.clear();
    keys.clear();
    key_ids.clear();
    strs.clear();
    str_ids.clear();
    per_found.clear();
    distinct_of.clear();
    // Keys are interned: propagated copies repeat the same few strings, so each string's key
    // is made once, and each distinct key gets one id that the steps below compare.
    for f in found.iter() {
        let s = &text[f.start..f.end];
        let h = hasher.hash_one(s);
        let str_text = |&si: &usize| &text[strs[si].0..strs[si].1];
        let si = match str_ids.find(h, |si| str_text(si) == s) {
            Some(&si) => si,
            None => {
                // Ids are given in order of first appearance.
                let abbrs = key_into(s, expanded, k);
                let kh = hasher.hash_one(k.as_str());
                let key_of = |&id: &usize| &key_text[keys[id].0..keys[id].1];
                let id = match key_ids.find(kh, |id| key_of(id) == k.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = keys.len();
                        keys.push((key_text.len(), key_text.len() + k.len(), false, usize::MAX));
                        key_text.push_str(k);
                        let key_of = |&id: &usize| &key_text[keys[id].0..keys[id].1];
                        key_ids.insert_unique(kh, id, |id| hasher.hash_one(key_of(id)));
                        id
                    }
                };
                let si = strs.len();
                strs.push((f.start, f.end, id, abbrs, false));
                let str_text = |&si: &usize| &text[strs[si].0..strs[si].1];
                str_ids.insert_unique(h, si, |si| hasher.hash_one(str_text(si)));
                si
            }
        };
        per_found.push((si as u32, strs[si].2 as u32, true));
    }
    // An abbreviation in parentheses takes the key of its full name.
    let mut alias_of: FastMap<u32, u32> = FastMap::default();
    if found.iter().any(|f| f.abbr_of.is_some()) {
        let by_start: FastMap<usize, usize> = found
            .iter()
            .enumerate()
            .map(|(i, f)| (f.start, i))
            .collect();
        for (i, f) in found.iter().enumerate() {
            if let Some(full) = f.abbr_of.and_then(|s| by_start.get(&s)) {
                alias_of.insert(per_found[i].1, per_found[*full].1);
            }
        }
    }
    if !alias_of.is_empty() {
        for (_, id, _) in per_found.iter_mut() {
            if let Some(&full) = alias_of.get(id) {
                *id = full;
            }
        }
    }
    // Bare local abbreviations: kept only when they name exactly one body of the article.
    // Distinct keys are few even when mentions are many, so resolve each bare key once.
    for (f, &(_, id, _)) in found.iter().zip(per_found.iter()) {
        if f.strength != Strength::Bare {
            keys[id as usize].2 = true;
        }
    }
    let key_str = |id: usize| &key_text[keys[id].0..keys[id].1];
    let mut resolved: FastMap<u32, Option<usize>> = FastMap::default();
    for (f, (_, id, keep)) in found.iter().zip(per_found.iter_mut()) {
        if f.strength != Strength::Bare {
            continue;
        }
        let target = *resolved.entry(*id).or_insert_with(|| {
            let bare = key_str(*id as usize);
            let mut cands = (0..keys.len()).filter(|&k| {
                let k_str = key_str(k);
                keys[k].2
                    && (k_str == bare
                        || (k_str.starts_with(bare) && k_str[bare.len()..].starts_with(' ')))
            });
            match (cands.next(), cands.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        });
        match target {
            Some(k) => *id = k as u32,
            None => *keep = false,
        }
    }

    let mut orgs: Vec<Organisation> = Vec::with_capacity(keys.len().min(MAP_SIZE));
    // Each organisation's distinct strings in order of first mention, as (organisation,
    // string) in the order met: a string's mentions all go to one organisation (its id, and
    // whether it is kept, follow from its key).
    for (f, &(si, id, keep)) in found.iter().zip(per_found.iter()) {
        if !keep {
            continue;
        }
        let (si, id) = (si as usize, id as usize);
        let oi = &mut keys[id].3;
        if *oi == usize::MAX {
            *oi = orgs.len();
            orgs.push(Organisation::default());
        }
        orgs[*oi]
            .mentions
            .push(Mention::new(f.block, f.start, f.end));
        if !std::mem::replace(&mut strs[si].4, true) {
            distinct_of.push((*oi, si));
        }
    }
    // By organisation, each one's strings still in order of first mention.
    distinct_of.sort_by_key(|&(oi, _)| oi);
    // One list for every organisation: the strings of one organisation are a run of the
    // sorted list.
    let distinct: Vec<(&str, Abbrs)> = distinct_of
        .iter()
        .map(|&(_, si)| (&text[strs[si].0..strs[si].1], strs[si].3))
        .collect();
    let mut from = 0;
    for (oi, o) in orgs.iter_mut().enumerate() {
        let to = from
            + distinct_of[from..]
                .iter()
                .take_while(|&&(x, _)| x == oi)
                .count();
        name_org(o, text, &distinct[from..to], buf);
        from = to;
    }
    orgs
}

/// The table's acronyms of three letters or more, in table order, by the first word of their
/// canonical expansion: the ones a name's start may be abbreviated by.
type Expansion = (&'static str, &'static str, &'static str);
static BODY_EXPANSIONS: std::sync::LazyLock<FastMap<&'static str, Vec<&'static Expansion>>> =
    std::sync::LazyLock::new(|| {
        let mut by_first: FastMap<&'static str, Vec<&'static Expansion>> = FastMap::default();
        for x in LEXICON
            .expansion_keys
            .iter()
            .filter(|(a, _, _)| is_all_caps(a) && a.chars().count() >= 3)
        {
            by_first
                .entry(x.2.split(' ').next().unwrap_or(""))
                .or_default()
                .push(x);
        }
        by_first
    });

/// Display name, abbreviation, expansion and aliases from the mentions.
/// `distinct` and `buf` are scratch space (emptied first).
fn name_org(o: &mut Organisation, text: &str, distinct: &[(&str, Abbrs)], buf: &mut String) {
    // `distinct`: each string once, in order of first mention: the searches below take the
    // first string that qualifies, which a repeat never changes (propagated mentions repeat a
    // few strings).
    // The first written-out form, else the longest.
    let name = distinct
        .iter()
        .find(|(t, a)| !a.any && !is_all_caps(t))
        .map(|(t, _)| *t)
        .or_else(|| {
            o.mentions
                .iter()
                .map(|m| m.text(text))
                .max_by_key(|t| t.len())
        })
        .unwrap_or("");
    o.name = name.to_owned();
    // Abbreviation: a whole-mention acronym ("NHNN" for "Ngân hàng Nhà nước"), else a known
    // abbreviation inside a mention ("UBND tỉnh"), else the table's abbreviation of the start
    // of the name ("Tòa án nhân dân" is TAND).
    // Only abbreviations of bodies: not "TNHH", "CLB" or "BV", which say what kind of body.
    let table = |w: &str| {
        // The short list first: most words are none of its abbreviations.
        if !is_body_abbreviation(w) || !is_all_caps(w) {
            return None;
        }
        LEXICON.expansions.get(w).map(|e| (*e).to_owned())
    };
    let mut abbr: Option<(String, String)> = distinct
        .iter()
        .map(|(t, _)| *t)
        .find(|t| is_all_caps(t) && !t.contains(' ') && *t != name)
        .map(|t| (t.to_string(), table(t).unwrap_or_else(|| name.to_owned())));
    if abbr.is_none() {
        // The first body abbreviation among the words of the strings, found by [`key_into`].
        abbr = distinct
            .iter()
            .find_map(|(t, a)| a.body.map(|(x, y, e)| (t[x..y].to_owned(), e.to_owned())));
    }
    if abbr.is_none() {
        // The first word's canonical form is the canonical name's first word: most names
        // start with no expansion's first word, and need no more.
        let first = canonical_word_in(name.split_whitespace().next().unwrap_or(""), buf);
        let expansions = BODY_EXPANSIONS.get(first);
        buf.clear();
        if expansions.is_some() {
            canonical_into(name, buf);
        }
        let cname = buf.as_str();
        abbr = expansions
            .into_iter()
            .flatten()
            .filter(|(_, _, ce)| {
                cname
                    .strip_prefix(*ce)
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
            .max_by_key(|(_, e, _)| e.len())
            .map(|(a, e, _)| ((*a).to_owned(), (*e).to_owned()));
    }
    if let Some((a, e)) = abbr {
        o.abbreviation = Some(a);
        o.expansion = Some(e);
    }
    o.aliases = distinct
        .iter()
        .filter(|(t, _)| *t != name)
        .map(|(t, _)| (*t).to_owned())
        .collect();
}

/// What [`key_into`] learns of a string's words on the way.
#[derive(Clone, Copy, Default)]
struct Abbrs {
    /// Some word is an abbreviation of the table.
    any: bool,
    /// The first word that is the abbreviation of a body (see [`is_body_abbreviation`]), as
    /// its byte range in the string, with its expansion.
    body: Option<(usize, usize, &'static str)>,
}

/// The grouping key of a mention: abbreviations expanded, then [`canonical`].
#[cfg(test)]
fn key(s: &str) -> String {
    let (mut expanded, mut out) = (String::new(), String::new());
    let _ = key_into(s, &mut expanded, &mut out);
    out
}

/// [`key`] into `out`, with `expanded` as a scratch buffer (both cleared first): grouping
/// makes one key per distinct string and reuses the two buffers.
fn key_into(s: &str, expanded: &mut String, out: &mut String) -> Abbrs {
    expanded.clear();
    out.clear();
    let mut abbrs = Abbrs::default();
    for w in s.split_whitespace() {
        match LEXICON.expansion(w) {
            Some(e) => {
                abbrs.any = true;
                if abbrs.body.is_none() && is_body_abbreviation(w) && is_all_caps(w) {
                    // `w` is a slice of `s`.
                    let x = w.as_ptr() as usize - s.as_ptr() as usize;
                    abbrs.body = Some((x, x + w.len(), e));
                }
                put(out, e, expanded);
            }
            // The first dot by a byte walk: words are short, and a char search costs more.
            None => match w
                .bytes()
                .position(|b| b == b'.')
                .map(|d| (&w[..d], &w[d + 1..]))
            {
                // "TP.HCM", "TP.Thanh Hóa": a glued place word.
                Some((p, rest)) if !rest.is_empty() && LEXICON.expansion(p).is_some() => {
                    put(out, LEXICON.expansion(p).unwrap_or_default(), expanded);
                    put(out, rest, expanded);
                }
                _ => put(out, w.trim_end_matches('.'), expanded),
            },
        }
    }
    single_spaced(out, expanded);
    return abbrs;

    /// The canonical form of a piece of the expanded string (no space in it but an
    /// expansion's), after one space when something was written: the canonical form of the
    /// pieces joined by spaces, as tones move only within a word. Each word by
    /// [`canonical_word_in`], whose short ways most words take.
    fn put(out: &mut String, piece: &str, buf: &mut String) {
        let from = out.len();
        if from > 0 {
            out.push(' ');
        }
        let c = canonical_word_in(piece, buf);
        if c.is_empty() {
            out.truncate(from);
        } else {
            out.push_str(c);
        }
    }
}

/// The [`key_into`] that wrote the expanded string whole and then its canonical form: the
/// one that writes each word's canonical form must agree.
/// Words split at whitespace, dashes and commas, joined by single spaces (`scratch` is
/// overwritten). A canonical string without dashes or commas is that already (0xE2 leads the
/// en dash).
fn single_spaced(out: &mut String, scratch: &mut String) {
    if !out.bytes().any(|b| matches!(b, b'-' | b',' | 0xE2)) {
        return;
    }
    scratch.clear();
    let mut gap = false;
    for ch in out.chars() {
        if ch.is_whitespace() || ch == '-' || ch == '–' || ch == ',' {
            gap = !scratch.is_empty();
            continue;
        }
        if gap {
            scratch.push(' ');
            gap = false;
        }
        scratch.push(ch);
    }
    std::mem::swap(scratch, out);
}

#[cfg(test)]
fn key_into_whole(s: &str, expanded: &mut String, out: &mut String) -> Abbrs {
    expanded.clear();
    out.clear();
    let mut abbrs = Abbrs::default();
    for w in s.split_whitespace() {
        if !expanded.is_empty() {
            expanded.push(' ');
        }
        match LEXICON.expansion(w) {
            Some(e) => {
                abbrs.any = true;
                if abbrs.body.is_none() && is_body_abbreviation(w) && is_all_caps(w) {
                    // `w` is a slice of `s`.
                    let x = w.as_ptr() as usize - s.as_ptr() as usize;
                    abbrs.body = Some((x, x + w.len(), e));
                }
                expanded.push_str(e);
            }
            // The first dot by a byte walk: words are short, and a char search costs more.
            None => match w
                .bytes()
                .position(|b| b == b'.')
                .map(|d| (&w[..d], &w[d + 1..]))
            {
                // "TP.HCM", "TP.Thanh Hóa": a glued place word.
                Some((p, rest)) if !rest.is_empty() && LEXICON.expansion(p).is_some() => {
                    expanded.push_str(LEXICON.expansion(p).unwrap_or_default());
                    expanded.push(' ');
                    expanded.push_str(rest);
                }
                _ => expanded.push_str(w.trim_end_matches('.')),
            },
        }
    }
    canonical_into(expanded, out);
    single_spaced(out, expanded);
    abbrs
}

/// Lowercase, whitespace collapsed, and the tone mark of "oa", "oe", "uy" on the second vowel
/// (the new placement): "Hòa", "Hoà", "HOÀ" all give "hoà"; "Thủy" and "Thuỷ" give "thuỷ".
pub fn canonical(s: &str) -> String {
    // The tables' lowercase words and phrases are copied as they are.
    if is_canonical_phrase(&CANONICAL_CHARS, s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    canonical_into(s, &mut out);
    out
}

/// [`canonical`] of the program's own text (a table's), borrowed when it is its own canonical
/// form, as most of the tables' lowercase phrases are: no copy of each.
pub fn canonical_static(s: &'static str) -> std::borrow::Cow<'static, str> {
    if is_canonical_phrase(&CANONICAL_CHARS, s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(canonical(s))
    }
}

/// [`canonical`] of one word, borrowed when the word is canonical already (lowercase letters
/// of the table, no tone to move), as most lowercase words are.
pub fn canonical_word(s: &str) -> std::borrow::Cow<'_, str> {
    if is_canonical_word(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(canonical(s))
    }
}

/// [`canonical_word`] without an allocation: the word itself when it is canonical already,
/// else its canonical form written into `buf` (cleared first).
pub fn canonical_word_in<'s>(s: &'s str, buf: &'s mut String) -> &'s str {
    let table = &CANONICAL_CHARS[..];
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return s;
    };
    let rest = chars.as_str();
    if is_canonical_char(table, first) {
        if is_written_as_is(rest) {
            return s;
        }
    } else if let Some(l) = lower_of(&LOWER, first).filter(|&l| is_canonical_char(table, l)) {
        // A capitalised word ("Công", "Đà"): its first char lowercased, when the rest is
        // written as it is. No tone moves from the first char: it is no toned o or u.
        if is_written_as_is(rest) {
            buf.clear();
            buf.push(l);
            buf.push_str(rest);
            return buf;
        }
    }
    buf.clear();
    // A word of printable ASCII ("UBND", "TP.HCM", most of the rest): its lowercase, no
    // space to collapse and no tone to move.
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        buf.push_str(s);
        buf.make_ascii_lowercase();
        return buf;
    }
    canonical_into(s, buf);
    buf
}

/// A word (after a char that is no toned o or u) that [`canonical_into`] writes as it is:
/// lowercase chars of the table and toned o or u, none of which starts a pair whose tone
/// moves ("của", "có", "thủ"; not "hòa", "thùy"). Such words are common: most would
/// otherwise be written afresh to find nothing to change.
#[inline(always)]
fn is_written_as_is(s: &str) -> bool {
    let table = &CANONICAL_CHARS[..];
    let mut chars = s.chars();
    loop {
        // Canonical chars skipped as [`is_canonical_word`] does: most words are all such.
        let Some(c) = chars.find(|&c| !is_canonical_char(table, c)) else {
            return true;
        };
        if !is_toned_o_u(c) {
            return false;
        }
        if chars
            .clone()
            .next()
            .is_some_and(|n| ToneBefore::of(c).pairs_with(n))
        {
            return false;
        }
    }
}

/// A word that is its own canonical form: lowercase letters of the table, no tone to move.
#[inline]
pub(crate) fn is_canonical_word(s: &str) -> bool {
    let table = &CANONICAL_CHARS[..];
    s.chars().all(|c| is_canonical_char(table, c))
}

/// A char that [`canonical_into`] writes as it is, moving no tone: no uppercase, no space.
#[cfg(test)]
fn is_canonical_char_by_rule(lower: &[char], c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_uppercase() && !c.is_ascii_whitespace() && c != '\u{B}'
    } else {
        lower_of(lower, c) == Some(c) && !is_toned_o_u(c) && !matches!(c, '\u{85}' | '\u{A0}')
    }
}

/// [`is_canonical_char_by_rule`] by one lookup in [`CANONICAL_CHARS`] (no other char is
/// canonical: [`lower_of`] knows none).
#[inline(always)]
fn is_canonical_char(table: &[bool], c: char) -> bool {
    let u = c as usize;
    match u {
        0..=0x24F => table[u],
        0x1E00..=0x1EFF => table[u - 0x1E00 + 0x250],
        _ => false,
    }
}

/// [`is_canonical_char_by_rule`] of every char [`LOWER`] holds, at the same place.
/// Built by `build_canonical_chars`, generated into `orgs/lower_table.rs` with [`LOWER`].
#[cfg(test)]
fn build_canonical_chars(lower: &[char]) -> Vec<bool> {
    (0u32..0x250)
        .chain(0x1E00..0x1F00)
        .map(|u| char::from_u32(u).is_some_and(|c| is_canonical_char_by_rule(lower, c)))
        .collect()
}

/// Canonical words parted by single spaces: a phrase that is its own canonical form.
#[inline]
fn is_canonical_phrase(table: &[bool], s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    s.chars().all(|c| {
        if c == ' ' {
            !std::mem::replace(&mut space, true)
        } else {
            space = false;
            is_canonical_char(table, c)
        }
    })
}

/// [`canonical`] appended to `out`, for callers that reuse one buffer.
pub fn canonical_into(s: &str, out: &mut String) {
    let lower = &LOWER[..];
    let from = out.len();
    let mut space = false;
    // A toned o or u right before a plain a, e or y ("oà" … "ùy") was written: only then
    // may [`move_tones`] move a tone. `after` is that o or u as last char written.
    let mut toned = false;
    let mut after = ToneBefore::None;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() || c == '\u{B}' {
                space = out.len() > from;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
                after = ToneBefore::None;
            }
            let l = c.to_ascii_lowercase();
            toned |= after.pairs_with(l);
            after = ToneBefore::None;
            out.push(l);
            continue;
        }
        // One table lookup for the Latin and Vietnamese letters; the rest by the standard
        // library (some lowercase to two chars). The table's only whitespace is U+0085 and
        // U+00A0.
        let l = lower_of(lower, c);
        if (l.is_none() || matches!(c, '\u{85}' | '\u{A0}')) && c.is_whitespace() {
            space = out.len() > from;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            after = ToneBefore::None;
        }
        match l {
            Some(l) => {
                toned |= after.pairs_with(l);
                after = ToneBefore::of(l);
                out.push(l);
            }
            None => {
                for l in c.to_lowercase() {
                    toned |= after.pairs_with(l);
                    after = ToneBefore::of(l);
                    out.push(l);
                }
            }
        }
    }
    if toned {
        move_tones(out, from);
    }
}

/// The last char written by [`canonical_into`], as far as tone moves go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ToneBefore {
    None,
    /// An o with a tone mark: "oa" and "oe" may move it.
    O,
    /// A u with a tone mark: "uy" may move it.
    U,
}

impl ToneBefore {
    #[inline]
    fn of(c: char) -> Self {
        if !is_toned_o_u(c) {
            ToneBefore::None
        } else if matches!(c, 'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ') {
            ToneBefore::O
        } else {
            ToneBefore::U
        }
    }

    /// `c` after this char makes a pair whose tone [`move_tones`] may move.
    #[inline]
    fn pairs_with(self, c: char) -> bool {
        match self {
            ToneBefore::None => false,
            ToneBefore::O => c == 'a' || c == 'e',
            ToneBefore::U => c == 'y',
        }
    }
}

/// An o or u with a tone mark (see [`split_tone`]): a tone [`move_tones`] may move.
#[inline]
fn is_toned_o_u(c: char) -> bool {
    matches!(c, 'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ')
}

/// Moves the tone of "oa", "oe", "uy" at a syllable's end to the second vowel, in
/// `out[from..]`. A move never makes another: the moved-to vowel never starts a pair.
fn move_tones(out: &mut String, from: usize) {
    let mut rebuilt: Option<String> = None;
    let mut copied = from;
    let region = &out[from..];
    let mut chars = region.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some((base, tone)) = split_tone(c) else {
            continue;
        };
        let Some(&(j, next)) = chars.peek() else {
            break;
        };
        if !matches!((base, next), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            continue;
        }
        // Only at the end of a syllable: "hoàng" is always written one way.
        let after = j + next.len_utf8();
        if region[after..].chars().next().is_some_and(is_alpha) {
            continue;
        }
        let Some(moved) = with_tone(next, tone) else {
            continue;
        };
        let r = rebuilt.get_or_insert_with(|| String::with_capacity(region.len() + 4));
        r.push_str(&out[copied..from + i]);
        r.push(base);
        r.push(moved);
        copied = from + after;
        chars.next();
    }
    if let Some(mut r) = rebuilt {
        r.push_str(&out[copied..]);
        out.truncate(from);
        out.push_str(&r);
    }
}

/// The single-char lowercase of every char below U+0250 and of U+1E00..=U+1EFF (0 where the
/// lowercase is not one char): the letters of Vietnamese text without the general lookup.
///
/// `static LOWER` and `static CANONICAL_CHARS` are generated (see the test
/// `generated_lower_table_is_current`): building them at start-up cost every run of `bao`
/// more than a short article.
#[cfg(test)]
fn build_lower() -> Vec<char> {
    (0u32..0x250)
        .chain(0x1E00..0x1F00)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or('\0');
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => '\0',
            }
        })
        .collect()
}

include!("orgs/lower_table.rs");

#[inline]
fn lower_of(table: &[char], c: char) -> Option<char> {
    let u = c as usize;
    let l = match u {
        0..=0x24F => table[u],
        0x1E00..=0x1EFF => table[u - 0x1E00 + 0x250],
        _ => return None,
    };
    (l != '\0').then_some(l)
}

const TONED: [(char, [char; 5]); 5] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
];

/// A plain vowel with a tone mark → (vowel, tone index).
#[inline]
pub(crate) fn split_tone(c: char) -> Option<(char, usize)> {
    // A match compiles to a few comparisons; the table above stays the reference.
    Some(match c {
        'à' => ('a', 0),
        'á' => ('a', 1),
        'ả' => ('a', 2),
        'ã' => ('a', 3),
        'ạ' => ('a', 4),
        'è' => ('e', 0),
        'é' => ('e', 1),
        'ẻ' => ('e', 2),
        'ẽ' => ('e', 3),
        'ẹ' => ('e', 4),
        'ò' => ('o', 0),
        'ó' => ('o', 1),
        'ỏ' => ('o', 2),
        'õ' => ('o', 3),
        'ọ' => ('o', 4),
        'ù' => ('u', 0),
        'ú' => ('u', 1),
        'ủ' => ('u', 2),
        'ũ' => ('u', 3),
        'ụ' => ('u', 4),
        'ỳ' => ('y', 0),
        'ý' => ('y', 1),
        'ỷ' => ('y', 2),
        'ỹ' => ('y', 3),
        'ỵ' => ('y', 4),
        _ => return None,
    })
}

pub(crate) fn with_tone(base: char, tone: usize) -> Option<char> {
    TONED
        .iter()
        .find(|(b, _)| *b == base)
        .map(|(_, ts)| ts[tone])
}

/// The abbreviations table, for callers that show an expansion.
pub fn expansion_of(abbr: &str) -> Option<&'static str> {
    EXPANSIONS.iter().find(|(a, _)| *a == abbr).map(|(_, e)| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of `orgs/lower_table.rs`.
    fn lower_source() -> String {
        let lower = build_lower();
        let canonical = build_canonical_chars(&lower);
        let mut s = String::from(
            "// @generated by `extract::orgs::tests::generated_lower_table_is_current` from\n\
             // `build_lower` and `build_canonical_chars`; do not edit. To regenerate:\n\
             // `BAO_REGEN=1 cargo test --lib generated_lower_table_is_current`.\n",
        );
        s.push_str(&format!(
            "#[rustfmt::skip]\nstatic LOWER: [char; {}] = [\n",
            lower.len()
        ));
        for c in &lower {
            s.push_str(&format!("    {c:?},\n"));
        }
        s.push_str(&format!(
            "];\n#[rustfmt::skip]\nstatic CANONICAL_CHARS: [bool; {}] = [\n",
            canonical.len()
        ));
        for b in &canonical {
            s.push_str(&format!("    {b},\n"));
        }
        s.push_str("];\n");
        s
    }

    #[test]
    fn generated_lower_table_is_current() {
        crate::generated::check(
            "src/extract/orgs/lower_table.rs",
            &lower_source(),
            "generated_lower_table_is_current",
        );
        assert_eq!(LOWER[..], build_lower()[..]);
        assert_eq!(CANONICAL_CHARS[..], build_canonical_chars(&LOWER)[..]);
    }

    #[test]
    fn canonical_merges_tone_placements() {
        assert_eq!(canonical("Hòa"), canonical("Hoà"));
        assert_eq!(canonical("Thủy"), canonical("Thuỷ"));
        assert_eq!(canonical("Ủy ban"), canonical("Uỷ  ban"));
        assert_eq!(canonical("HOÀ"), "hoà");
        assert_ne!(canonical("Hoàng"), canonical("Hoang"));
    }

    /// The plain definition of [`canonical`]: the fast one must agree with it.
    fn canonical_reference(s: &str) -> String {
        let lowered: Vec<char> = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .flat_map(char::to_lowercase)
            .collect();
        let mut chars = lowered.clone();
        for i in 0..lowered.len().saturating_sub(1) {
            let Some((base, tone)) = split_tone(lowered[i]) else {
                continue;
            };
            let next = lowered[i + 1];
            let pair = matches!((base, next), ('o', 'a') | ('o', 'e') | ('u', 'y'));
            let ends = lowered.get(i + 2).is_none_or(|c| !c.is_alphabetic());
            if let Some(moved) = with_tone(next, tone).filter(|_| pair && ends) {
                chars[i] = base;
                chars[i + 1] = moved;
            }
        }
        chars.into_iter().collect()
    }

    proptest::proptest! {
        /// The byte test of plain neighbours answers as the chars do.
        #[test]
        fn word_bounds_by_bytes_are_those_by_chars(
            s in "[ a-zA-Z0-9_.&'\\-,;ễđ–]{1,24}",
            a in 0usize..24,
            n in 0usize..24,
        ) {
            let a = a.min(s.len());
            let b = (a + n).min(s.len());
            if s.is_char_boundary(a) && s.is_char_boundary(b) {
                proptest::prop_assert_eq!(is_word_bounded(&s, a, b), is_word_bounded_by_chars(&s, a, b));
            }
        }

        #[test]
        fn canonical_agrees_with_its_definition(
            s in "[ \\t\u{B}\u{85}\u{A0}a-zA-ZòóỏõọÒÓỎÕỌùúủũụÙÚỦŨỤàáạÀÁẠeEyYỳýỶİẞΣ\u{300}-]{0,24}",
            t in "\\PC{0,16}",
        ) {
            proptest::prop_assert_eq!(canonical(&s), canonical_reference(&s));
            proptest::prop_assert_eq!(canonical(&t), canonical_reference(&t));
            let mut buf = String::from("x");
            canonical_into(&s, &mut buf);
            proptest::prop_assert_eq!(&buf[1..], canonical(&s));
            proptest::prop_assert_eq!(&*canonical_word(&s), canonical(&s));
            proptest::prop_assert_eq!(&*canonical_word(&t), canonical(&t));
            let mut buf = String::from("stale");
            proptest::prop_assert_eq!(canonical_word_in(&s, &mut buf), canonical(&s));
            proptest::prop_assert_eq!(canonical_word_in(&t, &mut buf), canonical(&t));
        }
    }

    proptest::proptest! {
        /// Words with toned o and u, some before the vowel their tone moves to.
        #[test]
        fn toned_words_agree_with_the_definition(
            w in "[A-ZĐÒÓỦÙàáòóỏõọùúủũụoOuU]?[a-zđòóỏõọùúủũụàáạèéỳýỷơưăâêôÒÙ\u{300} ]{0,8}",
        ) {
            let mut buf = String::from("stale");
            proptest::prop_assert_eq!(canonical_word_in(&w, &mut buf), canonical_reference(&w));
        }
    }

    proptest::proptest! {
        /// Keys written a word at a time are those of the whole expanded string.
        #[test]
        fn keys_by_words_are_keys_of_the_whole(
            s in "(UBND|TP\\.|TP\\.HCM|TP\\.Thanh|Ủy|Hòa|hoà|thủy|Bộ|VKSND|CHQS|\\.\\.\\.|[ \t\u{A0}\\-–,.]|[a-zA-ZòùÒÙáạđĐyeà])*",
        ) {
            let (mut e1, mut o1, mut e2, mut o2) = (String::new(), String::new(), String::new(), String::new());
            let a1 = key_into(&s, &mut e1, &mut o1);
            let a2 = key_into_whole(&s, &mut e2, &mut o2);
            proptest::prop_assert_eq!(o1, o2);
            proptest::prop_assert_eq!((a1.any, a1.body), (a2.any, a2.body));
        }
    }

    proptest::proptest! {
        /// ASCII words ("UBND", "TP.HCM") take the short way of [`canonical_word_in`].
        #[test]
        fn ascii_words_agree_with_the_definition(w in "[ -~\t\u{B}\u{1}]{0,10}") {
            let mut buf = String::from("stale");
            proptest::prop_assert_eq!(canonical_word_in(&w, &mut buf), canonical_reference(&w));
        }
    }

    proptest::proptest! {
        /// Capitalised words take the short way of [`canonical_word_in`].
        #[test]
        fn capitalised_words_agree_with_the_definition(
            w in "[A-ZĐÒÓỎÕỌÙÚỦŨỤÀÁẠÈÉỲÝỶƠƯÂÊÔ][a-zđòóỏõọùúủũụàáạèéỳýỷơưăâêô]{0,8}",
        ) {
            let mut buf = String::from("stale");
            proptest::prop_assert_eq!(canonical_word_in(&w, &mut buf), canonical_reference(&w));
        }
    }

    #[test]
    fn canonical_moves_tones_only_at_syllable_ends() {
        assert_eq!(canonical("HÒA  Thủy hòang"), "hoà thuỷ hòang");
        assert_eq!(canonical("Òa Òe Ùy"), "oà oè uỳ");
        assert_eq!(canonical("\u{A0}İ ẞ"), canonical_reference("\u{A0}İ ẞ"));
    }

    #[test]
    fn split_tone_agrees_with_the_table() {
        for (base, toned) in TONED {
            for (i, t) in toned.iter().enumerate() {
                assert_eq!(split_tone(*t), Some((base, i)));
                assert_eq!(with_tone(base, i), Some(*t));
            }
        }
        for c in ['a', 'â', 'ầ', 'ơ', 'ờ', 'Ò', 'đ', ' '] {
            assert_eq!(split_tone(c), None);
        }
        for c in ('\u{0}'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            let o_u = split_tone(c).is_some_and(|(b, _)| b == 'o' || b == 'u');
            assert_eq!(is_toned_o_u(c), o_u, "{c:?}");
        }
    }

    #[test]
    fn brand_suffixes_are_one_capital_and_lowercase_letters() {
        // What [`is_brand_shaped`] relies on to look up only the part from the last capital.
        for w in [
            "HaBank",
            "ABCorp",
            "VinaFoods",
            "MySports",
            "HDBank",
            "AbcLand",
        ] {
            assert!(is_brand_shaped(w), "{w}");
        }
        for w in [
            "XBank", "HaBanks", "BankX", "HaBankC", "HABANK", "Habank", "HàBank",
        ] {
            assert_eq!(is_brand_shaped(w), brand_shaped_reference(w), "{w}");
        }
        assert!(!is_brand_shaped("XBank") && !is_brand_shaped("HaBankC"));
    }

    /// The plain definition: the word ends with one of the suffixes after a head of two chars.
    fn brand_shaped_reference(w: &str) -> bool {
        const SUFFIXES: &[&str] = &[
            "Bank",
            "Group",
            "Corp",
            "Land",
            "Tech",
            "Telecom",
            "Steel",
            "Soft",
            "Mart",
            "Pharma",
            "Petro",
            "Securities",
            "Holdings",
            "Capital",
            "Invest",
            "Media",
            "Food",
            "Foods",
            "Airways",
            "Express",
            "Logistics",
            "Insurance",
            "Energy",
            "Power",
            "Motors",
            "Sport",
            "Sports",
            "Studio",
            "Entertainment",
        ];
        SUFFIXES.iter().any(|s| {
            w.strip_suffix(s)
                .is_some_and(|head| head.chars().count() >= 2 && camel(w))
        })
    }

    proptest::proptest! {
        #[test]
        fn brand_shape_agrees_with_its_definition(
            head in "[A-Za-zĐđà]{0,4}",
            suffix in "(Bank|Foods?|Sports?|Corp|X|Entertainment|bank|)",
            tail in "[A-Za-z]{0,2}",
        ) {
            let w = format!("{head}{suffix}{tail}");
            proptest::prop_assert_eq!(is_brand_shaped(&w), brand_shaped_reference(&w));
            // The first pass keeps only words that could be brands.
            proptest::prop_assert!(could_be_brand(w.as_bytes()) || !is_brand_shaped(&w));
        }
    }

    /// [`is_product`] as first written: the whole text before lowercased.
    fn is_product_reference(src: &str, a: usize, b: usize) -> bool {
        let next = src[b..]
            .strip_prefix(' ')
            .map(|r| r.split(' ').next().unwrap_or(""));
        let model = next.is_some_and(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || (w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
                    && !matches!(w, "FC" | "CF" | "AFC")
                    && src[a..b].is_ascii()
                    && !src[a..b].contains(' '))
        });
        let mut from = a.saturating_sub(24);
        while !src.is_char_boundary(from) {
            from += 1;
        }
        let before = src[from..a].trim_end().to_lowercase();
        model
            || ["máy bay", "điện thoại", "dòng", "mẫu", "chiếc", "xe"]
                .iter()
                .any(|p| before.ends_with(p))
    }

    proptest::proptest! {
        #[test]
        fn product_test_agrees_with_its_definition(
            before in "(Máy Bay|điện THOẠI|Điện thoại|dòng|MẪU|chiếc|xe|XE|[a-zİẞÀ ]{0,3}| ){0,6}",
            name in "(Boeing|Google|ABC)",
            after in "( 737| Maps| FC|, và|)",
        ) {
            let src = format!("{before}{name}{after}");
            let (a, b) = (before.len(), before.len() + name.len());
            proptest::prop_assert_eq!(is_product(&src, a, b), is_product_reference(&src, a, b));
        }
    }

    #[test]
    fn the_canonical_char_table_follows_the_rule() {
        let (lower, table) = (&LOWER[..], &CANONICAL_CHARS[..]);
        for c in (0u32..0x2100).filter_map(char::from_u32) {
            assert_eq!(
                is_canonical_char(table, c),
                is_canonical_char_by_rule(lower, c),
                "{c:?}"
            );
        }
        assert!(is_canonical_word("hoà") && !is_canonical_word("hòa"));
        assert!(!is_canonical_word("Hà") && !is_canonical_word("a b"));
    }

    #[test]
    fn brand_shape() {
        assert!(is_brand_shaped("OceanBank"));
        assert!(is_brand_shaped("HDBank"));
        assert!(!is_brand_shaped("BankPay"));
        assert!(!is_brand_shaped("UBND"));
        assert!(!is_brand_shaped("Hà"));
        assert!(!is_brand_shaped("TPHCM"));
    }

    proptest::proptest! {
        /// Few or many ranges, a range overlaps a taken one exactly when one of them crosses it.
        #[test]
        fn taken_finds_every_overlap(
            pushed in proptest::collection::vec((0usize..200, 0usize..12), 0..2 * TAKEN_FEW + 8),
            asked in proptest::collection::vec((0usize..210, 0usize..12), 1..20),
        ) {
            let mut taken = Taken::default();
            // Used once before, as from block to block.
            taken.push((5, 9));
            taken.clear();
            let ranges: Vec<(usize, usize)> = pushed.iter().map(|&(a, l)| (a, a + l)).collect();
            for &r in &ranges {
                taken.push(r);
            }
            for &(a, l) in &asked {
                let b = a + l;
                let plain = ranges.iter().any(|&(x, y)| x < b && a < y);
                proptest::prop_assert_eq!(taken.overlaps(a, b), plain);
            }
        }
    }

    #[test]
    fn body_abbreviations_match_the_list() {
        for a in BODY_ABBREVIATIONS {
            assert!(is_body_abbreviation(a), "{a}");
        }
        for w in [
            "UBNDX", "ubnd", "BC", "Bộ", "TNHH", "CLB", "BV", "HĐNDD", "",
        ] {
            assert_eq!(
                is_body_abbreviation(w),
                BODY_ABBREVIATIONS.contains(&w),
                "{w}"
            );
        }
    }

    #[test]
    fn keys_expand_abbreviations() {
        assert_eq!(key("UBND tỉnh"), key("Ủy ban nhân dân tỉnh"));
        assert_eq!(key("Bộ CHQS tỉnh"), key("Bộ Chỉ huy Quân sự tỉnh"));
        assert_eq!(key("VKSND"), key("Viện kiểm sát nhân dân"));
        assert_eq!(key("Công an TP. Vinh"), key("Công an thành phố Vinh"));
    }
}
