//! Text forms of values as CPython writes them: `repr(float)`, `repr(bytes)`, and the
//! format-spec mini-language (`f"{x:>10.2f}"`) for ints, floats and strings.

/// `repr(b)` for bytes: single quotes unless the bytes hold `'` and no `"`; `\t`, `\n`, `\r`
/// and `\\` escaped, other bytes outside printable ASCII as `\xhh`.
///
/// ```
/// use baton::runtime::format::bytes_repr;
/// assert_eq!(bytes_repr(b"a\x00\n"), r"b'a\x00\n'");
/// assert_eq!(bytes_repr(b"it's"), r#"b"it's""#);
/// ```
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            c if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(x)` for a float: the shortest digits that round-trip, in fixed notation for decimal
/// exponents from -4 to 15 and scientific notation outside.
///
/// ```
/// use baton::runtime::format::float_repr;
/// assert_eq!(float_repr(0.1), "0.1");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(1.5e-5), "1.5e-05");
/// assert_eq!(float_repr(3.0), "3.0");
/// ```
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let frac = if digits.len() > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        format!(
            "{sign}{}{frac}e{}{:02}",
            &digits[..1],
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

impl FormatSpec {
    /// Parses a spec; the error is CPython's ValueError message.
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let mut s = FormatSpec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = Some(chars[0]);
            s.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            s.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
            s.sign = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            s.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        s.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        if let Some(&c @ (',' | '_')) = chars.get(i) {
            s.grouping = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if start == i {
                return Err("Format specifier missing precision".into());
            }
            s.precision = chars[start..i].iter().collect::<String>().parse().ok();
        }
        if i < chars.len() {
            s.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err("Invalid format specifier".into());
        }
        Ok(s)
    }

    /// Pads `body` (with `sign` in front) to the width, as the spec aligns it.
    fn pad(&self, sign: &str, body: &str, default_align: char) -> String {
        let len = sign.chars().count() + body.chars().count();
        if len >= self.width {
            return format!("{sign}{body}");
        }
        let fill_n = self.width - len;
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (
                self.fill.unwrap_or(' '),
                self.align.unwrap_or(default_align),
            )
        };
        let fill_str = |n: usize| fill.to_string().repeat(n);
        match align {
            '<' => format!("{sign}{body}{}", fill_str(fill_n)),
            '^' => format!(
                "{}{sign}{body}{}",
                fill_str(fill_n / 2),
                fill_str(fill_n - fill_n / 2)
            ),
            '=' => format!("{sign}{}{body}", fill_str(fill_n)),
            _ => format!("{}{sign}{body}", fill_str(fill_n)),
        }
    }

    fn sign_of(&self, negative: bool) -> &'static str {
        match (negative, self.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        }
    }
}

fn group(digits: &str, sep: Option<char>, every: usize) -> String {
    let Some(sep) = sep else {
        return digits.to_owned();
    };
    let (int_part, rest) = digits.split_at(
        digits
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(digits.len()),
    );
    let mut out = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out + rest
}

/// `format(value, spec)` for an int given as sign and decimal magnitude digits.
pub fn format_int(
    negative: bool,
    magnitude: &num_bigint::BigUint,
    spec: &FormatSpec,
) -> Result<String, String> {
    let body = match spec.kind {
        None | Some('d') | Some('n') => group(&magnitude.to_str_radix(10), spec.grouping, 3),
        Some('x') => prefixed(
            spec,
            "0x",
            group(&magnitude.to_str_radix(16), spec.grouping, 4),
        ),
        Some('X') => prefixed(
            spec,
            "0X",
            group(&magnitude.to_str_radix(16).to_uppercase(), spec.grouping, 4),
        ),
        Some('o') => prefixed(
            spec,
            "0o",
            group(&magnitude.to_str_radix(8), spec.grouping, 4),
        ),
        Some('b') => prefixed(
            spec,
            "0b",
            group(&magnitude.to_str_radix(2), spec.grouping, 4),
        ),
        Some('c') => char::from_u32(num_traits::ToPrimitive::to_u32(magnitude).unwrap_or(0))
            .map(String::from)
            .unwrap_or_default(),
        Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => {
            let v = num_traits::ToPrimitive::to_f64(magnitude).unwrap_or(f64::INFINITY);
            return format_float(
                if negative { -v } else { v },
                &FormatSpec {
                    kind: Some(k),
                    ..spec.clone()
                },
            );
        }
        Some(k) => {
            return Err(format!(
                "Unknown format code '{k}' for object of type 'int'"
            ))
        }
    };
    Ok(spec.pad(spec.sign_of(negative), &body, '>'))
}

fn prefixed(spec: &FormatSpec, prefix: &str, digits: String) -> String {
    if spec.alternate {
        format!("{prefix}{digits}")
    } else {
        digits
    }
}

/// `format(value, spec)` for a float.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, String> {
    let negative = v.is_sign_negative() && !v.is_nan();
    let a = v.abs();
    let precision = spec.precision.unwrap_or(6);
    let finite = |body: String| {
        if a.is_finite() {
            body
        } else if a.is_nan() {
            "nan".into()
        } else {
            "inf".into()
        }
    };
    let body = match spec.kind {
        Some('f' | 'F') => finite(group(&format!("{a:.precision$}"), spec.grouping, 3)),
        Some('%') => finite(format!("{:.precision$}%", a * 100.0)),
        Some('e' | 'E') => {
            let s = finite(exponent_form(a, precision));
            if spec.kind == Some('E') {
                s.to_uppercase()
            } else {
                s
            }
        }
        Some('g' | 'G') => finite(general_form(
            a,
            spec.precision.unwrap_or(6).max(1),
            spec.alternate,
        )),
        None if spec.precision.is_some() => finite(
            general_form(a, precision.max(1), true)
                .trim_end_matches('.')
                .to_owned(),
        ),
        None => {
            let r = float_repr(a);
            group(&r, spec.grouping, 3)
        }
        Some(k) => {
            return Err(format!(
                "Unknown format code '{k}' for object of type 'float'"
            ))
        }
    };
    Ok(spec.pad(spec.sign_of(negative), &body, '>'))
}

fn exponent_form(a: f64, precision: usize) -> String {
    let s = format!("{a:.precision$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// The `g` presentation: scientific when the exponent is below -4 or at least the precision.
fn general_form(a: f64, precision: usize, keep_zeros: bool) -> String {
    if a == 0.0 {
        return "0".into();
    }
    let exp = format!("{a:.*e}", precision - 1)
        .split_once('e')
        .and_then(|(_, e)| e.parse::<i32>().ok())
        .unwrap_or(0);
    let body = if exp < -4 || exp >= precision as i32 {
        exponent_form(a, precision - 1)
    } else {
        format!("{a:.*}", (precision as i32 - 1 - exp).max(0) as usize)
    };
    if keep_zeros {
        return body;
    }
    let (mantissa, exponent) = match body.split_once('e') {
        Some((m, e)) => (m.to_owned(), format!("e{e}")),
        None => (body.clone(), String::new()),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        mantissa
    };
    mantissa + &exponent
}

/// `format(value, spec)` for a string.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    if let Some(k) = spec.kind.filter(|&k| k != 's') {
        return Err(format!(
            "Unknown format code '{k}' for object of type 'str'"
        ));
    }
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    Ok(spec.pad("", &text, '<'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, spec: &str) -> String {
        format_float(v, &FormatSpec::parse(spec).unwrap()).unwrap()
    }

    #[test]
    fn float_reprs() {
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(123456789012345680.0), "1.2345678901234568e+17");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(1e22), "1e+22");
    }

    #[test]
    fn float_specs() {
        assert_eq!(f(1.23456, ".2f"), "1.23");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1.23456, "10.3f"), "     1.235");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(0.25, ".1%"), "25.0%");
        assert_eq!(f(12345.678, ".2e"), "1.23e+04");
        assert_eq!(f(0.00001234, "g"), "1.234e-05");
        assert_eq!(f(6.0, "+.1f"), "+6.0");
        assert_eq!(f(-1.5, "08.2f"), "-0001.50");
    }

    #[test]
    fn int_and_str_specs() {
        let n = |v: u64| num_bigint::BigUint::from(v);
        let spec = |s: &str| FormatSpec::parse(s).unwrap();
        assert_eq!(format_int(false, &n(255), &spec("#x")).unwrap(), "0xff");
        assert_eq!(
            format_int(false, &n(1234567), &spec(",")).unwrap(),
            "1,234,567"
        );
        assert_eq!(format_int(true, &n(42), &spec("05d")).unwrap(), "-0042");
        assert_eq!(format_int(false, &n(5), &spec("^5")).unwrap(), "  5  ");
        assert_eq!(format_str("ab", &spec("*>4")).unwrap(), "**ab");
        assert_eq!(format_str("abcdef", &spec(".3")).unwrap(), "abc");
    }
}
