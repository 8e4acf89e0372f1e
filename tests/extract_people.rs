//! People extraction: one test per rule family, the seed article, and properties.

use bao::{loader, Article, Person};
use proptest::prelude::*;

fn article(text: &str) -> Article {
    let mut a = loader::parse(text.to_owned(), "t");
    let e = bao::extract::extract(&a);
    a.set_entities(e);
    a
}

/// The people of an article, with the text their mentions point into.
struct People {
    list: Vec<Person>,
    text: String,
}

impl std::ops::Deref for People {
    type Target = [Person];
    fn deref(&self) -> &[Person] {
        &self.list
    }
}

/// A headline, then the body lines as paragraphs.
fn people(body: &str) -> People {
    let a = article(&format!("Tin tức địa phương hôm nay\n\n{body}\n"));
    People {
        list: a.people,
        text: a.text,
    }
}

fn names(ps: &[Person]) -> Vec<&str> {
    ps.iter().map(|p| p.name.as_str()).collect()
}

fn person<'a>(ps: &'a [Person], name: &str) -> &'a Person {
    ps.iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", names(ps)))
}

fn mention_texts<'a>(text: &'a str, p: &Person) -> Vec<&'a str> {
    p.mentions.iter().map(|m| m.text(text)).collect()
}

#[test]
fn titles_and_honorifics_stay_outside_the_name() {
    let ps = people(
        "Sáng nay, ông Lê Duy Minh và bà Đỗ Thị Hạnh đến thăm trường. \
         Thủ tướng Nguyễn Xuân Phúc gửi thư chúc mừng, Đại tá Vũ Văn Kiên cũng có mặt. \
         Bị cáo Hà Văn Tâm không có mặt.",
    );
    for n in [
        "Lê Duy Minh",
        "Đỗ Thị Hạnh",
        "Nguyễn Xuân Phúc",
        "Vũ Văn Kiên",
        "Hà Văn Tâm",
    ] {
        let p = person(&ps, n);
        assert_eq!(mention_texts(&ps.text, p), [n]);
    }
}

#[test]
fn roles_after_a_dash_or_a_comma() {
    let ps = people(
        "Dự họp có đồng chí Bùi Thanh Sơn- Ủy viên BTV, Trưởng ban Dân vận Tỉnh ủy; \
         ông Lê Duy Minh, Cục trưởng Cục Thuế TPHCM cho biết thêm.",
    );
    assert_eq!(
        person(&ps, "Bùi Thanh Sơn").roles,
        ["Ủy viên BTV", "Trưởng ban Dân vận Tỉnh ủy"]
    );
    assert_eq!(
        person(&ps, "Lê Duy Minh").roles,
        ["Cục trưởng Cục Thuế TPHCM"]
    );
}

#[test]
fn a_title_before_the_name_is_a_role() {
    let ps = people("Thủ tướng Nguyễn Xuân Phúc chủ trì phiên họp.");
    assert_eq!(person(&ps, "Nguyễn Xuân Phúc").roles, ["Thủ tướng"]);
}

#[test]
fn a_later_short_reference_is_the_same_person() {
    let ps = people(
        "Ông Lê Duy Minh nhận giải thưởng năm nay.\n\
         Theo ông Minh, đây là thành quả của cả tập thể. Minh cho biết sẽ tiếp tục cố gắng.",
    );
    assert_eq!(ps.len(), 1, "{:?}", names(&ps));
    assert_eq!(
        mention_texts(&ps.text, &ps[0]),
        ["Lê Duy Minh", "Minh", "Minh"]
    );
}

#[test]
fn tone_placement_variants_are_one_person() {
    let ps = people("Chị Nguyễn Thị Hòa bán hàng ở chợ. Sau đó chị Nguyễn Thị Hoà về nhà.");
    assert_eq!(ps.len(), 1, "{:?}", names(&ps));
    assert_eq!(ps[0].mentions.len(), 2);
    assert_eq!(ps[0].aliases, ["Nguyễn Thị Hoà"]);
}

#[test]
fn foreign_names() {
    let ps = people(
        "HLV Park Hang Seo hài lòng với các học trò. \
         Tổng thống Donald Trump phát biểu tại New York. Sau đó, Trump rời đi.",
    );
    assert_eq!(
        mention_texts(&ps.text, person(&ps, "Park Hang Seo")),
        ["Park Hang Seo"]
    );
    assert_eq!(
        mention_texts(&ps.text, person(&ps, "Donald Trump")),
        ["Donald Trump", "Trump"]
    );
    assert!(!names(&ps).contains(&"New York"));
}

#[test]
fn initials_keep_their_dot_and_anonymised_letters_are_people() {
    let ps = people("Nạn nhân là anh Nguyễn Văn Q. (SN 1990). Hàng xóm của bà T. kể lại sự việc.");
    assert!(names(&ps).contains(&"Nguyễn Văn Q."), "{:?}", names(&ps));
    assert!(names(&ps).contains(&"T."), "{:?}", names(&ps));
}

#[test]
fn capitalised_common_words_are_not_people() {
    let ps = people(
        "Hội nghị nhấn mạnh vai trò của Đảng, Nhà nước và Nhân dân. \
         Đoàn công tác đến xã Hưng Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa và đường Trần Hưng Đạo. \
         Công an TP. Hồ Chí Minh đã vào cuộc.",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn names_inside_organisations_are_not_people() {
    use bao::{Mention, Organisation};
    let text = "Tin trường học\n\nHọc sinh Trường THPT Nguyễn Du đạt giải nhất.\n";
    let a = loader::parse(text.to_owned(), "t");
    let start = text.find("Trường THPT").unwrap();
    let end = text.find(" đạt").unwrap();
    let org = Organisation {
        name: "Trường THPT Nguyễn Du".into(),
        mentions: vec![Mention::new(a.block_at(start).unwrap(), start, end)],
        ..Default::default()
    };
    let ps = bao::extract::people::find(&a, &[org]);
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn the_byline_is_the_author() {
    let a = article(
        "Hội nghị tổng kết\n\nÔng Phạm Văn Long phát biểu tại hội nghị tổng kết năm.\n\
         Các đại biểu thống nhất kế hoạch năm sau.\n\nLâm Thu Hà\n",
    );
    let author = person(&a.people, "Lâm Thu Hà");
    assert!(author.author);
    assert!(!person(&a.people, "Phạm Văn Long").author);
}

#[test]
fn the_seed_article() {
    let a = article(include_str!("../seeds/000_c0b6449328fbf434.txt"));
    let ps = &a.people;
    assert_eq!(
        names(ps),
        [
            "Trần Thị Lộc",
            "Hoàng Thu Trang",
            "Phạm Duy Hưng",
            "Nông Vui"
        ]
    );
    let loc = person(ps, "Trần Thị Lộc");
    assert_eq!(loc.roles, ["Ủy viên BTV", "Trưởng ban Tuyên giáo Tỉnh ủy"]);
    assert_eq!(
        person(ps, "Hoàng Thu Trang").roles,
        ["Ủy viên BTV", "Phó Chủ tịch Thường trực HĐND tỉnh"]
    );
    assert_eq!(
        person(ps, "Phạm Duy Hưng").roles,
        ["Ủy viên BTV", "Phó Chủ tịch UBND tỉnh"]
    );
    let authors: Vec<&str> = ps
        .iter()
        .filter(|p| p.author)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(authors, ["Nông Vui"]);
    let vui = person(ps, "Nông Vui");
    assert_eq!(
        a.blocks[vui.mentions[0].block()].kind,
        bao::BlockKind::Byline
    );
}

fn check_mentions(a: &Article) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for p in &a.people {
        for m in &p.mentions {
            let b = &a.blocks[m.block()];
            assert!(b.start <= m.start() && m.start() < m.end() && m.end() <= b.end);
            assert!(a.text.is_char_boundary(m.start()) && a.text.is_char_boundary(m.end()));
            spans.push((m.start(), m.end()));
        }
    }
    spans.sort_unstable();
    for w in spans.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlap {:?}", w);
    }
}

/// Text made of Vietnamese-looking pieces, so the rules actually fire.
fn vietnamesey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("ông "),
        Just("Bà "),
        Just("Nguyễn "),
        Just("Văn "),
        Just("Thị "),
        Just("Hòa"),
        Just("Hoà "),
        Just("Q."),
        Just("- "),
        Just(", "),
        Just("Chủ tịch "),
        Just("UBND tỉnh "),
        Just("Trump "),
        Just("HLV "),
        Just("\n"),
        Just("Ảnh: "),
        Just("Lộc-Trưởng "),
        Just("tỉnh "),
        Just("x"),
        Just("́"),
        Just("\u{200b}"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn mentions_lie_in_their_blocks_and_never_overlap(text in vietnamesey()) {
        check_mentions(&article(&text));
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in ".{0,300}") {
        if let Ok(a) = bao::article_from_bytes(text.as_bytes(), "t") {
            check_mentions(&a);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(a) = bao::article_from_bytes(&bytes, "t") {
            check_mentions(&a);
        }
    }
}

/// The author's names in an article whose last line is `byline`.
fn byline_people(byline: &str) -> Vec<String> {
    let a = article(&format!(
        "Hội nghị tổng kết\n\nÔng Phạm Văn Long phát biểu tại hội nghị tổng kết năm.\n\
         Các đại biểu thống nhất kế hoạch năm sau.\n\n{byline}\n"
    ));
    a.people
        .iter()
        .filter(|p| p.author)
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn bylines_signed_with_pen_names_initials_and_sources() {
    // A one-word pen name, foreign-looking, before the site.
    assert_eq!(byline_people("Kyran Trang.vn"), ["Kyran"]);
    assert_eq!(byline_people("Theo Miko/Tinmoi.vn"), ["Miko"]);
    // An initial glued to a syllable, after "Tin-ảnh:".
    assert_eq!(byline_people("Tin-ảnh: K.Hùng"), ["K.Hùng"]);
    // In a caption, the photographer after the agency's slash.
    let ps = people("Cây cầu mới được thông xe (Ảnh: TTXVN/Thế Vinh).");
    assert_eq!(names(&ps), ["Thế Vinh"], "{:?}", names(&ps));
    assert_eq!(byline_people("Q.LÂM"), ["Q.LÂM"]);
    // A first word that is also an honorific is a given name here.
    assert_eq!(byline_people("Anh Khoa"), ["Anh Khoa"]);
    assert_eq!(byline_people("CTV Diệu Linh/Báo Mới"), ["Diệu Linh"]);
    // The source after "Theo" is no person.
    assert_eq!(byline_people("Minh Đức (Theo NTV)"), ["Minh Đức"]);
    assert_eq!(byline_people("Minh Đức Theo The Garden News"), ["Minh Đức"]);
    assert!(byline_people("Theo Quxa").is_empty());
    assert!(byline_people("(Theo Quxa)").is_empty());
    assert_eq!(byline_people("Hạ Vy (T/h)"), ["Hạ Vy"]);
    assert!(byline_people("Theo KTĐT/Nhà & Phố").is_empty());
    assert!(byline_people("P.V").is_empty());
}

#[test]
fn a_name_that_speaks_or_has_a_role_in_apposition_is_a_person() {
    let ps = people(
        "“Chúng tôi đã chuẩn bị rất kỹ”, Kowalczyk cho biết sau buổi tập. \
         Lin Wei, một sinh viên năm hai, kể lại rằng lớp học kéo dài tới tối. \
         Marta Oyelaran, cựu giám đốc bảo tàng, cũng có mặt.",
    );
    for n in ["Kowalczyk", "Lin Wei", "Marta Oyelaran"] {
        person(&ps, n);
    }
    // A place, a brand and a set phrase say nothing.
    let ps = people(
        "Cảnh sát tại Brenvik cho biết đã phong tỏa khu vực. ZeoTek cho biết sản phẩm sẽ ra mắt. \
         Người dân Đồng Lâm nói riêng và cả vùng nói chung đều mừng.",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn after_a_lowercase_honorific_a_capitalised_common_word_is_a_name() {
    let ps = people("Theo ông Huyện, công trình sẽ xong trong tháng tới. Bà Sang cũng đồng ý.");
    person(&ps, "Huyện");
    person(&ps, "Sang");
    // A capitalised honorific opening a credit is no cue.
    let ps = people("Đội tuyển nữ Anh Ảnh: Tư liệu");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn a_parenthesis_with_an_age_a_birth_year_or_a_role_makes_a_person() {
    let ps = people(
        "Hôm qua, Gia Khánh (cựu giám đốc chi nhánh) bị bắt. Mei Ling (35 tuổi) và \
         Thùy Lam (SN 1990) cùng có mặt. Nhà phân tích Nga Oleg Pavlenko nhận định rằng giá sẽ tăng.",
    );
    for n in ["Gia Khánh", "Mei Ling", "Thùy Lam", "Oleg Pavlenko"] {
        person(&ps, n);
    }
    // A place in parentheses is no person.
    let ps = people("Hôm qua, Vân Đồn (Quảng Ninh) đón khách.");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn a_house_number_before_a_name_makes_an_address() {
    let ps = people(
        "Quán nằm ở số 27 Phan Đình Giót và 105 Trần Khát Chân. \
         Đoàn giành 2 HCĐ Lê Thị Hoa, Đỗ Văn Tài. Lúc 15:20 Hoàng Minh Đạt ghi bàn.",
    );
    assert_eq!(
        names(&ps),
        ["Lê Thị Hoa", "Đỗ Văn Tài", "Hoàng Minh Đạt"],
        "{:?}",
        names(&ps)
    );
}

#[test]
fn a_foreign_name_may_open_with_its_particle() {
    let ps = people(
        "Kỹ sư Pieter van der Hoek thiết kế cây cầu. Sau đó, van der Hoek cho biết công trình \
         sẽ bền. Phần mềm do Microsoft phát triển.",
    );
    let p = person(&ps, "Pieter van der Hoek");
    assert_eq!(
        mention_texts(&ps.text, p),
        ["Pieter van der Hoek", "van der Hoek"]
    );
    assert_eq!(ps.len(), 1, "{:?}", names(&ps));
}

#[test]
fn common_words_titles_and_pageants_written_with_capitals_are_no_people() {
    let ps = people(
        "Bà Trần Thị Đồng nhận giải. Đồng thời, xã tổ chức lễ. \
         Vua lên ngôi Hoàng Đế năm ấy. Cô dự thi Hoa hậu Hoàn Vũ Việt Nam năm nay. \
         Trận đấu diễn ra ở Anh. Câu chuyện bắt đầu từ đó. Môn Pencak, Lê Văn Đỏ giành vàng.",
    );
    assert_eq!(
        names(&ps),
        ["Trần Thị Đồng", "Lê Văn Đỏ"],
        "{:?}",
        names(&ps)
    );
    assert_eq!(
        mention_texts(&ps.text, person(&ps, "Trần Thị Đồng")),
        ["Trần Thị Đồng"]
    );
}

#[test]
fn years_places_firms_and_festivals_shaped_like_names_are_no_people() {
    let ps = people(
        "Bé chào đời vào năm Canh Tý. Xe khách tập trung ở bến xe Mỹ Đình, Cao Lỗ. \
         Đường Trần Quang Khải đông đúc. Cả nhà vui đón Trung Thu. Hãng Mellor&Finch ra mắt \
         sản phẩm. Người dân phía Nam đã quen.",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn a_name_after_its_description_starts_at_its_surname() {
    let ps = people(
        "Cựu binh Trường Sa Đỗ Văn Lành được tặng quà. Trước đó, đội bạn đã mất Theo Albrecht, \
         David Kessler vì chấn thương. Vua Lê Thánh Tông về thăm.",
    );
    for n in [
        "Đỗ Văn Lành",
        "Theo Albrecht",
        "David Kessler",
        "Lê Thánh Tông",
    ] {
        person(&ps, n);
    }
}

#[test]
fn a_common_foreign_given_name_alone_is_a_person_and_names_its_list() {
    let ps = people("Hàng công có Gustavo, Brennard và Oxley. Mẫu xe Victor 2 vừa ra mắt.");
    assert_eq!(
        names(&ps),
        ["Gustavo", "Brennard", "Oxley"],
        "{:?}",
        names(&ps)
    );
}

#[test]
fn east_asian_names_by_their_shape_and_more_foreign_given_names() {
    let ps = people(
        "Ông Kim Dong-soo phát biểu tại hội nghị. Sau đó, Zhou Xiaoming trả lời phóng viên. \
         Theo Takeshi Moriyama, dự án sẽ xong. Tân HLV Xu Jiahao nhận việc. \
         Thủ môn Guillermo Pardo bắt chính.",
    );
    for n in [
        "Kim Dong-soo",
        "Zhou Xiaoming",
        "Takeshi Moriyama",
        "Xu Jiahao",
        "Guillermo Pardo",
    ] {
        person(&ps, n);
    }
    // Firms, vehicles and places with such words are no people.
    let ps = people(
        "Xe Kawasaki Ninja mới ra mắt. Hãng Tai He Fruit lãi lớn. Cô học ở Université du Maine. \
         Quốc khánh Vương quốc Saudi Arabia được tổ chức.",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn romaji_shape() {
    // Checked through the people pass: two romanised Japanese words with no cue.
    let ps = people("Hôm qua Haruki Nakamura đến Hà Nội.");
    person(&ps, "Haruki Nakamura");
    let ps = people("Hôm qua Sadie Fulton đến Hà Nội.");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn speech_makes_a_person_only_of_name_shaped_words() {
    let ps = people(
        "“Tôi sẽ quay lại”, Brannock nói. Vexio cho rằng giá sẽ giảm. \
         Ban quản lý khu Yên Hòa nhận định lượng khách tăng. Tờ báo Fixer’s Daily cho biết thêm. \
         Bệnh Kessling, một bệnh hiếm, đã được chữa.",
    );
    assert_eq!(names(&ps), ["Brannock"], "{:?}", names(&ps));
}

#[test]
fn a_list_after_a_whole_known_place_may_hold_people() {
    let ps = people("Hai người gồm Lê Văn Toàn, ngụ TP Đà Lạt và Phạm Minh Khoa (23 tuổi).");
    for n in ["Lê Văn Toàn", "Phạm Minh Khoa"] {
        person(&ps, n);
    }
}

#[test]
fn two_given_names_mid_sentence_keep_a_first_word_that_is_also_a_title_or_word() {
    let ps = people(
        "Đội hình xuất phát: Văn Hòa, Thế Kiệt, Cảnh Toàn và Hữu Lộc. \
         Ông dạy ở Khoa Khoa học máy tính từ niên hiệu Cảnh Thịnh 5.",
    );
    for n in ["Thế Kiệt", "Cảnh Toàn"] {
        person(&ps, n);
    }
    assert!(
        !names(&ps)
            .iter()
            .any(|n| n.starts_with("Khoa") || n.starts_with("Cảnh Thịnh")),
        "{:?}",
        names(&ps)
    );
}

#[test]
fn a_name_after_an_unknown_place_of_two_words_is_found() {
    let ps = people(
        "Phó Chủ tịch xã Tân Lạc Trịnh Văn Bảo cho biết lúa đã chín. \
         Nhà hàng nằm trên đường Tôn Đức Thắng.",
    );
    assert_eq!(names(&ps), ["Trịnh Văn Bảo"], "{:?}", names(&ps));
}

#[test]
fn a_foreign_first_name_before_a_common_one_belongs_to_the_name() {
    let ps = people(
        "Hàng công có Tarjei Andre Lund. Người phát ngôn Điện Kremlin Dmitry Sokolov nói thêm.",
    );
    person(&ps, "Tarjei Andre Lund");
    person(&ps, "Dmitry Sokolov");
    assert_eq!(ps.len(), 2, "{:?}", names(&ps));
}
