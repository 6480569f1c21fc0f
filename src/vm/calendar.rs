//! Calendar time for the `time` module: seconds broken down into local or UTC date and time,
//! and back, and `strftime` formatting — through the C library, as CPython's own `time`
//! module does (so time zones and formats behave the same). The Python half
//! (`stdlib/time.py`) builds `struct_time`, `localtime`, `ctime` and friends on these.

use std::rc::Rc;

use super::builtins::arity;
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The natives the Python half uses.
pub(super) const FUNCTIONS: [(&str, crate::runtime::object::NativeFn); 3] = [
    ("_broken_down", broken_down),
    ("_mktime", mktime),
    ("_strftime", strftime),
];

/// `_broken_down(secs, utc)`: the nine `struct_time` fields, the zone's name and its offset
/// from UTC in seconds.
fn broken_down(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("_broken_down", args, 2, 2)?;
    let secs = super::clock::seconds(vm, args[0])?;
    if !secs.is_finite() || secs.abs() > 1e16 {
        return Err(Exception::new(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    let t = secs.floor() as libc::time_t;
    // SAFETY: `tm` is plain data (all zeroes is a valid value).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both calls only read `t` and write `tm`, which outlive them.
    let filled = unsafe {
        if ops::truthy(&vm.heap, args[1]) {
            libc::gmtime_r(&t, &mut tm)
        } else {
            libc::localtime_r(&t, &mut tm)
        }
    };
    if filled.is_null() {
        return Err(Exception::new(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: a non-null `tm_zone` points at a NUL-terminated string the C library keeps.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let mut fields: Vec<Value> = [
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        (tm.tm_wday + 6) % 7,
        tm.tm_yday + 1,
        tm.tm_isdst,
    ]
    .iter()
    .map(|&n| Value::Int(i64::from(n)))
    .collect();
    fields.push(new_str(&mut vm.heap, zone));
    fields.push(Value::Int(tm.tm_gmtoff as i64));
    Ok(Value::Obj(vm.heap.alloc(Object::Tuple(fields.into()))))
}

/// The C `struct tm` for the nine fields of a `struct_time` (a tuple of ints).
fn tm_of(vm: &Vm, fields: Value, function: &str) -> Result<libc::tm, Exception> {
    let items = match fields.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(items)) if items.len() == 9 => items.clone(),
        _ => {
            return Err(Exception::new(
                "TypeError",
                format!("{function}(): illegal time tuple argument"),
            ))
        }
    };
    let mut n = [0i32; 9];
    for (slot, v) in n.iter_mut().zip(items.iter()) {
        *slot = match v {
            Value::Int(i) => i32::try_from(*i).map_err(|_| {
                Exception::new("OverflowError", "Python int too large to convert to C int")
            })?,
            Value::Bool(b) => i32::from(*b),
            _ => {
                return Err(Exception::new(
                    "TypeError",
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        ops::type_name(&vm.heap, *v)
                    ),
                ))
            }
        };
    }
    // SAFETY: plain data; every field the C functions read is set below.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = n[0] - 1900;
    tm.tm_mon = n[1] - 1;
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6] + 1) % 7;
    tm.tm_yday = n[7] - 1;
    tm.tm_isdst = n[8];
    Ok(tm)
}

/// `_mktime(fields)`: the seconds since the epoch of a local time.
fn mktime(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("mktime", args, 1, 1)?;
    let mut tm = tm_of(vm, args[0], "mktime")?;
    // Set by mktime on success, so a result of -1 can be told from an error.
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, initialised struct the C library normalises in place.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(Exception::new(
            "OverflowError",
            "mktime argument out of range",
        ));
    }
    Ok(Value::Float(t as f64))
}

/// `_strftime(format, fields)`: C's `strftime` of the fields.
fn strftime(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("strftime", args, 2, 2)?;
    let Some(format) = ops::str_of(&vm.heap, args[0]).map(str::to_owned) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "strftime() argument 1 must be str, not {}",
                ops::type_name(&vm.heap, args[0])
            ),
        ));
    };
    let tm = tm_of(vm, args[1], "strftime")?;
    if format.contains('\0') {
        return Err(Exception::new("ValueError", "embedded null character"));
    }
    let Ok(c_format) = std::ffi::CString::new(format.as_str()) else {
        return Err(Exception::new("ValueError", "embedded null character"));
    };
    // An empty result is ambiguous in C: grow the buffer until it clearly fits, as CPython
    // does, up to a size no sensible format needs.
    let mut size = 256.max(format.len() * 8);
    while size <= 1 << 20 {
        let mut buffer = vec![0u8; size];
        // SAFETY: the buffer is `size` bytes long and the format NUL-terminated.
        let written =
            unsafe { libc::strftime(buffer.as_mut_ptr().cast(), size, c_format.as_ptr(), &tm) };
        if written > 0 || format.is_empty() || size >= 256 * format.len().max(1) {
            buffer.truncate(written);
            let text = String::from_utf8_lossy(&buffer).into_owned();
            return Ok(new_str(&mut vm.heap, text));
        }
        size *= 2;
    }
    Ok(new_str(&mut vm.heap, ""))
}
