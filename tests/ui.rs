//! The screen, drawn on a TestBackend: insta snapshots for the layout, and direct checks of the
//! buffer's styles for highlights (snapshots do not record colour).

use bao::app::{Action, App, Cmd, EntityKind, EntityRef};
use bao::document::{Article, Mention, Organisation, Person};
use bao::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use unicode_segmentation::UnicodeSegmentation;

const SEED: &str = include_str!("../seeds/000_c0b6449328fbf434.txt");

fn mentions(a: &Article, needle: &str) -> Vec<Mention> {
    a.text
        .match_indices(needle)
        // The seed's repeated caption line is not a block: no mention there.
        .filter_map(|(s, m)| Some(Mention::new(a.block_at(s)?, s, s + m.len())))
        .collect()
}

/// The seed with the entities a reader would expect, set by hand so these tests do not depend
/// on the extractor.
fn seed() -> Article {
    let mut a = bao::loader::parse(SEED.to_owned(), "seeds/000_c0b6449328fbf434.txt");
    let person = |name: &str, roles: &[&str]| Person {
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: mentions(&a, name),
        ..Default::default()
    };
    let people = vec![
        person(
            "Trần Thị Lộc",
            &["Ủy viên BTV", "Trưởng ban Tuyên giáo Tỉnh ủy"],
        ),
        person(
            "Hoàng Thu Trang",
            &["Ủy viên BTV", "Phó Chủ tịch Thường trực HĐND tỉnh"],
        ),
        person("Phạm Duy Hưng", &["Ủy viên BTV", "Phó Chủ tịch UBND tỉnh"]),
        Person {
            author: true,
            ..person("Nông Vui", &[])
        },
    ];
    let org = |name: &str, abbr: Option<&str>, exp: Option<&str>| Organisation {
        name: name.into(),
        abbreviation: abbr.map(Into::into),
        expansion: exp.map(Into::into),
        mentions: mentions(&a, name),
        ..Default::default()
    };
    let orgs = vec![
        org("Ban Tuyên giáo Tỉnh ủy", None, None),
        org("HĐND", Some("HĐND"), Some("Hội đồng nhân dân")),
        org("UBND", Some("UBND"), Some("Ủy ban nhân dân")),
        org("Tòa án nhân dân", None, None),
    ];
    a.people = people;
    a.organisations = orgs;
    a
}

fn app(articles: Vec<Article>, w: u16, h: u16) -> App {
    let mut app = App::new(articles);
    app.update(Action::Resize(w, h));
    app
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    t
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Type(c));
    }
}

fn select(app: &mut App, kind: EntityKind, index: usize) {
    app.update(Cmd::FocusNext.into());
    app.select(EntityRef { kind, index });
}

/// Cells where `needle` starts, found by graphemes.
fn find(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let want: Vec<&str> = needle.graphemes(true).collect();
    let mut out = Vec::new();
    let area = buf.area;
    for y in area.y..area.y + area.height {
        let row: Vec<&str> = (area.x..area.x + area.width)
            .map(|x| buf[(x, y)].symbol())
            .collect();
        for x in 0..row.len() {
            if row[x..].starts_with(&want) {
                out.push((area.x + x as u16, y));
            }
        }
    }
    out
}

/// Where `needle` starts in the article's text column (not the list, not the status bar).
fn find_in_text(app: &App, buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let s = app.screen();
    find(buf, needle)
        .into_iter()
        .filter(|&(x, y)| x < s.article.x + s.article.width && y < s.status.y)
        .collect()
}

/// The cells of `needle` at `at` has a style passing `check`.
fn cells_of(buf: &Buffer, at: (u16, u16), needle: &str) -> Vec<ratatui::buffer::Cell> {
    let n = needle.graphemes(true).count() as u16;
    (0..n).map(|i| buf[(at.0 + i, at.1)].clone()).collect()
}

fn only_named_colours(buf: &Buffer) {
    for c in buf.content() {
        for col in [c.fg, c.bg] {
            assert!(
                !matches!(col, Color::Rgb(..) | Color::Indexed(_)),
                "16 named colours only, found {col:?}"
            );
        }
    }
}

#[test]
fn reader_100x30() {
    let a = app(vec![seed()], 100, 30);
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
    only_named_colours(t.backend().buffer());
}

#[test]
fn reader_60x20_hides_the_list() {
    let a = app(vec![seed()], 60, 20);
    let t = draw(&a, 60, 20);
    insta::assert_snapshot!(t.backend());
    assert!(find(t.backend().buffer(), "People").is_empty());
}

#[test]
fn selection_highlights_mentions_in_the_entity_colour() {
    let mut a = app(vec![seed()], 100, 30);
    select(&mut a, EntityKind::Person, 0);
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
    let buf = t.backend().buffer();
    let in_text = find_in_text(&a, buf, "Trần Thị Lộc");
    assert!(in_text.len() >= 2, "{in_text:?}");
    for (i, at) in in_text.iter().enumerate() {
        for c in cells_of(buf, *at, "Trần Thị Lộc") {
            assert_eq!(c.bg, Color::Yellow, "a person's mention is yellow");
            // The current mention is also bold and underlined.
            let current = c.modifier.contains(Modifier::UNDERLINED);
            assert_eq!(current, i == 0, "only the first is the current one");
        }
    }
    // The detail box shows the roles; the status bar the mention count.
    assert!(!find(buf, "· Ủy viên BTV").is_empty());
    assert!(!find(buf, "Trần Thị Lộc mention 1/3").is_empty());
    // Text that is not a mention keeps no background.
    let other = find_in_text(&a, buf, "Hoàng Thu Trang")[0];
    assert_eq!(buf[other].bg, Color::Reset);
}

#[test]
fn organisations_take_another_colour() {
    let mut a = app(vec![seed()], 100, 30);
    select(&mut a, EntityKind::Organisation, 1);
    let t = draw(&a, 100, 30);
    let buf = t.backend().buffer();
    let hits = find_in_text(&a, buf, "HĐND");
    assert!(!hits.is_empty());
    for at in hits {
        for c in cells_of(buf, at, "HĐND") {
            assert_eq!(c.bg, Color::Cyan);
        }
    }
    assert!(
        !find(buf, "= Hội đồng nhân dân").is_empty(),
        "the expansion is shown"
    );
}

#[test]
fn search_100x30() {
    let mut a = app(vec![seed()], 100, 30);
    a.update(Cmd::Search.into());
    type_str(&mut a, "tran thi loc");
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
    let buf = t.backend().buffer();
    assert!(!find(buf, "/tran thi loc▏ match 1/4").is_empty());
    let first = find_in_text(&a, buf, "Trần Thị Lộc")[0];
    for c in cells_of(buf, first, "Trần Thị Lộc") {
        assert_eq!(c.bg, Color::LightMagenta);
        assert!(c.modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn search_60x20() {
    let mut a = app(vec![seed()], 60, 20);
    a.update(Cmd::Search.into());
    type_str(&mut a, "hdnd");
    a.update(Cmd::SearchAccept.into());
    a.update(Cmd::Next.into());
    let t = draw(&a, 60, 20);
    insta::assert_snapshot!(t.backend());
    assert!(!find(t.backend().buffer(), "match 2/").is_empty());
}

#[test]
fn help_100x30() {
    let mut a = app(vec![seed()], 100, 30);
    a.update(Cmd::Help.into());
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
    // Generated from the keymap: every reading binding's description is on screen.
    let buf = t.backend().buffer();
    for (_, _, desc) in bao::keymap::help_lines(&a) {
        assert!(!find(buf, desc).is_empty(), "help shows {desc:?}");
    }
}

#[test]
fn help_60x20() {
    let mut a = app(vec![seed()], 60, 20);
    a.update(Cmd::Help.into());
    let t = draw(&a, 60, 20);
    insta::assert_snapshot!(t.backend());
    // Scrolled to the end, the last lines show.
    for _ in 0..40 {
        a.update(Cmd::Down.into());
    }
    let t = draw(&a, 60, 20);
    insta::assert_snapshot!("help_60x20_scrolled", t.backend());
    assert!(!find(t.backend().buffer(), "select an entry or a name").is_empty());
}

fn library_app(w: u16, h: u16) -> App {
    let mut b = seed();
    b.title = "Hội nghị triển khai nhiệm vụ năm 2023 của ngành tuyên giáo".into();
    b.published = None;
    b.people.truncate(1);
    let mut c = seed();
    c.title = "Một bài khác".into();
    c.organisations.clear();
    app(vec![seed(), b, c], w, h)
}

#[test]
fn library_100x30() {
    let a = library_app(100, 30);
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
    let buf = t.backend().buffer();
    assert!(!find(buf, "3 articles").is_empty());
    assert!(
        !find(buf, " 3 people  4 orgs").is_empty(),
        "the author is not counted"
    );
}

#[test]
fn library_60x20() {
    let mut a = library_app(60, 20);
    a.update(Cmd::Down.into());
    let t = draw(&a, 60, 20);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn filtered_list_100x30() {
    let mut a = app(vec![seed()], 100, 30);
    a.update(Cmd::FocusNext.into());
    a.update(Cmd::Filter.into());
    type_str(&mut a, "tinh uy");
    let t = draw(&a, 100, 30);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn tiny_terminals() {
    for (w, h) in [(1, 1), (10, 3)] {
        let a = app(vec![seed()], w, h);
        let t = draw(&a, w, h);
        insta::assert_snapshot!(format!("tiny_{w}x{h}"), t.backend());
    }
    // Every size up to a small screen draws without panicking.
    for w in 0..24 {
        for h in 0..8 {
            let mut a = app(vec![seed()], w, h);
            a.update(Cmd::Help.into());
            draw(&a, w.max(1), h.max(1));
        }
    }
}

#[test]
fn no_color_uses_no_colours() {
    let mut a = app(vec![seed()], 100, 30);
    a.color = false;
    select(&mut a, EntityKind::Person, 0);
    a.update(Cmd::Search.into());
    type_str(&mut a, "hdnd");
    let t = draw(&a, 100, 30);
    let buf = t.backend().buffer();
    for c in buf.content() {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
    let at = find_in_text(&a, buf, "Trần Thị Lộc")[0];
    assert!(buf[at].modifier.contains(Modifier::UNDERLINED));
    let hit = find_in_text(&a, buf, "HĐND")[0];
    assert!(buf[hit].modifier.contains(Modifier::REVERSED));
}
