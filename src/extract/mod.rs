//! People and organisations: `&Article` in, [`Entities`] out. Never touches a terminal.
//!
//! Organisations are found first, so that a name inside an organisation ("Trường THPT Nguyễn
//! Du") is not also taken for a person.

pub mod orgs;
pub mod people;
pub mod segments;
pub mod tokens;

use crate::document::{Article, Block, Entities, Mention};

/// What the passes read: the article's text and its blocks (or pieces of them).
pub struct Source<'a> {
    pub text: &'a str,
    pub blocks: &'a [Block],
}

impl<'a> Source<'a> {
    pub fn of(article: &'a Article) -> Self {
        Source {
            text: &article.text,
            blocks: &article.blocks,
        }
    }

    /// The block holding byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        crate::document::block_at(self.blocks, offset)
    }
}

/// Finds the people and organisations an article mentions.
pub fn extract(article: &Article) -> Entities {
    match segments::cut(&article.text, &article.blocks, segments::MAX_PIECE) {
        None => extract_from(&Source::of(article)),
        Some((pieces, owner)) => {
            let mut found = extract_from(&Source {
                text: &article.text,
                blocks: &pieces,
            });
            let mentions = found
                .people
                .iter_mut()
                .flat_map(|p| p.mentions.iter_mut())
                .chain(
                    found
                        .organisations
                        .iter_mut()
                        .flat_map(|o| o.mentions.iter_mut()),
                );
            for m in mentions {
                *m = Mention::new(owner[m.block()], m.start(), m.end());
            }
            found
        }
    }
}

fn extract_from(source: &Source) -> Entities {
    let organisations = orgs::find_in(source);
    let people = people::find_in(source, &organisations);
    Entities {
        people,
        organisations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_longer_than_a_piece_gives_every_mention_in_its_own_block() {
        let sentence = "Hôm qua, ông Trần Văn Hùng làm việc với UBND tỉnh Lạng Sơn. ";
        let times = segments::MAX_PIECE / sentence.len() * 3;
        let text = format!("Tiêu đề bài viết\n\n{}\n", sentence.repeat(times));
        let article = crate::loader::parse(text, "long.txt");
        let long = article
            .blocks
            .iter()
            .position(|b| b.end - b.start > segments::MAX_PIECE)
            .expect("one long block");
        let found = extract(&article);
        let person = found
            .people
            .iter()
            .find(|p| p.name == "Trần Văn Hùng")
            .expect("person found");
        assert_eq!(person.mentions.len(), times, "one mention per sentence");
        for m in &person.mentions {
            assert_eq!(m.block(), long);
            assert_eq!(m.text(&article.text), "Trần Văn Hùng");
        }
        let org_mentions: usize = found
            .organisations
            .iter()
            .flat_map(|o| &o.mentions)
            .inspect(|m| assert_eq!(m.block(), long))
            .count();
        assert!(org_mentions >= times, "{org_mentions} < {times}");
    }
}
