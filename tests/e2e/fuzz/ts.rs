//! Just enough of TypeScript's type syntax to read `ui/src/bindings` (what ts-rs writes)
//! and the wrappers in `ui/src/api.ts`, so the fuzzer knows what each JSON argument
//! looks like when it is right, and can then make it wrong in one place.

use std::collections::HashMap;

#[derive(Clone, Debug)]
pub enum Ts {
    Str,
    Num,
    Bool,
    Null,
    Lit(String),
    Arr(Box<Ts>),
    Tuple(Vec<Ts>),
    Obj(Vec<(String, bool, Ts)>),
    Union(Vec<Ts>),
    Ref(String),
}

#[derive(Default)]
pub struct Types {
    /// Every `export type Name = …` of the bindings.
    pub named: HashMap<String, Ts>,
    /// (command, argument as the UI names it) → its type, from api.ts.
    pub args: HashMap<(String, String), Ts>,
}

fn tokens(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(chars[start..i.min(chars.len())].iter().collect());
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
            {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

struct Parser {
    toks: Vec<String>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> &str {
        self.toks.get(self.at).map_or("", String::as_str)
    }
    fn next(&mut self) -> String {
        let t = self.peek().to_owned();
        self.at += 1;
        t
    }
    fn eat(&mut self, t: &str) -> bool {
        let hit = self.peek() == t;
        if hit {
            self.at += 1;
        }
        hit
    }

    fn expr(&mut self) -> Ts {
        self.eat("|");
        let mut terms = vec![self.term()];
        while self.eat("|") {
            terms.push(self.term());
        }
        if terms.len() == 1 {
            terms.pop().unwrap()
        } else {
            Ts::Union(terms)
        }
    }

    fn term(&mut self) -> Ts {
        let mut t = self.primary();
        while self.peek() == "[" && self.toks.get(self.at + 1).map(String::as_str) == Some("]") {
            self.at += 2;
            t = Ts::Arr(Box::new(t));
        }
        t
    }

    fn primary(&mut self) -> Ts {
        let t = self.next();
        match t.as_str() {
            "{" => self.fields(),
            "[" => {
                let mut items = Vec::new();
                while !self.eat("]") && self.at < self.toks.len() {
                    items.push(self.expr());
                    self.eat(",");
                }
                Ts::Tuple(items)
            }
            "(" => {
                let inner = self.expr();
                self.eat(")");
                inner
            }
            "string" => Ts::Str,
            "number" | "bigint" => Ts::Num,
            "boolean" | "true" | "false" => Ts::Bool,
            "null" | "undefined" | "void" => Ts::Null,
            "Array" => {
                self.eat("<");
                let inner = self.expr();
                self.eat(">");
                Ts::Arr(Box::new(inner))
            }
            "Record" | "Partial" => {
                self.eat("<");
                let _ = self.expr();
                if self.eat(",") {
                    let _ = self.expr();
                }
                self.eat(">");
                Ts::Obj(Vec::new())
            }
            s if s.starts_with('"') => Ts::Lit(s.trim_matches('"').to_owned()),
            s if s.chars().all(|c| c.is_ascii_digit() || c == '-') => Ts::Num,
            name => Ts::Ref(name.to_owned()),
        }
    }

    fn fields(&mut self) -> Ts {
        let mut fields = Vec::new();
        while !self.eat("}") && self.at < self.toks.len() {
            let name = self.next().trim_matches('"').to_owned();
            let optional = self.eat("?");
            self.eat(":");
            let ty = self.expr();
            fields.push((name, optional, ty));
            if !self.eat(",") {
                self.eat(";");
            }
        }
        Ts::Obj(fields)
    }
}

/// Reads every binding file and the argument types of api.ts's wrappers.
pub fn load(root: &std::path::Path) -> Types {
    let mut types = Types::default();
    let dir = root.join("ui/src/bindings");
    for entry in std::fs::read_dir(&dir).expect("ui/src/bindings") {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut p = Parser {
            toks: tokens(&src),
            at: 0,
        };
        while p.at < p.toks.len() {
            if p.next() == "export" && p.eat("type") {
                let name = p.next();
                p.eat("=");
                let ty = p.expr();
                types.named.insert(name, ty);
            }
        }
    }
    let api = std::fs::read_to_string(root.join("ui/src/api.ts")).expect("api.ts");
    for (command, params) in wrappers(&api) {
        for (name, ty) in params {
            types.args.insert((command.clone(), name), ty);
        }
    }
    types
}

/// (command, [(parameter, type)]) of each `(params) => call<…>("command", …)` in api.ts.
fn wrappers(api: &str) -> Vec<(String, Vec<(String, Ts)>)> {
    let mut out = Vec::new();
    for (at, _) in api.match_indices("call<") {
        let after = &api[at..];
        let Some(name) = after.split('"').nth(1) else {
            continue;
        };
        let before = &api[..at];
        let Some(arrow) = before.rfind("=>") else {
            continue;
        };
        let Some(close) = before[..arrow].rfind(')') else {
            continue;
        };
        let mut depth = 0;
        let Some(open) = before[..=close].char_indices().rev().find_map(|(i, c)| {
            depth += match c {
                ')' => 1,
                '(' => -1,
                _ => 0,
            };
            (depth == 0).then_some(i)
        }) else {
            continue;
        };
        let params = &before[open + 1..close];
        let mut list = Vec::new();
        for param in params.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (head, default) = match param.split_once('=') {
                Some((h, d)) => (h.trim(), Some(d.trim())),
                None => (param, None),
            };
            let (pname, ty) = match head.split_once(':') {
                Some((n, t)) => {
                    let mut p = Parser {
                        toks: tokens(t),
                        at: 0,
                    };
                    (n.trim(), p.expr())
                }
                None => (
                    head,
                    match default {
                        Some("false") | Some("true") => Ts::Bool,
                        Some("null") => Ts::Null,
                        _ => Ts::Num,
                    },
                ),
            };
            list.push((pname.to_owned(), ty));
        }
        out.push((name.to_owned(), list));
    }
    out
}
