//! A migration that has landed never changes: sqlx refuses to open a database whose
//! applied migrations' checksums differ from this build's, and the app could not start
//! on the user's file. Each landed migration's checksum (SHA-384 of its text) is pinned
//! here; a new migration adds its line, an edited one fails.

const PINNED: &[(i64, &str)] = &[
    (20261126000001, "1d307730ed70dc4eb475891b7594e582ca53312a7a405967a54f2a0747ca8ee1c428178d356fdd248a7592d704497ba5"),
    (20261127000001, "c20661172b26bb25b813c0ebbce24250b9c6caf8b78249800a4243f9dd75d0cb0371320b86ff51f430cd2cd7a4aaaaa9"),
    (20261127000002, "1f52d80d4a73c5320209be3f8311bbb2d47a322c098aedae2ae2ef5ef1f72aabd365fa29c98d1b993d931336d4cf8691"),
    (20261127000003, "bc20df1a5211a97d2de86638011f13ec86bc8d26be05f9b6ac4d776e78618f54adc1dee1cf003fe340b5ee5efb049e8d"),
    (20261127000004, "2b8b07c49a8a46bdf5c9fad828e1da9f7ab3431df4513a9ed0d88d7252a4f563bf2f5ea0f08e66216cfb80d0ebac5170"),
    (20261127000005, "672bce707ae59fb5ca39efb92a567dee91824edb04ce84aa8e9c459d3825e4a8b5767308a32e6784fb1d38597b66f7af"),
    (20261127000006, "9f5c4c0634327d69aa5c145b0425df8aa6c729666b2b8b7c656e56a4f228db0ecdb67b905655c0ccaec7264179855a1a"),
    (20261127000007, "33493e6c76b7480fe899e7a1e8f2c1cf57225ab7a3fef166c41742f18653c55f44b497c396a67cd6c36d1d53f389eca9"),
    (20261202000001, "df6170203d733ffc88d2fd5e1db7a3ad5f59b9b2a2aa9b005c0c688f8c6890ab98fc47c62787826095c7bc2076dcc6d5"),
    (20261202000002, "acad6925745ce9a9b17850b35ef8f493e7b5bae5d02159d43570a8a4347d9d22817766f1045499f02a12aa11c1d45ae2"),
    (20261202000003, "f2f0f08ed2869db9e509bef9a2f41f5c7eafceb24d4bb125835d4a2accdbdb4652cf703767466534609247cd2b539ec7"),
    (20261202000004, "7ed4a4e870f79f1babd6d9ddb064712724647d95f54c4a19297dc03463cc6b71c11992a1b244b819f0d372d36b63e417"),
    (20261202000005, "665c0b8afff0979d266d537b1eefa881c6e6af6be8a0ccafe4d319454168815fb9cca8e92fbe906145df583ad7b6766e"),
    (20261202000006, "a1ff363ee320695ac3da107a91301c353d0c22a9278b83a01fa8ff1df3d3261a265198521896054f150e11c5a31c30f9"),
    (20261202000007, "b4a6cfa1c606ca80ff99884c449b8fee980c184cbbdb004f64b670c58ae52a1e2072ba8f75c023f0fba40d2741fec644"),
    (20261202000008, "db378801f300ace2a9afa49cabfc2f6253b1736e30abf70954cc00eacdf32cfc963ddaf3d6666095442da3f226b8c7f6"),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn landed_migrations_keep_their_checksums() {
    let migrator = sqlx::migrate!();
    let now: Vec<(i64, String)> = migrator
        .iter()
        .map(|m| (m.version, hex(&m.checksum)))
        .collect();
    for (line, (version, checksum)) in now.iter().enumerate() {
        let pinned = PINNED.get(line);
        assert!(
            pinned.is_some(),
            "migration {version} has no pinned checksum; once it lands, add\n    ({version}, \"{checksum}\"),"
        );
        let (pinned_version, pinned_checksum) = pinned.unwrap();
        assert_eq!(
            (*pinned_version, *pinned_checksum),
            (*version, checksum.as_str()),
            "migration {version} changed after it landed (or one was inserted before it): \
             add a new migration instead of editing an applied one"
        );
    }
    assert_eq!(now.len(), PINNED.len(), "a pinned migration was removed");
}
