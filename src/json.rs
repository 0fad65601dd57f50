//! A small JSON reader and writer for the data file, written for the size of the
//! WebAssembly: serde's derived readers and serde_json's generic parser cost the release build
//! about 35 KB gzip (measured with both in and with the loader stubbed out), this one a few.
//!
//! It reads in two steps, as the loader needs: [`split`] (or [`split_records`], which leaves
//! the records' own syntax to the second step) hands back the raw text of each member or item
//! without building anything (a file of thousands of partners is never held as values), and
//! [`parse_into`] writes one record as a flat list of tokens (a tape, reused from record to
//! record, so that reading allocates only the strings the records keep), which [`FromJson`]
//! turns into a typed value. A typed error carries the path of the value it is about
//! (`events[2].date`), built on its way out. [`ToJson`] writes records back in the file's form.

use std::borrow::Cow;
use std::fmt;

/// Nesting deeper than this is refused (serde_json refuses 128 levels too), so that no input
/// can overflow the stack.
const MAX_DEPTH: usize = 127;

/// One token of a tape: a value, or the start of an object or array with the number of
/// tokens inside it (an object's are its keys, as strings, each followed by its value).
/// Numbers keep their text, so that an integer field can refuse `1.5` and `1e3` as serde
/// does, and a float reads with correct rounding. Strings and keys without escapes borrow the
/// text.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Tok<'a> {
    #[default]
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array(usize),
    Object(usize),
}

impl Tok<'_> {
    /// How many tokens the value that starts with this one takes.
    fn span(&self) -> usize {
        match self {
            Tok::Array(inside) | Tok::Object(inside) => 1 + inside,
            _ => 1,
        }
    }
}

/// The bytes that end a run of plain characters in a string: the quote, the backslash and
/// the control characters (a table: one look-up a byte, where most of a file's bytes are).
static STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        stops[byte] = true;
        byte += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

/// Where a text stops being JSON: the byte offset and what was wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: &'static str,
}

impl SyntaxError {
    /// The 1-based line and column (in bytes) of the error in `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = &text.as_bytes()[..self.offset.min(text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        (line, before.len() - line_start + 1)
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Where values are written, when they are built.
    tape: Vec<Tok<'a>>,
    /// Whether an object's arrays are split into items without checking them
    /// ([`split_records`]).
    unchecked_items: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            pos: 0,
            depth: 0,
            tape: Vec::new(),
            unchecked_items: false,
        }
    }

    fn fail<T>(&self, message: &'static str) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            offset: self.pos,
            message,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        let rest = &self.text.as_bytes()[self.pos..];
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
    }

    /// Skips space and takes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), SyntaxError> {
        if self.eat(byte) {
            Ok(())
        } else if self.peek().is_none() {
            self.fail("the text ends too early")
        } else {
            self.fail(message)
        }
    }

    /// The end of the whole text: only space may follow the value.
    fn finish(&mut self) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.pos < self.text.len() {
            return self.fail("more text after the end of the value");
        }
        Ok(())
    }

    /// Reads one value; with `build`, onto the tape, else only checking it.
    fn value(&mut self, build: bool) -> Result<(), SyntaxError> {
        self.skip_space();
        let token = match self.peek() {
            None => return self.fail("the text ends where a value should be"),
            Some(open @ (b'{' | b'[')) => return self.nested(build, open),
            Some(b'"') => Tok::String(self.string(build)?),
            Some(b'-' | b'0'..=b'9') => Tok::Number(self.number()?),
            Some(_) => {
                let rest = &self.text[self.pos..];
                let (word, token) = if rest.starts_with("true") {
                    ("true", Tok::Bool(true))
                } else if rest.starts_with("false") {
                    ("false", Tok::Bool(false))
                } else if rest.starts_with("null") {
                    ("null", Tok::Null)
                } else {
                    return self.fail("expected a value");
                };
                self.pos += word.len();
                token
            }
        };
        if build {
            self.tape.push(token);
        }
        Ok(())
    }

    /// An object or array, from its opening bracket.
    fn nested(&mut self, build: bool, open: u8) -> Result<(), SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return self.fail("values nested too deeply");
        }
        self.depth += 1;
        self.pos += 1;
        let at = self.tape.len();
        if build {
            self.tape.push(Tok::Null);
        }
        let object = open == b'{';
        let close = if object { b'}' } else { b']' };
        if !self.eat(close) {
            loop {
                if object {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        return self.fail("expected a key in quotes");
                    }
                    let key = self.string(build)?;
                    if build {
                        self.tape.push(Tok::String(key));
                    }
                    self.expect(b':', "expected `:` after a key")?;
                }
                self.value(build)?;
                if !self.eat(b',') {
                    if object {
                        self.expect(b'}', "expected `,` or `}` after a member")?;
                    } else {
                        self.expect(b']', "expected `,` or `]` after an item")?;
                    }
                    break;
                }
            }
        }
        if build {
            let inside = self.tape.len() - at - 1;
            self.tape[at] = if object {
                Tok::Object(inside)
            } else {
                Tok::Array(inside)
            };
        }
        self.depth -= 1;
        Ok(())
    }

    /// A string from its opening quote: borrowed when it has no escapes, else unescaped
    /// (only when `build`).
    fn string(&mut self, build: bool) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let mut out: Option<String> = None;
        loop {
            let start = self.pos;
            let rest = &self.text.as_bytes()[start..];
            self.pos += rest
                .iter()
                .position(|&b| STOPS[usize::from(b)])
                .unwrap_or(rest.len());
            let run = &self.text[start..self.pos];
            match self.peek() {
                None => return self.fail("the text ends inside a string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(run),
                        Some(mut out) => {
                            out.push_str(run);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    if build {
                        let out = out.get_or_insert_with(String::new);
                        out.push_str(run);
                        out.push(c);
                    }
                }
                Some(_) => return self.fail("a control character inside a string"),
            }
        }
    }

    /// The character of an escape, from the byte after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return self.fail("the text ends inside a string");
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.pos..].starts_with("\\u") {
                        return self.fail("a lone surrogate in a \\u escape");
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.fail("a lone surrogate in a \\u escape");
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return self.fail("a lone surrogate in a \\u escape"),
                }
            }
            _ => {
                self.pos -= 1;
                return self.fail("an unknown escape in a string");
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.pos..self.pos + 4);
        match digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(d) => {
                self.pos += 4;
                u32::from_str_radix(d, 16).or_else(|_| self.fail("a bad \\u escape"))
            }
            None => self.fail("a bad \\u escape"),
        }
    }

    /// A number as JSON writes it: `-`? int (`.` digits)? (`e` sign? digits)?.
    fn number(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.pos;
        self.eat_byte(b'-');
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail("a number without digits"),
        }
        if self.eat_byte(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("a number without digits after its point");
            }
            self.digits();
        }
        if self.eat_byte(b'e') || self.eat_byte(b'E') {
            if !self.eat_byte(b'+') {
                self.eat_byte(b'-');
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("a number without digits in its exponent");
            }
            self.digits();
        }
        Ok(&self.text[start..self.pos])
    }

    fn eat_byte(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    /// The raw text of the next value, checked but not built.
    fn raw_value(&mut self) -> Result<&'a str, SyntaxError> {
        self.skip_space();
        let start = self.pos;
        self.value(false)?;
        Ok(&self.text[start..self.pos])
    }

    /// The raw text of the next value, and of each of its items when it is an array.
    #[allow(clippy::type_complexity)]
    fn raw_with_items(&mut self) -> Result<(&'a str, Option<Vec<&'a str>>), SyntaxError> {
        self.skip_space();
        let start = self.pos;
        if self.peek() != Some(b'[') {
            return Ok((self.raw_value()?, None));
        }
        if self.unchecked_items {
            let items = self.items_unchecked()?;
            return Ok((&self.text[start..self.pos], Some(items)));
        }
        if self.depth >= MAX_DEPTH {
            return self.fail("values nested too deeply");
        }
        self.depth += 1;
        self.pos += 1;
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.raw_value()?);
                if !self.eat(b',') {
                    self.expect(b']', "expected `,` or `]` after an item")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok((&self.text[start..self.pos], Some(items)))
    }

    /// The raw text of each item of the array that starts here, found by its brackets and
    /// quotes alone, which is several times faster than checking every value: the items' own
    /// syntax is left to whoever reads them (with [`parse_into`]). An empty item between
    /// commas is kept, empty, for that reader to refuse.
    fn items_unchecked(&mut self) -> Result<Vec<&'a str>, SyntaxError> {
        let bytes = self.text.as_bytes();
        let mut items = Vec::new();
        let (mut at, mut depth) = (self.pos + 1, 0_usize);
        let mut item_start = at;
        loop {
            let Some(&byte) = bytes.get(at) else {
                self.pos = at;
                return self.fail("the text ends too early");
            };
            match byte {
                b'"' => {
                    at += 1;
                    loop {
                        at += bytes[at.min(bytes.len())..]
                            .iter()
                            .position(|&b| b == b'"' || b == b'\\')
                            .unwrap_or(bytes.len() - at.min(bytes.len()));
                        match bytes.get(at) {
                            Some(b'"') => break,
                            Some(_) => at += 2,
                            None => {
                                self.pos = at.min(bytes.len());
                                return self.fail("the text ends inside a string");
                            }
                        }
                    }
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth > 0 => depth -= 1,
                b']' => {
                    let item = self.text[item_start..at].trim_matches([' ', '\t', '\n', '\r']);
                    if !item.is_empty() || !items.is_empty() {
                        items.push(item);
                    }
                    self.pos = at + 1;
                    return Ok(items);
                }
                b'}' => {
                    self.pos = at;
                    return self.fail("expected `,` or `]` after an item");
                }
                b',' if depth == 0 => {
                    items.push(self.text[item_start..at].trim_matches([' ', '\t', '\n', '\r']));
                    item_start = at + 1;
                }
                _ => {}
            }
            at += 1;
        }
    }
}

/// The parts of a whole text, its syntax checked throughout.
#[derive(Debug, Clone, PartialEq)]
pub enum Split<'a> {
    /// An object: its members.
    Object(Vec<Member<'a>>),
    /// An array: the raw text of each item.
    Array(Vec<&'a str>),
    /// Any other value, as raw text.
    Scalar(&'a str),
}

/// A member of a split object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: Cow<'a, str>,
    /// The value's raw text.
    pub raw: &'a str,
    /// When the value is an array: the raw text of each item, found in the same pass.
    pub items: Option<Vec<&'a str>>,
}

/// Checks that `text` is one JSON value and splits it one level down (two for an object's
/// arrays: a data file's lists of records), without building the values inside.
pub fn split(text: &str) -> Result<Split<'_>, SyntaxError> {
    split_with(Parser::new(text))
}

/// [`split`] for a data file: the items of the object's arrays (the records) are found without
/// checking their syntax, which the caller must do by reading each with [`parse_into`]; the
/// rest is checked. Any other text is split as [`split`] splits it.
pub fn split_records(text: &str) -> Result<Split<'_>, SyntaxError> {
    let mut p = Parser::new(text);
    p.unchecked_items = text.trim_start().starts_with('{');
    split_with(p)
}

fn split_with(mut p: Parser<'_>) -> Result<Split<'_>, SyntaxError> {
    p.skip_space();
    let split = match p.peek() {
        Some(b'{') => {
            p.pos += 1;
            p.depth = 1;
            let mut members = Vec::new();
            if p.eat(b'}') {
                return p.finish().map(|()| Split::Object(members));
            }
            loop {
                p.skip_space();
                if p.peek() != Some(b'"') {
                    return p.fail("expected a key in quotes");
                }
                let key = p.string(true)?;
                p.expect(b':', "expected `:` after a key")?;
                let (raw, items) = p.raw_with_items()?;
                members.push(Member { key, raw, items });
                if !p.eat(b',') {
                    p.expect(b'}', "expected `,` or `}` after a member")?;
                    break Split::Object(members);
                }
            }
        }
        _ => match p.raw_with_items()? {
            (_, Some(items)) => Split::Array(items),
            (raw, None) => Split::Scalar(raw),
        },
    };
    p.finish()?;
    Ok(split)
}

/// Reads `text` as one JSON value onto `tape`, which it clears first (its memory is kept,
/// so a tape reused from record to record is allocated once).
pub fn parse_into<'a>(text: &'a str, tape: &mut Vec<Tok<'a>>) -> Result<(), SyntaxError> {
    tape.clear();
    let mut p = Parser::new(text);
    p.tape = std::mem::take(tape);
    let read = p.value(true).and_then(|()| p.finish());
    *tape = std::mem::take(&mut p.tape);
    read
}

/// Reads `text` as one JSON value, on a tape of its own.
pub fn parse(text: &str) -> Result<Vec<Tok<'_>>, SyntaxError> {
    let mut tape = Vec::new();
    parse_into(text, &mut tape).map(|()| tape)
}

/// One step of a path inside a value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// A value that does not fit its type: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// Innermost first; [`TypeError::path`] reverses it.
    steps: Vec<Step>,
    pub message: String,
}

impl TypeError {
    pub fn new(message: impl Into<String>) -> Self {
        TypeError {
            steps: Vec::new(),
            message: message.into(),
        }
    }

    fn at(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    /// Where the error is: `events[2].date`, or empty for the value itself.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for step in self.steps.iter().rev() {
            match step {
                Step::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        path
    }
}

impl fmt::Display for TypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A value on a tape: its tokens, which reading it may take strings out of.
pub struct Json<'t, 'a>(pub &'t mut [Tok<'a>]);

impl<'a> Json<'_, 'a> {
    /// The value that starts the tape (a tape from [`parse`] holds one).
    pub fn root<'t>(tape: &'t mut [Tok<'a>]) -> Json<'t, 'a> {
        let span = tape.first().map_or(0, Tok::span).min(tape.len());
        Json(&mut tape[..span])
    }

    fn token(&self) -> &Tok<'a> {
        self.0.first().unwrap_or(&Tok::Null)
    }

    /// What the value is, in words for an error: `string "south"`, `an array`.
    fn describe(&self) -> String {
        match self.token() {
            Tok::Null => "null".to_owned(),
            Tok::Bool(b) => format!("boolean `{b}`"),
            Tok::Number(n) => format!("number `{n}`"),
            // Quoted, not `{s:?}`: Debug's escaping of each char costs the WebAssembly its
            // tables, for a message a person reads.
            Tok::String(s) => format!("string \"{s}\""),
            Tok::Array(_) => "an array".to_owned(),
            Tok::Object(_) => "an object".to_owned(),
        }
    }

    /// The error for a value of the wrong type.
    #[inline(never)]
    pub fn invalid(&self, expected: &str) -> TypeError {
        TypeError::new(format!(
            "invalid type: {}, expected {expected}",
            self.describe()
        ))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self.token() {
            Tok::String(s) => Some(s),
            _ => None,
        }
    }

    /// Where each value inside an array or object starts and ends on the tape (an object's
    /// keys and values alternate).
    pub fn children(&self) -> Vec<std::ops::Range<usize>> {
        let mut children = Vec::new();
        let mut at = 1;
        while at < self.0.len() {
            let end = at + self.0[at].span();
            children.push(at..end);
            at = end;
        }
        children
    }

    /// The value at `range` (from [`Json::children`]).
    pub fn child(&mut self, range: std::ops::Range<usize>) -> Json<'_, 'a> {
        Json(&mut self.0[range])
    }

    /// The member `key` of an object, as a string (the last of its name, as a JSON object
    /// map reads a repeated key): for naming a record that may be broken otherwise.
    pub fn member_str(&self, key: &str) -> Option<&str> {
        if !matches!(self.token(), Tok::Object(_)) {
            return None;
        }
        let children = self.children();
        let mut found = None;
        for pair in children.chunks(2) {
            if let [k, v] = pair {
                if matches!(&self.0[k.start], Tok::String(name) if name == key) {
                    found = match &self.0[v.start] {
                        Tok::String(text) => Some(&**text),
                        _ => None,
                    };
                }
            }
        }
        found
    }
}

/// A type read from a JSON value, which it may take apart: the strings it keeps move out of
/// the tape.
pub trait FromJson: Sized {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError>;

    /// A value that stands in for one that could not be read, so that a struct can be built
    /// whole before its first error is reported (see [`Fields`]).
    fn placeholder() -> Self;
}

/// Reads an object's fields into a struct. Each field is read in one call that cannot fail:
/// the first error is kept and a placeholder stands in, and [`Fields::finish`] reports it. A
/// struct of many fields so builds without an exit (and its clean-up) per field, which is
/// what makes derived readers large. A field that is read and written twice is an error, as
/// serde's derived readers make it; fields that are not read are ignored.
pub struct Fields<'t, 'a> {
    tape: &'t mut [Tok<'a>],
    error: Option<TypeError>,
}

impl<'t, 'a> Fields<'t, 'a> {
    /// The fields of `value`, which must be an object.
    pub fn of(value: Json<'t, 'a>) -> Self {
        let error = match value.token() {
            Tok::Object(_) => None,
            _ => Some(value.invalid("an object")),
        };
        Fields {
            tape: if error.is_none() { value.0 } else { &mut [] },
            error,
        }
    }

    /// `value` if every field was read, else the first error.
    pub fn finish<T>(self, value: T) -> Result<T, TypeError> {
        match self.error {
            None => Ok(value),
            Some(err) => Err(err),
        }
    }

    fn fail(&mut self, err: TypeError) {
        if self.error.is_none() {
            self.error = Some(err);
        }
    }

    /// Where the member `key`'s value is on the tape: `Ok(None)` when it is absent, an error
    /// (kept) when it is written twice.
    #[inline(never)]
    fn find(&mut self, key: &'static str) -> Result<Option<std::ops::Range<usize>>, ()> {
        let mut found = None;
        let mut at = 1;
        while at < self.tape.len() {
            let value = at + 1;
            let end = value + self.tape.get(value).map_or(1, Tok::span);
            if matches!(&self.tape[at], Tok::String(name) if name == key) {
                if found.is_some() {
                    self.fail(TypeError::new(format!("duplicate field `{key}`")));
                    return Err(());
                }
                found = Some(value..end.min(self.tape.len()));
            }
            at = end;
        }
        Ok(found)
    }

    fn read<T: FromJson>(&mut self, key: &'static str, at: std::ops::Range<usize>) -> T {
        T::from_json(Json(&mut self.tape[at])).unwrap_or_else(|err| {
            self.fail(err.at(Step::Key(key)));
            T::placeholder()
        })
    }

    /// A field that must be there.
    #[inline(never)]
    pub fn req<T: FromJson>(&mut self, key: &'static str) -> T {
        match self.find(key) {
            Ok(Some(at)) => self.read(key, at),
            Ok(None) => {
                self.fail(TypeError::new(format!("missing field `{key}`")));
                T::placeholder()
            }
            Err(()) => T::placeholder(),
        }
    }

    /// A field that may be absent or `null`.
    #[inline(never)]
    pub fn opt<T: FromJson>(&mut self, key: &'static str) -> Option<T> {
        match self.find(key) {
            Ok(Some(at)) if self.tape[at.start] != Tok::Null => Some(self.read(key, at)),
            _ => None,
        }
    }

    /// A field that takes its placeholder (empty, `false`) when absent.
    #[inline(never)]
    pub fn or_default<T: FromJson>(&mut self, key: &'static str) -> T {
        match self.find(key) {
            Ok(Some(at)) => self.read(key, at),
            Ok(None) | Err(()) => T::placeholder(),
        }
    }
}

impl FromJson for String {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        match value.0.first_mut() {
            Some(Tok::String(s)) => Ok(std::mem::take(s).into_owned()),
            _ => Err(value.invalid("a string")),
        }
    }

    fn placeholder() -> Self {
        String::new()
    }
}

/// The index in `ids` of the string `value`, spelled exactly so, or an error that lists them.
pub fn word(value: &Json<'_, '_>, ids: &[&'static str]) -> Result<usize, TypeError> {
    let text = value.as_str().ok_or_else(|| value.invalid("a string"))?;
    ids.iter().position(|id| *id == text).ok_or_else(|| {
        TypeError::new(format!(
            "unknown value \"{text}\", expected one of {}",
            ids.join(", ")
        ))
    })
}

impl FromJson for bool {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        match value.token() {
            Tok::Bool(b) => Ok(*b),
            _ => Err(value.invalid("a boolean")),
        }
    }

    fn placeholder() -> Self {
        false
    }
}

/// A number's text as the closest `f64`: by the browser's own parser in the WebAssembly
/// (Rust's would add its tables, about 10 KB, to the download), by Rust's natively. Both round
/// correctly.
fn float(text: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::parse_float(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().unwrap_or(f64::NAN)
    }
}

impl FromJson for f64 {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        match value.token() {
            Tok::Number(n) => Some(float(n))
                .filter(|f| f.is_finite())
                .ok_or_else(|| TypeError::new(format!("number out of range: {n}"))),
            _ => Err(value.invalid("a number")),
        }
    }

    fn placeholder() -> Self {
        0.0
    }
}

/// A whole number from 0 to `max`, written without a point or exponent.
fn unsigned(value: Json<'_, '_>, max: u64) -> Result<u64, TypeError> {
    match value.token() {
        Tok::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n
            .parse::<u64>()
            .ok()
            .filter(|&v| v <= max)
            .ok_or_else(|| TypeError::new(format!("number out of range: {n}"))),
        _ => Err(value.invalid("a whole number of 0 or more")),
    }
}

impl FromJson for u32 {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        unsigned(value, u64::from(u32::MAX)).map(|v| v as u32)
    }

    fn placeholder() -> Self {
        0
    }
}

impl FromJson for u64 {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        unsigned(value, u64::MAX)
    }

    fn placeholder() -> Self {
        0
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(mut value: Json<'_, '_>) -> Result<Self, TypeError> {
        if !matches!(value.token(), Tok::Array(_)) {
            return Err(value.invalid("an array"));
        }
        value
            .children()
            .into_iter()
            .enumerate()
            .map(|(i, at)| T::from_json(value.child(at)).map_err(|e| e.at(Step::Index(i))))
            .collect()
    }

    fn placeholder() -> Self {
        Vec::new()
    }
}

/// A value written as JSON, in the data file's own form (see [`to_string`]).
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// True when a field of this value is left out of a record: an empty list, `false`.
    fn is_default(&self) -> bool {
        false
    }
}

/// `value` as compact JSON, as the data file writes it: members in the order the types
/// declare them, absent and empty optional fields left out, whole numbers without a point.
pub fn to_string(value: &dyn ToJson) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Writes a string with JSON's escapes: quote, backslash and control characters only.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(char::from(b"0123456789abcdef"[(c as usize) >> 4]));
                out.push(char::from(b"0123456789abcdef"[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes an object's members one by one.
pub struct Members<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Members<'o> {
    pub fn open(out: &'o mut String) -> Self {
        out.push('{');
        Members { out, first: true }
    }

    /// Writes `"key":value`.
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
    }

    pub fn close(self) {
        self.out.push('}');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }

    fn is_default(&self) -> bool {
        !*self
    }
}

impl ToJson for f64 {
    /// The shortest text that reads back as the same number, a whole number without a
    /// point (`23`, as the file writes its figures); `null` for what JSON cannot hold.
    fn write_json(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(&crate::num::shortest(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }

    fn is_default(&self) -> bool {
        self.is_empty()
    }
}

impl<T: ToJson + ?Sized> ToJson for std::sync::Arc<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}
