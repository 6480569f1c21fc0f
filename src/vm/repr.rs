//! `repr()` of values: scalars, strs (with CPython's escapes), containers (iteratively, with
//! `[...]` for a container inside itself and `RecursionError` past the recursion limit),
//! exceptions, and the default `<module.Class object at 0x…>` of other objects.

use super::ops::{is_instance, str_of, string_result, type_name, Host, Plain};
use super::Exception;
use crate::runtime::format::float_repr;
use crate::runtime::object::DictPart;
use crate::runtime::text::Text;
use crate::runtime::{Heap, Object, Value};

/// `repr(v)` of a built-in value (instances get the default).
pub fn repr(heap: &Heap, v: Value) -> String {
    repr_in(&mut Plain(heap), v).unwrap_or_default()
}

/// `repr(v)`, iterative over nested containers (a deep list cannot overflow the Rust stack); a
/// container met again inside itself prints as `[...]`, as in CPython. Class instances run their
/// `__repr__`.
pub fn repr_in<H: Host>(h: &mut H, v: Value) -> Result<String, Exception> {
    enum Work {
        Value(Value),
        Text(&'static str),
        /// The end of a container (in `open` when it can contain itself) or an exception's
        /// arguments.
        Close(Option<crate::runtime::ObjRef>, &'static str),
    }
    let room = h.repr_room();
    let too_deep = || {
        Exception::new(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        )
    };
    let mut out = String::new();
    let mut open: Vec<crate::runtime::ObjRef> = Vec::new();
    let mut depth = 0;
    let mut work = vec![Work::Value(v)];
    while let Some(item) = work.pop() {
        let v = match item {
            Work::Text(t) => {
                out.push_str(t);
                continue;
            }
            Work::Close(r, t) => {
                if let Some(r) = r {
                    open.retain(|&o| o != r);
                }
                depth -= 1;
                out.push_str(t);
                continue;
            }
            Work::Value(v) => v,
        };
        let Value::Obj(r) = v else {
            out.push_str(&scalar_repr(v));
            continue;
        };
        if let Object::Instance(i) = h.heap().get(r) {
            let is_exception = i.is_exception();
            match h.special(v, "__repr__", &[])? {
                Some(text) => out.push_str(&string_result(h.heap(), text, "__repr__")?),
                // `Kind(args…)`: its arguments nest like a container's items.
                None if is_exception => {
                    let heap = h.heap();
                    let kind = type_name(heap, v);
                    let state = super::exceptions::state(heap, v);
                    let args = state.map_or(Vec::new(), |s| s.args.to_vec());
                    match state.and_then(|s| s.message.as_deref()) {
                        Some(m) if args.is_empty() => {
                            out.push_str(&format!("{kind}({})", str_repr(m)))
                        }
                        _ => {
                            if depth >= room {
                                return Err(too_deep());
                            }
                            depth += 1;
                            out.push_str(kind);
                            out.push('(');
                            work.push(Work::Close(None, ")"));
                            for (i, &arg) in args.iter().enumerate().rev() {
                                work.push(Work::Value(arg));
                                if i > 0 {
                                    work.push(Work::Text(", "));
                                }
                            }
                        }
                    }
                }
                None => out.push_str(&object_repr(h.heap(), r)),
            }
            continue;
        }
        if is_instance(h.heap(), v) {
            // A class a Python metaclass made, which may define `__repr__`.
            if let Some(text) = h.special(v, "__repr__", &[])? {
                out.push_str(&string_result(h.heap(), text, "__repr__")?);
                continue;
            }
        }
        if let Some(text) = h.live_repr(r) {
            out.push_str(&text);
            continue;
        }
        let heap = h.heap();
        if let Object::Dict(d) = heap.get(r) {
            if open.contains(&r) {
                out.push_str("{...}");
                continue;
            }
            if depth >= room {
                return Err(too_deep());
            }
            depth += 1;
            open.push(r);
            out.push('{');
            work.push(Work::Close(Some(r), "}"));
            let entries: Vec<(Value, Value)> = d.iter().collect();
            for (i, (k, v)) in entries.into_iter().enumerate().rev() {
                work.push(Work::Value(v));
                work.push(Work::Text(": "));
                work.push(Work::Value(k));
                if i > 0 {
                    work.push(Work::Text(", "));
                }
            }
            continue;
        }
        if let Object::DictView { dict, part } = heap.get(r) {
            let entries: Vec<(Value, Value)> = match heap.get(*dict) {
                Object::Dict(d) => d.iter().collect(),
                _ => Vec::new(),
            };
            out.push_str(heap.get(r).type_name());
            out.push_str("([");
            work.push(Work::Text("])"));
            for (i, &(k, v)) in entries.iter().enumerate().rev() {
                match part {
                    DictPart::Keys => work.push(Work::Value(k)),
                    DictPart::Values => work.push(Work::Value(v)),
                    DictPart::Items => {
                        work.push(Work::Text(")"));
                        work.push(Work::Value(v));
                        work.push(Work::Text(", "));
                        work.push(Work::Value(k));
                        work.push(Work::Text("("));
                    }
                }
                if i > 0 {
                    work.push(Work::Text(", "));
                }
            }
            continue;
        }
        let (items, brackets): (Vec<Value>, (&str, &'static str)) = match heap.get(r) {
            Object::List(items) => (items.clone(), ("[", "]")),
            Object::Tuple(items) if items.len() == 1 => (items.to_vec(), ("(", ",)")),
            Object::Tuple(items) => (items.to_vec(), ("(", ")")),
            Object::Set(d) if d.is_empty() => {
                out.push_str("set()");
                continue;
            }
            Object::Set(d) => (d.iter().map(|(k, _)| k).collect(), ("{", "}")),
            Object::FrozenSet(d) if d.is_empty() => {
                out.push_str("frozenset()");
                continue;
            }
            Object::FrozenSet(d) => (d.iter().map(|(k, _)| k).collect(), ("frozenset({", "})")),
            _ => {
                out.push_str(&object_repr(heap, r));
                continue;
            }
        };
        if open.contains(&r) {
            out.push_str(match brackets.0 {
                "[" => "[...]",
                "(" => "(...)",
                _ => "{...}",
            });
            continue;
        }
        if depth >= room {
            return Err(too_deep());
        }
        depth += 1;
        open.push(r);
        out.push_str(brackets.0);
        work.push(Work::Close(Some(r), brackets.1));
        for (i, &item) in items.iter().enumerate().rev() {
            work.push(Work::Value(item));
            if i > 0 {
                work.push(Work::Text(", "));
            }
        }
    }
    Ok(out)
}

pub(super) fn scalar_repr(v: Value) -> String {
    match v {
        Value::Unbound | Value::None => "None".into(),
        Value::Bool(b) => if b { "True" } else { "False" }.into(),
        Value::Int(i) => int_text(i),
        Value::Float(f) => float_repr(f),
        Value::Obj(_) => String::new(),
    }
}

/// The decimal text of `i`, without the formatting machinery (`str(i)` is hot).
pub fn int_text(i: i64) -> String {
    Text::from_int(i).to_string()
}

/// An address-like number for default reprs: stable for the object's lifetime.
pub fn address(r: crate::runtime::ObjRef) -> usize {
    r.index() * 16 + 0x7f00_0000_0000
}

/// The module CPython defines a type in that Baton builds in (`builtins` for the rest).
fn builtin_module(name: &str) -> &'static str {
    match name {
        "CancelledError" | "InvalidStateError" => "asyncio.exceptions",
        "Future" | "Task" => "_asyncio",
        "_GatheringFuture" => "asyncio.tasks",
        "TaskGroup" => "asyncio.taskgroups",
        "Handle" | "TimerHandle" => "asyncio.events",
        "_UnixSelectorEventLoop" => "asyncio.unix_events",
        _ => "builtins",
    }
}

/// The module a class says it was defined in: its `__module__` (for a built-in type, the
/// module CPython has it in).
pub fn class_module<'h>(heap: &'h Heap, class: &crate::runtime::object::Class) -> &'h str {
    if let Some(name) = class.builtin {
        return builtin_module(name);
    }
    class
        .attrs
        .get("__module__")
        .and_then(|&v| str_of(heap, v))
        .unwrap_or("__main__")
}

/// The default `repr` of a heap object (without calling any `__repr__`).
pub fn object_repr(heap: &Heap, r: crate::runtime::ObjRef) -> String {
    let addr = address(r);
    match heap.get(r) {
        Object::Str(s) => str_repr(s),
        Object::Bytes(b) => crate::runtime::format::bytes_repr(b),
        Object::BigInt(b) => b.to_string(),
        Object::Function(f) => format!("<function {} at 0x{addr:x}>", f.loaded.code.qualname),
        Object::Future(_)
        | Object::EventLoop(_)
        | Object::Handle(_)
        | Object::Sleep { .. }
        | Object::TaskGroup(_) => super::asyncio::repr(heap, r),
        Object::Generator(g) | Object::Coroutine(g) | Object::AsyncGenerator(g) => format!(
            "<{} object {} at 0x{addr:x}>",
            heap.get(r).type_name(),
            g.loaded.code.qualname
        ),
        Object::Native(n) => match n.receiver {
            Some(type_name) => format!("<method '{}' of '{type_name}' objects>", n.name),
            None => format!("<built-in function {}>", n.name),
        },
        Object::Module(m) => format!("<module '{}' (built-in)>", m.name),
        Object::Class(c) => match class_module(heap, c) {
            "builtins" => format!("<class '{}'>", c.name),
            module => format!("<class '{module}.{}'>", c.name),
        },
        Object::Instance(i) => match heap.get(i.class) {
            Object::Class(c) if c.builtin == Some("NotImplementedType") => "NotImplemented".into(),
            Object::Class(c) if c.builtin == Some("ellipsis") => "Ellipsis".into(),
            Object::Class(c) if c.builtin.is_some() => format!("<{} object at 0x{addr:x}>", c.name),
            Object::Class(c) => format!(
                "<{}.{} object at 0x{addr:x}>",
                class_module(heap, c),
                c.name
            ),
            _ => format!("<object at 0x{addr:x}>"),
        },
        Object::Method { func, receiver } => {
            let name = match func.as_obj().map(|f| heap.get(f)) {
                Some(Object::Function(f)) => f.loaded.code.qualname.to_string(),
                Some(Object::Native(n)) => n.name.to_string(),
                _ => "?".into(),
            };
            format!("<bound method {name} of {}>", repr(heap, *receiver))
        }
        Object::BoundMethod { name, receiver, .. } => format!(
            "<built-in method {name} of {} object at 0x{:x}>",
            type_name(heap, *receiver),
            receiver.as_obj().map_or(0, address)
        ),

        Object::Range {
            start,
            stop,
            step: 1,
        } => format!("range({start}, {stop})"),
        Object::Range { start, stop, step } => format!("range({start}, {stop}, {step})"),
        other => format!("<{} object at 0x{addr:x}>", other.type_name()),
    }
}

/// `repr(s)` for a str: single quotes unless only double quotes avoid escaping.
/// Python's `str.isprintable` for one character, for the characters above Latin-1 that
/// `repr` escapes: separators, the invisible formatting characters and private use (the
/// ranges of Unicode's Z*, Cf and Co categories; unassigned code points print as themselves).
fn is_printable(c: char) -> bool {
    let u = c as u32;
    let hidden = matches!(u,
        0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x8e2 | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000
        | 0xe000..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f
        | 0xf0000..=0x10ffff);
    !hidden
}

/// `c` as an escape by its code point: `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn code_point_escape(c: char) -> String {
    match c as u32 {
        u @ 0..=0xff => format!("\\x{u:02x}"),
        u @ 0x100..=0xffff => format!("\\u{u:04x}"),
        u => format!("\\U{u:08x}"),
    }
}

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) || !is_printable(c) => {
                out.push_str(&code_point_escape(c));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
