//! Tables for people: surnames, titles, honorifics, role words, and the capitalised words and
//! places that look like names but are not.
//!
//! Every table is written in lowercase; lookups go through
//! [`crate::extract::people::key::canonical`], so tone placement ("Hòa"/"Hoà") and case do not
//! matter. Nothing here is a list of particular people: only how Vietnamese news writes names.

use crate::extract::people::key::{canonical, FastBuild, FastSet};
use std::sync::LazyLock;

/// Vietnamese family names, including those of ethnic minorities and the Sino-Vietnamese
/// readings the press uses for Chinese names. "Văn" is left out: far more often a middle name.
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
    "ngô", "dương", "lý", "lí", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai",
    "tô", "hà", "tạ", "đinh", "lương", "lưu", "cao", "chu", "đàm", "kiều", "lã", "lại", "châu",
    "quách", "tăng", "thái", "nghiêm", "triệu", "mạc", "mạch", "khúc", "khổng", "khương", "thân",
    "diệp", "doãn", "hứa", "kim", "lò", "lù", "giàng", "sùng", "vàng", "hầu", "thào", "nông", "bế",
    "sầm", "lường", "quàng", "cầm", "tòng", "điêu", "bạch", "biện", "cù", "đậu", "hàn", "kha",
    "khuất", "lỗ", "mẫn", "nhâm", "ninh", "phí", "tiêu", "tống", "trình", "vi", "bành", "thạch",
    "danh", "lữ", "mã", "lỡ", "ôn", "tôn", "điểu", "ksor", "siu", "rơ", "rah", "kpă", "y", "h",
    "hờ", "giáp", "mầu", "mông", "thiều", "thều", "tiết", "vy", "dư", "nghê", "ngụy", "khâu",
];

/// Words of address and description that come right before a name and are not part of it.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cậu", "bé", "cháu", "mợ", "dì",
    "thím", "cố", "thầy", "cô giáo", "thầy giáo", "bị cáo", "bị can", "nghi phạm", "nghi can",
    "đối tượng", "nạn nhân", "bệnh nhân", "sản phụ", "cháu bé", "bé gái", "bé trai", "học sinh",
    "sinh viên", "nữ sinh", "nam sinh", "thí sinh", "cô gái", "chàng trai", "cụ ông", "cụ bà",
    "người đẹp", "cựu binh", "thương binh", "liệt sĩ", "đồng đội", "học trò", "bạn", "người yêu",
    "bạn gái", "bạn trai", "hôn phu", "hôn thê", "đồng chí", "đ/c", "vợ chồng", "bố", "mẹ",
    "con trai", "con gái", "vợ", "chồng", "ông bà", "tên", "danh tướng", "bầu", "già làng",
    "mẹ việt nam anh hùng", "ngài", "người mẹ", "người cha", "lái xe", "tài xế", "chủ xe",
    "chủ nhà", "chủ quán", "chủ hộ", "chiến sĩ", "bộ đội", "cảnh sát", "phạm nhân", "người phụ nữ",
    "người đàn ông", "thiếu nữ", "nữ du khách", "du khách", "cô bé", "cậu bé", "họ",
];

/// Titles, ranks, offices and professions written before a name. Each is also a role
/// ("Thủ tướng Nguyễn Xuân Phúc" gives role "Thủ tướng").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    // Party and state.
    "tổng bí thư", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "chủ tịch nước",
    "phó chủ tịch nước", "chủ tịch quốc hội", "thủ tướng", "phó thủ tướng", "bộ trưởng",
    "thứ trưởng", "tổng thống", "phó tổng thống", "ngoại trưởng", "đại sứ", "tổng lãnh sự",
    "thống đốc", "phó thống đốc", "thị trưởng", "tổng thư ký", "nghị sĩ", "thượng nghị sĩ",
    "hạ nghị sĩ", "đại biểu", "ủy viên", "chủ nhiệm", "phó chủ nhiệm", "trưởng ban",
    "phó trưởng ban", "chánh văn phòng", "phó chánh văn phòng", "chánh thanh tra", "thanh tra viên",
    "người phát ngôn", "quốc vương", "vua", "hoàng đế", "nữ hoàng", "hoàng tử", "công chúa",
    "thái tử", "hoàng hậu", "thái hậu", "quận chúa", "tướng quân", "tư lệnh", "phó tư lệnh",
    "chính ủy", "phó chính ủy", "chỉ huy trưởng", "phó chỉ huy trưởng", "tham mưu trưởng",
    "cục trưởng", "phó cục trưởng", "vụ trưởng", "phó vụ trưởng", "viện trưởng", "phó viện trưởng",
    "chánh án", "phó chánh án", "thẩm phán", "hội thẩm", "kiểm sát viên", "điều tra viên",
    "trưởng phòng", "phó trưởng phòng", "trưởng công an", "phó trưởng công an", "trưởng khoa",
    "phó trưởng khoa", "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc",
    "giám đốc điều hành", "chủ tịch hđqt", "hiệu trưởng", "phó hiệu trưởng", "đội trưởng",
    "đội phó", "tổ trưởng", "trưởng thôn", "trưởng bản", "trưởng ấp", "trưởng trạm", "trạm trưởng",
    "thuyền trưởng", "chủ tịch ubnd", "chủ tịch hđnd", "bí thư tỉnh ủy", "bí thư thành ủy",
    "bí thư huyện ủy", "bí thư đảng ủy", "trưởng đoàn", "phó trưởng đoàn", "tổng biên tập",
    "phó tổng biên tập", "chủ biên", "trưởng đại diện", "chủ tọa", "chủ tọa phiên tòa", "ceo",
    "chủ doanh nghiệp", "chủ đầu tư", "nhà sáng lập", "đồng sáng lập", "sáng lập viên", "trợ lý",
    "thư ký", "cố vấn", "phát ngôn viên",
    // Ranks.
    "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá",
    "thiếu tá", "đại úy", "thượng úy", "trung úy", "thiếu úy", "thượng sĩ", "trung sĩ", "hạ sĩ",
    "binh nhất", "binh nhì", "chuẩn úy", "đô đốc", "phó đô đốc", "chuẩn đô đốc", "tướng",
    "đại tá quân đội",
    // Degrees and professions.
    "gs", "pgs", "ts", "ths", "bs", "ks", "ls", "gs.ts", "pgs.ts", "gs.tskh", "tskh", "bsck",
    "ths.bs", "ts.bs", "bs.ckii", "bs.cki", "ncs", "cn", "giáo sư", "phó giáo sư", "tiến sĩ",
    "thạc sĩ", "bác sĩ", "bác sỹ", "dược sĩ", "y tá", "điều dưỡng", "kỹ sư", "kiến trúc sư",
    "luật sư", "nhà báo", "phóng viên", "pv", "biên tập viên", "nhà văn", "nhà thơ",
    "nhà nghiên cứu", "nhà khoa học", "nhà sử học", "nhà kinh tế", "nhà phê bình", "chuyên gia",
    "nhà giáo", "giảng viên", "giáo viên", "nhạc sĩ", "ca sĩ", "nữ ca sĩ", "nam ca sĩ", "diễn viên",
    "nữ diễn viên", "nam diễn viên", "đạo diễn", "nhà sản xuất", "biên kịch", "người mẫu",
    "hoa hậu", "á hậu", "nam vương", "mc", "nghệ sĩ", "nsnd", "nsưt", "nghệ sĩ nhân dân",
    "nghệ sĩ ưu tú", "họa sĩ", "nhiếp ảnh gia", "nhà quay phim", "quay phim", "biên đạo",
    "nhà tạo mẫu tóc", "nhà thiết kế", "ntk", "stylist", "rapper", "dj", "vận động viên", "vđv",
    "cầu thủ", "danh thủ", "tuyển thủ", "thủ môn", "thủ thành", "hậu vệ", "trung vệ", "tiền vệ",
    "tiền đạo", "tiền đạo cắm", "đội trưởng", "huấn luyện viên", "hlv", "trợ lý hlv",
    "trợ lý huấn luyện viên", "ông thầy", "chiến lược gia", "ngôi sao", "siêu sao", "minh tinh",
    "tài tử", "mỹ nhân", "võ sĩ", "kỳ thủ", "tay vợt", "tay đua", "chủ tịch clb", "tân binh",
    "trọng tài", "tỷ phú", "tỉ phú", "doanh nhân", "nhà đầu tư", "nhà tài trợ", "ông chủ", "bà chủ",
    "thiền sư", "hòa thượng", "thượng tọa", "đại đức", "ni sư", "sư cô", "sư thầy", "linh mục",
    "mục sư", "giám mục", "tổng giám mục", "hồng y", "giáo hoàng", "thánh", "nhà hiền triết",
    "danh nhân", "anh hùng", "nhà cách mạng", "nhà ngoại giao", "nhà hoạt động", "nhà toán học",
    "nhà vật lý", "nhà thám hiểm", "nhà vô địch", "lực sĩ", "blogger", "vlogger", "hot girl",
    "hot boy", "youtuber", "streamer", "thủ quỹ", "kế toán", "kế toán trưởng",
    "trưởng phòng kế toán", "nhà đồng sáng lập", "nhà tạo mẫu", "nhà thơ trẻ", "nghệ nhân",
    "nghệ nhân ưu tú", "nghệ nhân nhân dân", "bác sĩ chuyên khoa", "dịch giả", "soạn giả",
    "tác giả", "siêu mẫu", "hoa khôi", "á khôi", "á vương", "quán quân", "á quân", "giám khảo",
    "thành hoàng", "hoàng thượng", "thái thượng hoàng",
];

/// Capitalised words that begin roles after a name ("Name- Ủy viên BTV, Trưởng ban …").
#[rustfmt::skip]
const ROLE_HEADS: &[&str] = &[
    "ủy viên", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "trưởng ban", "phó trưởng ban",
    "trưởng phòng", "phó trưởng phòng", "giám đốc", "phó giám đốc", "tổng giám đốc",
    "phó tổng giám đốc", "cục trưởng", "phó cục trưởng", "vụ trưởng", "phó vụ trưởng",
    "viện trưởng", "phó viện trưởng", "chánh án", "phó chánh án", "chánh văn phòng",
    "phó chánh văn phòng", "chánh thanh tra", "phó chánh thanh tra", "bộ trưởng", "thứ trưởng",
    "thủ tướng", "phó thủ tướng", "tổng thống", "phó tổng thống", "hiệu trưởng", "phó hiệu trưởng",
    "chủ nhiệm", "phó chủ nhiệm", "trưởng khoa", "phó trưởng khoa", "đại biểu", "đại sứ",
    "tổng lãnh sự", "người phát ngôn", "phát ngôn viên", "chỉ huy trưởng", "phó chỉ huy trưởng",
    "chính ủy", "phó chính ủy", "tư lệnh", "phó tư lệnh", "tham mưu trưởng", "tổng biên tập",
    "phó tổng biên tập", "giám đốc điều hành", "ceo", "nhà sáng lập", "đồng sáng lập", "trưởng",
    "phó", "tổng thư ký", "thư ký", "trợ lý", "cố vấn", "thành viên", "đội trưởng", "đội phó",
    "tổ trưởng", "trưởng thôn", "trưởng bản", "trưởng ấp", "thống đốc", "phó thống đốc",
    "thị trưởng", "chủ tịch hđqt", "tổng bí thư", "trưởng đoàn", "trưởng đại diện",
    "kế toán trưởng", "thẩm phán", "kiểm sát viên", "điều tra viên", "ngoại trưởng", "nghị sĩ",
    "giảng viên", "giáo viên", "chuyên viên", "cán bộ", "nhân viên", "trưởng trạm", "trạm trưởng",
];

/// Words before a capitalised run that make it a place: its names are not people
/// ("đường Trần Hưng Đạo", "xã Hưng Lộc", "TP. Hồ Chí Minh").
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "tỉnh", "huyện", "xã", "phường", "thị trấn", "thị xã", "quận", "tp", "thành phố", "đường",
    "phố", "ngõ", "ngách", "hẻm", "kiệt", "thôn", "ấp", "bản", "làng", "xóm", "khu phố",
    "tổ dân phố", "khóm", "cầu", "sông", "núi", "chợ", "sân bay", "sân vận động", "svđ", "sân",
    "cảng", "vịnh", "đảo", "hồ", "đèo", "quốc lộ", "ql", "tỉnh lộ", "đại lộ", "vùng", "miền", "khu",
    "khu vực", "khu đô thị", "kđt", "chung cư", "tòa nhà", "bến", "bến xe", "ga", "phà", "đình",
    "đền", "chùa", "lăng", "nhà thờ", "tượng", "tượng đài", "quảng trường", "công viên", "bãi biển",
    "biển", "suối", "thác", "hang", "động", "rạch", "kênh", "đầm", "phá", "cồn", "bán đảo",
    "quần đảo", "thủ đô", "bang", "hạt", "vùng đất", "xứ", "nước", "tiểu bang", "tư tưởng",
    "di chúc", "thời", "triều", "triều đại", "nhà", "dòng họ", "tộc", "dòng", "đội", "đội tuyển",
    "clb", "câu lạc bộ", "giải", "giải thưởng", "quỹ", "trường", "lớp", "công ty", "hãng",
    "tập đoàn", "doanh nghiệp", "cửa hàng", "nhà hàng", "khách sạn", "quán", "phim", "bộ phim",
    "tác phẩm", "cuốn", "cuốn sách", "sách", "bài hát", "ca khúc", "album", "mv", "chương trình",
    "dự án", "chiến dịch", "tàu", "tàu ngầm", "tên lửa", "cơn bão", "bão", "thương hiệu",
    "nhãn hiệu", "bệnh viện", "trung tâm", "học viện", "viện", "đại học", "trường đại học", "thpt",
    "thcs", "th", "mầm non", "tiểu học", "cao đẳng", "huân chương", "giải thưởng", "danh hiệu",
    "cúp", "sư đoàn", "trung đoàn", "tiểu đoàn", "đại đội", "lữ đoàn", "quân khu", "vườn quốc gia",
    "khu bảo tồn", "di tích", "khu di tích", "nhà văn hóa", "cung văn hóa", "hội trường", "nhà hát",
    "rạp", "bảo tàng", "thư viện", "tỉnh lỵ", "tp.", "huyện lỵ", "thị tứ", "buôn", "plây", "sóc",
    "mường", "ngã tư", "ngã ba", "ngã năm", "ngã sáu", "số nhà", "tháng", "phổ thông", "trung học",
    "dân lập", "trung học cơ sở", "thế kỷ", "tuyến đường", "tuyến phố", "p", "q", "tx", "tt",
    "gò", "đồi", "rừng", "đất", "miếu", "phía", "hướng",
];

/// Capitalised run openers (after a place or org word, or on their own) that are never the
/// start of a person's name: state words, generic nouns written with a capital.
#[rustfmt::skip]
const NOT_NAME_START: &[&str] = &[
    "nhà", "nước", "đảng", "hội", "ban", "bộ", "sở", "cục", "phòng", "công ty", "ty", "bệnh",
    "viện", "tòa", "án", "ủy", "uỷ", "đội", "chính", "phủ", "tỉnh", "huyện", "xã", "phố", "quận",
    "phường", "ương", "mặt", "trận", "tổ", "tổng", "theo", "trong", "ngoài", "sau", "trước", "khi",
    "tại", "với", "và", "nhưng", "còn", "các", "những", "một", "ngày", "tháng", "thứ", "chủ",
    "tuần", "sáng", "chiều", "tối", "đêm", "hiện", "đây", "đó", "này", "ảnh", "video", "clip",
    "tin", "bài", "báo", "tờ", "kênh", "đài", "tuổi", "lúc", "đến", "vì", "do", "nếu", "để", "cho",
    "người", "tôi", "chúng", "họ", "mình", "ai", "gì", "sao", "nay", "hôm", "chiến", "tranh",
    "cách", "mạng", "tết", "giáng", "phật", "chúa", "trời", "thánh", "thần", "cảnh", "sát", "biên",
    "lực", "lượng", "kinh", "tế", "giáo", "dục", "khoa", "học", "thể", "thao", "du", "lịch",
    "nghiệp", "vậy", "thế", "nên", "mà", "hay", "hoặc", "cả", "mọi", "mỗi", "tất", "cũng", "đã",
    "đang", "sẽ", "vẫn", "rồi", "chỉ", "có", "không", "là", "bởi", "vào", "ra", "lên", "xuống",
    "về", "trên", "dưới", "giữa", "bên", "cùng", "ông", "bà", "anh", "chị", "em", "cô", "chú",
    "bác", "cụ", "điều", "luật", "nghị định", "thông tư", "quyết định", "hiến pháp", "đại",
    "trung tâm", "học viện", "sư", "tiểu", "mầm", "thpt", "thcs", "ubnd", "hđnd", "tand", "vksnd",
    "csgt", "clb", "fc", "hè", "mùa", "thậm", "giờ", "gã", "cắt", "chuyển",
    "ở", "tới", "sang", "bởi", "nhờ", "rằng", "môn",
];

/// Provinces, large cities, regions, countries and continents as the Vietnamese press writes
/// them. A capitalised run that is one of these is a place, even when it starts with a surname
/// ("Hà Nội", "Thái Lan", "Hoàng Sa").
#[rustfmt::skip]
const PLACES: &[&str] = &[
    // Provinces and cities.
    "hà nội", "hồ chí minh", "tp.hcm", "tphcm", "hải phòng", "đà nẵng", "cần thơ", "an giang",
    "bà rịa", "vũng tàu", "bà rịa - vũng tàu", "bắc giang", "bắc kạn", "bắc cạn", "bạc liêu",
    "bắc ninh", "bến tre", "bình định", "bình dương", "bình phước", "bình thuận", "cà mau",
    "cao bằng", "đắk lắk", "đắk nông", "điện biên", "đồng nai", "đồng tháp", "gia lai", "hà giang",
    "hà nam", "hà tĩnh", "hải dương", "hậu giang", "hòa bình", "hưng yên", "khánh hòa",
    "kiên giang", "kon tum", "lai châu", "lâm đồng", "lạng sơn", "lào cai", "long an", "nam định",
    "nghệ an", "ninh bình", "ninh thuận", "phú thọ", "phú yên", "quảng bình", "quảng nam",
    "quảng ngãi", "quảng ninh", "quảng trị", "sóc trăng", "sơn la", "tây ninh", "thái bình",
    "thái nguyên", "thanh hóa", "thừa thiên huế", "thừa thiên - huế", "huế", "tiền giang",
    "trà vinh", "tuyên quang", "vĩnh long", "vĩnh phúc", "yên bái", "sài gòn", "hà tây", "hà đông",
    "sơn tây", "hoàng sa", "trường sa", "phú quốc", "côn đảo", "lý sơn", "cát bà", "hạ long",
    "sa pa", "đà lạt", "nha trang", "quy nhơn", "vinh", "buôn ma thuột", "pleiku", "biên hòa",
    "mỹ tho", "long xuyên", "rạch giá", "châu đốc", "hội an", "mũi né", "phan thiết", "cam ranh",
    "hoàng mai", "hai bà trưng", "đống đa", "ba đình", "hoàn kiếm", "tây hồ", "cầu giấy",
    "thanh xuân", "long biên", "nam từ liêm", "bắc từ liêm", "gò vấp", "tân bình", "bình thạnh",
    "phú nhuận", "thủ đức", "tân phú", "bình tân", "củ chi", "hóc môn", "nhà bè", "cần giờ",
    "bình chánh", "mai châu", "tam đảo", "tây bắc", "tây nguyên", "đông bắc", "nam bộ", "bắc bộ",
    "trung bộ", "miền tây", "đồng bằng sông cửu long", "cửu long", "mê kông", "mekong", "hồng hà",
    "tô lịch", "trường sơn", "hoàng liên sơn", "phan xi păng", "tràng an", "hồ gươm",
    // Peoples: "đồng bào Thái", "cô gái Mông".
    "thái", "mông", "h'mông", "hmông", "dao", "tày", "nùng", "kinh", "khmer", "mường", "ê đê",
    "gia rai", "ba na", "xơ đăng", "chăm", "sán dìu", "sán chay", "hrê", "cơ ho", "xtiêng",
    // What pageants and titles are "of": "Hoa hậu Hoàn vũ", "Hoa hậu Thế giới".
    "hoàn vũ", "thế giới", "trái đất", "hoàn cầu", "liên lục địa",
    // Countries and continents.
    "việt nam", "trung quốc", "nhật bản", "hàn quốc", "triều tiên", "thái lan", "lào", "campuchia",
    "cam-pu-chia", "mỹ", "hoa kỳ", "nga", "anh", "pháp", "đức", "ý", "italia", "tây ban nha",
    "bồ đào nha", "hà lan", "bỉ", "thụy sĩ", "thụy điển", "na uy", "phần lan", "đan mạch", "ba lan",
    "áo", "hy lạp", "thổ nhĩ kỳ", "ai cập", "ấn độ", "úc", "new zealand", "canada", "brazil",
    "argentina", "mexico", "chile", "cuba", "triều", "đài loan", "hồng kông", "hong kong", "ma cao",
    "singapore", "malaysia", "indonesia", "philippines", "myanmar", "mông cổ", "iran", "iraq",
    "syria", "israel", "palestine", "anh quốc", "ả rập", "ả rập xê út", "ả-rập xê-út", "saudi arabia", "ả rập saudi", "jordan", "georgia",
    "matxcơva", "moskva", "qatar", "nam phi",
    "nigeria", "kenya", "ukraine", "belarus", "séc", "hungary", "romania", "bulgaria", "serbia",
    "croatia", "ireland", "scotland", "xứ wales", "pakistan", "afghanistan", "bangladesh",
    "sri lanka", "nepal", "bhutan", "iceland", "na-uy", "thụy-điển", "estonia", "latvia",
    "lithuania", "slovakia", "slovenia", "bosnia", "montenegro", "albania", "macedonia",
    "moldova", "armenia", "azerbaijan", "kazakhstan", "uzbekistan", "turkmenistan",
    "kyrgyzstan", "tajikistan", "lebanon", "li-băng", "yemen", "oman", "kuwait",
    "bahrain", "uae", "libya", "tunisia", "algeria", "morocco", "ma-rốc", "sudan", "ethiopia",
    "somalia", "ghana", "senegal", "cameroon", "uganda", "tanzania", "zimbabwe", "angola",
    "mozambique", "madagascar", "peru", "colombia", "venezuela", "ecuador", "bolivia",
    "paraguay", "uruguay", "panama", "costa rica", "jamaica", "haiti", "brunei", "timor-leste",
    "đông timor", "papua new guinea", "fiji", "luxembourg", "monaco", "síp", "malta",
    "kashmir", "crimea", "gaza", "bờ tây", "alaska", "hawaii", "california", "texas", "florida",
    "queensland", "okinawa", "hokkaido", "siberia", "catalonia", "bavaria", "châu âu", "châu á", "châu phi", "châu mỹ",
    "châu úc", "bắc mỹ", "nam mỹ", "mỹ latinh", "trung đông", "đông nam á", "đông á", "nam á",
    "biển đông", "thái bình dương", "đại tây dương", "ấn độ dương", "bắc cực", "nam cực",
    "washington", "new york", "london", "paris", "tokyo", "seoul", "bắc kinh", "thượng hải",
    "moscow", "mát-xcơ-va", "berlin", "rome", "madrid", "barcelona", "milan", "bangkok",
    "viêng chăn", "phnom penh", "kuala lumpur", "jakarta", "manila", "sydney", "bình nhưỡng",
    "quảng châu", "quảng tây", "vân nam", "hải nam", "tứ xuyên", "thâm quyến", "đông kinh", "việt",
    "dân việt", "quảng đông", "tân cương", "tây tạng", "hồ nam", "hồ bắc", "hà bắc", "sơn đông",
    "giang tô", "chiết giang", "phúc kiến", "cát lâm", "hắc long giang", "liêu ninh", "thiểm tây",
    "cam túc", "an huy", "giang tây", "trùng khánh", "thiên tân", "nội mông", "hương cảng",
    "thành đô", "triết giang", "đại liên", "đại hưng", "thẩm dương", "vũ hán", "nam kinh",
    "tây an", "hàng châu", "tô châu", "hạ môn", "thanh đảo", "côn minh", "quý châu", "hợp phì",
    "phúc châu", "quý dương", "nam ninh", "lạc dương", "khai phong", "đại lộc", "điện bàn",
    "tam kỳ", "hội an",
];

/// Common given names (the first word of a foreign name) that make a foreign capitalised run a
/// person even with no title before it ("David Beckham", "Donald Trump").
#[rustfmt::skip]
const FOREIGN_GIVEN: &[&str] = &[
    "adam", "adrian", "ahmed", "alan", "albert", "alex", "alexander", "alexis", "ali", "alice",
    "andrea", "andreas", "andrew", "andres", "andy", "angela", "angelina", "anna", "anne",
    "anthony", "antoine", "antonio", "arnold", "arthur", "barack", "ben", "benjamin", "bernard",
    "bill", "bob", "boris", "brad", "brian", "bruce", "bruno", "carl", "carlos", "charles",
    "charlie", "chris", "christian", "christopher", "claude", "claudio", "cristiano", "daniel",
    "daniele", "dani", "david", "dennis", "didier", "diego", "dmitry", "donald", "edward",
    "elizabeth", "elon", "emily", "emma", "emmanuel", "eric", "eugene", "fernando", "francesco",
    "francis", "francisco", "frank", "franz", "fred", "gabriel", "gareth", "george", "gerard",
    "gianluigi", "giorgio", "gordon", "harry", "hassan", "helen", "henry", "hillary", "hugo",
    "ivan", "jack", "jacob", "jake", "james", "jamie", "jan", "jane", "jason", "javier", "jean",
    "jeff", "jennifer", "jeremy", "jerry", "jesse", "jessica", "jim", "jimmy", "joe", "johan",
    "john", "johnny", "jordan", "jorge", "jose", "josé", "joseph", "juan", "julia", "julian",
    "justin", "karen", "karim", "kate", "katie", "kevin", "kim", "kylian", "laura", "lauren", "leo",
    "leonardo", "lewis", "lionel", "lisa", "louis", "luis", "luka", "lucas", "luke", "marco",
    "marcus", "maria", "mario", "mark", "martin", "mary", "mateo", "matt", "matthew", "max",
    "michael", "michel", "mike", "mohamed", "mohammed", "muhammad", "nathan", "neymar", "nicolas",
    "nick", "oliver", "olivier", "pablo", "patrick", "paul", "paulo", "pedro", "pep", "peter",
    "phil", "philip", "pierre", "rafael", "raphael", "ralph", "raul", "rex", "richard", "rick",
    "rob", "robert", "roberto", "robin", "roger", "romelu", "ronald", "ryan", "sam", "samuel",
    "sarah", "scott", "sean", "sebastian", "sergei", "sergey", "sergio", "sergi", "simon", "sophie",
    "stefan", "stephen", "steve", "steven", "susan", "taylor", "theresa", "thomas", "tim",
    "timothy", "tom", "tony", "victor", "vincent", "vladimir", "walter", "wayne", "william",
    "xavier", "yuri", "zinedine", "zlatan", "eden", "recep", "xi", "shinzo", "moon", "kim jong",
    "mahmoud", "abdul", "abu", "osama", "omar", "angelo", "alessandro", "federico", "lorenzo",
    "matteo", "nikolai", "alexei", "mikhail", "olga", "natalia", "anastasia", "ekaterina",
    "tatiana", "hans", "klaus", "jurgen", "jürgen", "thierry", "fabien", "fabio", "gustavo",
    "ricardo", "marcelo", "rodrigo", "jesus", "miguel", "manuel", "alvaro", "álvaro", "iker",
    "gerardo", "ernest", "marie", "nancy", "hugh", "kristen", "chloe", "selena", "justin", "ariana",
    "rihanna", "beyonce", "kanye", "jay",
    // More given names from the languages the press quotes most.
    "aaron", "abdullah", "adel", "adriana", "agnes", "ahmad", "aidan", "akira", "alberto",
    "aleksandr", "aleksey", "alexandra", "alexandre", "alfred", "alfredo", "alicia", "allen",
    "amanda", "amy", "ana", "anders", "andre", "andré", "andrei", "andrey", "andriy", "anton",
    "antonia", "ashley", "barbara", "bastian", "benedict", "benoit", "bernardo", "bertrand",
    "bjorn", "björn", "blake", "brandon", "brendan", "brett", "caleb", "camila", "carla", "carlo",
    "carmen", "carolina", "caroline", "catherine", "cesar", "césar", "charlotte", "christina",
    "christine", "christoph", "christophe", "cindy", "claire", "clara", "claudia", "colin",
    "connor", "craig", "cristian", "cynthia", "damian", "dana", "danilo", "darius", "darren",
    "dave", "dean", "deborah", "denis", "derek", "diana", "dimitri", "dmitri", "dominic",
    "dominik", "doug", "douglas", "duncan", "dustin", "dylan", "edgar", "edinson", "eduardo",
    "edwin", "elena", "elias", "elisa", "emil", "emilia", "emilio", "emre", "enrique", "erik",
    "ernesto", "esteban", "ethan", "evan", "fabian", "fabiana", "farid", "felipe", "felix",
    "fernanda", "filip", "florian", "francois", "françois", "frederic", "frédéric", "gabriela",
    "gary", "gavin", "georg", "gerald", "gianni", "gilbert", "giovanni", "gonzalo", "graham",
    "greg", "gregory", "guillaume", "guillermo", "gunnar", "hakan", "harold", "harvey", "hector",
    "héctor", "heinz", "helmut", "hernan", "hernán", "hideki", "hiroshi", "horst", "howard",
    "hussein", "ibrahim", "igor", "ilya", "ingrid", "irina", "isabel", "isabella", "ismail",
    "jacques", "jaime", "jakob", "jared", "joachim", "joaquin", "joel", "jon", "jonas", "jonathan",
    "josef", "josh", "joshua", "julien", "julio", "karl", "katarina", "keith", "kenji", "kenneth",
    "khalid", "kirill", "kristian", "kurt", "kyle", "lars", "leon", "leonid", "liam", "linda",
    "louise", "luca", "lucia", "luciano", "ludwig", "luigi", "lukas", "magnus", "maksim",
    "malik", "marc", "marcel", "marek", "margaret", "mariano", "marina", "marion", "marko",
    "markus", "martha", "martina", "mason", "mathias", "matthias", "mauricio", "maurice",
    "maxim", "maxime", "megan", "melissa", "mehmet", "mesut", "michelle", "mikael", "miroslav",
    "mohammad", "monica", "mustafa", "nadia", "naomi", "nasser", "neil", "nicholas", "nicola",
    "nicole", "niklas", "nikola", "nikolay", "nils", "noah", "norman", "oleg",
    "owen", "pascal", "patricia", "paula", "pavel", "petr", "petra", "philippe", "rachel",
    "ramon", "ramón", "randy", "raymond", "rebecca", "reza", "rita", "robbie", "roberta", "roman",
    "romain", "ronaldo", "ross", "ruben", "rúben", "rudolf", "rui", "russell", "sabrina", "saeed",
    "salman", "samir", "sandra", "sara", "sasha", "saul", "serena", "shane", "shaun", "shinji",
    "silvia", "simone", "sofia", "sonia", "stanislav", "stefano", "stephanie", "sven", "sylvain",
    "takashi", "tanya", "teresa", "thiago", "thorsten", "tiago", "tobias", "todd", "tomas",
    "tomás", "toni", "travis", "trevor", "troy", "ulrich", "valentin", "valentina", "valery",
    "vanessa", "vera", "veronica", "viktor", "vitaly", "volker", "werner", "wesley", "wilfried",
    "willem", "wolfgang", "yasmin", "yousef", "youssef", "yusuf", "zach", "zachary", "zoe",
];

fn set(words: &[&str]) -> FastSet<String> {
    words.iter().map(|w| canonical(w)).collect()
}

pub static SURNAME: LazyLock<FastSet<String>> = LazyLock::new(|| set(SURNAMES));
pub static HONORIFIC: LazyLock<FastSet<String>> = LazyLock::new(|| set(HONORIFICS));
pub static TITLE: LazyLock<FastSet<String>> = LazyLock::new(|| set(TITLES));
pub static ROLE_HEAD: LazyLock<FastSet<String>> = LazyLock::new(|| set(ROLE_HEADS));
pub static PLACE_WORD: LazyLock<FastSet<String>> = LazyLock::new(|| set(PLACE_WORDS));
pub static NOT_START: LazyLock<FastSet<String>> = LazyLock::new(|| set(NOT_NAME_START));
pub static PLACE: LazyLock<FastSet<String>> = LazyLock::new(|| set(PLACES));
pub static GIVEN_FOREIGN: LazyLock<FastSet<String>> = LazyLock::new(|| set(FOREIGN_GIVEN));

/// Vietnamese given-name syllables: a lone capitalised word after a title is a name only if it
/// is one of these, or is not a Vietnamese syllable at all ("HLV Park", "Tổng thống Trump").
#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "an", "anh", "ánh", "bảo", "bắc", "bằng", "bích", "bình", "cảnh", "cát", "châu", "chi", "chiến",
    "chinh", "chính", "chung", "cúc", "cường", "dân", "diên", "diễm", "diễn", "diệp", "diệu",
    "dũng", "dung", "duy", "duyên", "dương", "đại", "đan", "đạo", "đạt", "đăng", "điệp", "định",
    "đoan", "đông", "đức", "được", "gấm", "giang", "hà", "hạ", "hải", "hân", "hạnh", "hào", "hảo",
    "hậu", "hiền", "hiển", "hiệp", "hiếu", "hoa", "hòa", "hóa", "hoài", "hoan", "hoàn", "hoàng",
    "học", "hồng", "huân", "huấn", "huế", "huệ", "hùng", "hưng", "hương", "hường", "hữu", "huy",
    "huyền", "huỳnh", "kha", "khá", "khải", "khang", "khanh", "khánh", "khiêm", "khoa", "khôi",
    "khuê", "kiên", "kiệt", "kim", "kỳ", "lam", "lâm", "lan", "lành", "lễ", "liên", "liễu", "linh",
    "loan", "lộc", "lợi", "long", "luân", "lực", "lương", "ly", "lý", "mai", "mạnh", "minh", "my",
    "mỹ", "na", "nam", "nga", "ngà", "ngân", "nghĩa", "ngọc", "nguyên", "nguyệt", "nhàn", "nhân",
    "nhật", "nhi", "nhung", "như", "ninh", "oanh", "phát", "phi", "phong", "phú", "phúc", "phụng",
    "phương", "phượng", "quân", "quang", "quảng", "quế", "quốc", "quý", "quyên", "quyết", "quỳnh",
    "sang", "sáng", "sen", "sinh", "sơn", "sương", "tài", "tâm", "tân", "thạch", "thái", "thắm",
    "thắng", "thanh", "thành", "thảo", "thắm", "thân", "thế", "thi", "thiện", "thịnh", "thơ",
    "thơm", "thông", "thu", "thuận", "thúy", "thủy", "thùy", "thư", "thương", "thường", "tiến",
    "tiên", "tín", "tình", "tịnh", "toàn", "trà", "trâm", "trân", "trang", "trí", "triều", "trinh",
    "trọng", "trung", "trúc", "trường", "tú", "tuấn", "tùng", "tuyên", "tuyết", "tư", "tứ", "uyên",
    "vân", "văn", "vi", "việt", "vinh", "vĩnh", "võ", "vũ", "vui", "vy", "xuân", "yến", "hằng",
    "hạnh", "lệ", "loan", "nhạ", "hệ", "hộ", "cò", "dùng", "tuyền", "hiên", "lụa", "nở", "mơ",
    "cúc", "đào", "lài", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "út", "tí",
    "tèo", "bông", "gia",
    "chí", "cảnh", "thế", "lữ", "tình",
];
pub static GIVEN_NAME: LazyLock<FastSet<String>> = LazyLock::new(|| set(GIVEN_NAMES));

/// Lowercase syllables that, right after a capitalised word, make it the first half of a
/// common noun or a body ("Công an", "Chi hội", "Tuy nhiên", "Trung ương").
#[rustfmt::skip]
const COMPOUND_TAILS: &[&str] = &[
    "an", "ty", "hội", "nhiên", "ương", "thương", "thập", "lý", "bộ", "nghiệp", "tâm", "quan",
    "phòng", "sản", "vụ", "đoàn", "viện", "trường", "chính", "tế", "dục", "hóa", "hoá", "thuật",
    "học", "đội", "sự", "dân", "quốc", "quyền", "phủ", "đạo", "giáo", "ban", "nhân", "trị", "lực",
    "cục", "vận", "binh", "nghị", "tài", "pháp", "kiện", "dụ", "tượng", "trình", "khoa", "kỳ",
    "tịch", "trưởng", "hiệu", "ủy", "uỷ", "ngữ", "thu", "đốc", "chí", "trực", "vũ", "viên",
    "xanh", "đỏ", "vương", "hộ",
];
pub static COMPOUND_TAIL: LazyLock<FastSet<String>> = LazyLock::new(|| set(COMPOUND_TAILS));

/// Offices whose complement is a body ("Chủ tịch OceanBank", "Hiệu trưởng Trường …"): after
/// them a lone word is the body, and a name needs its surname or a foreign given name.
#[rustfmt::skip]
const OFFICE_TITLES: &[&str] = &[
    "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc",
    "giám đốc điều hành", "hiệu trưởng", "phó hiệu trưởng", "cục trưởng", "phó cục trưởng",
    "vụ trưởng", "viện trưởng", "trưởng phòng", "phó trưởng phòng", "trưởng ban", "phó trưởng ban",
    "chánh án", "chánh văn phòng", "bí thư", "phó bí thư", "ủy viên", "chủ nhiệm", "phó chủ nhiệm",
    "trưởng khoa", "phó trưởng khoa", "tổng biên tập", "phó tổng biên tập", "chủ tịch hđqt", "ceo",
    "nhà sáng lập", "đồng sáng lập", "tư lệnh", "chính ủy", "chỉ huy trưởng", "trưởng đoàn",
    "đại biểu", "bộ trưởng", "thứ trưởng", "trưởng công an", "phó trưởng công an", "tổng thư ký",
    "người phát ngôn", "phát ngôn viên", "trưởng đại diện", "chủ tịch ubnd", "chủ tịch hđnd",
    "giảng viên", "giáo viên", "cố vấn", "trợ lý", "thư ký", "đội trưởng", "tổ trưởng",
    "vận động viên", "vđv", "chủ doanh nghiệp", "chủ đầu tư", "nhà tài trợ", "nhà đầu tư",
    "trưởng bản", "trưởng thôn", "trưởng ấp", "trưởng trạm", "trạm trưởng",
];
pub static OFFICE_TITLE: LazyLock<FastSet<String>> = LazyLock::new(|| set(OFFICE_TITLES));

/// Words of foreign bodies, products and places: a foreign run holding one is not a person.
#[rustfmt::skip]
const FOREIGN_NOT_NAME: &[&str] = &[
    "real", "united", "city", "fc", "club", "inter", "ac", "atletico", "bayern", "borussia",
    "sporting", "juventus", "madrid", "barcelona", "chelsea", "arsenal", "liverpool", "milan",
    "group", "corp", "corporation", "inc", "ltd", "co", "bank", "airlines", "airways", "news",
    "times", "post", "journal", "daily", "motor", "motors", "company", "studio", "studios",
    "entertainment", "records", "media", "foundation", "institute", "university", "college",
    "school", "hospital", "council", "party", "association", "federation", "league", "cup",
    "festival", "awards", "award", "street", "road", "avenue", "square", "center", "centre",
    "tower", "hotel", "resort", "mall", "plaza", "airport", "station", "house", "hall", "palace",
    "stadium", "arena", "bridge", "island", "lake", "river", "mountain", "valley", "beach", "bay",
    "gulf", "ocean", "sea", "state", "states", "kingdom", "republic", "union", "nations", "asia",
    "asian", "europe", "european", "america", "american", "pacific", "international", "global",
    "world", "national", "royal", "top", "model", "next", "song", "music", "idol", "got", "talent",
    "show", "tv", "channel", "radio", "network", "online", "mobile", "tech", "technology",
    "software", "systems", "capital", "holdings", "partners", "investment", "securities", "energy",
    "oil", "gas", "power", "pharma", "health", "care", "insurance", "finance", "financial", "fund",
    "trust", "auto", "air", "express", "logistics", "food", "foods", "coffee", "fashion", "beauty",
    "design", "games", "game", "sports", "racing", "team", "boys", "girls", "band", "galaxy",
    "iphone", "ipad", "samsung", "apple", "google", "facebook", "microsoft", "amazon", "toyota",
    "honda", "uber", "grab", "twitter", "instagram", "youtube", "netflix", "android", "ios",
    "windows", "office", "pro", "plus", "mini", "note", "edition", "series", "league", "premier",
    "liga", "serie", "bundesliga", "champions", "open", "grand", "prix", "olympic", "olympics",
    "games", "museum", "gallery", "garden", "zoo", "church", "temple", "cathedral", "castle",
    "north", "south", "east", "west", "new", "san", "santa", "los", "las", "saint", "st", "fort",
    "port", "lake", "mount", "cape", "hills", "valley", "county", "province", "district", "village",
    "town", "air", "force", "army", "navy", "police", "government", "ministry", "agency", "office",
    "department", "committee", "commission", "court", "senate", "congress", "parliament", "white",
    "black", "red", "blue", "green", "gold", "star", "stars", "sun", "love", "day", "night", "life",
    "time", "king", "queen", "shanghai", "beijing", "guangzhou", "shenzhen", "tokyo", "osaka",
    "seoul", "busan", "london", "paris", "berlin", "munich", "moscow", "rome", "manchester",
    "dortmund", "miss", "mister", "universe", "farm", "land", "rock", "manager", "bass", "genius",
    "the", "ver", "version", "kids", "remix", "feat", "ft", "suzuki", "yamaha", "kawasaki",
    "mitsubishi", "nissan", "hitachi", "toshiba", "nintendo", "daikin", "nikon", "subaru",
    "isuzu", "hino", "sanyo", "ninja", "nippon", "nihon", "japan", "kremlin", "pentagon",
    "vatican", "whitehall", "downing", "capitol", "elysee", "élysée", "sushi", "sake", "kimono", "samurai", "anime", "manga",
];
pub static FOREIGN_NOT: LazyLock<FastSet<String>> = LazyLock::new(|| set(FOREIGN_NOT_NAME));

/// Words right before a capitalised run that make it a body or a product, not a person.
#[rustfmt::skip]
const BODY_CLASSIFIERS: &[&str] = &[
    "hãng", "công ty", "tập đoàn", "clb", "câu lạc bộ", "đội", "tờ", "báo", "tạp chí", "trang",
    "mạng", "mạng xã hội", "kênh", "đài", "hãng tin", "thương hiệu", "nhãn hàng", "ứng dụng",
    "dòng", "mẫu", "xe", "điện thoại", "tổ chức", "nhóm", "ban nhạc", "phim", "bộ phim", "ở", "tại",
    "từ", "đến", "tới", "sang", "về", "qua", "khỏi", "gặp", "thắng", "hòa", "thua", "trước", "với",
    "bang", "thành phố", "nước", "giải", "cúp", "sân", "trận", "dịch vụ", "giao thông", "cảng cá",
    "nhà máy", "cuộc thi", "lãnh thổ", "thể loại", "phong cách", "dòng nhạc", "vương quốc", "khu",
    "công viên", "hội chợ", "sự kiện", "chi nhánh", "phòng giao dịch", "ngân hàng", "siêu thị",
    "thương hiệu", "sản phẩm", "món", "thuốc", "dự án", "khu vực", "xứ", "môn", "bộ môn",
    "bệnh", "căn bệnh", "hội chứng", "virus", "vi rút", "vi khuẩn", "website", "trang web",
    // Collectives whose complement is a country, a place or a body ("phía Nhật", "người dân
    // Đồng Nai", "đại diện Oxfam").
    "phía", "quân đội", "người dân", "cư dân", "giới chức", "chính quyền", "chính phủ",
    "đại diện", "lực lượng", "nhà chức trách", "giới",
];
pub static BODY_CLASSIFIER: LazyLock<FastSet<String>> = LazyLock::new(|| set(BODY_CLASSIFIERS));

/// Honorifics used only for people, after which a word is a name even if it is also a place.
#[rustfmt::skip]
const PERSONAL_HONORIFICS: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cô giáo", "thầy", "thầy giáo",
    "tên", "họ",
];
pub static PERSONAL: LazyLock<FastSet<String>> = LazyLock::new(|| set(PERSONAL_HONORIFICS));

/// Credits that name a source, not a person ("Ảnh: Tư liệu", "Nguồn: Internet").
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    "tư liệu", "internet", "nguồn", "st", "sưu tầm", "minh họa", "minh hoạ", "tổng hợp", "khám phá",
    "đời sống", "dân trí", "tuổi trẻ", "thanh niên", "vnexpress", "zing", "getty", "getty images",
    "reuters", "afp", "ap", "bbc", "cnn", "xinhua", "tân hoa xã", "nhân dân", "lao động",
    "tiền phong", "người lao động", "vietnamnet", "vov", "vtv", "ttxvn", "shutterstock", "pixabay",
    "facebook", "instagram", "twitter", "youtube", "clip", "video", "báo", "cắt clip",
    "chụp màn hình", "ảnh chụp màn hình", "nhân vật cung cấp", "gia đình cung cấp", "cand", "cadn", "p.v", "pv", "ctv",
    "tổng hợp", "t/h",
];
pub static CREDIT_WORD: LazyLock<FastSet<String>> = LazyLock::new(|| set(CREDIT_WORDS));

/// The first word of every place of two words or more ("hà" for "hà nội").
pub static PLACE_FIRST: LazyLock<FastSet<String>> = LazyLock::new(|| with_bit(bit::PLACE_FIRST));

/// The first word of every phrase in the tables: a key of several words is only worth
/// making when it starts with one of these.
pub static PHRASE_FIRST: LazyLock<FastSet<String>> = LazyLock::new(|| with_bit(bit::PHRASE_FIRST));

/// The last word of every phrase in the tables.
pub static PHRASE_LAST: LazyLock<FastSet<String>> = LazyLock::new(|| with_bit(bit::PHRASE_LAST));

/// The keys holding `b`.
fn with_bit(b: u32) -> FastSet<String> {
    FLAGS
        .iter()
        .filter(|&(_, f)| f & b != 0)
        .map(|(k, _)| k.to_owned())
        .collect()
}

/// Two-word phrases whose second word is also a place word ("nông thôn", "xã hội", "yêu
/// cầu"): after them a capitalised run is not a place.
#[rustfmt::skip]
const NEUTRAL_PHRASES: &[&str] = &[
    "nông thôn", "xã hội", "yêu cầu", "nhu cầu", "toàn cầu", "hoạt động", "lao động", "chủ động",
    "tác động", "vận động", "đồng hồ", "dân tộc", "nhất quán", "bạn bè", "phát triển nông thôn",
    "an sinh xã hội", "kinh tế - xã hội", "cộng đồng", "hợp đồng", "hội đồng", "đề nghị",
    "kiến nghị", "thời gian", "đồng thời", "lâm thời", "kịp thời", "hôm qua", "tuần qua",
    "năm qua", "vừa qua", "tháng qua", "đi qua", "trải qua", "thông qua",
];
pub static NEUTRAL: LazyLock<FastSet<String>> = LazyLock::new(|| set(NEUTRAL_PHRASES));

/// Administrative units: after a body's acronym they belong to a title ("Chủ tịch UBND tỉnh").
#[rustfmt::skip]
const ADMIN_UNITS: &[&str] = &[
    "tỉnh", "huyện", "xã", "phường", "quận", "thành phố", "tp", "thị xã", "thị trấn",
];
pub static ADMIN_UNIT: LazyLock<FastSet<String>> = LazyLock::new(|| set(ADMIN_UNITS));

/// Verbs of saying and thinking right after a name: only a person (or a body, which the
/// organisation pass takes first) "cho biết", "chia sẻ" or "khẳng định".
#[rustfmt::skip]
const SAYING_VERBS: &[&str] = &[
    "cho biết", "nói", "chia sẻ", "khẳng định", "nhấn mạnh", "cho hay", "cho rằng", "nhận định",
    "tiết lộ", "thừa nhận", "giải thích", "bày tỏ", "tâm sự", "kể", "kể lại", "nhớ lại",
    "tin tưởng", "tiếp lời", "viết", "phát biểu", "trả lời", "trấn an", "thổ lộ", "than thở",
    "bộc bạch", "hồi tưởng", "thú nhận", "bình luận", "nhận xét", "nhắn nhủ", "khuyên", "hỏi",
    "cười nói", "nói thêm", "nói tiếp", "tự hào", "ước mơ", "hy vọng", "hi vọng", "cảm thấy",
    "chia sẻ thêm",
];
pub static SAYING: LazyLock<FastSet<String>> = LazyLock::new(|| set(SAYING_VERBS));

/// Common two-syllable words whose first syllable is also a given name: capitalised at a
/// sentence's start they are no name ("Đồng thời, …", "Cuối cùng …").
#[rustfmt::skip]
const COMMON_WORDS: &[&str] = &[
    "đồng thời", "cuối cùng", "câu chuyện", "thành công", "thành phố", "bình thường",
    "trung bình", "tâm lý", "thu nhập", "phong trào", "an toàn", "bảo hiểm", "bảo vệ",
    "bảo đảm", "hòa bình", "thanh toán", "thanh niên", "tiến độ", "tiến hành", "hoàn toàn",
    "hoàn thành", "lợi nhuận", "thắng lợi", "trí tuệ", "toàn bộ", "nghĩa vụ", "minh bạch",
    "phát triển", "quang cảnh", "dương tính", "đông đảo", "hạnh phúc", "tình yêu", "tình cảm",
    "tình hình", "tình trạng", "quyết định", "quyết tâm", "hải sản", "kim loại", "hoa quả",
    "linh hoạt", "linh kiện", "long trọng", "phúc lợi", "sang trọng", "sáng tạo", "thái độ",
    "thịnh vượng", "tiên tiến", "vinh dự", "dũng cảm", "khánh thành", "kiên quyết", "kiên trì",
    "mạnh mẽ", "phương án", "phương pháp", "phương tiện", "hiền lành", "khang trang", "cường độ",
    "đạo đức", "thắng cảnh", "trung thành", "xuân sắc", "lâm nghiệp", "thủy lợi", "tiến bộ",
    "hưng thịnh", "thông tin", "thông qua", "thông báo", "hoàng hôn", "bình minh", "trung thu",
    "hiệp định", "thanh lý", "ngân sách", "tài sản", "tài khoản", "quý khách", "quý vị",
    "thành viên", "thành tích", "thành lập", "định kỳ", "định hướng", "nguyên nhân", "nguyên tắc",
    "khoa học", "an ninh", "lan tỏa", "lan rộng", "ngân sách",
];
pub static COMMON_WORD: LazyLock<FastSet<String>> = LazyLock::new(|| set(COMMON_WORDS));

/// The ten stems and twelve branches naming the years of the sixty-year cycle ("Giáp Thìn",
/// "Canh Tý"): a stem then a branch is a year, not a person.
// Read only by the generator of `people_keys.rs` (a test).
#[cfg_attr(not(test), allow(dead_code))]
#[rustfmt::skip]
const YEAR_STEMS: &[&str] = &[
    "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "kỉ", "canh", "tân", "nhâm", "quý",
];
// Read only by the generator of `people_keys.rs` (a test).
#[cfg_attr(not(test), allow(dead_code))]
#[rustfmt::skip]
const YEAR_BRANCHES: &[&str] = &[
    "tý", "tí", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất",
    "hợi",
];

/// Place words that, capitalised at the head of a run, make the run a place ("Đường Trần Phú",
/// "TP Hồ Chí Minh"); only those that are no name syllables ("Đình" is a middle name).
// Read only by the generator of `people_keys.rs` (a test).
#[cfg_attr(not(test), allow(dead_code))]
#[rustfmt::skip]
const OPEN_PLACES: &[&str] = &[
    "tỉnh", "huyện", "xã", "phường", "quận", "tp", "thị xã", "thị trấn", "đường", "phố", "ngõ",
    "ngách", "hẻm", "kiệt", "thôn", "ấp", "làng", "xóm", "khóm", "cầu", "chợ", "sông", "núi",
    "đèo", "bến", "cảng", "vịnh", "đảo", "ga", "đại lộ", "quốc lộ", "ql", "gò", "đồi", "suối",
    "thác", "đầm", "rạch", "kênh",
];

/// Chinese family names in pinyin and Korean family names as romanised: before a pinyin or
/// hyphenated given name ("Wu Jingui", "Kim Hack-Yong") they make a name.
// Read only by the generator of `people_keys.rs` (a test).
#[cfg_attr(not(test), allow(dead_code))]
#[rustfmt::skip]
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "song", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "zhong", "jin",
    "cui", "tan", "fan", "fu", "qian", "qiu", "xiong", "kim", "lee", "park", "choi", "jung", "jeong",
    "kang", "cho", "yoon", "jang", "lim", "oh", "seo", "shin", "kwon", "hwang", "ahn", "yoo",
    "hong", "jeon", "ko", "moon", "son", "bae", "baek", "heo", "noh", "kwak", "sung",
    "cha", "joo", "woo", "min", "ryu",
];

/// The longest title, honorific or role phrase, in words: how far back lookups reach.
pub const MAX_PHRASE_WORDS: usize = 4;

/// Bits of [`flags`]: which tables hold a key. One hash lookup answers every table at once.
pub mod bit {
    pub const SURNAME: u32 = 1 << 0;
    pub const HONORIFIC: u32 = 1 << 1;
    pub const TITLE: u32 = 1 << 2;
    pub const ROLE_HEAD: u32 = 1 << 3;
    pub const PLACE_WORD: u32 = 1 << 4;
    pub const NOT_START: u32 = 1 << 5;
    pub const PLACE: u32 = 1 << 6;
    pub const GIVEN_FOREIGN: u32 = 1 << 7;
    pub const GIVEN_NAME: u32 = 1 << 8;
    pub const COMPOUND_TAIL: u32 = 1 << 9;
    pub const OFFICE_TITLE: u32 = 1 << 10;
    pub const FOREIGN_NOT: u32 = 1 << 11;
    pub const BODY_CLASSIFIER: u32 = 1 << 12;
    pub const PERSONAL: u32 = 1 << 13;
    pub const CREDIT_WORD: u32 = 1 << 14;
    pub const PLACE_FIRST: u32 = 1 << 15;
    pub const PHRASE_FIRST: u32 = 1 << 16;
    pub const PHRASE_LAST: u32 = 1 << 17;
    pub const NEUTRAL: u32 = 1 << 18;
    pub const ADMIN_UNIT: u32 = 1 << 19;
    pub const SAYING: u32 = 1 << 20;
    pub const COMMON_WORD: u32 = 1 << 21;
    pub const YEAR_STEM: u32 = 1 << 22;
    pub const YEAR_BRANCH: u32 = 1 << 23;
    pub const OPEN_PLACE: u32 = 1 << 24;
    pub const EAST_ASIAN: u32 = 1 << 25;
    /// First (last) word of a phrase of two, three, or four and more words, among those
    /// [`PHRASE_FIRST`] ([`PHRASE_LAST`]) counts: a phrase of another length is not looked up.
    pub const FIRST_OF_2: u32 = 1 << 26;
    pub const FIRST_OF_3: u32 = 1 << 27;
    pub const FIRST_OF_4: u32 = 1 << 28;
    pub const LAST_OF_2: u32 = 1 << 29;
    pub const LAST_OF_3: u32 = 1 << 30;
    pub const LAST_OF_4: u32 = 1 << 31;

    /// The [`FIRST_OF_2`] … and [`LAST_OF_2`] … bits of a phrase of `words` words (two or more).
    pub const fn of_length(words: usize) -> (u32, u32) {
        match words {
            0..=2 => (FIRST_OF_2, LAST_OF_2),
            3 => (FIRST_OF_3, LAST_OF_3),
            _ => (FIRST_OF_4, LAST_OF_4),
        }
    }
}

/// Every word list with its [`bit`], and whether the first and last words of its phrases
/// count for [`bit::PHRASE_FIRST`] and [`bit::PHRASE_LAST`].
// Read only by the generator of `people_keys.rs` (a test).
#[cfg_attr(not(test), allow(dead_code))]
const TABLES: &[(&[&str], u32, bool)] = &[
    (SURNAMES, bit::SURNAME, true),
    (HONORIFICS, bit::HONORIFIC, true),
    (TITLES, bit::TITLE, true),
    (ROLE_HEADS, bit::ROLE_HEAD, true),
    (PLACE_WORDS, bit::PLACE_WORD, true),
    (NOT_NAME_START, bit::NOT_START, true),
    (PLACES, bit::PLACE, true),
    (FOREIGN_GIVEN, bit::GIVEN_FOREIGN, true),
    (GIVEN_NAMES, bit::GIVEN_NAME, true),
    (COMPOUND_TAILS, bit::COMPOUND_TAIL, true),
    (OFFICE_TITLES, bit::OFFICE_TITLE, true),
    (FOREIGN_NOT_NAME, bit::FOREIGN_NOT, true),
    (BODY_CLASSIFIERS, bit::BODY_CLASSIFIER, true),
    (PERSONAL_HONORIFICS, bit::PERSONAL, true),
    (CREDIT_WORDS, bit::CREDIT_WORD, true),
    (NEUTRAL_PHRASES, bit::NEUTRAL, true),
    (ADMIN_UNITS, bit::ADMIN_UNIT, true),
    (SAYING_VERBS, bit::SAYING, true),
    (COMMON_WORDS, bit::COMMON_WORD, true),
    (YEAR_STEMS, bit::YEAR_STEM, false),
    (YEAR_BRANCHES, bit::YEAR_BRANCH, false),
    (OPEN_PLACES, bit::OPEN_PLACE, false),
    (EAST_ASIAN_SURNAMES, bit::EAST_ASIAN, false),
];

/// Every key of every table above with the [`bit`]s of the tables that hold it, in the order
/// [`build_keys`] makes them, and every phrase of two to four words as its words' ids
/// ([`phrase_id`]) with its bits. Generated (see the `generated_keys_are_current` test):
/// keying the tables' Vietnamese words at start-up cost every run of `bao` more than a short
/// article.
use super::people_keys::{KEYS, PHRASES};

/// The most words a phrase of [`PHRASES`] has: each word's id takes 16 bits of a `u64`.
pub const PHRASE_ID_WORDS: usize = 4;

/// A phrase's id made of its words' ids ([`flags_and_id`], each non-zero), first word lowest:
/// `ids` are the ids of the phrase's first words, `k` the index of the next.
#[inline]
pub fn phrase_id(ids: u64, k: usize, id: u16) -> u64 {
    ids | u64::from(id) << (16 * k)
}

/// The one-pass build of [`KEYS`] from the tables: each entry keyed, and the first and last
/// words of its phrases marked. The test that regenerates `people_keys.rs` runs it.
#[cfg(test)]
fn build_keys() -> Vec<(String, u32)> {
    let mut order: Vec<(String, u32)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut add = |key: &str, b: u32| match at.get(key) {
        Some(&i) => order[i].1 |= b,
        None => {
            at.insert(key.to_owned(), order.len());
            order.push((key.to_owned(), b));
        }
    };
    let mut phrases = Vec::new();
    for &(words, b, of_phrases) in TABLES {
        for w in words {
            let k = canonical(w);
            add(&k, b);
            if k.contains(' ') {
                phrases.push(k.clone());
            }
            let Some((first, _)) = k.split_once(' ') else {
                continue;
            };
            if of_phrases {
                let (first_of, last_of) = bit::of_length(k.split(' ').count());
                add(first, bit::PHRASE_FIRST | first_of);
                add(
                    k.rsplit(' ').next().unwrap_or(""),
                    bit::PHRASE_LAST | last_of,
                );
            }
            if b == bit::PLACE {
                add(first, bit::PLACE_FIRST);
            }
        }
    }
    // Every word of a phrase is a key of its own (with no bits if no table holds it alone),
    // so that a phrase is found by its words' ids ([`PHRASES`]).
    for p in &phrases {
        for w in p.split(' ') {
            add(w, 0);
        }
    }
    order
}

/// [`PHRASES`] as [`build_keys`]'s keys give them: each key of two to
/// [`PHRASE_ID_WORDS`] words as its words' ids, with its bits.
#[cfg(test)]
fn build_phrases(keys: &[(String, u32)]) -> Vec<(u64, u32)> {
    let id: std::collections::HashMap<&str, u16> = keys
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), u16::try_from(i + 1).expect("ids fit 16 bits")))
        .collect();
    keys.iter()
        .filter(|(k, _)| (2..=PHRASE_ID_WORDS).contains(&k.split(' ').count()))
        .map(|(k, b)| {
            let ids = k
                .split(' ')
                .enumerate()
                .fold(0, |ids, (j, w)| phrase_id(ids, j, id[w]));
            (ids, *b)
        })
        .collect()
}

/// The hash of `bytes` for a table of byte strings: the bytes written to one hasher, with no
/// length before them (a hash of a slice, `hash_one`, writes its length first, to tell
/// apart the slices of a tuple or list; a table of single strings needs none of that).
#[inline]
pub fn bytes_hash(hasher: &FastBuild, bytes: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = hasher.build_hasher();
    h.write(bytes);
    h.finish()
}

/// [`KEYS`] and [`PHRASES`] in hash tables, built once: one hash and insert a key, nothing
/// allocated a key. A key's id is its place in [`KEYS`] plus one.
static FLAGS: LazyLock<Flags> = LazyLock::new(|| {
    let hasher = FastBuild::default();
    let mut table = hashbrown::HashTable::with_capacity(KEYS.len());
    for (i, &(key, b)) in KEYS.iter().enumerate() {
        // The generator checks that every id fits (`generated_keys_are_current`).
        let id = (i + 1) as u16;
        table.insert_unique(
            bytes_hash(&hasher, key.as_bytes()),
            (key, b, id),
            |&(k, _, _)| bytes_hash(&hasher, k.as_bytes()),
        );
    }
    let mut phrases = hashbrown::HashMap::with_capacity_and_hasher(PHRASES.len(), hasher.clone());
    phrases.extend(PHRASES.iter().copied());
    Flags {
        table,
        phrases,
        hasher,
    }
});

/// Key → [`bit`]s and id; a phrase's id ([`phrase_id`]) → bits.
struct Flags {
    table: hashbrown::HashTable<(&'static str, u32, u16)>,
    phrases: hashbrown::HashMap<u64, u32, FastBuild>,
    hasher: FastBuild,
}

impl Flags {
    /// Every key with its bits.
    fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.table.iter().map(|&(k, f, _)| (k, f))
    }

    fn hash(&self, key: &str) -> u64 {
        bytes_hash(&self.hasher, key.as_bytes())
    }

    fn find(&self, h: u64, key: &str) -> Option<&(&'static str, u32, u16)> {
        self.table.find(h, |&(k, _, _)| k == key)
    }
}

/// The [`bit`]s of the tables that hold `key` (a canonical key), 0 if none.
pub fn flags(key: &str) -> u32 {
    flags_and_id(key).0
}

/// [`flags`] and the key's id (0 if no table key; every word of a phrase has one), for
/// [`phrase_flags`].
pub fn flags_and_id(key: &str) -> (u32, u16) {
    let f = &*FLAGS;
    f.find(f.hash(key), key).map_or((0, 0), |e| (e.1, e.2))
}

/// The [`bit`]s of the phrase whose id ([`phrase_id`]) is `ids`: those of its words joined by
/// spaces ([`flags`]), for a phrase of two to [`PHRASE_ID_WORDS`] words, each with an id.
pub fn phrase_flags(ids: u64) -> u32 {
    FLAGS.phrases.get(&ids).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of `people_keys.rs` for these tables.
    fn keys_source() -> String {
        let mut s = String::from(
            "//! @generated by `lexicon::people::tests::generated_keys_are_current` from the tables\n\
             //! of `people.rs` (their canonical keys and bits); do not edit. To regenerate:\n\
             //! `BAO_REGEN=1 cargo test --lib generated_keys_are_current`.\n\n\
             #[rustfmt::skip]\n\
             pub(super) const KEYS: &[(&str, u32)] = &[\n",
        );
        let keys = build_keys();
        for (k, b) in &keys {
            s.push_str(&format!("    ({k:?}, {b:#010x}),\n"));
        }
        s.push_str(
            "];\n\n\
             /// The phrases of two to four words of `KEYS`, each as its words' ids (a key's place\n\
             /// in `KEYS` plus one, 16 bits each, the first word's lowest), with its bits.\n\
             #[rustfmt::skip]\n\
             pub(super) const PHRASES: &[(u64, u32)] = &[\n",
        );
        for (ids, b) in build_phrases(&keys) {
            s.push_str(&format!("    ({ids:#018x}, {b:#010x}),\n"));
        }
        s.push_str("];\n");
        s
    }

    #[test]
    fn generated_keys_are_current() {
        crate::generated::check(
            "src/lexicon/people_keys.rs",
            &keys_source(),
            "generated_keys_are_current",
        );
        // And what was compiled in is what the file says.
        let built = build_keys();
        assert_eq!(KEYS.len(), built.len());
        for (&(k, b), (bk, bb)) in KEYS.iter().zip(&built) {
            assert_eq!((k, b), (bk.as_str(), *bb));
        }
        assert!(
            KEYS.len() < usize::from(u16::MAX),
            "a key's id fits 16 bits"
        );
        assert_eq!(PHRASES, build_phrases(&built).as_slice());
    }

    #[test]
    fn bytes_hash_tells_words_apart() {
        let h = FastBuild::default();
        let long = "x".repeat(40);
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "nguye\u{302}n3",
            "nguye\u{302}n4",
            &long,
        ];
        let hashes = words.map(|w| bytes_hash(&h, w.as_bytes()));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(hashes[i], bytes_hash(&h, w.to_owned().as_bytes()), "{w:?}");
            assert!(hashes[i + 1..].iter().all(|&b| b != hashes[i]), "{w:?}");
        }
    }

    #[test]
    fn a_phrase_is_found_by_its_words_ids() {
        let mut phrases = 0;
        for (k, b) in FLAGS.iter() {
            let words: Vec<&str> = k.split(' ').collect();
            if !(2..=PHRASE_ID_WORDS).contains(&words.len()) {
                continue;
            }
            phrases += 1;
            let mut ids = 0;
            for (j, w) in words.iter().enumerate() {
                let (_, id) = flags_and_id(w);
                assert_ne!(id, 0, "{w:?} of {k:?}");
                ids = phrase_id(ids, j, id);
            }
            assert_eq!(phrase_flags(ids), b, "{k:?}");
        }
        assert!(phrases > 100);
        // Ids are distinct, and a phrase of words out of order or of a missing id is none.
        let (a, b) = (
            flags_and_id(&canonical("chủ")).1,
            flags_and_id(&canonical("tịch")).1,
        );
        assert!(a != 0 && b != 0 && a != b);
        assert_ne!(
            phrase_flags(phrase_id(phrase_id(0, 0, a), 1, b)),
            0,
            "chủ tịch"
        );
        assert_eq!(phrase_flags(phrase_id(phrase_id(0, 0, b), 1, a)), 0);
        assert_eq!(phrase_flags(phrase_id(0, 0, a)), 0);
        assert_eq!(flags_and_id("no such key"), (0, 0));
    }

    #[test]
    fn flags_agree_with_the_tables() {
        let t = canonical("Trần");
        assert!(SURNAME.contains(&t));
        assert_ne!(flags(&t) & bit::SURNAME, 0);
        assert_eq!(flags(&t) & bit::PLACE, 0);
        assert_eq!(flags("no such key"), 0);
        for k in PLACE.iter() {
            assert_ne!(flags(k) & bit::PLACE, 0, "{k}");
            assert_eq!(flags(k) & bit::SURNAME != 0, SURNAME.contains(k), "{k}");
        }
        // Every set, built on its own, agrees with the one-pass table both ways.
        let sets: [(&FastSet<String>, u32); 21] = [
            (&SURNAME, bit::SURNAME),
            (&HONORIFIC, bit::HONORIFIC),
            (&TITLE, bit::TITLE),
            (&ROLE_HEAD, bit::ROLE_HEAD),
            (&PLACE_WORD, bit::PLACE_WORD),
            (&NOT_START, bit::NOT_START),
            (&PLACE, bit::PLACE),
            (&GIVEN_FOREIGN, bit::GIVEN_FOREIGN),
            (&GIVEN_NAME, bit::GIVEN_NAME),
            (&COMPOUND_TAIL, bit::COMPOUND_TAIL),
            (&OFFICE_TITLE, bit::OFFICE_TITLE),
            (&FOREIGN_NOT, bit::FOREIGN_NOT),
            (&BODY_CLASSIFIER, bit::BODY_CLASSIFIER),
            (&PERSONAL, bit::PERSONAL),
            (&CREDIT_WORD, bit::CREDIT_WORD),
            (&PLACE_FIRST, bit::PLACE_FIRST),
            (&PHRASE_FIRST, bit::PHRASE_FIRST),
            (&PHRASE_LAST, bit::PHRASE_LAST),
            (&NEUTRAL, bit::NEUTRAL),
            (&ADMIN_UNIT, bit::ADMIN_UNIT),
            (&SAYING, bit::SAYING),
        ];
        for (set, b) in sets {
            for k in set.iter() {
                assert_ne!(flags(k) & b, 0, "{k} {b}");
            }
            assert_eq!(
                FLAGS.iter().filter(|&(_, f)| f & b != 0).count(),
                set.len(),
                "{b}"
            );
        }
        // The derived word sets, made as the rules define them.
        let phrase_tables = TABLES.iter().filter(|t| t.2).flat_map(|t| t.0.iter());
        let firsts: FastSet<String> = phrase_tables
            .clone()
            .filter_map(|p| Some(canonical(p).split_once(' ')?.0.to_owned()))
            .collect();
        let lasts: FastSet<String> = phrase_tables
            .filter_map(|p| Some(canonical(p).rsplit_once(' ')?.1.to_owned()))
            .collect();
        let place_firsts: FastSet<String> = PLACES
            .iter()
            .filter_map(|p| Some(canonical(p).split_once(' ')?.0.to_owned()))
            .collect();
        assert_eq!(*PHRASE_FIRST, firsts);
        assert_eq!(*PHRASE_LAST, lasts);
        assert_eq!(*PLACE_FIRST, place_firsts);
        assert!(PHRASE_FIRST.contains(&canonical("chủ")), "chủ tịch");
        // Every phrase's first and last words carry the bits of its length, and no key has
        // spaces at its ends or two in a row (the phrase lookup counts words by spaces).
        for (k, _) in FLAGS.iter() {
            assert!(
                !k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "),
                "{k:?}"
            );
            let words: Vec<&str> = k.split(' ').collect();
            let Some((first, last)) = words.first().zip(words.last()) else {
                continue;
            };
            let of_phrase_table = TABLES
                .iter()
                .any(|t| t.2 && t.0.iter().any(|w| canonical(w) == *k));
            if words.len() < 2 || !of_phrase_table {
                continue;
            }
            let (fb, lb) = bit::of_length(words.len());
            assert_ne!(flags(first) & fb, 0, "{k:?}");
            assert_ne!(flags(last) & lb, 0, "{k:?}");
        }
        assert_eq!(bit::of_length(5), bit::of_length(4));
        assert_ne!(bit::of_length(2), bit::of_length(3));
    }
}
