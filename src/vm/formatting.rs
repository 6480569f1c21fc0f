//! String formatting beyond f-strings: `'%d items' % n` and `'{} {name}'.format(…)`, both
//! expressed through the format-spec mini-language so all three agree with CPython.

use std::rc::Rc;

use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

fn text_of(vm: &Vm, v: Value) -> String {
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => s.to_string(),
        _ => String::new(),
    }
}

/// `format % args`.
pub(super) fn percent_format(vm: &mut Vm, format: Value, args: Value) -> Result<Value, Exception> {
    let fmt = text_of(vm, format);
    let (items, mapping): (Vec<Value>, Option<Value>) = match args.as_obj().map(|r| vm.heap.get(r))
    {
        Some(Object::Tuple(items)) => (items.to_vec(), None),
        Some(Object::Dict(_)) => (vec![args], Some(args)),
        _ => (vec![args], None),
    };
    let mut next = 0;
    let mut out = String::with_capacity(fmt.len());
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let close = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
            let Some(close) = close else {
                return Err(Exception::new("ValueError", "incomplete format key"));
            };
            key = Some(chars[i + 1..close].iter().collect::<String>());
            i = close + 1;
        }
        let mut flags = String::new();
        while let Some(&c) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
            flags.push(c);
            i += 1;
        }
        let take_number = |i: &mut usize, next: &mut usize| -> Result<String, Exception> {
            if chars.get(*i) == Some(&'*') {
                *i += 1;
                let v = items.get(*next).copied().ok_or_else(not_enough)?;
                *next += 1;
                return match v {
                    Value::Int(n) => Ok(n.to_string()),
                    _ => Err(Exception::new("TypeError", "* wants int")),
                };
            }
            let mut digits = String::new();
            while let Some(&c) = chars.get(*i).filter(|c| c.is_ascii_digit()) {
                digits.push(c);
                *i += 1;
            }
            Ok(digits)
        };
        let width = take_number(&mut i, &mut next)?;
        let precision = if chars.get(i) == Some(&'.') {
            i += 1;
            Some(take_number(&mut i, &mut next)?)
        } else {
            None
        };
        let Some(&conv) = chars.get(i) else {
            return Err(Exception::new("ValueError", "incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match (&key, mapping) {
            (Some(k), Some(m)) => {
                let k = new_str(&mut vm.heap, k.as_str());
                vm.get_item(m, k)?
            }
            (Some(_), None) => {
                return Err(Exception::new("TypeError", "format requires a mapping"))
            }
            (None, _) => {
                let v = items.get(next).copied().ok_or_else(not_enough)?;
                next += 1;
                v
            }
        };
        let align = if flags.contains('-') { "<" } else { ">" };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let alt = if flags.contains('#') { "#" } else { "" };
        let zero = flags.contains('0') && !flags.contains('-');
        let precision = precision.map(|p| format!(".{}", if p.is_empty() { "0" } else { &p }));
        let precision = precision.unwrap_or_default();
        let numeric_spec = |kind: char| {
            if zero {
                format!("{sign}{alt}0{width}{precision}{kind}")
            } else {
                format!("{align}{sign}{alt}{width}{precision}{kind}")
            }
        };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let text = if conv == 's' {
                    ops::to_str_in(vm, value)?
                } else {
                    ops::repr_in(vm, value)?
                };
                let s = new_str(&mut vm.heap, text);
                ops::format_value(vm, s, &format!("{align}{width}{precision}"))?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let int = match value {
                    Value::Float(f) if f.is_finite() => Value::Int(f.trunc() as i64),
                    Value::Int(_) | Value::Bool(_) => value,
                    Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => value,
                    _ => {
                        let what = if matches!(conv, 'd' | 'i' | 'u') {
                            format!(
                                "%{conv} format: a real number is required, not {}",
                                type_name(&vm.heap, value)
                            )
                        } else {
                            format!(
                                "%{conv} format: an integer is required, not {}",
                                type_name(&vm.heap, value)
                            )
                        };
                        return Err(Exception::new("TypeError", what));
                    }
                };
                let kind = if matches!(conv, 'i' | 'u') { 'd' } else { conv };
                let spec = numeric_spec(kind).replace(&precision, "");
                ops::format_value(vm, int, &spec)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let number = match value {
                    Value::Int(n) => Value::Float(n as f64),
                    Value::Bool(b) => Value::Float(f64::from(u8::from(b))),
                    Value::Float(_) => value,
                    _ => {
                        return Err(Exception::new(
                            "TypeError",
                            format!("must be real number, not {}", type_name(&vm.heap, value)),
                        ))
                    }
                };
                let precision_given = !precision.is_empty();
                let spec = if precision_given {
                    numeric_spec(conv)
                } else {
                    numeric_spec(conv).replacen(conv, &format!(".6{conv}"), 1)
                };
                ops::format_value(vm, number, &spec)?
            }
            'c' => {
                let c = match value {
                    Value::Int(n) => char::from_u32(n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => text_of(vm, value),
                };
                let s = new_str(&mut vm.heap, c);
                ops::format_value(vm, s, &format!("{align}{width}"))?
            }
            other => {
                return Err(Exception::new(
                    "ValueError",
                    format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    ),
                ))
            }
        };
        out.push_str(&piece);
    }
    if mapping.is_none() && next < items.len() {
        return Err(Exception::new(
            "TypeError",
            "not all arguments converted during string formatting",
        ));
    }
    Ok(new_str(&mut vm.heap, out))
}

fn not_enough() -> Exception {
    Exception::new("TypeError", "not enough arguments for format string")
}

/// `str.format(*args, **kwargs)`.
pub(super) fn str_format(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let fmt = text_of(vm, args[0]);
    let text = format_with(vm, &fmt, &args[1..], kwargs, &mut 0, 0)?;
    Ok(new_str(&mut vm.heap, text))
}

fn format_with(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: Kwargs,
    auto: &mut usize,
    depth: usize,
) -> Result<String, Exception> {
    if depth > 2 {
        return Err(Exception::new(
            "ValueError",
            "Max string recursion exceeded",
        ));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(Exception::new(
                "ValueError",
                "Single '}' encountered in format string",
            ));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        let mut level = 1;
        let mut j = i + 1;
        while j < chars.len() && level > 0 {
            match chars[j] {
                '{' => level += 1,
                '}' => level -= 1,
                _ => {}
            }
            j += 1;
        }
        if level > 0 {
            return Err(Exception::new(
                "ValueError",
                "expected '}' before end of string",
            ));
        }
        let field: String = chars[i + 1..j - 1].iter().collect();
        i = j;
        let (name_part, spec) = match field.find(':') {
            Some(p) => (&field[..p], &field[p + 1..]),
            None => (&field[..], ""),
        };
        let (name, conversion) = match name_part.find('!') {
            Some(p) => (&name_part[..p], name_part[p + 1..].chars().next()),
            None => (name_part, None),
        };
        let value = field_value(vm, name, args, kwargs, auto)?;
        let value = match conversion {
            Some('r') | Some('a') => {
                let t = ops::repr_in(vm, value)?;
                new_str(&mut vm.heap, t)
            }
            Some('s') => {
                let t = ops::to_str_in(vm, value)?;
                new_str(&mut vm.heap, t)
            }
            Some(other) => {
                return Err(Exception::new(
                    "ValueError",
                    format!("Unknown conversion specifier {other}"),
                ))
            }
            None => value,
        };
        let spec = if spec.contains('{') {
            format_with(vm, spec, args, kwargs, auto, depth + 1)?
        } else {
            spec.to_owned()
        };
        out.push_str(&ops::format_value(vm, value, &spec)?);
    }
    Ok(out)
}

/// The value a replacement field names: `0`, `name`, or empty (the next positional one), then
/// any `.attr` and `[key]` parts.
fn field_value(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs,
    auto: &mut usize,
) -> Result<Value, Exception> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let mut value = if first.is_empty() {
        let v = args.get(*auto).copied().ok_or_else(|| {
            Exception::new(
                "IndexError",
                format!(
                    "Replacement index {} out of range for positional args tuple",
                    *auto
                ),
            )
        })?;
        *auto += 1;
        v
    } else if let Ok(n) = first.parse::<usize>() {
        args.get(n).copied().ok_or_else(|| {
            Exception::new(
                "IndexError",
                format!("Replacement index {n} out of range for positional args tuple"),
            )
        })?
    } else {
        let found = kwargs.iter().find(|(k, _)| &**k == first).map(|(_, v)| *v);
        match found {
            Some(v) => v,
            None => {
                let key = new_str(&mut vm.heap, first);
                return Err(Exception::key_error(&vm.heap, key));
            }
        }
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            value = vm.get_attr(value, &Rc::from(&after[..end]))?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']').unwrap_or(after.len());
            let key_text = &after[..end];
            let key = match key_text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => new_str(&mut vm.heap, key_text),
            };
            value = vm.get_item(value, key)?;
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            break;
        }
    }
    Ok(value)
}
