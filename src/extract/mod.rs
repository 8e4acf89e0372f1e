//! People and organisations: `&Article` in, [`Entities`] out. Never touches a terminal.
//!
//! Organisations are found first, so that a name inside an organisation ("Trường THPT Nguyễn
//! Du") is not also taken for a person.

pub mod orgs;
pub mod people;
pub mod segments;
pub mod tokens;

use crate::document::{Article, Entities};

/// Finds the people and organisations an article mentions.
pub fn extract(article: &Article) -> Entities {
    match segments::cut(&article.text, &article.blocks, segments::MAX_PIECE) {
        None => extract_blocks(article),
        Some((pieces, owner)) => {
            // The passes read blocks from an article; a view with the pieces as its blocks
            // costs one copy of the text, far less than per-token data for a huge block.
            let view = Article {
                text: article.text.clone(),
                blocks: pieces,
                byline: article.byline.clone(),
                title: article.title.clone(),
                source: article.source.clone(),
                published: article.published,
                ..Article::default()
            };
            let mut found = extract_blocks(&view);
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
                m.block = owner[m.block];
            }
            found
        }
    }
}

fn extract_blocks(article: &Article) -> Entities {
    let organisations = orgs::find(article);
    let people = people::find(article, &organisations);
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
            assert_eq!(m.block, long);
            assert_eq!(&article.text[m.start..m.end], "Trần Văn Hùng");
        }
        let org_mentions: usize = found
            .organisations
            .iter()
            .flat_map(|o| &o.mentions)
            .inspect(|m| assert_eq!(m.block, long))
            .count();
        assert!(org_mentions >= times, "{org_mentions} < {times}");
    }
}
