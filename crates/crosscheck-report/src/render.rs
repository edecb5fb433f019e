//! Renderers: JSON, Markdown, and one self-contained HTML page.
//!
//! The HTML page has inline CSS only: no script, no external resource, so it
//! opens offline and under a strict content-security policy (declared in a
//! meta tag). Every piece of article text goes through [`escape`]. Each cite
//! links to an anchor on its sentence in the appendix, which prints every
//! article's text sentence by sentence.

use std::fmt::Write;

use crosscheck_compare::{Cite, ClaimStatus, ConflictKind, ConflictSide};

use crate::Dossier;

/// Pretty JSON of a dossier.
pub fn json(d: &Dossier) -> String {
    serde_json::to_string_pretty(d).expect("a dossier always serialises")
}

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The single-source claims the summary lists (`summary.single_source_top`;
/// for a dossier without that list, the first
/// `crosscheck_compare::tables::SUMMARY_SINGLE_SOURCE`), and the others.
fn single_source_split(d: &Dossier) -> (Vec<&crosscheck_compare::Claim>, Vec<&crosscheck_compare::Claim>) {
    let single = d.claims.iter().filter(|c| c.status == ClaimStatus::SingleSource);
    if d.summary.single_source_top.is_empty() {
        let all: Vec<_> = single.collect();
        let k = all.len().min(crosscheck_compare::tables::SUMMARY_SINGLE_SOURCE);
        return (all[..k].to_vec(), all[k..].to_vec());
    }
    single.partition(|c| d.summary.single_source_top.contains(&c.id))
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn cite_label(c: &Cite) -> String {
    format!("{} · bytes {}–{}", c.source, c.span.start, c.span.end)
}

/// Markdown rendering of a dossier.
pub fn markdown(d: &Dossier) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# Story dossier: {}\n", md_escape(&d.summary.headline));
    let _ = writeln!(m, "_{} · {} · {}_\n", d.story_id, d.schema, d.alignment_note());
    for l in &d.summary.lines {
        let _ = writeln!(m, "- {}", md_escape(l));
    }
    if !d.problems.is_empty() {
        let _ = writeln!(m, "\n## Problems\n");
        for p in &d.problems {
            let _ = writeln!(m, "- {}", md_escape(&p.to_string()));
        }
    }
    let _ = writeln!(m, "\n## Who said what\n");
    for q in &d.quotes {
        let _ = writeln!(
            m,
            "### {} — {} ({} outlets)\n\n> \u{201c}{}\u{201d}\n",
            q.id,
            md_escape(q.speaker.as_deref().unwrap_or("unattributed")),
            q.independent_sources,
            md_escape(&q.versions[q.reference].text)
        );
        for (vi, v) in q.versions.iter().enumerate() {
            let note = if vi == q.reference { " (reference)".to_string() } else { String::new() };
            let punct = if v.punctuation_differs { " — punctuation differs between outlets, not a wording change" } else { "" };
            let _ = writeln!(m, "- {}{}: \u{201c}{}\u{201d}{}", v.sources.join(", "), note, md_escape(&v.text), punct);
        }
        for v in &q.variants {
            let diff: Vec<String> = v
                .diff
                .iter()
                .map(|o| match o.op.as_str() {
                    "delete" => format!("~~{}~~", o.text),
                    "insert" => format!("**{}**", o.text),
                    _ => o.text.clone(),
                })
                .collect();
            let _ = writeln!(m, "- variant ({}): {} — {}", v.kind.label(), q.versions[v.version].sources.join(", "), md_escape(&diff.join(" ")));
        }
        for mem in &q.members {
            let _ = writeln!(m, "  - source: {} (speaker: {})", cite_label(&mem.cite), md_escape(mem.speaker.as_deref().unwrap_or("unknown")));
        }
        let _ = writeln!(m);
    }
    let claim_md = |m: &mut String, c: &crosscheck_compare::Claim| {
        let _ = writeln!(m, "- **{}** ({} independent: {}) {}", c.id, c.independent_sources, c.sources.join(", "), md_escape(&c.text));
        for s in &c.support {
            let _ = writeln!(m, "  - {}: \u{201c}{}\u{201d}", cite_label(s), md_escape(&s.text));
        }
    };
    let _ = writeln!(m, "## Corroborated claims\n");
    for c in d.claims.iter().filter(|c| c.status == ClaimStatus::Corroborated) {
        claim_md(&mut m, c);
    }
    let _ = writeln!(m);
    // The summary's few single-source claims first, the rest folded away.
    let (top, rest) = single_source_split(d);
    let _ = writeln!(m, "## Single-source claims\n");
    if !rest.is_empty() {
        let _ = writeln!(m, "The {} most worth checking first (specific, dated, attributed) of {}:\n", top.len(), top.len() + rest.len());
    }
    for c in &top {
        claim_md(&mut m, c);
    }
    if !rest.is_empty() {
        let _ = writeln!(m, "\n<details><summary>Show the other {} single-source claims</summary>\n", rest.len());
        for c in &rest {
            claim_md(&mut m, c);
        }
        let _ = writeln!(m, "\n</details>");
    }
    let _ = writeln!(m);
    let _ = writeln!(m, "## Conflicts\n");
    for c in &d.conflicts {
        let kind = match c.kind {
            ConflictKind::Role => "role",
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
        };
        let sides: Vec<String> = c.sides.iter().map(side_md).collect();
        let _ = writeln!(m, "- {kind}: {} — {}", md_escape(&c.subject), sides.join(" vs "));
    }
    if !d.developments.is_empty() {
        let _ = writeln!(m, "\n## Developments\n\nFigures that changed between dated reports (not conflicts).\n");
        for dv in &d.developments {
            let steps: Vec<String> = dv.steps.iter().map(|s| format!("{} on {} ({})", md_escape(&s.value), s.date, s.sources.join(", "))).collect();
            let _ = writeln!(m, "- {}: {}", md_escape(&dv.subject), steps.join(" → "));
        }
    }
    if !d.vague_counts.is_empty() {
        let _ = writeln!(m, "\n## Counted exactly by some, vaguely by others\n");
        for c in &d.vague_counts {
            let sides: Vec<String> = c.sides.iter().map(side_md).collect();
            let _ = writeln!(m, "- {} — {}", md_escape(&c.subject), sides.join(" / "));
        }
    }
    let _ = writeln!(m, "\n## Framing\n");
    if let (Some(t), Some(c)) = (&d.framing.reference_text, &d.framing.reference_certainty) {
        let _ = writeln!(m, "Source's words ({}): \u{201c}{}\u{201d} — certainty {:.2}\n", md_escape(d.framing.reference_speaker.as_deref().unwrap_or("?")), md_escape(t), c.score);
    }
    let _ = writeln!(m, "| outlet | lead | certainty | cues | overstates |\n|---|---|---|---|---|");
    for r in &d.framing.rows {
        let cues: Vec<String> = r.certainty.boosters.iter().map(|b| format!("+{b}")).chain(r.certainty.hedges.iter().map(|h| format!("-{h}"))).collect();
        let _ = writeln!(m, "| {} | {} | {:.2} | {} | {} |", r.source, md_escape(&r.lead), r.certainty.score, cues.join(" "), if r.flagged { "yes" } else { "no" });
    }
    let _ = writeln!(m, "\n## Timeline\n");
    for e in &d.timeline {
        let when = e.date.map(|(a, b)| if a == b { a.to_string() } else { format!("{a}..{b}") }).unwrap_or_else(|| "undated".into());
        let _ = writeln!(m, "- {when} · {} · {} · {} — {}", e.kind, e.places.join(", "), e.sources.join(", "), md_escape(&e.summary));
    }
    if !d.incidents.is_empty() {
        let _ = writeln!(m, "\n## Incidents\n");
        for r in &d.incidents {
            let when = r.date.as_ref().map(|x| x.display()).unwrap_or_else(|| "undated".into());
            let place = r.place.as_ref().map(|p| p.name.clone()).unwrap_or_default();
            let _ = writeln!(m, "- {when} · {} · {} · {}", r.kind.label(), place, r.outlets.join(", "));
        }
    }
    let _ = writeln!(m, "\n## Outlets\n");
    for a in &d.articles {
        let dup = a.duplicate_of.as_ref().map(|x| format!(" (copy of {x})")).unwrap_or_default();
        let _ = writeln!(m, "- {} — {} · {}{}", a.source, a.published.map(|p| p.to_string()).unwrap_or_else(|| "undated".into()), a.path, dup);
    }
    m
}

const CSS: &str = "body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfdfb}\
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2.5rem}h3{font-size:1.05rem;margin:.2rem 0}\
.meta{color:#666;font-size:.85rem}.card{border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:1rem 0;background:#fff}\
blockquote{margin:.4rem 0;padding-left:.8rem;border-left:3px solid #999;font-style:italic}\
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
.tag{display:inline-block;font:12px sans-serif;padding:1px 6px;border-radius:8px;background:#eee;margin-right:4px}\
.corr{background:#d8f0d8}.single{background:#f7e3c4}.flag{background:#f6c9c9}.ok{background:#d8e8f6}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;font-size:.9rem}\
a.cite{font:12px sans-serif;color:#336;text-decoration:none;margin-right:6px}a.cite:hover{text-decoration:underline}\
.figure svg{max-width:100%;height:auto}.art p{margin:.3rem 0}.art span:target{background:#ff9}.sent{border-radius:3px}";

/// One side of a conflict or vague count in Markdown: the value and its outlets.
fn side_md(s: &ConflictSide) -> String {
    format!("\u{201c}{}\u{201d} ({})", md_escape(&s.value), s.sources.join(", "))
}

/// One side of a conflict or vague count in HTML: the value, its outlets and
/// links to the sentences.
fn side_html(d: &Dossier, s: &ConflictSide) -> String {
    format!("<b>\u{201c}{}\u{201d}</b> ({}) {}", escape(&s.value), escape(&s.sources.join(", ")), s.cites.iter().map(|x| cite_link(d, x)).collect::<String>())
}

fn cite_link(d: &Dossier, c: &Cite) -> String {
    format!(
        "<a class=\"cite\" href=\"#{}\" title=\"{}\">[{} · {}–{}]</a>",
        escape(&d.anchor(&c.article, c.span)),
        escape(&c.text),
        escape(&c.source),
        c.span.start,
        c.span.end
    )
}

/// The self-contained HTML page of a dossier.
pub fn html(d: &Dossier) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title><style>{}</style></head><body>\n",
        escape(&format!("Dossier: {}", d.summary.headline.chars().take(90).collect::<String>())),
        CSS
    );
    let _ = writeln!(
        h,
        "<h1>{}</h1><p class=\"meta\">{} · {} · {} · {}</p><ul>",
        escape(&d.summary.headline),
        escape(&d.story_id),
        escape(&d.schema),
        escape(&d.generated_by),
        escape(&d.alignment_note())
    );
    for l in &d.summary.lines {
        let _ = writeln!(h, "<li>{}</li>", escape(l));
    }
    if !d.problems.is_empty() {
        let _ = writeln!(h, "</ul><h2 id=\"problems\">Problems</h2><ul>");
        for p in &d.problems {
            let _ = writeln!(h, "<li>{}</li>", escape(&p.to_string()));
        }
    }
    let _ = writeln!(h, "</ul><p class=\"meta\"><a href=\"#quotes\">Who said what</a> · <a href=\"#claims\">Claims</a> · <a href=\"#conflicts\">Conflicts</a> · <a href=\"#framing\">Framing</a> · <a href=\"#timeline\">Timeline</a> · <a href=\"#incidents\">Incidents</a> · <a href=\"#outlets\">Outlets</a> · <a href=\"#articles\">Articles</a></p>");

    let _ = writeln!(h, "<h2 id=\"quotes\">Who said what</h2>");
    for q in &d.quotes {
        let _ = writeln!(
            h,
            "<div class=\"card\" id=\"{}\"><h3>{} <span class=\"tag\">{} outlet(s)</span>{}</h3><blockquote>\u{201c}{}\u{201d}</blockquote>",
            escape(&q.id),
            escape(q.speaker.as_deref().unwrap_or("unattributed")),
            q.independent_sources,
            if q.variants.is_empty() { "" } else { "<span class=\"tag flag\">wording differs</span>" },
            escape(&q.versions[q.reference].text)
        );
        let _ = writeln!(h, "<table><tr><th>outlets</th><th>as printed</th><th>difference</th></tr>");
        for (vi, v) in q.versions.iter().enumerate() {
            let diff = match q.variants.iter().find(|x| x.version == vi) {
                None => {
                    let mut s = String::from("reference");
                    if v.punctuation_differs {
                        s.push_str("; punctuation differs only — not a misquote");
                    }
                    escape(&s)
                }
                Some(var) => {
                    let mut s = format!("<span class=\"tag flag\">{}</span> ", escape(var.kind.label()));
                    for o in &var.diff {
                        match o.op.as_str() {
                            "delete" => {
                                let _ = write!(s, "<del>{}</del> ", escape(&o.text));
                            }
                            "insert" => {
                                let _ = write!(s, "<ins>{}</ins> ", escape(&o.text));
                            }
                            _ => {
                                let _ = write!(s, "{} ", escape(&o.text));
                            }
                        }
                    }
                    s
                }
            };
            let cites: String = q.members.iter().filter(|m| m.version == vi).map(|m| cite_link(d, &m.cite)).collect();
            let _ = writeln!(h, "<tr><td>{}<br>{}</td><td>\u{201c}{}\u{201d}</td><td>{}</td></tr>", escape(&v.sources.join(", ")), cites, escape(&v.text), diff);
        }
        let _ = writeln!(h, "</table></div>");
    }

    let _ = writeln!(h, "<h2 id=\"claims\">Claims</h2>");
    let claim_html = |h: &mut String, c: &crosscheck_compare::Claim, class: &str| {
        let cites: String = c.support.iter().map(|s| cite_link(d, s)).collect();
        let spec = if c.specifics.is_empty() { String::new() } else { format!(" <span class=\"meta\">only here: {}</span>", escape(&c.specifics.join(", "))) };
        let _ = writeln!(
            h,
            "<li id=\"{}\"><span class=\"tag {class}\">{} · {}</span>{}{} {}</li>",
            escape(&c.id),
            c.independent_sources,
            escape(&c.sources.join(", ")),
            escape(&c.text),
            spec,
            cites
        );
    };
    let _ = writeln!(h, "<h3>Corroborated</h3><ul>");
    for c in d.claims.iter().filter(|c| c.status == ClaimStatus::Corroborated) {
        claim_html(&mut h, c, "corr");
    }
    let _ = writeln!(h, "</ul>");
    let (top, rest) = single_source_split(d);
    let _ = writeln!(h, "<h3>Single-source</h3>");
    if !rest.is_empty() {
        let _ = writeln!(h, "<p class=\"meta\">The {} most worth checking first (specific, dated, attributed) of {}.</p>", top.len(), top.len() + rest.len());
    }
    let _ = writeln!(h, "<ul>");
    for c in &top {
        claim_html(&mut h, c, "single");
    }
    let _ = writeln!(h, "</ul>");
    if !rest.is_empty() {
        let _ = writeln!(h, "<details><summary>Show the other {} single-source claims</summary><ul>", rest.len());
        for c in &rest {
            claim_html(&mut h, c, "single");
        }
        let _ = writeln!(h, "</ul></details>");
    }

    let _ = writeln!(h, "<h2 id=\"conflicts\">Conflicts</h2><ul>");
    for c in &d.conflicts {
        let kind = match c.kind {
            ConflictKind::Role => "role",
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
        };
        let sides: Vec<String> = c
            .sides
            .iter()
            .map(|s| side_html(d, s))
            .collect();
        let _ = writeln!(h, "<li><span class=\"tag flag\">{kind}</span>{} — {}</li>", escape(&c.subject), sides.join(" <i>vs</i> "));
    }
    let _ = writeln!(h, "</ul>");
    if !d.developments.is_empty() {
        let _ = writeln!(h, "<h3 id=\"developments\">Developments</h3><p class=\"meta\">Figures that changed between dated reports (not conflicts).</p><ul>");
        for dv in &d.developments {
            let steps: Vec<String> = dv
                .steps
                .iter()
                .map(|s| format!("<b>{}</b> on {} ({}) {}", escape(&s.value), s.date, escape(&s.sources.join(", ")), s.cites.iter().map(|x| cite_link(d, x)).collect::<String>()))
                .collect();
            let _ = writeln!(h, "<li>{}: {}</li>", escape(&dv.subject), steps.join(" → "));
        }
        let _ = writeln!(h, "</ul>");
    }
    if !d.vague_counts.is_empty() {
        let _ = writeln!(h, "<h3 id=\"vague-counts\">Counted exactly by some, vaguely by others</h3><ul>");
        for c in &d.vague_counts {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| side_html(d, s))
                .collect();
            let _ = writeln!(h, "<li>{} — {}</li>", escape(&c.subject), sides.join(" / "));
        }
        let _ = writeln!(h, "</ul>");
    }

    let _ = writeln!(h, "<h2 id=\"framing\">Framing</h2>");
    if let (Some(t), Some(c)) = (&d.framing.reference_text, &d.framing.reference_certainty) {
        let _ = writeln!(
            h,
            "<p>What the source said ({}): <q>{}</q> — certainty {:.2} (hedges: {})</p>",
            escape(d.framing.reference_speaker.as_deref().unwrap_or("?")),
            escape(t),
            c.score,
            escape(&c.hedges.join(", "))
        );
    }
    let _ = writeln!(h, "<table><tr><th>outlet</th><th>lead</th><th>certainty</th><th>cues</th><th>verdict</th></tr>");
    for r in &d.framing.rows {
        let cues: Vec<String> = r.certainty.boosters.iter().map(|b| format!("+{b}")).chain(r.certainty.hedges.iter().map(|x| format!("\u{2212}{x}"))).collect();
        let verdict = if r.flagged { "<span class=\"tag flag\">more certain than the source</span>" } else { "<span class=\"tag ok\">in line</span>" };
        let cites: String = r.lead_cites.iter().map(|c| cite_link(d, c)).collect();
        let _ = writeln!(h, "<tr><td>{}</td><td>{} {}</td><td>{:.2}</td><td>{}</td><td>{}</td></tr>", escape(&r.source), escape(&r.lead), cites, r.certainty.score, escape(&cues.join(" ")), verdict);
    }
    let _ = writeln!(h, "</table>");

    let _ = writeln!(h, "<h2 id=\"timeline\">Timeline</h2><table><tr><th>when</th><th>what</th><th>where</th><th>outlets</th><th>account</th></tr>");
    for e in &d.timeline {
        let when = e.date.map(|(a, b)| if a == b { a.to_string() } else { format!("{a} – {b}") }).unwrap_or_else(|| "undated".into());
        let when = match &e.date_text {
            Some(t) => format!("{when} (\u{201c}{t}\u{201d})"),
            None => when,
        };
        let cites: String = e.cites.iter().map(|c| cite_link(d, c)).collect();
        let _ = writeln!(h, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td></tr>", escape(&when), escape(&e.kind), escape(&e.places.join(", ")), escape(&e.sources.join(", ")), escape(&e.summary), cites);
    }
    let _ = writeln!(h, "</table>");

    if !d.incidents.is_empty() {
        let _ = writeln!(h, "<h2 id=\"incidents\">Incidents</h2><table><tr><th>when</th><th>what</th><th>where</th><th>outlets</th><th>sources</th></tr>");
        for r in &d.incidents {
            let when = r.date.as_ref().map(|x| x.display()).unwrap_or_else(|| "undated".into());
            let place = r.place.as_ref().map(|p| p.name.clone()).unwrap_or_default();
            let cites: String = r
                .sources
                .iter()
                .map(|s| cite_link(d, &Cite { article: s.article.clone(), source: s.source.clone(), span: s.span, text: s.text.clone() }))
                .collect();
            let _ = writeln!(h, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", escape(&when), escape(r.kind.label()), escape(&place), escape(&r.outlets.join(", ")), cites);
        }
        let _ = writeln!(h, "</table><div class=\"figure\">{}</div><div class=\"figure\">{}</div>", crosscheck_incidents::timeline_svg(&d.incidents), crosscheck_incidents::map_svg(&d.incidents));
    }
    let _ = writeln!(h, "<h2 id=\"outlets\">Outlets</h2><ul>");
    for a in &d.articles {
        let dup = a.duplicate_of.as_ref().map(|x| format!(" · copy of {x}")).unwrap_or_default();
        let _ = writeln!(
            h,
            "<li><a href=\"#{}\">{}</a> · {} · {}{}</li>",
            escape(a.id.as_str()),
            escape(&a.source),
            escape(&a.published.map(|p| p.to_string()).unwrap_or_else(|| "undated".into())),
            escape(&a.path),
            escape(&dup)
        );
    }
    let _ = writeln!(h, "</ul><h2 id=\"articles\">Articles</h2>");
    for a in &d.articles {
        let _ = writeln!(h, "<div class=\"card art\" id=\"{}\"><h3>{}</h3><p class=\"meta\">{}</p><p>", escape(a.id.as_str()), escape(&a.source), escape(a.title.as_deref().unwrap_or("")));
        let mut pos = 0;
        for (i, s) in a.sentences.iter().enumerate() {
            if s.start < pos || s.end > a.text.len() || !a.text.is_char_boundary(s.start) || !a.text.is_char_boundary(s.end) {
                continue;
            }
            let gap = &a.text[pos..s.start];
            if gap.contains('\n') {
                let _ = write!(h, "</p><p>");
            }
            let _ = write!(h, "<span class=\"sent\" id=\"{}-s{}\">{}</span> ", escape(a.id.as_str()), i, escape(s.slice(&a.text)));
            pos = s.end;
        }
        let _ = writeln!(h, "</p></div>");
    }
    let _ = writeln!(h, "</body></html>");
    h
}

/// An index page linking several story dossiers.
pub fn index_html(dossiers: &[Dossier]) -> String {
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>crosscheck stories</title><style>{CSS}</style></head><body><h1>Stories</h1><ul>\n"
    );
    for d in dossiers {
        let _ = writeln!(h, "<li><a href=\"{}.html\">{}</a> <span class=\"meta\">{} articles · {} outlets</span></li>", escape(&d.story_id), escape(&d.summary.headline), d.summary.article_count, d.summary.outlet_count);
    }
    h.push_str("</ul></body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<script>alert('x')</script> & \"q\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }
}
