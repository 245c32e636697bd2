"""The entities' names as people read them, in the language spoken.

The catalog in ``domain/`` names its entities in English ("client",
"clients") for the server and the logs. On screen an entity is named by a
whole translated phrase per entity, never by gluing its name into a sentence:
Spanish nouns have a gender ("un cliente", "una tarea") that the words around
them must follow. The phrases that belong to one sentence live in the module
that says it; the few used everywhere live here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.ui.counted_text import Forms, counted

# A record's kind, as a heading reads it ("Client" above a client's details).
KINDS: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("Entities", "User"),
    "client": QT_TRANSLATE_NOOP("Entities", "Client"),
    "engagement": QT_TRANSLATE_NOOP("Entities", "Engagement"),
    "task": QT_TRANSLATE_NOOP("Entities", "Task"),
    "document": QT_TRANSLATE_NOOP("Entities", "Document"),
    "extraction": QT_TRANSLATE_NOOP("Entities", "Extraction"),
}

# A record's kind inside a sentence, where the language writes it in lower case.
NOUNS: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("Entities", "user"),
    "client": QT_TRANSLATE_NOOP("Entities", "client"),
    "engagement": QT_TRANSLATE_NOOP("Entities", "engagement"),
    "task": QT_TRANSLATE_NOOP("Entities", "task"),
    "document": QT_TRANSLATE_NOOP("Entities", "document"),
    "extraction": QT_TRANSLATE_NOOP("Entities", "extraction"),
}

# How many records: "1 client", "3 clients".
COUNTS: dict[str, Forms] = {
    "user": (QT_TRANSLATE_NOOP("Entities", "{n} user"), QT_TRANSLATE_NOOP("Entities", "{n} users")),
    "client": (
        QT_TRANSLATE_NOOP("Entities", "{n} client"),
        QT_TRANSLATE_NOOP("Entities", "{n} clients"),
    ),
    "engagement": (
        QT_TRANSLATE_NOOP("Entities", "{n} engagement"),
        QT_TRANSLATE_NOOP("Entities", "{n} engagements"),
    ),
    "task": (QT_TRANSLATE_NOOP("Entities", "{n} task"), QT_TRANSLATE_NOOP("Entities", "{n} tasks")),
    "document": (
        QT_TRANSLATE_NOOP("Entities", "{n} document"),
        QT_TRANSLATE_NOOP("Entities", "{n} documents"),
    ),
    "extraction": (
        QT_TRANSLATE_NOOP("Entities", "{n} extraction"),
        QT_TRANSLATE_NOOP("Entities", "{n} extractions"),
    ),
}


def entity_kind(entity: str) -> str:
    """``Client``, ``Task``: the kind of a record, capitalised, translated."""
    source = KINDS.get(entity)
    return QCoreApplication.translate("Entities", source) if source else entity.capitalize()


def entity_noun(entity: str) -> str:
    """``client``, ``task``: the kind of a record inside a sentence, translated.

    Only for sentences whose other words do not depend on the noun's gender
    ("Update client" → "Actualizar cliente"); others get a phrase per entity.
    """
    source = NOUNS.get(entity)
    return QCoreApplication.translate("Entities", source) if source else entity


def entity_count(entity: str, count: int) -> str:
    """``1 client``, ``1,200 documents``: a number of records, translated."""
    return counted("Entities", COUNTS[entity], count)
