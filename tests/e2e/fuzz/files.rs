//! Broken files for the importers. The app's "open file" answer (`LADDER_OPEN_FILE`) is
//! one fixed path in the test's folder, and the fuzzer writes a new file there before each
//! call that opens it: one launch covers every file. (When the CSV import picks its file
//! in Rust, only `preview_csv`'s arguments change; this file stays as it is.)

use super::gen::Rng;

const HEADER: &str = "title,kind,provider,url,total units,unit,focus area,status,target date\n";

/// A CSV file that is broken in one of many ways (or, now and then, a good one).
pub fn broken_csv(rng: &mut Rng) -> Vec<u8> {
    let good_row =
        "Rust in Action,book,Manning,https://example.com,12,chapters,6,planned,2027-01-31\n";
    let text = |s: String| s.into_bytes();
    match rng.below(24) {
        0 => Vec::new(),
        1 => b"\xEF\xBB\xBF".to_vec(),
        2 => text(HEADER.to_owned()),
        3 => text(format!("{HEADER}{good_row}")),
        4 => text("name,author\nA book,someone\n".to_owned()),
        5 => text(format!("{HEADER}Monitor 27\" setup,course,Acme,,,,,,\n")),
        6 => text(format!("{HEADER}\"never closed,course\n")),
        7 => text(format!("{HEADER}too,few\n{good_row}a,b,c,d,e,f,g,h,i,j,k,l\n")),
        8 => text(format!("{HEADER}nul\u{0}inside,course,,,,,,,\n")),
        9 => vec![0xFF, 0xFE, b't', 0, b'i', 0, b't', 0],
        10 => {
            let mut v = HEADER.as_bytes().to_vec();
            v.extend_from_slice(b"caf\xE9,course,,,,,,,\n");
            v
        }
        11 => text(format!("title\n{}\n", "x".repeat(1 << 20))),
        12 => text(format!("{}\n", (0..10_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","))),
        13 => text(format!("{HEADER}{good_row}").replace('\n', "\r")),
        14 => text(format!("{HEADER}{good_row}").replace(',', ";")),
        15 => text("title,title,kind\na,b,course\n".to_owned()),
        16 => text(format!("{HEADER}{}", good_row.repeat(2))),
        17 => (0..4096).map(|_| (rng.next() & 0xFF) as u8).collect(),
        18 => text(format!("{HEADER}big,course,,,1e308,lessons,,,\nneg,course,,,-5,lessons,,,\nnan,course,,,NaN,lessons,,,\n")),
        19 => text(format!("{HEADER}old,course,,,,,,,0001-01-01\nfar,course,,,,,,,9999-12-31\nbad,course,,,,,,,2026-02-30\n")),
        20 => text(format!("{HEADER}x,course,,javascript:alert(1),,,,,\ny,course,,file:///etc/passwd,,,,,\n")),
        21 => text(format!("{HEADER}🙂‍↔️,podcast,\u{202E}evil,,3,hours,99,done,\n")),
        22 => text(format!("{HEADER}{}", (0..3000).map(|i| format!("Course {i},course,,,,,,,\n")).collect::<String>())),
        _ => text(format!("{HEADER}\"a \"\"quoted\"\" title\",course,\"multi\nline\",,,,,,\n")),
    }
}

/// A file for "Restore from a file…": a copy of a real backup, whole or damaged, or
/// something that is not a database at all.
pub fn broken_restore(rng: &mut Rng, backup: Option<&[u8]>) -> Vec<u8> {
    match (rng.below(6), backup) {
        (0, Some(b)) => b.to_vec(),
        (1, Some(b)) => b[..b.len() / 2].to_vec(),
        (2, Some(b)) => {
            let mut v = b.to_vec();
            let at = 100 + rng.below(v.len().saturating_sub(100).max(1));
            if at < v.len() {
                v[at] ^= 0xFF;
            }
            v
        }
        (3, _) => {
            let mut v = b"SQLite format 3\0".to_vec();
            v.extend((0..8192).map(|_| (rng.next() & 0xFF) as u8));
            v
        }
        (4, _) => Vec::new(),
        _ => broken_csv(rng),
    }
}

/// A file for "Import…" of a whole export: the seed's own export, whole or broken in
/// one of many ways.
pub fn broken_export(rng: &mut Rng, base: &str) -> Vec<u8> {
    use serde_json::{json, Value};
    let mut doc: Value = serde_json::from_str(base).unwrap();
    let goal = doc["records"]["goals"][0].clone();
    let change = |doc: &mut Value, f: &dyn Fn(&mut Value)| f(&mut doc["records"]["goals"][0]);
    match rng.below(16) {
        0 => return base.as_bytes().to_vec(),
        1 => return base.as_bytes()[..base.len() / 2].to_vec(),
        2 => {
            let mut v = base.as_bytes().to_vec();
            let at = rng.below(v.len());
            v[at] ^= 0x5A;
            return v;
        }
        3 => return ("[".repeat(10_000) + &"]".repeat(10_000)).into_bytes(),
        4 => doc["formatVersion"] = json!(99),
        5 => change(&mut doc, &|g| g["title"] = json!(7)),
        6 => doc["records"]["goals"].as_array_mut().unwrap().push(goal),
        7 => change(&mut doc, &|g| {
            g["planUid"] = json!("01a23500-0000-7000-8000-00000000dead")
        }),
        8 => change(&mut doc, &|g| g["why"] = json!("x".repeat(1 << 20))),
        9 => change(&mut doc, &|g| g["why"] = json!("nul\u{0}inside")),
        10 => return (0..4096).map(|_| (rng.next() & 0xFF) as u8).collect(),
        11 => return Vec::new(),
        12 => doc["records"]["secrets"] = json!([{"uid": "x"}]),
        13 => doc["tombstones"].as_array_mut().unwrap().push(json!({
            "uid": "01a23500-0000-7000-8000-0000000000f1", "kind": "goal",
            "recordUid": goal["uid"], "deletedAt": "2099-01-01T00:00:00.000Z"})),
        14 => change(&mut doc, &|g| {
            g["title"] = json!("t".repeat(300));
            g["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
        }),
        _ => change(&mut doc, &|g| g["target"] = json!(1e308)),
    }
    doc.to_string().into_bytes()
}
