//! The charts of report.html, drawn as inline SVG strings: horizontal bars (optionally several series per
//! label) and a histogram with a threshold line. No script, no external resource. Imports the markup escaping.

use super::output::markup::escape_text;
use std::fmt::Write;

/// One series of a bar chart: its name (for the legend) and CSS colour.
pub struct Series {
    pub name: &'static str,
    pub colour: &'static str,
}

/// A label and its values, one per series.
pub struct BarRow {
    pub label: String,
    pub values: Vec<usize>,
}

const WIDTH: f64 = 620.0;
const LABEL_WIDTH: f64 = 190.0;
const VALUE_ROOM: f64 = 70.0;
const BAR_HEIGHT: f64 = 13.0;
const ROW_GAP: f64 = 7.0;
const LEGEND_HEIGHT: f64 = 24.0;
/// Its own colour, so a screenshot check can tell the histogram from the other charts.
const HISTOGRAM_FILL: &str = "#76b7b2";

/// `n` with thin spaces between thousands: 1 234 567.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

/// Labels longer than this many characters are cut with `…` (the full label is in the tooltip).
const LABEL_CHARS: usize = 28;

fn short(label: &str) -> String {
    match label.char_indices().nth(LABEL_CHARS) {
        Some((at, _)) => format!("{}…", &label[..at]),
        None => label.to_string(),
    }
}

/// Horizontal bars: one group per row, one bar per series, all on one linear scale.
pub fn bar_chart(title: &str, series: &[Series], rows: &[BarRow]) -> String {
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let group_height = series.len() as f64 * BAR_HEIGHT + ROW_GAP;
    let height = LEGEND_HEIGHT + rows.len().max(1) as f64 * group_height + 8.0;
    let scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / max as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"><title>{}</title>"#,
        escape_text(title)
    );
    let mut x = LABEL_WIDTH;
    for s in series {
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="4" width="10" height="10" fill="{}"/><text x="{}" y="13" class="legend">{}</text>"#,
            s.colour,
            x + 14.0,
            escape_text(s.name)
        );
        x += 14.0 + 8.0 * s.name.chars().count() as f64 + 18.0;
    }
    if rows.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="{LABEL_WIDTH}" y="{}" class="empty">nothing to show</text>"#,
            LEGEND_HEIGHT + 12.0
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let top = LEGEND_HEIGHT + i as f64 * group_height;
        let middle = top + series.len() as f64 * BAR_HEIGHT / 2.0;
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" class="label" text-anchor="end"><title>{}</title>{}</text>"#,
            LABEL_WIDTH - 8.0,
            middle + 4.0,
            escape_text(&row.label),
            escape_text(&short(&row.label))
        );
        for (j, (value, s)) in row.values.iter().zip(series).enumerate() {
            let y = top + j as f64 * BAR_HEIGHT;
            // A non-zero count never disappears into a zero-width bar.
            let w = if *value == 0 {
                0.0
            } else {
                (*value as f64 * scale).max(1.5)
            };
            let _ = write!(
                svg,
                r#"<rect x="{LABEL_WIDTH}" y="{y}" width="{w:.1}" height="{}" fill="{}"><title>{}: {}</title></rect><text x="{:.1}" y="{}" class="value">{}</text>"#,
                BAR_HEIGHT - 2.0,
                s.colour,
                escape_text(s.name),
                value,
                LABEL_WIDTH + w + 4.0,
                y + BAR_HEIGHT - 3.0,
                thousands(*value)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// One bar split into parts that add up to a whole (raw lines = kept + removed + blank), with a legend that
/// gives each part's count and share.
pub fn stacked_bar(title: &str, parts: &[(&str, usize, &str)]) -> String {
    let total: usize = parts.iter().map(|p| p.1).sum();
    let (height, bar_top, bar_height) = (64.0, 30.0, 22.0);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"><title>{}</title>"#,
        escape_text(title)
    );
    let (mut x, mut legend_x) = (0.0, 0.0);
    for (name, value, colour) in parts {
        let share = if total == 0 {
            0.0
        } else {
            *value as f64 / total as f64
        };
        let w = share * WIDTH;
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{bar_top}" width="{w:.1}" height="{bar_height}" fill="{colour}"><title>{}: {value}</title></rect>"#,
            escape_text(name)
        );
        x += w;
        let legend = format!("{name} {} ({:.1}%)", thousands(*value), share * 100.0);
        let _ = write!(
            svg,
            r#"<rect x="{legend_x:.1}" y="6" width="10" height="10" fill="{colour}"/><text x="{:.1}" y="15" class="legend">{}</text>"#,
            legend_x + 14.0,
            escape_text(&legend)
        );
        legend_x += 14.0 + 6.6 * legend.chars().count() as f64 + 20.0;
    }
    svg.push_str("</svg>");
    svg
}

/// Bins of the score histogram over [0, 1].
pub const SCORE_BINS: usize = 20;

/// Counts of `scores` in [`SCORE_BINS`] equal bins over [0, 1] (1.0 goes in the last bin; values outside are
/// clamped).
pub fn score_bins(scores: impl Iterator<Item = f64>) -> [usize; SCORE_BINS] {
    let mut bins = [0usize; SCORE_BINS];
    for s in scores.filter(|s| s.is_finite()) {
        let i = ((s.clamp(0.0, 1.0) * SCORE_BINS as f64) as usize).min(SCORE_BINS - 1);
        bins[i] += 1;
    }
    bins
}

/// A histogram of scores in [0, 1] with a dashed line at `threshold`.
pub fn histogram(title: &str, bins: &[usize; SCORE_BINS], threshold: Option<f64>) -> String {
    let (left, right, top, bottom) = (56.0, 16.0, 22.0, 40.0);
    let height = 250.0;
    let plot_w = WIDTH - left - right;
    let plot_h = height - top - bottom;
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"><title>{}</title>"#,
        escape_text(title)
    );
    // Axes, the y maximum and x ticks every 0.1.
    let base = top + plot_h;
    let _ = write!(
        svg,
        r##"<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" class="axis"/><line x1="{left}" y1="{base}" x2="{}" y2="{base}" class="axis"/><text x="{}" y="{}" class="value" text-anchor="end">{}</text><text x="{}" y="{}" class="value" text-anchor="end">0</text>"##,
        left + plot_w,
        left - 6.0,
        top + 4.0,
        thousands(max),
        left - 6.0,
        base + 4.0
    );
    for tick in 0..=10 {
        let x = left + plot_w * tick as f64 / 10.0;
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{base}" x2="{x:.1}" y2="{}" class="axis"/><text x="{x:.1}" y="{}" class="value" text-anchor="middle">{:.1}</text>"#,
            base + 4.0,
            base + 16.0,
            tick as f64 / 10.0
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" class="label" text-anchor="middle">bead score</text>"#,
        left + plot_w / 2.0,
        height - 6.0
    );
    let bin_w = plot_w / SCORE_BINS as f64;
    for (i, &n) in bins.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let h = (n as f64 / max as f64 * plot_h).max(1.5);
        let lo = i as f64 / SCORE_BINS as f64;
        let _ = write!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{HISTOGRAM_FILL}"><title>{lo:.2}–{:.2}: {n}</title></rect>"#,
            left + i as f64 * bin_w + 1.0,
            base - h,
            bin_w - 2.0,
            lo + 1.0 / SCORE_BINS as f64
        );
    }
    if let Some(t) = threshold.filter(|t| t.is_finite()) {
        let x = left + plot_w * t.clamp(0.0, 1.0);
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{base}" class="threshold"/><text x="{:.1}" y="{}" class="threshold-label">min_bead_score {t:.2}</text>"#,
            top - 8.0,
            x + 4.0,
            top - 10.0 + 8.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1\u{2009}000");
        assert_eq!(thousands(1234567), "1\u{2009}234\u{2009}567");
    }

    #[test]
    fn scores_fall_in_their_bins() {
        let bins = score_bins([0.0, 0.049, 0.05, 0.5, 0.999, 1.0, 1.7, -1.0, f64::NAN].into_iter());
        assert_eq!(bins[0], 3);
        assert_eq!(bins[1], 1);
        assert_eq!(bins[10], 1);
        assert_eq!(bins[SCORE_BINS - 1], 3);
        assert_eq!(bins.iter().sum::<usize>(), 8);
    }

    #[test]
    fn bar_labels_are_escaped_and_every_value_drawn() {
        let svg = bar_chart(
            "t",
            &[Series {
                name: "removed",
                colour: "red",
            }],
            &[
                BarRow {
                    label: "<script>alert(1)</script>".into(),
                    values: vec![3],
                },
                BarRow {
                    label: "b".into(),
                    values: vec![0],
                },
            ],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<rect").count(), 1 + 2);
    }

    #[test]
    fn stacked_parts_share_the_width() {
        let svg = stacked_bar("lines", &[("kept", 3, "green"), ("removed", 1, "red")]);
        assert!(svg.contains(r#"width="465.0""#), "{svg}");
        assert!(svg.contains(r#"x="465.0" y="30" width="155.0""#), "{svg}");
        assert!(svg.contains("removed 1 (25.0%)"));
        // Nothing to divide: no bar is drawn wider than zero, and nothing divides by zero.
        assert!(!stacked_bar("lines", &[("kept", 0, "green")]).contains("NaN"));
    }

    #[test]
    fn histogram_has_one_bar_per_non_empty_bin_and_the_threshold() {
        let mut bins = [0usize; SCORE_BINS];
        bins[3] = 2;
        bins[19] = 40;
        let svg = histogram("scores", &bins, Some(0.1));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("min_bead_score 0.10"));
        assert!(!histogram("scores", &bins, None).contains("min_bead_score"));
    }
}
