//! String literals: finding where they end, decoding escapes, and splitting f-strings into pieces.

use std::rc::Rc;

use super::error::{line_at, SyntaxError};
use super::span::Span;
use super::token::{FFieldSrc, FPiece, StrValue};

/// The prefix letters of a string literal, case folded.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    raw: bool,
    bytes: bool,
    format: bool,
}

/// Scans the string literal whose prefix starts at `start` and whose opening quote is at `quote_at`.
/// Returns the offset just past the closing quote and the decoded value.
pub fn scan_string(
    src: &str,
    start: usize,
    quote_at: usize,
) -> Result<(usize, StrValue), SyntaxError> {
    let mut prefix = Prefix::default();
    for c in src[start..quote_at].chars() {
        match c.to_ascii_lowercase() {
            'r' => prefix.raw = true,
            'b' => prefix.bytes = true,
            'f' => prefix.format = true,
            _ => {}
        }
    }
    let bytes = src.as_bytes();
    let quote = bytes[quote_at];
    let triple = bytes.get(quote_at + 1) == Some(&quote) && bytes.get(quote_at + 2) == Some(&quote);
    let body_start = quote_at + if triple { 3 } else { 1 };
    let mut i = body_start;
    let body_end = loop {
        match bytes.get(i) {
            None => return Err(unterminated(src, start, triple)),
            Some(b'\\') => {
                i += if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                }
            }
            Some(b'\n' | b'\r') if !triple => return Err(unterminated(src, start, triple)),
            Some(&c) if c == quote => {
                if !triple {
                    break i;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    break i;
                }
                i += 1;
            }
            Some(_) => i += 1,
        }
    };
    if body_end > bytes.len() {
        return Err(unterminated(src, start, triple));
    }
    let end = body_end + if triple { 3 } else { 1 };
    let body = Span::new(body_start, body_end);
    let value = if prefix.format {
        StrValue::FString(split_fstring(src, body, prefix.raw, 0)?)
    } else if prefix.bytes {
        StrValue::Bytes(decode_bytes(src, body, prefix.raw)?)
    } else {
        StrValue::Str(decode_str(src, body, prefix.raw)?)
    };
    Ok((end, value))
}

fn unterminated(src: &str, start: usize, triple: bool) -> SyntaxError {
    if triple {
        let line = line_at(src, src.len().saturating_sub(1));
        SyntaxError::new(
            format!("unterminated triple-quoted string literal (detected at line {line})"),
            Span::new(start, start + 3),
        )
    } else {
        let line_end = src[start..]
            .find(['\n', '\r'])
            .map_or(src.len(), |n| start + n);
        SyntaxError::new(
            format!(
                "unterminated string literal (detected at line {})",
                line_at(src, start)
            ),
            Span::new(start, line_end.max(start + 1)),
        )
    }
}

fn unicode_error(body: Span, from: usize, to: usize, what: &str) -> SyntaxError {
    SyntaxError::new(
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
            from - body.start as usize,
            to - body.start as usize
        ),
        Span::new(from, to + 1),
    )
}

/// Decodes a `str` literal body (`raw` keeps backslashes as they are).
pub fn decode_str(src: &str, body: Span, raw: bool) -> Result<String, SyntaxError> {
    let text = &src[body.range()];
    if raw || !text.contains('\\') {
        return Ok(normalize_newlines(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    let base = body.start as usize;
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if chars.peek().map(|&(_, n)| n) == Some('\n') {
                chars.next();
            }
            out.push('\n');
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|&(_, n)| n) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (len, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value = 0u32;
                let mut last = i + 1;
                for _ in 0..len {
                    match chars.peek() {
                        Some(&(j, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).unwrap_or(0);
                            last = j;
                            chars.next();
                        }
                        _ => return Err(unicode_error(body, base + i, base + last, what)),
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if (0xd800..0xe000).contains(&value) => {
                        return Err(SyntaxError::with_kind(
                            super::error::ErrorKind::NotImplementedError,
                            "string literals with lone surrogates are not supported",
                            Span::new(base + i, base + last + 1),
                        ))
                    }
                    None => {
                        return Err(unicode_error(
                            body,
                            base + i,
                            base + last,
                            "illegal Unicode character",
                        ))
                    }
                }
            }
            'N' => {
                let rest = &text[i + 2..];
                let named = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|close| &r[..close]));
                match named {
                    Some(name) if !name.is_empty() => {
                        let end = i + 2 + name.len() + 1;
                        match unicode_names2::character(name) {
                            Some(ch) => out.push(ch),
                            None => {
                                return Err(unicode_error(
                                    body,
                                    base + i,
                                    base + end,
                                    "unknown Unicode character name",
                                ))
                            }
                        }
                        while chars.peek().is_some_and(|&(j, _)| j <= end) {
                            chars.next();
                        }
                    }
                    _ => {
                        let to = i + 1 + rest.find('}').map_or(0, |n| n + 1).min(rest.len());
                        return Err(unicode_error(
                            body,
                            base + i,
                            base + to,
                            "malformed \\N character escape",
                        ));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// Decodes a `bytes` literal body.
pub fn decode_bytes(src: &str, body: Span, raw: bool) -> Result<Vec<u8>, SyntaxError> {
    let text = &src[body.range()];
    if let Some(pos) = text.find(|c: char| !c.is_ascii()) {
        let at = body.start as usize + pos;
        return Err(SyntaxError::new(
            "bytes can only contain ASCII literal characters",
            Span::new(at, at + 1),
        ));
    }
    let normalized = normalize_newlines(text);
    let b = normalized.as_bytes();
    if raw {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    if i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        value = value * 8 + u32::from(b[i] - b'0');
                        i += 1;
                    }
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hex = b
                    .get(i..i + 2)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        let at = body.start as usize + i - 2;
                        return Err(SyntaxError::new(
                            format!("(value error) invalid \\x escape at position {}", i - 2),
                            Span::new(at, at + 2),
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

fn fstring_error(msg: &str, at: usize, len: usize) -> SyntaxError {
    SyntaxError::new(format!("f-string: {msg}"), Span::new(at, at + len.max(1)))
}

/// Splits an f-string body into literal text and replacement fields. `depth` counts how deep in
/// format specs this body is (CPython allows fields nested one level in a spec).
fn split_fstring(src: &str, body: Span, raw: bool, depth: u32) -> Result<Vec<FPiece>, SyntaxError> {
    let bytes = src.as_bytes();
    let end = body.end as usize;
    let mut pieces = Vec::new();
    let mut lit_start = body.start as usize;
    let mut i = lit_start;
    let flush = |pieces: &mut Vec<FPiece>,
                 from: usize,
                 to: usize,
                 extra: &str|
     -> Result<(), SyntaxError> {
        let mut text = decode_str(src, Span::new(from, to), raw)?;
        text.push_str(extra);
        if !text.is_empty() {
            if let Some(FPiece::Literal(prev)) = pieces.last_mut() {
                prev.push_str(&text);
            } else {
                pieces.push(FPiece::Literal(text));
            }
        }
        Ok(())
    };
    while i < end {
        match bytes[i] {
            b'\\' if !raw && bytes.get(i + 1) == Some(&b'N') && bytes.get(i + 2) == Some(&b'{') => {
                i = src[i..end].find('}').map_or(end, |n| i + n + 1);
            }
            b'\\' if matches!(bytes.get(i + 1), Some(b'{' | b'}')) => i += 1,
            b'\\' => i += 2,
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                flush(&mut pieces, lit_start, i, "{")?;
                i += 2;
                lit_start = i;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                flush(&mut pieces, lit_start, i, "}")?;
                i += 2;
                lit_start = i;
            }
            b'}' => return Err(fstring_error("single '}' is not allowed", i, 1)),
            b'{' => {
                flush(&mut pieces, lit_start, i, "")?;
                if depth >= 2 {
                    return Err(fstring_error("expressions nested too deeply", i, 1));
                }
                let (field, next) = scan_field(src, i + 1, end, raw, depth)?;
                pieces.push(FPiece::Field(Rc::new(field)));
                i = next;
                lit_start = i;
            }
            _ => i += 1,
        }
    }
    flush(&mut pieces, lit_start, end.min(i), "")?;
    Ok(pieces)
}

/// Scans one replacement field whose expression starts at `start`; returns it and the offset
/// just past its closing brace.
fn scan_field(
    src: &str,
    start: usize,
    end: usize,
    raw: bool,
    depth: u32,
) -> Result<(FFieldSrc, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let mut i = start;
    let mut nesting: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, bool)> = None;
    let expr_end = loop {
        let Some(&c) = bytes.get(i).filter(|_| i < end) else {
            return Err(fstring_error("expecting '}'", start - 1, 1));
        };
        if let Some((q, triple)) = quote {
            if c == q && (!triple || (bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q)))
            {
                quote = None;
                i += if triple { 3 } else { 1 };
            } else {
                i += 1;
            }
            continue;
        }
        match c {
            b'\\' => {
                return Err(SyntaxError::new(
                    "f-string expression part cannot include a backslash",
                    Span::new(i, i + 1),
                ))
            }
            b'#' => {
                return Err(SyntaxError::new(
                    "f-string expression part cannot include '#'",
                    Span::new(i, i + 1),
                ))
            }
            b'\'' | b'"' => {
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                quote = Some((c, triple));
                i += if triple { 3 } else { 1 };
                continue;
            }
            b'(' | b'[' | b'{' => nesting.push(c),
            b')' | b']' | b'}' if !nesting.is_empty() => {
                let open = nesting.pop().unwrap_or(b'(');
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    return Err(fstring_error(
                        &format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        ),
                        i,
                        1,
                    ));
                }
            }
            b')' | b']' => return Err(fstring_error(&format!("unmatched '{}'", c as char), i, 1)),
            b'}' | b':' if nesting.is_empty() => break i,
            b'!' if nesting.is_empty() && bytes.get(i + 1) != Some(&b'=') => break i,
            b'=' if nesting.is_empty()
                && bytes.get(i + 1) != Some(&b'=')
                && !matches!(bytes[i - 1], b'=' | b'!' | b'<' | b'>') =>
            {
                break i
            }
            _ => {}
        }
        i += 1;
    };
    if quote.is_some() {
        return Err(fstring_error("unterminated string", start, 1));
    }
    if src[start..expr_end].trim().is_empty() {
        if bytes[expr_end] == b'!' {
            return Err(fstring_error("expression required before '!'", expr_end, 1));
        }
        return Err(fstring_error(
            "empty expression not allowed",
            start - 1,
            expr_end - start + 2,
        ));
    }
    let expr = Span::new(start, expr_end);
    i = expr_end;
    let mut debug_text = None;
    if bytes[i] == b'=' {
        i += 1;
        while i < end && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        debug_text = Some(src[start..i].to_owned());
    }
    let mut conversion = None;
    if i < end && bytes[i] == b'!' {
        match src[i + 1..end].chars().next() {
            Some(c @ ('s' | 'r' | 'a')) => {
                conversion = Some(c);
                i += 2;
                if i >= end || !matches!(bytes[i], b':' | b'}') {
                    return Err(fstring_error("expecting '}'", start - 1, 1));
                }
            }
            Some(_) => {
                return Err(fstring_error(
                    "invalid conversion character: expected 's', 'r', or 'a'",
                    i,
                    2,
                ))
            }
            None => return Err(fstring_error("expecting '}'", start - 1, 1)),
        }
    }
    let mut spec = None;
    if i < end && bytes[i] == b':' {
        let spec_start = i + 1;
        let mut j = spec_start;
        let mut open = 0usize;
        while j < end {
            match bytes[j] {
                b'{' if open == 0 && depth < 1 => {
                    j = scan_field(src, j + 1, end, raw, depth + 1)?.1;
                    continue;
                }
                b'{' => open += 1,
                b'}' if open == 0 => break,
                b'}' => open -= 1,
                _ => {}
            }
            j += 1;
        }
        if j >= end {
            return Err(fstring_error("expecting '}'", start - 1, 1));
        }
        spec = Some(split_fstring(
            src,
            Span::new(spec_start, j),
            raw,
            depth + 1,
        )?);
        i = j;
    }
    if i >= end || bytes[i] != b'}' {
        return Err(fstring_error("expecting '}'", start - 1, 1));
    }
    if debug_text.is_some() && conversion.is_none() && spec.is_none() {
        conversion = Some('r');
    }
    Ok((
        FFieldSrc {
            expr,
            debug_text,
            conversion,
            spec,
        },
        i + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(src: &str) -> Result<StrValue, String> {
        let quote = src.find(['\'', '"']).unwrap();
        scan_string(src, 0, quote)
            .map(|(_, v)| v)
            .map_err(|e| e.message)
    }

    #[test]
    fn escapes() {
        assert_eq!(
            lit(r#""a\tb\x41\u00e9\101\N{BULLET}""#).unwrap(),
            StrValue::Str("a\tbAé A•".replace(' ', ""))
        );
        assert_eq!(lit(r#"r"a\tb""#).unwrap(), StrValue::Str("a\\tb".into()));
        assert_eq!(
            lit(r#"b"\x00\xff""#).unwrap(),
            StrValue::Bytes(vec![0, 255])
        );
        assert_eq!(lit("'''a\nb'''").unwrap(), StrValue::Str("a\nb".into()));
        assert_eq!(lit(r#""\q""#).unwrap(), StrValue::Str("\\q".into()));
    }

    #[test]
    fn string_errors() {
        assert_eq!(
            lit("'abc").unwrap_err(),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            lit("x\n'''abc\n").unwrap_err(),
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert!(lit(r#""\x4""#)
            .unwrap_err()
            .contains("truncated \\xXX escape"));
        assert_eq!(
            lit("b'é'").unwrap_err(),
            "bytes can only contain ASCII literal characters"
        );
    }

    #[test]
    fn fstring_pieces() {
        let StrValue::FString(p) = lit(r#"f"a{{b}} {x!r:>{w}} {y=}""#).unwrap() else {
            panic!()
        };
        assert_eq!(p.len(), 4);
        assert_eq!(p[0], FPiece::Literal("a{b} ".into()));
        let StrValue::FString(raw) = lit(r#"rf"\{c}\{{x}}""#).unwrap() else {
            panic!()
        };
        assert_eq!(raw.len(), 3);
        let FPiece::Field(f) = &p[1] else { panic!() };
        assert_eq!(f.conversion, Some('r'));
        assert_eq!(f.spec.as_ref().map(Vec::len), Some(2));
        let FPiece::Field(y) = &p[3] else { panic!() };
        assert_eq!(y.debug_text.as_deref(), Some("y="));
        assert_eq!(y.conversion, Some('r'));
    }

    #[test]
    fn fstring_errors() {
        assert_eq!(
            lit(r#"f"{}""#).unwrap_err(),
            "f-string: empty expression not allowed"
        );
        assert_eq!(
            lit(r#"f"}""#).unwrap_err(),
            "f-string: single '}' is not allowed"
        );
        assert_eq!(lit(r#"f"{x""#).unwrap_err(), "f-string: expecting '}'");
        assert_eq!(
            lit(r#"f"{a\n}""#).unwrap_err(),
            "f-string expression part cannot include a backslash"
        );
        assert_eq!(
            lit(r#"f"{a!x}""#).unwrap_err(),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            lit(r#"f"{a:{b:{c}}}""#).unwrap_err(),
            "f-string: expressions nested too deeply"
        );
    }
}
