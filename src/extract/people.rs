//! People: Vietnamese and foreign names without their titles, with their roles.
//!
//! The text is cut into runs of capitalised words. A run gives a person when a name is sure
//! from its shape or its context: a surname then given names ("Trần Thị Lộc"), a title or
//! honorific right before it ("ông Minh", "HLV Park Hang Seo"), a common foreign given name
//! ("Donald Trump"), a photo credit or the byline. Those are the seeds. Every other run is then
//! matched against the seeds of the same article, so a later "Lộc", "ông Minh" or "Trump" is a
//! mention of the person introduced in full.

pub mod key;
mod roles;
mod runs;
mod scan;
mod words;

use crate::document::{Article, BlockKind, Mention, Organisation, Person};
use crate::extract::Source;
use crate::lexicon::people as lex;
use key::canonical;
use key::{FastBuild, FastMap, FastSet};
use runs::{BlockTokens, Candidate, Evidence, LowerIndex, Parts};
use words::{Arena, Kept, Key};

/// The people `article` mentions. Spans inside `organisations` mentions are not people.
pub fn find(article: &Article, organisations: &[Organisation]) -> Vec<Person> {
    find_in(&Source::of(article), organisations)
}

/// [`find`] on any text and blocks.
pub fn find_in(article: &Source, organisations: &[Organisation]) -> Vec<Person> {
    // Sized once (a flattened list's length is not known to `collect`).
    let mut org_spans: Vec<(usize, usize)> =
        Vec::with_capacity(organisations.iter().map(|o| o.mentions.len()).sum());
    org_spans.extend(
        organisations
            .iter()
            .flat_map(|o| o.mentions.iter().map(|m| (m.start(), m.end()))),
    );
    org_spans.sort_unstable();
    let in_org = |s: usize, e: usize| {
        let i = org_spans.partition_point(|&(_, oe)| oe <= s);
        org_spans[i..]
            .iter()
            .take_while(|&&(os, _)| os < e)
            .any(|&(os, oe)| os < e && s < oe)
    };

    // Pass 1: what every run says on its own, one block at a time: only the candidates outlive
    // a block's tokens, whose buffers the next block reuses, and only those outside
    // organisations (dropped at once, so the list stays small on a long article).
    // Lists kept by the thread from article to article (see `Spare`).
    let Spare {
        mut cands,
        mut parts,
        registry,
    } = SPARE.with(Kept::take);
    let mut toks = BlockTokens::empty();
    for (i, b) in article.blocks.iter().enumerate() {
        if b.kind == BlockKind::Dateline {
            continue;
        }
        toks.refill(article.text, i, b);
        // Made straight into the article's list, those in organisations then dropped in place:
        // a candidate is moved once, not twice.
        let from = cands.len();
        toks.candidates(article.text, &org_spans, &mut parts, &mut cands);
        let mut kept = from;
        for k in from..cands.len() {
            if !in_org(cands[k].start, cands[k].end) {
                if kept != k {
                    cands.swap(kept, k);
                }
                kept += 1;
            }
        }
        cands.truncate(kept);
    }
    drop(toks);
    drop(org_spans);
    let lower = LowerIndex::new(article.text, article.blocks);
    // The questions `written` will be asked, asked all at once (no list made per candidate).
    let questions = |c: &Candidate| {
        let spans = c.unless_written;
        (0..spans.len()).map(move |k| {
            let (s, e) = spans.get(k);
            article.text[s..e].to_lowercase()
        })
    };
    // Lowercased once: the questions are searched for, then read back in the same order.
    let asked: Vec<String> = cands
        .iter()
        .filter(|c| c.evidence != Evidence::Lookup)
        .flat_map(questions)
        .collect();
    lower.prepare(asked.iter().map(String::as_str));
    let mut next = asked.iter();
    cands.retain(|c| {
        if c.evidence == Evidence::Lookup {
            return true;
        }
        // All of the candidate's questions taken, whatever the answers.
        let mut written = false;
        for q in next.by_ref().take(c.unless_written.len()) {
            written = written || lower.has(q);
        }
        !written
    });
    drop(asked);
    let written = |c: &Candidate| {
        c.unless_written
            .iter()
            .any(|&(s, e)| lower.has(&article.text[s..e].to_lowercase()))
    };
    // A name listed right after a place is a place ("đường Phạm Hùng, Nguyễn Trãi").
    for i in 1..cands.len() {
        let (a, b) = (&cands[i - 1], &cands[i]);
        if a.evidence == Evidence::Place
            && b.evidence != Evidence::Credit
            && a.block == b.block
            && b.listed
            && a.tokens.1 + 1 == b.tokens.0
        {
            cands[i].evidence = Evidence::Place;
        }
    }
    cands.retain(|c| c.evidence != Evidence::Place);
    // Sized once: grown by doubling, it was rehashed in most articles.
    let single = |c: &&Candidate| c.parts(&parts).len() == 1;
    let mut alone: FastSet<&str> = FastSet::with_capacity_and_hasher(
        cands.iter().filter(single).count(),
        FastBuild::default(),
    );
    alone.extend(cands.iter().filter(single).map(|c| &*c.parts(&parts)[0]));
    // Changed in place (`alone` holds the words' keys, not the candidates): no list of them.
    for c in &mut cands {
        let p = c.parts(&parts);
        if c.evidence == Evidence::Bare
            && !alone.contains(&*p[0])
            && !alone.contains(&*p[p.len() - 1])
        {
            c.evidence = Evidence::Lookup;
        }
    }

    // The people the seeds introduce, longest names first so short forms can join them.
    let mut reg = registry;
    // Sized once for every candidate (a collected filter grows by doubling), but for a long
    // article's, of which fewer may be seeds: grown as before past a bound.
    let mut order: Vec<usize> = Vec::with_capacity(cands.len().min(SPARE_MAX));
    order.extend((0..cands.len()).filter(|&i| cands[i].evidence != Evidence::Lookup));
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(cands[i].parts(&parts).len()),
            cands[i].start,
        )
    });
    for i in order {
        let id = reg.place(&cands[i], &parts, article.text);
        cands[i].person = as_id(id);
    }
    // Pass 2: the other runs are mentions only if they name someone already known.
    // Sized once for the candidates (a collected filter grows by doubling).
    let mut found: Vec<(usize, usize)> = Vec::with_capacity(cands.len().min(SPARE_MAX));
    found.extend(
        (0..cands.len())
            .filter(|&i| cands[i].person.is_none())
            .filter_map(|i| Some((i, reg.lookup(&cands[i], &parts)?))),
    );
    lower.prepare(found.iter().flat_map(|&(i, _)| questions(&cands[i])));
    for (i, id) in found {
        if !written(&cands[i]) {
            cands[i].person = as_id(id);
        }
    }

    // "Sane, Martial, Lingard và Batshuayi": next to people in a list, a name is a person.
    loop {
        let mut changed = false;
        for i in 0..cands.len() {
            if cands[i].person.is_some() || cands[i].evidence != Evidence::Lookup {
                continue;
            }
            // `a` then one separator then `b`, in one block.
            let adjacent = |a: &Candidate, b: &Candidate| {
                a.block == b.block && b.listed && a.tokens.1 + 1 == b.tokens.0
            };
            let joined =
                (i > 0 && cands[i - 1].person.is_some() && adjacent(&cands[i - 1], &cands[i]))
                    || (i + 1 < cands.len()
                        && cands[i + 1].person.is_some()
                        && adjacent(&cands[i], &cands[i + 1]));
            if joined {
                let id = reg.place(&cands[i], &parts, article.text);
                cands[i].person = as_id(id);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut people: Vec<Draft> = std::mem::take(&mut reg.people);
    // Each person's mentions counted first, so that their list is made once at its size.
    for c in &cands {
        if let Some(id) = c.person {
            people[id as usize].count += 1;
        }
    }
    // By value: each candidate is freed as soon as its mention is made.
    for c in cands.drain(..) {
        let Some(id) = c.person else { continue };
        let d = &mut people[id as usize];
        let text = &article.text[c.start..c.end];
        if d.mentions.capacity() == 0 {
            d.mentions.reserve_exact(d.count);
        }
        d.mentions.push(Mention::new(c.block, c.start, c.end));
        if c.author {
            d.author = true;
        }
        if c.parts(&parts).len() >= d.words
            && text != d.name
            && !d.aliases.iter().any(|a| a == text)
        {
            d.aliases.push(text.to_owned());
        }
        for r in &c.roles {
            let k = canonical(r);
            if !d.role_keys.contains(&k) {
                d.role_keys.push(k);
                d.roles.push(r.clone());
            }
        }
    }
    let person = |mut d: Draft| {
        d.mentions.sort_by_key(|m| m.start());
        Person {
            name: d.name,
            roles: d.roles,
            aliases: d.aliases,
            mentions: d.mentions,
            author: d.author,
        }
    };
    let mentioned = |d: &Draft| !d.mentions.is_empty();
    let mut out: Vec<Person> = if people.capacity() > SPARE_MAX {
        // A long article's list, not kept: the people are made in its room (collected in
        // place), so no second list is held with it.
        std::mem::take(&mut people)
            .into_iter()
            .filter(mentioned)
            .map(person)
            .collect()
    } else {
        // Sized once: a person is made for a candidate, whose mention it then has, so few are
        // left out (a collected filter grows by doubling).
        let mut out = Vec::with_capacity(people.len());
        out.extend(people.drain(..).filter(mentioned).map(person));
        out
    };
    out.sort_by_key(|p| (p.author, p.mentions[0].start()));
    parts.clear();
    reg.full.clear();
    reg.short.clear();
    // Emptied above: its room is kept for the next article's people.
    reg.people = people;
    // A long article's lists are freed with it.
    if cands.capacity().max(reg.people.capacity()) <= SPARE_MAX
        && reg.full.capacity().max(reg.short.capacity()) <= SPARE_MAX
    {
        let spare = Spare {
            cands,
            parts,
            registry: reg,
        };
        let _ = SPARE.try_with(|c| c.put(spare));
    }
    out
}

/// A person's index as a candidate holds it (an article has far fewer than 2³² people: each
/// takes a mention of at least two bytes).
fn as_id(id: usize) -> Option<u32> {
    u32::try_from(id).ok()
}

/// The lists of [`find_in`] that outlive an article, empty: grown once per thread, not in
/// every article.
#[derive(Default)]
struct Spare {
    cands: Vec<Candidate>,
    parts: Parts,
    /// Its maps empty.
    registry: Registry,
}

/// Room a kept list may have.
const SPARE_MAX: usize = 1 << 12;

thread_local! {
    static SPARE: Kept<Spare> = Kept::new(Spare::default());
}

/// A candidate's words joined by spaces: a single word as it is, several joined in `buf`.
fn joined<'p>(parts: &'p [Key], buf: &'p mut String) -> &'p str {
    match parts {
        [one] => one,
        _ => {
            buf.clear();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    buf.push(' ');
                }
                buf.push_str(p);
            }
            buf
        }
    }
}

/// The people a short form may stand for: the first held inline (most forms name one person),
/// so no list is allocated for it.
#[derive(Default)]
struct Ids {
    first: Option<usize>,
    more: Vec<usize>,
}

impl Ids {
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.first.into_iter().chain(self.more.iter().copied())
    }

    fn push(&mut self, id: usize) {
        if self.first.is_none() {
            self.first = Some(id);
        } else {
            self.more.push(id);
        }
    }
}

#[derive(Default)]
struct Draft {
    name: String,
    /// Mentions the person has, counted before they are listed.
    count: usize,
    /// Words in the name that introduced the person.
    words: usize,
    first: usize,
    roles: Vec<String>,
    role_keys: Vec<String>,
    aliases: Vec<String>,
    mentions: Vec<Mention>,
    author: bool,
}

/// The article's people, by full key and by the short forms a later mention may use.
#[derive(Default)]
struct Registry {
    people: Vec<Draft>,
    /// Keys shared with the candidates' word keys where a key is one word: no copy made.
    full: FastMap<Key, usize>,
    /// Short form key → people it may stand for.
    short: hashbrown::HashMap<Key, Ids, FastBuild>,
    /// Where the keys made here are written.
    arena: Arena,
    /// Scratch buffer for joining a short form's words.
    joined: String,
    /// Scratch buffer for joining a candidate's words.
    full_key: std::cell::RefCell<String>,
}

impl Registry {
    fn add_short(&mut self, k: &str, id: usize) {
        match self.short.get_mut(k) {
            Some(v) => {
                if !v.iter().any(|i| i == id) {
                    v.push(id);
                }
            }
            None => {
                let mut v = Ids::default();
                v.push(id);
                let k = self.arena.alloc(k);
                self.short.insert(k, v);
            }
        }
    }

    /// [`Registry::add_short`] of one word's key, shared, not copied.
    fn add_short_word(&mut self, k: &Key, id: usize) {
        let v = self.short.entry(k.clone()).or_default();
        if !v.iter().any(|i| i == id) {
            v.push(id);
        }
    }

    /// [`Registry::add_short`] of `parts` joined by spaces, joined in a reused buffer.
    fn add_short_words(&mut self, parts: &[Key], id: usize) {
        let mut k = std::mem::take(&mut self.joined);
        k.clear();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                k.push(' ');
            }
            k.push_str(p);
        }
        self.add_short(&k, id);
        self.joined = k;
    }

    /// The person a seed belongs to, made if new.
    fn place(&mut self, c: &Candidate, parts: &Parts, text: &str) -> usize {
        let parts = c.parts(parts);
        let mut buf = std::mem::take(self.full_key.get_mut());
        let full = joined(parts, &mut buf);
        if let Some(id) = self
            .full
            .get(full)
            .copied()
            .or_else(|| self.pick(full, c.start))
        {
            *self.full_key.get_mut() = buf;
            return id;
        }
        let full: Key = match parts {
            [one] => one.clone(),
            _ => self.arena.alloc(full),
        };
        *self.full_key.get_mut() = buf;
        let id = self.people.len();
        self.people.push(Draft {
            // Only a new person's name is written out: squashed here, not per candidate.
            name: roles::squash(&text[c.start..c.end]),
            words: parts.len(),
            first: c.start,
            ..Default::default()
        });
        self.full.insert(full, id);
        let n = parts.len();
        if n >= 2 {
            let last = &parts[n - 1];
            // An initial ("Q.") is no short form.
            if last.chars().count() > 2 {
                self.add_short_word(last, id);
            }
            for k in 2..n {
                self.add_short_words(&parts[n - k..], id);
            }
            // Foreign and stage names are also shortened to their first word ("Park"), and so
            // is a given name before a surname-like word ("Hà Hồ" is "Hà").
            let stage = n == 2
                && lex::flags(&parts[0]) & lex::bit::GIVEN_NAME != 0
                && lex::flags(&parts[1]) & lex::bit::SURNAME != 0;
            if !c.vietnamese_surname || stage {
                self.add_short_word(&parts[0], id);
                for k in 2..n {
                    self.add_short_words(&parts[..k], id);
                }
            }
        }
        id
    }

    /// The person a short form stands for: the nearest introduced before `at`, else the first.
    fn pick(&self, short: &str, at: usize) -> Option<usize> {
        let ids = self.short.get(short)?;
        ids.iter()
            .filter(|&id| self.people[id].first <= at)
            .max_by_key(|&id| self.people[id].first)
            .or(ids.first)
    }

    fn lookup(&self, c: &Candidate, parts: &Parts) -> Option<usize> {
        let mut buf = self.full_key.borrow_mut();
        let full = joined(c.parts(parts), &mut buf);
        if let Some(&id) = self.full.get(full) {
            return Some(id);
        }
        if let Some(id) = self.pick(full, c.start) {
            return Some(id);
        }
        // "M.Sampson", "C.Ronaldo": an initial glued to a known name. The dot found by its
        // byte (a name is a few bytes: no searcher set up for it).
        let dot = full.bytes().rposition(|b| b == b'.')?;
        let name = &full[dot + 1..];
        self.full
            .get(name)
            .copied()
            .or_else(|| self.pick(name, c.start))
    }
}
