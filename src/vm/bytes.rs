//! `bytes`: immutable byte strings — making them (`bytes(…)`, `str.encode`), `decode` with
//! CPython's codec errors for UTF-8, ASCII and Latin-1, items and slices, and the common methods.

use std::rc::Rc;

use super::containers::expect_args;
use super::ops::{new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The methods of `bytes`.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("index", index),
    ("count", count),
    ("join", join),
    ("replace", replace),
    ("split", split),
    ("strip", strip),
    ("upper", upper),
    ("lower", lower),
];

/// The bytes of a `bytes` value.
pub fn bytes_of(heap: &Heap, v: Value) -> Option<&[u8]> {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Bytes(b)) => Some(b),
        _ => None,
    }
}

pub fn new_bytes(heap: &mut Heap, b: impl Into<Box<[u8]>>) -> Value {
    Value::Obj(heap.alloc(Object::Bytes(b.into())))
}

/// The codecs Baton knows.
#[derive(Clone, Copy)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn named(name: &str) -> Result<Codec, Exception> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" | "u8" => Ok(Codec::Utf8),
            "ascii" | "us-ascii" => Ok(Codec::Ascii),
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Ok(Codec::Latin1),
            _ => Err(Exception::new(
                "LookupError",
                format!("unknown encoding: {name}"),
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn encode(self, s: &str) -> Result<Vec<u8>, Exception> {
        let limit = match self {
            Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
        };
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                u8::try_from(c as u32)
                    .ok()
                    .filter(|_| (c as u32) < limit)
                    .ok_or_else(|| {
                        Exception::new(
                            "UnicodeEncodeError",
                            format!(
                                "'{}' codec can't encode character {} in position {i}: ordinal not in range({limit})",
                                self.name(),
                                escaped(c)
                            ),
                        )
                    })
            })
            .collect()
    }

    fn decode(self, b: &[u8]) -> Result<String, Exception> {
        let failure = |at: usize, len: usize, reason: &str| {
            let what = if len == 1 {
                format!("byte 0x{:02x} in position {at}", b[at])
            } else {
                format!("bytes in position {at}-{}", at + len - 1)
            };
            Exception::new(
                "UnicodeDecodeError",
                format!("'{}' codec can't decode {what}: {reason}", self.name()),
            )
        };
        match self {
            Codec::Utf8 => std::str::from_utf8(b).map(str::to_owned).map_err(|e| {
                let at = e.valid_up_to();
                match e.error_len() {
                    None => failure(at, b.len() - at, "unexpected end of data"),
                    Some(n) if matches!(b[at], 0x80..=0xc1 | 0xf5..=0xff) => {
                        failure(at, n, "invalid start byte")
                    }
                    Some(n) => failure(at, n, "invalid continuation byte"),
                }
            }),
            Codec::Ascii => match b.iter().position(|&c| c >= 128) {
                Some(at) => Err(failure(at, 1, "ordinal not in range(128)")),
                None => Ok(b.iter().map(|&c| c as char).collect()),
            },
            Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        }
    }
}

/// A character as codec errors quote it: always by its code point.
fn escaped(c: char) -> String {
    format!("'{}'", super::ops::code_point_escape(c))
}

/// The codec named by argument `at` (UTF-8 when it is absent), checking that `errors`, if
/// given, is `'strict'`.
fn codec_arg(vm: &Vm, args: &[Value], at: usize, name: &str) -> Result<Codec, Exception> {
    if let Some(&errors) = args.get(at + 1) {
        match super::ops::str_of(&vm.heap, errors) {
            Some("strict") => {}
            Some(other) => {
                return Err(Exception::new(
                    "NotImplementedError",
                    format!("error handler '{other}' is not supported yet"),
                ))
            }
            None => return Err(str_expected(vm, name, 2, errors)),
        }
    }
    match args.get(at) {
        None => Ok(Codec::Utf8),
        Some(&v) => match super::ops::str_of(&vm.heap, v) {
            Some(name) => Codec::named(name),
            None => Err(str_expected(vm, name, 1, v)),
        },
    }
}

fn str_expected(vm: &Vm, name: &str, position: usize, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "{name}() argument {position} must be str, not {}",
            type_name(&vm.heap, v)
        ),
    )
}

/// `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(str, encoding)`, `bytes(bytes)`.
pub(super) fn bytes_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("bytes", args, 0, 3)?;
    let Some(&source) = args.first() else {
        return Ok(new_bytes(&mut vm.heap, Vec::new()));
    };
    if let Some(s) = super::ops::str_of(&vm.heap, source) {
        if args.len() == 1 {
            return Err(Exception::new(
                "TypeError",
                "string argument without an encoding",
            ));
        }
        let s = s.to_owned();
        let codec = codec_arg(vm, args, 1, "bytes")?;
        let b = codec.encode(&s)?;
        return Ok(new_bytes(&mut vm.heap, b));
    }
    if args.len() > 1 {
        let message = if args.len() == 2 {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        };
        return Err(Exception::new("TypeError", message));
    }
    if let Some(b) = bytes_of(&vm.heap, source) {
        let b = b.to_vec();
        return Ok(new_bytes(&mut vm.heap, b));
    }
    match source {
        Value::Int(n) if n < 0 => return Err(Exception::new("ValueError", "negative count")),
        Value::Int(n) => {
            let n = usize::try_from(n)
                .ok()
                .filter(|&n| n < 1 << 40)
                .ok_or_else(|| Exception::new("MemoryError", ""))?;
            return Ok(new_bytes(&mut vm.heap, vec![0; n]));
        }
        Value::Float(_) => {
            return Err(Exception::new(
                "TypeError",
                "cannot convert 'float' object to bytes",
            ))
        }
        _ => {}
    }
    let items = vm.collect(source).map_err(|e| {
        e.reworded_type_error(|| {
            format!(
                "cannot convert '{}' object to bytes",
                type_name(&vm.heap, source)
            )
        })
    })?;
    let b = items
        .into_iter()
        .map(|v| byte_value(vm, v))
        .collect::<Result<Vec<u8>, Exception>>()?;
    Ok(new_bytes(&mut vm.heap, b))
}

/// An int in `range(0, 256)`, as an item of bytes must be.
fn byte_value(vm: &Vm, v: Value) -> Result<u8, Exception> {
    match v {
        Value::Int(i) => u8::try_from(i)
            .map_err(|_| Exception::new("ValueError", "bytes must be in range(0, 256)")),
        Value::Bool(b) => Ok(u8::from(b)),
        other => Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&vm.heap, other)
            ),
        )),
    }
}

/// `item in b`: a byte value or a run of bytes.
pub(super) fn contains(heap: &Heap, b: &[u8], item: Value) -> Result<bool, Exception> {
    if let Some(needle) = bytes_of(heap, item) {
        return Ok(find_in(b, needle, 0).is_some());
    }
    match item {
        Value::Int(i) => u8::try_from(i)
            .map(|c| b.contains(&c))
            .map_err(|_| Exception::new("ValueError", "byte must be in range(0, 256)")),
        other => Err(Exception::new(
            "TypeError",
            format!(
                "a bytes-like object is required, not '{}'",
                type_name(heap, other)
            ),
        )),
    }
}

fn find_in(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= haystack.len()).then_some(from);
    }
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(super) fn str_encode(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("encode", args, 0, 2)?;
    let codec = codec_arg(vm, args, 1, "encode")?;
    let s = super::ops::str_of(&vm.heap, args[0]).unwrap_or_default();
    let b = codec.encode(s)?;
    Ok(new_bytes(&mut vm.heap, b))
}

/// The receiver's bytes, copied (so the heap can be used while they are worked on).
fn receiver(vm: &Vm, args: &[Value]) -> Vec<u8> {
    bytes_of(&vm.heap, args[0]).unwrap_or_default().to_vec()
}

/// Argument `at`, which must be bytes.
fn bytes_arg(vm: &Vm, args: &[Value], at: usize) -> Result<Vec<u8>, Exception> {
    expect_bytes(vm, args[at], "a bytes-like object is required")
}

/// The bytes of `v`, or a `TypeError` saying what was `required` instead of its type.
fn expect_bytes(vm: &Vm, v: Value, required: &str) -> Result<Vec<u8>, Exception> {
    bytes_of(&vm.heap, v).map(<[u8]>::to_vec).ok_or_else(|| {
        Exception::new(
            "TypeError",
            format!("{required}, not '{}'", type_name(&vm.heap, v)),
        )
    })
}

fn decode(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("decode", args, 0, 2)?;
    let codec = codec_arg(vm, args, 1, "decode")?;
    let text = codec.decode(&receiver(vm, args))?;
    Ok(new_str(&mut vm.heap, text))
}

fn hex(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("hex", args, 0, 0)?;
    let text: String = receiver(vm, args)
        .iter()
        .map(|c| format!("{c:02x}"))
        .collect();
    Ok(new_str(&mut vm.heap, text))
}

/// `bytes.fromhex(text)`: pairs of hex digits, with whitespace allowed between pairs.
pub(super) fn fromhex(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("fromhex", args, 1, 1)?;
    let Some(text) = super::ops::str_of(&vm.heap, args[0]) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "fromhex() argument must be str, not {}",
                super::ops::type_name(&vm.heap, args[0])
            ),
        ));
    };
    let chars: Vec<char> = text.chars().collect();
    let digit = |at: usize| chars.get(at).and_then(|c| c.to_digit(16));
    let bad = |at: usize| {
        Exception::new(
            "ValueError",
            format!("non-hexadecimal number found in fromhex() arg at position {at}"),
        )
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let high = digit(i).ok_or_else(|| bad(i))?;
        let low = digit(i + 1).ok_or_else(|| bad(i + 1))?;
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(new_bytes(&mut vm.heap, out))
}

fn affix(
    vm: &Vm,
    args: &[Value],
    name: &str,
    test: fn(&[u8], &[u8]) -> bool,
) -> Result<Value, Exception> {
    expect_args(name, args, 1, 1)?;
    let b = receiver(vm, args);
    let found = match args[1].as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(options)) => {
            let options = options.to_vec();
            options
                .iter()
                .map(|&o| bytes_arg(vm, &[o], 0).map(|p| test(&b, &p)))
                .collect::<Result<Vec<bool>, Exception>>()?
                .contains(&true)
        }
        _ => match bytes_of(&vm.heap, args[1]) {
            Some(p) => test(&b, p),
            None => {
                return Err(Exception::new(
                    "TypeError",
                    format!(
                        "{name} first arg must be bytes or a tuple of bytes, not {}",
                        type_name(&vm.heap, args[1])
                    ),
                ))
            }
        },
    };
    Ok(Value::Bool(found))
}

fn startswith(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    affix(vm, args, "startswith", |b, p| b.starts_with(p))
}

fn endswith(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    affix(vm, args, "endswith", |b, p| b.ends_with(p))
}

/// The sub-sequence argument of `find`, `index` and `count`: bytes or one byte value.
fn needle(vm: &Vm, args: &[Value]) -> Result<Vec<u8>, Exception> {
    match args[1] {
        Value::Int(_) => Ok(vec![byte_value(vm, args[1]).map_err(|_| {
            Exception::new("ValueError", "byte must be in range(0, 256)")
        })?]),
        _ => expect_bytes(
            vm,
            args[1],
            "argument should be integer or bytes-like object",
        ),
    }
}

fn find(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("find", args, 1, 1)?;
    let found = find_in(&receiver(vm, args), &needle(vm, args)?, 0);
    Ok(Value::Int(found.map_or(-1, |i| i as i64)))
}

fn index(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("index", args, 1, 1)?;
    match find_in(&receiver(vm, args), &needle(vm, args)?, 0) {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(Exception::new("ValueError", "subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("count", args, 1, 1)?;
    let (b, needle) = (receiver(vm, args), needle(vm, args)?);
    if needle.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = find_in(&b, &needle, from) {
        n += 1;
        from = i + needle.len();
    }
    Ok(Value::Int(n))
}

fn join(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("join", args, 1, 1)?;
    let sep = receiver(vm, args);
    let items = vm.collect(args[1])?;
    let mut out = Vec::new();
    for (i, v) in items.into_iter().enumerate() {
        let Some(b) = bytes_of(&vm.heap, v) else {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(&vm.heap, v)
                ),
            ));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(b);
    }
    Ok(new_bytes(&mut vm.heap, out))
}

fn replace(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("replace", args, 2, 2)?;
    let (b, old, new) = (
        receiver(vm, args),
        bytes_arg(vm, args, 1)?,
        bytes_arg(vm, args, 2)?,
    );
    let mut out = Vec::with_capacity(b.len());
    let mut from = 0;
    if old.is_empty() {
        for &c in &b {
            out.extend_from_slice(&new);
            out.push(c);
        }
        out.extend_from_slice(&new);
    } else {
        while let Some(i) = find_in(&b, &old, from) {
            out.extend_from_slice(&b[from..i]);
            out.extend_from_slice(&new);
            from = i + old.len();
        }
        out.extend_from_slice(&b[from..]);
    }
    Ok(new_bytes(&mut vm.heap, out))
}

fn split(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("split", args, 0, 1)?;
    let b = receiver(vm, args);
    let parts: Vec<Vec<u8>> = match args.get(1) {
        None | Some(Value::None) => b
            .split(|c| c.is_ascii_whitespace() || *c == 0x0b)
            .filter(|p| !p.is_empty())
            .map(<[u8]>::to_vec)
            .collect(),
        Some(_) => {
            let sep = bytes_arg(vm, args, 1)?;
            if sep.is_empty() {
                return Err(Exception::new("ValueError", "empty separator"));
            }
            let mut parts = Vec::new();
            let mut from = 0;
            while let Some(i) = find_in(&b, &sep, from) {
                parts.push(b[from..i].to_vec());
                from = i + sep.len();
            }
            parts.push(b[from..].to_vec());
            parts
        }
    };
    let items = parts
        .into_iter()
        .map(|p| new_bytes(&mut vm.heap, p))
        .collect();
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

fn strip(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("strip", args, 0, 1)?;
    let b = receiver(vm, args);
    let chars = match args.get(1) {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(_) => bytes_arg(vm, args, 1)?,
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !chars.contains(c))
        .map_or(start, |i| i + 1);
    Ok(new_bytes(&mut vm.heap, b[start..end.max(start)].to_vec()))
}

fn upper(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("upper", args, 0, 0)?;
    let b = receiver(vm, args).to_ascii_uppercase();
    Ok(new_bytes(&mut vm.heap, b))
}

fn lower(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("lower", args, 0, 0)?;
    let b = receiver(vm, args).to_ascii_lowercase();
    Ok(new_bytes(&mut vm.heap, b))
}
