//! Runs of capitalised words and what each says about a person: a sure name (a seed), or a
//! form to look up among the seeds of the article.

use super::key::{canonical, canonical_into, is_vietnamese_syllable, FastMap};
use super::roles;
use super::scan::{scan_into, scan_openers};
use super::words::{Kept, Key, Keyed, Words};
use crate::document::{Block, BlockKind};
use crate::extract::tokens::{Token, TokenKind};
use crate::lexicon::people::{self as lex, bit};
use std::cell::{Cell, OnceCell, RefCell};
use std::sync::LazyLock;

/// Why a candidate is (or may be) a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A Vietnamese surname then given names.
    Surname,
    /// A title or honorific right before it.
    Context,
    /// A common foreign given name then more names.
    Foreign,
    /// Foreign words with nothing before them: a person only if the article also uses one of
    /// them alone ("Fabiana Semprebom" … "Semprebom"), as it does with people and not brands.
    Bare,
    /// A place ("đường Lê Lợi"): no person, but what is listed after it is a place too.
    Place,
    /// After "Ảnh:" or in the byline.
    Credit,
    /// Nothing on its own: a person only if it names one the article introduced.
    Lookup,
}

/// A span that is, or may be, a person's mention.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    /// Where the matching key of each word lies in the article's [`Parts`] (the keys are
    /// shared with the token keys: no copy, and no list allocated per candidate).
    pub parts: PartsAt,
    pub evidence: Evidence,
    /// Starts with a Vietnamese surname (so its first word is no short form).
    pub vietnamese_surname: bool,
    pub author: bool,
    pub roles: Vec<String>,
    /// The person's index among the article's (32 bits: a candidate moves often, and at 128
    /// bytes it moves without a call to `memcpy`).
    pub person: Option<u32>,
    /// Token range in its block, and whether a list separator (",", "và" …) comes right before.
    pub tokens: (usize, usize),
    pub listed: bool,
    /// Words (byte ranges) that, if the article also writes them in lowercase, show this is a
    /// common word and not a name.
    pub unless_written: Spans,
}

/// The word keys of an article's candidates, one candidate's after another, in chunks of
/// [`Parts::CHUNK`] keys: a chunk is never moved to grow (a list grown by doubling would hold
/// up to twice the room it needs, and both copies while it moves).
#[derive(Default)]
pub struct Parts {
    chunks: Vec<Vec<Key>>,
}

/// Where a candidate's keys lie in [`Parts`].
#[derive(Clone, Copy, Debug)]
pub struct PartsAt {
    chunk: u32,
    from: u32,
    to: u32,
}

impl Parts {
    /// Keys a chunk holds (a longer run's keys get a chunk of their own).
    const CHUNK: usize = 1024;

    /// Adds one candidate's keys, all in one chunk.
    fn add(&mut self, keys: impl ExactSizeIterator<Item = Key>) -> PartsAt {
        let n = keys.len();
        let room = self.chunks.last().map_or(0, |c| c.capacity() - c.len());
        if room < n {
            self.chunks.push(Vec::with_capacity(Self::CHUNK.max(n)));
        }
        let chunk = self.chunks.len() - 1;
        let c = &mut self.chunks[chunk];
        let from = c.len();
        c.extend(keys);
        PartsAt {
            chunk: chunk as u32,
            from: from as u32,
            to: c.len() as u32,
        }
    }

    /// Empties it, keeping one chunk of the usual size for the next article.
    pub fn clear(&mut self) {
        self.chunks.truncate(1);
        if self
            .chunks
            .first()
            .is_some_and(|c| c.capacity() > Self::CHUNK)
        {
            self.chunks.clear();
        }
        if let Some(c) = self.chunks.first_mut() {
            c.clear();
        }
    }
}

impl Candidate {
    /// Matching key of each word.
    pub fn parts<'p>(&self, parts: &'p Parts) -> &'p [Key] {
        let at = self.parts;
        &parts.chunks[at.chunk as usize][at.from as usize..at.to as usize]
    }
}

/// At most two byte ranges, kept inline: most candidates are one word with one or two, and
/// a list each would cost an allocation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Spans {
    n: u8,
    spans: [(usize, usize); 2],
}

impl Spans {
    /// Adds a range; a candidate asks for two at most.
    fn push(&mut self, span: (usize, usize)) {
        self.spans[usize::from(self.n)] = span;
        self.n += 1;
    }

    pub fn iter(&self) -> std::slice::Iter<'_, (usize, usize)> {
        self.spans[..usize::from(self.n)].iter()
    }

    pub fn len(&self) -> usize {
        usize::from(self.n)
    }

    /// Range `k` (`k < len`).
    pub fn get(&self, k: usize) -> (usize, usize) {
        self.spans[..self.len()][k]
    }
}

thread_local! {
    /// Words this thread has keyed, by their text, with their table [`bit`]s and shape: most recur
    /// within an article and across articles, and finding one costs far less than keying it.
    static KEYED: Kept<Words> = Kept::new(Words::default());
    /// The last article's block buffers, for the next article: grown once, not in every article.
    static SPARE: Kept<Buffers> = Kept::new(Buffers::default());
}

/// The buffers of [`BlockTokens`] that outlive an article ([`SPARE`]), all empty of keys.
#[derive(Default)]
struct Buffers {
    toks: Vec<Token>,
    raw: Vec<Token>,
    openers: Vec<usize>,
    raw_openers: Vec<usize>,
    keys: Vec<OnceCell<Keyed>>,
    keyed_at: Vec<usize>,
    places: Vec<Cell<u8>>,
    shapes: Vec<Cell<u8>>,
    scratch: String,
    phrase: String,
}

/// Tokens a kept buffer may have room for: a longer block's buffers are freed with it.
const SPARE_TOKENS: usize = 1 << 14;

/// What the words right before a run make of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    None,
    Honorific,
    Title,
    /// A title whose complement is a body: a name after it needs a sure shape.
    Office,
    Place,
    Credit,
}

/// One block's tokens, with absolute byte offsets; an initial's dot is part of its word.
/// Its buffers are reused from block to block ([`BlockTokens::refill`]).
pub struct BlockTokens {
    pub index: usize,
    kind: BlockKind,
    toks: Vec<Token>,
    /// The scanner's tokens, before the fixes above.
    raw: Vec<Token>,
    /// The tokens that may open a run ([`super::scan::opens`]), in order.
    openers: Vec<usize>,
    /// The same of `raw`.
    raw_openers: Vec<usize>,
    /// Each token's matching key, made on first use.
    /// (Never shorter than the tokens; only the cells in `keyed_at` are set.)
    keys: Vec<OnceCell<Keyed>>,
    /// The tokens whose key is set, to unset on refill without a walk over every token.
    keyed_at: RefCell<Vec<usize>>,
    /// The thread's [`KEYED`] words, held while these tokens live (put back on drop): no
    /// thread-local access per word.
    keyed: RefCell<Words>,
    /// Scratch buffer for making keys.
    scratch: RefCell<String>,
    /// Scratch buffer for joining phrase keys (apart: joining makes word keys).
    phrase: RefCell<String>,
    /// The longest known place starting at each token within the last bound asked
    /// ([`View::place_len`]; 0 until found).
    places: Vec<Cell<u8>>,
    /// Each token's [`View::shape`] bits and [`View::namey`] answer (0 until found).
    shapes: Vec<Cell<u8>>,
}

/// Whether a lowercase word or word pair is written somewhere in an article's blocks ("an
/// ninh"). Nothing per token is kept: the questions are searched for in the text, and each hit
/// is checked by tokenizing the few words around it, so the blocks can be dropped as soon as
/// their candidates are made.
pub struct LowerIndex<'a> {
    text: &'a str,
    /// The article's blocks, in text order; datelines do not count.
    blocks: &'a [Block],
    answers: RefCell<FastMap<String, bool>>,
}

/// Up to this many questions, each is searched for alone.
const FEW: usize = 4;
/// Or up to this many bytes searched in all.
const SCAN_BUDGET: usize = 1 << 18;

thread_local! {
    /// The last article's answer map, empty, for the next: grown once, not in every article.
    static ANSWERS: Kept<FastMap<String, bool>> = Kept::new(FastMap::default());
}

/// Answers a kept map may have room for: a longer article's map is freed with it.
const SPARE_ANSWERS: usize = 1 << 12;

impl<'a> LowerIndex<'a> {
    pub fn new(text: &'a str, blocks: &'a [Block]) -> Self {
        LowerIndex {
            text,
            blocks,
            answers: RefCell::new(ANSWERS.with(Kept::take)),
        }
    }

    /// Answers every question in `questions` at once: one search of the text for them all.
    pub fn prepare<Q: AsRef<str> + Into<String>>(&self, questions: impl IntoIterator<Item = Q>) {
        let mut asked: Vec<String> = {
            let answers = self.answers.borrow();
            questions
                .into_iter()
                .filter(|q| !answers.contains_key(q.as_ref()))
                .map(Into::into)
                .collect()
        };
        // Each new question once (the answers do not depend on their order); an empty one is
        // no word of the text, and is answered without a search.
        asked.sort_unstable();
        asked.dedup();
        let empty = asked.first().is_some_and(String::is_empty);
        if empty {
            asked.remove(0);
        }
        let found = self.search(&asked);
        let mut answers = self.answers.borrow_mut();
        answers.reserve(asked.len() + usize::from(empty));
        if empty {
            answers.insert(String::new(), false);
        }
        for (q, a) in asked.into_iter().zip(found) {
            answers.insert(q, a);
        }
    }

    /// Whether each of `asked` (none empty) occurs as a lowercase word or pair.
    fn search(&self, asked: &[String]) -> Vec<bool> {
        let mut found = vec![false; asked.len()];
        let mut buf = Vec::new();
        // A few questions, or a short text: a plain substring search each (an automaton costs
        // more to build than a few passes over a news article).
        if asked.len() <= FEW || asked.len() * self.text.len() <= SCAN_BUDGET {
            let hay = self.text.as_bytes();
            for (q, f) in asked.iter().zip(&mut found) {
                // Byte matches of a whole UTF-8 string fall on char boundaries, as `str::find`'s.
                let finder = memchr::memmem::Finder::new(q.as_bytes());
                let mut from = 0;
                while let Some(i) = finder.find(&hay[from..]) {
                    let s = from + i;
                    if self.lower_at(s, s + q.len(), &mut buf) {
                        *f = true;
                        break;
                    }
                    // Overlapping hits too: the next char on.
                    from = s + self.text[s..].chars().next().map_or(1, char::len_utf8);
                }
            }
            return found;
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(asked);
        let Ok(ac) = ac else {
            // No automaton (too large): the questions one by one.
            return asked
                .iter()
                .map(|q| self.search(std::slice::from_ref(q))[0])
                .collect();
        };
        let mut left = asked.len();
        for m in ac.find_overlapping_iter(self.text) {
            let p = m.pattern().as_usize();
            if found[p] || !self.lower_at(m.start(), m.end(), &mut buf) {
                continue;
            }
            found[p] = true;
            left -= 1;
            if left == 0 {
                break;
            }
        }
        found
    }

    /// The block holding byte `at`, unless a dateline.
    fn block_of(&self, at: usize) -> Option<(usize, usize)> {
        let i = self.blocks.partition_point(|b| b.start <= at);
        let b = self.blocks.get(i.checked_sub(1)?)?;
        (at < b.end && b.kind != BlockKind::Dateline).then_some((b.start, b.end))
    }

    /// Whether `text[s..e]` is a lowercase word token, or two joined by one space, of its
    /// block. Tokens never hold whitespace and the scanner starts afresh after it, so the
    /// words between the whitespace around the span tokenize as they do in the whole block
    /// (the block's fixes to initials and glued roles only touch capitalised words).
    fn lower_at(&self, s: usize, e: usize, buf: &mut Vec<Token>) -> bool {
        let text = self.text;
        let Some((bs, be)) = self.block_of(s) else {
            return false;
        };
        if e > be {
            return false;
        }
        let from = text[bs..s]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(bs, |(i, c)| bs + i + c.len_utf8());
        let to = text[e..be]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(be, |(i, _)| e + i);
        let w = &text[from..to];
        let _ = scan_into(w, 0, buf);
        let lower = |t: &Token| {
            t.kind == TokenKind::Word
                && w[t.start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
        };
        let (s, e) = (s - from, e - from);
        let Some(k) = buf.iter().position(|t| t.start == s) else {
            return false;
        };
        let t = &buf[k];
        if !lower(t) {
            return false;
        }
        if t.end == e {
            return true;
        }
        buf.get(k + 1).is_some_and(|next| {
            next.end == e && next.start == t.end + 1 && w.as_bytes()[t.end] == b' ' && lower(next)
        })
    }

    /// Whether `words` (one word, or two joined by one space) occurs in lowercase.
    pub fn has(&self, words: &str) -> bool {
        if let Some(&a) = self.answers.borrow().get(words) {
            return a;
        }
        self.prepare([words.to_owned()]);
        self.answers.borrow().get(words).copied().unwrap_or(false)
    }
}

impl Drop for LowerIndex<'_> {
    fn drop(&mut self) {
        let mut answers = std::mem::take(self.answers.get_mut());
        if answers.capacity() <= SPARE_ANSWERS {
            answers.clear();
            // The thread may be ending: then the map goes with it.
            let _ = ANSWERS.try_with(|c| c.put(answers));
        }
    }
}

/// Whether a word is romanised Japanese: syllables of an optional consonant (doubled, or
/// "sh", "ch", "ts", "ky" …) and a vowel, or a syllabic "n" ("Kawase", "Shinzo", "Nobuaki").
fn is_romaji(w: &str) -> bool {
    let b: Vec<u8> = w.bytes().map(|c| c.to_ascii_lowercase()).collect();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut i = 0;
    while i < b.len() {
        if vowel(b[i]) {
            i += 1;
            continue;
        }
        // A syllabic "n" before a consonant or at the end.
        if b[i] == b'n' && b.get(i + 1).is_none_or(|&c| !vowel(c) && c != b'y') {
            i += 1;
            continue;
        }
        // A doubled consonant ("Hattori", "Nissan").
        if b.get(i + 1) == Some(&b[i]) && matches!(b[i], b'k' | b't' | b's' | b'p') {
            i += 1;
        }
        let rest = &b[i..];
        let digraph = rest.starts_with(b"sh") || rest.starts_with(b"ch") || rest.starts_with(b"ts");
        let palatal = matches!(b[i], b'k' | b'g' | b'n' | b'h' | b'b' | b'p' | b'm' | b'r')
            && rest.get(1) == Some(&b'y');
        let onset = if digraph || palatal {
            2
        } else if matches!(
            b[i],
            b'k' | b'g'
                | b's'
                | b'z'
                | b't'
                | b'd'
                | b'n'
                | b'h'
                | b'b'
                | b'p'
                | b'm'
                | b'r'
                | b'y'
                | b'w'
                | b'f'
                | b'j'
        ) {
            1
        } else {
            return false;
        };
        i += onset;
        let Some(&v) = b.get(i).filter(|&&c| vowel(c)) else {
            return false;
        };
        // Hepburn writes "shi", "chi", "tsu", "fu", "ji", "zu": "si", "ti", "du", "hu", "wi" …
        // mark another language ("Saudi").
        let c = b[i - 1];
        let foreign = match v {
            b'i' => matches!(c, b's' | b't' | b'd' | b'z' | b'w' | b'y') && onset == 1,
            b'u' => matches!(c, b't' | b'd' | b'h' | b'w' | b'y') && onset == 1 && c != b'y',
            b'e' => matches!(c, b'w' | b'y') && onset == 1,
            _ => false,
        } || (c == b'f' && v != b'u');
        if foreign {
            return false;
        }
        i += 1;
    }
    true
}

/// An initial glued to a Vietnamese syllable, as bylines sign: "N.Phú", "H.LONG", "T.T.Hà".
fn dotted_name(w: &str) -> bool {
    // The dot found by its byte: most words hold none, and no searcher is set up for that.
    let Some(dot) = w.bytes().rposition(|b| b == b'.') else {
        return false;
    };
    let (init, name) = (&w[..dot], &w[dot + 1..]);
    !init.is_empty()
        && init
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        && name.chars().count() >= 2
        && is_vietnamese_syllable(name)
}

fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    // The first two chars after it settle the shape: no need to collect them.
    match (cs.next(), cs.next()) {
        (None, _) => true,
        // "Ng.", "Th.": an uppercase letter and one lowercase consonant.
        (Some(c), None) => {
            c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        }
        // "N.T.H", "M.T": single letters joined by dots.
        _ => w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2),
    }
}

/// Keys of the words the rules name, made once.
struct Fixed {
    anh: String,
    uy: String,
    bac: String,
    ho: String,
    thi: String,
    van: String,
    directions: [String; 3],
    mot: String,
    cuu: String,
    noi: String,
    rieng: String,
    tuoi: String,
    year_words: [String; 3],
    tan: String,
}

fn fixed() -> &'static Fixed {
    static FIXED: LazyLock<Fixed> = LazyLock::new(|| Fixed {
        anh: canonical("ảnh"),
        uy: canonical("ủy"),
        bac: canonical("bác"),
        ho: canonical("hồ"),
        thi: canonical("thị"),
        van: canonical("văn"),
        directions: ["nam", "bắc", "tây"].map(canonical),
        mot: canonical("một"),
        cuu: canonical("cựu"),
        noi: canonical("nói"),
        rieng: canonical("riêng"),
        tuoi: canonical("tuổi"),
        year_words: ["năm", "tết", "xuân"].map(canonical),
        tan: canonical("tân"),
    });
    &FIXED
}

const STOP_AFTER_TITLE: &[&str] = &["là", "và", "của", "cho", "với"];

impl BlockTokens {
    /// No tokens yet: buffers for [`BlockTokens::refill`].
    pub fn empty() -> Self {
        let b = SPARE.with(Kept::take);
        BlockTokens {
            index: 0,
            kind: BlockKind::Paragraph,
            toks: b.toks,
            raw: b.raw,
            openers: b.openers,
            raw_openers: b.raw_openers,
            keys: b.keys,
            keyed_at: RefCell::new(b.keyed_at),
            places: b.places,
            shapes: b.shapes,
            keyed: RefCell::new(KEYED.with(Kept::take)),
            scratch: RefCell::new(b.scratch),
            phrase: RefCell::new(b.phrase),
        }
    }

    #[cfg(test)]
    pub fn new(text: &str, index: usize, block: &Block) -> Self {
        let mut b = BlockTokens::empty();
        b.refill(text, index, block);
        b
    }

    /// Makes these the tokens of `block`, reusing the buffers.
    pub fn refill(&mut self, text: &str, index: usize, block: &Block) {
        self.index = index;
        self.kind = block.kind;
        let src = &text[block.start..block.end];
        let bytes = text.as_bytes();
        let mut raw = std::mem::take(&mut self.raw);
        let mut raw_open = std::mem::take(&mut self.raw_openers);
        let first = scan_openers(src, block.start, &mut raw, &mut raw_open);
        // Both fixes below apply to words starting with a capital that hold a hyphen or have a
        // dot right after them: before the first such word, the tokens are the scanner's.
        let Some(first) = first else {
            // Nothing to fix: the scanner's tokens as they are, and its buffers for the next.
            std::mem::swap(&mut self.toks, &mut raw);
            std::mem::swap(&mut self.openers, &mut raw_open);
            self.raw = raw;
            self.raw_openers = raw_open;
            self.reset_memo();
            return;
        };
        let toks = &mut self.toks;
        toks.clear();
        toks.reserve(raw.len() + 2);
        toks.reserve(raw.len());
        toks.extend_from_slice(&raw[..first]);
        // The openers follow their tokens: each fix below keeps a word's start, so a word
        // opens as it did, and a name cut from the role glued to it opens too (it starts with
        // a capital).
        let openers = &mut self.openers;
        openers.clear();
        let mut p = raw_open.partition_point(|&o| o < first);
        openers.extend_from_slice(&raw_open[..p]);
        let mut i = first;
        while i < raw.len() {
            // Both fixes below apply to words starting with a capital: most words start with an
            // ASCII lowercase letter or a digit and need neither, and are copied in one go.
            let capital = |t: &Token| {
                // SAFETY: a token is never empty and lies within the text it was scanned from.
                t.kind == TokenKind::Word
                    && !matches!(
                        unsafe { *bytes.get_unchecked(t.start) },
                        b'a'..=b'z' | b'0'..=b'9'
                    )
            };
            let ahead = raw[i..].iter().position(capital).unwrap_or(raw.len() - i);
            // Tokens before `i` moved by as many places as the fixes added or took.
            let (to, from) = (toks.len(), i);
            toks.extend_from_slice(&raw[i..i + ahead]);
            i += ahead;
            while raw_open.get(p).is_some_and(|&o| o < i) {
                openers.push(raw_open[p] - from + to);
                p += 1;
            }
            if i == raw.len() {
                break;
            }
            let mut t = raw[i];
            let mut opens = raw_open.get(p) == Some(&i);
            if opens {
                p += 1;
            }
            // "Phong-Trưởng phòng": a name glued to the role after it.
            if t.kind == TokenKind::Word {
                let w = &text[t.start..t.end];
                if let Some(h) = w.bytes().position(|b| b == b'-') {
                    let (l, r) = (&w[..h], &w[h + 1..]);
                    if is_vietnamese_syllable(l)
                        && l.chars().next().is_some_and(|c| c.is_uppercase())
                        && r.chars().next().is_some_and(|c| c.is_uppercase())
                    {
                        let mid = t.start + h;
                        if opens {
                            openers.push(toks.len());
                        }
                        opens = true;
                        toks.push(Token { end: mid, ..t });
                        toks.push(Token {
                            start: mid,
                            end: mid + 1,
                            kind: TokenKind::Punct,
                            space_before: false,
                        });
                        t = Token {
                            start: mid + 1,
                            space_before: false,
                            ..t
                        };
                    }
                }
            }
            // "Nguyễn Văn Q." keeps its dot.
            if t.kind == TokenKind::Word {
                if let Some(n) = raw
                    .get(i + 1)
                    .filter(|n| n.kind == TokenKind::Punct && !n.space_before)
                    .filter(|n| bytes[n.start] == b'.')
                {
                    // A dot then a capital is the sentence's end: "bà H. Thấy nạn nhân …".
                    let after_word = toks.last().is_some_and(|p: &Token| {
                        p.kind == TokenKind::Word
                            && !text[p.start..p.end]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                    });
                    let ends_sentence = after_word
                        && text[n.end..block.end]
                            .strip_prefix(' ')
                            .and_then(|r| r.chars().next())
                            .is_some_and(|c| c.is_uppercase());
                    if n.kind == TokenKind::Punct
                        && !n.space_before
                        && &text[n.start..n.end] == "."
                        && is_initial(&text[t.start..t.end])
                        && !ends_sentence
                    {
                        t.end += 1;
                        i += 1;
                    }
                }
            }
            if opens {
                openers.push(toks.len());
            }
            toks.push(t);
            i += 1;
        }
        debug_assert!(openers
            .iter()
            .copied()
            .eq(super::scan::openers_of(text, toks)));
        self.raw = raw;
        self.raw_openers = raw_open;
        self.reset_memo();
    }

    /// Forgets what was found about the previous block's tokens.
    fn reset_memo(&mut self) {
        let n = self.toks.len();
        for i in self.keyed_at.get_mut().drain(..) {
            self.keys[i].take();
        }
        if self.keys.len() < n {
            self.keys.resize_with(n, OnceCell::new);
        }
        self.places.clear();
        self.places.resize(n, Cell::new(0));
        self.shapes.clear();
        self.shapes.resize(n, Cell::new(0));
    }

    /// Every run's candidate, in text order; none for a run inside one of `skip` (byte spans
    /// sorted by start): each candidate lies within its run, so it would overlap the span.
    pub fn candidates(
        &self,
        text: &str,
        skip: &[(usize, usize)],
        parts: &mut Parts,
        out: &mut Vec<Candidate>,
    ) {
        let v = View {
            text,
            b: self,
            context: Cell::new(None),
            parts: RefCell::new(std::mem::take(parts)),
        };
        let n = self.toks.len();
        let mut i = 0;
        let bytes = text.as_bytes();
        // Most tokens are punctuation or words starting in ASCII lowercase, and none of them
        // opens a run: the scanner listed the others, and the walk goes from one to the next.
        let mut next = 0;
        while i < n {
            while self.openers.get(next).is_some_and(|&o| o < i) {
                next += 1;
            }
            let Some(&o) = self.openers.get(next) else {
                break;
            };
            i = o;
            let b = bytes[self.toks[i].start];
            // Each particle that leads a name starts with "v" or "d" (see `particle_leads`).
            let opens = v.is_cap(i)
                || (matches!(b, b'v' | b'd') && v.particle_shaped(i) && v.particle_leads(i));
            if !opens {
                i += 1;
                continue;
            }
            let a = i;
            i += 1;
            while i < n
                && self.toks[i].space_before
                && (v.is_cap(i)
                    || (v.particle_shaped(i) && (v.particle_in_name(i) || v.particle_leads(i))))
            {
                // "Nguyễn Văn Q. Hàng xóm …": a dotted initial after a name ends it.
                if i - a >= 2 && v.tx(i - 1).ends_with('.') {
                    break;
                }
                // "Lê Thương Ảnh: Tư liệu": a photo credit starts after the name.
                if v.punct_is(i + 1, b':') && v.key1(i) == fixed().anh {
                    break;
                }
                i += 1;
            }
            // An organisation's name ("Bộ Y tế", "Công ty Hòa Phát") holds no person.
            if inside(skip, self.toks[a].start, self.toks[i - 1].end) {
                continue;
            }
            if let Some(c) = v.analyse(a, i) {
                out.push(c);
            }
        }
        *parts = v.parts.into_inner();
    }
}

/// Whether `s..e` lies inside one of `spans` (sorted by start). Only the few spans starting
/// last before `s` are looked at: a span missed makes no answer wrong, the run is analysed and
/// its candidate dropped later.
fn inside(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let before = spans.partition_point(|&(os, _)| os <= s);
    spans[..before].iter().rev().take(4).any(|&(_, oe)| e <= oe)
}

impl Drop for BlockTokens {
    fn drop(&mut self) {
        let words = std::mem::take(self.keyed.get_mut());
        // The thread may be ending: then the words go with it.
        let _ = KEYED.try_with(|c| c.put(words));
        // The buffers too, but without the keys they hold, and not when a long block grew them.
        for i in self.keyed_at.get_mut().drain(..) {
            self.keys[i].take();
        }
        let room = self.toks.capacity().max(self.raw.capacity());
        if room.max(self.keys.capacity()) <= SPARE_TOKENS {
            use std::mem::take;
            let b = Buffers {
                toks: take(&mut self.toks),
                raw: take(&mut self.raw),
                openers: take(&mut self.openers),
                raw_openers: take(&mut self.raw_openers),
                keys: take(&mut self.keys),
                keyed_at: take(self.keyed_at.get_mut()),
                places: take(&mut self.places),
                shapes: take(&mut self.shapes),
                scratch: take(self.scratch.get_mut()),
                phrase: take(self.phrase.get_mut()),
            };
            let _ = SPARE.try_with(|c| c.put(b));
        }
    }
}

/// The [`SHAPE_KNOWN`], [`SYLLABLE`], [`VIET`], [`ACRONYM`] and [`NAME_SHAPED`] bits of a word
/// spelt `w`.
fn shape_of(w: &str) -> u8 {
    let bytes = w.as_bytes();
    let syllable = is_vietnamese_syllable(w);
    // An initial opens with a capital, and a dotted name holds a dot: most words are told
    // none by a byte.
    let first_upper = match bytes.first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    };
    // With no dot, an initial is one or two chars and no dotted name: most words are told by
    // their length (a capital of four bytes at most and an ASCII letter), without the searches
    // of `is_initial` and `dotted_name`.
    let viet = syllable
        || if bytes.contains(&b'.') {
            (first_upper && is_initial(w.trim_end_matches('.'))) || dotted_name(w)
        } else {
            first_upper && w.len() <= 5 && is_initial(w)
        };
    // An ASCII lowercase letter settles it without decoding; a Vietnamese word is none.
    let acronym = !viet
        && !bytes.iter().any(u8::is_ascii_lowercase)
        && !w.chars().any(char::is_lowercase)
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2;
    // "Dolce&Gabbana": an ampersand joins firms, not names; "Let’s", "Domino's" are no names
    // either.
    let name_shaped = first_upper
        && !acronym
        && !bytes.iter().any(|&b| b.is_ascii_digit() || b == b'&')
        && !w.ends_with("’s")
        && !w.ends_with("'s");
    let bit = |on: bool, b: u8| if on { b } else { 0 };
    SHAPE_KNOWN
        | bit(syllable, SYLLABLE)
        | bit(viet, VIET)
        | bit(acronym, ACRONYM)
        | bit(name_shaped, NAME_SHAPED)
}

/// [`shape_of`] as first written, a pass for each test (the tests hold the one to the other).
#[cfg(test)]
fn shape_of_by_passes(w: &str) -> u8 {
    let syllable = is_vietnamese_syllable(w);
    let viet = syllable || is_initial(w.trim_end_matches('.')) || dotted_name(w);
    let acronym = !w.bytes().any(|b| b.is_ascii_lowercase())
        && !w.chars().any(char::is_lowercase)
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !viet;
    let name_shaped = w.chars().next().is_some_and(char::is_uppercase)
        && !w.bytes().any(|b| b.is_ascii_digit() || b == b'&')
        && !w.ends_with("’s")
        && !w.ends_with("'s")
        && !acronym;
    let bit = |on: bool, b: u8| if on { b } else { 0 };
    SHAPE_KNOWN
        | bit(syllable, SYLLABLE)
        | bit(viet, VIET)
        | bit(acronym, ACRONYM)
        | bit(name_shaped, NAME_SHAPED)
}

/// Bits of a token's shape ([`View::shape`]).
const SHAPE_KNOWN: u8 = 1;
const SYLLABLE: u8 = 2;
const VIET: u8 = 4;
/// Whether [`View::namey`] is known, and its answer.
const NAMEY_KNOWN: u8 = 8;
const NAMEY: u8 = 16;
/// [`View::acronym`].
const ACRONYM: u8 = 32;
/// Capitalised, with no digit, ampersand or "'s", and no acronym: a word of a name when it is
/// a word token ([`View::namey`]).
const NAME_SHAPED: u8 = 64;

/// What [`View::context_key`] finds: the context, where its phrase starts, the phrase's bits.
type Context = (Ctx, usize, u32);

struct View<'a> {
    text: &'a str,
    b: &'a BlockTokens,
    /// The last [`View::context_key`] found, with the token it was found for: a run's
    /// context is asked for again and again while the run is analysed.
    context: Cell<Option<(usize, Context)>>,
    /// The article's candidate word keys, which [`View::candidate`] adds to.
    parts: RefCell<Parts>,
}

impl<'a> View<'a> {
    fn tx(&self, i: usize) -> &'a str {
        let t = &self.b.toks[i];
        debug_assert!(t.start <= t.end && self.text.get(t.start..t.end).is_some());
        // SAFETY: a token lies within the text it was scanned from, from a char boundary to a
        // char boundary (the scanner steps over whole chars): no checks per word asked.
        unsafe { self.text.get_unchecked(t.start..t.end) }
    }

    /// The first byte of token `t` (a token is never empty), unchecked as [`View::tx`] is.
    #[inline]
    fn first_byte(&self, t: &Token) -> u8 {
        debug_assert!(t.start < t.end && t.end <= self.text.len());
        // SAFETY: as for `tx`: the token's bytes lie within the text, and it has one at least.
        unsafe { *self.text.as_bytes().get_unchecked(t.start) }
    }

    fn is_word(&self, i: usize) -> bool {
        self.b.toks[i].kind == TokenKind::Word
    }

    #[inline]
    fn is_cap(&self, i: usize) -> bool {
        let t = &self.b.toks[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        // Most words start with an ASCII letter: no need to decode them.
        let b = self.first_byte(t);
        if b.is_ascii() {
            return b.is_ascii_uppercase();
        }
        self.starts_upper(i)
    }

    /// [`View::is_cap`] for a word starting with a non-ASCII letter: out of line, so the
    /// ASCII test inlines.
    #[inline(never)]
    fn starts_upper(&self, i: usize) -> bool {
        starts_upper(self.tx(i))
    }

    /// Whether token `i` is the punctuation `c` (ASCII): a punctuation token is one char,
    /// so its first byte settles it.
    #[inline]
    fn punct_is(&self, i: usize, c: u8) -> bool {
        debug_assert!(c.is_ascii());
        self.b
            .toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.first_byte(t) == c)
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        (self.b.toks.get(i)?.kind == TokenKind::Punct).then(|| self.tx(i))
    }

    /// One token's key and its table [`bit`]s, made on first use.
    fn keyed(&self, i: usize) -> &'a Keyed {
        self.b.keys[i].get_or_init(|| {
            self.b.keyed_at.borrow_mut().push(i);
            let w = self.tx(i);
            self.b.keyed.borrow_mut().get_or_make(w, |w, arena| {
                let mut k = self.b.scratch.borrow_mut();
                canonical_into(w, &mut k);
                if k.ends_with('.') {
                    k.pop();
                }
                // A word opening in ASCII lowercase is seldom asked its shape (the rules ask
                // it of capitalised words): found when asked ([`View::shape`]), 0 till then.
                let shape = if w.as_bytes()[0].is_ascii_lowercase() {
                    0
                } else {
                    shape_of(w)
                };
                let (flags, id) = lex::flags_and_id(&k);
                (arena.alloc(&k), flags, shape, id)
            })
        })
    }

    /// One token's key; a final dot ("TS.", "Q.") is dropped.
    fn key1(&self, i: usize) -> &'a str {
        &self.keyed(i).0
    }

    /// The table [`bit`]s of one token's key.
    fn flags1(&self, i: usize) -> u32 {
        self.keyed(i).1
    }

    /// The table [`bit`]s of the key of words `a..b`: one hash lookup, none for a phrase no
    /// table can hold.
    #[inline]
    fn flags(&self, a: usize, b: usize) -> u32 {
        // Most asks are for one word: that path stays small enough to inline.
        if b == a + 1 {
            return self.flags1(a);
        }
        self.phrase_flags(a, b)
    }

    /// [`View::flags`] for several words.
    #[inline(never)]
    fn phrase_flags(&self, a: usize, b: usize) -> u32 {
        // No table has a phrase ending or starting with these words: skip the join. The last
        // word first: looking back from a name ("… Chủ tịch Nguyễn"), it is the same for every
        // length tried and already keyed, and the far first word need not be keyed at all.
        let last = self.flags1(b - 1);
        if last & bit::PHRASE_LAST == 0 {
            return 0;
        }
        // Keys hold no spaces, so the joined key has a word per token after a space; when
        // the end tokens are words of their own, their bits say whether a phrase of that
        // length starts or ends with them. The last word's say first: the first word need
        // not be keyed at all for a length the last word ends no phrase of.
        let toks = &self.b.toks;
        let words = 1 + (a + 1..b).filter(|&i| toks[i].space_before).count();
        let (first_of, last_of) = bit::of_length(words);
        if words >= 2 && toks[b - 1].space_before && last & last_of == 0 {
            return 0;
        }
        let first = self.flags1(a);
        if first & bit::PHRASE_FIRST == 0 {
            return 0;
        }
        if words >= 2 && toks[a + 1].space_before && first & first_of == 0 {
            return 0;
        }
        // A word per token: the phrase is found by its words' ids, with no key joined (a word
        // with no id is in no phrase, so neither is the phrase).
        if words == b - a && words <= lex::PHRASE_ID_WORDS {
            let mut ids = 0;
            for (k, i) in (a..b).enumerate() {
                let id = self.keyed(i).3;
                if id == 0 {
                    return 0;
                }
                ids = lex::phrase_id(ids, k, id);
            }
            return lex::phrase_flags(ids);
        }
        // The words are adjacent, so the phrase has only spaces between them.
        let mut k = self.b.phrase.borrow_mut();
        k.clear();
        for i in a..b {
            if i > a && self.b.toks[i].space_before {
                k.push(' ');
            }
            k.push_str(self.key1(i));
        }
        lex::flags(&k)
    }

    /// Whether a table among `bits` holds the key of words `a..b`.
    fn is(&self, a: usize, b: usize, bits: u32) -> bool {
        self.flags(a, b) & bits != 0
    }

    /// Capitals only, at least two, and no Vietnamese word ("UBND", "HLV"): see [`shape_of`].
    fn acronym(&self, i: usize) -> bool {
        // An acronym holds no ASCII lowercase letter: a word opening with one is none, told
        // without finding its shape (not kept for such words).
        if self.first_byte(&self.b.toks[i]).is_ascii_lowercase() {
            return false;
        }
        self.shape(i) & ACRONYM != 0
    }

    /// A word that may be part of a name: asked again and again of a run's words, so kept.
    #[inline]
    fn namey(&self, i: usize) -> bool {
        let known = self.b.shapes[i].get();
        if known & NAMEY_KNOWN != 0 {
            return known & NAMEY != 0;
        }
        self.namey_once(i)
    }

    /// [`View::namey`] not yet known, found and kept: out of line, so the known case inlines.
    #[inline(never)]
    fn namey_once(&self, i: usize) -> bool {
        let cell = &self.b.shapes[i];
        let namey = self.find_namey(i);
        // Read again: finding it may have set the token's other shape bits.
        cell.set(cell.get() | NAMEY_KNOWN | if namey { NAMEY } else { 0 });
        namey
    }

    fn find_namey(&self, i: usize) -> bool {
        (self.is_word(i) && self.shape(i) & NAME_SHAPED != 0)
            || self.particle_in_name(i)
            || self.particle_leads(i)
    }

    /// Whether token `i` may be a particle of [`View::particle_in_name`] or
    /// [`View::particle_leads`]: each is two letters or more, the first one of these and the
    /// second ASCII lowercase. Two bytes rule out most words without a call.
    #[inline]
    fn particle_shaped(&self, i: usize) -> bool {
        let w = self.tx(i).as_bytes();
        w.len() >= 2
            && matches!(w[0], b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'v')
            && w[1].is_ascii_lowercase()
    }

    /// A lowercase particle inside a foreign name: "Vasco da Gama", "Ruud van Nistelrooy",
    /// "Bashar al-Assad" (after a foreign capitalised word, before a capitalised one).
    fn particle_in_name(&self, i: usize) -> bool {
        let w = self.tx(i);
        // One byte rules out most words: each particle below starts with one of these.
        if !matches!(
            w.as_bytes().first(),
            Some(b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'v')
        ) {
            return false;
        }
        let glued = w.starts_with("al-") || w.starts_with("el-");
        let particle = glued
            || matches!(
                w,
                "da" | "de"
                    | "del"
                    | "della"
                    | "di"
                    | "do"
                    | "dos"
                    | "du"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "la"
                    | "le"
                    | "bin"
                    | "ibn"
                    | "ter"
                    | "ten"
            );
        if !particle || i == 0 || !self.is_word(i) {
            return false;
        }
        // Look back over other particles to the capitalised word they follow.
        let mut p = i - 1;
        while p > 0 && self.is_word(p) && !self.is_cap(p) && self.b.toks[p].space_before {
            p -= 1;
        }
        let after_foreign = self.is_cap(p) && !self.viet(p);
        let next = self.b.toks.get(i + 1);
        let before_name = next.is_some_and(|t| t.space_before)
            && (self.is_cap(i + 1) || self.tx(i + 1).len() <= 4 && self.is_word(i + 1));
        after_foreign && (glued || before_name)
    }

    /// A particle opening a foreign name after a lowercase word: "mà van den Borne nói". Only
    /// particles that are no Vietnamese words ("do", "la" are).
    fn particle_leads(&self, i: usize) -> bool {
        let lead = |k: usize| {
            // Each particle starts with "v" or "d": most words are ruled out by one byte.
            self.is_word(k)
                && matches!(self.first_byte(&self.b.toks[k]), b'v' | b'd')
                && matches!(
                    self.tx(k),
                    "van" | "von" | "de" | "del" | "della" | "der" | "den" | "dos"
                )
        };
        let n = self.b.toks.len();
        let mut k = i;
        while k < n && k < i + 3 && lead(k) {
            k += 1;
            if k < n && !self.b.toks[k].space_before {
                return false;
            }
        }
        k > i && k < n && self.is_cap(k) && !self.viet(k)
    }

    /// A Vietnamese word, an initial or a dotted name: asked often of the same token, so kept.
    fn viet(&self, i: usize) -> bool {
        self.shape(i) & VIET != 0
    }

    /// Whether token `i` is a Vietnamese syllable ([`is_vietnamese_syllable`]), kept as
    /// [`View::viet`] is.
    fn syllable(&self, i: usize) -> bool {
        self.shape(i) & SYLLABLE != 0
    }

    /// The shape bits of token `i` ([`shape_of`] its spelling, found once per word keyed), kept
    /// with its [`View::namey`] bits.
    #[inline]
    fn shape(&self, i: usize) -> u8 {
        let known = self.b.shapes[i].get();
        if known & SHAPE_KNOWN != 0 {
            return known;
        }
        self.find_shape(i)
    }

    /// [`View::shape`] not yet known: out of line, so the known case inlines.
    #[inline(never)]
    fn find_shape(&self, i: usize) -> u8 {
        let cell = &self.b.shapes[i];
        // A property of the spelling: found once per word the thread keys, or, for words
        // opening in ASCII lowercase, once per token asked.
        let mut spelt = self.keyed(i).2;
        if spelt == 0 {
            spelt = shape_of(self.tx(i));
        }
        let shape = spelt | cell.get();
        cell.set(shape);
        shape
    }

    fn surname(&self, i: usize) -> bool {
        self.is(i, i + 1, bit::SURNAME)
    }

    fn not_start(&self, i: usize) -> bool {
        self.is(i, i + 1, bit::NOT_START)
    }

    /// Words of a known place starting at `i` (within `..z`), 0 if none.
    #[inline(always)]
    fn place_len(&self, i: usize, z: usize) -> usize {
        // Only words that open a longer place are worth joining with the next ones, and none
        // past `z`: the words after a run are not looked at.
        let max = if self.flags1(i) & bit::PLACE_FIRST != 0 {
            4.min(z - i)
        } else {
            1
        };
        if max == 1 {
            return usize::from(self.flags1(i) & bit::PLACE != 0);
        }
        self.longest_place(i, max)
    }

    /// [`View::place_len`] of a word that opens a longer place, up to `max` words: out of
    /// line, so the common one-word case inlines.
    #[inline(never)]
    fn longest_place(&self, i: usize, max: usize) -> usize {
        // Kept for the last bound asked (one run asks again and again with its end): the
        // bound in the high bits, the length in the low ones (both at most four).
        let cell = &self.b.places[i];
        let known = cell.get();
        if usize::from(known >> 4) == max {
            return usize::from(known & 0xF);
        }
        let longest = (1..=max)
            .rev()
            .find(|&k| self.is(i, i + k, bit::PLACE))
            .unwrap_or(0);
        cell.set((max as u8) << 4 | longest as u8);
        longest
    }

    /// The context the words before token `a` give, and where that phrase starts.
    fn context(&self, a: usize) -> (Ctx, usize) {
        let (ctx, from, _) = self.context_key(a);
        (ctx, from)
    }

    /// Whether the honorific before `a` is a personal one ("ông", "chị"), after which even a
    /// word that is also a country is a given name ("cô giáo Nga").
    fn personal_honorific(&self, a: usize) -> bool {
        let (ctx, _, f) = self.context_key(a);
        ctx == Ctx::Honorific && f & bit::PERSONAL != 0
    }

    /// The context, where its phrase starts, and the phrase's table [`bit`]s.
    #[inline]
    fn context_key(&self, a: usize) -> (Ctx, usize, u32) {
        if let Some((at, found)) = self.context.get() {
            if at == a {
                return found;
            }
        }
        let found = self.find_context_key(a);
        self.context.set(Some((a, found)));
        found
    }

    /// [`View::context_key`], found.
    #[inline(never)]
    fn find_context_key(&self, a: usize) -> (Ctx, usize, u32) {
        let toks = &self.b.toks;
        if a >= 2 && self.punct_is(a - 1, b':') && self.credit_word(a - 2) {
            return (Ctx::Credit, toks[a - 2].start, 0);
        }
        // "Ảnh: TTXVN/Lan Anh": the agency, then the photographer.
        if a >= 4
            && self.punct_is(a - 1, b'/')
            && self.acronym(a - 2)
            && self.punct_is(a - 3, b':')
            && self.credit_word(a - 4)
        {
            return (Ctx::Credit, toks[a - 4].start, 0);
        }
        let mut end = a;
        // "TS. Nguyễn …": an abbreviated title; "… của họ. Khuyến khích" is a sentence's end.
        if a >= 2
            && self.punct_is(a - 1, b'.')
            && self.is_word(a - 2)
            && self.tx(a - 2).chars().count() <= 5
            && self.tx(a - 2).starts_with(|c: char| c.is_uppercase())
            // "… đội tuyển nữ Anh. Câu chuyện": a whole word ends a sentence.
            && !self.syllable(a - 2)
        {
            end = a - 1;
        }
        // Every phrase ends with the word right before: one that ends none leaves only itself.
        let last = if end > 0 && self.is_word(end - 1) {
            self.flags1(end - 1)
        } else {
            0
        };
        let longest = if last & bit::PHRASE_LAST != 0 {
            lex::MAX_PHRASE_WORDS
        } else {
            1
        };
        // Only phrases of words: as many as there are right before `end`.
        let words = (1..=longest.min(end))
            .take_while(|&k| self.is_word(end - k))
            .count();
        for k in (1..=words).rev() {
            let f = self.flags(end - k, end);
            if f == 0 {
                continue;
            }
            if k >= 2 && f & bit::NEUTRAL != 0 {
                return (Ctx::None, toks[a].start, 0);
            }
            let ctx = if f & bit::HONORIFIC != 0 {
                Ctx::Honorific
            } else if f & bit::OFFICE_TITLE != 0 {
                Ctx::Office
            } else if f & bit::TITLE != 0 {
                Ctx::Title
            } else if f & bit::PLACE_WORD != 0 {
                // "Chủ tịch UBND tỉnh Nguyễn Văn A": the unit belongs to the title.
                let admin = f & bit::ADMIN_UNIT != 0;
                let of_body = end - k >= 1
                    && (self.acronym(end - k - 1) || self.key1(end - k - 1) == fixed().uy);
                if admin && of_body {
                    return (Ctx::None, toks[end - k].start, f);
                }
                Ctx::Place
            } else {
                continue;
            };
            return (ctx, toks[end - k].start, f);
        }
        (Ctx::None, toks[a].start, 0)
    }

    /// "Ảnh:" or "Tin-ảnh:": a photo credit follows.
    fn credit_word(&self, i: usize) -> bool {
        let k = self.key1(i);
        k == fixed().anh
            || k.strip_suffix(fixed().anh.as_str())
                .is_some_and(|h| h.ends_with('-'))
    }

    /// Leading titles inside the run ("Ông", "HLV", "GS.TS").
    fn strip_titles(&self, mut a: usize, z: usize, ctx: &mut Ctx, from: &mut usize) -> usize {
        // A credit keeps its words: "Ảnh: Anh Tuấn" is the photographer Anh Tuấn.
        if matches!(*ctx, Ctx::Place | Ctx::Credit) {
            return a;
        }
        'outer: while a + 1 < z {
            if self.place_len(a, z) > 0 {
                break;
            }
            for k in (1..=3.min(z - a - 1)).rev() {
                let f = self.flags(a, a + k);
                let c = if f & bit::HONORIFIC != 0 {
                    Ctx::Honorific
                } else if f & bit::OFFICE_TITLE != 0 {
                    Ctx::Office
                } else if f & bit::TITLE != 0 {
                    Ctx::Title
                } else {
                    continue;
                };
                if *ctx == Ctx::None || *ctx == Ctx::Place {
                    *from = self.b.toks[a].start;
                }
                *ctx = c;
                a += k;
                continue 'outer;
            }
            break;
        }
        a
    }

    /// A Vietnamese name in `a..z`: a surname then one to three given names, to the run's end.
    /// None for a run of one word (most runs), told inline; see [`View::surname_tail_of`].
    #[inline]
    fn surname_tail(&self, a: usize, z: usize) -> Option<usize> {
        if z < a + 2 {
            return None;
        }
        self.surname_tail_of(a, z)
    }

    /// [`View::surname_tail`] of a run of two words or more: out of line.
    #[inline(never)]
    fn surname_tail_of(&self, a: usize, z: usize) -> Option<usize> {
        let mut covered = a;
        for j in a..z {
            let len = z - j;
            if len < 2 {
                return None;
            }
            if j >= covered {
                let p = self.place_len(j, z);
                if p > 0 {
                    covered = j + p;
                }
            }
            if len > 4 || !self.surname(j) || j < covered {
                continue;
            }
            if (j..z).all(|k| self.namey(k)) && (j + 1..z).all(|k| self.viet(k) || self.ethnic(j)) {
                // A foreign stage name right before it belongs to it ("Soobin Hoàng Sơn").
                if j > a && j > covered && self.namey(j - 1) && !self.viet(j - 1) {
                    return Some(j - 1);
                }
                return Some(j);
            }
        }
        None
    }

    /// Ê Đê and Jrai names ("Y …", "H’…", "Ksor …") keep non-Vietnamese syllables.
    fn ethnic(&self, j: usize) -> bool {
        let k = self.key1(j);
        matches!(k, "y" | "h" | "ksor" | "siu" | "rah" | "kpa\u{306}") || k.starts_with("h’")
    }

    /// None for a run of one word (most runs), told inline; see [`View::foreign_given_of`].
    #[inline]
    fn foreign_given(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        if z < a + 2 {
            return None;
        }
        self.foreign_given_of(a, z)
    }

    /// [`View::foreign_given`] of a run of two words or more: out of line.
    #[inline(never)]
    fn foreign_given_of(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        let j = (a..z.saturating_sub(1)).find(|&j| {
            self.is(j, j + 1, bit::GIVEN_FOREIGN) && self.namey(j) && self.namey(j + 1)
        })?;
        // "Tore Andre Flo": a first word of the run before the common given name is a name too.
        let first = j == a + 1
            && z - a <= 4
            && !self.viet(a)
            && !self.not_start(a)
            && !self.acronym(a)
            && !self.is(
                a,
                a + 1,
                bit::FOREIGN_NOT | bit::PLACE | bit::TITLE | bit::HONORIFIC,
            );
        let s = if first { a } else { j };
        Some((s, z.min(s + 4)))
    }

    /// An East Asian name by its shape: a Chinese or Korean family name then a pinyin or
    /// hyphenated given name ("Wu Jingui", "Kim Hack-Yong"), or two romanised Japanese words
    /// ("Nobuaki Kawase").
    /// None for a run of one word (most runs), told inline; see [`View::east_asian_of`].
    #[inline]
    fn east_asian(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        if z < a + 2 {
            return None;
        }
        self.east_asian_of(a, z)
    }

    /// [`View::east_asian`] of a run of two words or more: out of line.
    #[inline(never)]
    fn east_asian_of(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        let ascii = |k: usize| {
            self.tx(k)
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-')
        };
        let ok = |k: usize| {
            self.namey(k) && ascii(k) && !self.is(k, k + 1, bit::FOREIGN_NOT | bit::PLACE)
        };
        for j in a..z.saturating_sub(1) {
            if !ok(j) || !ok(j + 1) {
                continue;
            }
            let mut e = j + 2;
            while e < z && e < j + 3 && ok(e) {
                e += 1;
            }
            // The whole run is the name: "Tai He Fruit" is a firm, "Université du Maine" a school.
            let lead_in = (a..j).all(|k| {
                !self.namey(k)
                    || self.not_start(k)
                    || self.is(k, k + 1, bit::TITLE)
                    || self.key1(k) == fixed().cuu
                    || self.key1(k) == fixed().tan
            }) && (a..j).all(|k| self.key1(k) != "du");
            if !lead_in || !self.is_cap(j) {
                return None;
            }
            // "trang Moshimoshi Nippon": after a classifier it is a body or a product.
            if self.classifier_before(j) {
                return None;
            }
            let given_shaped = (j + 1..e).any(|k| !self.viet(k) || self.tx(k).contains('-'));
            let family = self.is(j, j + 1, bit::EAST_ASIAN);
            if family && e == z && (given_shaped || !self.viet(j)) {
                return Some((j, e));
            }
            let (w1, w2) = (self.tx(j), self.tx(j + 1));
            let japanese = is_romaji(w1)
                && is_romaji(w2)
                && w1.len() + w2.len() >= 9
                && (!self.viet(j) || !self.viet(j + 1));
            if japanese {
                let mut e = j + 2;
                while e < z && e < j + 3 && ok(e) && is_romaji(self.tx(e)) {
                    e += 1;
                }
                return (e == z).then_some((j, e));
            }
        }
        None
    }

    /// Whether `a..z` is two given names written mid-sentence whose first is also an
    /// honorific or a common word ("…, Anh Hùng", "…, Cảnh Dương").
    fn given_pair(&self, a: usize, z: usize) -> bool {
        if z != a + 2 || a == 0 || !self.b.toks[a].space_before {
            return false;
        }
        let f = self.flags1(a);
        let ambiguous = f & (bit::HONORIFIC | bit::NOT_START) != 0;
        let prev_ok = self.punct_is(a - 1, b',')
            || (self.is_word(a - 1)
                && !self.is_cap(a - 1)
                && self.flags1(a - 1) & bit::HONORIFIC == 0);
        // "Khoa Khoa học", "niên đại Cảnh Hưng 30": a word or an era goes on after it.
        let goes_on = self.b.toks.get(z).is_some_and(|t| {
            t.kind == TokenKind::Number
                || (t.kind == TokenKind::Word
                    && !self.is_cap(z)
                    && (self.flags1(z) & bit::COMPOUND_TAIL != 0
                        || self.is(z - 1, z + 1, bit::COMMON_WORD)))
        });
        ambiguous
            && prev_ok
            && !goes_on
            && f & bit::GIVEN_NAME != 0
            && self.flags1(a + 1) & bit::GIVEN_NAME != 0
            && self.viet(a + 1)
            && self.place_len(a, z) == 0
            && self.place_len(a + 1, z) == 0
            && !self.is(a, z, bit::COMMON_WORD)
    }

    /// Whether a classifier or a preposition of place ("hãng", "trang", "tại") comes right
    /// before token `j`; "hôm qua" is a time, not "qua".
    fn classifier_before(&self, j: usize) -> bool {
        let words = |k: usize| (j - k..j).all(|i| self.is_word(i));
        if j >= 2 && words(2) && self.is(j - 2, j, bit::NEUTRAL) {
            return false;
        }
        (1..=2.min(j)).any(|k| words(k) && self.is(j - k, j, bit::BODY_CLASSIFIER))
    }

    /// A name with no surname and no title: a foreign "Micah Richards" or a stage name
    /// "Đông Nhi" (two given-name syllables), when nothing before it makes it a body or place.
    fn bare_name(&self, a0: usize, a: usize, z: usize) -> Option<(usize, usize, Evidence)> {
        let n = z - a;
        if !(2..=4).contains(&n) || !(a..z).all(|k| self.namey(k)) || self.not_start(a) {
            return None;
        }
        // "Liên Thị Tuyết Mai": a middle "Thị" or "Văn" makes a name whatever the surname.
        if n >= 3 && (a..z).all(|k| self.viet(k)) {
            let mid = self.key1(a + 1);
            if mid == fixed().thi || mid == fixed().van {
                return Some((a, z, Evidence::Surname));
            }
        }
        if (a..z).any(|k| self.place_len(k, z) > 0) {
            return None;
        }
        // The word before: a classifier or a preposition of place makes it no person.
        if self.classifier_before(a0) {
            return None;
        }
        let foreign = (a..z).filter(|&k| !self.viet(k)).count();
        if foreign == n || (foreign == n - 1 && n >= 3 && !self.viet(a)) {
            if (a..z).any(|k| self.is(k, k + 1, bit::FOREIGN_NOT)) {
                return None;
            }
            return Some((a, z, Evidence::Bare));
        }
        if n == 4 {
            return None;
        }
        // "(An Dương, Hải Phòng)": next to a place in a list, it is a place too.
        let toks = &self.b.toks;
        let place_next = z + 1 < toks.len()
            && self.punct_is(z, b',')
            && self.is_cap(z + 1)
            && self.place_len(z + 1, (z + 5).min(toks.len())) > 0;
        if place_next {
            return None;
        }
        // "Phương Nam", "Miền Bắc": a direction ends a place or a firm, not a stage name.
        let last = self.key1(z - 1);
        if fixed().directions.iter().any(|d| d == last) {
            return None;
        }
        if foreign == 0 && n == 2 && (a..z).all(|k| self.is(k, k + 1, bit::GIVEN_NAME)) {
            // "vui đón Trung Thu", "Thu Ngân sách": common words, not a stage name.
            let next_common = z < self.b.toks.len()
                && self.is_word(z)
                && self.b.toks[z].space_before
                && self.is(z - 1, z + 1, bit::COMMON_WORD);
            if self.is(a, z, bit::COMMON_WORD) || next_common {
                return None;
            }
            return Some((a, z, Evidence::Context));
        }
        None
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self
                .punct(i - 1)
                .is_some_and(|p| matches!(p, "." | "!" | "?" | ":" | "…" | "\"" | "“" | "-" | "–"))
    }

    /// What the run `a..z` gives.
    fn analyse(&self, a0: usize, mut z: usize) -> Option<Candidate> {
        // Most runs are one capitalised word opening a sentence ("Theo", "Trong").
        if z - a0 == 1
            && self.not_start(a0)
            && self.b.kind != BlockKind::Byline
            && !(a0 > 0
                && self.is_word(a0 - 1)
                && !self.is_cap(a0 - 1)
                && self.personal_honorific(a0))
        {
            return None;
        }
        // "David Nguyễn Vũ Chủ Tịch Hiệp Hội …": the name stops at a role written in capitals.
        if let Some(k) =
            (a0 + 2..z.saturating_sub(1)).find(|&k| self.is(k, k + 2, bit::ROLE_HEAD | bit::TITLE))
        {
            z = k;
        }
        let (mut ctx, mut from) = self.context(a0);
        // "Bác Hồ": the one honorific the name keeps.
        if z - a0 == 2 && self.key1(a0) == fixed().bac && self.key1(a0 + 1) == fixed().ho {
            return Some(self.candidate(a0, z, Evidence::Context, false));
        }
        // "lên ngôi Hoàng Đế": a title written with capitals names no one.
        if z - a0 >= 2 && z - a0 <= lex::MAX_PHRASE_WORDS && self.is(a0, z, bit::TITLE) {
            return None;
        }
        // "Văn Phong, Anh Hùng, Cảnh Dương": mid-sentence, a capitalised word that is also an
        // honorific or a common word is a given name when another given name follows.
        if self.given_pair(a0, z) {
            return Some(self.candidate(a0, z, Evidence::Context, false));
        }
        let mut a = self.strip_titles(a0, z, &mut ctx, &mut from);
        if self.b.kind == BlockKind::Byline {
            return self.credit(a, z, true);
        }
        // "Đường Trần Phú", "TP Hồ Chí Minh": a capitalised place word opens a place (but "Hồ"
        // and "Đào" are surnames first).
        if ctx == Ctx::None && a + 1 < z {
            let f = self.flags1(a);
            if f & bit::OPEN_PLACE != 0 && f & (bit::SURNAME | bit::GIVEN_NAME) == 0 {
                ctx = Ctx::Place;
                a += 1;
            }
        }
        // "năm Giáp Thìn": a year of the sixty-year cycle.
        let year_word = |k: usize| fixed().year_words.iter().any(|w| w == self.key1(k));
        if ctx == Ctx::None
            && z - a == 2
            && a > 0
            && self.is_word(a - 1)
            && year_word(a - 1)
            && self.flags1(a) & bit::YEAR_STEM != 0
            && self.flags1(a + 1) & bit::YEAR_BRANCH != 0
        {
            return None;
        }
        if ctx != Ctx::Credit && self.house_number_before(a0) {
            return Some(self.candidate(a0, z, Evidence::Place, false));
        }
        let (s, e, evidence) = match ctx {
            Ctx::Credit => return self.credit(a, z, false),
            Ctx::Place => {
                let p = self.place_len(a, z);
                if p == 0 {
                    // "Phó Chủ tịch xã Môn Sơn Lương Văn Tuấn": an unknown place of two words,
                    // then a name with its surname.
                    if let Some(j) = self
                        .surname_tail(a, z)
                        .filter(|&j| j == a + 2 && z - j >= 2)
                    {
                        (j, z, Evidence::Surname)
                    } else {
                        // Kept so that the names listed after it are places too
                        // ("đường Phạm Hùng, Nguyễn Trãi và Lê Lợi").
                        return Some(self.candidate(a, z, Evidence::Place, false));
                    }
                } else {
                    match self.surname_tail(a + p, z) {
                        Some(j) => (j, z, Evidence::Surname),
                        // "bến xe Mỹ Đình, Giáp Bát": still a place, and so is what is listed next;
                        // but after a whole known place ("TP Đà Lạt và Nguyễn Văn A") a list may
                        // go on with anything.
                        None if p < z - a => {
                            return Some(self.candidate(a, z, Evidence::Place, false))
                        }
                        None => return None,
                    }
                }
            }
            Ctx::Honorific | Ctx::Title | Ctx::Office => {
                let mut s = a;
                if ctx != Ctx::Honorific {
                    while s < z {
                        let p = self.place_len(s, z);
                        if p > 0 && s + p < z {
                            s += p;
                        } else if self.acronym(s) && s + 1 < z {
                            s += 1;
                        } else {
                            break;
                        }
                    }
                }
                // "HLV Real Madrid Zidane": the club is no part of the name.
                if let Some(k) = (s..z).rev().find(|&k| self.is(k, k + 1, bit::FOREIGN_NOT)) {
                    s = k + 1;
                    if s >= z {
                        return None;
                    }
                }
                let p = self.place_len(s, z);
                // "Chủ tịch Hồ Chí Minh": after a title, a place named after a person is him.
                if p == z - s && p >= 3 && self.surname(s) {
                    return Some(self.candidate(s, z, Evidence::Surname, false));
                }
                if p == z - s && !(p == 1 && self.personal_honorific(a0)) {
                    return None;
                }
                // "ông Huyện cho hay", "tên Anh": right after a personal honorific a capital is
                // a given name even when the word is also a common one.
                let given_anyway = z - s == 1
                    && self.not_start(s)
                    && self.namey(s)
                    && self.flags1(s) & (bit::TITLE | bit::ROLE_HEAD) == 0
                    && self.personal_honorific(s);
                if given_anyway {
                    (s, z, Evidence::Context)
                } else if self.not_start(s) || !self.namey(s) || ctx == Ctx::Office {
                    if let Some(j) = self.surname_tail(s, z) {
                        (j, z, Evidence::Surname)
                    } else if let Some((j, e)) =
                        self.foreign_given(s, z).or_else(|| self.east_asian(s, z))
                    {
                        (j, e, Evidence::Foreign)
                    } else if z - s <= 4 && (s..z).all(|k| self.namey(k)) && !self.not_start(s) {
                        // "Bộ trưởng Lavrov": a name only if the article gives it in full.
                        (s, z, Evidence::Lookup)
                    } else {
                        return None;
                    }
                } else if let Some(j) = self.surname_tail(s, z).filter(|&j| {
                    // … but "vua An Dương Vương" keeps its given-name syllable.
                    (s..j).any(|k| self.viet(k) && self.flags1(k) & bit::GIVEN_NAME == 0)
                }) {
                    // "cựu binh Gạc Ma Lê Văn Thoa": the name starts at its surname.
                    (j, z, Evidence::Surname)
                } else {
                    let mut e = s;
                    while e < z && e < s + 4 && self.namey(e) {
                        e += 1;
                        // "bà H. Thấy nạn nhân …": an initial ends the name.
                        if self.tx(e - 1).ends_with('.') {
                            break;
                        }
                    }
                    (s, e, Evidence::Context)
                }
            }
            Ctx::None => {
                if let Some(j) = self.surname_tail(a, z) {
                    (j, z, Evidence::Surname)
                } else if let Some((j, e)) =
                    self.foreign_given(a, z).or_else(|| self.east_asian(a, z))
                {
                    (j, e, Evidence::Foreign)
                } else if let Some((j, e, ev)) = self.bare_name(a0, a, z) {
                    (j, e, ev)
                } else {
                    // A short form, perhaps: "Hằng", "Khi Hằng", "Trump".
                    let mut s = a;
                    // "đã mất Theo Hernandez": mid-sentence, a capitalised "Theo" before a
                    // foreign word is a given name, not the preposition.
                    let mid_name = s == a0
                        && s > 0
                        && self.is_word(s - 1)
                        && !self.is_cap(s - 1)
                        && s + 1 < z
                        && !self.viet(s + 1)
                        && self.key1(s) == "theo";
                    while !mid_name && s + 1 < z && (self.not_start(s) || self.acronym(s)) {
                        s += 1;
                    }
                    // "Phố Huế", "Môn Kurash": a run opening with a place word is a place.
                    if (a..s).any(|k| self.is(k, k + 1, bit::PLACE_WORD | bit::BODY_CLASSIFIER)) {
                        return None;
                    }
                    if z - s > 4
                        || !(s..z).all(|k| self.namey(k))
                        || (self.not_start(s) && !mid_name)
                    {
                        return None;
                    }
                    if self.place_len(s, z) == z - s {
                        return None;
                    }
                    (s, z, Evidence::Lookup)
                }
            }
        };
        if s >= e {
            return None;
        }
        // The tests that may drop the run come before the candidate is built.
        let lone = if e - s == 1 {
            self.lone_word_ok(s, ctx, evidence)?
        } else {
            None
        };
        // "…, Phó Giám đốc Sở": a role, not a name.
        if evidence != Evidence::Surname && self.role_head_at(s) {
            return None;
        }
        // "Xie cho biết", "Hu Ling, một sinh viên": what follows makes it a person; a country
        // before a foreign name is its nationality ("chuyên gia Nga Oleg Ivanov nói").
        let mut s = s;
        if matches!(evidence, Evidence::Lookup | Evidence::Bare) && ctx != Ctx::Office {
            let p = self.place_len(s, e);
            if p > 0
                && s + p < e
                && (s + p..e).all(|k| !self.viet(k))
                && self.person_after(s + p, e, ctx != Ctx::None)
            {
                s += p;
            }
        }
        let evidence = if matches!(evidence, Evidence::Lookup | Evidence::Bare)
            && ctx != Ctx::Office
            && (self.person_after(s, e, ctx != Ctx::None) || self.foreign_given_alone(s, e))
        {
            Evidence::Context
        } else {
            evidence
        };
        let mut c = self.candidate(s, e, evidence, false);
        if matches!(ctx, Ctx::Title | Ctx::Office) && s == a && from < self.b.toks[s].start {
            let t = self.text[from..self.b.toks[s].start].trim();
            if !t.is_empty() && !STOP_AFTER_TITLE.contains(&t) {
                c.roles.push(roles::squash(t));
            }
        }
        if let Some(span) = lone {
            c.unless_written.push(span);
        }
        if evidence == Evidence::Lookup && e - s == 1 && self.sentence_start(s) {
            // "An ninh …" at a sentence start is a word, not the person An: keep it only if the
            // document never writes the word in lowercase.
            let t = &self.b.toks[s];
            c.unless_written.push((t.start, t.end));
        }
        roles::after(self.text, &self.b.toks, e, &mut c.roles);
        Some(c)
    }

    /// "số 18 Hoàng Diệu", "tàu 012 Lý Thái Tổ": a short number right before a name makes it
    /// an address or a vessel (a year, "năm 1990", or a time, "15:14", does not).
    fn house_number_before(&self, a: usize) -> bool {
        // "4 HCĐ Hà Thị Mai": the number counts the medals, not a house.
        if a == 0 || !self.b.toks[a].space_before || self.acronym(a) {
            return false;
        }
        let t = &self.b.toks[a - 1];
        t.kind == TokenKind::Number
            && t.end - t.start <= 3
            && (a < 2 || (self.is_word(a - 2) && self.b.toks[a - 1].space_before))
    }

    /// "Fernando", "Marcelo": a common foreign given name used alone is a person, unless a
    /// product or a number follows ("iPhone X Max", "Henry 2").
    fn foreign_given_alone(&self, s: usize, e: usize) -> bool {
        e == s + 1
            && self.is(s, e, bit::GIVEN_FOREIGN)
            && !self.viet(s)
            && !self.is(s, e, bit::FOREIGN_NOT | bit::PLACE)
            && !(s > 0 && self.b.toks[s - 1].kind == TokenKind::Number)
            && self
                .b
                .toks
                .get(e)
                .is_none_or(|t| t.kind != TokenKind::Number)
    }

    /// Whether the words after the name `s..e` are a person's: a verb of saying ("Xie cho
    /// biết") or an apposition giving a role ("Hu Ling, một sinh viên", ", giám đốc …").
    /// `cued`: a title or honorific comes before the name.
    fn person_after(&self, s: usize, e: usize, cued: bool) -> bool {
        let n = self.b.toks.len();
        // The tests on the name's own words first, cheapest first: most names asked about are
        // one capitalised common word ("Việc", "Nhiều"), which the lone-word test settles.
        if e - s == 1 {
            let f = self.flags1(s);
            let not_name = bit::HONORIFIC | bit::TITLE | bit::NOT_START | bit::ROLE_HEAD;
            // A lone Vietnamese word must be a given name ("Hùng nói", not "Mẹ nói").
            if f & not_name != 0 || (self.viet(s) && f & bit::GIVEN_NAME == 0) {
                return false;
            }
        }
        // "Phía Nga cho rằng", "Bệnh Alzheimer": a classifier opens no name.
        let opener = bit::PLACE_WORD | bit::BODY_CLASSIFIER | bit::NOT_START;
        if self.flags1(s) & opener != 0 {
            return false;
        }
        // Vietnamese words without a surname speak for a person only if all are given names
        // ("Tuấn Anh"): "Yên Tử nhận định" is a board whose name the text shortened.
        // Words without marks ("Hu Ling", "Tu Dinh Huong") are pinyin or a nickname.
        if e - s >= 2
            && (s..e).all(|k| self.viet(k))
            && !(s..e).all(|k| self.tx(k).is_ascii())
            && !(s..e).all(|k| self.flags1(k) & bit::GIVEN_NAME != 0)
        {
            return false;
        }
        // A place, or a name holding a place of two words; "Tuấn Anh" keeps its "Anh".
        if (s..e).any(|k| self.is(k, k + 1, bit::FOREIGN_NOT) || self.place_len(k, e) > 1)
            || self.place_len(s, e) == e - s
        {
            return false;
        }
        // "DxOMark", "TfL": a capital inside a word makes a brand.
        let camel = |w: &str| {
            w.chars()
                .zip(w.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
        };
        if (s..e).any(|k| camel(self.tx(k))) {
            return false;
        }
        // "tại Jammu cho biết": after a preposition of place it is a place.
        if self.classifier_before(s) {
            return false;
        }
        if (s..e).any(|k| self.tx(k).contains('.')) {
            return false;
        }
        if e < n && self.is_word(e) && self.b.toks[e].space_before {
            // "người dân Đồng Văn nói riêng": a set phrase, not speech.
            let set_phrase = self.key1(e) == fixed().noi
                && e + 1 < n
                && self.is_word(e + 1)
                && (self.key1(e + 1) == fixed().rieng || self.key1(e + 1) == "chung");
            // A lone foreign word speaks only after the quote it closes ("…”, Russel nói"):
            // "Politico cho rằng" is a paper.
            let quoted = s >= 2
                && self.punct_is(s - 1, b',')
                && matches!(self.punct(s - 2), Some("\"" | "”" | "’" | "'"));
            let mononym = e - s == 1 && !self.viet(s);
            return !set_phrase && (quoted || cued || !mononym) && self.phrase_at(e, bit::SAYING);
        }
        // "Tuấn Anh (cựu giám đốc …)", "Hạnh (SN 1990)", "Lin (35 tuổi)".
        if self.punct_is(e, b'(') && e + 1 < n {
            let mut j = e + 1;
            if self.is_word(j) && (self.key1(j) == fixed().cuu || self.key1(j) == "nguyen") {
                j += 1;
            }
            let aged = self.b.toks[j].kind == TokenKind::Number
                && j + 1 < n
                && self.is_word(j + 1)
                && self.key1(j + 1) == fixed().tuoi;
            let born = self.is_word(j) && (self.key1(j) == "sn" || self.key1(j) == "sinh");
            return aged
                || born
                || (self.is_word(j) && self.phrase_at(j, bit::TITLE | bit::ROLE_HEAD));
        }
        if !self.punct_is(e, b',') || e + 1 >= n || !self.is_word(e + 1) {
            return false;
        }
        let mut j = e + 1;
        let k = self.key1(j);
        // "…, một sinh viên": after "một" a description of a person is enough; right after
        // the comma only a title or role is ("Iceland, du khách …" is no apposition).
        let mut bits = bit::TITLE | bit::ROLE_HEAD;
        if k == fixed().mot {
            j += 1;
            bits |= bit::HONORIFIC;
        } else if k == fixed().cuu {
            j += 1;
        }
        j < n && self.phrase_at(j, bits)
    }

    /// Whether a role or title starts at token `i` ("Phó Giám đốc", "Chủ tịch").
    fn role_head_at(&self, i: usize) -> bool {
        self.phrase_at(i, bit::ROLE_HEAD | bit::TITLE)
    }

    /// Whether a phrase of words in a table among `bits` starts at token `j`.
    fn phrase_at(&self, j: usize, bits: u32) -> bool {
        let toks = &self.b.toks;
        let n = toks.len();
        // Every phrase is of words, its first at `j`.
        if j >= n || !self.is_word(j) {
            return false;
        }
        let first = self.flags1(j);
        if first & bits != 0 {
            return true;
        }
        // A word opening no phrase needs no look at the words after it ([`View::phrase_flags`]
        // finds nothing longer for it), nor does one opening no phrase of a length: its bits
        // say so before the far word is keyed.
        if first & bit::PHRASE_FIRST == 0 {
            return false;
        }
        // The lengths in turn, the words counted as they come: a token that is no word ends
        // every longer phrase too.
        let mut words = 1;
        for k in 2..=lex::MAX_PHRASE_WORDS.min(n - j) {
            let i = j + k - 1;
            if !self.is_word(i) {
                return false;
            }
            words += usize::from(toks[i].space_before);
            let (first_of, _) = bit::of_length(words);
            if words >= 2 && toks[j + 1].space_before && first & first_of == 0 {
                continue;
            }
            if self.is(j, j + k, bits) {
                return true;
            }
        }
        false
    }

    /// Whether a lone capitalised word may be a name rather than half of a common noun: `None`
    /// if not, else the lowercase pair that, if the article writes it, makes it a word.
    fn lone_word_ok(
        &self,
        s: usize,
        ctx: Ctx,
        evidence: Evidence,
    ) -> Option<Option<(usize, usize)>> {
        let viet = self.syllable(s);
        if evidence == Evidence::Context
            && matches!(ctx, Ctx::Office)
            && viet
            && !self.is(s, s + 1, bit::GIVEN_NAME)
        {
            return None;
        }
        let Some(next) = self.b.toks.get(s + 1) else {
            return Some(None);
        };
        if next.kind != TokenKind::Word || !next.space_before {
            return Some(None);
        }
        let nw = &self.text[next.start..next.end];
        if nw.chars().next().is_some_and(|c| c.is_uppercase()) {
            return Some(None);
        }
        if viet && self.flags1(s + 1) & bit::COMPOUND_TAIL != 0 {
            return None;
        }
        // "Chi hội" here and "chi hội" elsewhere: a word, not a name.
        if ctx == Ctx::Honorific && self.personal_honorific(s) {
            // "ông Được cho rằng": after "ông" it is a name whatever else "được cho" means.
            return Some(None);
        }
        // "Đồng thời, …", "Cuối cùng …": a common word, whatever the article writes elsewhere.
        if viet && next.space_before && self.is(s, s + 2, bit::COMMON_WORD) {
            return None;
        }
        Some(Some((self.b.toks[s].start, next.end)))
    }

    /// Names in a byline or after "Ảnh:" ("Nông Vui", "THÀNH ĐỒNG", "Xiao Pei Baodatviet.vn").
    fn credit(&self, mut a: usize, mut z: usize, author: bool) -> Option<Candidate> {
        let a0 = a;
        // "Hoàng Linh Theo The Culture Trip": the source after the name is no part of it.
        if let Some(k) = (a + 1..z).find(|&k| self.key1(k) == "theo") {
            z = k;
        }
        // Leading "Theo", "CTV", "PV"; but "Anh Quý", "Thế Phong" keep a first word that is
        // also a given name: credits do not use honorifics.
        while a < z {
            // "Du Jin": before a foreign word, a Vietnamese-looking word is a name too.
            let given = a + 1 < z
                && ((self.is(a, a + 1, bit::GIVEN_NAME) && self.viet(a + 1)) || !self.viet(a + 1));
            let lead = (self.not_start(a) && !given)
                || self.key1(a) == "theo"
                || (a + 1 < z && (self.acronym(a) || self.is(a, a + 1, bit::TITLE)));
            if !lead {
                break;
            }
            a += 1;
        }
        let toks = &self.b.toks;
        // "(T/h)" is "tổng hợp"; "Khỏe & Đẹp" is a magazine; in "Theo HTHT/Tên báo" the part
        // after the slash is the paper.
        let sep_after = self.punct(z);
        let th = sep_after == Some("/") && z + 1 < toks.len() && self.key1(z + 1) == "h";
        let amp = sep_after == Some("&") || (a0 > 0 && self.punct(a0 - 1) == Some("&"));
        let paper = a0 > 0
            && (self.punct(a0 - 1) == Some("/")
                || (self.punct(a0 - 1) == Some("-") && !toks[a0].space_before))
            && self.is_word(0)
            && self.key1(0) == "theo";
        if th || amp || paper {
            return None;
        }
        while z > a
            && self.tx(z - 1).contains('.')
            && !is_initial(self.tx(z - 1))
            && !dotted_name(self.tx(z - 1))
            && self.tx(z - 1).chars().any(|c| c.is_lowercase())
        {
            z -= 1;
        }
        if a >= z || z - a > 4 || self.place_len(a, z) == z - a {
            return None;
        }
        // A lone word is more often an agency or a site than a photographer; a byline signed
        // with one word is a pen name ("Minh", "Jas"), unless it is an agency after "Theo".
        if z - a < 2 {
            let w = self.tx(a);
            let caps = !w.chars().any(char::is_lowercase);
            let agency = caps && a > a0 && self.key1(a - 1) == "theo";
            // A pen name opens the byline ("Jas", "Theo Hiyou/Tên báo"); elsewhere a lone
            // foreign word is a source ("(Theo Reuters)").
            let opens = a == 0 || (a == 1 && self.key1(0) == "theo" && self.punct(z) == Some("/"));
            let foreign_ok = opens
                && !matches!(self.punct(z), Some(":" | ")"))
                && w.chars().any(char::is_lowercase)
                && !self.is(a, a + 1, bit::FOREIGN_NOT)
                && !self.viet(a);
            if !author || agency || !(self.viet(a) || foreign_ok) {
                return None;
            }
        }
        // "Team Star": a foreign word of a body; "Song Hy" is Vietnamese all through.
        if (a..z).any(|k| self.is(k, k + 1, bit::FOREIGN_NOT)) && !(a..z).all(|k| self.viet(k)) {
            return None;
        }
        if !(a..z).all(|k| self.namey(k)) || self.is(a, z, bit::CREDIT_WORD) {
            return None;
        }
        // "(Khám phá)", "Đời sống": a title of a paper goes on in lowercase.
        if z < self.b.toks.len() && self.is_word(z) && !self.is_cap(z) {
            return None;
        }
        Some(self.candidate(a, z, Evidence::Credit, author))
    }

    fn candidate(&self, s: usize, e: usize, evidence: Evidence, author: bool) -> Candidate {
        let start = self.b.toks[s].start;
        let end = self.b.toks[e - 1].end;
        let parts = self
            .parts
            .borrow_mut()
            .add((s..e).map(|k| self.keyed(k).0.clone()));
        let listed = s >= 1
            && (matches!(self.punct(s - 1), Some("," | "–" | "-"))
                || (self.is_word(s - 1)
                    && matches!(self.tx(s - 1), "và" | "hay" | "hoặc" | "cùng")));
        Candidate {
            unless_written: Spans::default(),
            tokens: (s, e),
            listed,
            block: self.b.index,
            start,
            end,
            vietnamese_surname: self.surname(s) && e - s >= 2,
            parts,
            evidence,
            author,
            roles: Vec::new(),
            person: None,
        }
    }
}

/// Whether `w` starts with an uppercase letter: the Vietnamese letters outside ASCII ("Đ",
/// "Á", "Ở" …) by their bytes, the rest by the standard test.
fn starts_upper(w: &str) -> bool {
    match *w.as_bytes() {
        // U+00C0–U+00DE are capitals but ×; U+00DF on are small.
        [0xC3, c, ..] => (0x80..=0x9E).contains(&c) && c != 0x97,
        // "Đ", "đ".
        [0xC4, c @ (0x90 | 0x91), ..] => c == 0x90,
        // U+1EA0–U+1EFF (the Vietnamese letters with two marks): capital, small, in turn.
        [0xE1, 0xBA, c, ..] if c >= 0xA0 => c % 2 == 0,
        [0xE1, 0xBB, c, ..] => c % 2 == 0,
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        #[test]
        fn shape_of_is_the_check_by_passes(w in "[A-Za-z0-9ĐđÂâỄễÀàªΩω&’'.]{0,8}") {
            proptest::prop_assert_eq!(super::shape_of(&w), super::shape_of_by_passes(&w), "{:?}", w);
        }

        #[test]
        fn shape_of_is_the_check_by_passes_on_names(w in "([A-ZĐ]\\.){0,2}[A-ZĐÂ]?[a-zđâễư]{0,6}(\\.|'s|’s)?") {
            proptest::prop_assert_eq!(super::shape_of(&w), super::shape_of_by_passes(&w), "{:?}", w);
        }

        #[test]
        fn is_initial_is_the_collecting_check(w in "[A-Za-zĐđÂâ.]{0,6}") {
            // The first form: every char after the first collected.
            let old = |w: &str| {
                let mut cs = w.chars();
                let Some(first) = cs.next() else { return false };
                if !first.is_uppercase() {
                    return false;
                }
                let rest: Vec<char> = cs.collect();
                match rest.as_slice() {
                    [] => true,
                    [c] => c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
                    _ => w.split('.').all(|p| p.chars().count() <= 2) && w.contains('.'),
                }
            };
            proptest::prop_assert_eq!(super::is_initial(&w), old(&w), "{:?}", w);
        }
    }

    /// The old answer: a walk over every token of every block.
    fn lower_by_tokens(text: &str, blocks: &[super::BlockTokens], words: &str) -> bool {
        let lower = |t: &crate::extract::tokens::Token| {
            t.kind == crate::extract::tokens::TokenKind::Word
                && text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
        };
        blocks.iter().any(|b| {
            b.toks.iter().enumerate().any(|(i, t)| {
                lower(t)
                    && text[t.start..].starts_with(words)
                    && (t.end - t.start == words.len()
                        || b.toks.get(i + 1).is_some_and(|n| {
                            lower(n)
                                && n.start == t.end + 1
                                && text.as_bytes()[t.end] == b' '
                                && n.end - t.start == words.len()
                        }))
            })
        })
    }

    fn lower_index_agrees(text: &str, cuts: &[(usize, usize)], qs: &[&str]) -> usize {
        use super::{BlockTokens, LowerIndex};
        use crate::document::{Block, BlockKind};
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::Dateline,
            BlockKind::Paragraph,
        ];
        let all: Vec<Block> = cuts
            .iter()
            .zip(kinds.iter().cycle())
            .map(|(&(start, end), &kind)| Block { kind, start, end })
            .collect();
        // Datelines are left out of the people pass.
        let blocks: Vec<BlockTokens> = all
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind != BlockKind::Dateline)
            .map(|(i, b)| BlockTokens::new(text, i, b))
            .collect();
        let idx = LowerIndex::new(text, &all);
        // Half asked in one batch, half one by one.
        idx.prepare(qs.iter().step_by(2).map(|q| q.to_string()));
        let mut found = 0;
        for q in qs {
            let want = lower_by_tokens(text, &blocks, q);
            assert_eq!(idx.has(q), want, "{q:?} in {text:?}");
            found += usize::from(want);
        }
        found
    }

    #[test]
    fn lower_index_agrees_with_a_token_walk() {
        let text = "Chi hội họp ở chi hội. An ninh  được giữ, an ninh tốt.\nan toàn\nTin an toàn x-an Q. ban\u{a0}an";
        let cut = text.find('\n').unwrap_or(text.len());
        let cut2 = cut + 1 + text[cut + 1..].find('\n').unwrap_or(0);
        let found = lower_index_agrees(
            text,
            &[(0, cut), (cut + 1, cut2), (cut2 + 1, text.len())],
            &[
                "chi hội",
                "chi",
                "hội",
                "an ninh",
                "ninh được",
                "ninh  được",
                "an",
                "tốt",
                "tin",
                "an toàn",
                "toàn",
                "họp ở",
                "hội họp",
                "giữ, an",
                "",
                "x",
                "tốt.",
                "ninh tốt",
                "an\u{a0}an",
                "toàn x",
                "q",
                "ban",
            ],
        );
        assert!(found >= 8, "{found}");
    }

    proptest::proptest! {
        #[test]
        fn lower_index_is_a_token_walk(
            t in "[ a-dA-DàÀQ.,\\-\n\u{a0}]{0,40}",
            q in "[ a-dà.,\\-\u{a0}]{0,6}",
        ) {
            // Up to three lines, the second a dateline.
            let mut cuts = Vec::new();
            let mut from = 0;
            for line in t.split('\n') {
                cuts.push((from, from + line.len()));
                from += line.len() + 1;
            }
            cuts.truncate(3);
            if let Some(last) = cuts.last_mut() {
                last.1 = t.len();
            }
            let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let mut qs: Vec<String> = vec![q.clone()];
            for w in words.windows(2) {
                qs.push(format!("{} {}", w[0], w[1]));
                qs.push(w[0].to_string());
            }
            let qs: Vec<&str> = qs.iter().map(String::as_str).collect();
            lower_index_agrees(&t, &cuts, &qs);
        }
    }

    proptest::proptest! {
        #[test]
        fn inside_only_when_a_span_holds_it(
            mut spans in proptest::collection::vec((0usize..60, 1usize..20), 0..12),
            s in 0usize..70,
            len in 1usize..10,
        ) {
            let mut spans: Vec<(usize, usize)> = spans.drain(..).map(|(a, l)| (a, a + l)).collect();
            spans.sort_unstable();
            let e = s + len;
            let held = spans.iter().any(|&(os, oe)| os <= s && e <= oe);
            // Never a run outside every span; and one span alone is always found.
            if super::inside(&spans, s, e) {
                proptest::prop_assert!(held);
            }
            if spans.len() == 1 {
                proptest::prop_assert_eq!(super::inside(&spans, s, e), held);
            }
        }
    }

    #[test]
    fn place_len_is_the_unbounded_search_cut_at_the_bound() {
        use super::{bit, BlockTokens, View};
        use crate::document::{Block, BlockKind};
        use std::cell::{Cell, RefCell};
        let text =
            "Ông Nguyễn đến Hà Nội rồi vào Thành phố Hồ Chí Minh, qua Đà Nẵng và Quảng Nam hôm qua";
        let block = Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        };
        let b = BlockTokens::new(text, 0, &block);
        let v = View {
            text,
            b: &b,
            context: Cell::new(None),
            parts: RefCell::new(super::Parts::default()),
        };
        let n = b.toks.len();
        // The first form: the longest place from `i` to the block's end, searched again
        // within `z` when longer.
        let old = |i: usize, z: usize| {
            let max = if v.flags1(i) & bit::PLACE_FIRST != 0 {
                4.min(n - i)
            } else {
                1
            };
            let find = |m: usize| (1..=m).rev().find(|&k| v.is(i, i + k, bit::PLACE));
            let longest = find(max).unwrap_or(0);
            if longest <= z - i {
                longest
            } else {
                find(4.min(z - i)).unwrap_or(0)
            }
        };
        let mut places = 0;
        // Bounds asked in a changing order, so that the kept answers are asked for too.
        for z in (1..=n).rev().chain(1..=n) {
            for i in 0..z {
                let want = old(i, z);
                assert_eq!(v.place_len(i, z), want, "{i}..{z}");
                places += usize::from(want >= 2);
            }
        }
        assert!(places > 0, "no place of two words found");
    }

    #[test]
    fn parts_give_back_each_candidates_keys() {
        use super::Key;
        use super::{Parts, PartsAt};
        let mut parts = Parts::default();
        for round in 0..2 {
            let mut added: Vec<(PartsAt, Vec<Key>)> = Vec::new();
            // Runs of every length up to past a chunk, so that some do not fit the chunk left.
            for n in (1..40).chain([Parts::CHUNK, Parts::CHUNK + 3, 2]) {
                let keys: Vec<Key> = (0..n)
                    .map(|k| Key::from(format!("{round}-{n}-{k}").as_str()))
                    .collect();
                added.push((parts.add(keys.iter().cloned()), keys));
            }
            for (at, keys) in &added {
                let c = super::Candidate {
                    block: 0,
                    start: 0,
                    end: 0,
                    parts: *at,
                    evidence: super::Evidence::Lookup,
                    vietnamese_surname: false,
                    author: false,
                    roles: Vec::new(),
                    person: None,
                    tokens: (0, 0),
                    listed: false,
                    unless_written: super::Spans::default(),
                };
                assert_eq!(c.parts(&parts), &keys[..]);
            }
            parts.clear();
            assert!(parts.chunks.len() <= 1);
        }
    }

    #[test]
    fn starts_upper_is_the_standard_test() {
        for c in (0x80..0x3000)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            let w = format!("{c}a");
            assert_eq!(super::starts_upper(&w), c.is_uppercase(), "{c:?}");
        }
        assert!(!super::starts_upper(""));
    }
}
