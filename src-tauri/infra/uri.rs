//! Web addresses written the way RFC 3986 (and so a JSON Schema `uri` format) wants them.
//!
//! Ladder stores addresses as the user typed them: http(s), one line, no spaces
//! (`limits::url`), but letters such as `ä`, or `"`, `<`, `|`, are kept. An export that a
//! validator reads writes each address with those characters percent-encoded, part by
//! part (user, host, path, query, fragment), leaving `%XX` escapes already there alone.
//! Browsers read both forms as the same address.

/// Letters, digits and `-._~`.
fn unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c)
}

fn sub_delim(c: char) -> bool {
    "!$&'()*+,;=".contains(c)
}

/// What a path segment may hold as it is.
fn pchar(c: char) -> bool {
    unreserved(c) || sub_delim(c) || c == ':' || c == '@'
}

/// `value` with every character `keep` refuses percent-encoded (as UTF-8 bytes), except
/// a `%` that already starts an escape.
fn encode(value: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(value.len());
    let chars: Vec<char> = value.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escape = c == '%'
            && chars.get(i + 1).is_some_and(char::is_ascii_hexdigit)
            && chars.get(i + 2).is_some_and(char::is_ascii_hexdigit);
        if escape || (c.is_ascii() && keep(c)) {
            out.push(c);
            continue;
        }
        let mut bytes = [0; 4];
        for b in c.encode_utf8(&mut bytes).bytes() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The host, and the port when what follows the last `:` is digits.
fn host_and_port(hostport: &str) -> String {
    match hostport.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => {
            format!("{}:{port}", encode(host, |c| unreserved(c) || sub_delim(c)))
        }
        _ => encode(hostport, |c| unreserved(c) || sub_delim(c)),
    }
}

fn authority(authority: &str) -> String {
    match authority.rsplit_once('@') {
        Some((user, hostport)) => format!(
            "{}@{}",
            encode(user, |c| unreserved(c) || sub_delim(c) || c == ':'),
            host_and_port(hostport)
        ),
        None => host_and_port(authority),
    }
}

/// Path, query and fragment.
fn tail(rest: &str) -> String {
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (rest, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    let mut out = encode(path, |c| pchar(c) || c == '/');
    let in_query = |c: char| pchar(c) || c == '/' || c == '?';
    if let Some(q) = query {
        out.push('?');
        out.push_str(&encode(q, in_query));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(&encode(f, in_query));
    }
    out
}

/// A stored http(s) address as an RFC 3986 URI.
pub(crate) fn for_export(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return tail(url);
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    format!(
        "{}://{}{}",
        scheme.to_ascii_lowercase(),
        authority(&rest[..end]),
        tail(&rest[end..])
    )
}

#[cfg(test)]
mod tests {
    use super::for_export;

    #[test]
    fn plain_addresses_are_left_as_they_are() {
        for url in [
            "https://example.com",
            "https://example.com/",
            "http://example.com:8080/a/b?x=1&y=%20z#part",
            "https://ana:secret@example.com/~ana/cv.pdf",
            "https://example.com/a(b)c;d=e,f*g+h!i$j'k",
        ] {
            assert_eq!(for_export(url), url);
        }
        assert_eq!(for_export("HTTPS://Example.com/"), "https://Example.com/");
    }

    #[test]
    fn characters_outside_rfc_3986_are_percent_encoded() {
        assert_eq!(
            for_export("https://exämple.com/über?q=ça#é"),
            "https://ex%C3%A4mple.com/%C3%BCber?q=%C3%A7a#%C3%A9"
        );
        assert_eq!(
            for_export("https://e.com/a\"b<c>d\\e^f`g{h}i|j[k]"),
            "https://e.com/a%22b%3Cc%3Ed%5Ce%5Ef%60g%7Bh%7Di%7Cj%5Bk%5D"
        );
        // A lone % is encoded, an escape is kept; a second # belongs to the fragment.
        assert_eq!(
            for_export("https://e.com/100%/x%2Fy#a#b"),
            "https://e.com/100%25/x%2Fy#a%23b"
        );
        // A second @ belongs to the user part; a colon not followed by a port is encoded.
        assert_eq!(for_export("https://a@b@c.com/"), "https://a%40b@c.com/");
        assert_eq!(for_export("https://c.com:x/"), "https://c.com%3Ax/");
        assert_eq!(
            for_export("https://e.com/東京"),
            "https://e.com/%E6%9D%B1%E4%BA%AC"
        );
    }
}
