//! The clock programs and the event loop read: real time, or — with virtual time on — a clock
//! that moves only when something waits (a timer the loop jumps to, a blocking `time.sleep`),
//! so sleep-heavy programs run at once and print what they print in real time.

use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::builtins::arity;
use super::{Exception, Vm};
use crate::runtime::Value;

/// What `time.monotonic()` reads at the start of the run (any positive origin will do).
const MONOTONIC_ORIGIN: f64 = 1.0;

pub(super) struct Clock {
    start: Instant,
    /// Wall-clock seconds at `start`.
    start_wall: f64,
    /// With virtual time: the seconds of waiting it skipped. The clock still moves with the
    /// time the program computes, so deadlines set one after the other are as far apart as
    /// they are in real time (and timers keep their real-time order).
    skipped: Option<f64>,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock {
            start: Instant::now(),
            start_wall: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs_f64(),
            skipped: None,
        }
    }
}

impl Clock {
    /// Switches to virtual time, from now on.
    pub(super) fn use_virtual_time(&mut self) {
        self.skipped = Some(0.0);
    }

    pub(super) fn is_virtual(&self) -> bool {
        self.skipped.is_some()
    }

    fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64() + self.skipped.unwrap_or(0.0)
    }

    /// `time.monotonic()`, and the event loop's `time()`.
    pub(super) fn monotonic(&self) -> f64 {
        MONOTONIC_ORIGIN + self.elapsed()
    }

    /// `time.time()`.
    pub(super) fn wall(&self) -> f64 {
        match self.skipped {
            Some(_) => self.start_wall + self.elapsed(),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs_f64(),
        }
    }
}

impl Vm {
    /// Waits until the monotonic clock reads `deadline`: moves the virtual clock there, or
    /// sleeps in slices (so that a Ctrl-C interrupts a long wait, as it does CPython's).
    pub(super) fn wait_until(&mut self, deadline: f64) -> Result<(), Exception> {
        let now = self.clock.monotonic();
        if let Some(skipped) = &mut self.clock.skipped {
            *skipped += (deadline - now).max(0.0);
            return Ok(());
        }
        self.flush();
        loop {
            if let Some(e) = self.take_interrupt() {
                return Err(e);
            }
            let left = deadline - self.clock.monotonic();
            if left <= 0.0 {
                return Ok(());
            }
            std::thread::sleep(Duration::from_secs_f64(left.min(0.02)));
        }
    }
}

pub(super) fn time_time(
    vm: &mut Vm,
    _: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    Ok(Value::Float(vm.clock.wall()))
}

pub(super) fn time_monotonic(
    vm: &mut Vm,
    _: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    Ok(Value::Float(vm.clock.monotonic()))
}

pub(super) fn time_time_ns(
    vm: &mut Vm,
    _: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    Ok(Value::Int((vm.clock.wall() * 1e9) as i64))
}

pub(super) fn time_monotonic_ns(
    vm: &mut Vm,
    _: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    Ok(Value::Int((vm.clock.monotonic() * 1e9) as i64))
}

pub(super) fn time_sleep(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    arity("time.sleep", args, 1, 1)?;
    let seconds = seconds(vm, args[0])?;
    if seconds < 0.0 {
        return Err(Exception::new(
            "ValueError",
            "sleep length must be non-negative",
        ));
    }
    let deadline = vm.clock.monotonic() + seconds;
    vm.wait_until(deadline)?;
    Ok(Value::None)
}

/// A number of seconds given as an int or a float.
pub(super) fn seconds(vm: &Vm, v: Value) -> Result<f64, Exception> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Float(f) => Ok(f),
        Value::Bool(b) => Ok(f64::from(u8::from(b))),
        other => Err(super::ops::not_an_integer(&vm.heap, other)),
    }
}
