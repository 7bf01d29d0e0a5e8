use std::io::Read;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let mut bytes = Vec::new();
    let f = std::fs::File::open(&p).unwrap();
    if p.ends_with(".gz") { flate2::read::GzDecoder::new(f).read_to_end(&mut bytes).unwrap(); } else { std::io::BufReader::new(f).read_to_end(&mut bytes).unwrap(); }
    let page = cleanalign::stages::html::extract(&String::from_utf8_lossy(&bytes));
    let removed: std::collections::BTreeMap<usize, &str> = page.removed.iter().copied().collect();
    if std::env::args().nth(2).is_some() {
        for (i, l) in page.text.lines().enumerate() { println!("{} {:>20} {}", i+1, removed.get(&(i+1)).unwrap_or(&""), l.chars().take(100).collect::<String>()); }
    }
}
