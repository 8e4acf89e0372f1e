//! Runs of capitalised words and what each says about a person: a sure name (a seed), or a
//! form to look up among the seeds of the article.

use super::key::{canonical, is_vietnamese_syllable};
use super::roles;
use crate::document::{Block, BlockKind};
use crate::extract::tokens::{tokenize, Token, TokenKind};
use crate::lexicon::people as lex;

/// Why a candidate is (or may be) a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A Vietnamese surname then given names.
    Surname,
    /// A title or honorific right before it.
    Context,
    /// A common foreign given name then more names.
    Foreign,
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
    /// Matching key of each word.
    pub parts: Vec<String>,
    pub display: String,
    pub evidence: Evidence,
    /// Starts with a Vietnamese surname (so its first word is no short form).
    pub vietnamese_surname: bool,
    pub author: bool,
    pub roles: Vec<String>,
    pub person: Option<usize>,
}

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
pub struct BlockTokens {
    pub index: usize,
    kind: BlockKind,
    toks: Vec<Token>,
}

fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = cs.collect();
    match rest.as_slice() {
        [] => true,
        // "Ng.", "Th.": an uppercase letter and one lowercase consonant.
        [c] => c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
        // "N.T.H", "M.T": single letters joined by dots.
        _ => w.split('.').all(|p| p.chars().count() <= 2) && w.contains('.'),
    }
}

const STOP_AFTER_TITLE: &[&str] = &["là", "và", "của", "cho", "với"];

impl BlockTokens {
    pub fn new(text: &str, index: usize, block: &Block) -> Self {
        let src = &text[block.start..block.end];
        let raw = tokenize(src);
        let mut toks: Vec<Token> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let mut t = raw[i];
            t.start += block.start;
            t.end += block.start;
            // "Phong-Trưởng phòng": a name glued to the role after it.
            if t.kind == TokenKind::Word {
                let w = &text[t.start..t.end];
                if let Some(h) = w.find('-') {
                    let (l, r) = (&w[..h], &w[h + 1..]);
                    if is_vietnamese_syllable(l)
                        && l.chars().next().is_some_and(|c| c.is_uppercase())
                        && r.chars().next().is_some_and(|c| c.is_uppercase())
                    {
                        let mid = t.start + h;
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
                if let Some(n) = raw.get(i + 1) {
                    if n.kind == TokenKind::Punct
                        && !n.space_before
                        && &src[n.start..n.end] == "."
                        && is_initial(&text[t.start..t.end])
                    {
                        t.end += 1;
                        i += 1;
                    }
                }
            }
            toks.push(t);
            i += 1;
        }
        BlockTokens {
            index,
            kind: block.kind,
            toks,
        }
    }

    /// Every run's candidate, in text order.
    pub fn candidates(&self, text: &str, out: &mut Vec<Candidate>) {
        let v = View { text, b: self };
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !v.is_cap(i) {
                i += 1;
                continue;
            }
            let a = i;
            i += 1;
            while i < n && v.is_cap(i) && self.toks[i].space_before {
                i += 1;
            }
            if let Some(c) = v.analyse(a, i) {
                out.push(c);
            }
        }
    }
}

struct View<'a> {
    text: &'a str,
    b: &'a BlockTokens,
}

impl<'a> View<'a> {
    fn tx(&self, i: usize) -> &'a str {
        let t = &self.b.toks[i];
        &self.text[t.start..t.end]
    }

    fn is_word(&self, i: usize) -> bool {
        self.b.toks[i].kind == TokenKind::Word
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.tx(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        (self.b.toks.get(i)?.kind == TokenKind::Punct).then(|| self.tx(i))
    }

    /// Key of words `a..b` (they are adjacent, so the slice has only spaces between them).
    fn key(&self, a: usize, b: usize) -> String {
        let s = &self.text[self.b.toks[a].start..self.b.toks[b - 1].end];
        let mut k = canonical(s);
        if k.ends_with('.') {
            k.pop();
        }
        k
    }

    fn acronym(&self, i: usize) -> bool {
        let w = self.tx(i);
        let upper = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        upper && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !is_vietnamese_syllable(w)
    }

    /// A word that may be part of a name.
    fn namey(&self, i: usize) -> bool {
        let w = self.tx(i);
        self.is_cap(i) && !w.chars().any(|c| c.is_ascii_digit()) && !self.acronym(i)
    }

    fn viet(&self, i: usize) -> bool {
        let w = self.tx(i);
        is_vietnamese_syllable(w) || is_initial(w.trim_end_matches('.'))
    }

    fn surname(&self, i: usize) -> bool {
        lex::SURNAME.contains(&self.key(i, i + 1))
    }

    fn not_start(&self, i: usize) -> bool {
        lex::NOT_START.contains(&self.key(i, i + 1))
    }

    /// Words of a known place starting at `i` (within `..z`), 0 if none.
    fn place_len(&self, i: usize, z: usize) -> usize {
        (1..=4.min(z - i))
            .rev()
            .find(|&k| lex::PLACE.contains(&self.key(i, i + k)))
            .unwrap_or(0)
    }

    /// The context the words before token `a` give, and where that phrase starts.
    fn context(&self, a: usize) -> (Ctx, usize) {
        let toks = &self.b.toks;
        if a >= 2 && self.punct(a - 1) == Some(":") && self.key(a - 2, a - 1) == canonical("ảnh")
        {
            return (Ctx::Credit, toks[a - 2].start);
        }
        let mut end = a;
        if a >= 2 && self.punct(a - 1) == Some(".") && self.is_word(a - 2) {
            end = a - 1;
        }
        for k in (1..=lex::MAX_PHRASE_WORDS.min(end)).rev() {
            if !(end - k..end).all(|j| self.is_word(j)) {
                continue;
            }
            let key = self.key(end - k, end);
            let ctx = if lex::HONORIFIC.contains(&key) {
                Ctx::Honorific
            } else if lex::OFFICE_TITLE.contains(&key) {
                Ctx::Office
            } else if lex::TITLE.contains(&key) {
                Ctx::Title
            } else if lex::PLACE_WORD.contains(&key) {
                // "Chủ tịch UBND tỉnh Nguyễn Văn A": the unit belongs to the title.
                let admin = lex::ADMIN_UNIT.contains(&key);
                let of_body = end - k >= 1
                    && (self.acronym(end - k - 1)
                        || self.key(end - k - 1, end - k) == canonical("ủy"));
                if admin && of_body {
                    return (Ctx::None, toks[end - k].start);
                }
                Ctx::Place
            } else {
                continue;
            };
            return (ctx, toks[end - k].start);
        }
        (Ctx::None, toks[a].start)
    }

    /// Leading titles inside the run ("Ông", "HLV", "GS.TS").
    fn strip_titles(&self, mut a: usize, z: usize, ctx: &mut Ctx, from: &mut usize) -> usize {
        if *ctx == Ctx::Place {
            return a;
        }
        'outer: while a + 1 < z {
            if self.place_len(a, z) > 0 {
                break;
            }
            for k in (1..=3.min(z - a - 1)).rev() {
                let key = self.key(a, a + k);
                let c = if lex::HONORIFIC.contains(&key) {
                    Ctx::Honorific
                } else if lex::OFFICE_TITLE.contains(&key) {
                    Ctx::Office
                } else if lex::TITLE.contains(&key) {
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
    fn surname_tail(&self, a: usize, z: usize) -> Option<usize> {
        let mut covered = a;
        for j in a..z {
            let len = z - j;
            if len < 2 {
                return None;
            }
            if j >= covered {
                covered = j + self.place_len(j, z);
            }
            if len > 4 || !self.surname(j) || j < covered {
                continue;
            }
            if (j..z).all(|k| self.namey(k)) && (j + 1..z).all(|k| self.viet(k) || self.ethnic(j)) {
                return Some(j);
            }
        }
        None
    }

    /// Ê Đê and Jrai names ("Y …", "H’…", "Ksor …") keep non-Vietnamese syllables.
    fn ethnic(&self, j: usize) -> bool {
        let k = self.key(j, j + 1);
        matches!(
            k.as_str(),
            "y" | "h" | "ksor" | "siu" | "rah" | "kpa\u{306}"
        ) || k.starts_with("h’")
    }

    fn foreign_given(&self, a: usize, z: usize) -> Option<(usize, usize)> {
        (a..z.saturating_sub(1))
            .find(|&j| {
                lex::GIVEN_FOREIGN.contains(&self.key(j, j + 1))
                    && self.namey(j)
                    && self.namey(j + 1)
            })
            .map(|j| (j, z.min(j + 4)))
    }

    /// A name with no surname and no title: a foreign "Micah Richards" or a stage name
    /// "Đông Nhi" (two given-name syllables), when nothing before it makes it a body or place.
    fn bare_name(&self, a0: usize, a: usize, z: usize) -> Option<(usize, usize, Evidence)> {
        let n = z - a;
        if !(2..=3).contains(&n) || !(a..z).all(|k| self.namey(k)) || self.not_start(a) {
            return None;
        }
        if (a..z).any(|k| self.place_len(k, z) > 0) {
            return None;
        }
        // The word before: a classifier or a preposition of place makes it no person.
        for k in (1..=2.min(a0)).rev() {
            if (a0 - k..a0).all(|j| self.is_word(j))
                && lex::BODY_CLASSIFIER.contains(&self.key(a0 - k, a0))
            {
                return None;
            }
        }
        let foreign = (a..z).filter(|&k| !self.viet(k)).count();
        if foreign == n {
            if (a..z).any(|k| lex::FOREIGN_NOT.contains(&self.key(k, k + 1))) {
                return None;
            }
            return Some((a, z, Evidence::Foreign));
        }
        if foreign == 0 && n == 2 && (a..z).all(|k| lex::GIVEN_NAME.contains(&self.key(k, k + 1))) {
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
    fn analyse(&self, a0: usize, z: usize) -> Option<Candidate> {
        let (mut ctx, mut from) = self.context(a0);
        let a = self.strip_titles(a0, z, &mut ctx, &mut from);
        if self.b.kind == BlockKind::Byline {
            return self.credit(a, z, true);
        }
        let (s, e, evidence) = match ctx {
            Ctx::Credit => return self.credit(a, z, false),
            Ctx::Place => {
                let p = self.place_len(a, z);
                if p == 0 {
                    return None;
                }
                let j = self.surname_tail(a + p, z)?;
                (j, z, Evidence::Surname)
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
                if self.place_len(s, z) == z - s {
                    return None;
                }
                if self.not_start(s) || !self.namey(s) || ctx == Ctx::Office {
                    if let Some(j) = self.surname_tail(s, z) {
                        (j, z, Evidence::Surname)
                    } else if let Some((j, e)) = self.foreign_given(s, z) {
                        (j, e, Evidence::Foreign)
                    } else {
                        return None;
                    }
                } else {
                    let mut e = s;
                    while e < z && e < s + 4 && self.namey(e) {
                        e += 1;
                    }
                    (s, e, Evidence::Context)
                }
            }
            Ctx::None => {
                if let Some(j) = self.surname_tail(a, z) {
                    (j, z, Evidence::Surname)
                } else if let Some((j, e)) = self.foreign_given(a, z) {
                    (j, e, Evidence::Foreign)
                } else if let Some((j, e, ev)) = self.bare_name(a0, a, z) {
                    (j, e, ev)
                } else {
                    // A short form, perhaps: "Hằng", "Khi Hằng", "Trump".
                    let mut s = a;
                    while s + 1 < z && (self.not_start(s) || self.acronym(s)) {
                        s += 1;
                    }
                    if z - s > 4 || !(s..z).all(|k| self.namey(k)) || self.not_start(s) {
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
        let mut c = self.candidate(s, e, evidence, false);
        if matches!(ctx, Ctx::Title | Ctx::Office) && s == a && from < self.b.toks[s].start {
            let t = self.text[from..self.b.toks[s].start].trim();
            if !t.is_empty() && !STOP_AFTER_TITLE.contains(&t) {
                c.roles.push(t.to_owned());
            }
        }
        if e - s == 1 && !self.lone_word_ok(s, ctx, evidence) {
            return None;
        }
        if evidence == Evidence::Lookup && e - s == 1 && self.sentence_start(s) {
            // "An ninh …" at a sentence start is a word, not the person An: keep it only if the
            // document never writes the word in lowercase.
            let low = self.tx(s).to_lowercase();
            if word_in(self.text, &low) {
                return None;
            }
        }
        c.roles.extend(roles::after(self.text, &self.b.toks, e));
        Some(c)
    }

    /// Whether a lone capitalised word may be a name rather than half of a common noun.
    fn lone_word_ok(&self, s: usize, ctx: Ctx, evidence: Evidence) -> bool {
        let w = self.tx(s);
        let viet = is_vietnamese_syllable(w);
        if evidence == Evidence::Context
            && matches!(ctx, Ctx::Title | Ctx::Office)
            && viet
            && !lex::GIVEN_NAME.contains(&self.key(s, s + 1))
        {
            return false;
        }
        let Some(next) = self.b.toks.get(s + 1) else {
            return true;
        };
        if next.kind != TokenKind::Word || !next.space_before {
            return true;
        }
        let nw = &self.text[next.start..next.end];
        if nw.chars().next().is_some_and(|c| c.is_uppercase()) {
            return true;
        }
        if viet && lex::COMPOUND_TAIL.contains(&canonical(nw)) {
            return false;
        }
        // "Chi hội" here and "chi hội" elsewhere: a word, not a name.
        let bigram = format!("{} {}", w.to_lowercase(), nw);
        !word_in(self.text, &bigram)
    }

    /// Names in a byline or after "Ảnh:" ("Nông Vui", "THÀNH ĐỒNG", "Xiao Pei Baodatviet.vn").
    fn credit(&self, mut a: usize, mut z: usize, author: bool) -> Option<Candidate> {
        while a < z && (self.not_start(a) || self.key(a, a + 1) == "theo") {
            a += 1;
        }
        while z > a && (self.tx(z - 1).contains('.') && !is_initial(self.tx(z - 1))) {
            z -= 1;
        }
        if a >= z || z - a > 4 || self.place_len(a, z) == z - a {
            return None;
        }
        // A lone word is more often an agency or a site than a photographer.
        if z - a < 2 && !(author && (a..z).all(|k| self.viet(k))) {
            return None;
        }
        if !(a..z).all(|k| self.namey(k)) {
            return None;
        }
        Some(self.candidate(a, z, Evidence::Credit, author))
    }

    fn candidate(&self, s: usize, e: usize, evidence: Evidence, author: bool) -> Candidate {
        let start = self.b.toks[s].start;
        let end = self.b.toks[e - 1].end;
        let parts: Vec<String> = (s..e).map(|k| self.key(k, k + 1)).collect();
        let display = self.text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Candidate {
            block: self.b.index,
            start,
            end,
            vietnamese_surname: self.surname(s) && e - s >= 2,
            parts,
            display,
            evidence,
            author,
            roles: Vec::new(),
            person: None,
        }
    }
}

/// Whether `word` (lowercase) occurs in `text` as a whole lowercase word.
fn word_in(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}
