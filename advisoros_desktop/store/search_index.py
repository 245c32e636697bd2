"""Full-text search over the record tables, and the MATCH expression for what a user typed.

Engagements, tasks and documents are indexed together with the business name
of the client they belong to, so "smith w2" finds Smith's W-2s with a single
MATCH per keystroke. These indexes are contentless (``content=''``): the name
lives in the clients table, not in the document, so there is no content
table to read it back from; the rows are joined by rowid instead.

Triggers keep them in step. A contentless index forgets a row only when told
the very values it indexed, so the client's name indexed with a row is
always the name that client's row holds now: renaming (or adding, or
removing) a client re-indexes the rows that refer to it.

Each row also carries state words (``STATE``: hidden, archived, needs
review) in a column of its own. Counting the rows a filter shows is then one
FTS5 count, with no lookup of each matching row in its table: a first letter
typed in a table of 100,000 documents matches most of them, and looking each
one up took longer than a keystroke may. The tables' filters search the
text columns only (``filter_expression``), so no state word ever matches
what a user types there.

What the user types is never passed to FTS5 as syntax: every word becomes a
quoted prefix phrase, so quotes, ``*``, ``-``, ``NEAR`` or ``col:`` are just
text to look for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from advisoros_desktop.domain.entities import ENTITIES

# A one-letter prefix index too: the first letter typed would otherwise merge the
# lists of every word starting with it (about 3 times slower on 100,000 documents).
TOKENIZE = "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'"
CLIENT_NAME = "clientName"
STATE = "state"
_CLIENT_LABEL = "businessName"
# State words: a row that is not visible, and the row filters the tables offer.
HIDDEN_WORD = "zstatehidden"
FLAG_WORDS = {"isArchived": "zstatearchived", "needsReview": "zstatereview"}


@dataclass(frozen=True)
class SearchIndex:
    """A contentless FTS5 table over an entity's fields and its client's name."""

    table: str
    entity: str
    fields: tuple[str, ...]

    @property
    def source(self) -> str:
        return ENTITIES[self.entity].plural

    @property
    def text_columns(self) -> tuple[str, ...]:
        return (*self.fields, CLIENT_NAME)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.text_columns, STATE)

    @property
    def flags(self) -> tuple[str, ...]:
        """The entity's boolean row filters, as state words."""
        names = {f.name for f in ENTITIES[self.entity].fields}
        return tuple(flag for flag in FLAG_WORDS if flag in names)


CLIENT_NAMED_INDEXES = (
    SearchIndex("engagements_fts", "engagement", ("name", "description")),
    SearchIndex("tasks_fts", "task", ("title", "description")),
    SearchIndex("documents_fts", "document", ("fileName", "description", "category")),
)


def _client_name(client_id: str) -> str:
    return f'(SELECT "{_CLIENT_LABEL}" FROM clients WHERE id = {client_id})'


def _state(index: SearchIndex, row: str) -> str:
    """The state words of ``row``, by the same tests as the table queries' filters."""
    words = [
        f'CASE WHEN {row}."deletedAt" IS NULL AND {row}."localDeleted" = 0 '
        f"THEN '' ELSE '{HIDDEN_WORD} ' END",
        *(
            f"CASE WHEN {row}.\"{flag}\" IS 1 THEN '{FLAG_WORDS[flag]} ' ELSE '' END"
            for flag in index.flags
        ),
    ]
    return f"rtrim({' || '.join(words)})"


def _values(index: SearchIndex, row: str, name: str) -> str:
    return ", ".join([*(f'{row}."{f}"' for f in index.fields), name, _state(index, row)])


def create_statements(index: SearchIndex) -> list[str]:
    """The FTS table, its triggers on both tables, and the statement that fills it."""
    fts, source = index.table, index.source
    cols = ", ".join(f'"{c}"' for c in index.columns)
    # Every column the indexed values depend on: the text, the client, the state.
    watched = (*index.fields, "clientId", "deletedAt", "localDeleted", *index.flags)
    own = ", ".join(f'"{c}"' for c in watched)
    # A sync rewrites whole rows: re-index only when what is indexed changed.
    changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in watched)
    old_client, new_client = _client_name('old."clientId"'), _client_name('new."clientId"')
    own_client = _client_name('r."clientId"')

    def add(row: str, name: str) -> str:
        values = _values(index, row, name)
        return f"INSERT INTO {fts}(rowid, {cols}) VALUES ({row}.rowid, {values});"

    def forget(row: str, name: str) -> str:
        values = _values(index, row, name)
        return f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', {row}.rowid, {values});"

    def refile(client: str, old_name: str, new_name: str) -> str:
        """Re-index every row of the client ``client`` (``old`` or ``new``) under a new name."""
        return (
            f"INSERT INTO {fts}({fts}, rowid, {cols}) "
            f"SELECT 'delete', r.rowid, {_values(index, 'r', old_name)} "
            f'FROM {source} r WHERE r."clientId" = {client}.id; '
            f"INSERT INTO {fts}(rowid, {cols}) "
            f"SELECT r.rowid, {_values(index, 'r', new_name)} "
            f'FROM {source} r WHERE r."clientId" = {client}.id;'
        )

    label = _CLIENT_LABEL
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='', {TOKENIZE})",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {source} BEGIN {add('new', new_client)} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {source} BEGIN {forget('old', old_client)} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {own} ON {source} WHEN {changed} BEGIN "
        f"{forget('old', old_client)} {add('new', new_client)} END",
        # Record ids never change, so a client's rows are found by its id alone.
        f"CREATE TRIGGER {fts}_client_ai AFTER INSERT ON clients BEGIN "
        f"{refile('new', 'NULL', f'new.{label}')} END",
        f"CREATE TRIGGER {fts}_client_au AFTER UPDATE OF {label} ON clients "
        f"WHEN old.{label} IS NOT new.{label} BEGIN "
        f"{refile('old', f'old.{label}', f'new.{label}')} END",
        f"CREATE TRIGGER {fts}_client_ad AFTER DELETE ON clients BEGIN "
        f"{refile('old', f'old.{label}', 'NULL')} END",
        f"INSERT INTO {fts}(rowid, {cols}) "
        f"SELECT r.rowid, {_values(index, 'r', own_client)} FROM {source} r",
    ]


def drop_statements(table: str) -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {table}_{suffix}" for suffix in ("ai", "ad", "au")),
        f"DROP TABLE IF EXISTS {table}",
    ]


# ------------------------------------------------------------------ what the user typed

# A letter next to a digit: "w2" is also looked for as "w 2", since "W-2" is indexed as two words.
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _has_token(word: str) -> bool:
    """True when the tokenizer finds something in ``word`` (letters, digits, private use)."""
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in word)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"*'


def match_expression(text: str) -> str | None:
    """An FTS5 query matching rows that have every typed word as a word prefix.

    None when nothing searchable was typed (only spaces or punctuation).
    """
    # NUL ends an FTS5 string early ("unterminated string"); lone surrogates cannot be sent.
    clean = text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
    terms = []
    for word in clean.split():
        if not _has_token(word):
            continue  # "-" or "&" alone: no token, and an empty phrase would match nothing
        split = _LETTER_DIGIT.sub(" ", word)
        if split != word:
            terms.append(f"({_phrase(word)} OR {_phrase(split)})")
        else:
            terms.append(_phrase(word))
    return " AND ".join(terms) if terms else None


def filter_expression(
    index: SearchIndex, text: str, *, hide_archived: bool, needs_review: bool
) -> str | None:
    """What ``text`` matches among the rows a table shows, as one FTS5 query.

    The typed words search the text columns only; the state words then drop
    hidden rows (and archived ones unless wanted), so that counting the
    matches counts what the table shows.
    """
    words = match_expression(text)
    if words is None:
        return None
    columns = " ".join(index.text_columns)
    excluded = [HIDDEN_WORD]
    if hide_archived and "isArchived" in index.flags:
        excluded.append(FLAG_WORDS["isArchived"])
    expression = f"({{{columns}}} : ({words})) NOT {STATE} : ({' OR '.join(excluded)})"
    if needs_review:
        expression = f"({expression}) AND {STATE} : {FLAG_WORDS['needsReview']}"
    return expression


def index_for(entity: str) -> SearchIndex | None:
    return next((i for i in CLIENT_NAMED_INDEXES if i.entity == entity), None)
