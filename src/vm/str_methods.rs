//! The methods of `str`: case, stripping, splitting and joining, searching, padding and the
//! character-class predicates, with CPython's argument errors.

use std::rc::Rc;

use super::containers::expect_args;
use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The methods of `str`.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("encode", super::bytes::str_encode),
    ("upper", str_upper),
    ("lower", str_lower),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("split", str_split),
    ("join", str_join),
    ("replace", str_replace),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("find", str_find),
    ("count", str_count),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("isdigit", str_isdigit),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("istitle", str_istitle),
    ("isidentifier", str_isidentifier),
    ("rsplit", str_rsplit),
    ("splitlines", str_splitlines),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("swapcase", str_swapcase),
    ("casefold", str_casefold),
    ("expandtabs", str_expandtabs),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("format", super::formatting::str_format),
];

fn text(vm: &Vm, v: Value) -> String {
    ops::to_str(&vm.heap, v)
}

fn str_arg(vm: &Vm, method: &str, v: Value) -> Result<String, Exception> {
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Ok(s.to_string()),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "{method} arg must be None or str, not {}",
                type_name(&vm.heap, v)
            ),
        )),
    }
}

fn string_result(vm: &mut Vm, s: String) -> Result<Value, Exception> {
    Ok(new_str(&mut vm.heap, s))
}

fn str_upper(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.upper", args, 0, 0)?;
    let s = text(vm, args[0]).to_uppercase();
    string_result(vm, s)
}

fn str_lower(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.lower", args, 0, 0)?;
    let s = text(vm, args[0]).to_lowercase();
    string_result(vm, s)
}

/// `strip`, `lstrip`, `rstrip`: whitespace, or the characters given, off the chosen ends.
fn strip_with(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> Result<Value, Exception> {
    expect_args(name, args, 0, 1)?;
    let chars: Vec<char> = match args.get(1) {
        None | Some(Value::None) => Vec::new(),
        Some(&v) => str_arg(vm, name, v)?.chars().collect(),
    };
    let strips = |c: char| {
        if chars.is_empty() {
            is_python_space(c)
        } else {
            chars.contains(&c)
        }
    };
    let s = text(vm, args[0]);
    let mut kept: &str = &s;
    if left {
        kept = kept.trim_start_matches(strips);
    }
    if right {
        kept = kept.trim_end_matches(strips);
    }
    let kept = kept.to_owned();
    string_result(vm, kept)
}

fn str_strip(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    strip_with(vm, args, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    strip_with(vm, args, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    strip_with(vm, args, "rstrip", false, true)
}

/// `split`'s and `rsplit`'s arguments by position, keywords (`sep`, `maxsplit`) put in place.
fn split_arguments(args: &[Value], kwargs: Kwargs, name: &str) -> Result<Vec<Value>, Exception> {
    let mut args = args.to_vec();
    for (k, v) in kwargs {
        let at = match &**k {
            "sep" => 1,
            "maxsplit" => 2,
            other => {
                return Err(Exception::new(
                    "TypeError",
                    format!("{name}() got an unexpected keyword argument '{other}'"),
                ))
            }
        };
        if args.len() < at {
            args.resize(at, Value::None);
        }
        if args.len() == at {
            args.push(*v);
        } else {
            args[at] = *v;
        }
    }
    expect_args(name, &args, 0, 2)?;
    Ok(args)
}

fn str_split(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let args = &split_arguments(args, kwargs, "split")?;
    let s = text(vm, args[0]);
    let max = match args.get(2) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let parts: Vec<String> = match args.get(1) {
        None | Some(Value::None) => match max {
            Some(n) => {
                let mut rest = s.trim_start();
                let mut out = Vec::new();
                while out.len() < n && !rest.is_empty() {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_owned());
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    out.push(rest.to_owned());
                }
                out
            }
            None => s.split_whitespace().map(String::from).collect(),
        },
        Some(&sep) => {
            let sep = str_arg(vm, "split", sep)?;
            if sep.is_empty() {
                return Err(Exception::new("ValueError", "empty separator"));
            }
            match max {
                Some(n) => s.splitn(n + 1, sep.as_str()).map(String::from).collect(),
                None => s.split(sep.as_str()).map(String::from).collect(),
            }
        }
    };
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| new_str(&mut vm.heap, p))
        .collect();
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

fn str_join(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.join", args, 1, 1)?;
    let sep = text(vm, args[0]);
    let items = vm.collect(args[1])?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        match v.as_obj().map(|r| vm.heap.get(r)) {
            Some(Object::Str(s)) => parts.push(s.to_string()),
            _ => {
                return Err(Exception::new(
                    "TypeError",
                    format!(
                        "sequence item {i}: expected str instance, {} found",
                        type_name(&vm.heap, v)
                    ),
                ))
            }
        }
    }
    string_result(vm, parts.join(&sep))
}

fn str_replace(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("replace", args, 2, 3)?;
    let (old, new) = (
        str_arg(vm, "replace", args[1])?,
        str_arg(vm, "replace", args[2])?,
    );
    let s = text(vm, args[0]);
    let out = match args.get(3) {
        Some(Value::Int(n)) if *n >= 0 => s.replacen(&old, &new, *n as usize),
        _ => s.replace(&old, &new),
    };
    string_result(vm, out)
}

fn str_title(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.title", args, 0, 0)?;
    let mut out = String::new();
    let mut previous_cased = false;
    for c in text(vm, args[0]).chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    string_result(vm, out)
}

fn str_capitalize(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.capitalize", args, 0, 0)?;
    let s = text(vm, args[0]);
    let mut chars = s.chars();
    let out = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    };
    string_result(vm, out)
}

/// `s.startswith(prefix)` / `endswith`: one string or a tuple of them.
fn affix_test(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: fn(&str, &str) -> bool,
) -> Result<Value, Exception> {
    expect_args(name, args, 1, 3)?;
    let w = window(vm, args, name, 2)?;
    let candidates = match args[1].as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(a)) => vec![a.to_string()],
        Some(Object::Tuple(items)) => items.iter().map(|&v| text(vm, v)).collect(),
        _ => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    type_name(&vm.heap, args[1])
                ),
            ))
        }
    };
    Ok(Value::Bool(
        !w.past_end && candidates.iter().any(|c| test(&w.text, c)),
    ))
}

fn str_startswith(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    affix_test(vm, args, "startswith", |s, p| s.starts_with(p))
}

fn str_endswith(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    affix_test(vm, args, "endswith", |s, p| s.ends_with(p))
}

/// The part of the receiver that the optional `start` and `end` arguments (at `args[from]`
/// and after) select, as a slice would.
fn window(vm: &Vm, args: &[Value], name: &str, from: usize) -> Result<Window, Exception> {
    let s = text(vm, args[0]);
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> Result<i64, Exception> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(Value::Int(i)) => Ok(if *i < 0 { (i + len).max(0) } else { *i }),
            Some(Value::Bool(b)) => Ok(i64::from(*b)),
            Some(&other) => Err(Exception::new(
                "TypeError",
                format!(
                    "slice indices must be integers or None or have an __index__ method (in {name}: {})",
                    type_name(&vm.heap, other)
                ),
            )),
        }
    };
    let start = bound(args.get(from), 0)?;
    let end = bound(args.get(from + 1), len)?.min(len);
    let text = if start >= end {
        String::new()
    } else {
        chars[start as usize..end as usize].iter().collect()
    };
    Ok(Window {
        text,
        start,
        past_end: start > len || start > end,
    })
}

/// The part of a str that optional `start` and `end` arguments select.
struct Window {
    text: String,
    /// Where it starts in the whole str, in characters.
    start: i64,
    /// `start` lies beyond the str's end or the window's: then not even "" is found in it.
    past_end: bool,
}

/// Where `sub` is in the receiver's `start:end` window, counted in characters from the
/// receiver's start; `None` when it is absent (or the window starts past the end).
fn locate(vm: &Vm, args: &[Value], name: &str, last: bool) -> Result<Option<i64>, Exception> {
    expect_args(name, args, 1, 3)?;
    let sub = str_arg(vm, name, args[1])?;
    let w = window(vm, args, name, 2)?;
    if w.past_end {
        return Ok(None);
    }
    let s = &w.text;
    let found = if last { s.rfind(&sub) } else { s.find(&sub) };
    Ok(found.map(|b| w.start + s[..b].chars().count() as i64))
}

fn str_find(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::Int(locate(vm, args, "find", false)?.unwrap_or(-1)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::Int(locate(vm, args, "rfind", true)?.unwrap_or(-1)))
}

fn substring_not_found() -> Exception {
    Exception::new("ValueError", "substring not found")
}

fn str_index(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let at = locate(vm, args, "index", false)?.ok_or_else(substring_not_found)?;
    Ok(Value::Int(at))
}

fn str_rindex(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let at = locate(vm, args, "rindex", true)?.ok_or_else(substring_not_found)?;
    Ok(Value::Int(at))
}

fn str_count(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("count", args, 1, 3)?;
    let sub = str_arg(vm, "count", args[1])?;
    let w = window(vm, args, "count", 2)?;
    let n = match (w.past_end, sub.is_empty()) {
        (true, _) => 0,
        (false, true) => w.text.chars().count() + 1,
        (false, false) => w.text.matches(&sub).count(),
    };
    Ok(Value::Int(n as i64))
}

/// A predicate over the receiver's characters: true when there is at least one and all pass.
fn all_chars(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: fn(char) -> bool,
) -> Result<Value, Exception> {
    expect_args(name, args, 0, 0)?;
    let s = text(vm, args[0]);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(test)))
}

fn str_isdigit(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isdigit", |c| {
        c.is_ascii_digit() || "²³¹⁰⁴⁵⁶⁷⁸⁹".contains(c)
    })
}

fn str_isdecimal(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isdecimal", |c| c.is_ascii_digit())
}

fn str_isnumeric(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isnumeric", char::is_numeric)
}

fn str_isalpha(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isalpha", char::is_alphabetic)
}

fn str_isalnum(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isalnum", char::is_alphanumeric)
}

/// Python's whitespace: Unicode's, plus the ASCII information separators.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn str_isspace(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    all_chars(vm, args, "str.isspace", is_python_space)
}

/// Whether the receiver has a cased character and every cased one passes `test`.
fn cased(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: fn(char) -> bool,
) -> Result<Value, Exception> {
    expect_args(name, args, 0, 0)?;
    let s = text(vm, args[0]);
    let is_cased = |c: char| c.is_uppercase() || c.is_lowercase();
    Ok(Value::Bool(
        s.chars().any(is_cased) && s.chars().filter(|&c| is_cased(c)).all(test),
    ))
}

fn str_isupper(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    cased(vm, args, "str.isupper", char::is_uppercase)
}

fn str_islower(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    cased(vm, args, "str.islower", char::is_lowercase)
}

fn str_istitle(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.istitle", args, 0, 0)?;
    let s = text(vm, args[0]);
    let mut previous_cased = false;
    let mut any_cased = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            any_cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            any_cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(any_cased))
}

fn str_isidentifier(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.isidentifier", args, 0, 0)?;
    let s = text(vm, args[0]);
    let mut chars = s.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue);
    Ok(Value::Bool(ok))
}

/// A list of new strings.
fn string_list(vm: &mut Vm, parts: Vec<String>) -> Value {
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| new_str(&mut vm.heap, p))
        .collect();
    Value::Obj(vm.heap.alloc(Object::List(items)))
}

/// `rsplit(sep=None, maxsplit=-1)`.
fn str_rsplit(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let args = split_arguments(args, kwargs, "rsplit")?;
    let s = text(vm, args[0]);
    let max = match args.get(2) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let mut parts: Vec<String> = match args.get(1) {
        None | Some(Value::None) => {
            let mut rest = s.trim_end();
            let mut out = Vec::new();
            while !rest.is_empty() && max.is_none_or(|m| out.len() < m) {
                let start = rest.rfind(char::is_whitespace).map_or(0, |b| {
                    b + rest[b..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_owned());
                rest = rest[..start].trim_end();
            }
            if !rest.is_empty() {
                out.push(rest.to_owned());
            }
            out
        }
        Some(&sep) => {
            let sep = str_arg(vm, "rsplit", sep)?;
            if sep.is_empty() {
                return Err(Exception::new("ValueError", "empty separator"));
            }
            match max {
                Some(n) => s.rsplitn(n + 1, sep.as_str()).map(String::from).collect(),
                None => s.rsplit(sep.as_str()).map(String::from).collect(),
            }
        }
    };
    parts.reverse();
    Ok(string_list(vm, parts))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    expect_args("splitlines", args, 0, 1)?;
    let keep = match (args.get(1), kwargs.iter().find(|(k, _)| &**k == "keepends")) {
        (Some(&v), _) | (None, Some(&(_, v))) => ops::truthy(&vm.heap, v),
        _ => false,
    };
    let s = text(vm, args[0]);
    let mut parts = Vec::new();
    let mut line = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            line.push(c);
            continue;
        }
        let mut ending = c.to_string();
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            ending.push('\n');
        }
        if keep {
            line.push_str(&ending);
        }
        parts.push(std::mem::take(&mut line));
    }
    if !line.is_empty() {
        parts.push(line);
    }
    Ok(string_list(vm, parts))
}

fn partition(vm: &mut Vm, args: &[Value], name: &str, last: bool) -> Result<Value, Exception> {
    expect_args(name, args, 1, 1)?;
    let s = text(vm, args[0]);
    let sep = str_arg(vm, name, args[1])?;
    if sep.is_empty() {
        return Err(Exception::new("ValueError", "empty separator"));
    }
    let found = if last { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match found {
        Some(b) => [
            s[..b].to_owned(),
            sep.clone(),
            s[b + sep.len()..].to_owned(),
        ],
        None if last => [String::new(), String::new(), s],
        None => [s, String::new(), String::new()],
    };
    let items: Box<[Value]> = parts
        .into_iter()
        .map(|p| new_str(&mut vm.heap, p))
        .collect();
    Ok(Value::Obj(vm.heap.alloc(Object::Tuple(items))))
}

fn str_partition(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    partition(vm, args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    partition(vm, args, "rpartition", true)
}

/// Pads the receiver to `width` with `fillchar`: `left_share` picks how much of the padding
/// goes on the left.
fn pad(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    left_share: fn(usize, usize) -> usize,
) -> Result<Value, Exception> {
    expect_args(name, args, 1, 2)?;
    let width = match args[1] {
        Value::Int(w) => w.max(0) as usize,
        other => return Err(super::ops::not_an_integer(&vm.heap, other)),
    };
    let fill = match args.get(2) {
        None => ' ',
        Some(&v) => {
            let f = text(vm, v);
            let mut chars = f.chars();
            let is_str = matches!(v.as_obj().map(|r| vm.heap.get(r)), Some(Object::Str(_)));
            match (chars.next(), chars.next(), is_str) {
                (Some(c), None, true) => c,
                (_, _, true) => {
                    return Err(Exception::new(
                        "TypeError",
                        "The fill character must be exactly one character long",
                    ))
                }
                _ => {
                    return Err(Exception::new(
                        "TypeError",
                        format!(
                            "The fill character must be a unicode character, not {}",
                            type_name(&vm.heap, v)
                        ),
                    ))
                }
            }
        }
    };
    let s = text(vm, args[0]);
    let len = s.chars().count();
    if width <= len {
        return Ok(args[0]);
    }
    let left = left_share(width - len, width);
    let right = width - len - left;
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, right));
    string_result(vm, out)
}

fn str_center(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    pad(vm, args, "center", |margin, width| {
        margin / 2 + (margin & width & 1)
    })
}

fn str_ljust(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    pad(vm, args, "ljust", |_, _| 0)
}

fn str_rjust(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    pad(vm, args, "rjust", |margin, _| margin)
}

fn str_zfill(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("zfill", args, 1, 1)?;
    let width = match args[1] {
        Value::Int(w) => w.max(0) as usize,
        other => return Err(super::ops::not_an_integer(&vm.heap, other)),
    };
    let s = text(vm, args[0]);
    let len = s.chars().count();
    if width <= len {
        return Ok(args[0]);
    }
    let zeros = "0".repeat(width - len);
    let out = match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    string_result(vm, out)
}

fn str_swapcase(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.swapcase", args, 0, 0)?;
    let s = text(vm, args[0]);
    let out: String = s
        .chars()
        .flat_map(|c| -> Box<dyn Iterator<Item = char>> {
            if c.is_uppercase() {
                Box::new(c.to_lowercase())
            } else if c.is_lowercase() {
                Box::new(c.to_uppercase())
            } else {
                Box::new(std::iter::once(c))
            }
        })
        .collect();
    string_result(vm, out)
}

/// `removeprefix` / `removesuffix`: the receiver without the affix when it has it (and the
/// affix is not empty), else the receiver itself.
fn remove_affix(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    strip: fn(&str, &str) -> Option<String>,
) -> Result<Value, Exception> {
    expect_args(name, args, 1, 1)?;
    let (s, affix) = (text(vm, args[0]), str_arg(vm, name, args[1])?);
    match strip(&s, &affix) {
        Some(rest) if !affix.is_empty() => string_result(vm, rest),
        _ => Ok(args[0]),
    }
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    remove_affix(vm, args, "removeprefix", |s, p| {
        s.strip_prefix(p).map(str::to_owned)
    })
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    remove_affix(vm, args, "removesuffix", |s, p| {
        s.strip_suffix(p).map(str::to_owned)
    })
}

fn str_casefold(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("str.casefold", args, 0, 0)?;
    let s = text(vm, args[0]).to_lowercase().replace('ß', "ss");
    string_result(vm, s)
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("expandtabs", args, 0, 1)?;
    let size = match args.get(1) {
        Some(Value::Int(n)) => (*n).max(0) as usize,
        _ => 8,
    };
    let mut out = String::new();
    let mut column = 0;
    for c in text(vm, args[0]).chars() {
        match c {
            '\t' if size > 0 => {
                let n = size - column % size;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    string_result(vm, out)
}
