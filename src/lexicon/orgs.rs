//! Tables for organisations: heads, abbreviations and their expansions.
