//! decode → parse → extract → wrap, and --print's renderer, on arbitrary bytes.
//! Besides "no panic", checks the invariants every later stage relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks a wrap width, so narrow columns get exercised too.
    let (width, bytes) = match data.split_first() {
        Some((w, rest)) => ((*w as usize % 100) + 1, rest),
        None => (40, data),
    };
    let Ok(article) = bao::article_from_bytes(bytes, "fuzz") else {
        return;
    };
    let text = &article.text;
    assert!(!article.title.is_empty());
    for b in &article.blocks {
        assert!(b.start < b.end && b.end <= text.len());
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        let t = &text[b.range()];
        assert!(!t.chars().any(|c| c.is_control()), "control char in block");
        // Wrapping keeps every non-space character, in order, once.
        let lines = bao::wrap::wrap(t, width);
        let mut joined = String::new();
        let mut prev_end = 0;
        for r in lines {
            assert!(r.start >= prev_end && r.end <= t.len() && r.start < r.end);
            prev_end = r.end;
            joined.extend(t[r].chars().filter(|c| !c.is_whitespace()));
        }
        let expected: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, expected);
    }
    for m in article
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(article.organisations.iter().flat_map(|o| &o.mentions))
    {
        let b = &article.blocks[m.block];
        assert!(b.start <= m.start && m.start < m.end && m.end <= b.end);
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.text);
    }
    let _ = bao::plain::render(&article, width.max(10));
    let _ = article.to_json();
});
