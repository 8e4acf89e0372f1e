//! Organisations: one test per rule family, the seed's bodies, and properties of mentions.
//! The Vietnamese sentences are written for these tests.

use bao::extract::orgs::find;
use bao::{Article, Organisation};
use proptest::prelude::*;

fn article(body: &str) -> Article {
    bao::loader::parse(format!("Tin tức trong ngày\n\n{body}\n"), "t")
}

fn orgs(body: &str) -> Vec<Organisation> {
    find(&article(body))
}

/// The text of every mention, in text order.
fn mentions(body: &str) -> Vec<String> {
    let a = article(body);
    let mut all: Vec<(usize, String)> = find(&a)
        .into_iter()
        .flat_map(|o| o.mentions)
        .map(|m| (m.start(), m.text(&a.text).to_owned()))
        .collect();
    all.sort();
    all.into_iter().map(|(_, t)| t).collect()
}

fn named<'a>(orgs: &'a [Organisation], name: &str) -> &'a Organisation {
    orgs.iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no organisation {name:?} in {orgs:#?}"))
}

#[test]
fn heads_open_names_case_insensitively() {
    assert_eq!(
        mentions("Bộ Tài chính vừa ban hành thông tư hướng dẫn mới."),
        ["Bộ Tài chính"]
    );
    assert_eq!(
        mentions("Sáng 5/9, Trường tiểu học Lê Văn Tám tổ chức lễ khai giảng."),
        ["Trường tiểu học Lê Văn Tám"]
    );
    assert_eq!(
        mentions("Hôm qua, công an huyện Yên Thành đã tạm giữ hai đối tượng."),
        ["công an huyện Yên Thành"]
    );
    assert_eq!(
        mentions("Ngân hàng Nông nghiệp và Phát triển nông thôn cho biết lãi suất giảm."),
        ["Ngân hàng Nông nghiệp và Phát triển nông thôn"]
    );
    // A generic head followed by ordinary words names nothing.
    assert!(mentions("Ban tổ chức cho biết hội nghị sẽ kéo dài hai ngày.").is_empty());
    assert!(mentions("Cán bộ công ty này đã báo cáo toàn bộ sự việc.").is_empty());
}

#[test]
fn a_directly_attached_place_is_inside() {
    assert_eq!(
        mentions("UBND tỉnh Quảng Trị vừa phê duyệt dự án."),
        ["UBND tỉnh Quảng Trị"]
    );
    assert_eq!(
        mentions("Công an TP. Đông Hà đang điều tra vụ việc."),
        ["Công an TP. Đông Hà"]
    );
    assert_eq!(
        mentions("Theo Sở Y tế Đà Nẵng, số ca mắc đã giảm."),
        ["Sở Y tế Đà Nẵng"]
    );
    // The sentence going on after the place is not part of the name.
    assert_eq!(
        mentions("Công an quận Ba Đình xác minh thông tin."),
        ["Công an quận Ba Đình"]
    );
}

#[test]
fn a_place_after_a_comma_is_not_inside() {
    assert_eq!(
        mentions("TAND huyện Cam Lộ, tỉnh Quảng Trị mở phiên tòa sơ thẩm."),
        ["TAND huyện Cam Lộ"]
    );
    assert_eq!(
        mentions("Bệnh viện Đa khoa Hữu Nghị (Hà Nội) tiếp nhận bệnh nhân."),
        ["Bệnh viện Đa khoa Hữu Nghị"]
    );
}

#[test]
fn an_abbreviation_and_its_full_form_are_one_organisation() {
    let found = orgs(
        "Hội đồng nhân dân tỉnh họp phiên bất thường. Sau đó, HĐND tỉnh thông qua nghị quyết.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let o = &found[0];
    assert_eq!(o.name, "Hội đồng nhân dân tỉnh");
    assert_eq!(o.abbreviation.as_deref(), Some("HĐND"));
    assert_eq!(o.expansion.as_deref(), Some("Hội đồng nhân dân"));
    assert_eq!(o.aliases, ["HĐND tỉnh"]);

    let found = orgs("Bộ Chỉ huy Quân sự tỉnh giao quân. Bộ CHQS tỉnh cũng tặng quà tân binh.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].mentions.len(), 2);
    assert_eq!(found[0].abbreviation.as_deref(), Some("CHQS"));
}

#[test]
fn an_abbreviation_in_parentheses_is_a_second_mention() {
    let a = article(
        "Ngân hàng Chính sách xã hội (NHCSXH) giải ngân vốn vay. Năm nay NHCSXH dành thêm vốn.",
    );
    let found = find(&a);
    assert_eq!(found.len(), 1, "{found:#?}");
    let o = &found[0];
    assert_eq!(o.name, "Ngân hàng Chính sách xã hội");
    assert_eq!(o.abbreviation.as_deref(), Some("NHCSXH"));
    let texts: Vec<&str> = o.mentions.iter().map(|m| m.text(&a.text)).collect();
    assert_eq!(
        texts,
        ["Ngân hàng Chính sách xã hội", "NHCSXH", "NHCSXH"],
        "the name, the abbreviation in parentheses and the later bare abbreviation"
    );
    // Initials of only part of the name abbreviate that part, not the body.
    assert_eq!(
        mentions("Hiệp hội Phòng cháy chữa cháy (PCCC) Nhật Bản tài trợ thiết bị."),
        ["Hiệp hội Phòng cháy chữa cháy"]
    );
}

#[test]
fn specific_acronyms_are_organisations_generic_ones_are_not() {
    assert_eq!(
        mentions("Theo TTXVN, các nước NATO sẽ họp tại Brussels."),
        ["TTXVN", "NATO"]
    );
    assert!(mentions("VKS đề nghị mức án, CSGT lập biên bản, HĐQT họp bất thường.").is_empty());
}

#[test]
fn classifiers_stay_outside_known_names() {
    assert_eq!(mentions("Đơn hàng của hãng Boeing tăng mạnh."), ["Boeing"]);
    assert_eq!(
        mentions("Theo tờ Daily Mail, trận đấu bị hoãn."),
        ["Daily Mail"]
    );
}

#[test]
fn the_office_holder_is_not_part_of_the_body() {
    assert_eq!(
        mentions("Bộ trưởng Bộ Giao thông vận tải Nguyễn Văn Thể kiểm tra công trình."),
        ["Bộ Giao thông vận tải"]
    );
    // A school named after a person keeps the name.
    assert_eq!(
        mentions("Học sinh Trường THPT Nguyễn Du đạt giải nhất."),
        ["Trường THPT Nguyễn Du"]
    );
}

#[test]
fn a_country_closes_the_name_and_streets_are_not_bodies() {
    assert_eq!(
        mentions("Bộ trưởng Bộ Ngoại giao Trung Quốc Vương Nghị phát biểu tại hội nghị."),
        ["Bộ Ngoại giao Trung Quốc"]
    );
    assert!(mentions("Khách sạn nằm trên đường Trường Chinh, quận Đống Đa.").is_empty());
    assert!(mentions("Bộ trưởng Quốc phòng Mỹ đến thăm khu vực này.").is_empty());
}

#[test]
fn police_units_go_by_their_codes() {
    assert_eq!(
        mentions("Lãnh đạo PC45 cho biết vụ án đã được chuyển đi."),
        ["PC45"]
    );
    assert_eq!(
        mentions("Phòng PC45 Công an tỉnh Sơn La vào cuộc."),
        ["Phòng PC45 Công an tỉnh Sơn La"]
    );
}

#[test]
fn tone_placement_variants_are_one_organisation() {
    let found =
        orgs("Công an phường Thủy Châu nhận tin báo. Sau đó, Công an phường Thuỷ Châu đã có mặt.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].mentions.len(), 2);
    let found =
        orgs("Ủy ban nhân dân huyện Hòa Vang họp. Uỷ ban nhân dân huyện Hoà Vang kết luận.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].abbreviation.as_deref(), Some("UBND"));
}

#[test]
fn state_words_alone_are_not_organisations() {
    assert!(mentions(
        "Chính phủ chỉ đạo, Nhà nước hỗ trợ, Đảng lãnh đạo và Quốc hội giám sát việc này."
    )
    .is_empty());
    // With a country, a parliament is one body.
    assert_eq!(
        mentions("Quốc hội Hàn Quốc thông qua luật."),
        ["Quốc hội Hàn Quốc"]
    );
}

#[test]
fn the_same_string_later_in_the_article_is_a_mention() {
    let found =
        orgs("Công ty TNHH Minh Phát ký hợp đồng. Đại diện Công ty TNHH Minh Phát cho biết.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].mentions.len(), 2);
}

#[test]
fn later_mentions_are_found_next_to_underscores_and_marks_but_not_glued() {
    let a = bao::loader::parse(
        "Tin tức\n\nCông ty XY_ZT vừa ký hợp đồng với Ngân hàng Nhà nước (NHNN).\n\n\
         Đại diện XY_ZT cho biết, theo NHNN, mức mới đã rõ.\n\n\
         Theo NHNN_1 và XY_ZTA thì khác.\n\n\
         Theo NHNN, x\u{301} tăng.\n"
            .into(),
        "t",
    );
    let found = find(&a);
    let blocks_of = |text: &str| -> Vec<usize> {
        let mut b: Vec<usize> = found
            .iter()
            .flat_map(|o| o.mentions.iter())
            .filter(|m| m.text(&a.text) == text)
            .map(|m| m.block())
            .collect();
        b.sort();
        b
    };
    let block_of = |needle: &str| {
        a.blocks
            .iter()
            .position(|b| a.text[b.start..b.end].contains(needle))
            .unwrap()
    };
    // A body's own acronym with an underscore, written bare later.
    assert_eq!(blocks_of("XY_ZT"), [block_of("Đại diện")], "{found:#?}");
    // A bare abbreviation next to a combining mark; never glued to `_`.
    assert_eq!(
        blocks_of("NHNN"),
        [
            block_of("(NHNN)"),
            block_of("Đại diện"),
            block_of("x\u{301}")
        ],
        "{found:#?}"
    );
}

#[test]
fn the_dateline_is_skipped() {
    let a = bao::loader::parse(
        "UBND tỉnh Gia Lai họp\n\n08:00, 01/03/2022\n\nUBND tỉnh Gia Lai họp sáng nay.\n".into(),
        "t",
    );
    let found = find(&a);
    assert_eq!(found.len(), 1);
    for m in &found[0].mentions {
        assert_ne!(a.blocks[m.block()].kind, bao::BlockKind::Dateline);
    }
    assert_eq!(found[0].mentions.len(), 2);
}

#[test]
fn the_seed_gives_its_bodies() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_c0b6449328fbf434.txt"
    );
    let a = bao::open_article(std::path::Path::new(path)).expect("seed article");
    let o = &a.organisations;
    named(o, "Ban Tuyên giáo Tỉnh ủy");
    assert_eq!(named(o, "HĐND tỉnh").abbreviation.as_deref(), Some("HĐND"));
    assert_eq!(
        named(o, "UBND tỉnh").expansion.as_deref(),
        Some("Ủy ban nhân dân")
    );
    let vks = named(o, "Viện kiểm sát nhân dân");
    assert_eq!(vks.abbreviation.as_deref(), Some("VKSND"));
    assert!(vks.mentions.iter().any(|m| m.text(&a.text) == "VKSND"));
    named(o, "Tòa án nhân dân");
    let chqs = named(o, "Bộ Chỉ huy Quân sự tỉnh");
    assert!(chqs.aliases.iter().any(|a| a == "Bộ CHQS tỉnh"));
    // No body from the dateline, the byline or ordinary capitalised words.
    for org in o {
        for m in &org.mentions {
            assert!(
                !m.text(&a.text).contains("Hội nghị") && !m.text(&a.text).contains("Nông Vui"),
                "{m:?}"
            );
        }
    }
}

/// Text made of pieces that exercise the rules, glued with or without spaces.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("UBND".to_owned()),
        Just("tỉnh".to_owned()),
        Just("Công an".to_owned()),
        Just("huyện".to_owned()),
        Just("TP.".to_owned()),
        Just("Nghi Lộc".to_owned()),
        Just("Bộ".to_owned()),
        Just("Y tế".to_owned()),
        Just("và".to_owned()),
        Just("Hòa".to_owned()),
        Just("Uỷ ban".to_owned()),
        Just("(VKSND)".to_owned()),
        Just("U16".to_owned()),
        Just("Nguyễn Văn".to_owned()),
        Just("OceanBank".to_owned()),
        Just("PC67-".to_owned()),
        Just("hãng".to_owned()),
        Just("số 2".to_owned()),
        Just("\n".to_owned()),
        "[,.()\\-–&“” ]",
        "\\PC{0,4}",
        "[a-zA-ZđĐàáảãạòóỏõọùúủũụ\u{0300}\u{0301}]{1,6}",
    ];
    proptest::collection::vec((piece, any::<bool>()), 0..40).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mentions_are_exact_slices_inside_their_blocks(text in pieces()) {
        let a = bao::loader::parse(text, "t");
        for o in find(&a) {
            prop_assert!(!o.mentions.is_empty());
            for m in &o.mentions {
                let b = &a.blocks[m.block()];
                prop_assert!(b.start <= m.start() && m.end() <= b.end && m.start() < m.end());
                prop_assert!(a.text.is_char_boundary(m.start()) && a.text.is_char_boundary(m.end()));
            }
        }
    }

    #[test]
    fn mentions_never_overlap(text in pieces()) {
        let a = bao::loader::parse(text, "t");
        let mut spans: Vec<(usize, usize)> = find(&a)
            .iter()
            .flat_map(|o| o.mentions.iter().map(|m| (m.start(), m.end())))
            .collect();
        spans.sort();
        for w in spans.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        let a = bao::loader::parse(text, "t");
        let _ = find(&a);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = bao::article_from_bytes(&bytes, "t");
    }
}
