//! What an export holds, read from the schema itself: every table with a `uid` column
//! (the trash aside, which travels as tombstones), its columns, and which of them point
//! at another table. A table a later migration adds with a `uid` is exported, imported
//! and merged without a line here; what this file names by hand are the references
//! that hold a kind and an id, which the schema cannot describe.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::SqliteConnection;

use crate::infra::error::AppResult;

/// How a column's value is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Integer,
    Real,
    /// A reference to another record, written as that record's uid.
    Uid,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub name: String,
    /// The field's name in the file (camelCase; `plan_id` becomes `planUid`).
    pub key: String,
    pub kind: Kind,
    pub nullable: bool,
    /// A default or NULL lets the field be left out of a file.
    pub optional: bool,
    /// The table a reference points at.
    pub parent: Option<String>,
    /// The column's DEFAULT, as SQL, for a field a file leaves out.
    pub default: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub name: String,
    pub key: String,
    pub columns: Vec<Column>,
    /// A link table (no integer id, a primary key of its references, maybe with a role):
    /// a link between the same records is the same link, whatever its uid.
    pub is_link: bool,
    /// The fields of a link table's primary key.
    pub link_keys: Vec<String>,
}

impl Table {
    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    pub fn refs(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.parent.is_some())
    }
}

/// The references that name a kind and an id: the id is worked out again from the uid
/// column beside it on import, so the id itself is not exported.
pub(crate) struct Polymorphic {
    pub table: &'static str,
    pub id_column: &'static str,
    /// SQL that finds the local id from the file's fields, `{field}` standing for them.
    resolve: &'static str,
}

pub(crate) const POLYMORPHIC: &[Polymorphic] = &[
    Polymorphic {
        table: "activity",
        id_column: "entity_id",
        resolve: "coalesce(CASE {entity}
            WHEN 'plan' THEN (SELECT id FROM plans WHERE uid = {entityUid})
            WHEN 'goal' THEN (SELECT id FROM goals WHERE uid = {entityUid})
            WHEN 'milestone' THEN (SELECT id FROM milestones WHERE uid = {entityUid})
            WHEN 'check_in' THEN (SELECT id FROM check_ins WHERE uid = {entityUid})
            WHEN 'achievement' THEN (SELECT id FROM achievements WHERE uid = {entityUid})
            WHEN 'resource' THEN (SELECT id FROM resources WHERE uid = {entityUid})
            WHEN 'feedback' THEN CASE {action}
                WHEN 'received_unasked' THEN (SELECT id FROM feedback_received WHERE uid = {entityUid})
                ELSE (SELECT id FROM feedback_requests WHERE uid = {entityUid}) END
            WHEN 'one_on_one' THEN (SELECT id FROM one_on_ones WHERE uid = {entityUid})
            WHEN 'opportunity' THEN (SELECT id FROM opportunities WHERE uid = {entityUid})
            WHEN 'conversation' THEN (SELECT id FROM conversations WHERE uid = {entityUid})
            WHEN 'target_role' THEN (SELECT id FROM target_roles WHERE uid = {entityUid})
            WHEN 'expectation' THEN (SELECT id FROM role_expectations WHERE uid = {entityUid})
        END, 0)",
    },
    Polymorphic {
        table: "agenda_items",
        id_column: "source_id",
        resolve: "CASE WHEN {sourceKind} IS NULL THEN NULL ELSE coalesce(SOURCE, 0) END",
    },
    Polymorphic {
        table: "topics",
        id_column: "source_id",
        resolve: "coalesce(SOURCE, 0)",
    },
];

const SOURCE: &str = "CASE {sourceKind}
    WHEN 'goal' THEN (SELECT id FROM goals WHERE uid = {sourceUid})
    WHEN 'milestone' THEN (SELECT id FROM milestones WHERE uid = {sourceUid})
    WHEN 'check_in' THEN (SELECT id FROM check_ins WHERE uid = {sourceUid})
    WHEN 'achievement' THEN (SELECT id FROM achievements WHERE uid = {sourceUid})
    WHEN 'resource' THEN (SELECT id FROM resources WHERE uid = {sourceUid})
    WHEN 'feedback_request' THEN (SELECT id FROM feedback_requests WHERE uid = {sourceUid})
    WHEN 'feedback_received' THEN (SELECT id FROM feedback_received WHERE uid = {sourceUid})
    WHEN 'action_item' THEN (SELECT id FROM action_items WHERE uid = {sourceUid})
END";

impl Polymorphic {
    /// The local id for the file's record `v.value`: the record its kind and uid name,
    /// or 0 when this computer does not have it (deleted long ago).
    pub fn id_sql(&self) -> String {
        let mut sql = self.resolve.replace("SOURCE", SOURCE);
        for key in ["entityUid", "entity", "action", "sourceKind", "sourceUid"] {
            sql = sql.replace(&format!("{{{key}}}"), &format!("(v.value ->> '$.{key}')"));
        }
        sql
    }
}

fn polymorphic(table: &str, column: &str) -> bool {
    POLYMORPHIC
        .iter()
        .any(|p| p.table == table && p.id_column == column)
}

/// `plan_id` → `planUid`, `occurred_on` → `occurredOn`, `goal_facets` → `goalFacets`.
pub(crate) fn camel(name: &str, reference: bool) -> String {
    let base = match name.strip_suffix("_id") {
        Some(stem) if reference => format!("{stem}_uid"),
        _ => name.to_owned(),
    };
    let mut out = String::with_capacity(base.len());
    let mut upper = false;
    for ch in base.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[derive(sqlx::FromRow)]
struct Info {
    table_name: String,
    name: String,
    decl: String,
    not_null: bool,
    dflt: Option<String>,
    pk: i64,
}

/// Every exported table, each after the tables it points at.
pub(crate) async fn read(conn: &mut SqliteConnection) -> AppResult<Vec<Table>> {
    let infos = sqlx::query_as::<_, Info>(
        "SELECT m.name AS table_name, c.name, upper(c.type) AS decl, c.\"notnull\" AS not_null,
                c.dflt_value AS dflt, c.pk
         FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name <> 'trash'
           AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) u WHERE u.name = 'uid')
         ORDER BY m.name, c.cid",
    )
    .fetch_all(&mut *conn)
    .await?;
    let parents: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    )
    .fetch_all(&mut *conn)
    .await?;
    let parent_of: BTreeMap<(String, String), String> =
        parents.into_iter().map(|(t, c, p)| ((t, c), p)).collect();
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    for info in infos {
        let parent = parent_of
            .get(&(info.table_name.clone(), info.name.clone()))
            .cloned();
        let table = tables
            .entry(info.table_name.clone())
            .or_insert_with(|| Table {
                key: camel(&info.table_name, false),
                name: info.table_name.clone(),
                columns: Vec::new(),
                is_link: true,
                link_keys: Vec::new(),
            });
        if info.name == "id" && info.pk == 1 {
            table.is_link = false;
            continue;
        }
        if polymorphic(&info.table_name, &info.name) {
            continue;
        }
        if info.pk > 0 {
            table.link_keys.push(camel(&info.name, parent.is_some()));
        }
        let kind = match (&parent, info.decl.as_str()) {
            (Some(_), _) => Kind::Uid,
            (None, "INTEGER") => Kind::Integer,
            (None, "REAL") => Kind::Real,
            _ => Kind::Text,
        };
        table.columns.push(Column {
            key: camel(&info.name, parent.is_some()),
            kind,
            nullable: !info.not_null,
            optional: !info.not_null || info.dflt.is_some(),
            default: info.dflt,
            parent,
            name: info.name,
        });
    }
    for t in tables.values_mut() {
        // The uid first: it is what a reader of the file looks for.
        t.columns.sort_by_key(|c| c.key != "uid");
        if t.is_link && (t.link_keys.is_empty() || !t.columns.iter().any(|c| c.parent.is_some())) {
            t.is_link = false;
        }
    }
    let mut ordered = parents_first(tables);
    // A kind-and-id reference can point at any table: those rows go in after all others.
    ordered.sort_by_key(|t| POLYMORPHIC.iter().any(|p| p.table == t.name));
    Ok(ordered)
}

fn parents_first(mut left: BTreeMap<String, Table>) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::with_capacity(left.len());
    let mut placed: BTreeSet<String> = BTreeSet::new();
    while !left.is_empty() {
        let ready: Vec<String> = left
            .values()
            .filter(|t| {
                t.refs().all(|c| {
                    let p = c.parent.as_deref().unwrap_or_default();
                    p == t.name || placed.contains(p) || !left.contains_key(p)
                })
            })
            .map(|t| t.name.clone())
            .collect();
        // A cycle between two tables would leave nothing ready: take them in name order
        // (the import defers its foreign-key checks to the commit anyway).
        let ready = if ready.is_empty() {
            vec![left.keys().next().cloned().unwrap_or_default()]
        } else {
            ready
        };
        for name in ready {
            if let Some(t) = left.remove(&name) {
                placed.insert(name);
                out.push(t);
            }
        }
    }
    out
}
