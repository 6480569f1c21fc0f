//! The report of an uncaught exception and its text as CPython prints it: the chain of causes
//! and contexts, and exception groups drawn as nested boxes of their sub-exceptions.

use super::exceptions::{builtin_kind, state};
use super::ops;
use super::{Exception, Vm};
use crate::runtime::object::TraceEntry;
use crate::runtime::{Object, Value};

const CAUSE_LINK: &str = "The above exception was the direct cause of the following exception:";
const CONTEXT_LINK: &str = "During handling of the above exception, another exception occurred:";

/// How deep groups nest, and how many sub-exceptions of each, before the rest is elided.
const MAX_GROUP_DEPTH: usize = 10;
const MAX_GROUP_WIDTH: usize = 15;

/// An uncaught exception as it is printed.
#[derive(Debug)]
pub struct Report {
    /// The exceptions to print, first printed first (a cause or context before what it led to).
    pub chain: Vec<ReportedException>,
    /// Set for `SystemExit`: the status to exit with, and no traceback.
    pub exit_status: Option<i32>,
    /// What `SystemExit` prints to stderr when its code is not an int.
    pub exit_message: Option<String>,
}

/// One exception of a [`Report`].
#[derive(Debug)]
pub struct ReportedException {
    /// Outermost call first.
    pub traceback: Vec<TraceEntry>,
    /// `Type: message`.
    pub last_line: String,
    /// The sentence that links it to the exception printed before it.
    pub link: Option<&'static str>,
    /// What `add_note` added, printed after the last line.
    pub notes: Vec<String>,
    /// For an exception group: the chain of each sub-exception, in order (empty when nested
    /// too deep to print).
    pub group: Option<Vec<Vec<ReportedException>>>,
}

impl Vm {
    /// The report of an exception nobody caught: its chain (causes and contexts first) and, for
    /// `SystemExit`, the status to exit with.
    pub(super) fn report(&mut self, e: Exception) -> Report {
        let top = self.exception_object(&e);
        if let Some((status, message)) = self.exit_status(top) {
            return Report {
                chain: Vec::new(),
                exit_status: Some(status),
                exit_message: message,
            };
        }
        self.exception_report(top)
    }

    /// The report of exception object `top` as a traceback prints it (`SystemExit` too).
    pub(super) fn exception_report(&mut self, top: Value) -> Report {
        let chain = self.report_chain(top, &mut Vec::new(), 0);
        // Like a process CPython ends after an uncaught Ctrl-C: killed by SIGINT (128 + 2).
        let interrupted = matches!(top.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Instance(i)) if builtin_kind(&self.heap, i.class) == "KeyboardInterrupt");
        Report {
            chain,
            exit_status: interrupted.then_some(130),
            exit_message: None,
        }
    }

    /// `exc` and what led to it (its cause, or its context), first printed first. An exception
    /// already printed (`seen`) is not printed again as a cause or context, as CPython does.
    fn report_chain(
        &mut self,
        exc: Value,
        seen: &mut Vec<Value>,
        depth: usize,
    ) -> Vec<ReportedException> {
        let mut links = Vec::new();
        let mut current = Some(exc);
        while let Some(v) = current.take() {
            seen.push(v);
            let Some(s) = state(&self.heap, v) else { break };
            let (cause, context, suppress) = (s.cause, s.context, s.suppress_context);
            let (next, link) = if cause != Value::None {
                (cause, CAUSE_LINK)
            } else if context != Value::None && !suppress {
                (context, CONTEXT_LINK)
            } else {
                (Value::None, "")
            };
            let follows = next != Value::None && !seen.contains(&next);
            links.push((v, follows.then_some(link)));
            current = follows.then_some(next);
        }
        let mut chain = Vec::with_capacity(links.len());
        for (v, link) in links.into_iter().rev() {
            let traceback = state(&self.heap, v).map_or_else(Vec::new, |s| s.traceback.clone());
            let last_line = self.last_line(v);
            let notes = self.notes(v);
            let group = super::exception_groups::sub_exceptions(self, v).map(|subs| {
                if depth > MAX_GROUP_DEPTH {
                    return Vec::new();
                }
                subs.into_iter()
                    .map(|e| self.report_chain(e, seen, depth + 1))
                    .collect()
            });
            chain.push(ReportedException {
                traceback,
                last_line,
                link,
                notes,
                group,
            });
        }
        chain
    }

    /// The notes of exception `v` (its `__notes__`), each as printed: a str as it is, anything
    /// else as its repr.
    fn notes(&mut self, v: Value) -> Vec<String> {
        let own = match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => i.get(&self.shapes, "__notes__").copied(),
            _ => None,
        };
        let items = match own.and_then(|n| n.as_obj()).map(|r| self.heap.get(r)) {
            Some(Object::List(items)) => items.clone(),
            Some(Object::Tuple(items)) => items.to_vec(),
            _ => return Vec::new(),
        };
        items
            .into_iter()
            .map(|note| match ops::str_of(&self.heap, note) {
                Some(text) => text.to_owned(),
                None => ops::repr_in(self, note).unwrap_or_default(),
            })
            .collect()
    }

    /// `SystemExit`'s status: its code when an int, 0 for none, 1 for anything else (which is
    /// printed).
    fn exit_status(&mut self, v: Value) -> Option<(i32, Option<String>)> {
        let Some(Object::Instance(i)) = v.as_obj().map(|r| self.heap.get(r)) else {
            return None;
        };
        if builtin_kind(&self.heap, i.class) != "SystemExit" {
            return None;
        }
        let code = state(&self.heap, v).and_then(|s| match s.args.len() {
            0 => None,
            1 => Some(s.args[0]),
            _ => None,
        });
        match code {
            None | Some(Value::None) => Some((0, None)),
            Some(Value::Int(n)) => Some((n as i32, None)),
            Some(Value::Bool(b)) => Some((i32::from(b), None)),
            Some(other) => Some((1, Some(ops::to_str_in(self, other).unwrap_or_default()))),
        }
    }

    /// The last line of a traceback: `Type: message`, or just `Type`.
    fn last_line(&mut self, v: Value) -> String {
        let cls = self.class_of(v);
        let name = ops::type_name(&self.heap, v);
        let module = match super::classes::class(&self.heap, cls) {
            Some(c) => super::repr::class_module(&self.heap, c),
            None => "builtins",
        };
        // Classes from other modules than the program's and the builtins are qualified.
        let name = match module {
            "builtins" | "__main__" => name.to_owned(),
            _ => format!("{module}.{name}"),
        };
        let message = match ops::to_str_in(self, v) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_owned(),
        };
        if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        }
    }
}

/// Where the text being written is within nested exception groups.
struct Margin<'s> {
    /// How many group boxes enclose it (0 at the top level).
    depth: usize,
    /// Whether the box being drawn still needs its closing line.
    need_close: bool,
    source_line: &'s dyn Fn(&str, u32) -> Option<String>,
    out: String,
}

impl Margin<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text`, each line behind the margin (`|`, or `mark` instead).
    fn emit(&mut self, text: &str, mark: char) {
        let prefix = if self.depth == 0 {
            String::new()
        } else {
            format!("{}{mark} ", self.indent())
        };
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn frames(&mut self, traceback: &[TraceEntry]) {
        for entry in traceback {
            let mut text = format!(
                "  File \"{}\", line {}, in {}\n",
                entry.filename, entry.line, entry.function
            );
            if let Some(line) = (self.source_line)(&entry.filename, entry.line) {
                text.push_str(&format!("    {}\n", line.trim()));
            }
            self.emit(&text, '|');
        }
    }

    fn notes(&mut self, e: &ReportedException) {
        for note in &e.notes {
            self.emit(&format!("{note}\n"), '|');
        }
    }

    fn chain(&mut self, chain: &[ReportedException]) {
        for e in chain {
            if let Some(link) = e.link {
                self.emit(&format!("\n{link}\n\n"), '|');
            }
            match &e.group {
                None => {
                    if !e.traceback.is_empty() {
                        self.emit("Traceback (most recent call last):\n", '|');
                        self.frames(&e.traceback);
                    }
                    self.emit(&format!("{}\n", e.last_line), '|');
                    self.notes(e);
                }
                Some(_) if self.depth > MAX_GROUP_DEPTH => {
                    self.emit(
                        &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                        '|',
                    );
                }
                Some(subs) => self.group(e, subs),
            }
        }
    }

    /// An exception group: its own traceback and line, then a numbered box for each
    /// sub-exception.
    fn group(&mut self, e: &ReportedException, subs: &[Vec<ReportedException>]) {
        let top_level = self.depth == 0;
        if top_level {
            self.depth += 1;
        }
        if !e.traceback.is_empty() {
            let mark = if top_level { '+' } else { '|' };
            self.emit("Exception Group Traceback (most recent call last):\n", mark);
            self.frames(&e.traceback);
        }
        self.emit(&format!("{}\n", e.last_line), '|');
        self.notes(e);
        let shown = subs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_owned()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            self.out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            ));
            self.depth += 1;
            if truncated {
                let remaining = subs.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else {
                self.chain(&subs[i]);
            }
            if last && self.need_close {
                self.out.push_str(&format!(
                    "{}+------------------------------------\n",
                    self.indent()
                ));
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if top_level {
            self.depth = 0;
        }
    }
}

impl Report {
    /// The report as CPython prints it: each exception of the chain (causes and contexts
    /// first), its frames outermost first, each with the source line `source_line` gives.
    ///
    /// ```
    /// let mut interp = baton::Interpreter::with_output(Box::new(std::io::sink()));
    /// let Err(baton::RunError::Exception(report)) = interp.run_source("t.py", "x = 1\n1/0\n") else {
    ///     panic!("1/0 raises");
    /// };
    /// let text = report.render(&|_, line| (line == 2).then(|| "1/0".to_owned()));
    /// assert_eq!(
    ///     text,
    ///     "Traceback (most recent call last):\n  File \"t.py\", line 2, in <module>\n    1/0\nZeroDivisionError: division by zero\n"
    /// );
    /// ```
    pub fn render(&self, source_line: &dyn Fn(&str, u32) -> Option<String>) -> String {
        let mut margin = Margin {
            depth: 0,
            need_close: false,
            source_line,
            out: String::new(),
        };
        margin.chain(&self.chain);
        margin.out
    }

    /// The last line printed.
    pub fn last_line(&self) -> String {
        if let Some(m) = &self.exit_message {
            return m.clone();
        }
        let text = self.render(&|_, _| None);
        text.lines().last().unwrap_or_default().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(line: &str) -> Vec<ReportedException> {
        vec![ReportedException {
            traceback: Vec::new(),
            last_line: line.to_owned(),
            link: None,
            notes: Vec::new(),
            group: None,
        }]
    }

    /// A group inside a group, without tracebacks (the text is CPython's for the same groups).
    #[test]
    fn nested_groups_are_drawn_as_boxes() {
        let inner = ReportedException {
            traceback: Vec::new(),
            last_line: "ExceptionGroup: nested (2 sub-exceptions)".to_owned(),
            link: None,
            notes: Vec::new(),
            group: Some(vec![leaf("KeyError: 'k'"), leaf("TypeError: t")]),
        };
        let outer = ReportedException {
            traceback: Vec::new(),
            last_line: "ExceptionGroup: top (2 sub-exceptions)".to_owned(),
            link: None,
            notes: Vec::new(),
            group: Some(vec![leaf("ValueError: v"), vec![inner]]),
        };
        let report = Report {
            chain: vec![outer],
            exit_status: None,
            exit_message: None,
        };
        let expected = "  | ExceptionGroup: top (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | ValueError: v
    +---------------- 2 ----------------
    | ExceptionGroup: nested (2 sub-exceptions)
    +-+---------------- 1 ----------------
      | KeyError: 'k'
      +---------------- 2 ----------------
      | TypeError: t
      +------------------------------------
";
        assert_eq!(report.render(&|_, _| None), expected);
        assert_eq!(
            report.last_line(),
            "      +------------------------------------"
        );
    }
}
