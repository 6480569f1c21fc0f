//! Turning a source file's bytes into text the way CPython does (PEP 263): UTF-8 by default, a
//! UTF-8 byte order mark, or a `coding:` declaration in the first two lines.

use std::borrow::Cow;

use super::error::{ErrorKind, SyntaxError};
use super::span::Span;

/// Codecs CPython knows but Baton does not decode; naming one is unsupported, not unknown.
const OTHER_KNOWN_CODECS: [&str; 24] = [
    "ascii",
    "us-ascii",
    "cp1252",
    "windows-1252",
    "cp1251",
    "windows-1251",
    "cp437",
    "cp850",
    "koi8-r",
    "koi8-u",
    "iso-8859-2",
    "iso-8859-5",
    "iso-8859-7",
    "iso-8859-15",
    "latin-2",
    "mac-roman",
    "utf-16",
    "utf-32",
    "shift-jis",
    "euc-jp",
    "gbk",
    "gb2312",
    "big5",
    "euc-kr",
];

/// Decodes the bytes of file `filename`.
///
/// ```
/// use baton::syntax::decode_source;
/// assert_eq!(decode_source(b"x = 1\n", "a.py").unwrap(), "x = 1\n");
/// assert_eq!(decode_source(b"# coding: latin-1\ns = '\xe9'\n", "a.py").unwrap(), "# coding: latin-1\ns = '\u{e9}'\n");
/// let err = decode_source(b"s = '\xe9'\n", "a.py").unwrap_err();
/// assert!(err.message.starts_with("Non-UTF-8 code starting with '\\xe9' in file a.py on line 1"));
/// ```
pub fn decode_source<'b>(bytes: &'b [u8], filename: &str) -> Result<Cow<'b, str>, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = coding_cookie(body);
    if let Some(name) = &cookie {
        if bom && normal_name(name) != "utf-8" {
            return Err(SyntaxError::new(
                format!("encoding problem: {name} with BOM"),
                Span::new(0, 1),
            ));
        }
        let normal = codec_name(name);
        if normal == "iso-8859-1" {
            return Ok(Cow::Owned(body.iter().map(|&b| b as char).collect()));
        }
        if normal != "utf-8" {
            let known =
                OTHER_KNOWN_CODECS.contains(&normal.as_str()) || normal.starts_with("iso-8859-");
            if normal == "ascii" && body.is_ascii() {
                return Ok(Cow::Borrowed(std::str::from_utf8(body).unwrap_or_default()));
            }
            return Err(if known {
                SyntaxError::with_kind(
                    ErrorKind::NotImplementedError,
                    format!("source encoding '{name}' is not supported"),
                    Span::new(0, 1),
                )
            } else {
                SyntaxError::new(format!("encoding problem: {name}"), Span::new(0, 1))
            });
        }
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let span = Span::new(at, at + 1);
            if cookie.is_none() && !bom {
                return Err(SyntaxError::new(
                    format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        body[at]
                    ),
                    span,
                ));
            }
            let line_start = body[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let why = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if (0xc2..=0xf4).contains(&body[at]) => "invalid continuation byte",
                Some(_) => "invalid start byte",
            };
            Err(SyntaxError::new(
                format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {why}",
                    body[at],
                    at - line_start
                ),
                span,
            ))
        }
    }
}

/// The encoding named by a `coding[:=]` comment on line 1, or on line 2 after a blank or
/// comment-only line 1.
fn coding_cookie(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n').take(2);
    let first = lines.next()?;
    if let Some(name) = cookie_in_line(first) {
        return Some(name);
    }
    let first_trimmed = first
        .iter()
        .skip_while(|b| b" \t\x0c\r".contains(b))
        .copied()
        .collect::<Vec<u8>>();
    if first_trimmed.is_empty() || first_trimmed[0] == b'#' {
        return lines.next().and_then(cookie_in_line);
    }
    None
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let comment = text
        .trim_start_matches([' ', '\t', '\x0c'])
        .strip_prefix('#')?;
    let at = comment.find("coding")?;
    let rest = comment[at + 6..].strip_prefix([':', '='])?;
    let name: String = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The codec a declared name resolves to, through the aliases Python's codec registry knows.
fn codec_name(name: &str) -> String {
    let normal = normal_name(name);
    match normal.as_str() {
        "utf8" | "u8" | "utf" | "cp65001" => "utf-8".into(),
        "latin1" | "latin" | "l1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
            "iso-8859-1".into()
        }
        "us-ascii" | "646" => "ascii".into(),
        _ => normal,
    }
}

/// CPython's tokenizer-level normalisation (utf-8 and latin-1 spellings only).
fn normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"]
        .iter()
        .any(|n| lower == *n || lower.starts_with(&format!("{n}-")))
    {
        "iso-8859-1".into()
    } else {
        lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(
            coding_cookie(b"# -*- coding: utf-8 -*-\n").as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            coding_cookie(b"#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\n").as_deref(),
            Some("latin-1")
        );
        assert_eq!(coding_cookie(b"x = 1\n# coding: latin-1\n"), None);
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode_source(b"# coding: uft-8\n", "f")
                .unwrap_err()
                .message,
            "encoding problem: uft-8"
        );
        assert_eq!(
            decode_source(b"# coding: latin1\nx = '\xe9'\n", "f").unwrap(),
            "# coding: latin1\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"\xef\xbb\xbf#coding: utf8\n", "f")
                .unwrap_err()
                .message,
            "encoding problem: utf8 with BOM"
        );
        assert_eq!(
            decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(),
            "x = 1\n"
        );
        assert_eq!(
            decode_source(b"# coding: koi8-r\n", "f").unwrap_err().kind,
            ErrorKind::NotImplementedError
        );
    }
}
