//! Scanning numeric literals with CPython's rules for underscores, prefixes and what may follow.

use std::rc::Rc;

use num_bigint::BigInt;

use super::error::SyntaxError;
use super::span::Span;
use super::token::{IntLit, Tok};

/// Keywords that may directly follow a number (`1if x else y`), as CPython's tokenizer allows.
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Scans the number starting at `start` (a digit, or `.` then a digit). Returns its end and token.
pub fn scan_number(src: &str, start: usize) -> Result<(usize, Tok), SyntaxError> {
    let bytes = src.as_bytes();
    let error = |msg: &str, at: usize| SyntaxError::new(msg, Span::new(start, at.max(start + 1)));
    let err = |msg: &str, at: usize| Err(error(msg, at));
    let radix = match (
        bytes[start],
        bytes.get(start + 1).map(u8::to_ascii_lowercase),
    ) {
        (b'0', Some(b'x')) => Some((16, "hexadecimal")),
        (b'0', Some(b'o')) => Some((8, "octal")),
        (b'0', Some(b'b')) => Some((2, "binary")),
        _ => None,
    };
    if let Some((radix, name)) = radix {
        let mut i = start + 2;
        let mut digits = String::new();
        loop {
            if bytes.get(i) == Some(&b'_') {
                i += 1;
            }
            match bytes.get(i) {
                Some(&c) if (c as char).is_digit(radix) => {
                    digits.push(c as char);
                    i += 1;
                }
                Some(&c) if c.is_ascii_digit() => {
                    return err(
                        &format!("invalid digit '{}' in {name} literal", c as char),
                        i + 1,
                    )
                }
                _ => break,
            }
        }
        if digits.is_empty()
            || bytes[i - 1] == b'_'
            || bytes.get(i).copied().is_some_and(is_ident_byte) && !ends_with_keyword(bytes, i)
        {
            return err(&format!("invalid {name} literal"), i);
        }
        return Ok((i, Tok::Int(int_from_digits(&digits, radix))));
    }

    let mut i = start;
    let digit_part = |i: &mut usize| -> Result<String, usize> {
        let mut s = String::new();
        while let Some(&c) = bytes.get(*i) {
            if c.is_ascii_digit() {
                s.push(c as char);
                *i += 1;
            } else if c == b'_'
                && bytes.get(*i + 1).is_some_and(u8::is_ascii_digit)
                && !s.is_empty()
            {
                *i += 1;
            } else if c == b'_' {
                return Err(*i + 1);
            } else {
                break;
            }
        }
        Ok(s)
    };
    let int_part = digit_part(&mut i).map_err(|at| error("invalid decimal literal", at))?;
    let mut is_float = false;
    let mut text = int_part.clone();
    if bytes.get(i) == Some(&b'.') {
        is_float = true;
        i += 1;
        text.push('.');
        if bytes.get(i) == Some(&b'_') {
            return err("invalid decimal literal", i + 1);
        }
        text += &digit_part(&mut i).map_err(|at| error("invalid decimal literal", at))?;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        let mut exp = String::from("e");
        if let Some(&sign @ (b'+' | b'-')) = bytes.get(j) {
            exp.push(sign as char);
            j += 1;
        }
        if bytes.get(j).is_some_and(u8::is_ascii_digit) {
            i = j;
            exp += &digit_part(&mut i).map_err(|at| error("invalid decimal literal", at))?;
            text += &exp;
            is_float = true;
        } else if !ends_with_keyword(bytes, i) {
            return err("invalid decimal literal", j);
        }
    }
    if matches!(bytes.get(i), Some(b'j' | b'J')) {
        i += 1;
        if bytes.get(i).copied().is_some_and(is_ident_byte) && !ends_with_keyword(bytes, i) {
            return err("invalid imaginary literal", i);
        }
        return Ok((i, Tok::Imaginary(parse_float(&text))));
    }
    if bytes.get(i).copied().is_some_and(is_ident_byte) && !ends_with_keyword(bytes, i) {
        return err("invalid decimal literal", i + 1);
    }
    if is_float {
        return Ok((i, Tok::Float(parse_float(&text))));
    }
    if int_part.len() > 1 && int_part.starts_with('0') {
        if int_part.bytes().all(|b| b == b'0') {
            return Ok((i, Tok::Int(IntLit::Small(0))));
        }
        return err(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            i,
        );
    }
    Ok((i, Tok::Int(int_from_digits(&int_part, 10))))
}

fn ends_with_keyword(bytes: &[u8], at: usize) -> bool {
    KEYWORDS_AFTER_NUMBER
        .iter()
        .any(|k| bytes[at..].starts_with(k.as_bytes()))
}

fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::INFINITY)
}

fn int_from_digits(digits: &str, radix: u32) -> IntLit {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => IntLit::Small(v),
        Err(_) => IntLit::Big(Rc::new(
            BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Result<(usize, Tok), String> {
        scan_number(s, 0).map_err(|e| e.message)
    }

    #[test]
    fn integers_of_every_base() {
        assert_eq!(scan("1_000").unwrap(), (5, Tok::Int(IntLit::Small(1000))));
        assert_eq!(scan("0x_ff").unwrap(), (5, Tok::Int(IntLit::Small(255))));
        assert_eq!(scan("0o17").unwrap().1, Tok::Int(IntLit::Small(15)));
        assert_eq!(scan("0B101").unwrap().1, Tok::Int(IntLit::Small(5)));
        assert_eq!(scan("000").unwrap().1, Tok::Int(IntLit::Small(0)));
        let big = scan("123456789012345678901234567890").unwrap().1;
        assert!(matches!(big, Tok::Int(IntLit::Big(_))));
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(scan("1.5e3").unwrap().1, Tok::Float(1500.0));
        assert_eq!(scan(".5").unwrap().1, Tok::Float(0.5));
        assert_eq!(scan("1.").unwrap().1, Tok::Float(1.0));
        assert_eq!(scan("1e-2").unwrap().1, Tok::Float(0.01));
        assert_eq!(scan("2j").unwrap().1, Tok::Imaginary(2.0));
        assert_eq!(scan("1e999").unwrap().1, Tok::Float(f64::INFINITY));
        assert_eq!(scan("1if").unwrap().0, 1);
        assert_eq!(scan("0x200in").unwrap().0, 5);
    }

    #[test]
    fn malformed_numbers() {
        assert_eq!(scan("1__0").unwrap_err(), "invalid decimal literal");
        assert_eq!(scan("1_").unwrap_err(), "invalid decimal literal");
        assert_eq!(scan("1abc").unwrap_err(), "invalid decimal literal");
        assert_eq!(
            scan("0o8").unwrap_err(),
            "invalid digit '8' in octal literal"
        );
        assert_eq!(scan("0x").unwrap_err(), "invalid hexadecimal literal");
        assert!(scan("012").unwrap_err().starts_with("leading zeros"));
    }
}
