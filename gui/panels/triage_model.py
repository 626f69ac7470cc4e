"""The triage queue as a Qt list model: one row per queue item, updated row by row on a verdict."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from core.model import VERDICTS
from gui.style import colors

KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Type", "Divergence", "Verdict")
_SERVED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        KEY_ROLE,
    )
)
ModelIndex = QModelIndex | QPersistentModelIndex


def verdict_key_text(verdict: str | None) -> str:
    """Return a verdict as the key that gives it (1-4), or "·" when untriaged: the narrow queue's form."""
    return str(VERDICTS.index(verdict) + 1) if verdict in VERDICTS else "·"


def chip_icon(colour: QColor, size: int = 10) -> QIcon:
    """Return a small square of one colour, for type chips."""
    pix = QPixmap(size, size)
    pix.fill(colour)
    return QIcon(pix)


def item_kind(item) -> str:
    """Return the kind shown in the first column: a divergence's type, or any item's kind."""
    return str(getattr(item, "type", "") or getattr(item, "kind", "") or type(item).__name__.lower())


def item_sources(alignment, item) -> list[str]:
    """Return the labels of the sources an item involves, whatever kind of queue item it is."""
    labels: list[str] = []
    for variant in getattr(item, "variants", ()) or ():
        passage = getattr(variant, "passage", None)
        if passage and alignment is not None:
            labels.append(alignment.document_of(passage).source.label)
    keys = list(getattr(item, "source_keys", ()) or ())
    if getattr(item, "source_key", ""):
        keys.append(item.source_key)
    if keys and alignment is not None:
        by_key = {d.source.key: d.source.label for d in alignment.documents}
        labels.extend(by_key.get(k, k) for k in keys)
    return list(dict.fromkeys(labels))


class TriageModel(QAbstractTableModel):
    """Hold the queue items and their verdicts; `set_items` reuses rows, `set_verdicts` touches changed rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list = []
        self._keys: tuple[str, ...] = ()  # the items' keys, read on every J
        self._row_of: dict[str, int] = {}
        self._verdicts: dict = {}
        self._alignment = None
        self._palette = None
        self._icons: dict[str, QIcon] = {}
        self.compact = False  # verdicts as their keys (1-4), for a narrow panel

    def set_compact(self, on: bool) -> None:
        """Show verdicts as their keys (True) or their words (False)."""
        self.compact = bool(on)
        if self._items:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._items) - 1, 2))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 2, 2)

    # ----- feeding ------------------------------------------------------------------------------
    def set_palette(self, palette) -> None:
        """Use this palette for type and verdict colours (cached icons are dropped)."""
        self._palette = palette
        self._icons.clear()

    def set_items(self, alignment, items, verdicts) -> None:
        """Show these queue items; an unchanged key list only refreshes the rows whose verdict changed."""
        keys = tuple(item.key for item in items)
        if alignment is self._alignment and keys == self._keys:
            self.set_verdicts(verdicts)
            return
        self.beginResetModel()
        self._alignment = alignment
        self._items = list(items)
        self._keys = keys
        self._row_of = {key: row for row, key in enumerate(keys)}
        self._verdicts = {key: verdicts[key] for key in keys if verdicts.get(key) is not None}
        self.endResetModel()

    def set_verdicts(self, verdicts) -> list[int]:
        """Take the new verdicts; emit dataChanged for each row whose record changed; return those rows."""
        # Only the keys with a record now or before can have changed: a verdict costs its row,
        # not a walk over every item of a large queue.
        held = self._verdicts
        # One look-up per record: those that went, then those that came or were replaced (a
        # record the workspace did not touch is the same object as the one held).
        touched = [k for k in held if verdicts.get(k) is None]
        touched += [k for k, r in verdicts.items() if r is not None and held.get(k) is not r]
        changed = []
        for key in touched:
            row = self._row_of.get(key)
            if row is None:
                continue
            record, old = verdicts.get(key), held.get(key)
            if record is None:
                del held[key]
            else:
                held[key] = record
            if record != old:
                changed.append(row)
        changed.sort()
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return changed

    def remove_key(self, key: str) -> None:
        """Drop the row of one key (a verdict took it out of a filtered queue)."""
        row = self._row_of.get(key)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self._verdicts.pop(key, None)
        self._keys = tuple(item.key for item in self._items)
        self._row_of = {k: r for r, k in enumerate(self._keys)}
        self.endRemoveRows()

    def insert_item(self, row: int, item, record) -> None:
        """Insert one queue item at a row (a verdict brought it into a filtered queue)."""
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        if record is not None:
            self._verdicts[item.key] = record
        self._keys = tuple(it.key for it in self._items)
        self._row_of = {k: r for r, k in enumerate(self._keys)}
        self.endInsertRows()

    # ----- reading ------------------------------------------------------------------------------
    def keys(self) -> list[str]:
        """Return the keys listed, top to bottom."""
        return list(self._keys)

    def key_order(self) -> tuple[str, ...]:
        """Return the keys listed, top to bottom, without copying them."""
        return self._keys

    def items(self) -> list:
        """Return the queue items listed, top to bottom."""
        return list(self._items)

    def row_of(self, key: str | None) -> int:
        """Return the row of a key, or -1."""
        return self._row_of.get(key, -1) if key is not None else -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        """Return the number of queue items (a flat list: no children)."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        """Return the three columns: type, summary, verdict."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "1–4" if self.compact and section == 2 else COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return "Verdict, shown as the key that gives it (1–4)" if self.compact else "Verdict"
        return None

    def data(self, index: ModelIndex, role=Qt.ItemDataRole.DisplayRole):
        """Return what a cell shows; only the rows on screen are ever asked."""
        # A view asks each cell for a dozen roles on every repaint (a J repaints the list): the
        # roles served nothing are answered before anything is looked up.
        if int(role) not in _SERVED_ROLES or not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == KEY_ROLE:
            return item.key
        column = index.column()
        record = self._verdicts.get(item.key)
        verdict = getattr(record, "verdict", None) or None  # "" is a note on an untriaged item
        note = getattr(record, "note", "") if record is not None else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item_kind(item)
            if column == 1:
                return str(getattr(item, "summary", "") or item.key)
            text = verdict_key_text(verdict) if self.compact else colors.verdict_text(verdict)
            return text + (" ✎" if note else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0:
                return colors.type_colour(item_kind(item), self._palette)
            if column == 2:
                return colors.verdict_colour(verdict, self._palette)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            kind = item_kind(item)
            if kind not in self._icons:
                self._icons[kind] = chip_icon(colors.type_colour(kind, self._palette))
            return self._icons[kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            rank = getattr(item, "rank", None)
            head = " · ".join(
                part
                for part in (
                    item_kind(item),
                    "contradiction inside one source" if getattr(item, "kind", "") == "contradiction" else "",
                    f"rank {rank:.2f}" if rank is not None else "",
                    ", ".join(item_sources(self._alignment, item)),
                )
                if part
            )
            tip = f"{head}\n{getattr(item, 'summary', '')}\n{colors.verdict_label(verdict)}"
            return tip + (f"\nNote: {note}" if note else "")
        return None
