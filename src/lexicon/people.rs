//! Tables for people: surnames, titles, honorifics, role words.
