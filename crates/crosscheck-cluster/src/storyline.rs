//! Storylines: the second level above stories. A story is the coverage of one
//! real-world event; a storyline links the events of one developing story (an
//! attack, the raids after it, the trial) by what they share: the same core
//! participants and places, close in time.
//!
//! Precision first: two events of one kind (two earthquakes, two arrests of
//! players of one team) share words and often a place, but rarely their core
//! people, and when both are dated they are far apart. So a link needs
//! * core people in common ([`tables::STORYLINE_SHARED_PEOPLE`] of them, or one
//!   and a core place),
//! * no disagreement in time: when both stories are dated (publication dates,
//!   else the years their text resolves), they lie within
//!   [`tables::STORYLINE_WINDOW_DAYS`] of each other (years: the same or next year),
//! * some common wording (TF-IDF cosine of the centroids at least
//!   [`tables::STORYLINE_MIN_COSINE`]), so a person in two unrelated matters is
//!   not a storyline.
//!
//! Storylines are the connected components of these links, computed from the
//! clusterer's state when asked (deterministic for a state). A storyline's id is
//! `"storyline-" + the id of its oldest story`, so it stays as later events join;
//! every story is in exactly one storyline (most in one of their own).

use serde::{Deserialize, Serialize};

use crate::signals::core;
use crate::tables;

/// One storyline in output form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorylineView {
    pub id: String,
    /// Story ids, in time order (first publication; undated stories in order of creation, last).
    pub stories: Vec<String>,
}

/// What the storyline builder reads of one live story.
#[derive(Debug, Clone)]
pub(crate) struct StoryFacts<'a> {
    pub id: &'a str,
    pub people: &'a [(u32, u32)],
    pub places: &'a [(u32, u32)],
    pub years: &'a [(u32, u32)],
    pub members: usize,
    pub first_time: Option<i64>,
    pub last_time: Option<i64>,
}

/// Whether two stories' times rule out one storyline.
fn apart_in_time(a: &StoryFacts, b: &StoryFacts) -> bool {
    if let (Some(af), Some(al), Some(bf), Some(bl)) = (a.first_time, a.last_time, b.first_time, b.last_time) {
        let gap = (bf - al).max(af - bl).max(0);
        return gap as f64 > tables::STORYLINE_WINDOW_DAYS * 86_400.0;
    }
    let (ya, yb) = (core(a.years, a.members), core(b.years, b.members));
    if ya.is_empty() || yb.is_empty() {
        return false;
    }
    !ya.iter().any(|x| yb.iter().any(|y| x.abs_diff(*y) <= 1))
}

fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// Group stories into storylines; `cosine(i, j)` is the centroid similarity of stories `i` and `j`.
pub(crate) fn storylines(stories: &[StoryFacts], cosine: impl Fn(usize, usize) -> f32) -> Vec<StorylineView> {
    let n = stories.len();
    let core_people: Vec<Vec<u32>> = stories.iter().map(|s| core(s.people, s.members)).collect();
    let core_places: Vec<Vec<u32>> = stories.iter().map(|s| core(s.places, s.members)).collect();
    // Candidate pairs: stories sharing a core person (an inverted index, not all pairs).
    let mut by_person: Vec<(u32, usize)> = core_people.iter().enumerate().flat_map(|(i, p)| p.iter().map(move |&w| (w, i))).collect();
    by_person.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for run in by_person.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > tables::STORYLINE_MAX_STORIES_PER_PERSON {
            // A name in that many stories (a head of state) links nothing by itself.
            continue;
        }
        for (k, a) in run.iter().enumerate() {
            for b in &run[k + 1..] {
                pairs.push((a.1, b.1));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (i, j) in pairs {
        let people = shared(&core_people[i], &core_people[j]);
        let places = shared(&core_places[i], &core_places[j]);
        let linked = (people >= tables::STORYLINE_SHARED_PEOPLE || (people >= 1 && places >= 1))
            && !apart_in_time(&stories[i], &stories[j])
            && cosine(i, j) >= tables::STORYLINE_MIN_COSINE;
        if linked {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            // The older story (lower index) roots the component: its id names the storyline.
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        let r = find(&mut parent, i);
        groups[r].push(i);
    }
    groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(root, mut g)| {
            g.sort_by_key(|&i| (stories[i].first_time.is_none(), stories[i].first_time, i));
            StorylineView { id: format!("storyline-{}", stories[root].id), stories: g.iter().map(|&i| stories[i].id.to_string()).collect() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(id: &'a str, people: &'a [(u32, u32)], places: &'a [(u32, u32)], years: &'a [(u32, u32)], time: Option<i64>) -> StoryFacts<'a> {
        StoryFacts { id, people, places, years, members: 2, first_time: time, last_time: time }
    }

    #[test]
    fn shared_people_close_in_time_link() {
        let p = [(1, 2), (2, 2)];
        let day = 86_400;
        let s = [facts("a", &p, &[], &[], Some(0)), facts("b", &p, &[], &[], Some(5 * day)), facts("c", &[(9, 2)], &[], &[], Some(day))];
        let out = storylines(&s, |_, _| 0.3);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].id, "storyline-a");
        assert_eq!(out[0].stories, vec!["a", "b"]);
        assert_eq!(out[1].stories, vec!["c"]);
    }

    #[test]
    fn years_apart_or_no_common_words_stay_apart() {
        let p = [(1, 2), (2, 2)];
        let s = [facts("a", &p, &[], &[(2008, 2)], None), facts("b", &p, &[], &[(2013, 2)], None)];
        assert_eq!(storylines(&s, |_, _| 0.3).len(), 2, "years apart");
        let s = [facts("a", &p, &[], &[], None), facts("b", &p, &[], &[], None)];
        assert_eq!(storylines(&s, |_, _| 0.0).len(), 2, "nothing in common but names");
        assert_eq!(storylines(&s, |_, _| 0.3).len(), 1);
    }
}
